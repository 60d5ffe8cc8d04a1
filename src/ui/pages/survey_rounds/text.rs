//! The survey rounds screens' strings.

use crate::ui::i18n::Text;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RoundText {
    Title,
    Intro,
    Add,
    NewTitle,
    EditTitle,
    None,
    RoundTitle,
    RoundTitleHint,
    Date,
    Surveyor,
    SurveyorHint,
    ClosedOn,
    ClosedOnHint,
    Notes,
    Open,
    Closed,
}

impl Text for RoundText {
    fn pair(self) -> (&'static str, &'static str) {
        use RoundText::*;
        match self {
            Title => ("รอบการสำรวจ", "Survey rounds"),
            Intro => (
                "แต่ละเมืองสำรวจครัวเรือนเป็นรอบ ครัวเรือนที่บันทึกใหม่จะอยู่ในรอบที่ยังไม่ปิดของเมือง",
                "Each city surveys its households in rounds; a new household goes into the city's open round.",
            ),
            Add => ("เพิ่มรอบการสำรวจ", "Add a survey round"),
            NewTitle => ("รอบการสำรวจใหม่", "New survey round"),
            EditTitle => ("รอบการสำรวจ", "Survey round"),
            None => ("ยังไม่มีรอบการสำรวจ", "No survey round yet"),
            RoundTitle => ("ชื่อรอบ", "Title"),
            RoundTitleHint => ("เช่น สำรวจข้อมูลทั้งเมือง ปี 2561", "e.g. สำรวจข้อมูลทั้งเมือง ปี 2561"),
            Date => ("วันที่เริ่มสำรวจ", "Start date"),
            Surveyor => ("ผู้รับผิดชอบการสำรวจ", "Who leads the survey"),
            SurveyorHint => ("ข้อมูลส่วนบุคคล", "Personal data"),
            ClosedOn => ("วันที่ปิดรอบ", "Closed on"),
            ClosedOnHint => (
                "เว้นว่างไว้ระหว่างที่ยังสำรวจอยู่ เมื่อปิดรอบแล้วจะตรวจว่าสำรวจครบหรือไม่",
                "Leave empty while the survey goes on; once closed, coverage is checked",
            ),
            Notes => ("หมายเหตุ", "Notes"),
            Open => ("ยังไม่ปิด", "open"),
            Closed => ("ปิดแล้ว", "closed"),
        }
    }
}
