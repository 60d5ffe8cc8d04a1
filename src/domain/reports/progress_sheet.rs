//! The printable progress report of one project (`/print/project/:id`, issue #13 part 5):
//! what the project is (city, communities, budget), the city's instalments of its year, its
//! dated progress reports oldest first, and the evidence — photos as a grid with captions,
//! PDFs by name. What goes on the sheet and in what order is decided here; the page only
//! renders it, and reads each photo's bytes from the blob store (a photo this device does
//! not hold, because a bundle came without its files, is listed as not included).

use chrono::NaiveDate;

use crate::domain::dates::FiscalYear;
use crate::domain::meta::RecordId;
use crate::domain::money::Baht;
use crate::domain::records::progress::{reports_of, Progress};
use crate::domain::records::survey::Community;
use crate::domain::records::{Attachment, Dataset, Instalment, ProgressReport, Project};
use crate::domain::sorting::SortSmall;

use super::names::PlaceNames;

/// One dated progress report as the sheet prints it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportLine {
    pub id: RecordId,
    pub date: Option<NaiveDate>,
    pub percent: u8,
    pub work_done: String,
    pub spent_to_date: Option<Baht>,
    pub problems: String,
    /// How many of the sheet's files came with this report.
    pub files: usize,
}

/// One instalment of the project's city in the project's year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InstalmentLine {
    pub number: u8,
    pub amount: Baht,
    pub planned_date: Option<NaiveDate>,
    pub requested_date: Option<NaiveDate>,
    /// When the money moved; `None` while it is only planned.
    pub actual_date: Option<NaiveDate>,
    /// The date of this project's report the request rests on, when it names one of them.
    pub rests_on: Option<Option<NaiveDate>>,
}

/// Where an attached file comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileSource {
    /// Attached to the project itself (no date of its own).
    Project,
    /// Attached to the progress report of that date.
    Report(Option<NaiveDate>),
}

impl FileSource {
    /// The date a caption shows: the report's; `None` for the project's own files.
    pub fn date(self) -> Option<NaiveDate> {
        match self {
            FileSource::Project => None,
            FileSource::Report(d) => d,
        }
    }
}

/// A file on the sheet and where it comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetFile {
    pub file: Attachment,
    pub source: FileSource,
}

/// Everything the progress report prints, in its order.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgressSheet {
    pub project: Project,
    pub place: PlaceNames,
    /// The communities the project serves, by name, in the project's order.
    pub communities: Vec<String>,
    pub fiscal_year: FiscalYear,
    /// Co-funding from others, summed (the programme's money is `project.amount_approved`).
    pub co_funding: Baht,
    /// Where the project stands: the latest dated report, else the project's own percent.
    pub progress: Progress,
    /// The city's instalments of the project's year, by number.
    pub instalments: Vec<InstalmentLine>,
    /// The project's live reports, oldest first (undated ones last): the sheet tells the
    /// story in the order it happened.
    pub reports: Vec<ReportLine>,
    /// Photos in the reports' order, the project's own first; a file attached twice is
    /// shown once, where it first appears.
    pub photos: Vec<SheetFile>,
    /// Documents (PDFs), listed by name in the same order.
    pub documents: Vec<SheetFile>,
}

/// The progress report of live project `id`; `None` when there is none.
///
/// ```
/// use mueang::domain::example::north_2561;
/// use mueang::domain::meta::{RecordId, RecordMeta};
/// use mueang::domain::records::Project;
/// use mueang::domain::reports::progress_sheet::progress_sheet;
/// let mut ds = north_2561().records;
/// let city = ds.cities[0].meta.id;
/// let p = Project::new(RecordMeta::shipped("p:doc"), city, ds.instalments[0].fiscal_year);
/// ds.projects.push(p.clone());
/// let sheet = progress_sheet(&ds, p.meta.id).unwrap();
/// assert_eq!(sheet.place.city_th, ds.cities[0].name_th);
/// assert!(progress_sheet(&ds, RecordId::nil()).is_none());
/// ```
pub fn progress_sheet(ds: &Dataset, id: RecordId) -> Option<ProgressSheet> {
    let project = ds.live::<Project>().find(|p| p.meta.id == id)?.clone();
    let communities = project
        .community_ids
        .iter()
        .filter_map(|cid| ds.live::<Community>().find(|c| c.meta.id == *cid))
        .map(|c| c.name.clone())
        .collect();
    let mut reports: Vec<&ProgressReport> = reports_of(ds, id);
    // `reports_of` is newest first; the sheet reads oldest first, undated ones at the end.
    reports.reverse();
    let (undated, dated): (Vec<_>, Vec<_>) = reports.into_iter().partition(|r| r.date.is_none());
    let reports: Vec<&ProgressReport> = dated.into_iter().chain(undated).collect();
    let latest = crate::domain::records::progress::latest_report(ds, id, NaiveDate::MAX);

    let mut photos = Vec::new();
    let mut documents = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut place = |file: &Attachment, source: FileSource| -> bool {
        if !seen.insert(file.sha256.clone()) {
            return false;
        }
        let f = SheetFile {
            file: file.clone(),
            source,
        };
        if file.is_photo() {
            photos.push(f);
        } else {
            documents.push(f);
        }
        true
    };
    for a in &project.attachments {
        place(a, FileSource::Project);
    }
    let report_lines: Vec<ReportLine> = reports
        .iter()
        .map(|r| {
            let files = r
                .attachments
                .iter()
                .filter(|a| place(a, FileSource::Report(r.date)))
                .count();
            ReportLine {
                id: r.meta.id,
                date: r.date,
                percent: r.percent,
                work_done: r.work_done.clone(),
                spent_to_date: r.spent_to_date,
                problems: r.problems.clone(),
                files,
            }
        })
        .collect();

    let mut instalments: Vec<InstalmentLine> = ds
        .live::<Instalment>()
        .filter(|i| i.city_id == project.city_id && i.fiscal_year == project.fiscal_year)
        .map(|i| InstalmentLine {
            number: i.number,
            amount: i.amount,
            planned_date: i.planned_date,
            requested_date: i.requested_date,
            actual_date: i.actual_date,
            rests_on: i
                .progress_report_id
                .and_then(|rid| reports.iter().find(|r| r.meta.id == rid).map(|r| r.date)),
        })
        .collect();
    instalments.sort_by_key_small(|i| (i.number, i.planned_date));

    Some(ProgressSheet {
        place: PlaceNames::of(ds, project.city_id),
        communities,
        fiscal_year: project.fiscal_year,
        co_funding: project.co_funding.iter().map(|c| c.amount).sum(),
        progress: Progress::of(&project, latest),
        instalments,
        reports: report_lines,
        photos,
        documents,
        project,
    })
}
