//! The sync screens: send and receive bundles (`/sync`), settle conflicts (`/conflicts`),
//! the header's links and conflict badge, and the `make bench` page (`/_bench`).

mod bench;
mod conflict_detail;
mod conflicts;
mod export;
mod file_row;
mod import;
mod nav;
mod preview;
mod progress_bar;
pub mod text;
mod values;

use leptos::prelude::*;

use crate::ui::i18n::tr;
use text::SyncText;

pub use bench::BenchPage;
pub use conflicts::ConflictsPage;
pub use nav::SyncNavLinks;

/// `/sync`: export on top (what people do most after a day's work), import below.
#[component]
pub fn SyncPage() -> impl IntoView {
    view! {
        <section class="page sync-page">
            <h1>{tr(SyncText::SyncTitle)}</h1>
            <p class="lead">{tr(SyncText::SyncIntro)}</p>
            <export::ExportPanel/>
            <import::ImportPanel/>
        </section>
    }
}
