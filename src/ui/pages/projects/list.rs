//! The project list (`/projects`, and inside a city's page): search, filters by city,
//! category and status, sort, and pages of 50 so 10,000 projects stay quick (the query
//! itself is `domain::views::project_list`, timed in `tests/bench_lists.rs`).

use leptos::prelude::*;

use crate::domain::lang::units;
use leptos_router::components::A;

use super::text::ProjectText;
use crate::domain::forms::form::{enum_from_key, enum_key};
use crate::domain::meta::RecordId;
use crate::domain::records::{Category, ProjectStatus};
use crate::domain::reports::Label;
use crate::domain::views::paging::page;
use crate::domain::views::project_list::{ProjectIndex, ProjectQuery, ProjectRow, ProjectSort};
use crate::ui::forms::screens::city_options_by_shown_name;
use crate::ui::forms::{enum_options, t, Bind, SelectField, TextField};
use crate::ui::i18n::{tr, use_i18n, Lang, Text};
use crate::ui::state::use_app;

/// Rows per page: a tablet screen and a bit, and cheap to render.
const PER_PAGE: usize = 50;

fn sort_text(s: ProjectSort) -> ProjectText {
    match s {
        ProjectSort::Recent => ProjectText::SortRecent,
        ProjectSort::Title => ProjectText::SortTitle,
        ProjectSort::City => ProjectText::SortCity,
        ProjectSort::AmountDesc => ProjectText::SortAmount,
        ProjectSort::Status => ProjectText::SortStatus,
    }
}

/// `/projects`.
#[component]
pub fn ProjectsPage() -> impl IntoView {
    view! {
        <section class="page records-page" data-testid="projects-page">
            <div class="page-head">
                <h1>{tr(ProjectText::Title)}</h1>
                <A href="/projects/new" attr:class="button" attr:data-testid="add-project">"+ " {tr(ProjectText::Add)}</A>
            </div>
            <p class="lead">{tr(ProjectText::Intro)}</p>
            <ProjectList/>
        </section>
    }
}

/// The list with its filters. With `city`, only that city's projects (no city filter).
#[component]
pub fn ProjectList(
    /// Show only this city's projects.
    #[prop(optional)]
    city: Option<RecordId>,
) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let prefix = if city.is_some() { "city-" } else { "" };
    let search = RwSignal::new(String::new());
    let city_filter = RwSignal::new(String::new());
    let category = RwSignal::new(String::new());
    let status = RwSignal::new(String::new());
    let sort = RwSignal::new(enum_key(&ProjectSort::Recent));
    let page_no = RwSignal::new(0usize);
    let all = move || (String::new(), i18n.t(ProjectText::All).to_string());
    let with_all = move |o: Signal<Vec<(String, String)>>| {
        Signal::derive(move || {
            let mut v = vec![all()];
            v.extend(o.get());
            v
        })
    };
    let category_options = with_all(enum_options(&Category::ALL));
    let status_options = with_all(enum_options(&ProjectStatus::ALL));
    let city_options = with_all(city_options_by_shown_name());
    let sort_options = Signal::derive(move || {
        let lang = i18n.lang.get();
        ProjectSort::ALL
            .iter()
            .map(|s| (enum_key(s), sort_text(*s).text(lang).to_string()))
            .collect::<Vec<_>>()
    });
    let query = Memo::new(move |_| ProjectQuery {
        search: search.get(),
        city: city.or_else(|| uuid::Uuid::parse_str(&city_filter.get()).ok()),
        category: enum_from_key(&category.get()),
        status: enum_from_key(&status.get()),
        fiscal_year: None,
        sort: enum_from_key(&sort.get()).unwrap_or_default(),
    });
    // The index follows the data (a save, an import); each keystroke only queries it.
    let index = Memo::new(move |_| app.dataset.with(ProjectIndex::new));
    let rows = Memo::new(move |_| query.with(|q| index.with(|ix| ix.query(q))));
    // A new search starts at the first page.
    Effect::new(move |_| {
        query.track();
        page_no.set(0);
    });
    let shown = Memo::new(move |_| {
        rows.with(|r| {
            let (slice, pages) = page(r, page_no.get(), PER_PAGE);
            let list: Vec<ProjectRow> = app
                .dataset
                .with(|ds| index.with(|ix| slice.iter().filter_map(|&i| ix.row(ds, i)).collect()));
            (list, pages)
        })
    });
    let pages = move || shown.with(|s| s.1);
    view! {
        <div class="project-list" data-testid=format!("{prefix}project-list")>
            <div class="filters">
                <TextField field=format!("{prefix}filter-search") label=t(ProjectText::Search) value=Bind::signal(search)/>
                {city.is_none().then(|| view! {
                    <SelectField field="filter-city" label=t(ProjectText::City) value=Bind::signal(city_filter)
                        options=city_options no_placeholder=true/>
                })}
                <SelectField field=format!("{prefix}filter-category") label=t(ProjectText::Category)
                    value=Bind::signal(category) options=category_options no_placeholder=true/>
                <SelectField field=format!("{prefix}filter-status") label=t(ProjectText::Status)
                    value=Bind::signal(status) options=status_options no_placeholder=true/>
                <SelectField field=format!("{prefix}filter-sort") label=t(ProjectText::Sort)
                    value=Bind::signal(sort) options=sort_options no_placeholder=true/>
            </div>
            <p class="muted" role="status" data-testid="project-count">
                {move || units::PROJECTS_SHOWN.phrase(i18n.lang.get(), rows.with(Vec::len))}
            </p>
            <Show when=move || !rows.with(Vec::is_empty)
                fallback=|| view! { <p class="empty">{tr(ProjectText::NoProjects)}</p> }>
                <ul class="record-list">
                    <For each=move || shown.get().0 key=|r| r.clone() let:r>
                        <ProjectRowView row=r show_city=city.is_none()/>
                    </For>
                </ul>
                <Show when=move || { pages() > 1 }>
                    <nav class="pager" aria-label=move || i18n.t(ProjectText::PageOf)>
                        <button type="button" class="secondary" disabled=move || page_no.get() == 0
                            on:click=move |_| page_no.update(|p| *p = p.saturating_sub(1))>"‹ " {tr(ProjectText::Previous)}</button>
                        <span data-testid="page-of">{tr(ProjectText::PageOf)} " " {move || page_no.get().min(pages() - 1) + 1} " / " {pages}</span>
                        <button type="button" class="secondary" disabled=move || page_no.get() + 1 >= pages()
                            on:click=move |_| page_no.update(|p| *p += 1)>{tr(ProjectText::Next)} " ›"</button>
                    </nav>
                </Show>
            </Show>
        </div>
    }
}

/// One project in the list.
#[component]
fn ProjectRowView(
    /// The row shown.
    row: ProjectRow,
    /// Whether to name the city (not inside a city's page).
    show_city: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let thai = move || i18n.lang.get() == Lang::Th;
    let ProjectRow {
        id,
        title,
        proposer,
        city_th,
        city_en,
        category,
        status,
        amount,
        progress_percent,
        ..
    } = row;
    view! {
        <li class="record-row" data-status=enum_key(&status)>
            <A href=format!("/projects/{id}") attr:class="record-link">
                <span class="record-title" lang="th">{title}</span>
                <span class="record-sub">
                    <span class=format!("status-chip status-{}", enum_key(&status))>
                        {move || if thai() { status.label_th() } else { status.label_en() }}
                    </span>
                    " · " {move || if thai() { category.label_th() } else { category.label_en() }}
                    {show_city.then(|| {
                        let (a, b) = (city_th.clone(), city_en.clone());
                        let b_empty = b.is_empty();
                        let th_shown = move || thai() || b_empty;
                        view! { " · " <span lang=move || if th_shown() { "th" } else { "en" }>{move || if th_shown() { a.clone() } else { b.clone() }}</span> }
                    })}
                    {(!proposer.is_empty()).then(|| view! { " · " <span lang="th">{proposer}</span> })}
                </span>
                <span class="record-figures">
                    {amount.map(|a| view! { <span class="amount">{a.format()}</span> })}
                    {(progress_percent > 0).then(|| view! { <span>{progress_percent} "%"</span> })}
                </span>
            </A>
        </li>
    }
}
