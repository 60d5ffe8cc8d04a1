//! The printable progress report of a project (issue #13 part 5): what it lists and in what
//! order — the project and its city, the city's instalments of its year, the dated reports
//! oldest first, photos for the grid (each once, with the date of the report it came with)
//! and PDFs by name.

#[path = "fixtures/reports/support.rs"]
mod support;

use mueang::domain::meta::RecordMeta;
use mueang::domain::records::{Attachment, Dataset, ProgressReport, Project};
use mueang::domain::reports::progress_sheet::{progress_sheet, FileSource};

use support::*;

fn file(name: &str, digit: char, media_type: &str) -> Attachment {
    Attachment {
        sha256: digit.to_string().repeat(64),
        media_type: media_type.into(),
        size: 120_000,
        file_name: name.into(),
    }
}

fn photo(name: &str, digit: char) -> Attachment {
    file(name, digit, "image/jpeg")
}

fn report(key: &str, p: &Project, on: Option<(i32, u32, u32)>, pct: u8) -> ProgressReport {
    let mut r = ProgressReport::new(RecordMeta::shipped(key), p.meta.id);
    r.date = on.map(|(y, m, d)| date(y, m, d));
    r.percent = pct;
    r.spent_to_date = Some(baht("10000"));
    r.work_done = format!("งานถึงร้อยละ {pct}");
    r
}

/// The example with its projects, and the first approved one.
fn with_project() -> (Dataset, Project) {
    let ds = north_with_projects();
    let p = ds
        .projects
        .iter()
        .find(|p| p.amount_approved.is_some())
        .expect("an approved project")
        .clone();
    (ds, p)
}

#[test]
fn the_sheet_names_the_project_its_city_and_the_citys_instalments_of_its_year() {
    let (ds, p) = with_project();
    let sheet = progress_sheet(&ds, p.meta.id).expect("a live project has a sheet");
    let city = ds.cities.iter().find(|c| c.meta.id == p.city_id).unwrap();
    assert_eq!(sheet.project.title, p.title);
    assert_eq!(sheet.place.city_th, city.name_th);
    assert!(
        !sheet.place.province_th.is_empty(),
        "the city's province is named"
    );
    let numbers: Vec<u8> = sheet.instalments.iter().map(|i| i.number).collect();
    let mut want: Vec<u8> = ds
        .instalments
        .iter()
        .filter(|i| i.city_id == p.city_id && i.fiscal_year == p.fiscal_year && !i.meta.deleted)
        .map(|i| i.number)
        .collect();
    want.sort_unstable();
    assert_eq!(
        numbers, want,
        "the city's instalments of the year, by number"
    );
    assert!(sheet.reports.is_empty() && sheet.photos.is_empty());
    assert_eq!(sheet.progress.reported_on, None);
}

#[test]
fn reports_are_oldest_first_and_the_photos_follow_them_once_each() {
    let (mut ds, p) = with_project();
    let pi = ds
        .projects
        .iter()
        .position(|x| x.meta.id == p.meta.id)
        .unwrap();
    ds.projects[pi].attachments = vec![photo("ป้ายโครงการ.jpg", '1')];
    let mut late = report("r:late", &p, Some((2018, 6, 1)), 80);
    late.attachments = vec![
        photo("หลังคา.jpg", '3'),
        file("ใบเสร็จ.pdf", '4', "application/pdf"),
        // Already attached to the project: shown once, where it first appears.
        photo("ป้ายโครงการ.jpg", '1'),
    ];
    let mut early = report("r:early", &p, Some((2018, 2, 3)), 30);
    early.attachments = vec![photo("เทพื้น.jpg", '2')];
    let undated = report("r:undated", &p, None, 10);
    let mut gone = report("r:gone", &p, Some((2018, 4, 1)), 50);
    gone.meta.deleted = true;
    gone.attachments = vec![photo("ลบแล้ว.jpg", '5')];
    ds.progress_reports = vec![late, undated, gone, early];

    let sheet = progress_sheet(&ds, p.meta.id).unwrap();
    let order: Vec<u8> = sheet.reports.iter().map(|r| r.percent).collect();
    assert_eq!(
        order,
        [30, 80, 10],
        "oldest first, the undated report last, no deleted one"
    );
    let names: Vec<&str> = sheet
        .photos
        .iter()
        .map(|f| f.file.file_name.as_str())
        .collect();
    assert_eq!(names, ["ป้ายโครงการ.jpg", "เทพื้น.jpg", "หลังคา.jpg"]);
    assert_eq!(sheet.photos[0].source, FileSource::Project);
    assert_eq!(sheet.photos[0].source.date(), None);
    assert_eq!(sheet.photos[1].source.date(), Some(date(2018, 2, 3)));
    let docs: Vec<&str> = sheet
        .documents
        .iter()
        .map(|f| f.file.file_name.as_str())
        .collect();
    assert_eq!(docs, ["ใบเสร็จ.pdf"], "a PDF is listed, not put in the grid");
    let files: Vec<usize> = sheet.reports.iter().map(|r| r.files).collect();
    assert_eq!(
        files,
        [1, 2, 0],
        "a file already shown is not counted again"
    );
    assert_eq!(sheet.progress.percent, 80, "the latest dated report");
    assert_eq!(sheet.progress.reported_on, Some(date(2018, 6, 1)));
}

#[test]
fn an_instalment_resting_on_one_of_the_projects_reports_says_which() {
    let (mut ds, p) = with_project();
    let r = report("r:basis", &p, Some((2018, 5, 2)), 60);
    let i = ds
        .instalments
        .iter()
        .position(|i| i.city_id == p.city_id && i.fiscal_year == p.fiscal_year)
        .expect("the city has an instalment that year");
    ds.instalments[i].progress_report_id = Some(r.meta.id);
    let number = ds.instalments[i].number;
    ds.progress_reports.push(r);
    let sheet = progress_sheet(&ds, p.meta.id).unwrap();
    let line = sheet
        .instalments
        .iter()
        .find(|l| l.number == number)
        .unwrap();
    assert_eq!(line.rests_on, Some(Some(date(2018, 5, 2))));
    assert!(sheet
        .instalments
        .iter()
        .filter(|l| l.number != number)
        .all(|l| l.rests_on.is_none()));
}

#[test]
fn a_deleted_or_unknown_project_has_no_sheet() {
    let (mut ds, p) = with_project();
    assert!(progress_sheet(&ds, RecordMeta::shipped("nobody").id).is_none());
    let pi = ds
        .projects
        .iter()
        .position(|x| x.meta.id == p.meta.id)
        .unwrap();
    ds.projects[pi].meta.deleted = true;
    assert!(progress_sheet(&ds, p.meta.id).is_none());
}
