//! `/print/community/:id`: one community's profile on A4 — its facts, its survey counts
//! with their charts and tables, and the projects that serve it. No household or person
//! is named: the sheet is shown at meetings and pinned up.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::domain::meta::RecordId;
use crate::domain::records::survey::Choice;
use crate::domain::reports::community_profile::{community_profile, CommunityProfile};
use crate::domain::reports::survey_tree::Dimension;
use crate::ui::fmt;
use crate::ui::i18n::{tr, use_i18n};
use crate::ui::pages::survey::figures::{CoverageCards, DimensionTable};
use crate::ui::pages::survey::text::SurveyText as S;
use crate::ui::state::use_app;
use crate::ui::table::{Col, SheetTable};

use super::super::text::ReportText as T;
use super::{as_of_line, place_line, PrintPage};

#[component]
pub fn CommunityPrintPage() -> impl IntoView {
    let app = use_app();
    let params = use_params_map();
    let profile = Memo::new(move |_| {
        let id = params.with(|p| p.get("id").and_then(|s| s.parse::<RecordId>().ok()));
        app.dataset
            .with(|ds| id.and_then(|id| community_profile(ds, id)))
    });
    // No such community: the sheet's title still heads the page, then why there is none.
    view! {
        <PrintPage sheet=move || Ok(match profile.get() {
            Some(p) => view! { <ProfileSheet p/> }.into_any(),
            None => view! {
                <h1>{tr(S::ProfileTitle)}</h1>
                <p class="field-error" role="alert" data-testid="sheet-error">{tr(S::NotFound)}</p>
            }
            .into_any(),
        })/>
    }
}

/// The words of an optional choice in the page's language, or a dash.
fn word<C: Choice>(lang: crate::ui::i18n::Lang, c: Option<C>) -> &'static str {
    match (c, lang) {
        (Some(c), crate::ui::i18n::Lang::Th) => c.th(),
        (Some(c), crate::ui::i18n::Lang::En) => c.en(),
        (None, _) => "–",
    }
}

fn words<C: Choice>(lang: crate::ui::i18n::Lang, list: &[C]) -> String {
    if list.is_empty() {
        return "–".into();
    }
    list.iter()
        .map(|c| word(lang, Some(*c)))
        .collect::<Vec<_>>()
        .join(", ")
}

#[component]
fn ProfileSheet(
    /// The community's profile from the domain.
    p: CommunityProfile,
) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || i18n.lang.get();
    let c = p.community.clone();
    let place = {
        let p = p.clone();
        move || place_line(i18n, &[&c.subdistrict, &c.district], &p.place)
    };
    let c = p.community.clone();
    let facts: Vec<(crate::ui::pages::communities::text::CommunityText, String)> = {
        use crate::ui::pages::communities::text::CommunityText as C;
        let num = |n: Option<u32>| n.map_or("–".to_string(), |n| fmt::number(n as usize));
        vec![
            (C::Households, num(c.households)),
            (C::Population, num(c.population)),
            (
                C::SavingsMembers,
                num(c.savings_group.as_ref().map(|g| g.members)),
            ),
            (
                C::SavingsBalance,
                c.savings_group
                    .as_ref()
                    .map_or("–".into(), |g| fmt::money(g.balance)),
            ),
            (
                C::Organisation,
                if c.organisation.is_empty() {
                    "–".into()
                } else {
                    c.organisation.clone()
                },
            ),
        ]
    };
    let choice_facts = {
        use crate::ui::pages::communities::text::CommunityText as C;
        let c = c.clone();
        move || {
            let l = lang();
            vec![
                (C::Landowner, word(l, c.landowner).to_owned()),
                (C::Tenure, word(l, c.tenure).to_owned()),
                (
                    C::Eviction,
                    format!(
                        "{}{}",
                        word(l, c.eviction),
                        c.eviction_date
                            .map(|d| format!(" ({})", fmt::doc_date(l, d)))
                            .unwrap_or_default()
                    ),
                ),
                (C::Solution, word(l, c.preferred_solution).to_owned()),
                (C::Programme, word(l, c.programme).to_owned()),
            ]
        }
    };
    let hazards = {
        let c = c.clone();
        move || words(lang(), &c.hazards)
    };
    let missing = {
        let c = c.clone();
        move || words(lang(), &c.missing)
    };
    let projects: Vec<AnyView> = p
        .projects
        .iter()
        .cloned()
        .map(|pr| {
            view! {
                <tr>
                    <td lang=fmt::text_lang(&pr.title)>{pr.title.clone()}</td>
                    <td>{move || fmt::doc_fiscal_year(lang(), pr.fiscal_year)}</td>
                    <td>{move || fmt::label(lang(), &pr.status)}</td>
                    <td class="num">{pr.approved.map(fmt::money).unwrap_or_else(|| "–".into())}</td>
                    <td class="num">{pr.households_reached.map(|n| fmt::number(n as usize)).unwrap_or_else(|| "–".into())}</td>
                </tr>
            }
            .into_any()
        })
        .collect();
    let today = crate::ui::edit::today();
    let summary = p.summary.clone();
    view! {
        <article class="sheet community-sheet" data-testid="community-sheet">
            <header class="sheet-head">
                <h1>{tr(S::ProfileTitle)}</h1>
                <p class="center strong" lang="th">{p.community.name.clone()}</p>
                <p class="center">{place}</p>
                <p class="center">{move || as_of_line(i18n, today)}</p>
            </header>
            <h2>{tr(S::Facts)}</h2>
            <table class="sheet-table figures-table">
                <tbody>
                    {facts.into_iter().map(|(label, value)| view! {
                        <tr><th scope="row">{tr(label)}</th><td>{value}</td></tr>
                    }).collect_view()}
                    {move || choice_facts().into_iter().map(|(label, value)| view! {
                        <tr><th scope="row">{tr(label)}</th><td>{value}</td></tr>
                    }).collect_view()}
                    <tr><th scope="row">{tr(S::Hazards)}</th><td>{hazards}</td></tr>
                    <tr><th scope="row">{tr(S::Missing)}</th><td>{missing}</td></tr>
                </tbody>
            </table>
            <CoverageCards s=summary.clone() community=true/>
            <h2>{tr(S::Households)}</h2>
            <div class="dimension-grid">
                {Dimension::ALL.into_iter().map(|d| view! { <DimensionTable d s=summary.clone()/> }).collect_view()}
            </div>
            <h2>{tr(S::Projects)}</h2>
            <SheetTable testid="profile-projects" empty=S::NoProjects cols=vec![
                Col::text(S::ProjectCol), Col::text(S::FiscalYear), Col::text(S::StatusCol),
                Col::num(T::ColApproved), Col::num(S::Reached),
            ] rows=projects/>
        </article>
    }
}
