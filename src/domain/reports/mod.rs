//! Reports: every figure a dashboard, a drill-down, a reconciliation or a printed document
//! shows, computed here as pure functions over a [`Dataset`](crate::domain::records::Dataset)
//! so that the screens only render them and native tests prove them.
//!
//! Each report takes a [`Scope`] (a fiscal year and, optionally, one region) and, where time
//! matters, `today`. Definitions of every figure are in `docs/reports.md`.

mod beneficiaries;
mod charts;
pub mod community_profile;
mod dashboard;
mod deadlines;
mod drilldown;
mod enum_labels;
mod error;
mod figures;
mod index;
mod mou_sheet;
mod names;
mod outside;
mod progress;
pub mod progress_sheet;
mod reconciliation;
mod scope;
mod summaries;
pub mod survey;
pub mod survey_tree;
mod years;

pub(crate) use beneficiaries::SurveyIndex;
pub use beneficiaries::{Beneficiaries, BeneficiaryRow, BeneficiaryTable, PlaceLevel};
pub use charts::{category_scales, BarScale};
pub use dashboard::{dashboard, dashboard_from_findings, CategoryRow, Dashboard, StatusRow};
pub use deadlines::{
    deadlines, deadlines_from_findings, Deadlines, DueSoon, Overdue, Waiting, DEFAULT_DUE_SOON_DAYS,
};
pub use drilldown::{city_bars, drill_down, CityBar, DrillDown, ProvinceNode, RegionNode};
pub use enum_labels::Label;
pub use error::ReportError;
pub use figures::{CityFigures, Totals};
pub use mou_sheet::{mou_sheet, AmountText, MouSheet, SignatoryLine};
pub use names::{CityLine, PlaceNames, ProvinceLine};
pub use outside::Outside;
pub use progress::ProgressTotals;
pub use reconciliation::{
    reconcile, reconcile_all, Quantity, ReconciledFigure, Reconciliation, ReconciliationRow,
};
pub use scope::Scope;
pub use summaries::{
    city_summary, regional_summary, CitySummary, InstalmentLine, MemberLine, ProjectLine,
    RegionalSummary,
};
pub use years::{city_latest_year, default_fiscal_year, fiscal_years};
