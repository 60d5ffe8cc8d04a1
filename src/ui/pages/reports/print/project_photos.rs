//! The progress report's evidence: photos as a grid with captions (file name, and the date
//! of the report they came with), read from the blob store; a photo this device does not
//! hold is named as not included instead of a broken image. PDFs are listed by name.

use leptos::prelude::*;

use crate::domain::file_size::size_text;
use crate::domain::reports::progress_sheet::SheetFile;
use crate::ui::attachments::stored_file_url;
use crate::ui::fmt;
use crate::ui::i18n::{tr, use_i18n};
use crate::ui::pages::progress::text::ProgressText as P;

/// The photos of the sheet, in its order.
#[component]
pub(super) fn PhotoGrid(
    /// The photos, from the domain's sheet.
    photos: Vec<SheetFile>,
) -> impl IntoView {
    if photos.is_empty() {
        return view! { <p class="muted">{tr(P::SheetNoPhotos)}</p> }.into_any();
    }
    view! {
        <div class="photo-grid" data-testid="sheet-photos">
            {photos.into_iter().map(|f| view! { <SheetPhoto f/> }).collect_view()}
        </div>
    }
    .into_any()
}

/// One photo and its caption. The bytes come through an object URL (index.html's CSP
/// allows `img-src blob:`), revoked when the photo goes. Not lazy: a photo below the fold
/// must be there when the page is printed.
#[component]
fn SheetPhoto(
    /// The photo and where it comes from.
    f: SheetFile,
) -> impl IntoView {
    let i18n = use_i18n();
    let (url, missing) = stored_file_url(f.file.sha256.clone());
    let name = f.file.file_name.clone();
    let alt = name.clone();
    let source = f.source;
    let when = move || match source.date() {
        Some(d) => fmt::date(i18n.lang.get(), d),
        None => i18n.t(P::SheetOfProject).to_owned(),
    };
    view! {
        <figure class="sheet-photo" data-testid="sheet-photo">
            {move || match (url.get(), missing.get()) {
                (Some(u), _) => view! { <img src=u alt=alt.clone()/> }.into_any(),
                (None, true) => view! {
                    <p class="photo-missing" data-testid="sheet-photo-missing">{tr(P::SheetPhotoMissing)}</p>
                }
                .into_any(),
                (None, false) => view! { <p class="photo-missing">"…"</p> }.into_any(),
            }}
            <figcaption>
                <span class="photo-name" lang=fmt::text_lang(&name)>{name.clone()}</span>
                <span class="photo-date">{when}</span>
            </figcaption>
        </figure>
    }
}

/// The sheet's PDFs by name, with their size and where they come from.
#[component]
pub(super) fn DocumentList(
    /// The documents, from the domain's sheet.
    documents: Vec<SheetFile>,
) -> impl IntoView {
    let i18n = use_i18n();
    if documents.is_empty() {
        return ().into_any();
    }
    view! {
        <h2>{tr(P::SheetDocuments)}</h2>
        <ul class="sheet-documents" data-testid="sheet-documents">
            {documents.into_iter().map(|d| {
                let source = d.source;
                let when = move || match source.date() {
                    Some(day) => fmt::date(i18n.lang.get(), day),
                    None => i18n.t(P::SheetOfProject).to_owned(),
                };
                view! {
                    <li>
                        <span lang=fmt::text_lang(&d.file.file_name)>{d.file.file_name.clone()}</span>
                        " · " {size_text(d.file.size)} " · " {when}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}
