//! The parameter screens' strings.

use crate::ui::i18n::Text;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ParamText {
    Title,
    Intro,
    Add,
    NewTitle,
    EditTitle,
    ProjectMax,
    ProjectMaxHint,
    CityMax,
    CityMaxHint,
    GrantCityTown,
    GrantSubdistrict,
    ProvinceGrant,
    FirstShare,
    FirstShareHint,
    Deadline,
    DeadlineHint,
    NoDeadline,
    SameYear,
    Shipped,
    Amounts,
    Instalments,
    OpenOther,
}

impl Text for ParamText {
    fn pair(self) -> (&'static str, &'static str) {
        use ParamText::*;
        match self {
            Title => ("เกณฑ์โครงการรายปี", "Programme parameters by year"),
            Intro => (
                "วงเงินและสัดส่วนของแต่ละปีงบประมาณ หลักเกณฑ์ทุกข้ออ่านจากที่นี่ ปีที่ไม่มีเกณฑ์ของตนใช้วงเงินของปีก่อนหน้า แต่ไม่มีกำหนดเบิกงวดที่ 2",
                "The amounts and shares of each fiscal year. Every rule reads them here; a year without its own uses the latest earlier year's amounts, but no second-instalment deadline.",
            ),
            Add => ("เพิ่มปีงบประมาณ", "Add a fiscal year"),
            NewTitle => ("เกณฑ์ของปีงบประมาณใหม่", "Parameters for a new year"),
            EditTitle => ("เกณฑ์โครงการ", "Programme parameters"),
            ProjectMax => ("วงเงินสูงสุดต่อโครงการ", "Most per project"),
            ProjectMaxHint => ("ปี 2561: 50,000 บาท", "FY2561: 50,000 baht"),
            CityMax => ("วงเงินสูงสุดต่อเมือง (ทุกโครงการรวมกัน)", "Most per city (all projects)"),
            CityMaxHint => ("ปี 2561: 500,000 บาท", "FY2561: 500,000 baht"),
            GrantCityTown => ("งบคณะกรรมการ เทศบาลนคร/เทศบาลเมือง", "Committee grant, city or town municipality"),
            GrantSubdistrict => ("งบคณะกรรมการ เทศบาลตำบล/อบต.", "Committee grant, subdistrict municipality or SAO"),
            ProvinceGrant => ("งบเริ่มต้นให้จังหวัด", "Province start-up grant"),
            FirstShare => ("งวดที่ 1 (ร้อยละของวงเงินที่อนุมัติ)", "First instalment (per cent of the approved amount)"),
            FirstShareHint => ("ปี 2561: 70", "FY2561: 70"),
            Deadline => ("กำหนดเบิกงวดที่ 2 ให้แล้วเสร็จ", "Second instalment completed by"),
            DeadlineHint => ("ปี 2561: 30 เม.ย. 2561", "FY2561: 30 Apr 2018"),
            NoDeadline => ("ไม่มีกำหนด", "no deadline"),
            SameYear => (
                "มีเกณฑ์ของปีงบประมาณนี้อยู่แล้ว: มีได้ปีละหนึ่งชุด แก้ไขชุดเดิมแทน",
                "This fiscal year already has parameters: keep one set per year and edit that one instead.",
            ),
            Shipped => ("ค่าที่มากับโปรแกรม", "as shipped"),
            Amounts => ("วงเงิน", "Amounts"),
            Instalments => ("งวดเงิน", "Instalments"),
            OpenOther => ("เปิดชุดเดิม", "Open that one"),
        }
    }
}
