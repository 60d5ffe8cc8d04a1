//! "Load example data" on the overview: the Northern region's FY2561 example, and beside it
//! a small, clearly fictional city-wide survey (ข้อมูลสมมติ, `domain::demo_survey`: the
//! example's cities with made-up communities and households). Both take the same path:
//! into an empty store loaded as is; into a store with data merged (never replacing
//! anything, writing only what changes), after the person confirms. While stored data is
//! kept aside unread, both buttons are off and say why (`ui::records::example_changes`).
//!
//! The loading itself runs the whole import path (the merge, the plan of writes, the
//! records built in): a quarter of the main wasm's code, for a button pressed once or twice
//! in a device's life. So it lives in the `sync` chunk ([`loading`]) and is fetched on the
//! first press; the overview only draws the buttons.

use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos::wasm_split::SplitLoaderError;

use super::text::EditText;
use super::{use_editing, Editing};
use crate::domain::demo_survey::demo_survey;
use crate::domain::example::north_2561;
use crate::domain::records::Dataset;
use crate::ui::i18n::{tr, use_i18n, Msg};
use crate::ui::records::example_changes;

/// Households in the fictional survey the app offers: enough to see lists, summaries and
/// findings at work, few enough to load at once on a tablet. Fixed seed: every device gets
/// the same records, so loading it on two devices and exchanging bundles merges cleanly.
pub const DEMO_HOUSEHOLDS: usize = 300;
pub const DEMO_SEED: u64 = 2561;

/// Which data a button loads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Source {
    Example,
    Fictional,
}

impl Source {
    fn records(self) -> Dataset {
        match self {
            // The same records as public/examples/north-2561.json (a native test keeps the
            // two equal), built in rather than fetched so this works before the cache is filled.
            Source::Example => north_2561().records,
            Source::Fictional => demo_survey(DEMO_HOUSEHOLDS, DEMO_SEED).records,
        }
    }

    /// The question before merging, and its "yes".
    fn confirm(self) -> (EditText, EditText) {
        match self {
            Source::Example => (EditText::ExampleConfirm, EditText::ExampleConfirmYes),
            Source::Fictional => (EditText::DemoConfirm, EditText::DemoConfirmYes),
        }
    }

    fn done(self, loaded_as_is: bool) -> EditText {
        match (self, loaded_as_is) {
            (Source::Example, true) => EditText::ExampleLoaded,
            (Source::Example, false) => EditText::ExampleMerged,
            (Source::Fictional, true) => EditText::DemoLoaded,
            (Source::Fictional, false) => EditText::DemoMerged,
        }
    }
}

#[component]
pub fn LoadExample() -> impl IntoView {
    let ed = use_editing();
    let app = ed.app;
    let confirming = RwSignal::new(None::<Source>);
    let busy = RwSignal::new(false);
    let has_data = move || {
        app.dataset
            .with(|ds| ds.counts().iter().any(|(_, n)| *n > 0))
    };
    let load = move |source: Source| {
        confirming.set(None);
        busy.set(true);
        spawn_local(async move {
            #[cfg(mueang_split)]
            let loaded = loading(source, ed).await;
            #[cfg(not(mueang_split))]
            let loaded = loading(source, ed);
            match loaded {
                Ok(work) => work.await,
                Err(e) => {
                    leptos::logging::error!("sync: {e}");
                    app.notify(Msg::ErrPartNotLoaded, None);
                }
            }
            busy.try_set(false);
        });
    };
    // Nothing that writes a whole kind runs while stored data is kept aside unread.
    let blocked = move || app.kept_aside.with(|k| k.blocks_whole_kinds());
    let ask_or_load = move |source: Source| {
        if has_data() {
            confirming.set(Some(source));
        } else {
            load(source);
        }
    };
    let button = move |source: Source, testid: &'static str, label: EditText| {
        view! {
            <button type="button" class="secondary" data-testid=testid
                disabled=move || busy.get() || blocked()
                on:click=move |_| ask_or_load(source)>
                {tr(label)}
            </button>
        }
    };
    view! {
        <section class="panel example" data-testid="example">
            <p>{tr(EditText::ExampleIntro)}</p>
            <Show when=blocked>
                <p class="hint" data-testid="example-blocked">{tr(Msg::ErrKeptAside)}</p>
            </Show>
            <Show when=move || confirming.get().is_some() fallback=move || view! {
                <div class="example-choices">
                    {button(Source::Example, "load-example", EditText::ExampleLoad)}
                </div>
                <div class="example-choices fictional" data-testid="demo-survey">
                    <p><strong>{tr(EditText::DemoLabel)}</strong>" "{tr(EditText::DemoIntro)}</p>
                    {button(Source::Fictional, "load-demo-survey", EditText::DemoLoad)}
                </div>
            }>
                <Confirm confirming load/>
            </Show>
        </section>
    }
}

/// "This device has data: merge?" for the source being loaded.
#[component]
fn Confirm(
    confirming: RwSignal<Option<Source>>,
    load: impl Fn(Source) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let source = move || confirming.get().unwrap_or(Source::Example);
    let (ask, yes) = (
        move || i18n.t(source().confirm().0),
        move || i18n.t(source().confirm().1),
    );
    view! {
        <div class="confirm" role="group" data-testid="example-confirm">
            <p>{ask}</p>
            <button type="button" data-testid="example-merge" on:click=move |_| load(source())>
                {yes}
            </button>
            <button type="button" class="secondary" on:click=move |_| confirming.set(None)>
                {tr(EditText::Cancel)}
            </button>
        </div>
    }
}

/// The work of a press: the source's records, the plan against what is stored, the writes,
/// the toast. A split point (see the module's note): the future it returns runs the
/// `sync` chunk's code once that chunk is loaded.
#[cfg_attr(
    mueang_split,
    leptos::wasm_split::wasm_split(sync, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn loading(
    source: Source,
    ed: Editing,
) -> Result<Pin<Box<dyn Future<Output = ()>>>, SplitLoaderError> {
    let app = ed.app;
    Ok(Box::pin(async move {
        let records = source.records();
        let planned = app.dataset.with_untracked(|local| {
            app.kept_aside
                .with_untracked(|kept| example_changes(local, &records, kept))
        });
        match planned {
            Ok((cs, ds)) => {
                let text = source.done(cs.label == "load example");
                if app.apply(cs, move |d| *d = ds).await.is_some() {
                    ed.toasts.show(text, None, None);
                }
            }
            Err(e) => app.notify_error(&e),
        }
    }))
}
