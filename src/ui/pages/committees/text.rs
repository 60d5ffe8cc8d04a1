//! The committee screens' strings.

use crate::ui::i18n::Text;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CommitteeText {
    Title,
    Intro,
    Add,
    NewTitle,
    EditTitle,
    Name,
    NameHint,
    Members,
    MemberName,
    Sector,
    Role,
    Contact,
    ContactHint,
    AddMember,
    NoCommittees,
    Meetings,
    AddMeeting,
}

impl Text for CommitteeText {
    fn pair(self) -> (&'static str, &'static str) {
        use CommitteeText::*;
        match self {
            Title => ("คณะกรรมการเมือง", "City committees"),
            Intro => (
                "คณะกรรมการเมืองเป็นเวทีกลางที่ผู้เดือดร้อนเสนอปัญหา บันทึกกรรมการแต่ละคนและภาคส่วนที่มา",
                "The city committee is the forum where people in hardship raise problems. Record each member and the sector they come from.",
            ),
            Add => ("เพิ่มคณะกรรมการ", "Add a committee"),
            NewTitle => ("คณะกรรมการเมืองใหม่", "New city committee"),
            EditTitle => ("คณะกรรมการเมือง", "City committee"),
            Name => ("ชื่อคณะกรรมการ", "Committee name"),
            NameHint => ("เช่น คณะกรรมการเมืองแม่สอด", "e.g. Mae Sot city committee"),
            Members => ("กรรมการ", "Members"),
            MemberName => ("ชื่อ-สกุล", "Full name"),
            Sector => ("ภาคส่วน", "Sector"),
            Role => ("ตำแหน่ง", "Role"),
            Contact => ("โทรศัพท์หรือไลน์", "Phone or LINE"),
            ContactHint => ("ข้อมูลส่วนบุคคล ใช้เพื่อติดต่อเท่านั้น", "Personal data: for contact only"),
            AddMember => ("เพิ่มกรรมการ", "Add a member"),
            NoCommittees => ("ยังไม่มีคณะกรรมการที่ตรงกับตัวกรอง", "No committee matches the filters"),
            Meetings => ("การประชุมของคณะกรรมการนี้", "This committee's meetings"),
            AddMeeting => ("บันทึกการประชุม", "Record a meeting"),
        }
    }
}
