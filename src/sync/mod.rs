//! Sync by bundle in the browser: the adapters around the pure `domain::sync`.
//!
//! - [`stored`]: conflict versions, peers and the last export time in IndexedDB, and the
//!   one-pass load of the whole dataset (plain Rust, tested natively).
//! - [`load`]: reading the stored dataset back, keeping aside (never dropping) what does
//!   not read (plain Rust, tested natively).
//! - [`plan`]: what an import or a settled conflict writes — only what changes, in one
//!   change set (plain Rust, tested natively).
//! - Browser only: [`digest`] (Web Crypto SHA-256), [`files`] (reading chosen or dropped
//!   files, downloading through a Blob URL, the Web Share API), [`carried`] (a bundle's
//!   attached files written and read one at a time), [`clock`] (step timings)
//!   [`pipeline`] (open bundles through the domain's opener, merge) and [`photos`]
//!   (a chosen file or camera photo scaled and hashed before it is kept).
//!
//! No Leptos here: the reactive parts (sync state, progress bar, the steps that apply an
//! import or export to the app's state, the bench) are in `ui::sync`; the pages are in
//! `ui::pages::sync`; docs/sync.md has the design and a how-to.

pub mod load;
pub mod plan;
pub mod stage;
pub mod stored;

#[cfg(target_arch = "wasm32")]
pub mod carried;
#[cfg(target_arch = "wasm32")]
pub mod clock;
#[cfg(target_arch = "wasm32")]
pub mod digest;
#[cfg(target_arch = "wasm32")]
pub mod files;
#[cfg(target_arch = "wasm32")]
pub mod photos;
#[cfg(target_arch = "wasm32")]
pub mod pipeline;
#[cfg(target_arch = "wasm32")]
pub mod signing;

pub use load::{load_from_chunks, recovery_file, removal, KeptAside, Loaded, Unreadable};
pub use plan::{conflicted_ids, import_changes, settled_changes, settled_record};
pub use stored::{
    conflicts_kind, peer_key, peers_from, save_peers, LAST_EXPORT_KEY, PEERS_KEY, PEER_PREFIX,
};

#[cfg(target_arch = "wasm32")]
pub use stored::{last_export_at, load_all, load_dataset, load_peers};
