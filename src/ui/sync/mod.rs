//! Sync's interface state: what the sync pages and the header share ([`context`]), the
//! progress bar ([`progress`]), the pipeline steps that read and write the app's state
//! ([`pipeline`]) and, with the `bench` feature, the `make bench` measurements ([`bench`]).
//! The non-reactive adapters (files, Web Crypto, stored sync data, write plans) are in
//! `crate::sync`; the pages are in `ui::pages::sync`.

#[cfg(feature = "bench")]
pub mod bench;
pub mod context;
pub mod pipeline;
pub mod progress;
#[cfg(feature = "bench")]
pub mod survey_bench;
