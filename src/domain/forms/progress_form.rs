//! A progress report's form (issue #13): the project, the day, percent done, what was
//! done, the money spent so far and the problems met, as typed.

use serde::{Deserialize, Serialize};

use crate::domain::meta::{RecordId, RecordMeta};
use crate::domain::records::{Dataset, ProgressReport};

use super::form::{date_text, money_text, Reader, RecordForm};

/// A report as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ProgressReportForm {
    pub project_id: String,
    pub date: String,
    /// Per cent, "0" to "100" ("๖๐" and "60%" read too).
    pub percent: String,
    pub work_done: String,
    pub spent_to_date: String,
    pub problems: String,
    /// The files attached, as the record will hold them (added and removed by the
    /// attachments panel; missing from drafts kept before attachments existed).
    #[serde(default)]
    pub attachments: Vec<crate::domain::records::Attachment>,
}

/// A new report of `project` (nil when none is chosen yet). It starts from the project's
/// latest report's percent, so a person types only what moved.
pub fn new_report(ds: &Dataset, meta: RecordMeta, project: RecordId) -> ProgressReport {
    let mut r = ProgressReport::new(meta, project);
    if let Some(last) = crate::domain::records::reports_of(ds, project).first() {
        r.percent = last.percent;
    }
    r
}

impl RecordForm for ProgressReportForm {
    type Record = ProgressReport;

    fn from_record(r: &ProgressReport) -> ProgressReportForm {
        ProgressReportForm {
            project_id: if r.project_id.is_nil() {
                String::new()
            } else {
                r.project_id.to_string()
            },
            date: date_text(r.date),
            percent: r.percent.to_string(),
            work_done: r.work_done.clone(),
            spent_to_date: money_text(r.spent_to_date),
            problems: r.problems.clone(),
            attachments: r.attachments.clone(),
        }
    }

    fn read(&self, base: &ProgressReport, p: &mut ProgressReport, r: &mut Reader) {
        p.attachments = self.attachments.clone();
        p.project_id = r.parent(
            "project_id",
            &self.project_id,
            base.project_id,
            "กรุณาเลือกโครงการ",
            "Please choose the project.",
        );
        p.date = r.date("date", &self.date, base.date);
        p.percent = if self.percent.trim().is_empty() {
            0
        } else {
            let n = r.whole("percent", &self.percent, 0, 100, u64::from(base.percent));
            u8::try_from(n).unwrap_or(base.percent)
        };
        p.work_done = self.work_done.trim().to_owned();
        p.spent_to_date = r.money("spent_to_date", &self.spent_to_date, base.spent_to_date);
        p.problems = self.problems.trim().to_owned();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::meta::stable_id;
    use crate::domain::money::Baht;
    use chrono::NaiveDate;
    use uuid::Uuid;

    fn blank() -> ProgressReport {
        new_report(
            &Dataset::default(),
            RecordMeta::shipped("r"),
            stable_id("project"),
        )
    }

    #[test]
    fn a_report_round_trips_and_reads_thai_input() {
        let base = blank();
        let mut f = ProgressReportForm::from_record(&base);
        f.date = "15 มี.ค. 61".into();
        f.percent = "๖๐%".into();
        f.spent_to_date = "๓๐,๐๐๐ บาท".into();
        f.work_done = " เทพื้นลานกีฬาแล้ว ".into();
        let b = f.build(&base);
        assert!(b.is_complete(), "{:?}", b.errors);
        assert_eq!(b.record.date, NaiveDate::from_ymd_opt(2018, 3, 15));
        assert_eq!(b.record.percent, 60);
        assert_eq!(b.record.spent_to_date, Some(Baht::whole(30_000)));
        assert_eq!(b.record.work_done, "เทพื้นลานกีฬาแล้ว");
        let again = ProgressReportForm::from_record(&b.record).build(&b.record);
        assert_eq!(again.record, b.record);
    }

    #[test]
    fn a_percent_above_100_and_unreadable_money_are_named_and_keep_the_stored_values() {
        let mut base = blank();
        base.percent = 40;
        base.spent_to_date = Some(Baht::whole(10));
        let mut f = ProgressReportForm::from_record(&base);
        f.percent = "120".into();
        f.spent_to_date = "สามหมื่น".into();
        f.project_id = String::new();
        base.project_id = Uuid::nil();
        let b = f.build(&base);
        let fields: Vec<&str> = b.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["project_id", "percent", "spent_to_date"]);
        assert_eq!(b.record.percent, 40);
        assert_eq!(b.record.spent_to_date, Some(Baht::whole(10)));
    }

    #[test]
    fn a_new_report_starts_from_the_latest_percent() {
        let mut ds = Dataset::default();
        let mut old = ProgressReport::new(RecordMeta::shipped("old"), stable_id("project"));
        old.date = NaiveDate::from_ymd_opt(2018, 3, 1);
        old.percent = 35;
        ds.progress_reports.push(old);
        let r = new_report(&ds, RecordMeta::shipped("new"), stable_id("project"));
        assert_eq!((r.percent, r.date), (35, None));
    }
}
