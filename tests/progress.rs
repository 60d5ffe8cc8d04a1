//! Dated progress reports (issue #13): the record in files (ranges refused on import,
//! omitted when there are none), its tombstone, the latest report in the projects CSV, the
//! city summary and the dashboard, and the transfer gate of an instalment that rests on a
//! report. The rules' own cases are in tests/fixtures/rules/progress_*.json.

#[path = "fixtures/reports/support.rs"]
mod support;

use mueang::domain::document::Document;
use mueang::domain::export::{projects, to_csv};
use mueang::domain::meta::RecordMeta;
use mueang::domain::records::limits::Ranged;
use mueang::domain::records::{Emptied, Instalment, Progress, ProgressReport, Project, Record};
use mueang::domain::reference::region_id;
use mueang::domain::reports::{city_summary, dashboard, Scope};
use mueang::domain::rules::{blocking_transfer, RuleCode};

use support::*;

/// The example with the report fixtures' projects; the first approved project of Mae Sot
/// (`mae_sot`) gets the reports.
fn with_projects() -> (mueang::domain::records::Dataset, Project) {
    let ds = north_with_projects();
    let p = ds
        .projects
        .iter()
        .find(|p| p.status().commits_money() && p.amount_approved.is_some())
        .expect("an approved project in projects.tsv")
        .clone();
    (ds, p)
}

fn report(key: &str, p: &Project, on: (i32, u32, u32), pct: u8, spent: &str) -> ProgressReport {
    let mut r = ProgressReport::new(RecordMeta::shipped(key), p.meta.id);
    r.date = Some(date(on.0, on.1, on.2));
    r.percent = pct;
    r.spent_to_date = Some(baht(spent));
    r.work_done = format!("งานถึงร้อยละ {pct}");
    r
}

#[test]
fn a_report_travels_in_a_file_and_out_of_range_values_are_refused_by_name() {
    let (mut ds, p) = with_projects();
    let text = Document::new(ds.clone()).to_json();
    assert!(
        !text.contains("progress_reports"),
        "no reports, no key: the file keeps its bytes"
    );
    ds.progress_reports
        .push(report("r1", &p, (2018, 3, 1), 40, "20000"));
    let text = Document::new(ds.clone()).to_json();
    let back = Document::parse(&text).expect("a file with a report reads");
    assert_eq!(back.records.progress_reports, ds.progress_reports);

    for (bad, field) in [
        (r#""percent": 40"#, r#""percent": 101"#),
        (
            r#""spent_to_date": "20000.00""#,
            r#""spent_to_date": "-1.00""#,
        ),
    ] {
        let pretty = serde_json::to_string_pretty(
            &serde_json::from_str::<serde_json::Value>(&text).unwrap(),
        )
        .unwrap();
        assert!(pretty.contains(bad), "{bad} not in the file");
        // What an import reads (`sync::verify`), which holds every value to its range.
        assert!(
            mueang::domain::sync::verify_data_file(&pretty).is_ok(),
            "the file as written imports"
        );
        let err = mueang::domain::sync::verify_data_file(&pretty.replace(bad, field))
            .expect_err("an out-of-range report is refused");
        let which = if field.contains("percent") {
            "percent"
        } else {
            "spent_to_date"
        };
        assert!(err.message_en().contains(which), "{}", err.message_en());
        assert!(!err.message_th().is_empty());
    }
}

#[test]
fn a_deleted_report_keeps_its_project_and_nothing_it_said() {
    let (_, p) = with_projects();
    let mut r = report("r1", &p, (2018, 3, 1), 40, "20000");
    r.problems = "ฝนตกหนัก".into();
    let t = r.emptied();
    assert_eq!(t.project_id, p.meta.id);
    assert_eq!(t.meta(), r.meta());
    assert_eq!((t.date, t.percent, t.spent_to_date), (None, 0, None));
    assert!(t.work_done.is_empty() && t.problems.is_empty());
    assert_eq!(t.emptied(), t);
    let mut out = Vec::new();
    t.out_of_range(&mut |o| out.push(o));
    assert!(out.is_empty());
}

#[test]
fn the_projects_csv_has_the_latest_reports_spending_and_date() {
    let (mut ds, p) = with_projects();
    ds.progress_reports = vec![
        report("late", &p, (2018, 6, 1), 80, "40000"),
        report("early", &p, (2018, 3, 1), 30, "10000"),
    ];
    let scope = Scope::region(FY, region_id("north"));
    let table = projects(&ds, scope);
    let col = |en: &str| {
        table
            .columns
            .iter()
            .position(|c| c.en == en)
            .unwrap_or_else(|| panic!("no column {en}"))
    };
    let (pct, spent, on) = (
        col("Progress (%)"),
        col("Spent to date"),
        col("Latest progress report"),
    );
    let csv = String::from_utf8(to_csv(&table)).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    let row_of = |title: &str| -> Vec<String> {
        lines
            .iter()
            .find(|l| l.contains(title))
            .unwrap_or_else(|| panic!("no row for {title}"))
            .split(',')
            .map(str::to_owned)
            .collect()
    };
    let reported = row_of(&p.title);
    assert_eq!(reported[pct], "80");
    assert_eq!(reported[spent], "40000.00");
    assert_eq!(reported[on], "2018-06-01");
    // A project without a report: its own percent, and nothing for the report.
    let other = ds
        .projects
        .iter()
        .find(|q| q.meta.id != p.meta.id && !q.title.contains(',') && !q.title.contains('='))
        .unwrap();
    let row = row_of(&other.title);
    assert_eq!(row[pct], other.progress_percent.to_string());
    assert_eq!((row[spent].as_str(), row[on].as_str()), ("", ""));
}

#[test]
fn the_city_sheet_and_dashboard_use_the_latest_report_as_of_their_day() {
    let (mut ds, p) = with_projects();
    ds.progress_reports = vec![
        report("early", &p, (2018, 3, 1), 30, "10000"),
        report("late", &p, (2018, 6, 1), 80, "40000"),
    ];
    let key = ds
        .cities
        .iter()
        .find(|c| c.meta.id == p.city_id)
        .map(|c| c.meta.id)
        .unwrap();
    let line = |day| {
        let s = city_summary(&ds, key, FY, day).unwrap();
        let l = s
            .projects
            .into_iter()
            .find(|l| l.project_id == p.meta.id)
            .unwrap();
        (l.progress_percent, l.spent_to_date, l.reported_on)
    };
    assert_eq!(
        line(date(2018, 7, 1)),
        (80, Some(baht("40000")), Some(date(2018, 6, 1)))
    );
    // As of April the June report had not been written.
    assert_eq!(
        line(date(2018, 4, 1)),
        (30, Some(baht("10000")), Some(date(2018, 3, 1)))
    );

    let scope = Scope::region(FY, region_id("north"));
    let d = dashboard(&ds, scope, date(2018, 7, 1), 30);
    assert_eq!(d.progress.reported, 1);
    assert_eq!(d.progress.spent, baht("40000"));
    assert_eq!(Some(d.progress.approved_reported), p.amount_approved);
    let committing = ds
        .projects
        .iter()
        .filter(|q| q.status().commits_money())
        .count();
    assert_eq!(d.progress.projects, committing);
    let before = dashboard(&ds, scope, date(2018, 2, 1), 30);
    assert_eq!(
        (before.progress.reported, before.progress.spent),
        (0, baht("0"))
    );
    assert_eq!(
        Progress::of(&p, None).percent,
        p.progress_percent,
        "without a report the project's own percent stands"
    );
}

#[test]
fn a_transfer_resting_on_another_citys_report_is_held_back_and_on_its_own_is_not() {
    let (mut ds, p) = with_projects();
    let r = report("r1", &p, (2018, 3, 1), 60, "20000");
    ds.progress_reports.push(r.clone());
    let own = ds
        .instalments
        .iter()
        .find(|i| i.city_id == p.city_id)
        .unwrap()
        .meta
        .id;
    let other = ds
        .instalments
        .iter()
        .find(|i| i.city_id != p.city_id)
        .unwrap()
        .meta
        .id;
    let point = |ds: &mut mueang::domain::records::Dataset, id| {
        let i: &mut Instalment = ds.instalments.iter_mut().find(|i| i.meta.id == id).unwrap();
        i.progress_report_id = Some(r.meta.id);
    };
    point(&mut ds, own);
    point(&mut ds, other);
    let today = date(2018, 4, 1);
    // What holds the transfer back at the instalment's report (other errors, such as a
    // city without a receiving account, are not this test's).
    let at_report = |ds: &mueang::domain::records::Dataset, id| -> Vec<RuleCode> {
        blocking_transfer(ds, id, today)
            .into_iter()
            .filter(|f| f.field.as_deref() == Some("progress_report_id"))
            .map(|f| f.rule)
            .collect()
    };
    assert_eq!(at_report(&ds, other), [RuleCode::InstalmentReportCity]);
    assert_eq!(at_report(&ds, own), []);
    // A report that was deleted is a missing reference, also held back.
    ds.progress_reports[0].meta.deleted = true;
    assert_eq!(at_report(&ds, own), [RuleCode::RecordMissingField]);
}
