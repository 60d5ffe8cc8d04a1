//! The headline figures of a scope, a province or a region: how many cities and provinces,
//! how much approved, transferred, remaining and raised.

use leptos::prelude::*;

use crate::domain::reports::Totals;
use crate::ui::i18n::{tr, use_i18n};

use super::text::ReportText as T;
use crate::ui::fmt;

#[component]
pub fn TotalsCards(
    /// The sums to show (dashboard, region or province totals).
    #[prop(into)]
    totals: Signal<Totals>,
) -> impl IntoView {
    let count = move |f: fn(&Totals) -> usize| move || fmt::number(totals.with(f));
    let amount =
        move |f: fn(&Totals) -> crate::domain::money::Baht| move || fmt::money(totals.with(f));
    view! {
        <ul class="cards figures" data-testid="totals">
            <Figure key="cities" label=T::Cities value=Signal::derive(count(|t| t.cities))/>
            <Figure key="provinces" label=T::Provinces value=Signal::derive(count(|t| t.provinces))/>
            <Figure key="approved" label=T::Approved money=true value=Signal::derive(amount(|t| t.approved))/>
            <Figure key="transferred" label=T::Transferred money=true value=Signal::derive(amount(|t| t.transferred))/>
            <Figure key="remaining" label=T::Remaining money=true value=Signal::derive(amount(|t| t.remaining))/>
            <Figure key="co-funding" label=T::CoFunding money=true value=Signal::derive(amount(|t| t.co_funding))/>
            <Figure key="committed" label=T::Committed money=true value=Signal::derive(amount(|t| t.committed))/>
            <Figure key="projects" label=T::Projects value=Signal::derive(count(|t| t.projects))/>
            <Figure key="total-support" label=T::TotalSupport money=true value=Signal::derive(amount(|t| t.total_support))/>
        </ul>
    }
}

/// Progress reports against the money: how many approved projects reported, what their
/// latest reports say was spent, and what was approved for those same projects.
#[component]
pub fn ProgressCards(
    /// The dashboard's progress totals.
    #[prop(into)]
    progress: Signal<crate::domain::reports::ProgressTotals>,
) -> impl IntoView {
    let reported = move || {
        progress.with(|p| format!("{} / {}", fmt::number(p.reported), fmt::number(p.projects)))
    };
    let spent = move || progress.with(|p| fmt::money(p.spent));
    let approved = move || progress.with(|p| fmt::money(p.approved_reported));
    view! {
        <section class="panel" aria-labelledby="progress-title">
            <h2 id="progress-title">{tr(T::ProgressTitle)}</h2>
            <ul class="cards figures" data-testid="progress-totals">
                <Figure key="reported" label=T::ProgressReported value=Signal::derive(reported)/>
                <Figure key="spent" label=T::ProgressSpent money=true value=Signal::derive(spent)/>
                <Figure key="approved-reported" label=T::ProgressApprovedReported money=true value=Signal::derive(approved)/>
            </ul>
        </section>
    }
}

/// One headline figure.
#[component]
fn Figure(
    /// A stable name for tests and styles (`data-figure`).
    key: &'static str,
    /// What the figure is.
    label: T,
    /// The figure, already formatted.
    value: Signal<String>,
    /// Whether the figure is an amount in baht (adds the unit).
    #[prop(optional)]
    money: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <li class="card" data-figure=key>
            <span class="card-number">{value}</span>
            <span class="card-label">
                {tr(label)}
                {move || money.then(|| format!(" ({})", i18n.t(T::Baht)))}
            </span>
        </li>
    }
}
