//! One attachments panel for every record that can hold evidence (projects, progress
//! reports, meetings, MOUs, instalments): two large buttons — the tablet's camera
//! (`capture="environment"`) and a file chooser (photos and PDFs) — thumbnails, a full
//! view and remove. A chosen file is prepared (`sync::photos`: scaled, hashed), its bytes
//! kept in the blob store first, and only then added to the form; the record's save then
//! keeps the reference with its audit entry. A file that cannot be kept (no room, a
//! damaged photo, a type not allowed) is named in the panel and nothing else changes.

mod evidence;
mod text;
mod thumb;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::domain::forms::attachment_intake::{FileProblem, ACCEPT};
use std::collections::BTreeSet;

use crate::domain::records::attachment::{add_once, missing_text};
use crate::domain::records::Attachment;
use crate::storage::StorageError;
use crate::ui::forms::Bind;
use crate::ui::i18n::{tr, use_i18n, Lang};

mod usage;
use crate::ui::state::use_app;
pub use usage::AttachmentUsage;

pub use evidence::CityEvidence;
pub use text::AttachText;
pub(crate) use thumb::stored_file_url;
use thumb::{Thumb, Viewer};

/// What the full view shows: the file and its object URL.
#[derive(Clone, PartialEq)]
pub(crate) struct Shown {
    pub file: Attachment,
    pub url: String,
}

/// The panel, bound to the form's attachment list.
#[component]
pub fn AttachmentsPanel(files: Bind<Vec<Attachment>>) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let working = RwSignal::new(0usize);
    let problems: RwSignal<Vec<FileProblem>> = RwSignal::new(Vec::new());
    let shown: RwSignal<Option<Shown>> = RwSignal::new(None);
    // Which files this device holds: a record from another office may name files its
    // bundle did not carry ("3 photos not included", where they belong).
    let held: RwSignal<Option<BTreeSet<String>>> = RwSignal::new(None);
    spawn_local(async move {
        if let Some(store) = app.store.get_untracked() {
            if let Ok(keys) = store.blob_keys().await {
                let _ = held.try_set(Some(keys));
            }
        }
    });
    let missing = move || {
        let lang = i18n.lang.get();
        held.with(|h| {
            let h = h.as_ref()?;
            let (th, en) = files.get.with(|l| missing_text(l, |sha| h.contains(sha)))?;
            Some(lang.pick((th, en)))
        })
    };
    let take = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let chosen: Vec<web_sys::File> = input
            .files()
            .map(|l| (0..l.length()).filter_map(|i| l.get(i)).collect())
            .unwrap_or_default();
        // The same photo chosen again must fire `change` again.
        input.set_value("");
        problems.set(Vec::new());
        spawn_local(async move {
            for file in chosen {
                working.update(|n| *n += 1);
                let result = keep(app.store.get_untracked(), &file).await;
                working.update(|n| *n = n.saturating_sub(1));
                match result {
                    Ok(a) => {
                        held.update(|h| {
                            if let Some(h) = h {
                                h.insert(a.sha256.clone());
                            }
                        });
                        let mut list = files.value();
                        if add_once(&mut list, a) {
                            files.put(list);
                        }
                    }
                    Err(p) => problems.update(|v| v.push(p)),
                }
            }
        });
    };
    let remove = Callback::new(move |sha: String| {
        let mut list = files.value();
        list.retain(|a| a.sha256 != sha);
        files.put(list);
    });
    let problem_text = move |p: &FileProblem| match i18n.lang.get() {
        Lang::Th => p.th(),
        Lang::En => p.en(),
    };
    view! {
        <fieldset class="panel attachments" data-testid="attachments">
            <legend>{tr(AttachText::Title)}</legend>
            <p class="hint">{tr(AttachText::Hint)}</p>
            <Show when=move || files.get.with(Vec::is_empty)>
                <p class="muted" data-testid="no-attachments">{tr(AttachText::None)}</p>
            </Show>
            <p class="attach-missing" data-testid="attachments-missing">{missing}</p>
            <ul class="thumbs">
                <For each=move || files.value() key=|a| a.sha256.clone() let:file>
                    <Thumb file remove shown/>
                </For>
            </ul>
            <div class="attach-buttons">
                <label class="button big-button">
                    // Drawn, not an emoji: a tablet or PC without an emoji font shows a box.
                    <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
                        <path d="M4 7h4l2-3h4l2 3h4v13H4z" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"/>
                        <circle cx="12" cy="13" r="4" fill="none" stroke="currentColor" stroke-width="2"/>
                    </svg>
                    {tr(AttachText::TakePhoto)}
                    <input type="file" class="visually-hidden" accept="image/*" capture="environment"
                        data-testid="attach-camera" on:change=take/>
                </label>
                <label class="button big-button secondary">
                    {tr(AttachText::ChooseFiles)}
                    <input type="file" class="visually-hidden" accept=ACCEPT multiple=true
                        data-testid="attach-files" on:change=take/>
                </label>
            </div>
            <Show when=move || { working.get() > 0 }>
                <p role="status" data-testid="attach-working">{tr(AttachText::Working)}</p>
            </Show>
            <For each=move || problems.get() key=|p| format!("{p:?}") let:p>
                <p class="attach-problem" role="alert" data-testid="attach-problem">{move || problem_text(&p)}</p>
            </For>
            <Viewer shown/>
        </fieldset>
    }
}

/// Prepares `file` and keeps its bytes; the reference to add once they are kept.
async fn keep(
    store: Option<crate::storage::Store>,
    file: &web_sys::File,
) -> Result<Attachment, FileProblem> {
    let ready = crate::sync::photos::prepare(file).await?;
    let no_room = || FileProblem::NoRoom {
        name: ready.attachment.file_name.clone(),
    };
    let Some(store) = store else {
        return Err(no_room());
    };
    let name = ready.attachment.file_name.clone();
    match store.put_blobs(vec![ready.blob]).await {
        Ok(_) => Ok(ready.attachment),
        Err(StorageError::QuotaExceeded) => Err(FileProblem::NoRoom { name }),
        Err(_) => Err(FileProblem::Unreadable { name }),
    }
}
