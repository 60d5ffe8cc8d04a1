//! "Load example data" on the overview: the Northern region's FY2561 example. Into an
//! empty store it is loaded as is; into a store with data it is merged (never replacing
//! anything, writing only what changes), after the person confirms. While stored data is
//! kept aside unread, the button is off and says why (`ui::records::example_changes`).

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::text::EditText;
use super::use_editing;
use crate::domain::example::north_2561;
use crate::ui::i18n::{tr, Msg};
use crate::ui::records::example_changes;

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
            let planned = app.dataset.with_untracked(|local| {
                app.kept_aside
                    .with_untracked(|kept| example_changes(local, &example, kept))
            });
            match planned {
                Ok((cs, ds)) => {
                    let text = if cs.label == "load example" {
                        EditText::ExampleLoaded
                    } else {
                        EditText::ExampleMerged
                    };
                    if app.apply(cs, move |d| *d = ds).await.is_some() {
                        ed.toasts.show(text, None, None);
                    }
                }
                Err(e) => app.notify_error(&e),
            }
            busy.try_set(false);
        });
    };
    // Nothing that writes a whole kind runs while stored data is kept aside unread.
    let blocked = move || app.kept_aside.with(|k| k.blocks_whole_kinds());
    view! {
        <section class="panel example" data-testid="example">
            <p>{tr(EditText::ExampleIntro)}</p>
            <Show when=blocked>
                <p class="hint" data-testid="example-blocked">{tr(Msg::ErrKeptAside)}</p>
            </Show>
            <Show when=move || confirming.get() fallback=move || view! {
                <button type="button" class="secondary" data-testid="load-example"
                    disabled=move || busy.get() || blocked()
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
