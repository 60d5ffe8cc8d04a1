//! `date.era_suspect`: a year outside the plausible range, almost always BE typed as CE
//! (2561 → year 2561 CE) or the reverse (1475). Never converted: only flagged.

use chrono::NaiveDate;

use crate::domain::dates::{be_year, is_era_suspect};
use crate::domain::records::AnyRecordRef;

use super::codes::RuleCode;
use super::context::Ctx;
use super::finding::{Figure, Finding, RecordRef};
use super::text::{date_en, date_th};

/// Every date a person can type, as (field path, date). Timestamps in `meta` are written
/// by the program, not typed, so they are left out.
fn dates_of(r: AnyRecordRef<'_>) -> Vec<(String, NaiveDate)> {
    let one = |field: &str, d: Option<NaiveDate>| d.map(|d| (field.to_string(), d));
    match r {
        AnyRecordRef::Meeting(m) => one("date", m.date).into_iter().collect(),
        AnyRecordRef::Project(p) => p
            .status_history
            .iter()
            .enumerate()
            .map(|(n, s)| (format!("status_history[{n}].date"), s.date))
            .collect(),
        AnyRecordRef::ProvinceGrant(g) => one("date", g.date).into_iter().collect(),
        AnyRecordRef::CommitteeGrant(g) => one("date", g.date).into_iter().collect(),
        AnyRecordRef::Mou(m) => one("date", m.date).into_iter().collect(),
        AnyRecordRef::Instalment(i) => [
            one("planned_date", i.planned_date),
            one("actual_date", i.actual_date),
            one("due_date", i.due_date),
        ]
        .into_iter()
        .flatten()
        .collect(),
        AnyRecordRef::ProgrammeParameters(p) => one("second_instalment_deadline", p.second_instalment_deadline)
            .into_iter()
            .collect(),
        AnyRecordRef::Region(_)
        | AnyRecordRef::Province(_)
        | AnyRecordRef::City(_)
        | AnyRecordRef::Committee(_)
        | AnyRecordRef::StatedTotal(_) => Vec::new(),
    }
}

pub fn era_suspect(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    ctx.ds.for_each(|r| {
        if r.meta().deleted {
            return;
        }
        for (field, d) in dates_of(r) {
            if !is_era_suspect(d) {
                continue;
            }
            out.push(Finding::new(
                RuleCode::DateEraSuspect,
                vec![RecordRef {
                    kind: r.kind(),
                    id: r.meta().id,
                }],
                Some(&field),
                vec![Figure::date("date", d)],
                format!(
                    "วันที่ {} ในช่อง {} ({}) อยู่ในปี ค.ศ. {} / พ.ศ. {} ซึ่งน่าจะผิดศักราช กรุณาตรวจสอบ",
                    date_th(d),
                    field,
                    r.kind().key(),
                    chrono::Datelike::year(&d),
                    be_year(d)
                ),
                format!(
                    "The date {} in {} ({}) is in the year {} CE / {} BE, which looks like the wrong era; please check it.",
                    date_en(d),
                    field,
                    r.kind().key(),
                    chrono::Datelike::year(&d),
                    be_year(d)
                ),
            ));
        }
    });
}
