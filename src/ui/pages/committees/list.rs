//! `/committees`: every committee, filtered by city and found by name or member.

use leptos::prelude::*;
use leptos_router::components::A;

use super::text::CommitteeText;
use crate::domain::editing::entry_lists::{committee_rows, CommitteeRow, ListFilter};
use crate::ui::forms::screens::{city_options, query_id, with_all, ScreenText};
use crate::ui::forms::{t, Bind, SelectField, TextField};
use crate::ui::i18n::{tr, use_i18n, Lang};
use crate::ui::pages::reports::fmt::number;
use crate::ui::state::use_app;

#[component]
pub fn CommitteesPage() -> impl IntoView {
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
    let rows = Memo::new(move |_| filter.with(|f| app.dataset.with(|ds| committee_rows(ds, f))));
    let add_href = move || match filter.with(|f| f.city) {
        Some(c) => format!("/committees/new?city={c}"),
        None => "/committees/new".to_string(),
    };
    view! {
        <section class="page records-page" data-testid="committees-page">
            <div class="page-head">
                <h1>{tr(CommitteeText::Title)}</h1>
                <A href=add_href attr:class="button" attr:data-testid="add-committee">"+ " {tr(CommitteeText::Add)}</A>
            </div>
            <p class="lead">{tr(CommitteeText::Intro)}</p>
            <div class="filters">
                <SelectField field="filter-city" label=t(ScreenText::City) value=Bind::signal(city)
                    options=with_all(city_options()) no_placeholder=true/>
                <TextField field="filter-search" label=t(ScreenText::Search) value=Bind::signal(search)/>
            </div>
            <p class="muted" role="status" data-testid="row-count">{move || number(rows.with(Vec::len))} " " {tr(ScreenText::Shown)}</p>
            <Show when=move || !rows.with(Vec::is_empty)
                fallback=|| view! { <p class="empty">{tr(CommitteeText::NoCommittees)}</p> }>
                <ul class="record-list">
                    <For each=move || rows.get() key=|r| r.clone() let:r>
                        <Row row=r/>
                    </For>
                </ul>
            </Show>
        </section>
    }
}

/// One committee.
#[component]
fn Row(
    /// The row shown.
    row: CommitteeRow,
) -> impl IntoView {
    let i18n = use_i18n();
    let CommitteeRow {
        id,
        name,
        city,
        members,
        meetings,
    } = row;
    let city_name = move || {
        city.as_ref()
            .map(|c| c.shown(i18n.lang.get() == Lang::Th).to_string())
    };
    view! {
        <li class="record-row">
            <A href=format!("/committees/{id}") attr:class="record-link">
                <span class="record-title" lang="th">{if name.is_empty() { "—".to_string() } else { name }}</span>
                <span class="record-sub">{city_name}</span>
                <span class="record-figures">
                    <span>{members} " " {tr(CommitteeText::MemberCount)}</span>
                    <span>{meetings} " " {tr(CommitteeText::MeetingCount)}</span>
                </span>
            </A>
        </li>
    }
}
