//! The sync screens: send and receive bundles (`/sync`), settle conflicts (`/conflicts`),
//! the header's links and conflict badge, and the `make bench` hook (`/sync?bench`).

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

pub use conflicts::ConflictsPage;
pub use nav::SyncNavLinks;

/// `/sync`: export on top (what people do most after a day's work), import below.
/// `/sync?bench` is the page `make bench` drives instead (not linked anywhere).
#[component]
pub fn SyncPage() -> impl IntoView {
    let query = leptos_router::hooks::use_query_map();
    let bench = move || query.with(|q| q.get("bench").is_some());
    view! {
        <section class="page sync-page">
            <h1>{tr(SyncText::SyncTitle)}</h1>
            <Show
                when=bench
                fallback=|| view! {
                    <p class="lead">{tr(SyncText::SyncIntro)}</p>
                    <export::ExportPanel/>
                    <import::ImportPanel/>
                }
            >
                <bench::BenchPanel/>
            </Show>
        </section>
    }
}
