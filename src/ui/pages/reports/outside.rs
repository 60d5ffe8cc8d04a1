//! Money of the year that no city in the report carries (a grant to a city without an
//! approved ceiling, …): shown so it is not silently lost from the totals.

use leptos::prelude::*;

use crate::domain::reports::Outside;
use crate::ui::i18n::{tr, use_i18n};

use super::text::ReportText as T;
use crate::ui::fmt;

#[component]
pub fn OutsideNotice(
    /// What the dashboard found outside its cities.
    #[prop(into)]
    outside: Signal<Outside>,
) -> impl IntoView {
    let i18n = use_i18n();
    let names = move || {
        outside.with(|o| {
            let cities = o
                .cities
                .iter()
                .map(|c| i18n.pick(&c.name_th, &c.name_en).to_owned());
            let provinces = o
                .provinces
                .iter()
                .map(|p| i18n.pick(&p.name_th, &p.name_en).to_owned());
            cities.chain(provinces).collect::<Vec<_>>().join(", ")
        })
    };
    let line = move |label: T, amount: fn(&Outside) -> crate::domain::money::Baht| {
        move || {
            format!(
                "{}: {} {}",
                i18n.t(label),
                fmt::money(outside.with(amount)),
                i18n.t(T::Baht)
            )
        }
    };
    view! {
        <Show when=move || !outside.with(Outside::is_empty)>
            <section class="panel notice-warn" aria-labelledby="outside-title" data-testid="outside">
                <h2 id="outside-title">{tr(T::OutsideTitle)}</h2>
                <p>{tr(T::OutsideIntro)}</p>
                <p class="strong">{names}</p>
                <ul>
                    <li>{line(T::CommitteeGrants, |o| o.committee_grants)}</li>
                    <li>{line(T::Transferred, |o| o.transferred)}</li>
                    <li>{line(T::ProvinceGrants, |o| o.province_grants)}</li>
                    <li>{move || format!("{}: {}", i18n.t(T::Projects), outside.with(|o| o.projects))}</li>
                </ul>
            </section>
        </Show>
    }
}
