//! One attached file as a thumbnail (a photo) or a document tile (a PDF), and the full
//! view. Bytes come from the blob store through an object URL, revoked when the tile goes.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{AttachText, Shown};
use crate::domain::file_size::size_text;
use crate::domain::records::Attachment;
use crate::ui::i18n::tr;
use crate::ui::state::use_app;

#[component]
pub(super) fn Thumb(
    file: Attachment,
    remove: Callback<String>,
    shown: RwSignal<Option<Shown>>,
) -> impl IntoView {
    let (url, missing) = stored_file_url(file.sha256.clone());
    let photo = file.is_photo();
    let name = file.file_name.clone();
    let size = size_text(file.size);
    let sha = file.sha256.clone();
    let open_file = file.clone();
    let open = move |_| {
        if let Some(u) = url.get_untracked() {
            shown.set(Some(Shown {
                file: open_file.clone(),
                url: u,
            }));
        }
    };
    let label = name.clone();
    view! {
        <li class="thumb" data-testid="attachment">
            <button type="button" class="thumb-open" on:click=open
                disabled=move || url.get().is_none()
                aria-label=move || format!("{} {}", tr(AttachText::ViewFull)(), label)>
                {move || match (url.get(), photo) {
                    (Some(u), true) => view! { <img src=u alt="" loading="lazy"/> }.into_any(),
                    (_, false) => view! { <span class="thumb-doc" aria-hidden="true">"PDF"</span> }.into_any(),
                    (None, true) => view! { <span class="thumb-doc" aria-hidden="true">"🖼"</span> }.into_any(),
                }}
            </button>
            <span class="thumb-name">{name}</span>
            <span class="muted">{size}</span>
            <Show when=move || missing.get()>
                <span class="attach-missing" data-testid="attachment-missing">{tr(AttachText::NotHere)}</span>
            </Show>
            <button type="button" class="secondary" data-testid="attachment-remove"
                on:click=move |_| remove.run(sha.clone())>
                {tr(AttachText::Remove)}
            </button>
        </li>
    }
}

/// The full view of the file chosen, over the page.
#[component]
pub(super) fn Viewer(shown: RwSignal<Option<Shown>>) -> impl IntoView {
    move || {
        shown.get().map(|s| {
            let close = move |_| shown.set(None);
            let body = if s.file.is_photo() {
                view! { <img class="viewer-image" src=s.url.clone() alt=s.file.file_name.clone()/> }
                    .into_any()
            } else {
                view! {
                    <a class="button big-button" href=s.url.clone() target="_blank" rel="noopener"
                        download=s.file.file_name.clone()>{tr(AttachText::OpenDocument)}</a>
                }
                .into_any()
            };
            view! {
                <div class="viewer" role="dialog" aria-modal="true" aria-label=s.file.file_name.clone()
                    data-testid="attachment-viewer">
                    <p class="viewer-name">{s.file.file_name.clone()}</p>
                    {body}
                    <button type="button" class="big-button" on:click=close>{tr(AttachText::Close)}</button>
                </div>
            }
        })
    }
}

/// An object URL of a stored file, for an `<img>` or a link, and whether this device lacks
/// the file. The stored Blob itself, not a copy of its bytes: a page of 200 photos never
/// brings them into the wasm heap (an image sniffs its own type). Needs index.html's CSP to
/// allow `img-src blob:`. The URL is revoked when the owner goes, or at once if it went
/// while the file was being read.
pub(crate) fn stored_file_url(sha256: String) -> (RwSignal<Option<String>>, RwSignal<bool>) {
    let app = use_app();
    let url: RwSignal<Option<String>> = RwSignal::new(None);
    let missing = RwSignal::new(false);
    spawn_local(async move {
        let blob = match app.store.get_untracked() {
            Some(store) => store.blob(&sha256).await.ok().flatten(),
            None => None,
        };
        match blob.and_then(|b| web_sys::Url::create_object_url_with_blob(&b).ok()) {
            Some(u) => {
                if url.try_set(Some(u.clone())).is_some() {
                    let _ = web_sys::Url::revoke_object_url(&u);
                }
            }
            None => {
                let _ = missing.try_set(true);
            }
        }
    });
    on_cleanup(move || {
        if let Some(u) = url.try_get_untracked().flatten() {
            let _ = web_sys::Url::revoke_object_url(&u);
        }
    });
    (url, missing)
}
