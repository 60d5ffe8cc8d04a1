//! The widgets' own strings.

use crate::ui::i18n::Text;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FormText {
    Baht,
    ChooseOne,
    PickDate,
    CloseCalendar,
    PreviousMonth,
    NextMonth,
    Month,
    Year,
    EraSuspect,
    ReadAs,
    DateHint,
    MoneyHint,
    FindingsTitle,
    FindingsNone,
    GoToField,
    InputProblem,
    Required,
}

impl Text for FormText {
    fn pair(self) -> (&'static str, &'static str) {
        use FormText::*;
        match self {
            Baht => ("บาท", "baht"),
            ChooseOne => ("— เลือก —", "— choose —"),
            PickDate => ("เลือกวันที่จากปฏิทิน", "Pick the date from a calendar"),
            CloseCalendar => ("ปิดปฏิทิน", "Close the calendar"),
            PreviousMonth => ("เดือนก่อน", "Previous month"),
            NextMonth => ("เดือนถัดไป", "Next month"),
            Month => ("เดือน", "Month"),
            Year => ("ปี พ.ศ.", "Year (BE)"),
            EraSuspect => (
                "วันที่นี้น่าจะผิด อาจสลับ พ.ศ. กับ ค.ศ.:",
                "This date looks wrong; BE and CE may be mixed up:",
            ),
            ReadAs => ("อ่านได้ว่า", "Read as"),
            DateHint => (
                "พิมพ์เป็น พ.ศ. เช่น 3.2.2561 หรือ 3 ก.พ. 61 หรือเลือกจากปฏิทิน",
                "Type the date in the Buddhist Era (e.g. 3.2.2561) or in CE (3 Feb 2018), or use the calendar",
            ),
            MoneyHint => ("ตัวเลขไทยหรืออารบิก ใส่จุลภาคได้", "Thai or Arabic digits; commas are fine"),
            FindingsTitle => ("ผลการตรวจตามหลักเกณฑ์", "Rule check"),
            FindingsNone => ("ไม่พบปัญหาตามหลักเกณฑ์", "No rule problems found"),
            GoToField => ("ไปที่ช่องนี้", "Go to the field"),
            InputProblem => ("อ่านค่าที่กรอกไม่ได้", "Cannot read what was typed"),
            Required => ("จำเป็น", "required"),
        }
    }
}
