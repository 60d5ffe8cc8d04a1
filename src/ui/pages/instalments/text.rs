//! The instalment screens' strings.
//!
//! The texts are in `src/ui/messages/instalments.toml` (Thai, then English, a line per key);
//! build.rs makes the enum and its table from it.

include!(concat!(env!("OUT_DIR"), "/messages/instalments.rs"));
