//! `/meetings`: every meeting, newest first, filtered by city and found by place,
//! committee or decision.

use leptos::prelude::*;
use leptos_router::components::A;

use super::text::MeetingText;
use crate::domain::editing::entry_lists::{meeting_rows, ListFilter, MeetingRow};
use crate::ui::forms::screens::{city_options, date_shown, query_id, with_all, ScreenText};
use crate::ui::forms::{t, Bind, SelectField, TextField};
use crate::ui::i18n::{tr, use_i18n, Lang};
use crate::ui::pages::reports::fmt::number;
use crate::ui::state::use_app;

#[component]
pub fn MeetingsPage() -> impl IntoView {
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
    let rows = Memo::new(move |_| filter.with(|f| app.dataset.with(|ds| meeting_rows(ds, f))));
    view! {
        <section class="page records-page" data-testid="meetings-page">
            <div class="page-head">
                <h1>{tr(MeetingText::Title)}</h1>
                <A href="/meetings/new" attr:class="button" attr:data-testid="add-meeting">"+ " {tr(MeetingText::Add)}</A>
            </div>
            <p class="lead">{tr(MeetingText::Intro)}</p>
            <div class="filters">
                <SelectField field="filter-city" label=t(ScreenText::City) value=Bind::signal(city)
                    options=with_all(city_options()) no_placeholder=true/>
                <TextField field="filter-search" label=t(ScreenText::Search) value=Bind::signal(search)/>
            </div>
            <p class="muted" role="status" data-testid="row-count">{move || number(rows.with(Vec::len))} " " {tr(ScreenText::Shown)}</p>
            <Show when=move || !rows.with(Vec::is_empty)
                fallback=|| view! { <p class="empty">{tr(MeetingText::NoMeetings)}</p> }>
                <ul class="record-list">
                    <For each=move || rows.get() key=|r| r.clone() let:r>
                        <Row row=r/>
                    </For>
                </ul>
            </Show>
        </section>
    }
}

/// One meeting.
#[component]
fn Row(
    /// The row shown.
    row: MeetingRow,
) -> impl IntoView {
    let i18n = use_i18n();
    let thai = move || i18n.lang.get() == Lang::Th;
    let MeetingRow {
        id,
        date,
        place,
        committee,
        city,
        attendance,
        problems,
    } = row;
    let city_name = move || city.as_ref().map(|c| c.shown(thai()).to_string());
    view! {
        <li class="record-row">
            <A href=format!("/meetings/{id}") attr:class="record-link">
                <span class="record-title">{move || date_shown(date, thai())} " · " <span lang="th">{place}</span></span>
                <span class="record-sub"><span lang="th">{committee}</span> " · " {city_name}</span>
                <span class="record-figures">
                    <span>{attendance} " " {tr(MeetingText::People)}</span>
                    <span>{problems} " " {tr(MeetingText::ProblemCount)}</span>
                </span>
            </A>
        </li>
    }
}
