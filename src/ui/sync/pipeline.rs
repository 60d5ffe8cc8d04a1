//! The import and export pipelines, step by step, each step timed. The steps that need no
//! interface state are in `sync::pipeline` (re-exported here); these read and write the
//! app's state.
//!
//! Import: bytes → text → (unlock) → parse and check every record → SHA-256 (Web Crypto,
//! of the file's own records text when it is canonical) → merge with the local data →
//! preview; then, once the person confirms, one change set with only what changes, the
//! tombstones every known office now holds purged, plus the peers → one IndexedDB
//! transaction → the in-memory dataset. While stored data is kept aside unread, no kind
//! is written whole and nothing kept aside is written over (`sync::load`). Nothing is written before the
//! person confirms, and a refused file writes nothing.
//!
//! Export: draft (canonical records) → SHA-256 (Web Crypto) → JSON → (lock) → a file;
//! peers and the export time saved in one transaction. The carried files are written into
//! the file one at a time (`sync::carried`), except in a locked bundle, encrypted whole.

use chrono::Utc;
use leptos::prelude::*;

use crate::domain::sync::files::FileEntry;
use crate::domain::sync::personal::check_personal_export;
use crate::domain::sync::signature::signer;
use crate::domain::sync::{
    draft_full, draft_since, encrypt, purge_tombstones_before, Bundle, MergeOutcome,
    PURGE_AFTER_DAYS,
};
use crate::storage::{ChangeSet, NewBlob, StorageError};
use crate::sync::carried::write_bundle;
use crate::sync::digest::sha256_hex;
use crate::sync::files::json_blob;
pub use crate::sync::pipeline::{
    file_text, merge_bundles, ExportChoice, ExportError, Exported, FileText, OpenError, Timings,
};
use crate::sync::plan::import_changes_keeping;
use crate::sync::{save_peers, LAST_EXPORT_KEY};
use crate::ui::edit::editor;
use crate::ui::state::AppState;
use crate::ui::sync::context::SyncState;
use crate::ui::sync::progress::{now, Progress, Stage};

/// Opens a file's text as a verified bundle (see `sync::pipeline::open_bundle`), moving the
/// progress bar. Writes nothing.
pub async fn open_bundle(
    file: FileText,
    passphrase: Option<&str>,
    progress: Progress,
    t: &mut Timings,
) -> Result<Bundle, OpenError> {
    open_bundle_apart(file, passphrase, None, progress, t).await
}

/// [`open_bundle`] of a file whose `attachments` section was read apart and held
/// `files_apart` entries (`sync::carried`): they are checked after it, one at a time.
pub async fn open_bundle_apart(
    file: FileText,
    passphrase: Option<&str>,
    files_apart: Option<usize>,
    progress: Progress,
    t: &mut Timings,
) -> Result<Bundle, OpenError> {
    crate::sync::pipeline::open_bundle(file, passphrase, files_apart, |s, f| progress.step(s, f), t)
        .await
}

/// What an applied import did.
#[derive(Debug, Clone)]
pub struct Applied {
    /// Records and conflict entries written.
    pub written: usize,
    /// Deletions removed because every known office has them.
    pub purged: usize,
}

/// Stores the outcome of merging `bundles` into the data on this device: the records that
/// change and the peers, in ONE transaction, then the in-memory dataset. `None` if nothing
/// was saved (the person has been told why).
pub async fn apply_import(
    app: AppState,
    sync: SyncState,
    bundles: &[&Bundle],
    outcome: MergeOutcome,
    progress: Progress,
    t: &mut Timings,
) -> Option<Applied> {
    apply_import_with(app, sync, bundles, Vec::new(), outcome, progress, t).await
}

/// [`apply_import`] with the files of bundles whose files were read apart, checked and
/// made `Blob`s when they were opened (`sync::carried::check_apart`).
pub async fn apply_import_with(
    app: AppState,
    sync: SyncState,
    bundles: &[&Bundle],
    apart: Vec<NewBlob>,
    outcome: MergeOutcome,
    progress: Progress,
    t: &mut Timings,
) -> Option<Applied> {
    progress.step(Stage::Saving, 0.8).await;
    keep_files(app, bundles, apart, progress).await;
    let start = now();
    let mut peers = match sync.peers(app).await {
        Ok(p) => p,
        Err(e) => {
            app.notify_error(&e);
            return None;
        }
    };
    // Bundles already received taught nothing new about their office (nor a new key, which
    // comes with a new bundle id): no need to rewrite.
    let news = bundles.iter().any(|b| !peers.already_received(b));
    if news {
        for b in bundles {
            peers.note_received(b);
            // Trust on first use; a changed key was accepted by the person (the preview
            // warned): it replaces the kept one, which is recorded.
            let office = &b.exported_by().office_id;
            peers.keep_key(office, signer(b).as_ref(), Utc::now());
        }
    }
    // Deletions older than a month that every known office now holds need not travel any
    // more (docs/sync.md, "Purging tombstones"): they go in the same transaction.
    let mut merged = outcome.dataset;
    let old = Utc::now() - chrono::Duration::days(PURGE_AFTER_DAYS);
    let purged = purge_tombstones_before(&mut merged, &peers, old).len();
    t.peers += now() - start;
    let start = now();
    let mut cs = ChangeSet::new("import");
    let planned = app.dataset.with_untracked(|local| {
        app.kept_aside.with_untracked(|kept| {
            import_changes_keeping(
                &mut cs,
                local,
                &merged,
                bundles.first().copied().filter(|_| bundles.len() == 1),
                kept,
            )
        })
    });
    let written = match planned {
        Ok(n) => n,
        Err(e) => {
            app.notify_error(&e);
            return None;
        }
    };
    t.plan += now() - start;
    if news {
        let senders = bundles.iter().map(|b| &b.exported_by().office_id);
        if let Err(e) = save_peers(&mut cs, &peers, senders) {
            app.notify_error(&e);
            return None;
        }
    }
    let start = now();
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
    Some(Applied { written, purged })
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
    let draft = match choice.leave_out_personal {
        true => draft.without_personal_data(),
        false => draft,
    };
    // Checked on what the file would really hold: an export "since" may carry none.
    check_personal_export(
        draft.personal_values(),
        choice.locks(),
        choice.unlocked_acknowledged,
    )
    .map_err(ExportError::PersonalData)?;
    let sum = sha256_hex(draft.canonical_bytes()).await;
    let (bundle, carried) = with_files(app, draft.finish(&sum), choice).await?;
    let bundle = crate::sync::signing::sign(bundle).await;
    let name = bundle.file_name();
    let records = bundle.records().total_len();
    let scope = bundle.manifest().scope;
    let unreadable = |e: String| ExportError::Storage(StorageError::Unexpected(e));
    let (file, encrypted) = match choice.passphrase.as_deref().filter(|p| !p.is_empty()) {
        // Encrypted whole: the files are in the text (see `with_files`).
        Some(p) => {
            progress.step(Stage::Locking, 0.6).await;
            let json = encrypt(&bundle.to_json(), p).map_err(ExportError::Crypto)?;
            (json_blob(json.as_bytes()).map_err(unreadable)?, true)
        }
        None => {
            let around = bundle.json_around_files();
            (
                write_bundle(around, carried).await.map_err(unreadable)?,
                false,
            )
        }
    };

    let mut cs = ChangeSet::new("export");
    cs.set_meta(LAST_EXPORT_KEY, &at)
        .map_err(ExportError::Storage)?;
    // A summary does not count as sent: the office still lacks the names it left out, so
    // the next "only what it lacks" export to it carries those records again.
    if let Some(to) = choice.to.as_ref().filter(|_| !choice.leave_out_personal) {
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
        size: file.size() as u64,
        file,
        records,
        scope,
        encrypted,
        summary: choice.leave_out_personal,
        millis: now() - start,
    })
}

/// The bundle with the files its records name, when the person chose to carry them
/// (`domain::sync::files`). In an export "only what it lacks", files also named by records
/// the other office already holds are taken as held there and not sent again. A bundle to
/// be locked is encrypted whole, so its files are read into its text; otherwise only the
/// manifest's note is set and the files, as kept `Blob`s, are written one at a time
/// (`sync::carried::write_bundle`).
async fn with_files(
    app: AppState,
    bundle: Bundle,
    choice: &ExportChoice,
) -> Result<(Bundle, Vec<(FileEntry, web_sys::Blob)>), ExportError> {
    use crate::domain::records::attachment::referenced;
    use crate::domain::sync::files::{files_to_carry, FilesMode};
    let named: Vec<String> = referenced(bundle.records())
        .into_keys()
        .map(str::to_owned)
        .collect();
    if named.is_empty() {
        return Ok((bundle, Vec::new()));
    }
    let held_there: std::collections::BTreeSet<String> = match choice.since {
        true => app.dataset.with_untracked(|ds| {
            let sent = bundle.records();
            let mut rest = ds.clone();
            crate::domain::records::attachment::retain_not_in(&mut rest, sent);
            referenced(&rest).into_keys().map(str::to_owned).collect()
        }),
        false => Default::default(),
    };
    let mode = if choice.attachments {
        FilesMode::Included
    } else {
        FilesMode::LeftOut
    };
    let mut blobs = std::collections::BTreeMap::new();
    if let (FilesMode::Included, Some(store)) = (mode, app.store.get_untracked()) {
        for sha in named.iter().filter(|s| !held_there.contains(*s)) {
            if let Some(b) = store.blob(sha).await.map_err(ExportError::Storage)? {
                blobs.insert(sha.clone(), b);
            }
        }
    }
    let (entries, note) = files_to_carry(bundle.records(), mode, &held_there, |sha| {
        blobs.get(sha).map(|b| b.size() as u64)
    });
    let mut carried = Vec::with_capacity(entries.len());
    for e in entries {
        if let Some(b) = blobs.remove(&e.sha256) {
            carried.push((e, b));
        }
    }
    if !choice.locks() {
        return Ok((bundle.with_files(Vec::new(), note), carried));
    }
    let mut files = Vec::with_capacity(carried.len());
    for (e, blob) in carried {
        let bytes = crate::sync::carried::blob_bytes(&blob)
            .await
            .map_err(|e| ExportError::Storage(StorageError::Unexpected(e)))?;
        files.push(e.with_bytes(&bytes));
    }
    Ok((bundle.with_files(files, note), Vec::new()))
}

/// Keeps the files the bundles carried (checked when they were opened), before their
/// records, in one transaction: all or none. When they do not fit, the records are still
/// imported (a record is never lost because a photo did not fit) and the person is told;
/// the records then show "N photos not included" where they belong.
/// The bar moves with each file kept ("37 / 200"), from 80 % to 95 % of the import.
async fn keep_files(app: AppState, bundles: &[&Bundle], apart: Vec<NewBlob>, progress: Progress) {
    let mut files: Vec<NewBlob> = bundles
        .iter()
        .flat_map(|b| b.files())
        .map(|f| NewBlob::from_bytes(f.sha256.clone(), &f.media_type, &f.bytes))
        .collect();
    files.extend(apart);
    if files.is_empty() {
        return;
    }
    let Some(store) = app.store.get_untracked() else {
        return;
    };
    if files.len() > 1 {
        progress.step(Stage::KeepingFiles, 0.8).await;
    }
    let kept = |done, of| progress.kept(done, of, (0.8, 0.95));
    if let Err(e) = store.put_blobs_counted(files, kept).await {
        app.notify(
            crate::ui::i18n::Msg::FilesNotKept,
            e.detail().map(str::to_string),
        );
    }
}
