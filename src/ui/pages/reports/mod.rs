//! Reports and documents on screen: the dashboard, the drill-down, the reconciliation,
//! printable sheets and CSV downloads. Every figure comes from `domain::reports` and
//! `domain::export`; these components only lay them out.

mod beneficiaries;
mod breakdown;
mod dashboard;
mod deadlines;
pub(crate) mod downloads;
mod drill;
mod home_link;
mod outside;
pub mod print;
mod query;
mod reconciliation;
mod scope_bar;
pub mod text;
mod totals;

pub use dashboard::ReportsPage;
pub use drill::{ProvinceReportPage, RegionReportPage};
pub use home_link::ReportsLink;
pub use print::{
    city::CityPrintPage, community::CommunityPrintPage, mou::MouPrintPage,
    project::ProjectPrintPage, region::RegionPrintPage,
};
