//! A city in the programme: one local government unit (องค์กรปกครองส่วนท้องถิ่น).

use serde::{Deserialize, Serialize};

use crate::domain::dates::FiscalYear;
use crate::domain::meta::{RecordId, RecordMeta};
use crate::domain::money::Baht;

/// The four kinds of local government unit. The kind decides the committee grant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum LocalUnitType {
    /// เทศบาลนคร
    CityMunicipality,
    /// เทศบาลเมือง
    TownMunicipality,
    /// เทศบาลตำบล
    SubdistrictMunicipality,
    /// องค์การบริหารส่วนตำบล (อบต.)
    SubdistrictAdministrativeOrganisation,
}

impl LocalUnitType {
    pub const ALL: [LocalUnitType; 4] = [
        LocalUnitType::CityMunicipality,
        LocalUnitType::TownMunicipality,
        LocalUnitType::SubdistrictMunicipality,
        LocalUnitType::SubdistrictAdministrativeOrganisation,
    ];

    pub fn name_th(self) -> &'static str {
        match self {
            LocalUnitType::CityMunicipality => "เทศบาลนคร",
            LocalUnitType::TownMunicipality => "เทศบาลเมือง",
            LocalUnitType::SubdistrictMunicipality => "เทศบาลตำบล",
            LocalUnitType::SubdistrictAdministrativeOrganisation => "องค์การบริหารส่วนตำบล",
        }
    }

    pub fn name_en(self) -> &'static str {
        match self {
            LocalUnitType::CityMunicipality => "City municipality",
            LocalUnitType::TownMunicipality => "Town municipality",
            LocalUnitType::SubdistrictMunicipality => "Subdistrict municipality",
            LocalUnitType::SubdistrictAdministrativeOrganisation => {
                "Subdistrict administrative organisation"
            }
        }
    }

    /// City and town municipalities get the larger committee grant.
    pub fn is_municipality_of_city_or_town(self) -> bool {
        matches!(
            self,
            LocalUnitType::CityMunicipality | LocalUnitType::TownMunicipality
        )
    }
}

/// The amount approved for a city in one fiscal year: the ceiling its projects share.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CityBudget {
    pub fiscal_year: FiscalYear,
    pub approved_ceiling: Baht,
}

/// A city: one local government unit taking part in the programme.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct City {
    pub meta: RecordMeta,
    /// Full Thai name as written officially, e.g. "เทศบาลนครแม่สอด".
    #[serde(deserialize_with = "crate::domain::fast_de::line")]
    pub name_th: String,
    #[serde(default, deserialize_with = "crate::domain::fast_de::line")]
    pub name_en: String,
    pub unit_type: LocalUnitType,
    pub province_id: RecordId,
    #[serde(default)]
    pub budgets: Vec<CityBudget>,
    /// อำเภอ, as the Department of Local Administration lists the unit. Empty fields are
    /// left out of files, so records written before v2 keep their bytes.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub district: String,
    /// The Department of Local Administration's code for the unit (รหัส อปท.).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub local_code: String,
    /// Where CODI sends the city's money.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account: Option<ReceivingAccount>,
}

/// The account that receives a city's instalments: usually the community network's or
/// the committee's, not the municipality's.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ReceivingAccount {
    /// ชื่อบัญชี, e.g. "เครือข่ายองค์กรชุมชนเมืองแม่สอด".
    pub account_name: String,
    pub bank: String,
    #[serde(default)]
    pub branch: String,
    /// Digits as printed in the passbook, dashes allowed.
    pub number: String,
    /// The people authorised to sign for the account.
    #[serde(default)]
    pub signers: Vec<String>,
}

impl ReceivingAccount {
    /// Where the money goes, as one line for screens and sheets that others see, with the
    /// number masked: "เครือข่ายฯ แม่สอด · กรุงไทย สาขาแม่สอด · เลขที่ xxx-x-xx789-0".
    ///
    /// ```
    /// use mueang::domain::records::ReceivingAccount;
    /// let a = ReceivingAccount {
    ///     account_name: "เครือข่ายชุมชนแม่สอด".into(),
    ///     bank: "กรุงไทย".into(),
    ///     branch: "แม่สอด".into(),
    ///     number: "123-4-56789-0".into(),
    ///     signers: vec![],
    /// };
    /// assert_eq!(a.masked_line().0, "เครือข่ายชุมชนแม่สอด · กรุงไทย สาขาแม่สอด · เลขที่ xxx-x-xx789-0");
    /// assert_eq!(a.masked_line().1, "เครือข่ายชุมชนแม่สอด · กรุงไทย, แม่สอด branch · no. xxx-x-xx789-0");
    /// ```
    pub fn masked_line(&self) -> (String, String) {
        let (name, bank, branch) = (
            self.account_name.trim(),
            self.bank.trim(),
            self.branch.trim(),
        );
        let number = mask_account(self.number.trim());
        let join = |parts: [String; 3]| {
            parts
                .into_iter()
                .filter(|p| !p.trim().is_empty())
                .collect::<Vec<_>>()
                .join(" · ")
        };
        let th_bank = match branch {
            "" => bank.to_string(),
            b => format!("{bank} สาขา{b}").trim().to_string(),
        };
        let en_bank = match branch {
            "" => bank.to_string(),
            b => format!("{bank}, {b} branch")
                .trim_start_matches(", ")
                .to_string(),
        };
        let num = |word: &str| match number.as_str() {
            "" => String::new(),
            n => format!("{word} {n}"),
        };
        (
            join([name.to_string(), th_bank, num("เลขที่")]),
            join([name.to_string(), en_bank, num("no.")]),
        )
    }

    /// Whether it says enough to send money: a name, a bank and a number.
    pub fn is_complete(&self) -> bool {
        [&self.account_name, &self.bank, &self.number]
            .iter()
            .all(|s| !s.trim().is_empty())
    }
}

/// An account number as lists and screens shown at meetings print it: only the last four
/// digits, so a projected screen does not hand out the number.
///
/// ```
/// use mueang::domain::records::mask_account;
/// assert_eq!(mask_account("123-4-56789-0"), "xxx-x-xx789-0");
/// assert_eq!(mask_account("12"), "12");
/// ```
pub fn mask_account(number: &str) -> String {
    // Thai digits are digits too: "๑๒๓-๔" must not pass through whole.
    let digits = number.chars().filter(|c| c.is_numeric()).count();
    let mut hidden = digits.saturating_sub(4);
    number
        .chars()
        .map(|c| {
            if c.is_numeric() && hidden > 0 {
                hidden -= 1;
                'x'
            } else {
                c
            }
        })
        .collect()
}

impl City {
    /// A city with one year's approved ceiling and nothing else (no district, code or
    /// account): the start of a new city's form, the example's cities and the benches'.
    pub fn with_ceiling(
        meta: RecordMeta,
        name_th: String,
        name_en: String,
        unit_type: LocalUnitType,
        province_id: RecordId,
        fiscal_year: FiscalYear,
        approved_ceiling: Baht,
    ) -> City {
        City {
            meta,
            name_th,
            name_en,
            unit_type,
            province_id,
            budgets: vec![CityBudget {
                fiscal_year,
                approved_ceiling,
            }],
            district: String::new(),
            local_code: String::new(),
            account: None,
        }
    }

    pub fn budget_for(&self, fy: FiscalYear) -> Option<Baht> {
        self.budgets
            .iter()
            .find(|b| b.fiscal_year == fy)
            .map(|b| b.approved_ceiling)
    }
}
