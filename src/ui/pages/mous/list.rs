//! `/mous`: every MOU, newest first, filtered by a covered city.

use leptos::prelude::*;
use leptos_router::components::A;

use super::text::MouText;
use crate::domain::editing::entry_lists::{mou_rows, ListFilter, MouRow};
use crate::ui::forms::screens::{city_options, date_shown, query_id, with_all, ScreenText};
use crate::ui::forms::{t, Bind, SelectField, TextField};
use crate::ui::i18n::{tr, use_i18n, Lang};
use crate::ui::pages::reports::fmt::number;
use crate::ui::state::use_app;

#[component]
pub fn MousPage() -> impl IntoView {
    let app = use_app();
    let from_query = query_id("city");
    let city = RwSignal::new(
        from_query
            .get_untracked()
            .map(|c| c.to_string())
            .unwrap_or_default(),
    );
    let search = RwSignal::new(String::new());
    let filter = Memo::new(move |_| ListFilter {
        city: uuid::Uuid::parse_str(&city.get()).ok(),
        search: search.get(),
        ..ListFilter::default()
    });
    let rows = Memo::new(move |_| filter.with(|f| app.dataset.with(|ds| mou_rows(ds, f))));
    let add_href = move || match filter.with(|f| f.city) {
        Some(c) => format!("/mous/new?city={c}"),
        None => "/mous/new".to_string(),
    };
    view! {
        <section class="page records-page" data-testid="mous-page">
            <div class="page-head">
                <h1>{tr(MouText::Title)}</h1>
                <A href=add_href attr:class="button" attr:data-testid="add-mou">"+ " {tr(MouText::Add)}</A>
            </div>
            <p class="lead">{tr(MouText::Intro)}</p>
            <div class="filters">
                <SelectField field="filter-city" label=t(ScreenText::City) value=Bind::signal(city)
                    options=with_all(city_options()) no_placeholder=true/>
                <TextField field="filter-search" label=t(ScreenText::Search) value=Bind::signal(search)/>
            </div>
            <p class="muted" role="status" data-testid="row-count">{move || number(rows.with(Vec::len))} " " {tr(ScreenText::Shown)}</p>
            <Show when=move || !rows.with(Vec::is_empty) fallback=|| view! { <p class="empty">{tr(MouText::NoMous)}</p> }>
                <ul class="record-list">
                    <For each=move || rows.get() key=|r| r.clone() let:r>
                        <Row row=r/>
                    </For>
                </ul>
            </Show>
        </section>
    }
}

/// One MOU.
#[component]
fn Row(
    /// The row shown.
    row: MouRow,
) -> impl IntoView {
    let i18n = use_i18n();
    let MouRow {
        id,
        title,
        date,
        place,
        cities,
        signatories,
    } = row;
    view! {
        <li class="record-row">
            <A href=format!("/mous/{id}") attr:class="record-link">
                <span class="record-title" lang="th">{if title.is_empty() { "—".to_string() } else { title }}</span>
                <span class="record-sub">{move || date_shown(date, i18n.lang.get() == Lang::Th)} " · " <span lang="th">{place}</span></span>
                <span class="record-figures">
                    <span>{cities} " " {tr(MouText::CityCount)}</span>
                    <span>{signatories} " " {tr(MouText::SignatoryCount)}</span>
                </span>
            </A>
        </li>
    }
}
