//! The communities a project serves and the households it reaches (issue #12, part 5):
//! a tick box per community of the project's city (a community ticked elsewhere stays in
//! the list, marked, so it can be unticked), then the number of households reached.

use leptos::prelude::*;
use leptos_router::components::A;

use super::text::ProjectText;
use crate::domain::forms::project_form::ProjectForm;
use crate::domain::meta::RecordId;
use crate::domain::records::survey::Community;
use crate::domain::views::thai_sort::thai_sort_key;
use crate::ui::edit::EditSession;
use crate::ui::fmt;
use crate::ui::forms::{field_dom_id, t, FieldMarks, NumberField};
use crate::ui::i18n::{tr, use_i18n};
use crate::ui::state::use_app;

/// A community offered: id, name, stated households, whether it is of another city.
type Offered = (String, String, Option<u32>, bool);

#[component]
pub fn Beneficiaries(
    /// The project's editing session.
    s: EditSession<ProjectForm>,
) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let city = Memo::new(move |_| s.form.with(|f| f.city_id.parse::<RecordId>().ok()));
    let offered = Memo::new(move |_| {
        let city = city.get();
        let ticked = s.form.with(|f| f.community_ids.clone());
        app.dataset.with(|ds| {
            let mut out: Vec<Offered> = ds
                .live::<Community>()
                .filter(|c| Some(c.city_id) == city || ticked.contains(&c.meta.id.to_string()))
                .map(|c| {
                    let other = Some(c.city_id) != city;
                    (c.meta.id.to_string(), c.name.clone(), c.households, other)
                })
                .collect();
            out.sort_by_cached_key(|(id, name, _, other)| {
                (*other, thai_sort_key(name), id.clone())
            });
            out
        })
    });
    let toggle = move |id: String, on: bool| {
        s.form.update(|f| {
            f.community_ids.retain(|c| *c != id);
            if on {
                f.community_ids.push(id);
            }
        })
    };
    let dom_id = field_dom_id("community_ids");
    let marks_for = dom_id.clone();
    let add = move || {
        city.get().map_or_else(
            || "/communities/new".to_string(),
            |c| format!("/communities/new?city={c}"),
        )
    };
    view! {
        <fieldset class="panel beneficiaries" id=dom_id data-testid="beneficiaries">
            <legend>{tr(ProjectText::Beneficiaries)}</legend>
            <p class="hint">{tr(ProjectText::BeneficiariesHint)}</p>
            <Show when=move || !offered.with(Vec::is_empty) fallback=move || view! {
                <p class="muted">{tr(ProjectText::NoCommunities)} " " <A href=add>{tr(ProjectText::AddCommunity)}</A></p>
            }>
                <ul class="check-list">
                    <For each=move || offered.get() key=|o| o.clone() let:o>
                        {
                            let (id, name, stated, other) = o;
                            let checked_id = id.clone();
                            let checked = move || s.form.with(|f| f.community_ids.contains(&checked_id));
                            view! {
                                <li>
                                    <label class="choice">
                                        <input type="checkbox" data-testid="served-community" value=id.clone()
                                            prop:checked=checked
                                            on:change=move |ev| toggle(id.clone(), event_target_checked(&ev))/>
                                        <span lang="th">{name}</span>
                                        {stated.map(|n| view! { <span class="muted">" · " {fmt::number(n as usize)} " " {tr(ProjectText::HouseholdsUnit)}</span> })}
                                        {other.then(|| view! { " " <span class="tag tag-warning">{tr(ProjectText::OtherCity)}</span> })}
                                    </label>
                                </li>
                            }
                        }
                    </For>
                </ul>
            </Show>
            <FieldMarks dom_id=marks_for marks=s.marks("community_ids")/>
            <NumberField field="households_reached" label=t(ProjectText::HouseholdsReached)
                hint=Signal::derive(move || i18n.t(ProjectText::HouseholdsReachedHint).to_owned())
                value=crate::bind!(s.form, households_reached) marks=s/>
        </fieldset>
    }
}
