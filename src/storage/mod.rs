//! Keeping data on this device.
//!
//! - Records: IndexedDB via `idb`, in chunks of JSON per kind ([`chunks`]). Every write goes
//!   through [`Store::apply`] with one [`ChangeSet`] per user action: one transaction and
//!   a journal entry.
//! - Settings (language, office, person): localStorage ([`settings`]).
//! - Attachments' bytes: one `Blob` per file, by SHA-256, apart from the records
//!   ([`blobs`]); whether new ones fit: [`room`].
//! - Persistence and quota: [`quota`].
//! - Every failure is a [`StorageError`] with Thai and English messages.
//!
//! The record API is generic over serde types and a kind name (`&str`, e.g.
//! `RecordKind::key()`), so it does not depend on the domain's details.
//!
//! The pure parts (chunk layout, change planning, errors, settings format) also build natively
//! so they are tested with plain `cargo test`.

#[cfg(target_arch = "wasm32")]
pub mod blobs;
#[cfg(target_arch = "wasm32")]
mod blocked;
pub mod changes;
mod chunk_writer;
pub mod chunks;
pub mod error;
#[cfg(test)]
pub mod memory;
pub mod room;
pub mod settings;

#[cfg(target_arch = "wasm32")]
pub mod db;
#[cfg(target_arch = "wasm32")]
pub mod device_key;
#[cfg(all(target_arch = "wasm32", debug_assertions))]
pub mod fault;
#[cfg(target_arch = "wasm32")]
pub mod quota;
#[cfg(target_arch = "wasm32")]
mod read;

pub use changes::{ChangeSet, Counts};
pub use error::StorageError;
pub use settings::Settings;

#[cfg(target_arch = "wasm32")]
pub use blobs::{BlobUsage, NewBlob};
#[cfg(target_arch = "wasm32")]
pub use db::{delete_database, Applied, JournalEntry, Store, DB_NAME, SCHEMA_VERSION};
#[cfg(target_arch = "wasm32")]
pub use quota::{estimate, persistence, request_persistence, Persistence, Quota};
#[cfg(target_arch = "wasm32")]
pub use settings::{load_settings, save_settings};
