//! `/survey`, `/survey/region/:code`, `/survey/city/:id`, `/survey/community/:id`: one
//! level of the survey's drill-down — its coverage and households by tenure, eviction,
//! condition and need — with the places below it compared in charts and linked.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::domain::meta::RecordId;
use crate::domain::records::Dataset;
use crate::domain::reports::survey_tree::{
    survey_city, survey_community, survey_region, survey_regions, Dimension, LevelKind,
    SurveyLevel, SurveyLine,
};
use crate::ui::charts::{StackedBars, StackedRow};
use crate::ui::i18n::{tr, use_i18n, Msg};
use crate::ui::state::use_app;

use super::downloads::SurveyDownloads;
use super::figures::{CoverageCards, DimensionTable};
use super::text::SurveyText as T;

/// `/survey`: every region.
#[component]
pub fn SurveyPage() -> impl IntoView {
    view! { <LevelPage find=|ds, _| Some(survey_regions(ds))/> }
}

/// `/survey/region/:id` (the region's code, e.g. `north`).
#[component]
pub fn SurveyRegionPage() -> impl IntoView {
    view! { <LevelPage find=|ds, key| survey_region(ds, key)/> }
}

/// `/survey/city/:id`.
#[component]
pub fn SurveyCityPage() -> impl IntoView {
    view! { <LevelPage find=|ds, key| survey_city(ds, key.parse().ok()?)/> }
}

/// `/survey/community/:id`.
#[component]
pub fn SurveyCommunityPage() -> impl IntoView {
    view! { <LevelPage find=|ds, key| survey_community(ds, key.parse().ok()?)/> }
}

/// The address of a level's page.
pub fn level_href(kind: LevelKind, key: &str) -> String {
    match kind {
        LevelKind::All => "/survey".into(),
        LevelKind::Region => format!("/survey/region/{key}"),
        LevelKind::City => format!("/survey/city/{key}"),
        LevelKind::Community => format!("/survey/community/{key}"),
    }
}

/// The level below `kind`.
fn below(kind: LevelKind) -> Option<LevelKind> {
    match kind {
        LevelKind::All => Some(LevelKind::Region),
        LevelKind::Region => Some(LevelKind::City),
        LevelKind::City => Some(LevelKind::Community),
        LevelKind::Community => None,
    }
}

#[component]
fn LevelPage(
    /// The level the address's `:id` names (`None`: no such place).
    find: fn(&Dataset, &str) -> Option<SurveyLevel>,
) -> impl IntoView {
    let app = use_app();
    let params = use_params_map();
    let level = Memo::new(move |_| {
        let key = params.with(|p| p.get("id")).unwrap_or_default();
        app.dataset.with(|ds| find(ds, &key))
    });
    view! {
        <section class="page survey-view" data-testid="survey-view">
            <Show when=move || app.loaded.get() fallback=|| view! { <p>{tr(Msg::Loading)}</p> }>
                {move || match level.get() {
                    Some(l) => view! { <Level l/> }.into_any(),
                    None => view! {
                        <h1>{tr(T::Title)}</h1>
                        <p class="field-error" role="alert">{tr(T::NotFound)}</p>
                        <p><A href="/survey">{tr(T::AllRegions)}</A></p>
                    }
                    .into_any(),
                }}
            </Show>
        </section>
    }
}

/// A place's name in the page's language, or "all regions" for the top.
fn place_name(i18n: crate::ui::i18n::I18n, kind: LevelKind, l: &SurveyLine) -> String {
    if kind == LevelKind::All {
        i18n.t(T::AllRegions).to_owned()
    } else {
        i18n.pick(&l.th, &l.en).to_owned()
    }
}

#[component]
fn Level(
    /// The level shown.
    l: SurveyLevel,
) -> impl IntoView {
    let i18n = use_i18n();
    let kind = l.kind;
    let place = l.place.clone();
    let title = {
        let place = place.clone();
        move || format!("{} · {}", i18n.t(T::Title), place_name(i18n, kind, &place))
    };
    let crumbs = l.up.clone().map(|(up_kind, up)| {
        let href = level_href(up_kind, &up.key);
        let name = move || place_name(i18n, up_kind, &up);
        view! { <p class="breadcrumb"><A href=href>"← " {name}</A></p> }
    });
    let links = links(kind, &place);
    let summary = place.summary.clone();
    let child_kind = below(kind);
    let compare = (!l.children.is_empty())
        .then(|| view! { <Compare kind=child_kind.unwrap_or(kind) children=l.children.clone()/> });
    let none = (l.children.is_empty() && child_kind.is_some())
        .then(|| view! { <p class="muted">{tr(T::NoPlaces)}</p> });
    let city = match kind {
        LevelKind::City => Some(place.id),
        LevelKind::Community => l.up.as_ref().map(|u| u.1.id),
        _ => None,
    };
    view! {
        {crumbs}
        <h1>{title}</h1>
        {(kind == LevelKind::All).then(|| view! { <p class="muted">{tr(T::Intro)}</p> })}
        {links}
        <CoverageCards s=summary.clone() community=kind == LevelKind::Community reach=l.reach.clone()/>
        <section class="panel" aria-labelledby="survey-breakdown">
            <h2 id="survey-breakdown">{tr(T::Households)}</h2>
            <div class="dimension-grid">
                {Dimension::ALL.into_iter().map(|d| view! { <DimensionTable d s=summary.clone()/> }).collect_view()}
            </div>
        </section>
        {compare}
        {none}
        <SurveyDownloads city/>
    }
}

/// Links a city or community level offers: its household list, its profile and record.
fn links(kind: LevelKind, place: &SurveyLine) -> Option<AnyView> {
    let id: RecordId = place.id;
    match kind {
        LevelKind::City => Some(
            view! {
                <p class="actions-row no-print">
                    <A href=format!("/survey/city/{id}/households") attr:class="button">{tr(T::HouseholdList)}</A>
                    <A href=format!("/cities/{id}") attr:class="button secondary">{tr(T::CityRecord)}</A>
                </p>
            }
            .into_any(),
        ),
        LevelKind::Community => Some(
            view! {
                <p class="actions-row no-print">
                    <A href=format!("/print/community/{id}") attr:class="button">{tr(T::Profile)}</A>
                    <A href=format!("/communities/{id}") attr:class="button secondary">{tr(T::CommunityRecord)}</A>
                </p>
            }
            .into_any(),
        ),
        _ => None,
    }
}

/// The places below, compared: one stacked chart per dimension, each with its table.
#[component]
fn Compare(
    /// What the children are.
    kind: LevelKind,
    /// The places below the level.
    children: Vec<SurveyLine>,
) -> impl IntoView {
    let heading = match kind {
        LevelKind::Region => T::Regions,
        LevelKind::City => T::Cities,
        _ => T::Communities,
    };
    let rows = |d: Dimension| -> Vec<StackedRow> {
        children
            .iter()
            .map(|c| StackedRow {
                th: c.th.clone(),
                en: c.en.clone(),
                href: Some(level_href(kind, &c.key)),
                counts: d.counts(&c.summary),
            })
            .collect()
    };
    let coverage: Vec<StackedRow> = children
        .iter()
        .map(|c| {
            let s = &c.summary;
            StackedRow {
                th: c.th.clone(),
                en: c.en.clone(),
                href: Some(level_href(kind, &c.key)),
                counts: vec![
                    s.households,
                    (s.households_stated as usize).saturating_sub(s.households),
                ],
            }
        })
        .collect();
    let coverage_labels = vec![
        ("สำรวจแล้ว", "surveyed"),
        ("ยังไม่ได้สำรวจ (ตามที่แจ้ง)", "not yet surveyed (as stated)"),
    ];
    let charts = [
        (Dimension::Condition, T::ByCondition, "chart-condition"),
        (Dimension::Need, T::ByNeed, "chart-need"),
        (Dimension::LandTenure, T::ByLandTenure, "chart-tenure"),
        (Dimension::Eviction, T::ByEviction, "chart-eviction"),
    ]
    .into_iter()
    .map(|(d, title, testid)| {
        view! { <StackedBars title place=heading labels=d.labels() rows=rows(d) testid/> }
    })
    .collect_view();
    view! {
        <section class="panel compare" aria-labelledby="survey-compare" data-testid="survey-compare">
            <h2 id="survey-compare">{tr(T::CompareTitle)} " · " {tr(heading)}</h2>
            <p class="muted">{tr(T::CompareIntro)}</p>
            <StackedBars title=T::CoverageTitle place=heading labels=coverage_labels rows=coverage testid="chart-coverage"/>
            {charts}
        </section>
    }
}
