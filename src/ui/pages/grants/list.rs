//! `/grants`: province start-up grants and committee grants, filtered by year and city.

use leptos::prelude::*;
use leptos_router::components::A;

use super::text::GrantText;
use crate::domain::dates::FiscalYear;
use crate::domain::editing::entry_lists::{
    committee_grant_rows, province_grant_rows, GrantRow, ListFilter,
};
use crate::ui::forms::screens::{
    city_options, date_shown, query_id, with_all, year_shown, ScreenText,
};
use crate::ui::forms::{t, Bind, SelectField, TextField};
use crate::ui::i18n::{tr, use_i18n, Lang};
use crate::ui::pages::reports::fmt::number;
use crate::ui::state::use_app;

#[component]
pub fn GrantsPage() -> impl IntoView {
    let app = use_app();
    let from_query = query_id("city");
    let city = RwSignal::new(
        from_query
            .get_untracked()
            .map(|c| c.to_string())
            .unwrap_or_default(),
    );
    let year = RwSignal::new(String::new());
    let filter = Memo::new(move |_| ListFilter {
        city: uuid::Uuid::parse_str(&city.get()).ok(),
        fiscal_year: year.get().trim().parse::<u16>().ok().map(FiscalYear),
        ..ListFilter::default()
    });
    let provinces =
        Memo::new(move |_| filter.with(|f| app.dataset.with(|ds| province_grant_rows(ds, f))));
    let committees =
        Memo::new(move |_| filter.with(|f| app.dataset.with(|ds| committee_grant_rows(ds, f))));
    let committee_add = move || match filter.with(|f| f.city) {
        Some(c) => format!("/grants/committee/new?city={c}"),
        None => "/grants/committee/new".to_string(),
    };
    view! {
        <section class="page records-page" data-testid="grants-page">
            <h1>{tr(GrantText::Title)}</h1>
            <p class="lead">{tr(GrantText::Intro)}</p>
            <div class="filters">
                <SelectField field="filter-city" label=t(ScreenText::City) value=Bind::signal(city)
                    options=with_all(city_options()) no_placeholder=true/>
                <TextField field="filter-year" label=t(ScreenText::FiscalYear) inputmode="numeric" value=Bind::signal(year)/>
            </div>
            <section class="panel" data-testid="committee-grants">
                <div class="section-head">
                    <h2>{tr(GrantText::CommitteeGrants)}</h2>
                    <A href=committee_add attr:class="button" attr:data-testid="add-committee-grant">"+ " {tr(GrantText::AddCommitteeGrant)}</A>
                </div>
                <p class="muted">{tr(GrantText::CommitteeGrantsIntro)}</p>
                <Rows rows=committees base="/grants/committee"/>
            </section>
            <section class="panel" data-testid="province-grants">
                <div class="section-head">
                    <h2>{tr(GrantText::ProvinceGrants)}</h2>
                    <A href="/grants/province/new" attr:class="button" attr:data-testid="add-province-grant">"+ " {tr(GrantText::AddProvinceGrant)}</A>
                </div>
                <p class="muted">{tr(GrantText::ProvinceGrantsIntro)}</p>
                <Rows rows=provinces base="/grants/province"/>
            </section>
        </section>
    }
}

/// A list of grants.
#[component]
fn Rows(
    /// The grants.
    rows: Memo<Vec<GrantRow>>,
    /// Where their pages are, e.g. "/grants/committee".
    base: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let thai = move || i18n.lang.get() == Lang::Th;
    view! {
        <p class="muted" role="status">{move || number(rows.with(Vec::len))} " " {tr(ScreenText::Shown)}</p>
        <Show when=move || !rows.with(Vec::is_empty) fallback=|| view! { <p class="empty">{tr(GrantText::NoGrants)}</p> }>
            <ul class="record-list">
                <For each=move || rows.get() key=|r| r.clone() let:r>
                    {
                        let GrantRow { id, to_th, to_en, fiscal_year, amount, date } = r;
                        let name = move || if thai() || to_en.is_empty() { to_th.clone() } else { to_en.clone() };
                        view! {
                            <li class="record-row">
                                <A href=format!("{base}/{id}") attr:class="record-link">
                                    <span class="record-title">{name}</span>
                                    <span class="record-sub">{move || year_shown(fiscal_year, thai())} " · " {move || date_shown(date, thai())}</span>
                                    <span class="record-figures"><span class="amount">{amount.format()}</span></span>
                                </A>
                            </li>
                        }
                    }
                </For>
            </ul>
        </Show>
    }
}
