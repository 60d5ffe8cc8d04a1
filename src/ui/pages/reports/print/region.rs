//! `/print/region/:region_id`: the regional summary (`all` for the whole country): totals,
//! what is late, the reconciliation, every province and city, projects by status and
//! category.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::domain::reports::{
    regional_summary, ProvinceNode, RegionalSummary, Scope, DEFAULT_DUE_SOON_DAYS,
};
use crate::ui::i18n::{tr, use_i18n};
use crate::ui::state::use_app;

use super::super::breakdown::{CategoryPanel, StatusTable};
use super::super::deadlines::DeadlinesPanel;
use super::super::drill::sort_provinces;
use super::super::query::{resolve_region, use_report_choice};
use super::super::reconciliation::ReconciliationTable;
use super::super::text::ReportText as T;
use super::{as_of_line, sheet_error, FiguresTable, PrintPage};
use crate::ui::fmt;
use crate::ui::table::{Col, ReportTable};

#[component]
pub fn RegionPrintPage() -> impl IntoView {
    let app = use_app();
    let params = use_params_map();
    let choice = use_report_choice();
    // `None`: not found; `Some(None)`: every region.
    let region = Memo::new(move |_| {
        let key = params.with(|p| p.get("region_id")).unwrap_or_default();
        if key == "all" {
            return Some(None);
        }
        app.dataset.with(|ds| resolve_region(ds, &key)).map(Some)
    });
    let summary = Memo::new(move |_| {
        let region_id = region.get()?;
        let scope = Scope {
            fiscal_year: choice.fy.get(),
            region_id,
        };
        Some(
            app.dataset
                .with(|ds| regional_summary(ds, scope, choice.as_of.get(), DEFAULT_DUE_SOON_DAYS)),
        )
    });
    let sheet = move || {
        summary
            .get()
            .map(|s| view! { <RegionSheet s/> }.into_any())
            .ok_or_else(|| sheet_error(T::RegionNotFound))
    };
    view! { <PrintPage sheet/> }
}

#[component]
fn RegionSheet(
    /// The regional summary from the domain.
    s: RegionalSummary,
) -> impl IntoView {
    let i18n = use_i18n();
    let region = (s.region_th.clone(), s.region_en.clone());
    let fy = s.dashboard.scope.fiscal_year;
    let today = s.dashboard.today;
    let t = s.dashboard.totals.clone();
    let figures: Vec<(T, &'static str, String)> = vec![
        (T::Cities, "cities", t.cities.to_string()),
        (T::Provinces, "provinces", t.provinces.to_string()),
        (T::Approved, "approved", fmt::money(t.approved)),
        (
            T::CommitteeGrants,
            "committee-grants",
            fmt::money(t.committee_grants),
        ),
        (
            T::ProvinceGrants,
            "province-grants",
            fmt::money(t.province_grants),
        ),
        (
            T::TotalSupport,
            "total-support",
            fmt::money(t.total_support),
        ),
        (T::Committed, "committed", fmt::money(t.committed)),
        (T::Transferred, "transferred", fmt::money(t.transferred)),
        (T::Remaining, "remaining", fmt::money(t.remaining)),
        (T::CoFunding, "co-funding", fmt::money(t.co_funding)),
        (T::Projects, "projects", t.projects.to_string()),
    ];
    let support = s.total_support.clone();
    let deadlines = s.dashboard.deadlines.clone();
    let deadline = use_app()
        .dataset
        .with_untracked(|ds| ds.parameters_for(fy).second_instalment_deadline);
    let recs = s.reconciliations.clone();
    let mut provinces: Vec<ProvinceNode> = s
        .drill_down
        .regions
        .iter()
        .flat_map(|r| r.provinces.clone())
        .collect();
    sort_provinces(&mut provinces);
    let by_status = s.dashboard.by_status.clone();
    let by_category = s.dashboard.by_category.clone();
    view! {
        <article class="sheet region-sheet" data-testid="region-sheet">
            <header class="sheet-head">
                <h1>{tr(T::RegionalSummaryTitle)}</h1>
                <p class="center strong">{move || i18n.pick(&region.0, &region.1).to_owned()}</p>
                <p class="center">
                    {move || fmt::doc_fiscal_year(i18n.lang.get(), fy)} " · " {move || as_of_line(i18n, today)}
                </p>
            </header>
            <FiguresTable testid="region-figures" rows=figures/>
            <p>
                <span class="strong">{tr(T::TotalSupport)} ": "</span>
                {support.figures.clone()} " " {tr(T::Baht)} " "
                <span lang="th">"(" {support.words.clone()} ")"</span>
            </p>
            <DeadlinesPanel deadlines=Signal::stored(deadlines) deadline=Signal::stored(deadline)/>
            <section class="panel">
                <h2>{tr(T::ReconTitle)}</h2>
                {if recs.is_empty() {
                    view! { <p class="muted">{tr(T::NoStatedTotals)}</p> }.into_any()
                } else {
                    recs.into_iter().map(|rec| view! { <ReconciliationTable rec/> }).collect_view().into_any()
                }}
            </section>
            <section class="panel">
                <h2>{tr(T::DrillTitle)}</h2>
                <ReportTable class="sheet-table" testid="region-cities" grouped=true cols=vec![
                    Col::text(T::ColCity), Col::num(T::Approved), Col::num(T::Committed),
                    Col::num(T::Transferred), Col::num(T::Remaining), Col::num(T::CoFunding),
                ]>
                    {provinces.into_iter().map(|p| view! { <ProvinceRows p/> }).collect_view()}
                </ReportTable>
            </section>
            <StatusTable rows=Signal::stored(by_status)/>
            <CategoryPanel rows=Signal::stored(by_category)/>
        </article>
    }
}

/// A province's heading row and its cities.
#[component]
fn ProvinceRows(
    /// The province and its cities' figures.
    p: ProvinceNode,
) -> impl IntoView {
    let i18n = use_i18n();
    let (th, en) = (p.province.name_th.clone(), p.province.name_en.clone());
    let t = p.totals.clone();
    view! {
        <tbody class="province-rows">
            <tr class="province-row">
                <th scope="rowgroup">{move || i18n.pick(&th, &en).to_owned()}</th>
                <td class="num">{fmt::money(t.approved)}</td>
                <td class="num">{fmt::money(t.committed)}</td>
                <td class="num">{fmt::money(t.transferred)}</td>
                <td class="num">{fmt::money(t.remaining)}</td>
                <td class="num">{fmt::money(t.co_funding)}</td>
            </tr>
            {p.cities
                .into_iter()
                .map(|c| {
                    let (th, en) = (c.city.name_th.clone(), c.city.name_en.clone());
                    let f = c.figures;
                    view! {
                        <tr>
                            <th scope="row" class="indent">{move || i18n.pick(&th, &en).to_owned()}</th>
                            <td class="num">{fmt::money(f.approved)}</td>
                            <td class="num">{fmt::money(f.committed)}</td>
                            <td class="num">{fmt::money(f.transferred)}</td>
                            <td class="num">{fmt::money(f.remaining)}</td>
                            <td class="num">{fmt::money(f.co_funding)}</td>
                        </tr>
                    }
                })
                .collect_view()}
        </tbody>
    }
}
