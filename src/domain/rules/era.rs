//! `date.era_suspect`: a year outside the plausible range, almost always BE typed as CE
//! (2561 → year 2561 CE) or the reverse (1475). Never converted: only flagged.

use chrono::{Datelike, Months, NaiveDate};

use crate::domain::dates::{be_year, format_be_short, is_era_suspect, BE_OFFSET};
use crate::domain::records::{AnyRecordRef, Dataset, ProgrammeParameters, PROGRAMME_START};

use super::codes::RuleCode;
use super::context::Ctx;
use super::field_names::field_label;
use super::finding::{Figure, Finding, RecordRef};
use super::record_names::{kind_en, kind_th, own_name};
use super::text::{date_en, date_th};

/// A date field: its name, and its index for dates inside a list (`status_history[2].date`).
/// The path is only spelled out for suspect dates, since most records have none.
type Field = (&'static str, Option<usize>);

/// Calls `f` with every date a person can type. Timestamps in `meta` are written by the
/// program, not typed, so they are left out.
fn each_date(r: AnyRecordRef<'_>, mut f: impl FnMut(Field, NaiveDate)) {
    let mut one = |name: &'static str, d: Option<NaiveDate>| {
        if let Some(d) = d {
            f((name, None), d);
        }
    };
    match r {
        AnyRecordRef::Meeting(m) => one("date", m.date),
        AnyRecordRef::ProvinceGrant(g) => one("date", g.date),
        AnyRecordRef::CommitteeGrant(g) => one("date", g.date),
        AnyRecordRef::Mou(m) => one("date", m.date),
        AnyRecordRef::Instalment(i) => {
            one("planned_date", i.planned_date);
            one("actual_date", i.actual_date);
            one("due_date", i.due_date);
            one("requested_date", i.requested_date);
        }
        AnyRecordRef::ProgrammeParameters(p) => {
            one("second_instalment_deadline", p.second_instalment_deadline);
        }
        AnyRecordRef::Project(p) => {
            for (n, s) in p.status_history.iter().enumerate() {
                f(("status_history", Some(n)), s.date);
            }
        }
        AnyRecordRef::SurveyRound(r) => {
            one("date", r.date);
            one("closed_on", r.closed_on);
        }
        AnyRecordRef::Household(h) => one("surveyed_on", h.surveyed_on),
        AnyRecordRef::ProgressReport(r) => one("date", r.date),
        AnyRecordRef::Region(_)
        | AnyRecordRef::Province(_)
        | AnyRecordRef::City(_)
        | AnyRecordRef::Committee(_)
        | AnyRecordRef::StatedTotal(_)
        // An eviction notice may well predate the programme.
        | AnyRecordRef::Community(_) => {}
    }
}

/// When the programme began: the earliest `programme_start` of the stored parameters, else
/// [`PROGRAMME_START`].
pub fn programme_start(ds: &Dataset) -> NaiveDate {
    ds.live::<ProgrammeParameters>()
        .map(ProgrammeParameters::programme_start)
        .min()
        .unwrap_or(PROGRAMME_START)
}

/// Why a date cannot be one of the programme's, if it cannot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Doubt {
    /// Outside 1900–2200: an era mix-up for sure.
    Era,
    /// Before the programme began ("3/2/18" read as BE 2518 = 1975).
    BeforeStart(NaiveDate),
    /// More than two years after today.
    TooFarAhead,
}

/// Before the programme began nothing of it can have happened, and more than two years
/// ahead nothing is planned: either way the year was most likely typed in the wrong era.
fn doubt(today: NaiveDate, start: NaiveDate, d: NaiveDate) -> Option<Doubt> {
    let latest = today
        .checked_add_months(Months::new(24))
        .unwrap_or(NaiveDate::MAX);
    if is_era_suspect(d) {
        Some(Doubt::Era)
    } else if d < start {
        Some(Doubt::BeforeStart(start))
    } else if d > latest {
        Some(Doubt::TooFarAhead)
    } else {
        None
    }
}

/// The date with both eras, then why it is doubtful: "3 ก.พ. 2518 (ค.ศ. 1975) อยู่ก่อน...".
fn doubt_text(d: NaiveDate, why: Doubt) -> (String, String) {
    let (th_why, en_why) = match why {
        Doubt::Era => (
            "ซึ่งน่าจะผิดศักราช".to_string(),
            "which looks like the wrong era".to_string(),
        ),
        Doubt::BeforeStart(start) => (
            format!("ซึ่งอยู่ก่อนโครงการเริ่ม ({})", date_th(start)),
            format!("before the programme began ({})", date_en(start)),
        ),
        Doubt::TooFarAhead => (
            "ซึ่งเกินวันนี้ไปกว่า 2 ปี".to_string(),
            "more than two years from today".to_string(),
        ),
    };
    // "3/2/18" meant 2018: the same day and month, the year read as CE instead of BE.
    let hint = d
        .with_year(d.year() + BE_OFFSET - 500)
        .filter(|alt| matches!(why, Doubt::BeforeStart(_)) && alt.year() >= 2000)
        .map(|alt| {
            (
                format!(
                    " ถ้าหมายถึง ค.ศ. {} ให้พิมพ์ {}",
                    alt.year(),
                    format_be_short(alt)
                ),
                format!(
                    " If you meant {}, type {}.",
                    alt.year(),
                    format_be_short(alt)
                ),
            )
        })
        .unwrap_or_default();
    (
        format!(
            "{} (ค.ศ. {}) {th_why} กรุณาตรวจสอบ{}",
            date_th(d),
            d.year(),
            hint.0
        ),
        format!(
            "{} (BE {}) is {en_why}; please check it.{}",
            date_en(d),
            be_year(d),
            hint.1
        ),
    )
}

/// What a date field says under a date before saving, when the date cannot be the
/// programme's: the same reading as `date.era_suspect`, so the field and the finding agree.
///
/// ```
/// use chrono::NaiveDate;
/// use mueang::domain::dates::parse_date;
/// use mueang::domain::records::Dataset;
/// use mueang::domain::rules::date_doubt;
/// let today = NaiveDate::from_ymd_opt(2018, 2, 3).unwrap();
/// let (th, _) = date_doubt(&Dataset::default(), today, parse_date("3/2/18").unwrap()).unwrap();
/// assert!(th.contains("2518") && th.contains("ก่อนโครงการเริ่ม") && th.contains("3 ก.พ. 2561"));
/// assert_eq!(date_doubt(&Dataset::default(), today, parse_date("3/2/61").unwrap()), None);
/// ```
pub fn date_doubt(ds: &Dataset, today: NaiveDate, d: NaiveDate) -> Option<(String, String)> {
    doubt(today, programme_start(ds), d).map(|why| doubt_text(d, why))
}

pub fn era_suspect(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let start = programme_start(ctx.ds);
    ctx.ds.for_each(|r| {
        if r.meta().deleted {
            return;
        }
        each_date(r, |(name, index), d| {
            let Some(why) = doubt(ctx.today, start, d) else {
                return;
            };
            let field = match index {
                Some(n) => format!("{name}[{n}].date"),
                None => name.to_string(),
            };
            out.push(finding(r, &field, d, why));
        });
    });
}

fn finding(r: AnyRecordRef<'_>, field: &str, d: NaiveDate, why: Doubt) -> Finding {
    let (field_th, field_en) = field_label(r.kind(), field);
    let (name_th, name_en) = own_name(r);
    let (th, en) = doubt_text(d, why);
    Finding::new(
        RuleCode::DateEraSuspect,
        vec![RecordRef {
            kind: r.kind(),
            id: r.meta().id,
        }],
        Some(field),
        vec![Figure::date("date", d)],
        format!(
            "{}: {field_th} {th}",
            format!("{} {name_th}", kind_th(r.kind())).trim_end()
        ),
        format!(
            "{}: {field_en} {en}",
            format!("The {} {name_en}", kind_en(r.kind())).trim_end()
        ),
    )
}
