//! Drill-down: `/reports/region/:id` (a region's provinces and their cities) and
//! `/reports/province/:id` (one province's cities). Each city has a bar against its cap on
//! a scale shared by the whole region, and links to its printable sheets.

use std::cmp::Ordering;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::domain::money::Baht;
use crate::domain::records::Province;
use crate::domain::reports::{dashboard, drill_down, CityBar, DrillDown, ProvinceNode, Scope};
use crate::ui::charts::{drawn, BarLegend, CityBarChart, CityBarShares};
use crate::ui::i18n::{tr, use_i18n, I18n, Msg};
use crate::ui::state::use_app;

use super::breakdown::CategoryPanel;
use super::query::{region_key, resolve_province, resolve_region, use_report_choice};
use super::scope_bar::ScopeBar;
use super::text::ReportText as T;
use super::totals::TotalsCards;
use crate::ui::fmt;

/// `/reports/region/:id` (`:id` is the region's code, e.g. "north", or its id).
#[component]
pub fn RegionReportPage() -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let params = use_params_map();
    let choice = use_report_choice();
    let region = Memo::new(move |_| {
        let key = params.with(|p| p.get("id")).unwrap_or_default();
        app.dataset.with(|ds| resolve_region(ds, &key))
    });
    let drill = Memo::new(move |_| {
        let id = region.get()?;
        let scope = Scope::region(choice.fy.get(), id);
        Some(app.dataset.with(|ds| drill_down(ds, scope)))
    });
    let categories = Memo::new(move |_| {
        let Some(id) = region.get() else {
            return Vec::new();
        };
        let scope = Scope::region(choice.fy.get(), id);
        app.dataset
            .with(|ds| dashboard(ds, scope, choice.as_of.get(), 0).by_category)
    });
    let name = move || {
        app.dataset.with(|ds| {
            let id = region.get()?;
            let r = ds
                .live::<crate::domain::records::Region>()
                .find(|r| r.meta.id == id)?;
            Some(i18n.pick(&r.name_th, &r.name_en).to_owned())
        })
    };
    let print_link = move || {
        let key = region
            .get()
            .map(|id| app.dataset.with(|ds| region_key(ds, id)))
            .unwrap_or_default();
        choice.link(&format!("/print/region/{key}"))
    };
    view! {
        <section class="page reports drill" data-testid="region-report">
            <p class="breadcrumb no-print"><A href=move || choice.link("/reports")>{tr(T::BackToReports)}</A></p>
            <h1>
                {tr(T::DrillTitle)} " · " {name}
            </h1>
            <ScopeBar/>
            <Show when=move || app.loaded.get() fallback=|| view! { <p>{tr(Msg::Loading)}</p> }>
                <Show
                    when=move || name().is_some()
                    fallback=|| view! { <p class="field-error" role="alert">{tr(T::RegionNotFound)}</p> }
                >
                    <p><A href=print_link>{tr(T::PrintRegional)}</A></p>
                    <TotalsCards totals=Signal::derive(move || {
                        drill.with(|d| d.as_ref().map(|d| d.totals.clone()).unwrap_or_default())
                    })/>
                    <BarLegend/>
                    <Show when=move || drill.with(|d| d.as_ref().is_some_and(|d| d.regions.is_empty()))>
                        <p class="muted">{tr(T::NoCitiesInScope)}</p>
                    </Show>
                    {move || {
                        drill
                            .get()
                            .map(|d| {
                                let mut provinces: Vec<ProvinceNode> = d
                                    .regions
                                    .iter()
                                    .flat_map(|r| r.provinces.clone())
                                    .collect();
                                sort_provinces(&mut provinces);
                                provinces
                                    .into_iter()
                                    .map(|p| view! { <ProvinceSection node=p drill=d.clone() linked=true/> })
                                    .collect_view()
                            })
                    }}
                    <CategoryPanel rows=categories chart_only=true/>
                </Show>
            </Show>
        </section>
    }
}

/// `/reports/province/:id` (`:id` is the province's id or ISO code, e.g. "TH-65").
#[component]
pub fn ProvinceReportPage() -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let params = use_params_map();
    let choice = use_report_choice();
    let province = Memo::new(move |_| {
        let key = params.with(|p| p.get("id")).unwrap_or_default();
        app.dataset.with(|ds| {
            let id = resolve_province(ds, &key)?;
            ds.live::<Province>().find(|p| p.meta.id == id).cloned()
        })
    });
    // The region's drill-down, so the bars share the region's scale.
    let found = Memo::new(move |_| {
        let p = province.get()?;
        let scope = Scope::region(choice.fy.get(), p.region_id);
        let drill = app.dataset.with(|ds| drill_down(ds, scope));
        let node = drill
            .regions
            .iter()
            .flat_map(|r| &r.provinces)
            .find(|n| n.province.province_id == p.meta.id)
            .cloned()
            .and_then(|n| {
                let mut one = vec![n];
                sort_provinces(&mut one);
                one.pop()
            });
        Some((drill, node))
    });
    let back = move || {
        let key = province
            .get()
            .map(|p| app.dataset.with(|ds| region_key(ds, p.region_id)))
            .unwrap_or_default();
        choice.link(&format!("/reports/region/{key}"))
    };
    view! {
        <section class="page reports drill" data-testid="province-report">
            <p class="breadcrumb no-print"><A href=back>{tr(T::BackToRegion)}</A></p>
            <h1>
                {move || province.get().map(|p| i18n.pick(&p.name_th, &p.name_en).to_owned())}
            </h1>
            <ScopeBar/>
            <Show when=move || app.loaded.get() fallback=|| view! { <p>{tr(Msg::Loading)}</p> }>
                <Show
                    when=move || province.with(Option::is_some)
                    fallback=|| view! { <p class="field-error" role="alert">{tr(T::ProvinceNotFound)}</p> }
                >
                    <BarLegend/>
                    {move || match found.get() {
                        Some((drill, Some(node))) => {
                            view! { <ProvinceSection node drill linked=false/> }.into_any()
                        }
                        _ => view! { <p class="muted">{tr(T::NoCitiesInScope)}</p> }.into_any(),
                    }}
                </Show>
            </Show>
        </section>
    }
}

/// Provinces and their cities in Thai alphabetical order, for display.
pub(super) fn sort_provinces(provinces: &mut Vec<ProvinceNode>) {
    fmt::sort_by_then_thai(provinces, |_, _| Ordering::Equal, |p| &p.province.name_th);
    for p in provinces {
        fmt::sort_by_then_thai(&mut p.cities, |_, _| Ordering::Equal, |c| &c.city.name_th);
    }
}

/// A province: its totals and one bar per city.
#[component]
fn ProvinceSection(
    /// The province and its cities' figures.
    node: ProvinceNode,
    /// The whole drill-down, for the common bar scale.
    drill: DrillDown,
    /// Link the heading to the province's own page.
    linked: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let choice = use_report_choice();
    let p = node.province.clone();
    let href = {
        let key = if p.code.is_empty() {
            p.province_id.to_string()
        } else {
            p.code.clone()
        };
        format!("/reports/province/{key}")
    };
    let (th, en) = (p.name_th.clone(), p.name_en.clone());
    let title = move || i18n.pick(&th, &en).to_owned();
    let t = node.totals.clone();
    let summary = move || {
        let figures = [
            (T::Approved, t.approved),
            (T::Transferred, t.transferred),
            (T::Remaining, t.remaining),
            (T::ProvinceGrants, t.province_grants),
        ];
        figure_line(i18n, &figures, "", " · ")
    };
    view! {
        <section class="panel province" data-province=p.code.clone()>
            <h2>
                {if linked {
                    view! { <A href=move || choice.link(&href)>{title}</A> }.into_any()
                } else {
                    title.into_any()
                }}
            </h2>
            <p class="muted">{summary}</p>
            <ul class="city-bars">
                {node
                    .cities
                    .into_iter()
                    .map(|bar| view! { <CityRow bar drill=drill.clone()/> })
                    .collect_view()}
            </ul>
        </section>
    }
}

/// Each figure after its name, e.g. "Approved 1,000.00 · Transferred 500.00"; `unit`
/// follows each amount.
fn figure_line(i18n: I18n, figures: &[(T, Baht)], unit: &str, sep: &str) -> String {
    figures
        .iter()
        .map(|(name, amount)| format!("{} {}{unit}", i18n.t(*name), fmt::money(*amount)))
        .collect::<Vec<_>>()
        .join(sep)
}

/// The accessible name of a city's bar: its name and every figure the bar draws.
fn bar_label(i18n: I18n, bar: &CityBar) -> String {
    let f = &bar.figures;
    let figures = [
        (T::Cap, f.cap),
        (T::Approved, f.approved),
        (T::Committed, f.committed),
        (T::Transferred, f.transferred),
        (T::Remaining, f.remaining),
    ];
    let unit = format!(" {}", i18n.t(T::Baht));
    format!(
        "{}: {}",
        i18n.pick(&bar.city.name_th, &bar.city.name_en),
        figure_line(i18n, &figures, &unit, ", ")
    )
}

/// One city: name, figures, its bar, and links to its printable sheets.
#[component]
fn CityRow(
    /// The city and its figures for the year.
    bar: CityBar,
    /// The drill-down whose scale the bar uses.
    drill: DrillDown,
) -> impl IntoView {
    let i18n = use_i18n();
    let choice = use_report_choice();
    let f = bar.figures.clone();
    let shares = CityBarShares {
        cap: drawn(drill.fraction(f.cap)),
        approved: drawn(drill.fraction(f.approved)),
        committed: drawn(drill.fraction(f.committed)),
        transferred: drawn(drill.fraction(f.transferred)),
    };
    let id = bar.city.city_id;
    let (th, en) = (bar.city.name_th.clone(), bar.city.name_en.clone());
    let bar_for_label = bar.clone();
    let label = Signal::derive(move || bar_label(i18n, &bar_for_label));
    let figures = move || {
        let figures = [
            (T::Approved, f.approved),
            (T::Committed, f.committed),
            (T::Transferred, f.transferred),
            (T::Remaining, f.remaining),
        ];
        figure_line(i18n, &figures, "", " · ")
    };
    let sheet = move |kind: &str| choice.link(&format!("/print/{kind}/{id}"));
    view! {
        <li class="city-row" data-city=id.to_string()>
            <div class="city-head">
                <span class="city-name">{move || i18n.pick(&th, &en).to_owned()}</span>
                <span class="city-links no-print">
                    <A href=move || sheet("city")>{tr(T::CitySheet)}</A>
                    <A href=move || sheet("mou")>{tr(T::MouSheet)}</A>
                </span>
            </div>
            <CityBarChart shares label/>
            <p class="city-figures">{figures}</p>
        </li>
    }
}
