//! Where the rows go: the city, its community (or the sheet's community column) and,
//! optionally, the survey round.

use leptos::prelude::*;

use super::text::ImportText as T;
use super::St;
use crate::domain::meta::RecordId;
use crate::domain::records::survey::{Community, SurveyRound};
use crate::domain::sorting::SortSmall;
use crate::ui::forms::screens::city_options_by_shown_name;
use crate::ui::i18n::tr;
use crate::ui::state::use_app;

#[component]
pub fn TargetPanel(st: St) -> impl IntoView {
    let app = use_app();
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
    // Another city's community or round cannot stay chosen.
    let city_chosen = move |id: String| {
        st.city.set(id);
        st.community.set(String::new());
        st.round.set(String::new());
    };
    view! {
        <fieldset class="panel import-target">
            <legend>{tr(T::Where)}</legend>
            {chooser("import-city", (T::City, T::ChooseCity), st.city, city_options_by_shown_name(), city_chosen)}
            {chooser("import-community", (T::Community, T::FromColumn), st.community, communities.into(), move |id| st.community.set(id))}
            {chooser("import-round", (T::Round, T::NoRound), st.round, rounds.into(), move |id| st.round.set(id))}
        </fieldset>
    }
}

/// A labelled select (`id` is also its test id) of `options`, with `""` first, labelled
/// `none`; `pick` takes the chosen value.
fn chooser(
    id: &'static str,
    (label, none): (T, T),
    value: RwSignal<String>,
    options: Signal<Vec<(String, String)>>,
    pick: impl Fn(String) + 'static,
) -> impl IntoView {
    view! {
        <label for=id>{tr(label)}</label>
        <select id=id data-testid=id
            prop:value=move || value.get()
            on:change=move |ev| pick(event_target_value(&ev))>
            <option value="">{tr(none)}</option>
            <For each=move || options.get() key=|o| o.clone() let:o>
                <option value=o.0.clone() selected=move || value.get() == o.0>{o.1.clone()}</option>
            </For>
        </select>
    }
}
