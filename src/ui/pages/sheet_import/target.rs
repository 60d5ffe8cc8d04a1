//! Where the rows go: the city, its community (or the sheet's community column) and,
//! optionally, the survey round.

use leptos::prelude::*;

use super::text::ImportText as T;
use super::St;
use crate::domain::meta::RecordId;
use crate::domain::records::survey::{Community, SurveyRound};
use crate::domain::records::City;
use crate::domain::sorting::SortSmall;
use crate::ui::i18n::{tr, use_i18n};
use crate::ui::state::use_app;

#[component]
pub fn TargetPanel(st: St) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let cities = Memo::new(move |_| {
        let thai = i18n.lang.get() == crate::ui::i18n::Lang::Th;
        app.dataset.with(|ds| {
            let mut v: Vec<(String, String)> = ds
                .live::<City>()
                .map(|c| {
                    let name = if thai || c.name_en.trim().is_empty() {
                        &c.name_th
                    } else {
                        &c.name_en
                    };
                    (c.meta.id.to_string(), name.clone())
                })
                .collect();
            v.sort_by_small(|a, b| a.1.cmp(&b.1));
            v
        })
    });
    let city_id = move || st.city.with(|c| c.parse::<RecordId>().ok());
    let communities = Memo::new(move |_| {
        let city = city_id();
        app.dataset.with(|ds| {
            let mut v: Vec<(String, String)> = ds
                .live::<Community>()
                .filter(|c| Some(c.city_id) == city)
                .map(|c| (c.meta.id.to_string(), c.name.clone()))
                .collect();
            v.sort_by_small(|a, b| a.1.cmp(&b.1));
            v
        })
    });
    let rounds = Memo::new(move |_| {
        let city = city_id();
        app.dataset.with(|ds| {
            ds.live::<SurveyRound>()
                .filter(|r| Some(r.city_id) == city)
                .map(|r| (r.meta.id.to_string(), r.title.clone()))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <fieldset class="panel import-target">
            <legend>{tr(T::Where)}</legend>
            <label for="import-city">{tr(T::City)}</label>
            <select id="import-city" data-testid="import-city"
                prop:value=move || st.city.get()
                on:change=move |ev| {
                    st.city.set(event_target_value(&ev));
                    st.community.set(String::new());
                    st.round.set(String::new());
                }>
                <option value="">{tr(T::ChooseCity)}</option>
                <For each=move || cities.get() key=|o| o.clone() let:o>
                    <option value=o.0.clone() selected=move || st.city.get() == o.0>{o.1.clone()}</option>
                </For>
            </select>
            <label for="import-community">{tr(T::Community)}</label>
            <select id="import-community" data-testid="import-community"
                prop:value=move || st.community.get()
                on:change=move |ev| st.community.set(event_target_value(&ev))>
                <option value="">{tr(T::FromColumn)}</option>
                <For each=move || communities.get() key=|o| o.clone() let:o>
                    <option value=o.0.clone() selected=move || st.community.get() == o.0>{o.1.clone()}</option>
                </For>
            </select>
            <label for="import-round">{tr(T::Round)}</label>
            <select id="import-round" data-testid="import-round"
                prop:value=move || st.round.get()
                on:change=move |ev| st.round.set(event_target_value(&ev))>
                <option value="">{tr(T::NoRound)}</option>
                <For each=move || rounds.get() key=|o| o.clone() let:o>
                    <option value=o.0.clone() selected=move || st.round.get() == o.0>{o.1.clone()}</option>
                </For>
            </select>
        </fieldset>
    }
}
