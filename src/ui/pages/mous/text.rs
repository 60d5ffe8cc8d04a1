//! The MOU screens' strings.

use crate::ui::i18n::Text;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MouText {
    Title,
    Intro,
    Add,
    NewTitle,
    EditTitle,
    TitleField,
    TitleHint,
    SignedOn,
    Place,
    Cities,
    CitiesHint,
    AddCity,
    RemoveCity,
    Signatories,
    AddSignatory,
    AddStandard,
    AddStandardHint,
    SignatoryName,
    Role,
    SignedFor,
    Position,
    Witness,
    WitnessName,
    WitnessPosition,
    NoMous,
}

impl Text for MouText {
    fn pair(self) -> (&'static str, &'static str) {
        use MouText::*;
        match self {
            Title => ("บันทึกความร่วมมือ (MOU)", "Memoranda of cooperation (MOU)"),
            Intro => (
                "เงินโอนให้เมืองได้หลังลงนามบันทึกความร่วมมือแล้วเท่านั้น บันทึกวันที่ลงนาม เมืองที่ร่วม ผู้ลงนาม และสักขีพยาน",
                "Money may go to a city only after its MOU is signed. Record the signing date, the cities covered, the signatories and the witness.",
            ),
            Add => ("เพิ่มบันทึกความร่วมมือ", "Add an MOU"),
            NewTitle => ("บันทึกความร่วมมือใหม่", "New MOU"),
            EditTitle => ("บันทึกความร่วมมือ", "MOU"),
            TitleField => ("ชื่อบันทึก", "Title"),
            TitleHint => ("เช่น บันทึกความร่วมมือด้านการพัฒนาชุมชน", "e.g. MOU on community development"),
            SignedOn => ("วันที่ลงนาม", "Signed on"),
            Place => ("สถานที่ลงนาม", "Place of signing"),
            Cities => ("เมืองที่ร่วมลงนาม", "Cities covered"),
            CitiesHint => ("เลือกเมืองทีละเมือง", "Choose the cities one at a time"),
            AddCity => ("เพิ่มเมือง", "Add a city"),
            RemoveCity => ("เอาเมืองนี้ออก", "Remove this city"),
            Signatories => ("ผู้ลงนาม", "Signatories"),
            AddSignatory => ("เพิ่มผู้ลงนาม", "Add a signatory"),
            AddStandard => ("เพิ่มผู้ลงนามตามแบบ", "Add the usual signatories"),
            AddStandardHint => (
                "ผู้แทนคณะทำงาน และ พอช. อย่างละหนึ่ง กับผู้แทนเมือง ผู้แทนท้องถิ่น และประธานโครงการ ของทุกเมือง",
                "One working-group representative and CODI, and for every city its representative, local government representative and project chair",
            ),
            SignatoryName => ("ชื่อ-สกุลผู้ลงนาม", "Signatory's full name"),
            Role => ("ลงนามในฐานะ", "Signs as"),
            SignedFor => ("ลงนามในนามเมือง", "Signs for the city"),
            Position => ("ตำแหน่ง", "Position"),
            Witness => ("สักขีพยาน", "Witness"),
            WitnessName => ("ชื่อ-สกุลสักขีพยาน", "Witness's full name"),
            WitnessPosition => ("ตำแหน่งสักขีพยาน", "Witness's position"),
            NoMous => ("ยังไม่มีบันทึกความร่วมมือที่ตรงกับตัวกรอง", "No MOU matches the filters"),
        }
    }
}
