//! The overview's first section, "what needs doing": each item a count linking to where it
//! is dealt with, or "ไม่มีงานค้าง". Computed by `domain::views::to_do`; this only renders.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::editing::stored_or_shipped::with_reference;
use crate::domain::meta::OfficeId;
use crate::domain::rules::check;
use crate::domain::views::to_do::{to_do, ToDoInput};
use crate::ui::edit::today;
use crate::ui::i18n::{tr, use_i18n, Text};
use crate::ui::state::use_app;
use crate::ui::sync::context::use_sync;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ToDoText {
    Title,
    Nothing,
}

impl Text for ToDoText {
    fn pair(self) -> (&'static str, &'static str) {
        match self {
            ToDoText::Title => ("งานที่รอทำ", "What needs doing"),
            ToDoText::Nothing => ("ไม่มีงานค้าง", "Nothing waiting"),
        }
    }
}

#[component]
pub fn ToDoList() -> impl IntoView {
    let app = use_app();
    let sync = use_sync();
    let i18n = use_i18n();
    // What each office was sent is needed for "not yet sent"; read once the store is open.
    sync.load_peers_once_open(app);
    let items = Memo::new(move |_| {
        let office = OfficeId(app.settings.with(|s| s.office_id.clone()));
        let kept = app.kept_aside.with(|k| k.count());
        sync.peers.with(|peers| {
            app.dataset.with(|ds| {
                let findings = check(&with_reference(ds), today());
                to_do(&ToDoInput {
                    ds,
                    findings: &findings,
                    office: &office,
                    peers: peers.as_ref(),
                    kept_aside: kept,
                })
            })
        })
    });
    view! {
        <section class="to-do" data-testid="to-do" aria-labelledby="to-do-title">
            <h2 id="to-do-title">{tr(ToDoText::Title)}</h2>
            <Show
                when=move || items.with(|i| !i.is_empty())
                fallback=|| view! { <p class="to-do-none" data-testid="to-do-none">{tr(ToDoText::Nothing)}</p> }
            >
                <ul class="to-do-list">
                    <For each=move || items.get() key=|i| (i.kind, i.count) let:item>
                        <li data-kind=format!("{:?}", item.kind)>
                            <A href=item.href>
                                {move || item.kind.unit().phrase(i18n.lang.get(), item.count)}
                            </A>
                        </li>
                    </For>
                </ul>
            </Show>
        </section>
    }
}
