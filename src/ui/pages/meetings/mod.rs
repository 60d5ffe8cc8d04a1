//! Meeting screens: the list (`/meetings`) and a meeting's page (`/meetings/:id`,
//! `/meetings/new?committee=<id>`): attendance by sector, problems raised, decisions.

mod editor;
mod list;
pub mod text;

pub use editor::{MeetingEditor, MeetingPage};
pub use list::MeetingsPage;
