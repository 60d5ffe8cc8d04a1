//! A city's page (`/cities/:id`): its budget bar for the year, and sections gathering its
//! committee, meetings, projects, grants, MOU and instalments. `/cities/new` and
//! `/cities/:id/edit` show the form.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::budget_bar::BudgetBar;
use super::form::CityEditor;
use super::text::CityText;
use crate::domain::dates::{format_be_short, format_en, FiscalYear};
use crate::domain::lang::units;
use crate::domain::meta::RecordId;
use crate::domain::records::{City, Province};
use crate::domain::reports::Label;
use crate::domain::views::city_page::{city_figures, city_records, default_year, CityRecords};
use crate::ui::edit::{today, EditText, Target};
use crate::ui::forms::screens::{when_found, CityLinks, WhenLoaded};
use crate::ui::i18n::{tr, use_i18n, Lang};
use crate::ui::pages::projects::list::ProjectList;
use crate::ui::state::use_app;

fn param_id() -> Memo<Option<String>> {
    let params = use_params_map();
    Memo::new(move |_| params.with(|p| p.get("id")))
}

/// `/cities/:id`: the city, or the new-city form for `/cities/new`.
#[component]
pub fn CityPage() -> impl IntoView {
    let id = param_id();
    move || match id.get().as_deref() {
        Some("new") => view! {
            <section class="page">
                <p><A href="/cities">"← " {tr(CityText::BackToList)}</A></p>
                <h1>{tr(CityText::NewTitle)}</h1>
                <WhenLoaded><CityEditor target=Target::New { slot: "city".into() }/></WhenLoaded>
            </section>
        }
        .into_any(),
        Some(raw) => match uuid::Uuid::parse_str(raw) {
            Ok(id) => view! { <CityView id/> }.into_any(),
            Err(_) => view! { <p class="empty">{tr(EditText::NotFound)}</p> }.into_any(),
        },
        None => view! { <p class="empty">{tr(EditText::NotFound)}</p> }.into_any(),
    }
}

/// `/cities/:id/edit`.
#[component]
pub fn CityEditPage() -> impl IntoView {
    let id = param_id();
    move || {
        match id.get().and_then(|s| uuid::Uuid::parse_str(&s).ok()) {
        Some(id) => view! {
            <section class="page">
                <p><A href=format!("/cities/{id}")>"← " {tr(CityText::BackToCity)}</A></p>
                <h1>{tr(CityText::EditTitle)}</h1>
                // Not before the city is read: a form shown blank and filled a moment later
                // could take the first keystrokes into the wrong text.
                {when_found::<City>(id, move || view! { <CityEditor target=Target::Existing(id)/> }.into_any())}
            </section>
        }
        .into_any(),
        None => view! { <p class="empty">{tr(EditText::NotFound)}</p> }.into_any(),
    }
    }
}

#[component]
fn CityView(
    /// The city shown.
    id: RecordId,
) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let thai = move || i18n.lang.get() == Lang::Th;
    let city = Memo::new(move |_| app.dataset.with(|ds| ds.get::<City>(id).cloned()));
    view! {
        {move || match city.get() {
            None if !app.loaded.get() => view! { <p>{tr(EditText::Loading)}</p> }.into_any(),
            None => view! { <p class="empty">{tr(EditText::NotFound)}</p> }.into_any(),
            Some(c) if c.meta.deleted => view! {
                <section class="page">
                    <p><A href="/cities">"← " {tr(CityText::BackToList)}</A></p>
                    <h1 lang="th">{c.name_th.clone()}</h1>
                    <p class="notice notice-error">{tr(EditText::DeletedRecord)}</p>
                </section>
            }.into_any(),
            Some(c) => {
                let year = default_year(&c, FiscalYear::containing(today()));
                let province = app.dataset.with_untracked(|ds| {
                    crate::domain::editing::stored_or_shipped::provinces(ds).into_iter().find(|p| p.meta.id == c.province_id)
                });
                let records = Memo::new(move |_| app.dataset.with(|ds| {
                    ds.get::<City>(id).map(|c| city_records(ds, c)).unwrap_or_default()
                }));
                let figures = Memo::new(move |_| app.dataset.with(|ds| city_figures(ds, id, year)));
                let (th, en) = (c.name_th.clone(), c.name_en.clone());
                let unit = c.unit_type;
                // Masked: a city's page is what is put on the screen at meetings.
                let account = c.account.as_ref().filter(|a| a.is_complete()).map(|a| a.masked_line());
                view! {
                    <section class="page city-page" data-testid="city-page">
                        <p><A href="/cities">"← " {tr(CityText::BackToList)}</A></p>
                        <div class="page-head">
                            <h1>
                                <span lang="th">{th}</span>
                                {(!en.is_empty()).then(|| view! { <span class="muted name-en" lang="en">{en}</span> })}
                            </h1>
                            <A href=format!("/cities/{id}/edit") attr:class="button secondary" attr:data-testid="edit-city">
                                {tr(CityText::Edit)}
                            </A>
                        </div>
                        <p class="lead">
                            {move || if thai() { unit.label_th() } else { unit.label_en() }}
                            {province.map(|p: Province| view! { " · " {move || i18n.pick(&p.name_th, &p.name_en).to_string()} })}
                        </p>
                        <p class="pays-into" data-testid="city-account">
                            {tr(CityText::Account)} ": "
                            {match account {
                                Some((th, en)) => view! { <strong>{move || i18n.pick(&th, &en).to_string()}</strong> }.into_any(),
                                None => view! { <span class="muted">{tr(CityText::NoAccountYet)}</span> }.into_any(),
                            }}
                        </p>
                        <section class="panel">
                            <h2>{tr(CityText::BudgetBar)} " " {move || if thai() { year.label_th() } else { year.label_en() }}</h2>
                            {move || match figures.get() {
                                Some(f) => view! { <BudgetBar figures=f/> }.into_any(),
                                None => view! { <p class="muted">{tr(CityText::NoBudget)}</p> }.into_any(),
                            }}
                        </section>
                        <Sections records id/>
                    </section>
                }.into_any()
            }
        }}
    }
}

fn date_text(d: Option<chrono::NaiveDate>, thai: bool) -> String {
    match d {
        Some(d) if thai => format_be_short(d),
        Some(d) => format_en(d),
        None => "—".into(),
    }
}

/// The city's records by kind. The projects section is the project list; the others list
/// what is stored (their screens link here as they arrive).
#[component]
fn Sections(
    /// The city's records.
    records: Memo<CityRecords>,
    /// The city.
    id: RecordId,
) -> impl IntoView {
    let i18n = use_i18n();
    let thai = move || i18n.lang.get() == Lang::Th;
    let none = move || view! { <p class="muted">{tr(CityText::None)}</p> };
    view! {
        <section class="panel" data-testid="city-projects">
            <div class="section-head">
                <h2>{tr(CityText::Projects)}</h2>
                <A href=format!("/projects/new?city={id}") attr:class="button" attr:data-testid="add-project">
                    "+ " {tr(CityText::AddProject)}
                </A>
            </div>
            <ProjectList city=id/>
        </section>
        <div class="sections-grid">
            <section class="panel" data-testid="city-committee">
                <h2>{tr(CityText::Committee)}</h2>
                {move || records.with(|r| if r.committees.is_empty() { none().into_any() } else {
                    r.committees.iter().map(|c| {
                        let (href, name, n) = (format!("/committees/{}", c.meta.id), c.name.clone(), c.members.len());
                        view! {
                            <p><A href=href><span lang="th">{name}</span></A> <span class="muted">" · " {move || units::MEMBERS.phrase(i18n.lang.get(), n)}</span></p>
                        }
                    }).collect_view().into_any()
                })}
                <A href=format!("/committees/new?city={id}") attr:class="button secondary" attr:data-testid="add-committee">"+ " {tr(CityLinks::AddCommittee)}</A>
            </section>
            <section class="panel" data-testid="city-meetings">
                <h2>{tr(CityText::Meetings)}</h2>
                {move || records.with(|r| if r.meetings.is_empty() { none().into_any() } else {
                    view! { <ul class="plain">{r.meetings.iter().map(|m| view! {
                        <li>{
                            let (href, when, place) = (format!("/meetings/{}", m.meta.id), date_text(m.date, thai()), m.place.clone());
                            view! { <A href=href>{when} " " <span lang="th">{place}</span></A> }
                        }</li>
                    }).collect_view()}</ul> }.into_any()
                })}
            </section>
            <section class="panel" data-testid="city-grants">
                <h2>{tr(CityText::Grants)}</h2>
                {move || records.with(|r| if r.committee_grants.is_empty() && r.province_grants.is_empty() { none().into_any() } else {
                    view! { <ul class="plain">
                        {r.committee_grants.iter().map(|g| view! {
                            <li>{
                                let (href, fy, amount) = (format!("/grants/committee/{}", g.meta.id), g.fiscal_year.0, g.amount.format());
                                view! { <A href=href>{tr(CityText::CommitteeGrant)} " " {fy} ": " {amount}</A> }
                            }</li>
                        }).collect_view()}
                        {r.province_grants.iter().map(|g| view! {
                            <li>{
                                let (href, fy, amount) = (format!("/grants/province/{}", g.meta.id), g.fiscal_year.0, g.amount.format());
                                view! { <A href=href>{tr(CityText::ProvinceGrant)} " " {fy} ": " {amount}</A> }
                            }</li>
                        }).collect_view()}
                    </ul> }.into_any()
                })}
            </section>
            <section class="panel" data-testid="city-mou">
                <h2>{tr(CityText::Mou)}</h2>
                {move || records.with(|r| if r.mous.is_empty() { none().into_any() } else {
                    view! { <ul class="plain">{r.mous.iter().map(|m| view! {
                        <li>{
                            let (href, title) = (format!("/mous/{}", m.meta.id), m.title.clone());
                            view! { <A href=href><span lang="th">{title}</span></A> }
                        } " · " {tr(CityText::Signed)} " " {date_text(m.date, thai())}</li>
                    }).collect_view()}</ul> }.into_any()
                })}
                <A href=format!("/mous/new?city={id}") attr:class="button secondary" attr:data-testid="add-mou">"+ " {tr(CityLinks::AddMou)}</A>
            </section>
            <section class="panel" data-testid="city-instalments">
                <h2>{tr(CityText::Instalments)}</h2>
                {move || records.with(|r| if r.instalments.is_empty() { none().into_any() } else {
                    view! { <ul class="plain">{r.instalments.iter().map(|i| view! {
                        <li>
                            {
                                let (href, n, amount) = (format!("/instalments/{}", i.meta.id), i.number, i.amount.format());
                                view! { <A href=href>"#" {n} " · " {amount}</A> }
                            } " · "
                            {tr(CityText::Planned)} " " {date_text(i.planned_date, thai())} " · "
                            {tr(CityText::Actual)} " " {date_text(i.actual_date, thai())}
                        </li>
                    }).collect_view()}</ul> }.into_any()
                })}
                <A href=format!("/instalments/new?city={id}") attr:class="button secondary" attr:data-testid="add-instalment">"+ " {tr(CityLinks::AddInstalment)}</A>
            </section>
        </div>
        <p><A href=format!("/findings?city={id}") attr:data-testid="city-findings">{tr(CityLinks::Findings)} " →"</A></p>
        <p><A href=format!("/survey/city/{id}") attr:data-testid="city-survey">
            {tr(crate::ui::pages::survey::text::SurveyText::SeeSurvey)} " →"
        </A></p>
    }
}
