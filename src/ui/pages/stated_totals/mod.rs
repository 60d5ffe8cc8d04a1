//! Stated totals: the list (`/stated-totals`) and one total's page (`/stated-totals/:id`,
//! `/stated-totals/new`), with the stated figures set beside what the records add up to.

mod editor;
mod list;
pub mod text;

pub use editor::StatedTotalPage;
pub use list::StatedTotalsPage;
