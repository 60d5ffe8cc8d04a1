//! The city-wide survey (สำรวจข้อมูลทั้งเมือง, issue #12): communities, survey rounds and
//! households, with the choice lists their forms offer and what counts as personal data.

pub mod choices;
pub mod community;
pub mod household;
pub mod privacy;
pub mod ranges;

pub use choices::{
    Choice, EvictionThreat, Hazard, HouseCondition, HouseTenure, HousingProgramme, IncomeBand,
    LandTenure, Landowner, LocationSource, Missing, Need, Solution,
};
pub use community::{Community, Location, SavingsGroup};
pub use household::{Household, SurveyRound, Vulnerable};
pub use privacy::{
    count_personal_data, leave_out_personal_data, strip_personal_data, PersonalField,
    PERSONAL_FIELDS,
};
