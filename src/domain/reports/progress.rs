//! Progress against the money, for the dashboard: of the projects that commit money in a
//! scope, how many have a progress report as of the day, and what their latest reports
//! say was spent against what was approved for them.

use chrono::NaiveDate;
use serde::Serialize;

use crate::domain::money::Baht;
use crate::domain::records::latest_reports;

use super::index::Index;

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ProgressTotals {
    /// Projects that commit money (approved, in progress, completed).
    pub projects: usize,
    /// Of those, the ones with a dated progress report on or before the day.
    pub reported: usize,
    /// What their latest reports say was spent (the programme's money).
    pub spent: Baht,
    /// The approved amounts of the same reported projects: what `spent` is measured
    /// against (a project without a report would make the share look smaller than it is).
    pub approved_reported: Baht,
}

pub(crate) fn progress_totals(ix: &Index<'_>, today: NaiveDate) -> ProgressTotals {
    let latest = latest_reports(ix.ds, today);
    let mut t = ProgressTotals::default();
    let projects = ix.cities.iter().flat_map(|c| ix.projects_of(c.meta.id));
    for p in projects.filter(|p| p.status().commits_money()) {
        t.projects += 1;
        let Some(r) = latest.get(&p.meta.id) else {
            continue;
        };
        t.reported += 1;
        t.spent += r.spent_to_date.unwrap_or(Baht::ZERO);
        t.approved_reported += p.committed();
    }
    t
}
