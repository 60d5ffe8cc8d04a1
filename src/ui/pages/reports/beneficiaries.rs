//! Who the money reaches, by region and province (issue #12): the year's approved projects,
//! the households they reach, the communities they name against those surveyed. Figures
//! from `domain::reports::beneficiaries`; this only lays them out.

use leptos::prelude::*;

use crate::domain::reports::{Beneficiaries, BeneficiaryTable, PlaceLevel};
use crate::ui::fmt;
use crate::ui::i18n::{tr, use_i18n};
use crate::ui::table::{Col, ReportTable};

use super::text::ReportText as T;

/// A count that may be large, with thousands separators.
pub fn big(n: u64) -> String {
    fmt::count(i64::try_from(n).unwrap_or(i64::MAX))
}

/// "12 / 40": communities surveyed of all.
pub fn of_all(part: usize, all: usize) -> String {
    format!("{} / {}", fmt::number(part), fmt::number(all))
}

/// The figures' cells after the place's name.
fn cells(b: &Beneficiaries) -> impl IntoView {
    view! {
        <td class="num" data-col="projects">{fmt::number(b.projects)}</td>
        <td class="num" data-col="households-reached">{big(b.households_reached)}</td>
        <td class="num" data-col="communities-reached">{fmt::number(b.communities_reached)}</td>
        <td class="num" data-col="communities-surveyed">{of_all(b.communities_surveyed, b.communities)}</td>
        <td class="num" data-col="households-surveyed">{big(b.households_surveyed)}</td>
    }
}

#[component]
pub fn BeneficiariesPanel(
    /// The dashboard's beneficiaries by region and province.
    #[prop(into)]
    table: Signal<BeneficiaryTable>,
) -> impl IntoView {
    let i18n = use_i18n();
    let elsewhere = move || table.with(|t| t.total.named_elsewhere);
    view! {
        <section class="panel" aria-labelledby="beneficiaries-title" data-testid="beneficiaries">
            <h2 id="beneficiaries-title">{tr(T::BeneficiariesTitle)}</h2>
            <p class="muted">{tr(T::BeneficiariesIntro)}</p>
            <ReportTable testid="beneficiaries-table" cols=vec![
                Col::text(T::ColPlace), Col::num(T::ColApprovedProjects), Col::num(T::ColHouseholdsReached),
                Col::num(T::ColCommunitiesReached), Col::num(T::ColCommunitiesSurveyed), Col::num(T::ColHouseholdsSurveyed),
            ]>
                {move || {
                    table
                        .get()
                        .rows
                        .into_iter()
                        .map(|r| {
                            let province = r.level == PlaceLevel::Province;
                            let (th, en) = (r.name_th.clone(), r.name_en.clone());
                            view! {
                                <tr data-level=if province { "province" } else { "region" }>
                                    <th scope="row" class:indent=province>
                                        {move || i18n.pick(&th, &en).to_owned()}
                                    </th>
                                    {cells(&r.figures)}
                                </tr>
                            }
                        })
                        .collect_view()
                }}
                <tr class="total-row" data-level="total">
                    <th scope="row">{tr(T::AllPlaces)}</th>
                    {move || table.with(|t| cells(&t.total))}
                </tr>
            </ReportTable>
            <Show when=move || { elsewhere() > 0 }>
                <p class="muted" data-testid="named-elsewhere">
                    {tr(T::NamedElsewhere)} " " {move || fmt::number(elsewhere())}
                </p>
            </Show>
        </section>
    }
}
