//! The progress report screens' strings.

use crate::ui::i18n::Text;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ProgressText {
    NewTitle,
    EditTitle,
    Project,
    OpenProject,
    Date,
    DateHint,
    Percent,
    WorkDone,
    Spent,
    SpentHint,
    Problems,
    Money,
    ApprovedIs,
    NoApproved,
    History,
    HistoryIntro,
    Add,
    NoReports,
    SpentShort,
    Undated,
    Latest,
    FromReport,
    OwnField,
    ReportOf,
    ReportNone,
    ReportHint,
    Baht,
}

impl Text for ProgressText {
    fn pair(self) -> (&'static str, &'static str) {
        use ProgressText::*;
        match self {
            NewTitle => ("รายงานความก้าวหน้าใหม่", "New progress report"),
            EditTitle => ("รายงานความก้าวหน้า", "Progress report"),
            Project => ("โครงการ", "Project"),
            OpenProject => ("เปิดหน้าโครงการ", "Open the project's page"),
            Date => ("วันที่รายงาน", "Report date"),
            DateHint => ("ความก้าวหน้า ณ วันนี้", "Progress as of this day"),
            Percent => ("ความคืบหน้า", "Done"),
            WorkDone => ("งานที่ทำแล้ว", "What was done"),
            Spent => ("เงินที่ใช้ไปแล้ว (บาท)", "Spent to date (baht)"),
            SpentHint => (
                "เงินของโครงการที่ใช้ไปแล้วทั้งหมดถึงวันที่รายงาน ไม่รวมเงินต่อยอด",
                "All of the programme's money spent up to the report date, co-funding not included",
            ),
            Problems => ("ปัญหาและอุปสรรค", "Problems met"),
            Money => ("การใช้จ่าย", "Spending"),
            ApprovedIs => ("เงินที่อนุมัติให้โครงการ", "Approved for the project"),
            NoApproved => (
                "โครงการยังไม่มีเงินที่อนุมัติ",
                "The project has no approved amount yet",
            ),
            History => ("รายงานความก้าวหน้า", "Progress reports"),
            HistoryIntro => (
                "ล่าสุดอยู่บนสุด ความคืบหน้าของโครงการใช้ตัวเลขจากรายงานล่าสุด",
                "Newest first; the project's progress is the latest report's",
            ),
            Add => ("เพิ่มรายงานความก้าวหน้า", "Add a progress report"),
            NoReports => ("ยังไม่มีรายงานความก้าวหน้า", "No progress report yet"),
            SpentShort => ("ใช้จ่ายแล้ว", "spent"),
            Undated => ("ยังไม่ระบุวันที่", "no date yet"),
            Latest => ("ความคืบหน้าล่าสุด", "Latest progress"),
            FromReport => ("จากรายงานวันที่", "from the report of"),
            OwnField => (
                "ยังไม่มีรายงานความก้าวหน้า ใช้ตัวเลขนี้แทนจนกว่าจะมีรายงาน",
                "No progress report yet: this figure stands until there is one",
            ),
            ReportOf => (
                "รายงานความก้าวหน้าที่ใช้ขอเบิก",
                "Progress report the request rests on",
            ),
            ReportNone => ("ไม่ระบุ", "None"),
            Baht => ("บาท", "baht"),
            ReportHint => (
                "รายงานของโครงการในเมืองนี้ ที่เมืองส่งมาพร้อมคำขอเบิก",
                "One of this city's project reports, sent with the request",
            ),
        }
    }
}
