//! Offices share data by exporting bundles and importing each other's: no server.
//!
//! The flow, each step pure so it is tested natively (the browser adds files, IndexedDB and
//! Web Share around it):
//!
//! 1. [`export_full`] / [`export_since`] make a [`Bundle`]: a file-format document with a
//!    [`Manifest`] (bundle id, counts, SHA-256 of the canonical records); optionally
//!    [`encrypt`]ed with a passphrase.
//! 2. [`open`] (or [`verify`]) reads a file and checks everything before any data is touched;
//!    [`Opening`] is that one opener in steps, for callers that hash elsewhere (Web Crypto).
//! 3. [`merge`] combines it with the local data on version vectors and returns the new
//!    dataset with a [`Preview`]; the caller stores `outcome.dataset` only if the person
//!    confirms, in one transaction.
//! 4. Concurrent edits stay as conflicts (both versions kept) until [`resolve`] settles them;
//!    deletions travel as tombstones that [`purge_tombstones`] removes once every known
//!    office has seen them ([`Peers`]).
//!
//! The reasoning behind each choice is in `docs/sync.md`.

pub mod bundle;
pub mod canonical;
mod canonical_ser;
mod checks;
pub mod crypto;
pub mod diff;
pub mod error;
pub mod fields;
mod file_name;
pub mod files;
pub mod files_section;
mod json_string;
pub(crate) mod left_out;
pub mod manifest;
pub mod merge;
pub mod migrate;
pub mod open;
pub mod peers;
pub mod personal;
pub mod purge;
mod raw;
pub mod record_texts;
pub mod resolve;
pub mod signature;
mod trust_text;
pub mod verify;
mod versions;

pub use bundle::{draft_full, draft_since, export_full, export_since, Bundle, ExportDraft};
pub use crypto::{decrypt, encrypt, CryptoError, PBKDF2_ITERATIONS};
pub use diff::{diff, KindDiff};
pub use error::{BundleError, Impossibility, RecordLabel};
pub use manifest::{BundleScope, KindCount, Manifest, PersonalData};
pub use merge::{merge, merge_many, normalize, ConflictInfo, KindPreview, MergeOutcome, Preview};
pub use migrate::migrate;
pub use open::{
    file_text, import, is_locked, open, open_file, unlock, verify, verify_bytes, FileText, Import,
    Opening,
};
pub use peers::{Knowledge, PeerState, Peers};
pub use purge::{purge_tombstones, purge_tombstones_before, PURGE_AFTER_DAYS};
pub use raw::records_text;
pub use record_texts::RecordTexts;
pub use resolve::{conflict_versions, list_conflicts, resolve, ResolveError};
pub use signature::{KeptKey, Signature, Trust};
pub use verify::{prepare, prepare_by, verify_data_file, Prepared, Reader};
