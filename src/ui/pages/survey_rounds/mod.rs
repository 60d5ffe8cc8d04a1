//! Survey rounds (รอบการสำรวจ) of each city: the list (`/survey-rounds`) and one round's
//! page (`/survey-rounds/:id`, `/survey-rounds/new?city=`), issue #12 part 2.

mod editor;
mod list;
pub mod text;

pub use editor::SurveyRoundPage;
pub use list::SurveyRoundsPage;
