//! Dated progress reports (รายงานความก้าวหน้า) of a project: how far the work is, what
//! was done, what the programme's money spent so far, and what went wrong. CODI asks for
//! one before a city draws its second instalment, so an instalment may name the report it
//! rests on (`Instalment::progress_report_id`).
//!
//! A project keeps its history: reports are never folded into the project; the latest one
//! (by date) is what lists, reports and the dashboard show ([`latest_reports`]). The
//! project's own `progress_percent` stays for projects without any dated report.
//!
//! Attachments (photos, scanned papers) are an optional list of references by SHA-256
//! (`records::attachment`), left out of files when empty.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::meta::{RecordId, RecordMeta};
use crate::domain::money::Baht;
use crate::domain::records::limits::{ranged, Check, OutOfRange, Ranged, MAX_TEXT_CHARS};
use crate::domain::records::{Dataset, Project};
use crate::domain::sorting::SortSmall;

/// One dated report of a project's progress.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ProgressReport {
    pub meta: RecordMeta,
    pub project_id: RecordId,
    /// The day the report describes (required; `record.missing_field` while empty).
    #[serde(default)]
    pub date: Option<NaiveDate>,
    /// How much of the work is done, 0 to 100.
    #[serde(default)]
    pub percent: u8,
    /// What was done since the last report.
    #[serde(default, deserialize_with = "crate::domain::fast_de::text")]
    pub work_done: String,
    /// The programme's money spent on the project up to `date` (co-funding not included),
    /// as the city reports it. Compared with the approved amount
    /// (`progress.exceeds_approved`).
    #[serde(default)]
    pub spent_to_date: Option<Baht>,
    /// Problems met and help asked for.
    #[serde(default, deserialize_with = "crate::domain::fast_de::text")]
    pub problems: String,
    /// Photos and scanned papers (see `records::attachment`); left out of files when
    /// empty, so records without any keep their bytes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<crate::domain::records::attachment::Attachment>,
}

impl ProgressReport {
    /// A report of `project` with nothing typed yet.
    pub fn new(meta: RecordMeta, project_id: RecordId) -> ProgressReport {
        ProgressReport {
            meta,
            project_id,
            date: None,
            percent: 0,
            work_done: String::new(),
            spent_to_date: None,
            problems: String::new(),
            attachments: Vec::new(),
        }
    }

    /// The order reports of one project follow: by date, then by when they were entered
    /// and by id, so two reports of one day have one order at every office.
    fn order_key(&self) -> (Option<NaiveDate>, chrono::DateTime<chrono::Utc>, RecordId) {
        (self.date, self.meta.created_at, self.meta.id)
    }
}

/// Live, dated reports of `project`, newest first (the order of the project's history).
pub fn reports_of(ds: &Dataset, project: RecordId) -> Vec<&ProgressReport> {
    let mut v: Vec<&ProgressReport> = ds
        .live::<ProgressReport>()
        .filter(|r| r.project_id == project)
        .collect();
    v.sort_by_small(|a, b| b.order_key().cmp(&a.order_key()));
    v
}

/// The latest live report of `project` dated on or before `until` (a report "as of" a
/// day does not know later ones; `NaiveDate::MAX` for all), if it has one.
pub fn latest_report(ds: &Dataset, project: RecordId, until: NaiveDate) -> Option<&ProgressReport> {
    ds.live::<ProgressReport>()
        .filter(|r| r.project_id == project && r.date.is_some_and(|d| d <= until))
        .max_by_key(|r| r.order_key())
}

/// The latest dated live report of every project that has one, in one pass (lists of
/// 10,000 projects ask for it). Reports without a date are not "latest" of anything:
/// nobody can say when they were true.
pub fn latest_reports(ds: &Dataset, until: NaiveDate) -> HashMap<RecordId, &ProgressReport> {
    let mut latest: HashMap<RecordId, &ProgressReport> = HashMap::new();
    for r in ds
        .live::<ProgressReport>()
        .filter(|r| r.date.is_some_and(|d| d <= until))
    {
        let slot = latest.entry(r.project_id).or_insert(r);
        if r.order_key() > slot.order_key() {
            *slot = r;
        }
    }
    latest
}

/// Where a project stands as lists, reports and the dashboard show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Progress {
    pub percent: u8,
    /// The latest report's spending; `None` without a report or when it states none.
    pub spent_to_date: Option<Baht>,
    /// The latest report's date; `None` when the percent is the project's own field.
    pub reported_on: Option<NaiveDate>,
}

impl Progress {
    /// The latest report's figures when there is one, else the project's own percent
    /// (projects entered before reports existed keep what they said).
    pub fn of(project: &Project, latest: Option<&ProgressReport>) -> Progress {
        match latest {
            Some(r) => Progress {
                percent: r.percent,
                spent_to_date: r.spent_to_date,
                reported_on: r.date,
            },
            None => Progress {
                percent: project.progress_percent,
                spent_to_date: None,
                reported_on: None,
            },
        }
    }
}

// Ranges as `limits` holds every kind to: a file with a value outside is refused, and
// `value.out_of_range` names one already stored.
ranged!(ProgressReport, |r, c| {
    c.count(|| "percent".into(), u64::from(r.percent), 0..=100);
    c.text(|| "work_done".into(), &r.work_done, MAX_TEXT_CHARS);
    if let Some(a) = r.spent_to_date {
        c.amount(|| "spent_to_date".into(), a);
    }
    c.text(|| "problems".into(), &r.problems, MAX_TEXT_CHARS);
    crate::domain::records::attachment::check(c, &r.attachments);
});

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::meta::stable_id;
    use chrono::Datelike;

    fn report(name: &str, project: &str, date: Option<(i32, u32, u32)>, pct: u8) -> ProgressReport {
        let mut r = ProgressReport::new(RecordMeta::shipped(name), stable_id(project));
        r.date = date.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d));
        r.percent = pct;
        r
    }

    #[test]
    fn the_latest_is_by_date_whatever_the_order_entered_and_undated_or_deleted_do_not_count() {
        let mut ds = Dataset {
            progress_reports: vec![
                report("b", "p1", Some((2018, 6, 1)), 60),
                report("a", "p1", Some((2018, 3, 1)), 20),
                report("c", "p1", None, 90),
                report("d", "p2", Some((2018, 4, 1)), 10),
            ],
            ..Dataset::default()
        };
        let mut gone = report("e", "p1", Some((2018, 9, 1)), 100);
        gone.meta.deleted = true;
        ds.progress_reports.push(gone);
        let latest = latest_reports(&ds, NaiveDate::MAX);
        assert_eq!(latest[&stable_id("p1")].percent, 60);
        assert_eq!(latest[&stable_id("p2")].percent, 10);
        let day = NaiveDate::from_ymd_opt(2018, 5, 31).unwrap();
        assert_eq!(latest_reports(&ds, day)[&stable_id("p1")].percent, 20);
        let one = latest_report(&ds, stable_id("p1"), NaiveDate::MAX).map(|r| r.percent);
        assert_eq!(one, Some(60));
        assert_eq!(
            latest_report(
                &ds,
                stable_id("p2"),
                day.pred_opt().unwrap().with_month(3).unwrap()
            ),
            None
        );
        let history: Vec<u8> = reports_of(&ds, stable_id("p1"))
            .iter()
            .map(|r| r.percent)
            .collect();
        assert_eq!(history, [60, 20, 90], "newest first, undated last");
    }

    #[test]
    fn percent_above_100_and_spending_beyond_the_limit_are_out_of_range() {
        let mut r = report("a", "p1", Some((2018, 3, 1)), 101);
        r.spent_to_date = Some(Baht::from_satang(100_000_000_000_001));
        let mut found = Vec::new();
        r.out_of_range(&mut |p| found.push(p.field));
        assert_eq!(found, ["percent", "spent_to_date"]);
        r.percent = 100;
        r.spent_to_date = Some(Baht::LIMIT);
        let mut found = Vec::new();
        r.out_of_range(&mut |p| found.push(p.field));
        assert!(found.is_empty(), "{found:?}");
    }
}
