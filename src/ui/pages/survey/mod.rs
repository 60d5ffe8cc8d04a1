//! Seeing the survey (issue #12, part 5): the drill-down from region to community with
//! charts and tables, a city's household list, and the survey's CSV files. The printable
//! community profile is with the other printouts (`reports::print::community`).

mod downloads;
pub(crate) mod figures;
mod households;
mod level;
pub mod text;

pub use households::SurveyHouseholdsPage;
pub use level::{SurveyCityPage, SurveyCommunityPage, SurveyPage, SurveyRegionPage};
