//! The import and export pipelines' steps that need no interface state, each timed: opening
//! a file through the domain's one opener (hashing with Web Crypto) and merging. The steps
//! that read and write the app's state (`apply_import`, `export`) are in `ui::sync::pipeline`.
//!
//! Import: bytes → text → (unlock) → parse and check every record → SHA-256 (Web Crypto,
//! of the file's own records text when it may be canonical, started before the parse so
//! the two overlap) → merge with the local data →
//! preview; then, once the person confirms, one change set with only what changes plus the
//! peers → one IndexedDB transaction → the in-memory dataset. Nothing is written before the
//! person confirms, and a refused file writes nothing.
//!
//! Export: draft (canonical records) → SHA-256 (Web Crypto) → JSON → (lock) → a file;
//! peers and the export time saved in one transaction.

use std::future::Future;

use serde::Serialize;

use crate::domain::meta::OfficeId;
use crate::domain::records::Dataset;
use crate::domain::sync::personal::NotAcknowledged;
pub use crate::domain::sync::FileText;
use crate::domain::sync::{
    file_text as domain_file_text, is_locked, merge, merge_many, unlock, Bundle, BundleError,
    BundleScope, CryptoError, MergeOutcome, Opening,
};
use crate::storage::StorageError;
use crate::sync::clock::now;
use crate::sync::digest::{cores_to_spare, sha256_hex, started};
use crate::sync::stage::Stage;

/// How long each step took, in milliseconds (shown under "details", printed by the bench).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Timings {
    pub read: f64,
    pub unlock: f64,
    /// Parse into the types and every check but the checksum.
    pub parse: f64,
    pub hash: f64,
    pub merge: f64,
    /// Working out which records to write, and serialising them.
    pub plan: f64,
    /// Recording what the sending offices hold (peers), serialised for the same transaction.
    pub peers: f64,
    /// The IndexedDB transaction and the in-memory update.
    pub write: f64,
}

impl Timings {
    pub fn add(&mut self, o: &Timings) {
        self.read += o.read;
        self.unlock += o.unlock;
        self.parse += o.parse;
        self.hash += o.hash;
        self.merge += o.merge;
        self.plan += o.plan;
        self.peers += o.peers;
        self.write += o.write;
    }

    pub fn total(&self) -> f64 {
        self.read
            + self.unlock
            + self.parse
            + self.hash
            + self.merge
            + self.plan
            + self.peers
            + self.write
    }
}

/// Why a file could not be opened.
#[derive(Debug, Clone, PartialEq)]
pub enum OpenError {
    /// Locked with a passphrase and none was given yet: ask for one.
    NeedsPassphrase,
    /// Refused, with the domain's message (naming the record and field where it can).
    Bundle(BundleError),
}

/// A file's bytes as text, or why it is not a bundle.
pub fn file_text(bytes: Vec<u8>) -> Result<FileText, OpenError> {
    domain_file_text(bytes).map_err(OpenError::Bundle)
}

/// Opens a file's text as a verified bundle through the domain's one opener ([`Opening`]),
/// hashing with Web Crypto and timing each step. Writes nothing.
/// `step` reports each stage to whatever shows progress (and may yield for a paint).
/// `files_apart`: the file's `attachments` section was taken out of `file` and held that
/// many entries, checked apart (`sync::carried`).
pub async fn open_bundle<F: Future<Output = ()>>(
    file: FileText,
    passphrase: Option<&str>,
    files_apart: Option<usize>,
    step: impl Fn(Stage, f64) -> F,
    t: &mut Timings,
) -> Result<Bundle, OpenError> {
    let file = if is_locked(&file) {
        if passphrase.is_none_or(str::is_empty) {
            return Err(OpenError::NeedsPassphrase);
        }
        step(Stage::Unlocking, 0.05).await;
        let start = now();
        let unlocked = unlock(file, passphrase).map_err(OpenError::Bundle)?;
        t.unlock += now() - start;
        unlocked
    } else {
        file
    };
    step(Stage::Checking, 0.1).await;
    let start = now();
    // An exporter's file is hashed as it is: started before the parse, and `hash` is only
    // what is left to wait. Only with cores to spare: Chrome copies and hashes the text on
    // this thread before `digest` returns (~140 ms for 85 MB, measured), so there it gains
    // nothing; an engine that hashes on another thread overlaps it with the parse. On two
    // cores that slowed the parse as much as it saved.
    let early = cores_to_spare()
        .then(|| Opening::early_hash(&file))
        .flatten()
        .and_then(started);
    let mut opening = Opening::new(file).map_err(OpenError::Bundle)?;
    if let Some(entries) = files_apart {
        opening.files_apart(entries);
    }
    t.parse += now() - start;
    let start = now();
    if let Some(sum) = early {
        if let Some(sum) = sum.await {
            opening.hashed_early(sum);
        }
    }
    while let Some(bytes) = opening.to_hash() {
        let sum = sha256_hex(bytes).await;
        opening.hashed(sum);
    }
    t.hash += now() - start;
    // Finding each record's text in the file, when kept, counts as parsing.
    let start = now();
    let bundle = opening.finish().map_err(OpenError::Bundle)?;
    t.parse += now() - start;
    // A bad signature is refused like a bad checksum: before anything is shown or stored.
    let start = now();
    crate::sync::signing::verify(&bundle)
        .await
        .map_err(OpenError::Bundle)?;
    t.hash += now() - start;
    Ok(bundle)
}

/// Merges verified bundles into `local` (one at once, or several combined).
pub fn merge_bundles(local: &Dataset, bundles: &[&Bundle]) -> MergeOutcome {
    match bundles {
        [one] => merge(local, one.records()),
        many => merge_many(local, many.iter().map(|b| b.records())),
    }
}

/// What the person asked to export.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportChoice {
    /// The office it is for, if any (its "since" mark moves on).
    pub to: Option<OfficeId>,
    /// Only what `to` is not known to hold (otherwise everything).
    pub since: bool,
    /// Lock the file with this passphrase.
    pub passphrase: Option<String>,
    /// A summary without personal data (names, phones and contacts left out).
    pub leave_out_personal: bool,
    /// The person ticked that personal data may go out unlocked.
    pub unlocked_acknowledged: bool,
    /// Carry the attached files (photos, PDFs) the records name; otherwise the receiving
    /// office sees "3 photos not included" where they belong.
    pub attachments: bool,
}

impl ExportChoice {
    /// Whether the file will be locked.
    pub fn locks(&self) -> bool {
        self.passphrase.as_deref().is_some_and(|p| !p.is_empty())
    }
}

/// A bundle ready to download or share.
#[derive(Debug, Clone)]
pub struct Exported {
    pub name: String,
    /// The file, made of parts (`sync::carried`): the carried files never all in wasm.
    pub file: web_sys::Blob,
    pub size: u64,
    pub records: usize,
    pub scope: BundleScope,
    pub encrypted: bool,
    /// A summary without personal data.
    pub summary: bool,
    pub millis: f64,
}

/// Why an export failed.
#[derive(Debug, Clone, PartialEq)]
pub enum ExportError {
    /// Personal data would leave unlocked without the acknowledgement.
    PersonalData(NotAcknowledged),
    Crypto(CryptoError),
    Storage(StorageError),
}
