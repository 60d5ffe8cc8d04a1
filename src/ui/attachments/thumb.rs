//! One attached file as a thumbnail (a photo) or a document tile (a PDF), and the full
//! view. Bytes come from the blob store through an object URL, revoked when the tile goes.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{AttachText, Shown};
use crate::domain::forms::attachment_intake::size_text;
use crate::domain::records::Attachment;
use crate::ui::i18n::tr;
use crate::ui::state::use_app;

#[component]
pub(super) fn Thumb(
    file: Attachment,
    remove: Callback<String>,
    shown: RwSignal<Option<Shown>>,
) -> impl IntoView {
    let app = use_app();
    let url: RwSignal<Option<String>> = RwSignal::new(None);
    let missing = RwSignal::new(false);
    let (sha, media_type) = (file.sha256.clone(), file.media_type.clone());
    spawn_local(async move {
        // Shown through an object URL, so index.html's CSP must allow `img-src blob:`; a
        // Blob made from the bytes carries the media type recorded with the attachment.
        let bytes = match app.store.get_untracked() {
            Some(store) => store.blob_bytes(&sha).await.ok().flatten(),
            None => None,
        };
        let blob = bytes.map(|b| crate::storage::NewBlob::from_bytes(sha, &media_type, &b).blob);
        match blob.and_then(|b| web_sys::Url::create_object_url_with_blob(&b).ok()) {
            Some(u) => {
                if url.try_set(Some(u.clone())).is_some() {
                    // The tile went while the blob was read.
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
