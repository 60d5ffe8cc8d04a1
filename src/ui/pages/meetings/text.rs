//! The meeting screens' strings.

use crate::ui::i18n::Text;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MeetingText {
    Title,
    Intro,
    Add,
    NewTitle,
    EditTitle,
    Committee,
    OpenCommittee,
    Place,
    Attendance,
    AttendanceHint,
    Total,
    People,
    Problems,
    ProblemCategory,
    ProblemDescription,
    AddProblem,
    Decisions,
    DecisionsHint,
    NoMeetings,
}

impl Text for MeetingText {
    fn pair(self) -> (&'static str, &'static str) {
        use MeetingText::*;
        match self {
            Title => ("การประชุม", "Meetings"),
            Intro => (
                "บันทึกเวทีของคณะกรรมการเมือง: ผู้เข้าร่วมแต่ละภาคส่วน ปัญหาที่ชุมชนเสนอ และมติที่ประชุม",
                "Record the committee's forums: who came from each sector, the problems raised and the decisions.",
            ),
            Add => ("บันทึกการประชุม", "Record a meeting"),
            NewTitle => ("บันทึกการประชุมใหม่", "New meeting"),
            EditTitle => ("การประชุม", "Meeting"),
            Committee => ("คณะกรรมการเมือง", "City committee"),
            OpenCommittee => ("เปิดหน้าคณะกรรมการ", "Open the committee"),
            Place => ("สถานที่", "Place"),
            Attendance => ("ผู้เข้าร่วมประชุมแยกตามภาคส่วน", "Attendance by sector"),
            AttendanceHint => ("เว้นว่างภาคส่วนที่ไม่ได้มา", "Leave empty the sectors that did not come"),
            Total => ("รวม", "Total"),
            People => ("คน", "people"),
            Problems => ("ปัญหาที่เสนอในที่ประชุม", "Problems raised"),
            ProblemCategory => ("ประเด็น", "Category"),
            ProblemDescription => ("รายละเอียดปัญหา", "What was raised"),
            AddProblem => ("เพิ่มปัญหา", "Add a problem"),
            Decisions => ("มติที่ประชุม", "Decisions"),
            DecisionsHint => ("เช่น เห็นชอบส่งข้อเสนอโครงการ 3 โครงการ", "e.g. agreed to send three project proposals"),
            NoMeetings => ("ยังไม่มีการประชุมที่ตรงกับตัวกรอง", "No meeting matches the filters"),
        }
    }
}
