//! The Findings page's strings.

use crate::ui::i18n::Text;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FindingsText {
    Title,
    Intro,
    Importance,
    Rule,
    None,
    NoneAtAll,
    Open,
    Concerns,
    Summary,
    Clear,
    Previous,
    Next,
    Page,
}

impl Text for FindingsText {
    fn pair(self) -> (&'static str, &'static str) {
        use FindingsText::*;
        match self {
            Title => ("ผลการตรวจตามหลักเกณฑ์", "Rule findings"),
            Intro => (
                "ทุกข้อที่ข้อมูลไม่ตรงตามหลักเกณฑ์ของโครงการ ข้อผิดพลาดทำให้อนุมัติโครงการหรือโอนเงินไม่ได้จนกว่าจะแก้ คำเตือนไม่ขวางสิ่งใด",
                "Everything in the data that breaks a programme rule. Errors stop approving a project or recording a transfer until fixed; warnings stop nothing.",
            ),
            Importance => ("ระดับ", "Importance"),
            Rule => ("หลักเกณฑ์", "Rule"),
            None => ("ไม่มีผลการตรวจที่ตรงกับตัวกรอง", "No finding matches the filters"),
            NoneAtAll => ("ไม่พบปัญหาตามหลักเกณฑ์", "No rule problems found"),
            Open => ("เปิดรายการนี้", "Open the record"),
            Concerns => ("เกี่ยวกับ", "About"),
            Summary => ("ทั้งหมด", "In all"),
            Clear => ("ล้างตัวกรอง", "Clear the filters"),
            Previous => ("ก่อนหน้า", "Previous"),
            Next => ("ถัดไป", "Next"),
            Page => ("หน้า", "Page"),
        }
    }
}
