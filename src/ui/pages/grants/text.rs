//! The grant screens' strings.

use crate::ui::i18n::Text;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GrantText {
    Title,
    Intro,
    ProvinceGrants,
    ProvinceGrantsIntro,
    CommitteeGrants,
    CommitteeGrantsIntro,
    AddProvinceGrant,
    AddCommitteeGrant,
    NewProvinceGrant,
    NewCommitteeGrant,
    ProvinceGrant,
    CommitteeGrant,
    DatePaid,
    NoGrants,
}

impl Text for GrantText {
    fn pair(self) -> (&'static str, &'static str) {
        use GrantText::*;
        match self {
            Title => ("งบจังหวัดและงบคณะกรรมการ", "Province and committee grants"),
            Intro => (
                "เงินที่ไม่ใช่โครงการ: งบเริ่มต้นให้จังหวัด และงบดำเนินงานของคณะกรรมการเมืองตามประเภทท้องถิ่น",
                "Money that is not a project: the province start-up grant, and the committee grant by type of local government.",
            ),
            ProvinceGrants => ("งบจังหวัด (เริ่มต้นคณะกรรมการเมือง)", "Province start-up grants"),
            ProvinceGrantsIntro => ("จังหวัดละหนึ่งครั้งต่อปีงบประมาณ", "Once per province per fiscal year"),
            CommitteeGrants => ("งบคณะกรรมการเมือง", "Committee grants"),
            CommitteeGrantsIntro => (
                "เทศบาลนครและเทศบาลเมืองได้มากกว่าเทศบาลตำบลและ อบต.",
                "City and town municipalities receive more than subdistrict municipalities and SAOs",
            ),
            AddProvinceGrant => ("เพิ่มงบจังหวัด", "Add a province grant"),
            AddCommitteeGrant => ("เพิ่มงบคณะกรรมการ", "Add a committee grant"),
            NewProvinceGrant => ("งบจังหวัดใหม่", "New province grant"),
            NewCommitteeGrant => ("งบคณะกรรมการเมืองใหม่", "New committee grant"),
            ProvinceGrant => ("งบจังหวัด", "Province grant"),
            CommitteeGrant => ("งบคณะกรรมการเมือง", "Committee grant"),
            DatePaid => ("วันที่จ่าย", "Date paid"),
            NoGrants => ("ยังไม่มีรายการที่ตรงกับตัวกรอง", "Nothing matches the filters"),
        }
    }
}
