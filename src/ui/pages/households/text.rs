//! The household and survey screens' strings: everyday words a surveyor at a community
//! meeting uses.
//!
//! The texts are in `src/ui/messages/households.toml` (Thai, then English, a line per key);
//! build.rs makes the enum and its table from it.

include!(concat!(env!("OUT_DIR"), "/messages/households.rs"));
