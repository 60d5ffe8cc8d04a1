//! Instalment screens: the list (`/instalments`) and an instalment's page
//! (`/instalments/:id`, `/instalments/new?city=<id>`) with "record the transfer", which
//! the rules' gate (`rules::blocking_transfer`) allows only without errors.

mod account;
mod editor;
mod list;
pub mod text;
mod transfer;

pub use editor::{InstalmentEditor, InstalmentPage};
pub use list::InstalmentsPage;
