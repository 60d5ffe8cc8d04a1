//! The Findings page (`/findings`): every finding of the rules, filtered by importance,
//! rule and city (kept in the address, so a filtered view can be linked), each linking
//! to its record and field.

mod page;
pub mod text;

pub use page::FindingsPage;
