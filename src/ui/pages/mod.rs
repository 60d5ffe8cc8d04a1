//! One file per screen.

pub mod crash_test;
pub mod home;
pub mod not_found;
pub mod settings;
