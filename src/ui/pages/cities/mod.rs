//! City screens: the list (`/cities`), a city's page (`/cities/:id`, with `/cities/new`)
//! and its form (`/cities/:id/edit`).

mod budget_bar;
mod form;
pub mod list;
mod page;
pub mod text;

pub use budget_bar::BudgetBar;
pub use form::CityEditor;
pub use list::CitiesPage;
pub use page::{CityEditPage, CityPage};
