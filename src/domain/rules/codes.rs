//! The stable rule codes. Documents, support staff and other tools cite them, so a code
//! is never renamed or reused; a new check gets a new code.

use std::fmt;

use serde::{de, Deserialize, Deserializer, Serialize, Serializer};

use crate::domain::money::percent_text;
use crate::domain::records::ProgrammeParameters;

/// How much a finding matters. Findings never stop anyone saving; only errors block the
/// steps that commit money (see [`crate::domain::rules::blocking_approval`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Importance {
    /// The data breaks a programme rule; money may not move until it is resolved.
    Error,
    /// Something a person should look at; nothing is blocked.
    Warning,
    /// For the record only.
    Info,
}

impl Importance {
    pub fn label_th(self) -> &'static str {
        match self {
            Importance::Error => "ข้อผิดพลาด",
            Importance::Warning => "คำเตือน",
            Importance::Info => "ข้อสังเกต",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Importance::Error => "error",
            Importance::Warning => "warning",
            Importance::Info => "info",
        }
    }
}

/// Declares every rule once, so the code, its importance and both descriptions cannot
/// drift apart, and [`RuleCode::ALL`] cannot miss one.
macro_rules! rule_codes {
    ($($variant:ident => $code:literal, $importance:ident, $th:literal, $en:literal;)*) => {
        /// One programme rule. The declaration order is the order findings are listed in.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum RuleCode {
            $(#[doc = $en] $variant,)*
        }

        impl RuleCode {
            pub const ALL: &'static [RuleCode] = &[$(RuleCode::$variant,)*];

            /// The stable code, e.g. `"project.cap"`.
            pub fn code(self) -> &'static str {
                match self { $(RuleCode::$variant => $code,)* }
            }

            pub fn from_code(code: &str) -> Option<RuleCode> {
                match code { $($code => Some(RuleCode::$variant),)* _ => None }
            }

            /// The importance findings of this rule carry.
            pub fn default_importance(self) -> Importance {
                match self { $(RuleCode::$variant => Importance::$importance,)* }
            }

            /// The description with `{share}` where the year's figure goes; see
            /// [`RuleCode::describe`].
            fn template_th(self) -> &'static str {
                match self { $(RuleCode::$variant => $th,)* }
            }

            fn template_en(self) -> &'static str {
                match self { $(RuleCode::$variant => $en,)* }
            }
        }
    };
}

rule_codes! {
    ProjectCap => "project.cap", Error,
        "โครงการได้รับอนุมัติเกินวงเงินสูงสุดต่อโครงการ",
        "A project's approved amount is above the per-project maximum.";
    CityCap => "city.cap", Error,
        "วงเงินที่อนุมัติให้เมืองเกินวงเงินสูงสุดต่อเมือง หรือโครงการที่อนุมัติของเมืองรวมกันเกินวงเงินสูงสุดหรือวงเงินที่อนุมัติให้เมือง",
        "A city's approved amount is above the city maximum, or its approved projects together exceed the maximum or the city's approved amount.";
    CommitteeGrantAmount => "committee_grant.amount", Error,
        "งบคณะกรรมการเมืองไม่ตรงกับประเภทท้องถิ่น หรือให้ซ้ำในปีเดียวกัน",
        "A committee grant does not match the city's type of local government, or is given twice in one year.";
    ProvinceGrantAmount => "province_grant.amount", Error,
        "งบจังหวัดไม่ตรงกับที่กำหนด หรือให้จังหวัดเดียวกันสองครั้งในปีเดียวกัน",
        "A province start-up grant differs from the parameter, or a province has two in one year.";
    InstalmentFirstShare => "instalment.first_share", Error,
        "งวดที่ 1 ไม่เท่ากับสัดส่วนที่กำหนด ({share}) ของวงเงินที่อนุมัติให้เมือง (ไม่เกินวงเงินสูงสุดต่อเมือง)",
        "A first instalment is not the set share ({share}) of the city's approved amount (at most the city maximum).";
    InstalmentBeforeMou => "instalment.before_mou", Error,
        "โอนเงินให้เมืองก่อนวันลงนามบันทึกความร่วมมือ หรือโดยไม่มีบันทึกความร่วมมือ",
        "Money was transferred to a city before its MOU was signed, or without an MOU.";
    InstalmentOverdue => "instalment.overdue", Warning,
        "เมืองไม่ได้ขอเบิกงวดที่ 2 ภายในกำหนด (หรือภายในวันที่ตกลงขยายให้)",
        "The city did not ask to draw its second instalment by the deadline (or by its agreed extension).";
    TransferExceedsApproved => "transfer.exceeds_approved", Error,
        "เงินที่โอนให้เมืองรวมกันเกินวงเงินที่อนุมัติ",
        "Transfers to a city add up to more than its approved amount.";
    TransferFutureDate => "transfer.future_date", Error,
        "วันที่โอนเงินเป็นวันในอนาคต",
        "A transfer is dated after today: money cannot have moved yet.";
    ProjectStatusOrder => "project.status_order", Error,
        "ลำดับสถานะของโครงการเป็นไปไม่ได้",
        "A project's status history is impossible.";
    DateEraSuspect => "date.era_suspect", Error,
        "ปีของวันที่ดูเหมือนผิดศักราช (พ.ศ./ค.ศ.)",
        "A date's year looks like the wrong era (BE/CE mixed up).";
    RecordMissingField => "record.missing_field", Error,
        "ข้อมูลที่จำเป็นยังว่างอยู่ หรืออ้างถึงรายการที่ไม่มีอยู่",
        "A required field is empty, or refers to a record that does not exist.";
    RecordDuplicate => "record.duplicate", Error,
        "เมืองเดียวกันหรือกรรมการคนเดียวกันถูกบันทึกซ้ำ",
        "The same city, or the same committee member, is entered twice.";
    TotalStatedMismatch => "total.stated_mismatch", Warning,
        "ยอดรวมที่แจ้งไม่ตรงกับยอดที่คำนวณจากข้อมูลที่บันทึก",
        "A stated total differs from what the records add up to.";
    ValueOutOfRange => "value.out_of_range", Error,
        "ค่าที่บันทึกไว้อยู่นอกขอบเขตที่โครงการรับได้ (จำนวนเงิน สัดส่วน จำนวน ปี ความยาวข้อความ หรืออักขระที่มองไม่เห็นในชื่อ)",
        "A stored value is outside the range the programme accepts (amount, share, count, year, text length, or an invisible character in a name).";
    HouseholdDuplicate => "household.duplicate", Warning,
        "บ้านเลขที่เดียวกันถูกบันทึกซ้ำในชุมชนเดียวกัน",
        "The same house number is entered twice in one community.";
    HouseholdMembers => "household.members", Error,
        "จำนวนสมาชิกครัวเรือนเป็นไปไม่ได้ (ไม่มีสมาชิก หรือกลุ่มเปราะบางมากกว่าสมาชิกทั้งหมด)",
        "A household's members are impossible (none, or more in a vulnerable group than in the household).";
    CommunityCoverage => "community.coverage", Warning,
        "ครัวเรือนที่สำรวจมากกว่าที่ชุมชนแจ้งไว้ หรือไม่ถึงครึ่งเมื่อปิดรอบการสำรวจแล้ว",
        "A community's surveyed households exceed its stated households, or are under half of them once the round is closed.";
    ProgressExceedsApproved => "progress.exceeds_approved", Error,
        "รายงานความก้าวหน้าแจ้งเงินที่ใช้ไปแล้วเกินเงินที่อนุมัติให้โครงการ",
        "A progress report states more spent to date than the project's approved amount.";
    ProgressBeforeApproval => "progress.before_approval", Error,
        "รายงานความก้าวหน้าลงวันที่ก่อนวันที่อนุมัติโครงการ หรือโครงการยังไม่ได้รับอนุมัติ",
        "A progress report is dated before the project was approved, or the project is not approved.";
    ProgressBackwards => "progress.backwards", Warning,
        "ความคืบหน้าหรือเงินที่ใช้ไปแล้วน้อยกว่ารายงานฉบับก่อน",
        "A progress report shows less done or less spent than an earlier report.";
    InstalmentReportCity => "instalment.report_city", Error,
        "งวดเงินอ้างถึงรายงานความก้าวหน้าของโครงการในเมืองอื่น",
        "An instalment rests on a progress report of another city's project.";
    ProjectCommunityCity => "project.community_city", Warning,
        "โครงการระบุชุมชนที่อยู่ในเมืองอื่น",
        "A project names a community of another city.";
    ProjectHouseholdsReached => "project.households_reached", Warning,
        "ครัวเรือนที่โครงการแจ้งว่าได้รับประโยชน์มากกว่าครัวเรือนของชุมชนที่ระบุรวมกัน",
        "A project reaches more households than the communities it names state together.";
}

impl RuleCode {
    /// One line for a findings page and `docs/rules.md`, in Thai and English, with the
    /// figures of `params` (the first-instalment share is read, never written as "70%").
    ///
    /// ```
    /// use mueang::domain::records::ProgrammeParameters;
    /// use mueang::domain::rules::RuleCode;
    /// let mut p = ProgrammeParameters::fy2561();
    /// assert!(RuleCode::InstalmentFirstShare.describe(&p).0.contains("(70%)"));
    /// p.first_instalment_share = rust_decimal::Decimal::new(60, 2);
    /// assert!(RuleCode::InstalmentFirstShare.describe(&p).1.contains("(60%)"));
    /// ```
    pub fn describe(self, params: &ProgrammeParameters) -> (String, String) {
        let share = format!("{}%", percent_text(params.first_instalment_share));
        (
            self.template_th().replace("{share}", &share),
            self.template_en().replace("{share}", &share),
        )
    }
}

impl fmt::Display for RuleCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for RuleCode {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for RuleCode {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let code = String::deserialize(d)?;
        RuleCode::from_code(&code)
            .ok_or_else(|| de::Error::custom(format!("unknown rule code \"{code}\"")))
    }
}
