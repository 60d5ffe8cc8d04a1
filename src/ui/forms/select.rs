//! A choice among fixed options (enums, provinces, cities).

use leptos::prelude::*;
use serde::Serialize;

use super::marks::{field_dom_id, MarksFrom};
use super::text::FormText;
use super::text_field::{aria_invalid, described_by, frame};
use super::Bind;
use crate::domain::forms::form::enum_key;
use crate::domain::reports::Label;
use crate::ui::i18n::{use_i18n, Lang};

/// `(value, label)` options for an enum with Thai/English labels, in the given order.
/// Values are the enum's stable keys (what `RecordForm`s store).
pub fn enum_options<T: Label + Serialize + Copy + Send + Sync + 'static>(
    all: &'static [T],
) -> Signal<Vec<(String, String)>> {
    let i18n = use_i18n();
    Signal::derive(move || {
        let lang = i18n.lang.get();
        all.iter()
            .map(|v| {
                let label = match lang {
                    Lang::Th => v.label_th(),
                    Lang::En => v.label_en(),
                };
                (enum_key(v), label.to_string())
            })
            .collect()
    })
}

/// A `<select>`. With `placeholder` (the default) an empty "— choose —" option comes
/// first, so nothing is chosen by accident.
#[component]
pub fn SelectField(
    /// The field's path in the record; gives the select its id.
    #[prop(into)]
    field: String,
    /// The label, in the interface language.
    #[prop(into)]
    label: Signal<String>,
    /// The chosen value ("" for none).
    value: Bind<String>,
    /// `(value, label)` pairs.
    #[prop(into)]
    options: Signal<Vec<(String, String)>>,
    /// Messages at the field (`marks=s`: an editing session's at `field`).
    #[prop(optional, into)]
    marks: MarksFrom,
    /// A hint under the field.
    #[prop(optional, into)]
    hint: Option<Signal<String>>,
    /// Leave out the empty "— choose —" option (for filters that have their own "all").
    #[prop(optional)]
    no_placeholder: bool,
    /// Shows the "required" star.
    #[prop(optional)]
    required: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let marks = marks.at(&field);
    let dom_id = field_dom_id(&field);
    let select = view! {
        <select
            id=dom_id.clone()
            name=field
            aria-invalid=move || marks.with(|m| aria_invalid(m))
            aria-describedby=described_by(&dom_id, hint.is_some())
            prop:value=move || value.get.get()
            on:change=move |ev| value.put(event_target_value(&ev))
        >
            {(!no_placeholder).then(|| view! {
                <option value="">{move || i18n.t(FormText::ChooseOne)}</option>
            })}
            <For each=move || options.get() key=|o| o.clone() let:o>
                <option value=o.0.clone() selected=move || value.get.get() == o.0>{o.1.clone()}</option>
            </For>
        </select>
    };
    frame(dom_id, label, required, hint, marks, select, ())
}
