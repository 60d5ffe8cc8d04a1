//! A short closed list as a row of big buttons (radio buttons under the skin), for the
//! survey's entry screen: one tap with a thumb instead of opening a select.

use leptos::prelude::*;

use super::marks::{field_dom_id, FieldMarks, MarksFrom};
use super::text_field::{aria_invalid, described_by};
use super::Bind;

/// A group of radio buttons drawn as buttons; the chosen one is filled. The group is a
/// `fieldset` with its label as the legend, so a screen reader says the question with each
/// choice. `value` holds the chosen key ("" for none yet).
#[component]
pub fn ChoiceButtons(
    /// The field's path in the record; gives the group its id (the anchor of findings).
    #[prop(into)]
    field: String,
    /// The question, in the interface language.
    #[prop(into)]
    label: Signal<String>,
    /// The chosen key.
    value: Bind<String>,
    /// `(key, label)` pairs, in the paper form's order.
    #[prop(into)]
    options: Signal<Vec<(String, String)>>,
    /// Messages at the field (`marks=s`: an editing session's at `field`).
    #[prop(optional, into)]
    marks: MarksFrom,
) -> impl IntoView {
    let marks = marks.at(&field);
    let dom_id = field_dom_id(&field);
    let name = dom_id.clone();
    let group_id = dom_id.clone();
    let described = described_by(&dom_id, false);
    let invalid = move || marks.with(|m| aria_invalid(m) == "true");
    view! {
        <fieldset class="field choice-field" class:field-invalid=invalid id=group_id
            aria-describedby=described>
            <legend class="label">{move || label.get()}</legend>
            <div class="choice-buttons">
                <For each=move || options.get() key=|o| o.clone() let:o>
                    {
                        let key = o.0.clone();
                        let chosen = {
                            let key = key.clone();
                            Signal::derive(move || value.get.get() == key)
                        };
                        view! {
                            <label class="choice" class:chosen=chosen>
                                <input type="radio" name=name.clone() value=key.clone()
                                    prop:checked=chosen
                                    on:change=move |_| value.put(key.clone())/>
                                <span>{o.1.clone()}</span>
                            </label>
                        }
                    }
                </For>
            </div>
            <FieldMarks dom_id=dom_id marks=marks/>
        </fieldset>
    }
}
