//! One file per screen.

pub mod cities;
pub mod crash_test;
pub mod geography;
pub mod home;
pub mod not_found;
pub mod projects;
pub mod reports;
pub mod settings;
