//! A level's own figures: coverage as cards, and households under each choice of a
//! dimension as a table whose share column carries a bar (the table is the figure; the bar
//! only helps the eye).

use leptos::prelude::*;

use crate::domain::lang::units;
use crate::domain::reports::survey::SurveySummary;
use crate::domain::reports::survey_tree::{shares, Dimension, Reach};
use crate::ui::charts::drawn;
use crate::ui::fmt;
use crate::ui::i18n::{tr, use_i18n};
use crate::ui::table::{Col, ReportTable};

use super::text::SurveyText as T;

/// "0.83" as "83%".
fn percent_text(share: rust_decimal::Decimal) -> String {
    format!("{}%", (share * rust_decimal::Decimal::from(100)).round())
}

#[component]
pub fn CoverageCards(
    /// The level's figures.
    s: SurveySummary,
    /// A community's page (no "communities surveyed" card).
    community: bool,
    /// The beneficiaries of the place's projects, when shown.
    #[prop(optional)]
    reach: Option<Reach>,
) -> impl IntoView {
    let i18n = use_i18n();
    let of = move |done: String, all: String, share: Option<rust_decimal::Decimal>| {
        let share = share.map(|s| format!(" ({})", percent_text(s)));
        move || {
            format!(
                "{done} {} {all}{}",
                i18n.t(T::Of),
                share.clone().unwrap_or_default()
            )
        }
    };
    let households = if s.households_stated > 0 {
        of(
            fmt::number(s.households),
            fmt::number(s.households_stated as usize),
            s.household_coverage(),
        )
        .into_any()
    } else {
        let n = fmt::number(s.households);
        (move || format!("{n} ({})", i18n.t(T::NothingStated))).into_any()
    };
    let communities = (!community).then(|| {
        let text = of(
            fmt::number(s.communities_surveyed),
            fmt::number(s.communities),
            s.community_coverage(),
        );
        view! {
            <li class="card" data-figure="communities-surveyed">
                <span class="card-number">{text}</span>
                <span class="card-label">{tr(T::CommunitiesSurveyed)}</span>
            </li>
        }
    });
    let people = fmt::number(s.members as usize);
    let vulnerable = format!(
        "{} · {} · {}",
        fmt::number(s.elderly as usize),
        fmt::number(s.disabled as usize),
        fmt::number(s.young_children as usize)
    );
    view! {
        <section aria-labelledby="survey-coverage">
            <h2 id="survey-coverage">{tr(T::CoverageTitle)}</h2>
            <ul class="cards figures" data-testid="survey-coverage">
                {communities}
                <li class="card" data-figure="households-surveyed">
                    <span class="card-number">{households}</span>
                    <span class="card-label">{tr(T::HouseholdsSurveyed)}</span>
                </li>
                <li class="card" data-figure="people">
                    <span class="card-number">{people}</span>
                    <span class="card-label">{tr(T::People)}</span>
                </li>
                <li class="card" data-figure="vulnerable">
                    <span class="card-number">{vulnerable}</span>
                    <span class="card-label">{tr(T::Vulnerable)}</span>
                </li>
                {reach.map(|r| view! {
                    <li class="card" data-figure="reached">
                        <span class="card-number">{fmt::number(r.households as usize)}</span>
                        <span class="card-label">
                            {tr(T::ReachedCard)} " (" {move || units::PROJECTS.phrase(i18n.lang.get(), r.projects)} ")"
                        </span>
                    </li>
                })}
            </ul>
        </section>
    }
}

/// The words of a dimension's heading.
pub fn dimension_title(d: Dimension) -> T {
    match d {
        Dimension::LandTenure => T::ByLandTenure,
        Dimension::Eviction => T::ByEviction,
        Dimension::Condition => T::ByCondition,
        Dimension::Need => T::ByNeed,
    }
}

#[component]
pub fn DimensionTable(
    /// What divides the households.
    d: Dimension,
    /// The level's figures.
    s: SurveySummary,
) -> impl IntoView {
    let i18n = use_i18n();
    let counts = d.counts(&s);
    let parts = shares(&counts);
    let rows = d
        .labels()
        .into_iter()
        .zip(counts)
        .zip(parts)
        .map(|(((th, en), n), share)| {
            view! {
                <tr>
                    <th scope="row">{move || i18n.pick(th, en)}</th>
                    <td class="num">{fmt::number(n)}</td>
                    <td class="share-cell">
                        <svg class="share-bar" aria-hidden="true" focusable="false" width="60" height="10">
                            <rect class="bar-track" x="0" y="0" width="100%" height="10"></rect>
                            <rect class="seg-0" x="0" y="0" width=fmt::percent(drawn(share)) height="10"></rect>
                        </svg>
                        {percent_text(share)}
                    </td>
                </tr>
            }
        })
        .collect_view();
    let title = dimension_title(d);
    view! {
        <div class="dimension" data-dimension=format!("{d:?}").to_lowercase()>
            <h3>{tr(title)}</h3>
            <ReportTable cols=vec![Col::text(title), Col::num(T::Households), Col::num(T::Share)]>
                {rows}
            </ReportTable>
        </div>
    }
}
