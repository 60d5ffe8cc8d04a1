//! The sync screens: send and receive bundles (`/sync`), settle conflicts (`/conflicts`),
//! and the `make bench` hook (`/sync?bench`, only in
//! builds with the `bench` feature: the release carries nothing people do not use).

#[cfg(feature = "bench")]
mod bench;
mod conflict_detail;
mod conflicts;
mod export;
mod file_row;
mod import;
mod import_state;
mod personal_choice;
mod preview;
mod progress_bar;
mod signed_by;
pub mod text;
mod values;

use leptos::prelude::*;

use crate::ui::i18n::tr;
use text::SyncText;

pub use conflicts::ConflictsPage;

/// `/sync`: export on top (what people do most after a day's work), import below.
/// With the `bench` feature, `/sync?bench` is the page `make bench` drives instead (not
/// linked anywhere).
#[component]
pub fn SyncPage() -> impl IntoView {
    let bench_asked = bench_query();
    view! {
        <section class="page sync-page">
            <h1>{tr(SyncText::SyncTitle)}</h1>
            <Show when=bench_asked fallback=|| view! {
                <p class="lead">{tr(SyncText::SyncIntro)}</p>
                <export::ExportPanel/>
                <import::ImportPanel/>
            }>
                {bench_panel()}
            </Show>
        </section>
    }
}

#[cfg(feature = "bench")]
fn bench_query() -> impl Fn() -> bool + Copy + Send + Sync + 'static {
    let query = leptos_router::hooks::use_query_map();
    move || query.with(|q| q.get("bench").is_some())
}

#[cfg(not(feature = "bench"))]
fn bench_query() -> impl Fn() -> bool + Copy + Send + Sync + 'static {
    || false
}

#[cfg(feature = "bench")]
fn bench_panel() -> impl IntoView {
    view! { <bench::BenchPanel/> }
}

#[cfg(not(feature = "bench"))]
fn bench_panel() -> impl IntoView {}
