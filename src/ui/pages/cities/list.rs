//! Cities (`/cities`): filter by region, province, unit type and name; add a city.

use leptos::prelude::*;

use crate::domain::lang::units;
use leptos_router::components::A;

use super::text::CityText;
use crate::domain::forms::form::enum_from_key;
use crate::domain::records::LocalUnitType;
use crate::domain::reports::Label;
use crate::domain::views::city_list::{city_rows, CityQuery};
use crate::ui::forms::screens::{provinces_in, region_options};
use crate::ui::forms::{enum_options, t, Bind, SelectField, TextField};
use crate::ui::i18n::{tr, use_i18n, Lang};
use crate::ui::state::use_app;

#[component]
pub fn CitiesPage() -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let search = RwSignal::new(String::new());
    let region = RwSignal::new(String::new());
    let province = RwSignal::new(String::new());
    let unit = RwSignal::new(String::new());
    let thai = move || i18n.lang.get() == Lang::Th;
    let regions = region_options();
    let provinces = provinces_in(region.into());
    let all = move || (String::new(), i18n.t(CityText::All).to_string());

    let region_options = Signal::derive(move || {
        let mut o = vec![all()];
        o.extend(regions.get());
        o
    });
    let province_options = Signal::derive(move || {
        let mut o = vec![all()];
        o.extend(provinces.get());
        o
    });
    let unit_options = Signal::derive(move || {
        let mut o = vec![all()];
        o.extend(enum_options(&LocalUnitType::ALL).get());
        o
    });
    let rows = Memo::new(move |_| {
        let q = CityQuery {
            search: search.get(),
            region: uuid::Uuid::parse_str(&region.get()).ok(),
            province: uuid::Uuid::parse_str(&province.get()).ok(),
            unit_type: enum_from_key(&unit.get()),
        };
        app.dataset.with(|ds| city_rows(ds, &q))
    });
    // A province from another region would leave the list empty for no visible reason.
    Effect::new(move |_| {
        region.track();
        province.set(String::new());
    });

    view! {
        <section class="page records-page" data-testid="cities-page">
            <div class="page-head">
                <h1>{tr(CityText::Title)}</h1>
                <A href="/cities/new" attr:class="button" attr:data-testid="add-city">"+ " {tr(CityText::Add)}</A>
            </div>
            <p class="lead">{tr(CityText::Intro)}</p>
            <div class="filters">
                <TextField field="filter-search" label=t(CityText::Search) value=Bind::signal(search)/>
                <SelectField field="filter-region" label=t(CityText::Region) value=Bind::signal(region)
                    options=region_options no_placeholder=true/>
                <SelectField field="filter-province" label=t(CityText::Province) value=Bind::signal(province)
                    options=province_options no_placeholder=true/>
                <SelectField field="filter-unit" label=t(CityText::UnitType) value=Bind::signal(unit)
                    options=unit_options no_placeholder=true/>
            </div>
            <p class="muted" role="status">{move || units::CITIES_SHOWN.phrase(i18n.lang.get(), rows.with(Vec::len))}</p>
            <Show when=move || !rows.with(Vec::is_empty)
                fallback=|| view! { <p class="empty" data-testid="no-cities">{tr(CityText::NoCities)}</p> }>
                <ul class="record-list" data-testid="city-list">
                    <For each=move || rows.get() key=|r| r.clone() let:r>
                        {
                            let href = format!("/cities/{}", r.id);
                            let (th, en) = (r.name_th.clone(), r.name_en.clone());
                            let (pth, pen) = (r.province_th.clone(), r.province_en.clone());
                            let unit_type = r.unit_type;
                            let ceiling = r.latest_ceiling;
                            let projects = r.projects;
                            view! {
                                <li class="record-row">
                                    <A href=href attr:class="record-link">
                                        <span class="record-title">
                                            <span lang="th">{th}</span>
                                            {(!en.is_empty()).then(|| view! { <span class="muted name-en" lang="en">{en}</span> })}
                                        </span>
                                        <span class="record-sub">
                                            {move || if thai() { unit_type.label_th() } else { unit_type.label_en() }}
                                            " · "
                                            <span lang=move || if pen.is_empty() || thai() { "th" } else { "en" }>
                                                {let (a, b) = (pth.clone(), pen.clone()); move || if thai() || b.is_empty() { a.clone() } else { b.clone() }}
                                            </span>
                                        </span>
                                        <span class="record-figures">
                                            {ceiling.map(|(fy, b)| view! {
                                                <span>{tr(CityText::Ceiling)} " " {fy} ": " {b.format()}</span>
                                            })}
                                            <span>{tr(CityText::Projects)} " " {projects}</span>
                                        </span>
                                    </A>
                                </li>
                            }
                        }
                    </For>
                </ul>
            </Show>
        </section>
    }
}
