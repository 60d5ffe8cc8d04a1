//! `/sync?bench`: what `make bench` drives (tests/e2e/bench/). Not linked anywhere.
//! The measurements themselves are in `crate::ui::sync::bench`.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::sync::files;
use crate::ui::state::use_app;
use crate::ui::sync::bench::run_bench;
use crate::ui::sync::context::use_sync;
use crate::ui::sync::survey_bench::run_survey_bench;

#[component]
pub fn BenchPanel() -> impl IntoView {
    let app = use_app();
    let sync = use_sync();
    let result = RwSignal::new(None::<String>);
    // `?bench=import`: only the first import (for profiling it alone).
    let query = leptos_router::hooks::use_query_map();
    let only_import = query.with_untracked(|q| q.get("bench").as_deref() == Some("import"));
    // `?bench=survey&households=N`: the survey views' work on a fictional survey made here
    // (`make bench-survey-wasm`), started after the page has painted.
    if query.with_untracked(|q| q.get("bench").as_deref() == Some("survey")) {
        let n = query
            .with_untracked(|q| q.get("households").and_then(|s| s.parse().ok()))
            .unwrap_or(100_000);
        request_animation_frame(move || {
            set_timeout(
                move || result.set(Some(run_survey_bench(n, 9))),
                std::time::Duration::from_millis(50),
            );
        });
    }
    let on_change = move |ev: leptos::ev::Event| {
        let input: Option<web_sys::HtmlInputElement> = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into(t).ok());
        let Some(file) = input.and_then(|i| files::file_list(i.files()).into_iter().next()) else {
            return;
        };
        result.set(None);
        spawn_local(async move {
            let json = run_bench(app, sync, file, only_import).await;
            result.set(Some(json));
        });
    };
    view! {
        <input type="file" data-testid="bench-input" aria-label="bundle" on:change=on_change/>
        <pre data-testid="bench-result">{move || result.get().unwrap_or_default()}</pre>
    }
}
