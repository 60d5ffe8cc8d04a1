//! Mueang: offline-first records for CODI's City Quality-of-Life Development programme.
//!
//! Layers: [`domain`] (pure, native) | [`storage`] (IndexedDB, localStorage) | [`ui`] and
//! [`app`] (Leptos). Browser-only code is gated to wasm32 so native builds and tests stay fast;
//! the pure parts of `storage` and `ui::i18n` build natively too.

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
pub mod domain;
pub mod storage;
pub mod sync;
pub mod ui;

#[cfg(target_arch = "wasm32")]
pub mod app;
