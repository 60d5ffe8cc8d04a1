//! `/reports`: the dashboard for a fiscal year and region. What is late comes first, then
//! the headline figures, the reconciliation, projects by status and category, and the
//! downloads.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::records::Region;
use crate::domain::reports::{
    dashboard_from_findings, reconcile_all, Dashboard, Scope, DEFAULT_DUE_SOON_DAYS,
};
use crate::domain::rules::check_as_of;
use crate::ui::edit::today;
use crate::ui::i18n::{tr, use_i18n, Msg};
use crate::ui::state::use_app;

use super::beneficiaries::BeneficiariesPanel;
use super::breakdown::{CategoryPanel, StatusTable};
use super::deadlines::DeadlinesPanel;
use super::downloads::CsvDownloads;
use super::outside::OutsideNotice;
use super::query::{region_key, use_report_choice};
use super::reconciliation::ReconciliationPanel;
use super::scope_bar::ScopeBar;
use super::text::ReportText as T;
use super::totals::{ProgressCards, TotalsCards};

#[component]
pub fn ReportsPage() -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let choice = use_report_choice();
    let scope = Memo::new(move |_| Scope {
        fiscal_year: choice.fy.get(),
        region_id: choice.region.get(),
    });
    // The rules run once per change of data or date; the dashboard reads their findings.
    // "As of" is the report's day; the device's today still decides what is in the future.
    let findings = Memo::new(move |_| {
        app.dataset
            .with(|ds| check_as_of(ds, choice.as_of.get(), today()))
    });
    let dash: Memo<Dashboard> = Memo::new(move |_| {
        app.dataset.with(|ds| {
            findings.with(|f| {
                dashboard_from_findings(
                    ds,
                    scope.get(),
                    choice.as_of.get(),
                    DEFAULT_DUE_SOON_DAYS,
                    f,
                )
            })
        })
    });
    let recs = Memo::new(move |_| app.dataset.with(|ds| reconcile_all(ds, scope.get())));
    let deadline = Memo::new(move |_| {
        app.dataset.with(|ds| {
            ds.parameters_for(choice.fy.get())
                .second_instalment_deadline
        })
    });
    // Drill-down and print links: the chosen region, or every region that has cities.
    let regions = Memo::new(move |_| {
        let chosen = choice.region.get();
        app.dataset.with(|ds| {
            ds.live::<Region>()
                .filter(|r| chosen.is_none_or(|c| c == r.meta.id))
                .map(|r| {
                    (
                        region_key(ds, r.meta.id),
                        r.name_th.clone(),
                        r.name_en.clone(),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="page reports" data-testid="reports-page">
            <h1>{tr(T::ReportsTitle)}</h1>
            <p class="lead">{tr(T::ReportsIntro)}</p>
            <ScopeBar with_region=true/>
            <Show when=move || app.loaded.get() fallback=|| view! { <p>{tr(Msg::Loading)}</p> }>
                <DeadlinesPanel
                    deadlines=Signal::derive(move || dash.with(|d| d.deadlines.clone()))
                    deadline=deadline
                />
                <section class="panel" aria-labelledby="totals-title">
                    <h2 id="totals-title">{tr(T::TotalsTitle)}</h2>
                    <TotalsCards totals=Signal::derive(move || dash.with(|d| d.totals.clone()))/>
                    <ul class="report-links">
                        <For each=move || regions.get() key=|r| r.0.clone() let:r>
                            {
                                let (key, th, en) = r;
                                let drill = format!("/reports/region/{key}");
                                let print = format!("/print/region/{key}");
                                let (th2, en2) = (th.clone(), en.clone());
                                view! {
                                    <li>
                                        <A href=move || choice.link(&drill)>
                                            {tr(T::ByProvinceAndCity)} " · "
                                            {move || i18n.pick(&th, &en).to_owned()}
                                        </A>
                                    </li>
                                    <li>
                                        <A href=move || choice.link(&print)>
                                            {tr(T::PrintRegional)} " · "
                                            {move || i18n.pick(&th2, &en2).to_owned()}
                                        </A>
                                    </li>
                                }
                            }
                        </For>
                    </ul>
                </section>
                <BeneficiariesPanel table=Signal::derive(move || dash.with(|d| d.beneficiaries.clone()))/>
                <ProgressCards progress=Signal::derive(move || dash.with(|d| d.progress.clone()))/>
                <OutsideNotice outside=Signal::derive(move || dash.with(|d| d.outside.clone()))/>
                <ReconciliationPanel recs=recs/>
                <StatusTable rows=Signal::derive(move || dash.with(|d| d.by_status.clone()))/>
                <CategoryPanel rows=Signal::derive(move || dash.with(|d| d.by_category.clone()))/>
                <CsvDownloads scope=scope as_of=choice.as_of/>
            </Show>
        </section>
    }
}
