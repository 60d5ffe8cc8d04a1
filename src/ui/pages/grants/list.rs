//! `/grants`: province start-up grants and committee grants, filtered by year and city.

use leptos::prelude::*;

use super::text::GrantText;
use crate::domain::views::choices::shown_name;
use crate::domain::views::entry_lists::ListFilter;
use crate::domain::views::grant_lists::{committee_grant_rows, province_grant_rows, GrantRow};
use crate::ui::fmt::{date_shown, year_shown};
use crate::ui::i18n::{tr, use_i18n, Lang};
use crate::ui::pages::record_list::{row_list, use_list_inputs, AddLink, ListFilters, RecordRow};
use crate::ui::state::use_app;

#[component]
pub fn GrantsPage() -> impl IntoView {
    let app = use_app();
    let inputs = use_list_inputs();
    let filter = inputs.filter;
    let provinces =
        Memo::new(move |_| filter.with(|f| app.dataset.with(|ds| province_grant_rows(ds, f))));
    let committees =
        Memo::new(move |_| filter.with(|f| app.dataset.with(|ds| committee_grant_rows(ds, f))));
    let committee_add = AddLink::new(
        "/grants/committee/new",
        GrantText::AddCommitteeGrant,
        "add-committee-grant",
    );
    let province_add = AddLink::new(
        "/grants/province/new",
        GrantText::AddProvinceGrant,
        "add-province-grant",
    );
    let committee_texts = [GrantText::CommitteeGrants, GrantText::CommitteeGrantsIntro];
    let province_texts = [GrantText::ProvinceGrants, GrantText::ProvinceGrantsIntro];
    view! {
        <section class="page records-page" data-testid="grants-page">
            <h1>{tr(GrantText::Title)}</h1>
            <p class="lead">{tr(GrantText::Intro)}</p>
            <ListFilters inputs by_year=true/>
            {section("committee-grants", committee_texts, committee_add.with_city(), filter, committees, committee_row)}
            {section("province-grants", province_texts, province_add, filter, provinces, province_row)}
        </section>
    }
}

/// One kind of grant: its heading and "+ Add", what it is, and its rows.
fn section(
    testid: &'static str,
    [heading, intro]: [GrantText; 2],
    add: AddLink<GrantText>,
    filter: Memo<ListFilter>,
    rows: Memo<Vec<GrantRow>>,
    row: fn(GrantRow) -> AnyView,
) -> impl IntoView {
    view! {
        <section class="panel" data-testid=testid>
            <div class="section-head">
                <h2>{tr(heading)}</h2>
                {add.view(filter)}
            </div>
            <p class="muted">{tr(intro)}</p>
            {row_list(rows, GrantText::NoGrants, None, GrantRow::clone, row)}
        </section>
    }
}

fn committee_row(r: GrantRow) -> AnyView {
    view! { <Row row=r base="/grants/committee"/> }.into_any()
}

fn province_row(r: GrantRow) -> AnyView {
    view! { <Row row=r base="/grants/province"/> }.into_any()
}

/// One grant.
#[component]
fn Row(
    /// The grant shown.
    row: GrantRow,
    /// Where its page is, e.g. "/grants/committee".
    base: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let thai = move || i18n.lang.get() == Lang::Th;
    let GrantRow {
        id,
        to_th,
        to_en,
        fiscal_year,
        amount,
        date,
    } = row;
    let name = move || shown_name(&to_th, &to_en, thai()).to_string();
    view! {
        <RecordRow href=format!("{base}/{id}")>
            <span class="record-title">{name}</span>
            <span class="record-sub">{move || year_shown(fiscal_year, thai())} " · " {move || date_shown(date, thai())}</span>
            <span class="record-figures"><span class="amount">{amount.format()}</span></span>
        </RecordRow>
    }
}
