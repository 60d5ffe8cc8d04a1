//! Second instalments due soon and overdue: the "what is late" of the dashboard.
//!
//! Overdue is exactly the `instalment.overdue` rule: the rows are built from that rule's
//! findings, not recomputed, so the dashboard and the findings page can never disagree
//! about which city is late or by how much. "Due soon" is the same reading before the
//! deadline: the year's deadline is near and part of the approved amount has not moved.

use crate::domain::sorting::SortSmall;
use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::domain::meta::RecordId;
use crate::domain::money::Baht;
use crate::domain::records::{Dataset, RecordKind};
use crate::domain::rules::{check, FigureValue, Finding, RuleCode};

use super::figures::{city_figures, CityFigures};
use super::index::Index;
use super::names::CityLine;
use super::scope::Scope;

/// How many days before a deadline a city starts to show as due soon, unless the caller
/// says otherwise: a month leaves time to draw and spend the second instalment.
pub const DEFAULT_DUE_SOON_DAYS: u32 = 30;

/// A city whose deadline is near and whose approved amount has not all moved.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DueSoon {
    pub city: CityLine,
    pub deadline: NaiveDate,
    /// 0 on the deadline itself.
    pub days_left: i64,
    pub approved: Baht,
    /// Transferred so far (actual dates on or before the deadline).
    pub transferred: Baht,
    /// `approved − transferred`: what must still move by the deadline.
    pub outstanding: Baht,
}

/// A city the `instalment.overdue` rule reports for the scope's year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Overdue {
    pub city: CityLine,
    pub deadline: NaiveDate,
    /// Days since the deadline; 1 on the day after it.
    pub days_late: i64,
    pub approved: Baht,
    /// The rule's figure: what had moved by the deadline.
    pub transferred_by_deadline: Baht,
    /// The rule's figure: `approved − transferred_by_deadline`.
    pub outstanding_at_deadline: Baht,
    /// Everything transferred for the year so far, late transfers included, so staff can
    /// tell a city that paid late from one that still has not been paid.
    pub transferred: Baht,
    /// `approved − transferred`: what has still not moved today.
    pub remaining: Baht,
    /// The finding's own sentences, for a tooltip or a printed note.
    pub message_th: String,
    pub message_en: String,
}

/// A city's request to draw an instalment that CODI has not transferred yet: shown on its
/// own line, since the city did its part and is not overdue.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Waiting {
    pub city: CityLine,
    pub instalment_id: RecordId,
    pub number: u8,
    pub amount: Baht,
    pub requested_date: NaiveDate,
    /// Days since the request, 0 on its day.
    pub days_waiting: i64,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Deadlines {
    /// Requests waiting for transfer as of today, oldest first.
    pub waiting: Vec<Waiting>,
    /// Soonest deadline first, then in the order of the cities.
    pub due_soon: Vec<DueSoon>,
    /// In the order of the cities.
    pub overdue: Vec<Overdue>,
}

/// Second instalments due within `due_soon_days` and overdue as of `today`. Runs the rules
/// to read `instalment.overdue`; a caller that already holds `check(ds, today)` should use
/// [`deadlines_from_findings`] instead of checking twice.
pub fn deadlines(ds: &Dataset, scope: Scope, today: NaiveDate, due_soon_days: u32) -> Deadlines {
    deadlines_from_findings(ds, scope, today, due_soon_days, &check(ds, today))
}

/// As [`deadlines`], with the findings of `check(ds, today)` given.
pub fn deadlines_from_findings(
    ds: &Dataset,
    scope: Scope,
    today: NaiveDate,
    due_soon_days: u32,
    findings: &[Finding],
) -> Deadlines {
    let ix = Index::new(ds, scope).counting_until(today);
    collect(&ix, &city_figures(&ix), today, due_soon_days, findings)
}

pub(crate) fn collect(
    ix: &Index<'_>,
    figures: &[CityFigures],
    today: NaiveDate,
    due_soon_days: u32,
    findings: &[Finding],
) -> Deadlines {
    let mut out = Deadlines {
        waiting: waiting(ix, today),
        ..Deadlines::default()
    };
    let Some(deadline) = ix.params.second_instalment_deadline else {
        return out;
    };
    let overdue = overdue_findings(findings, deadline);
    for (city, f) in ix.cities.iter().zip(figures) {
        if let Some(finding) = overdue.get(&city.meta.id) {
            let amount = |key| match finding.figure(key) {
                Some(FigureValue::Amount(a)) => *a,
                _ => Baht::ZERO,
            };
            out.overdue.push(Overdue {
                city: ix.city_line(city),
                deadline,
                days_late: (today - deadline).num_days(),
                approved: amount("approved"),
                transferred_by_deadline: amount("transferred_by_deadline"),
                outstanding_at_deadline: amount("outstanding"),
                transferred: f.transferred,
                remaining: f.remaining,
                message_th: finding.message_th.clone(),
                message_en: finding.message_en.clone(),
            });
            continue;
        }
        let days_left = (deadline - today).num_days();
        if days_left < 0 || days_left > i64::from(due_soon_days) || f.approved.is_zero() {
            continue;
        }
        // As the rule counts it: money that moved by the deadline, or the city's request
        // for its second instalment, settles it.
        let mine = ix.instalments_of(city.meta.id);
        let in_time: Baht = mine
            .iter()
            .filter(|i| i.transferred_by(deadline.min(today)))
            .map(|i| i.amount)
            .sum();
        let requested = mine.iter().any(|i| i.number >= 2 && i.requested_by(today));
        if in_time >= f.approved || requested {
            continue;
        }
        out.due_soon.push(DueSoon {
            city: ix.city_line(city),
            deadline,
            days_left,
            approved: f.approved,
            transferred: in_time,
            outstanding: f.approved - in_time,
        });
    }
    out.due_soon.sort_by_key_small(|d| d.days_left);
    out
}

fn waiting(ix: &Index<'_>, today: NaiveDate) -> Vec<Waiting> {
    let mut out: Vec<Waiting> = ix
        .cities
        .iter()
        .flat_map(|c| ix.instalments_of(c.meta.id).iter().map(move |i| (c, i)))
        .filter_map(|(c, i)| {
            let asked = i.requested_date.filter(|d| *d <= today)?;
            (!i.transferred_by(today)).then(|| Waiting {
                city: ix.city_line(c),
                instalment_id: i.meta.id,
                number: i.number,
                amount: i.amount,
                requested_date: asked,
                days_waiting: (today - asked).num_days(),
            })
        })
        .collect();
    out.sort_by_key_small(|w| w.requested_date);
    out
}

/// The `instalment.overdue` findings about the year with this deadline, by city. The rule
/// names the city first and carries the deadline of the year it checked; matching on that
/// deadline keeps another year's finding about the same city out.
fn overdue_findings(findings: &[Finding], deadline: NaiveDate) -> HashMap<RecordId, &Finding> {
    findings
        .iter()
        .filter(|f| f.rule == RuleCode::InstalmentOverdue)
        .filter(|f| {
            // A city with an agreed extension carries its own deadline and the year's.
            let year = f.figure("year_deadline").or(f.figure("deadline"));
            year == Some(&FigureValue::Date(deadline))
        })
        .filter_map(|f| {
            let city = f.records.first().filter(|r| r.kind == RecordKind::City)?;
            Some((city.id, f))
        })
        .collect()
}
