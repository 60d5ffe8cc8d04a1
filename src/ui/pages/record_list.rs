//! The page around a list of records, the same for committees, meetings, MOUs, instalments,
//! grants and stated totals: a title with "+ Add", the filters a kind has, how many rows
//! are shown, and the rows or "nothing here". What the rows are (filtered, sorted) comes
//! from `domain::views::entry_lists`; a kind gives a [`ListPageSpec`] and how one row looks.

use std::hash::Hash;

use leptos::prelude::*;

use crate::domain::lang::units;
use leptos_router::components::A;

use crate::domain::records::Dataset;
use crate::domain::views::entry_lists::ListFilter;
use crate::ui::fmt::number;
use crate::ui::forms::screens::{city_options, query_id, with_all, ScreenText};
use crate::ui::forms::{t, Bind, SelectField, TextField};
use crate::ui::i18n::{tr, Text};
use crate::ui::state::use_app;

/// What a list page is called, where "+ Add" goes and which filters it has.
#[derive(Clone, Copy)]
pub struct ListPageSpec<T: Text> {
    /// `data-testid` of the page.
    pub testid: &'static str,
    pub title: T,
    pub intro: T,
    /// Said when no row passes the filters.
    pub empty: T,
    pub add: AddLink<T>,
    pub filters: Filters,
}

impl<T: Text> ListPageSpec<T> {
    /// A page `testid` with its title, intro and "nothing here" texts, in that order.
    pub fn new(testid: &'static str, texts: [T; 3], add: AddLink<T>, filters: Filters) -> Self {
        let [title, intro, empty] = texts;
        ListPageSpec {
            testid,
            title,
            intro,
            empty,
            add,
            filters,
        }
    }
}

/// The filters a list page shows: the city chooser, and a fiscal-year or search box when
/// the kind has them.
#[derive(Clone, Copy)]
pub struct Filters {
    pub shown: bool,
    pub by_year: bool,
    pub by_search: bool,
}

impl Filters {
    /// No filters (stated totals: a short list, every total shown).
    pub const NONE: Filters = Filters {
        shown: false,
        by_year: false,
        by_search: false,
    };
    /// The city and search words.
    pub const SEARCH: Filters = Filters {
        shown: true,
        by_year: false,
        by_search: true,
    };
    /// The city and the fiscal year.
    pub const YEAR: Filters = Filters {
        shown: true,
        by_year: true,
        by_search: false,
    };
}

/// The "+ Add" button of a list.
#[derive(Clone, Copy)]
pub struct AddLink<T: Text> {
    /// Where a new record is made, e.g. `/committees/new`.
    pub href: &'static str,
    pub label: T,
    pub testid: &'static str,
    /// Whether the chosen city goes along (`?city=<id>`), so the new record starts in it.
    pub with_city: bool,
}

impl<T: Text> AddLink<T> {
    pub fn new(href: &'static str, label: T, testid: &'static str) -> Self {
        AddLink {
            href,
            label,
            testid,
            with_city: false,
        }
    }

    /// The new record starts in the city the list is filtered by.
    pub fn with_city(self) -> Self {
        AddLink {
            with_city: true,
            ..self
        }
    }

    /// The button, its address following the filter's city when it should.
    pub fn view(self, filter: Memo<ListFilter>) -> impl IntoView {
        let href = move || match filter.with(|f| f.city).filter(|_| self.with_city) {
            Some(c) => format!("{}?city={c}", self.href),
            None => self.href.to_string(),
        };
        view! { <A href=href attr:class="button" attr:data-testid=self.testid>"+ " {tr(self.label)}</A> }
    }
}

/// The filter inputs' text, read into a [`ListFilter`] by the domain.
#[derive(Clone, Copy)]
pub struct ListInputs {
    pub city: RwSignal<String>,
    pub year: RwSignal<String>,
    pub search: RwSignal<String>,
    pub filter: Memo<ListFilter>,
}

/// The inputs, the city taken from `?city=<id>` when the page opens.
pub fn use_list_inputs() -> ListInputs {
    let from_query = query_id("city").get_untracked();
    let city = RwSignal::new(from_query.map(|c| c.to_string()).unwrap_or_default());
    let year = RwSignal::new(String::new());
    let search = RwSignal::new(String::new());
    let filter =
        Memo::new(move |_| ListFilter::from_inputs(&city.get(), &year.get(), &search.get()));
    ListInputs {
        city,
        year,
        search,
        filter,
    }
}

/// The city chooser, and the fiscal-year and search boxes when asked for; `extra` after.
#[component]
pub fn ListFilters(
    /// The inputs shown.
    inputs: ListInputs,
    /// Whether to offer a fiscal-year box.
    #[prop(default = false)]
    by_year: bool,
    /// Whether to offer a search box.
    #[prop(default = false)]
    by_search: bool,
    /// Filters of the kind's own (the instalments' status).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    view! {
        <div class="filters">
            <SelectField field="filter-city" label=t(ScreenText::City) value=Bind::signal(inputs.city)
                options=with_all(city_options()) no_placeholder=true/>
            {by_year.then(|| view! {
                <TextField field="filter-year" label=t(ScreenText::FiscalYear) inputmode="numeric" value=Bind::signal(inputs.year)/>
            })}
            {by_search.then(|| view! {
                <TextField field="filter-search" label=t(ScreenText::Search) value=Bind::signal(inputs.search)/>
            })}
            {children.map(|c| c())}
        </div>
    }
}

/// How many rows are shown, then the rows, or `empty` when there are none.
pub fn row_list<R, K, T>(
    rows: Memo<Vec<R>>,
    empty: T,
    count_testid: Option<&'static str>,
    key: fn(&R) -> K,
    row: fn(R) -> AnyView,
) -> impl IntoView
where
    R: Clone + PartialEq + Send + Sync + 'static,
    K: Eq + Hash + Send + Sync + 'static,
    T: Text,
{
    let i18n = crate::ui::i18n::use_i18n();
    view! {
        <p class="muted" role="status">
            {move || units::ITEMS_SHOWN.around(i18n.lang.get(), rows.with(Vec::len)).0} " "
            <span data-testid=count_testid>{move || number(rows.with(Vec::len))}</span> " "
            {move || units::ITEMS_SHOWN.around(i18n.lang.get(), rows.with(Vec::len)).1}
        </p>
        <Show when=move || !rows.with(Vec::is_empty) fallback=move || view! { <p class="empty">{tr(empty)}</p> }>
            <ul class="record-list">
                // A row reads no signal while it is built: only its own closures track.
                <For each=move || rows.get() key=key children=move |r| untrack(move || row(r))/>
            </ul>
        </Show>
    }
}

/// A whole list page: `rows(dataset, filter)` rendered with `row`, keyed by `key`.
/// `extra` adds filters of the kind's own, which `rows` reads.
pub fn list_page<R, K, T>(
    spec: ListPageSpec<T>,
    rows: impl Fn(&Dataset, &ListFilter) -> Vec<R> + Send + Sync + 'static,
    key: fn(&R) -> K,
    row: fn(R) -> AnyView,
    extra: Option<AnyView>,
) -> impl IntoView
where
    R: Clone + PartialEq + Send + Sync + 'static,
    K: Eq + Hash + Send + Sync + 'static,
    T: Text,
{
    let app = use_app();
    let inputs = use_list_inputs();
    let filter = inputs.filter;
    let shown = Memo::new(move |_| filter.with(|f| app.dataset.with(|ds| rows(ds, f))));
    let Filters {
        shown: filtered,
        by_year,
        by_search,
    } = spec.filters;
    let filters = filtered.then(|| match extra {
        Some(extra) => {
            view! { <ListFilters inputs by_year by_search>{extra}</ListFilters> }.into_any()
        }
        None => view! { <ListFilters inputs by_year by_search/> }.into_any(),
    });
    view! {
        <section class="page records-page" data-testid=spec.testid>
            <div class="page-head">
                <h1>{tr(spec.title)}</h1>
                {spec.add.view(filter)}
            </div>
            <p class="lead">{tr(spec.intro)}</p>
            {filters}
            {row_list(shown, spec.empty, Some("row-count"), key, row)}
        </section>
    }
}

/// One row's link: title, the line under it and its figures.
#[component]
pub fn RecordRow(
    /// Where the record's page is.
    href: String,
    /// The instalments' "has the money moved" mark, for tests and styles.
    #[prop(optional)]
    transferred: Option<bool>,
    children: Children,
) -> impl IntoView {
    view! {
        <li class="record-row" data-transferred=transferred.map(|t| t.to_string())>
            <A href=href attr:class="record-link">{children()}</A>
        </li>
    }
}

/// A name, or a dash for a record not named yet.
pub fn or_dash(name: String) -> String {
    if name.is_empty() {
        "—".to_string()
    } else {
        name
    }
}
