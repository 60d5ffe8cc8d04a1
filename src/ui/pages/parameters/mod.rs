//! Programme parameters per fiscal year: the list (`/parameters`) and one year's page
//! (`/parameters/:id`, `/parameters/new`): every amount, the first-instalment share and
//! the second-instalment deadline. FY2561's shipped figures show (and save) like a record.

mod editor;
mod list;
pub mod text;

pub use editor::ParametersPage;
pub use list::ParametersListPage;
