//! MOU screens: the list (`/mous`) and an MOU's page (`/mous/:id`, `/mous/new?city=<id>`)
//! with the cities covered, the signatories by role and the witness.

mod editor;
mod list;
mod signatories;
pub mod text;

pub use editor::{MouEditor, MouPage};
pub use list::MousPage;
