//! `/survey/city/:id/households`: every household of a city, filtered by community,
//! condition, need, land tenure and words, sorted, shown 50 at a time (a region's 100,000
//! filter and sort within a frame: `HouseholdIndex`). Names and phones stay hidden until
//! the person ticks the box, and are not searched while hidden (PDPA).

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::domain::meta::RecordId;
use crate::domain::records::survey::{Choice, HouseCondition, LandTenure, Need};
use crate::domain::records::City;
use crate::domain::views::household_list::{
    HouseholdFilter, HouseholdIndex, HouseholdLine, HouseholdSort,
};
use crate::domain::views::paging::page;
use crate::ui::fmt;
use crate::ui::i18n::{tr, use_i18n, Msg};
use crate::ui::state::use_app;
use crate::ui::table::{Col, ReportTable};

use super::text::SurveyText as T;

const PER_PAGE: usize = 50;

#[component]
pub fn SurveyHouseholdsPage() -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let params = use_params_map();
    let city =
        Memo::new(move |_| params.with(|p| p.get("id").and_then(|s| s.parse::<RecordId>().ok())));
    let name = Memo::new(move |_| {
        let id = city.get()?;
        app.dataset.with(|ds| {
            ds.live::<City>()
                .find(|c| c.meta.id == id)
                .map(|c| (c.name_th.clone(), c.name_en.clone()))
        })
    });
    let index = Memo::new(move |_| {
        city.get()
            .map(|id| app.dataset.with(|ds| HouseholdIndex::new(ds, id)))
            .unwrap_or_default()
    });
    let filter = RwSignal::new(HouseholdFilter::default());
    let sort = RwSignal::new(HouseholdSort::default());
    let at = RwSignal::new(0usize);
    let picked = Memo::new(move |_| index.with(|i| filter.with(|f| i.select(f, sort.get()))));
    // A new filter or order starts again at the first page.
    Effect::new(move |_| {
        filter.track();
        sort.track();
        at.set(0);
    });
    let shown = Memo::new(move |_| {
        picked.with(|p| {
            let (rows, pages) = page(p, at.get(), PER_PAGE);
            let lines: Vec<HouseholdLine> =
                index.with(|i| rows.iter().filter_map(|&n| i.line(n)).collect());
            (lines, pages)
        })
    });
    let personal = Memo::new(move |_| filter.with(|f| f.personal));
    let community_of = move |l: &HouseholdLine| index.with(|i| i.community_name(l).to_owned());
    let title = move || {
        let city = name
            .get()
            .map(|(th, en)| i18n.pick(&th, &en).to_owned())
            .unwrap_or_default();
        format!("{} · {city}", i18n.t(T::HouseholdList))
    };
    view! {
        <section class="page survey-households" data-testid="survey-households">
            <p class="breadcrumb">
                <A href=move || city.get().map(|c| format!("/survey/city/{c}")).unwrap_or_else(|| "/survey".into())>
                    "← " {move || name.get().map(|(th, en)| i18n.pick(&th, &en).to_owned())}
                </A>
            </p>
            <h1>{title}</h1>
            <Show when=move || app.loaded.get() fallback=|| view! { <p>{tr(Msg::Loading)}</p> }>
                <Show when=move || name.get().is_some() fallback=|| view! {
                    <p class="field-error" role="alert">{tr(T::NotFound)}</p>
                }>
                    <Filters index filter sort/>
                    <p class="list-count" role="status" data-testid="households-found">
                        {tr(T::Found)} " " {move || fmt::number(picked.with(Vec::len))}
                        " " {tr(T::Of)} " " {move || fmt::number(index.with(|i| i.len()))}
                    </p>
                    <Show when=move || picked.with(|p| !p.is_empty()) fallback=|| view! {
                        <p class="empty">{tr(T::NoHouseholds)}</p>
                    }>
                        {move || {
                            let personal = personal.get();
                            view! {
                                <ReportTable testid="city-households" cols=columns(personal)>
                                    <For each=move || shown.get().0 key=|l| (l.id, l.house_number.clone()) let:l>
                                        <Line community=community_of(&l) personal l/>
                                    </For>
                                </ReportTable>
                            }
                        }}
                        <Pager at pages=Signal::derive(move || shown.with(|s| s.1))/>
                    </Show>
                </Show>
            </Show>
        </section>
    }
}

fn columns(personal: bool) -> Vec<Col> {
    let mut cols = vec![Col::text(T::HouseNumber), Col::text(T::Communities)];
    if personal {
        cols.extend([Col::text(T::Head), Col::text(T::Phone)]);
    }
    cols.extend([
        Col::num(T::Members),
        Col::text(T::Condition),
        Col::text(T::Need),
        Col::text(T::LandTenure),
    ]);
    cols
}

#[component]
fn Line(
    /// The household.
    l: HouseholdLine,
    /// Its community's name.
    community: String,
    /// Names and phones are shown.
    personal: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let label =
        |c: Option<(&'static str, &'static str)>| move || c.map(|(th, en)| i18n.pick(th, en));
    let house = if l.house_number.trim().is_empty() {
        "—".to_string()
    } else {
        l.house_number.clone()
    };
    let (head, phone) = (l.head_name.clone(), l.phone.clone());
    view! {
        <tr data-testid="household-line">
            <td><A href=format!("/households/{}", l.id)>{house}</A></td>
            <td lang="th">{community}</td>
            {personal.then(|| view! { <td lang="th">{head}</td><td class="phone">{phone}</td> })}
            <td class="num">{fmt::number(l.members as usize)}</td>
            <td>{label(l.condition.map(|c| (c.th(), c.en())))}</td>
            <td>{label(l.need.map(|c| (c.th(), c.en())))}</td>
            <td>{label(l.land_tenure.map(|c| (c.th(), c.en())))}</td>
        </tr>
    }
}

/// A `<select>` of a choice list with "all" first; writes `set` on change.
fn choice_select<C: Choice + Send + Sync>(
    id: &'static str,
    label: T,
    current: impl Fn() -> Option<C> + Send + Sync + 'static,
    set: impl Fn(Option<C>) + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let options = C::all()
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let c = *c;
            view! { <option value=i.to_string()>{move || i18n.pick(c.th(), c.en())}</option> }
        })
        .collect_view();
    view! {
        <label class="field" for=id>
            <span class="label">{tr(label)}</span>
            <select id=id prop:value=move || current().map(|c| c.index().to_string()).unwrap_or_default()
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    set(v.parse::<usize>().ok().and_then(|i| C::all().get(i).copied()));
                }>
                <option value="">{tr(T::AnyChoice)}</option>
                {options}
            </select>
        </label>
    }
}

#[component]
fn Filters(
    /// The city's households.
    index: Memo<HouseholdIndex>,
    /// What is filtered.
    filter: RwSignal<HouseholdFilter>,
    /// The order.
    sort: RwSignal<HouseholdSort>,
) -> impl IntoView {
    let i18n = use_i18n();
    let communities = move || {
        index.with(|i| {
            i.communities
                .iter()
                .map(|(id, name)| view! { <option value=id.to_string()>{name.clone()}</option> })
                .collect_view()
        })
    };
    let sorts = HouseholdSort::ALL
        .into_iter()
        .map(|s| {
            let label = match s {
                HouseholdSort::Community => T::SortCommunity,
                HouseholdSort::HouseNumber => T::SortHouse,
                HouseholdSort::Members => T::SortMembers,
                HouseholdSort::Condition => T::SortCondition,
            };
            view! { <option value=s.key()>{tr(label)}</option> }
        })
        .collect_view();
    view! {
        <form class="panel household-filters" role="search" aria-label=move || i18n.t(T::Filter) on:submit=|ev| ev.prevent_default()>
            <label class="field" for="hh-community">
                <span class="label">{tr(T::Communities)}</span>
                <select id="hh-community"
                    prop:value=move || filter.with(|f| f.community.map(|c| c.to_string()).unwrap_or_default())
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        filter.update(|f| f.community = v.parse().ok());
                    }>
                    <option value="">{tr(T::AnyCommunity)}</option>
                    {communities}
                </select>
            </label>
            {choice_select::<HouseCondition>("hh-condition", T::Condition,
                move || filter.with(|f| f.condition), move |c| filter.update(|f| f.condition = c))}
            {choice_select::<Need>("hh-need", T::Need,
                move || filter.with(|f| f.need), move |c| filter.update(|f| f.need = c))}
            {choice_select::<LandTenure>("hh-tenure", T::LandTenure,
                move || filter.with(|f| f.land_tenure), move |c| filter.update(|f| f.land_tenure = c))}
            <label class="field" for="hh-search">
                <span class="label">{tr(T::Search)}</span>
                <input id="hh-search" type="text" inputmode="search" enterkeyhint="search" placeholder=move || i18n.t(T::SearchHint)
                    prop:value=move || filter.with(|f| f.text.clone())
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        filter.update(|f| f.text = v);
                    }/>
            </label>
            <label class="field" for="hh-sort">
                <span class="label">{tr(T::SortBy)}</span>
                <select id="hh-sort" prop:value=move || sort.get().key()
                    on:change=move |ev| {
                        if let Some(s) = HouseholdSort::from_key(&event_target_value(&ev)) {
                            sort.set(s);
                        }
                    }>
                    {sorts}
                </select>
            </label>
            <label class="choice personal-choice">
                <input type="checkbox" data-testid="show-personal"
                    prop:checked=move || filter.with(|f| f.personal)
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        filter.update(|f| f.personal = on);
                    }/>
                <span>
                    <span class="strong">{tr(T::ShowPersonal)}</span>
                    <span class="hint block">{tr(T::ShowPersonalHint)}</span>
                </span>
            </label>
        </form>
    }
}

#[component]
fn Pager(
    /// The page shown, from 0.
    at: RwSignal<usize>,
    /// How many pages.
    pages: Signal<usize>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <nav class="pager no-print" aria-label=move || i18n.t(T::Page)>
            <button type="button" class="secondary" disabled=move || at.get() == 0
                on:click=move |_| at.update(|p| *p = p.saturating_sub(1))>{tr(T::Previous)}</button>
            <span data-testid="households-page">
                {tr(T::Page)} " " {move || fmt::number(at.get().min(pages.get() - 1) + 1)}
                " " {tr(T::Of)} " " {move || fmt::number(pages.get())}
            </span>
            <button type="button" class="secondary" disabled=move || at.get() + 1 >= pages.get()
                on:click=move |_| at.update(|p| *p += 1)>{tr(T::Next)}</button>
        </nav>
    }
}
