//! The import panel's state: the chosen files, what each verified to, the merged preview
//! and the progress of a save; the panel (`import.rs`) only shows it and calls its steps.

use crate::domain::sorting::SortSmall;
use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::file_row::{Entry, Status, Summary};
use super::preview::PreviewView;
use super::text::SyncText;
use crate::domain::sync::signature::{signer, trust};
use crate::domain::sync::{Bundle, MergeOutcome};
use crate::storage::NewBlob;
use crate::sync::carried::{read_chosen, Apart, ApartError, Chosen};
use crate::ui::i18n::{Lang, Text};
use crate::ui::state::AppState;
use crate::ui::sync::context::SyncState;
use crate::ui::sync::pipeline::{
    apply_import_with, file_text, merge_bundles, open_bundle_apart, FileText, OpenError, Timings,
};
use crate::ui::sync::progress::{now, Progress, Stage};

/// What is kept per file besides what is shown: its text while it is locked, its bundle
/// once verified, and the files read apart from its text, checked, as `Blob`s. The bundle is
/// shared with the save rather than copied: copying a survey's 100,000 households added
/// 50–70 ms to every save (docs/sync.md, "A region's survey").
#[derive(Default)]
pub(super) struct Heavy {
    bytes: Option<FileText>,
    bundle: Option<Arc<Bundle>>,
    files: Vec<NewBlob>,
}

impl Heavy {
    fn opened(bundle: Bundle, files: Vec<NewBlob>) -> Heavy {
        Heavy {
            bytes: None,
            bundle: Some(Arc::new(bundle)),
            files,
        }
    }

    fn locked(bytes: FileText) -> Heavy {
        Heavy {
            bytes: Some(bytes),
            bundle: None,
            files: Vec::new(),
        }
    }
}

/// After an import: what it did, for the message.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Done {
    pub(super) changed: bool,
    pub(super) conflicts: usize,
    pub(super) seconds: f64,
}

/// The panel's state. `Copy`: every handler captures it.
#[derive(Clone, Copy)]
pub(super) struct Import {
    pub(super) app: AppState,
    pub(super) sync: SyncState,
    pub(super) entries: RwSignal<Vec<Entry>>,
    pub(super) heavy: StoredValue<HashMap<u32, Heavy>>,
    pub(super) next_key: StoredValue<u32>,
    pub(super) preview: RwSignal<Option<PreviewView>>,
    pub(super) outcome: StoredValue<Option<MergeOutcome>>,
    /// Set when the data on this device changes after the preview was computed: the merge
    /// is then redone before saving.
    pub(super) stale: StoredValue<bool>,
    pub(super) busy: RwSignal<bool>,
    pub(super) done: RwSignal<Option<Done>>,
    pub(super) progress: Progress,
    pub(super) timings: StoredValue<Timings>,
}

impl Import {
    /// Keeps what a file needs next: its opened bundle, or its bytes until a passphrase
    /// opens them.
    fn keep(self, key: u32, heavy: Heavy) {
        self.heavy.update_value(|h| {
            h.insert(key, heavy);
        });
    }

    pub(super) fn set_status(self, key: u32, status: Status) {
        self.entries.update(|list| {
            if let Some(e) = list.iter_mut().find(|e| e.key == key) {
                e.status = status;
            }
        });
    }

    /// Reads and verifies new files one after the other, then previews.
    pub(super) fn add(self, chosen: Vec<web_sys::File>) {
        if chosen.is_empty() {
            return;
        }
        self.done.set(None);
        let mut jobs = Vec::new();
        for f in chosen {
            let key = self.next_key.get_value();
            self.next_key.set_value(key + 1);
            self.entries.update(|l| {
                l.push(Entry {
                    key,
                    name: f.name(),
                    status: Status::Checking,
                })
            });
            jobs.push((key, f));
        }
        self.busy.set(true);
        spawn_local(async move {
            self.progress.start();
            self.timings.set_value(Timings::default());
            for (key, f) in jobs {
                self.progress.step(Stage::Reading, 0.0).await;
                let start = now();
                // The files section, if any, is left in the file and read one file at a
                // time once the records are open (`sync::carried`).
                let chosen = match read_chosen(&f).await {
                    Ok(c) => c,
                    Err(detail) => {
                        self.read_failed(key, &detail);
                        continue;
                    }
                };
                self.timings.update_value(|t| t.read += now() - start);
                self.open(key, chosen).await;
            }
            self.refresh_preview().await;
            self.progress.finish();
            self.busy.set(false);
        });
    }

    pub(super) async fn open(self, key: u32, chosen: Chosen) {
        match file_text(chosen.bytes) {
            Ok(file) => self.open_text(key, file, None, chosen.apart).await,
            Err(e) => self.refuse(key, e),
        }
    }

    fn read_failed(self, key: u32, detail: &str) {
        let th = format!("{}: {detail}", SyncText::ReadFailed.text(Lang::Th));
        let en = format!("{}: {detail}", SyncText::ReadFailed.text(Lang::En));
        self.set_status(key, Status::Refused { th, en });
    }

    /// Reads, checks and makes `Blob`s of the files read apart from `bundle`'s text, one
    /// at a time (`sync::carried`). Every file is checked; those this device already holds
    /// are not kept again.
    async fn check_apart(self, bundle: &Bundle, apart: &Apart) -> Result<Vec<NewBlob>, ApartError> {
        let held = match self.app.store.get_untracked() {
            Some(store) => store.blob_keys().await.unwrap_or_default(),
            None => Default::default(),
        };
        let each = |done, of| self.progress.checked(done, of, (0.3, 0.55));
        crate::sync::carried::check_apart(apart, bundle.records(), &held, each).await
    }

    pub(super) fn refuse(self, key: u32, e: OpenError) {
        let OpenError::Bundle(e) = e else {
            return;
        };
        self.heavy.update_value(|h| {
            h.remove(&key);
        });
        self.set_status(
            key,
            Status::Refused {
                th: e.message_th(),
                en: e.message_en(),
            },
        );
    }

    pub(super) async fn open_text(
        self,
        key: u32,
        bytes: FileText,
        passphrase: Option<String>,
        apart: Option<Apart>,
    ) {
        let mut t = Timings::default();
        let result = open_bundle_apart(
            Arc::clone(&bytes),
            passphrase.as_deref(),
            apart.as_ref().map(Apart::entries),
            self.progress,
            &mut t,
        )
        .await;
        let start = now();
        let result = match (result, apart) {
            (Ok(bundle), Some(apart)) => match self.check_apart(&bundle, &apart).await {
                Ok(files) => Ok((bundle, files)),
                Err(ApartError::Refused(e)) => Err(OpenError::Bundle(e)),
                Err(ApartError::Read(detail)) => return self.read_failed(key, &detail),
            },
            (result, _) => result.map(|b| (b, Vec::new())),
        };
        // Checking the files read apart is their parse and hash, counted as hashing.
        t.hash += now() - start;
        self.timings.update_value(|all| all.add(&t));
        match result {
            Ok((bundle, files)) => {
                let peers = self.sync_peers().await.unwrap_or_default();
                let already = peers.already_received(&bundle);
                // The opener verified the signature; who signed, against the kept keys.
                let trust = trust(
                    &peers,
                    &bundle.exported_by().office_id,
                    signer(&bundle).as_ref(),
                );
                let summary = Summary::of(&bundle, already, trust);
                self.keep(key, Heavy::opened(bundle, files));
                self.set_status(key, Status::Ready(summary));
            }
            Err(OpenError::NeedsPassphrase) => {
                self.keep(key, Heavy::locked(bytes));
                self.set_status(key, Status::Locked { wrong: None });
            }
            Err(OpenError::Bundle(e)) if passphrase.is_some() && e.code() == "wrong_passphrase" => {
                self.keep(key, Heavy::locked(bytes));
                let wrong = Some((e.message_th(), e.message_en()));
                self.set_status(key, Status::Locked { wrong });
            }
            Err(e) => self.refuse(key, e),
        }
    }

    pub(super) async fn sync_peers(self) -> Option<crate::domain::sync::Peers> {
        self.sync.peers(self.app).await.ok()
    }

    pub(super) fn unlock(self, key: u32, passphrase: String) {
        let Some(bytes) = self
            .heavy
            .try_update_value(|h| h.get_mut(&key).and_then(|x| x.bytes.take()))
            .flatten()
        else {
            return;
        };
        self.set_status(key, Status::Checking);
        self.busy.set(true);
        spawn_local(async move {
            self.progress.start();
            self.open_text(key, bytes, Some(passphrase), None).await;
            self.refresh_preview().await;
            self.progress.finish();
            self.busy.set(false);
        });
    }

    pub(super) fn remove(self, key: u32) {
        self.entries.update(|l| l.retain(|e| e.key != key));
        self.heavy.update_value(|h| {
            h.remove(&key);
        });
        spawn_local(async move { self.refresh_preview().await });
    }

    pub(super) fn clear(self) {
        self.entries.set(Vec::new());
        self.heavy.set_value(HashMap::new());
        self.preview.set(None);
        self.outcome.set_value(None);
    }

    /// Whether a verified file must be accepted knowingly: unsigned or signed by another key
    /// than the one kept for its office.
    pub(super) fn needs_warning(self) -> bool {
        self.entries.with(|l| {
            l.iter()
                .any(|e| matches!(&e.status, Status::Ready(s) if s.trust.needs_warning()))
        })
    }

    /// Whether every chosen file is verified (and there is at least one).
    pub(super) fn all_ready(self) -> bool {
        self.entries.with_untracked(|l| {
            !l.is_empty() && l.iter().all(|e| matches!(e.status, Status::Ready(_)))
        })
    }

    /// Merges the verified bundles with the local data, for the preview (nothing written).
    pub(super) async fn refresh_preview(self) {
        if !self.all_ready() {
            self.preview.set(None);
            self.outcome.set_value(None);
            return;
        }
        self.progress.step(Stage::Comparing, 0.6).await;
        let start = now();
        let outcome = self.merge();
        self.timings.update_value(|t| t.merge += now() - start);
        self.preview.set(Some(PreviewView::of(&outcome)));
        self.outcome.set_value(Some(outcome));
        self.stale.set_value(false);
    }

    pub(super) fn merge(self) -> MergeOutcome {
        self.heavy.with_value(|h| {
            let mut keys: Vec<&u32> = h.keys().collect();
            keys.sort_small();
            let bundles: Vec<&Bundle> = keys
                .into_iter()
                .filter_map(|k| h.get(k).and_then(|x| x.bundle.as_deref()))
                .collect();
            self.app
                .dataset
                .with_untracked(|local| merge_bundles(local, &bundles))
        })
    }

    pub(super) fn apply(self) {
        if self.busy.get_untracked() || !self.all_ready() {
            return;
        }
        self.busy.set(true);
        let sync = self.sync;
        spawn_local(async move {
            self.progress.start();
            if self.stale.get_value() || self.outcome.with_value(Option::is_none) {
                self.progress.step(Stage::Comparing, 0.6).await;
                let start = now();
                let fresh = self.merge();
                self.timings.update_value(|t| t.merge += now() - start);
                self.outcome.set_value(Some(fresh));
            }
            let Some(outcome) = self.outcome.try_update_value(Option::take).flatten() else {
                self.busy.set(false);
                return;
            };
            let changed = !outcome.preview.changes_nothing();
            let (bundles, files): (Vec<Arc<Bundle>>, Vec<NewBlob>) = self.heavy.with_value(|h| {
                let mut keys: Vec<&u32> = h.keys().collect();
                keys.sort_small();
                let bundles = keys
                    .iter()
                    .filter_map(|k| h.get(*k).and_then(|x| x.bundle.clone()))
                    .collect();
                let files = keys
                    .iter()
                    .filter_map(|k| h.get(*k))
                    .flat_map(|x| x.files.iter().cloned())
                    .collect();
                (bundles, files)
            });
            let mut t = Timings::default();
            let bundles: Vec<&Bundle> = bundles.iter().map(|b| &**b).collect();
            let applied = apply_import_with(
                self.app,
                sync,
                &bundles,
                files,
                outcome,
                self.progress,
                &mut t,
            )
            .await;
            self.timings.update_value(|all| all.add(&t));
            self.progress.finish();
            if applied.is_some() {
                let conflicts = self.app.dataset.with_untracked(|ds| {
                    crate::sync::conflicted_ids(ds)
                        .values()
                        .map(|s| s.len())
                        .sum()
                });
                let seconds = self.timings.get_value().total() / 1000.0;
                self.clear();
                self.done.set(Some(Done {
                    changed,
                    conflicts,
                    seconds,
                }));
            }
            self.busy.set(false);
        });
    }
}
