//! Whole numbers: counts of people, progress in percent.

use leptos::prelude::*;

use super::marks::{field_dom_id, MarksFrom};
use super::text_field::{frame, typed_input, InputKind};
use super::Bind;

/// A whole number, typed as text (Thai digits are fine) so nothing typed is lost; the
/// record's form reads it (`Reader::whole`) and reports what it cannot read as a mark.
/// `inputmode="numeric"` brings the number pad on tablets.
#[component]
pub fn NumberField(
    /// The field's path in the record; gives the input its id.
    #[prop(into)]
    field: String,
    /// The label, in the interface language.
    #[prop(into)]
    label: Signal<String>,
    /// The number as typed.
    value: Bind<String>,
    /// Messages at the field (`marks=s`: an editing session's at `field`).
    #[prop(optional, into)]
    marks: MarksFrom,
    /// A hint under the field.
    #[prop(optional, into)]
    hint: Option<Signal<String>>,
    /// Shown after the input, e.g. "%".
    #[prop(optional)]
    suffix: Option<&'static str>,
) -> impl IntoView {
    let marks = marks.at(&field);
    let dom_id = field_dom_id(&field);
    let input = view! {
        <div class="input-with-suffix">
            {typed_input(&dom_id, field, value, marks, hint.is_some(), InputKind::Number)}
            {suffix.map(|s| view! { <span class="suffix" aria-hidden="true">{s}</span> })}
        </div>
    };
    frame(dom_id, label, false, hint, marks, input, ())
}
