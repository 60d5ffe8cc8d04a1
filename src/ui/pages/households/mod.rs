//! Households (ครัวเรือน) of the city-wide survey, entered one per screen at a community
//! meeting (`/households/new?community=<id>`, `/households/:id`), and what a community's
//! page shows of them (issue #12, parts 2–3).

mod community_panel;
mod editor;
mod header;
pub mod text;

pub use community_panel::{CommunityHouseholds, SurveyStart};
pub use editor::HouseholdPage;
