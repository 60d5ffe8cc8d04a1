//! Amounts of money as staff type them.

use leptos::prelude::*;

use super::marks::{field_dom_id, merged, Mark};
use super::text::FormText;
use super::text_field::{aria_invalid, described_by, frame};
use super::Bind;
use crate::domain::baht_text::baht_text;
use crate::domain::money::Baht;
use crate::ui::i18n::{tr, use_i18n};

/// An amount in baht. Accepts "350,000", "๓๕๐,๐๐๐", "350000.5 บาท" (`Baht::parse`); the
/// typed text is kept as typed while it cannot be read, with the reason at the field.
/// Once readable, the amount is shown underneath with separators and in Thai words
/// (BAHTTEXT), as on a cheque, so a slipped zero is seen at once.
#[component]
pub fn MoneyField(
    /// The field's path in the record; gives the input its id.
    #[prop(into)]
    field: String,
    /// The label, in the interface language.
    #[prop(into)]
    label: Signal<String>,
    /// The amount as typed.
    value: Bind<String>,
    /// Messages at the field (findings; a form's own "cannot read" is not repeated).
    #[prop(optional, into)]
    marks: Signal<Vec<Mark>>,
    /// Empty is an error when true; otherwise empty means "no amount".
    #[prop(optional)]
    required: bool,
    /// A hint under the field (a default about digits and commas otherwise).
    #[prop(optional, into)]
    hint: Option<Signal<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let dom_id = field_dom_id(&field);
    let parsed = Memo::new(move |_| {
        let raw = value.get.get();
        if raw.trim().is_empty() && !required {
            None
        } else {
            Some(Baht::parse(&raw))
        }
    });
    let all_marks = Signal::derive(move || {
        let own = match parsed.get() {
            Some(Err(e)) => vec![Mark::input(e.message_th(), e.message_en())],
            _ => Vec::new(),
        };
        merged(own, marks.get())
    });
    let hint = Some(
        hint.unwrap_or_else(|| Signal::derive(move || i18n.t(FormText::MoneyHint).to_string())),
    );
    let input = view! {
        <div class="input-with-suffix">
            <input
                type="text"
                id=dom_id.clone()
                name=field
                inputmode="decimal"
                autocomplete="off"
                class="input-money"
                aria-invalid=move || all_marks.with(|m| aria_invalid(m))
                aria-describedby=described_by(&dom_id, true)
                prop:value=move || value.get.get()
                on:input=move |ev| value.put(event_target_value(&ev))
            />
            <span class="suffix" aria-hidden="true">{tr(FormText::Baht)}</span>
        </div>
    };
    let shown = move || match parsed.get() {
        Some(Ok(b)) => Some(view! {
            <p class="money-shown" data-testid="money-shown">
                <span class="money-figure">{b.format()} " " {tr(FormText::Baht)}</span>
                " "
                <span class="money-words" lang="th">"(" {baht_text(b)} ")"</span>
            </p>
        }),
        _ => None,
    };
    frame(dom_id, label, required, hint, all_marks, input, shown)
}
