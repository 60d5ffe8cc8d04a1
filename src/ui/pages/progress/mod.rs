//! Progress reports (issue #13): a report's page (`/progress-reports/:id`,
//! `/progress-reports/new?project=<id>`) and the history a project's page shows.

mod editor;
mod history;
pub mod text;

pub use editor::ProgressReportPage;
pub use history::{report_options, ProgressHistory};
