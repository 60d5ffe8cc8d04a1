//! `/stated-totals`: every stated total, newest year first.

use leptos::prelude::*;
use leptos_router::components::A;

use super::text::StatedText;
use crate::domain::editing::entry_lists::{stated_total_rows, ListFilter};
use crate::ui::forms::screens::{year_shown, ScreenText};
use crate::ui::i18n::{tr, use_i18n, Lang};
use crate::ui::pages::reports::fmt::number;
use crate::ui::state::use_app;

#[component]
pub fn StatedTotalsPage() -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let thai = move || i18n.lang.get() == Lang::Th;
    let rows = Memo::new(move |_| {
        app.dataset
            .with(|ds| stated_total_rows(ds, &ListFilter::default()))
    });
    view! {
        <section class="page records-page" data-testid="stated-totals-page">
            <div class="page-head">
                <h1>{tr(StatedText::Title)}</h1>
                <A href="/stated-totals/new" attr:class="button" attr:data-testid="add-stated-total">"+ " {tr(StatedText::Add)}</A>
            </div>
            <p class="lead">{tr(StatedText::Intro)}</p>
            <p class="muted" role="status" data-testid="row-count">{move || number(rows.with(Vec::len))} " " {tr(ScreenText::Shown)}</p>
            <Show when=move || !rows.with(Vec::is_empty) fallback=|| view! { <p class="empty">{tr(StatedText::NoTotals)}</p> }>
                <ul class="record-list">
                    <For each=move || rows.get() key=|s| (s.meta.id, s.meta.updated_at) let:s>
                        <li class="record-row">
                            <A href=format!("/stated-totals/{}", s.meta.id) attr:class="record-link">
                                <span class="record-title" lang="th">{s.label.clone()}</span>
                                <span class="record-sub">{move || year_shown(s.fiscal_year, thai())} " · " <span lang="th">{s.source.clone()}</span></span>
                                <span class="record-figures">{s.amount.map(|a| view! { <span class="amount">{a.format()}</span> })}</span>
                            </A>
                        </li>
                    </For>
                </ul>
            </Show>
        </section>
    }
}
