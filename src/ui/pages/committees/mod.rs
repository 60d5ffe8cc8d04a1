//! Committee screens: the list (`/committees`) and a committee's page
//! (`/committees/:id`, `/committees/new?city=<id>`) with its members and meetings.

mod editor;
mod list;
pub mod text;

pub use editor::{CommitteeEditor, CommitteePage};
pub use list::CommitteesPage;
