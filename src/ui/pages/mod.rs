//! One file per screen.

pub mod home;
pub mod not_found;
pub mod settings;
