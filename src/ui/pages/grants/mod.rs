//! Grant screens: both lists on `/grants`, a province start-up grant's page
//! (`/grants/province/:id`, `new?province=<id>`) and a committee grant's page
//! (`/grants/committee/:id`, `new?city=<id>`), each showing the amount the year's
//! parameters expect.

mod editor;
mod list;
pub mod text;

pub use editor::{CommitteeGrantPage, ProvinceGrantPage};
pub use list::GrantsPage;
