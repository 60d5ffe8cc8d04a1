//! Communities (ชุมชน) of the city-wide survey: the list (`/communities`) and one
//! community's page (`/communities/:id`, `/communities/new?city=`), issue #12.

mod editor;
mod list;
pub mod text;

pub use editor::CommunityPage;
pub use list::CommunitiesPage;
