//! Strings of the editing machinery: toasts, drafts, conflicts, audit trail, actions.
//!
//! The texts are in `src/ui/messages/edit.toml` (Thai, then English, a line per key);
//! build.rs makes the enum and its table from it.

include!(concat!(env!("OUT_DIR"), "/messages/edit.rs"));
