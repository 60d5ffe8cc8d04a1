//! One file per screen.

pub mod cities;
pub mod committees;
pub mod communities;
pub mod crash_test;
pub mod editor_frame;
pub mod editor_nav;
pub mod findings;
pub mod geography;
pub mod grants;
pub mod home;
pub mod households;
pub mod instalments;
pub mod meetings;
pub mod mous;
pub mod not_found;
pub mod parameters;
pub mod progress;
pub mod projects;
pub mod record_list;
pub mod reports;
pub mod settings;
pub mod stated_totals;
pub mod survey;
pub mod survey_rounds;
pub mod sync;
pub mod to_do;
