//! Grant screens: both lists on `/grants`, a province start-up grant's page
//! (`/grants/province/:id`, `new?province=<id>`) and a committee grant's page
//! (`/grants/committee/:id`, `new?city=<id>`), each showing the amount the year's
//! parameters expect.

mod committee;
mod list;
mod province;
pub mod text;

pub use committee::CommitteeGrantPage;
pub use list::GrantsPage;
pub use province::ProvinceGrantPage;
