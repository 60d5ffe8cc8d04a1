//! The import panel: choose or drop files; each is read and verified (unlocked with a
//! passphrase if it is locked) before anything is written; the preview shows what would
//! change; "Save the import" writes it all in one transaction.

use std::collections::HashMap;

use leptos::prelude::*;

use super::file_row::{FileRow, Status};
use super::preview::PreviewTable;
use super::progress_bar::ProgressBar;
use super::text::SyncText;
use crate::sync::files;
use crate::ui::i18n::{tr, use_i18n};
use crate::ui::state::use_app;
use crate::ui::sync::context::use_sync;
use crate::ui::sync::pipeline::Timings;
use crate::ui::sync::progress::Progress;

use super::import_state::{Done, Import};

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
                        {move || i18n.t(if st.busy.get() {
                            SyncText::Applying
                        } else if st.needs_warning() {
                            SyncText::AcceptAndApply
                        } else {
                            SyncText::Apply
                        })}
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
