//! The regional dashboard: how much, where, and what is late, for one year and region.

use chrono::NaiveDate;
use serde::Serialize;

use crate::domain::money::Baht;
use crate::domain::records::{Category, Dataset, ProjectStatus};
use crate::domain::rules::{check, Finding};

use super::beneficiaries::{beneficiary_table, BeneficiaryTable};
use super::deadlines::{collect, Deadlines};
use super::figures::{city_figures, totals, Totals};
use super::index::Index;
use super::outside::{outside, Outside};
use super::progress::{progress_totals, ProgressTotals};
use super::scope::Scope;

/// Projects in one status. Every status has a row, zeros included, so the table's shape
/// does not change as projects move along.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatusRow {
    pub status: ProjectStatus,
    pub count: usize,
    pub requested: Baht,
    /// Approved amounts as entered, whatever the status (a rejected project has none).
    pub approved: Baht,
}

/// Projects in one category (every category has a row, zeros included).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CategoryRow {
    pub category: Category,
    pub count: usize,
    pub requested: Baht,
    /// Money the category's projects take: approved amounts of projects that commit money.
    pub committed: Baht,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dashboard {
    pub scope: Scope,
    pub today: NaiveDate,
    pub totals: Totals,
    pub by_status: Vec<StatusRow>,
    pub by_category: Vec<CategoryRow>,
    /// Second instalments due soon and overdue: what the dashboard shows first.
    pub deadlines: Deadlines,
    /// Money and records of the year that no city in the report carries (see [`Outside`]).
    pub outside: Outside,
    /// Spending to date from the latest progress reports, against the approved amounts.
    pub progress: ProgressTotals,
    /// Who the money reaches, by region and province ([`super::beneficiaries`]).
    pub beneficiaries: BeneficiaryTable,
}

/// The dashboard for `scope` as of `today`; a city is due soon within `due_soon_days` of
/// the deadline. Runs the rules for the overdue list; use [`dashboard_from_findings`] when
/// `check(ds, today)` is already at hand.
pub fn dashboard(ds: &Dataset, scope: Scope, today: NaiveDate, due_soon_days: u32) -> Dashboard {
    dashboard_from_findings(ds, scope, today, due_soon_days, &check(ds, today))
}

/// As [`dashboard`], with the findings of `check(ds, today)` given.
pub fn dashboard_from_findings(
    ds: &Dataset,
    scope: Scope,
    today: NaiveDate,
    due_soon_days: u32,
    findings: &[Finding],
) -> Dashboard {
    let ix = Index::new(ds, scope).counting_until(today);
    let figures = city_figures(&ix);
    let mut by_status: Vec<StatusRow> = ProjectStatus::ALL
        .iter()
        .map(|&status| StatusRow {
            status,
            count: 0,
            requested: Baht::ZERO,
            approved: Baht::ZERO,
        })
        .collect();
    let mut by_category: Vec<CategoryRow> = Category::ALL
        .iter()
        .map(|&category| CategoryRow {
            category,
            count: 0,
            requested: Baht::ZERO,
            committed: Baht::ZERO,
        })
        .collect();
    let projects = ix.cities.iter().flat_map(|c| ix.projects_of(c.meta.id));
    for p in projects {
        let requested = p.amount_requested.unwrap_or(Baht::ZERO);
        if let Some(row) = by_status.iter_mut().find(|r| r.status == p.status()) {
            row.count += 1;
            row.requested += requested;
            row.approved += p.amount_approved.unwrap_or(Baht::ZERO);
        }
        if let Some(row) = by_category.iter_mut().find(|r| r.category == p.category) {
            row.count += 1;
            row.requested += requested;
            row.committed += p.committed();
        }
    }
    Dashboard {
        scope,
        today,
        totals: totals(&ix, &figures),
        by_status,
        by_category,
        deadlines: collect(&ix, &figures, today, due_soon_days, findings),
        outside: outside(&ix),
        progress: progress_totals(&ix, today),
        beneficiaries: beneficiary_table(&ix),
    }
}
