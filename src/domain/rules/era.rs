//! `date.era_suspect`: a year outside the plausible range, almost always BE typed as CE
//! (2561 → year 2561 CE) or the reverse (1475). Never converted: only flagged.

use chrono::{Datelike, Months, NaiveDate};

use crate::domain::dates::{be_year, is_era_suspect};
use crate::domain::records::{AnyRecordRef, ProgrammeParameters, PROGRAMME_START};

use super::codes::RuleCode;
use super::context::Ctx;
use super::finding::{Figure, Finding, RecordRef};
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
        AnyRecordRef::Region(_)
        | AnyRecordRef::Province(_)
        | AnyRecordRef::City(_)
        | AnyRecordRef::Committee(_)
        | AnyRecordRef::StatedTotal(_)
        // An eviction notice may well predate the programme.
        | AnyRecordRef::Community(_) => {}
    }
}

/// Before the programme began nothing of it can have happened, and more than two years
/// ahead nothing is planned: either way the year was most likely typed in the wrong era
/// ("3/2/18" read as BE 2518 = 1975).
fn outside_programme(ctx: &Ctx<'_>, start: NaiveDate, d: NaiveDate) -> bool {
    let latest = ctx
        .today
        .checked_add_months(Months::new(24))
        .unwrap_or(NaiveDate::MAX);
    is_era_suspect(d) || d < start || d > latest
}

pub fn era_suspect(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let start = ctx
        .ds
        .live::<ProgrammeParameters>()
        .map(ProgrammeParameters::programme_start)
        .min()
        .unwrap_or(PROGRAMME_START);
    ctx.ds.for_each(|r| {
        if r.meta().deleted {
            return;
        }
        each_date(r, |(name, index), d| {
            if !outside_programme(ctx, start, d) {
                return;
            }
            let field = match index {
                Some(n) => format!("{name}[{n}].date"),
                None => name.to_string(),
            };
            out.push(finding(r, &field, d));
        });
    });
}

fn finding(r: AnyRecordRef<'_>, field: &str, d: NaiveDate) -> Finding {
    let kind = r.kind().key();
    Finding::new(
        RuleCode::DateEraSuspect,
        vec![RecordRef {
            kind: r.kind(),
            id: r.meta().id,
        }],
        Some(field),
        vec![Figure::date("date", d)],
        format!(
            "วันที่ {} ในช่อง {field} ({kind}) อยู่ในปี ค.ศ. {} / พ.ศ. {} ซึ่งน่าจะผิดศักราช กรุณาตรวจสอบ",
            date_th(d),
            d.year(),
            be_year(d)
        ),
        format!(
            "The date {} in {field} ({kind}) is in the year {} CE / {} BE, which looks like the wrong era; please check it.",
            date_en(d),
            d.year(),
            be_year(d)
        ),
    )
}
