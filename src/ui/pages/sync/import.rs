//! The import panel: choose or drop files; each is read and verified (unlocked with a
//! passphrase if it is locked) before anything is written; the preview shows what would
//! change; "Save the import" writes it all in one transaction.

use crate::domain::sorting::SortSmall;
use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::file_row::{Entry, FileRow, Status, Summary};
use super::preview::{PreviewTable, PreviewView};
use super::progress_bar::ProgressBar;
use super::text::SyncText;
use crate::domain::sync::{Bundle, MergeOutcome};
use crate::sync::files;
use crate::ui::i18n::{tr, use_i18n, Lang, Text};
use crate::ui::state::{use_app, AppState};
use crate::ui::sync::context::{use_sync, SyncState};
use crate::ui::sync::pipeline::{
    apply_import, file_text, merge_bundles, open_bundle, FileText, OpenError, Timings,
};
use crate::ui::sync::progress::{now, Progress, Stage};

/// What is kept per file besides what is shown: its text while it is locked, its bundle
/// once verified.
#[derive(Default)]
struct Heavy {
    bytes: Option<FileText>,
    bundle: Option<Bundle>,
}

/// After an import: what it did, for the message.
#[derive(Debug, Clone, PartialEq)]
struct Done {
    changed: bool,
    conflicts: usize,
    seconds: f64,
}

/// The panel's state. `Copy`: every handler captures it.
#[derive(Clone, Copy)]
struct Import {
    app: AppState,
    sync: SyncState,
    entries: RwSignal<Vec<Entry>>,
    heavy: StoredValue<HashMap<u32, Heavy>>,
    next_key: StoredValue<u32>,
    preview: RwSignal<Option<PreviewView>>,
    outcome: StoredValue<Option<MergeOutcome>>,
    /// Set when the data on this device changes after the preview was computed: the merge
    /// is then redone before saving.
    stale: StoredValue<bool>,
    busy: RwSignal<bool>,
    done: RwSignal<Option<Done>>,
    progress: Progress,
    timings: StoredValue<Timings>,
}

impl Import {
    fn set_status(self, key: u32, status: Status) {
        self.entries.update(|list| {
            if let Some(e) = list.iter_mut().find(|e| e.key == key) {
                e.status = status;
            }
        });
    }

    /// Reads and verifies new files one after the other, then previews.
    fn add(self, chosen: Vec<web_sys::File>) {
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
                let bytes = match files::read_file(&f).await {
                    Ok(b) => b,
                    Err(detail) => {
                        let th = format!("{}: {detail}", SyncText::ReadFailed.text(Lang::Th));
                        let en = format!("{}: {detail}", SyncText::ReadFailed.text(Lang::En));
                        self.set_status(key, Status::Refused { th, en });
                        continue;
                    }
                };
                self.timings.update_value(|t| t.read += now() - start);
                self.open(key, bytes, None).await;
            }
            self.refresh_preview().await;
            self.progress.finish();
            self.busy.set(false);
        });
    }

    async fn open(self, key: u32, bytes: Vec<u8>, passphrase: Option<String>) {
        match file_text(bytes) {
            Ok(file) => self.open_text(key, file, passphrase).await,
            Err(e) => self.refuse(key, e),
        }
    }

    fn refuse(self, key: u32, e: OpenError) {
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

    async fn open_text(self, key: u32, bytes: FileText, passphrase: Option<String>) {
        let mut t = Timings::default();
        let result = open_bundle(
            Arc::clone(&bytes),
            passphrase.as_deref(),
            self.progress,
            &mut t,
        )
        .await;
        self.timings.update_value(|all| all.add(&t));
        match result {
            Ok(bundle) => {
                let already = match self.sync_peers().await {
                    Some(p) => p.already_received(&bundle),
                    None => false,
                };
                let summary = Summary::of(&bundle, already);
                self.heavy.update_value(|h| {
                    h.insert(
                        key,
                        Heavy {
                            bytes: None,
                            bundle: Some(bundle),
                        },
                    );
                });
                self.set_status(key, Status::Ready(summary));
            }
            Err(OpenError::NeedsPassphrase) => {
                self.heavy.update_value(|h| {
                    h.insert(
                        key,
                        Heavy {
                            bytes: Some(bytes),
                            bundle: None,
                        },
                    );
                });
                self.set_status(key, Status::Locked { wrong: None });
            }
            Err(OpenError::Bundle(e)) if passphrase.is_some() && e.code() == "wrong_passphrase" => {
                self.heavy.update_value(|h| {
                    h.insert(
                        key,
                        Heavy {
                            bytes: Some(bytes),
                            bundle: None,
                        },
                    );
                });
                let wrong = Some((e.message_th(), e.message_en()));
                self.set_status(key, Status::Locked { wrong });
            }
            Err(e) => self.refuse(key, e),
        }
    }

    async fn sync_peers(self) -> Option<crate::domain::sync::Peers> {
        self.sync.peers(self.app).await.ok()
    }

    fn unlock(self, key: u32, passphrase: String) {
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
            self.open_text(key, bytes, Some(passphrase)).await;
            self.refresh_preview().await;
            self.progress.finish();
            self.busy.set(false);
        });
    }

    fn remove(self, key: u32) {
        self.entries.update(|l| l.retain(|e| e.key != key));
        self.heavy.update_value(|h| {
            h.remove(&key);
        });
        spawn_local(async move { self.refresh_preview().await });
    }

    fn clear(self) {
        self.entries.set(Vec::new());
        self.heavy.set_value(HashMap::new());
        self.preview.set(None);
        self.outcome.set_value(None);
    }

    /// Whether every chosen file is verified (and there is at least one).
    fn all_ready(self) -> bool {
        self.entries.with_untracked(|l| {
            !l.is_empty() && l.iter().all(|e| matches!(e.status, Status::Ready(_)))
        })
    }

    /// Merges the verified bundles with the local data, for the preview (nothing written).
    async fn refresh_preview(self) {
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

    fn merge(self) -> MergeOutcome {
        self.heavy.with_value(|h| {
            let mut keys: Vec<&u32> = h.keys().collect();
            keys.sort_small();
            let bundles: Vec<&Bundle> = keys
                .into_iter()
                .filter_map(|k| h.get(k).and_then(|x| x.bundle.as_ref()))
                .collect();
            self.app
                .dataset
                .with_untracked(|local| merge_bundles(local, &bundles))
        })
    }

    fn apply(self) {
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
            let bundles: Vec<Bundle> = self.heavy.with_value(|h| {
                let mut keys: Vec<&u32> = h.keys().collect();
                keys.sort_small();
                keys.into_iter()
                    .filter_map(|k| h.get(k).and_then(|x| x.bundle.clone()))
                    .collect()
            });
            let mut t = Timings::default();
            let applied =
                apply_import(self.app, sync, &bundles, outcome, self.progress, &mut t).await;
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

#[component]
pub fn ImportPanel() -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let st = Import {
        app,
        sync: use_sync(),
        entries: RwSignal::new(Vec::new()),
        heavy: StoredValue::new(HashMap::new()),
        next_key: StoredValue::new(0),
        preview: RwSignal::new(None),
        outcome: StoredValue::new(None),
        stale: StoredValue::new(false),
        busy: RwSignal::new(false),
        done: RwSignal::new(None),
        progress: Progress::new(),
        timings: StoredValue::new(Timings::default()),
    };
    // Edits elsewhere (another screen, a settled conflict) make the preview out of date.
    Effect::new(move |_| {
        app.dataset.track();
        st.stale.set_value(true);
    });
    let hover = RwSignal::new(false);
    let on_change = move |ev: leptos::ev::Event| {
        let input: Option<web_sys::HtmlInputElement> = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into(t).ok());
        if let Some(input) = input {
            st.add(files::file_list(input.files()));
            // Choosing the same file again must fire `change` again.
            input.set_value("");
        }
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        hover.set(false);
        st.add(files::file_list(ev.data_transfer().and_then(|d| d.files())));
    };
    let blocked = move || {
        st.entries.with(|l| {
            l.iter()
                .any(|e| matches!(e.status, Status::Refused { .. } | Status::Locked { .. }))
        })
    };

    view! {
        <section class="panel sync-import" aria-labelledby="import-title">
            <h2 id="import-title">{tr(SyncText::ImportTitle)}</h2>
            <p class="muted">{tr(SyncText::ImportIntro)}</p>
            <div
                class="dropzone"
                class:hover=move || hover.get()
                data-testid="dropzone"
                on:dragover=move |ev| {
                    ev.prevent_default();
                    hover.set(true);
                }
                on:dragleave=move |_| hover.set(false)
                on:drop=on_drop
            >
                <label class="button file-button">
                    {tr(SyncText::ChooseFiles)}
                    <input
                        type="file"
                        multiple
                        accept=".json,application/json"
                        class="visually-hidden"
                        data-testid="import-input"
                        on:change=on_change
                    />
                </label>
                <span class="muted">{tr(SyncText::OrDrop)}</span>
            </div>
            <Show when=move || st.entries.with(|l| !l.is_empty())>
                <h3 class="files-title">{tr(SyncText::FilesLabel)}</h3>
                <ul class="import-files" data-testid="import-files">
                    <For
                        each=move || st.entries.with(|l| l.iter().map(|e| e.key).collect::<Vec<_>>())
                        key=|k| *k
                        let:key
                    >
                        <FileRow
                            entry=Signal::derive(move || {
                                st.entries.with(|l| l.iter().find(|e| e.key == key).cloned())
                            })
                            on_unlock=Callback::new(move |(k, p)| st.unlock(k, p))
                            on_remove=Callback::new(move |k| st.remove(k))
                        />
                    </For>
                </ul>
            </Show>
            <ProgressBar progress=st.progress/>
            <Show when=blocked>
                <p class="hint" data-testid="import-blocked">{tr(SyncText::RemoveRefusedFirst)}</p>
            </Show>
            {move || st.preview.get().map(|p| view! {
                <PreviewTable preview=p/>
                <div class="actions">
                    <button type="button" data-testid="import-apply"
                        prop:disabled=move || st.busy.get()
                        on:click=move |_| st.apply()>
                        {move || i18n.t(if st.busy.get() { SyncText::Applying } else { SyncText::Apply })}
                    </button>
                    <button type="button" class="secondary" data-testid="import-cancel"
                        prop:disabled=move || st.busy.get()
                        on:click=move |_| st.clear()>
                        {tr(SyncText::Cancel)}
                    </button>
                </div>
            })}
            {move || st.done.get().map(|d| view! { <DoneMessage done=d/> })}
        </section>
    }
}

/// "Imported", with how long it took and a link to the conflicts if any.
#[component]
fn DoneMessage(
    /// What the import did.
    done: Done,
) -> impl IntoView {
    let i18n = use_i18n();
    let msg = if done.changed {
        SyncText::Imported
    } else {
        SyncText::ImportedNothing
    };
    let seconds = format!("{:.1}", done.seconds);
    view! {
        <div class="sync-done" role="status" data-testid="import-done">
            <p>
                <strong>{tr(msg)}</strong>
                " (" {seconds} " " {move || i18n.t(SyncText::Seconds)} ")"
            </p>
            <Show when=move || { done.conflicts > 0 }>
                <p>
                    <a href="/conflicts" data-testid="import-goto-conflicts">
                        {tr(SyncText::GoToConflicts)} " (" {done.conflicts} ")"
                    </a>
                </p>
            </Show>
        </div>
    }
}
