//! The header's sync links: "send/receive", and a conflicts badge while any record has
//! versions waiting to be settled.

use leptos::prelude::*;
use leptos_router::components::A;

use super::text::SyncText;
use crate::sync::conflicted_ids;
use crate::ui::i18n::{tr, use_i18n};
use crate::ui::state::use_app;

#[component]
pub fn SyncNavLinks() -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let conflicts = Memo::new(move |_| {
        app.dataset.with(|ds| {
            conflicted_ids(ds)
                .values()
                .map(|ids| ids.len())
                .sum::<usize>()
        })
    });
    let badge_label = move || {
        format!(
            "{} {}",
            conflicts.get(),
            i18n.t(SyncText::ConflictsBadgeLabel)
        )
    };
    view! {
        <A href="/sync">{tr(SyncText::NavSync)}</A>
        <Show when=move || { conflicts.get() > 0 }>
            <A href="/conflicts" attr:class="nav-conflicts" attr:data-testid="conflicts-badge">
                {tr(SyncText::NavConflicts)}
                " "
                <span class="badge" aria-label=badge_label>{move || conflicts.get()}</span>
            </A>
        </Show>
    }
}
