//! Project screens: the list (`/projects`, and within a city's page) and a project's page
//! (`/projects/:id`, `/projects/new?city=<id>`).

mod beneficiaries;
mod cofunding;
mod form;
pub mod list;
mod page;
mod pipeline;
pub mod text;

pub use form::ProjectEditor;
pub use list::{ProjectList, ProjectsPage};
pub use page::ProjectPage;
