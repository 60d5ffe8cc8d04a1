//! The overview: what needs doing first (`pages::to_do`), then what is stored on this
//! device, by kind.

use leptos::prelude::*;

use crate::domain::records::RecordKind;
use crate::ui::edit::LoadExample;
use crate::ui::i18n::{tr, use_i18n, Msg};
use crate::ui::pages::reports::ReportsLink;
use crate::ui::pages::to_do::ToDoList;
use crate::ui::state::use_app;

/// The kinds always shown, even at zero, because they are what people work with first.
const MAIN_KINDS: [RecordKind; 3] = [RecordKind::Province, RecordKind::City, RecordKind::Project];

#[component]
pub fn HomePage() -> impl IntoView {
    let app = use_app();
    let counts = Memo::new(move |_| {
        app.dataset.with(|ds| {
            ds.counts()
                .into_iter()
                .filter(|(k, n)| *n > 0 || MAIN_KINDS.contains(k))
                .collect::<Vec<_>>()
        })
    });
    let empty = move || counts.with(|c| c.iter().all(|(_, n)| *n == 0));
    view! {
        <section class="page">
            <h1>{tr(Msg::HomeTitle)}</h1>
            <p class="lead">{tr(Msg::HomeIntro)}</p>
            <Show when=move || app.loaded.get() fallback=|| view! { <p>{tr(Msg::Loading)}</p> }>
                <ToDoList/>
                <h2>{tr(Msg::HomeRecordsOnDevice)}</h2>
                <ul class="cards" data-testid="counts">
                    <For each=move || counts.get() key=|(k, n)| (*k, *n) let:((kind, n))>
                        <CountCard kind n/>
                    </For>
                </ul>
                <Show when=empty>
                    <p class="muted" data-testid="home-empty">{tr(Msg::HomeEmpty)}</p>
                </Show>
                <ReportsLink/>
                <LoadExample/>
            </Show>
        </section>
    }
}

/// One kind's count.
#[component]
fn CountCard(
    /// The record kind counted.
    kind: RecordKind,
    /// How many live (non-deleted) records of it.
    n: usize,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <li class="card" data-kind=kind.key()>
            <span class="card-number">{crate::ui::fmt::number(n)}</span>
            <span class="card-label">{move || i18n.t(Msg::Kind(kind))}</span>
        </li>
    }
}
