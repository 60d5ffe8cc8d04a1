//! `/grants`: province start-up grants and committee grants, filtered by year and city.

use leptos::prelude::*;

use super::text::GrantText;
use crate::domain::views::choices::shown_name;
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
    let committee_add = AddLink {
        href: "/grants/committee/new",
        label: GrantText::AddCommitteeGrant,
        testid: "add-committee-grant",
        with_city: true,
    };
    let province_add = AddLink {
        href: "/grants/province/new",
        label: GrantText::AddProvinceGrant,
        testid: "add-province-grant",
        with_city: false,
    };
    view! {
        <section class="page records-page" data-testid="grants-page">
            <h1>{tr(GrantText::Title)}</h1>
            <p class="lead">{tr(GrantText::Intro)}</p>
            <ListFilters inputs by_year=true/>
            <section class="panel" data-testid="committee-grants">
                <div class="section-head">
                    <h2>{tr(GrantText::CommitteeGrants)}</h2>
                    {committee_add.view(filter)}
                </div>
                <p class="muted">{tr(GrantText::CommitteeGrantsIntro)}</p>
                {row_list(committees, GrantText::NoGrants, None, GrantRow::clone, committee_row)}
            </section>
            <section class="panel" data-testid="province-grants">
                <div class="section-head">
                    <h2>{tr(GrantText::ProvinceGrants)}</h2>
                    {province_add.view(filter)}
                </div>
                <p class="muted">{tr(GrantText::ProvinceGrantsIntro)}</p>
                {row_list(provinces, GrantText::NoGrants, None, GrantRow::clone, province_row)}
            </section>
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
