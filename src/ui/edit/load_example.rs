//! "Load example data" on the overview: the Northern region's FY2561 example. Into an
//! empty store it is loaded as is; into a store with data it is merged (never replacing
//! anything), after the person confirms.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::text::EditText;
use super::use_editing;
use crate::domain::example::north_2561;
use crate::domain::sync::merge;
use crate::ui::i18n::tr;

#[component]
pub fn LoadExample() -> impl IntoView {
    let ed = use_editing();
    let app = ed.app;
    let confirming = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let has_data = move || {
        app.dataset
            .with(|ds| ds.counts().iter().any(|(_, n)| *n > 0))
    };
    // The same records as public/examples/north-2561.json (a native test keeps the two
    // equal), built in rather than fetched so this works before the cache is filled.
    let load = move || {
        confirming.set(false);
        busy.set(true);
        spawn_local(async move {
            let example = north_2561().records;
            let local = app.dataset.get_untracked();
            let empty = local.total_len() == 0;
            let (label, ds, text) = if empty {
                ("load example", example, EditText::ExampleLoaded)
            } else {
                (
                    "merge example",
                    merge(&local, &example).dataset,
                    EditText::ExampleMerged,
                )
            };
            if app.replace_all(label, ds).await {
                ed.toasts.show(text, None, None);
            }
            busy.try_set(false);
        });
    };
    view! {
        <section class="panel example" data-testid="example">
            <p>{tr(EditText::ExampleIntro)}</p>
            <Show when=move || confirming.get() fallback=move || view! {
                <button type="button" class="secondary" data-testid="load-example"
                    disabled=move || busy.get()
                    on:click=move |_| if has_data() { confirming.set(true) } else { load() }>
                    {tr(EditText::ExampleLoad)}
                </button>
            }>
                <div class="confirm" role="group" data-testid="example-confirm">
                    <p>{tr(EditText::ExampleConfirm)}</p>
                    <button type="button" data-testid="example-merge" on:click=move |_| load()>
                        {tr(EditText::ExampleConfirmYes)}
                    </button>
                    <button type="button" class="secondary" on:click=move |_| confirming.set(false)>
                        {tr(EditText::Cancel)}
                    </button>
                </div>
            </Show>
        </section>
    }
}
