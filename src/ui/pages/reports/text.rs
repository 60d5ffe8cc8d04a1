//! Every string of the report screens and printed documents, in Thai and English.
//! Figures and sentences the domain already wrote in both languages (findings, errors,
//! city names) are not here: they are shown with `I18n::pick`.
//!
//! The texts are in `src/ui/messages/reports.toml` (Thai, then English, a line per key);
//! build.rs makes the enum and its table from it.

include!(concat!(env!("OUT_DIR"), "/messages/reports.rs"));
