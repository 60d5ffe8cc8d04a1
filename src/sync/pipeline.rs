//! The import and export pipelines, step by step, each step timed.
//!
//! Import: bytes → text → (unlock) → parse and check every record → SHA-256 (Web Crypto,
//! of the file's own records text when it is canonical) → merge with the local data →
//! preview; then, once the person confirms, one change set with only what changes plus the
//! peers → one IndexedDB transaction → the in-memory dataset. Nothing is written before the
//! person confirms, and a refused file writes nothing.
//!
//! Export: draft (canonical records) → SHA-256 (Web Crypto) → JSON → (lock) → a file;
//! peers and the export time saved in one transaction.

use std::sync::Arc;

use chrono::Utc;
use leptos::prelude::*;
use serde::Serialize;

use crate::domain::meta::OfficeId;
use crate::domain::records::Dataset;
use crate::domain::sync::crypto::is_encrypted;
use crate::domain::sync::{
    decrypt, draft_full, draft_since, encrypt, merge, merge_many, prepare, records_text, Bundle,
    BundleError, BundleScope, CryptoError, MergeOutcome, RecordTexts,
};
use crate::storage::{ChangeSet, StorageError};
use crate::sync::context::{editor, SyncState};
use crate::sync::digest::sha256_hex;
use crate::sync::progress::{now, Progress, Stage};
use crate::sync::{import_changes, save_peers, LAST_EXPORT_KEY};
use crate::ui::state::AppState;

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

/// A chosen file's text, shared: a verified bundle keeps each record's slice of it (see
/// [`RecordTexts`]) instead of a copy.
pub type FileText = Arc<String>;

/// A file's bytes as text, or why it is not a bundle.
pub fn file_text(bytes: Vec<u8>) -> Result<FileText, OpenError> {
    String::from_utf8(bytes)
        .map(Arc::new)
        .map_err(|_| OpenError::Bundle(BundleError::NotText))
}

/// Opens a file's text as a verified bundle. Writes nothing.
pub async fn open_bundle(
    file: FileText,
    passphrase: Option<&str>,
    progress: Progress,
    t: &mut Timings,
) -> Result<Bundle, OpenError> {
    let file = if is_encrypted(strip_bom(&file)) {
        let Some(p) = passphrase.filter(|p| !p.is_empty()) else {
            return Err(OpenError::NeedsPassphrase);
        };
        progress.step(Stage::Unlocking, 0.05).await;
        let start = now();
        let unlocked = decrypt(strip_bom(&file), p).map_err(|e| OpenError::Bundle(e.into()))?;
        t.unlock += now() - start;
        Arc::new(unlocked)
    } else {
        file
    };
    let text = strip_bom(&file);
    progress.step(Stage::Checking, 0.1).await;
    let start = now();
    let prepared = prepare(text).map_err(OpenError::Bundle)?;
    t.parse += now() - start;
    let start = now();
    let mut sum = None;
    // The records text the checksum vouches for is also the one the types were read from
    // (unless migrated): each record's slice of it can be stored as it is.
    let mut keep_texts = false;
    if let (Some(stated), Some(raw)) = (prepared.stated_sha256(), records_text(text)) {
        let h = sha256_hex(raw.as_bytes()).await;
        if h == stated {
            sum = Some(h);
            keep_texts = !prepared.is_migrated();
        }
    }
    let sum = match sum {
        Some(s) => s,
        None => sha256_hex(prepared.canonical_bytes()).await,
    };
    t.hash += now() - start;
    let bundle = prepared.finish(&sum).map_err(OpenError::Bundle)?;
    let start = now();
    let bundle = match keep_texts.then(|| RecordTexts::in_file(file)).flatten() {
        Some(texts) => bundle.with_record_texts(texts),
        None => bundle,
    };
    t.parse += now() - start;
    Ok(bundle)
}

fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// Merges verified bundles into `local` (one at once, or several combined).
pub fn merge_bundles(local: &Dataset, bundles: &[&Bundle]) -> MergeOutcome {
    match bundles {
        [one] => merge(local, one.records()),
        many => merge_many(local, many.iter().map(|b| b.records())),
    }
}

/// What an applied import did.
#[derive(Debug, Clone)]
pub struct Applied {
    /// Records and conflict entries written.
    pub written: usize,
}

/// Stores the outcome of merging `bundles` into the data on this device: the records that
/// change and the peers, in ONE transaction, then the in-memory dataset. `None` if nothing
/// was saved (the person has been told why).
pub async fn apply_import(
    app: AppState,
    sync: SyncState,
    bundles: &[Bundle],
    outcome: MergeOutcome,
    progress: Progress,
    t: &mut Timings,
) -> Option<Applied> {
    progress.step(Stage::Saving, 0.8).await;
    let start = now();
    let mut cs = ChangeSet::new("import");
    let planned = app.dataset.with_untracked(|local| {
        import_changes(
            &mut cs,
            local,
            &outcome.dataset,
            bundles.first().filter(|_| bundles.len() == 1),
        )
    });
    let written = match planned {
        Ok(n) => n,
        Err(e) => {
            app.notify_error(&e);
            return None;
        }
    };
    t.plan += now() - start;
    let start = now();
    let mut peers = match sync.peers(app).await {
        Ok(p) => p,
        Err(e) => {
            app.notify_error(&e);
            return None;
        }
    };
    // Bundles already received taught nothing new about their office: no need to rewrite.
    let news = bundles.iter().any(|b| !peers.already_received(b));
    if news {
        for b in bundles {
            peers.note_received(b);
        }
        let senders = bundles.iter().map(|b| &b.exported_by().office_id);
        if let Err(e) = save_peers(&mut cs, &peers, senders) {
            app.notify_error(&e);
            return None;
        }
    }
    t.peers += now() - start;
    let start = now();
    let merged = outcome.dataset;
    let saved = if cs.is_empty() {
        true
    } else {
        app.apply(cs, move |ds| *ds = merged).await.is_some()
    };
    t.write += now() - start;
    if !saved {
        return None;
    }
    if news {
        sync.peers.set(Some(peers));
    }
    Some(Applied { written })
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
}

/// A bundle ready to download or share.
#[derive(Debug, Clone)]
pub struct Exported {
    pub name: String,
    pub bytes: Vec<u8>,
    pub records: usize,
    pub scope: BundleScope,
    pub encrypted: bool,
    pub millis: f64,
}

/// Why an export failed.
#[derive(Debug, Clone, PartialEq)]
pub enum ExportError {
    Crypto(CryptoError),
    Storage(StorageError),
}

/// Makes the bundle, then saves the export time and what `to` now holds, in one
/// transaction. The file is returned for downloading or sharing.
pub async fn export(
    app: AppState,
    sync: SyncState,
    choice: &ExportChoice,
    progress: Progress,
) -> Result<Exported, ExportError> {
    let start = now();
    let who = editor(app);
    let at = Utc::now();
    let mut peers = sync.peers(app).await.map_err(ExportError::Storage)?;
    progress.step(Stage::Preparing, 0.1).await;
    let draft = app
        .dataset
        .with_untracked(|ds| match (&choice.to, choice.since) {
            (Some(to), true) => {
                let peer = peers.get(to).cloned().unwrap_or_default();
                draft_since(ds, to, &peer, &who, at)
            }
            _ => draft_full(ds, &who, at),
        });
    let sum = sha256_hex(draft.canonical_bytes()).await;
    let bundle = draft.finish(&sum);
    let name = bundle.file_name();
    let records = bundle.records().total_len();
    let scope = bundle.manifest().scope;
    let mut json = bundle.to_json();
    let encrypted = match choice.passphrase.as_deref().filter(|p| !p.is_empty()) {
        Some(p) => {
            progress.step(Stage::Locking, 0.6).await;
            json = encrypt(&json, p).map_err(ExportError::Crypto)?;
            true
        }
        None => false,
    };

    let mut cs = ChangeSet::new("export");
    cs.set_meta(LAST_EXPORT_KEY, &at)
        .map_err(ExportError::Storage)?;
    if let Some(to) = &choice.to {
        peers.note_sent(to, &bundle);
        save_peers(&mut cs, &peers, [to]).map_err(ExportError::Storage)?;
    }
    drop(bundle);
    progress.step(Stage::Saving, 0.9).await;
    if app.apply(cs, |_| {}).await.is_none() {
        return Err(ExportError::Storage(StorageError::Unexpected(
            "the export time could not be saved".into(),
        )));
    }
    sync.last_export.set(Some(at));
    if choice.to.is_some() {
        sync.peers.set(Some(peers));
    }
    Ok(Exported {
        name,
        bytes: json.into_bytes(),
        records,
        scope,
        encrypted,
        millis: now() - start,
    })
}
