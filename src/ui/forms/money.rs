//! Amounts of money as staff type them.

use leptos::prelude::*;

use super::marks::{field_dom_id, merged, Mark, MarksFrom};
use super::screens::ScreenText;
use super::text::FormText;
use super::text_field::{frame, read_typed, typed_input, InputKind};
use super::{t, Bind};
use crate::domain::baht_text::baht_text;
use crate::domain::forms::form::money_text;
use crate::domain::money::Baht;
use crate::ui::i18n::tr;

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
    marks: MarksFrom,
    /// Empty is an error when true; otherwise empty means "no amount".
    #[prop(optional)]
    required: bool,
    /// A hint under the field (a default about digits and commas otherwise).
    #[prop(optional, into)]
    hint: Option<Signal<String>>,
) -> impl IntoView {
    let marks = marks.at(&field);
    let dom_id = field_dom_id(&field);
    let parsed = read_typed(value, required, Baht::parse);
    let all_marks = Signal::derive(move || {
        let own = match parsed.get() {
            Some(Err(e)) => vec![Mark::input(e.message_th(), e.message_en())],
            _ => Vec::new(),
        };
        merged(own, marks.get())
    });
    let hint = Some(hint.unwrap_or_else(|| t(FormText::MoneyHint)));
    let input = view! {
        <div class="input-with-suffix">
            {typed_input(&dom_id, field, value, all_marks, true, InputKind::Money)}
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

/// The amount the rules expect, under an amount field, with a button that types it in.
#[component]
pub fn ExpectedAmount(
    /// What comes before the amount ("ตามเกณฑ์:").
    #[prop(into)]
    lead: Signal<String>,
    /// The expected amount, when the form says enough to know it.
    #[prop(into)]
    expected: Signal<Option<Baht>>,
    /// The amount field it fills.
    amount: Bind<String>,
) -> impl IntoView {
    move || {
        expected.get().map(|b| {
            view! {
                <p class="expected" data-testid="expected-amount">
                    {move || lead.get()} " " <strong>{b.format()}</strong> " "
                    <button type="button" class="secondary small" data-testid="use-expected"
                        on:click=move |_| amount.put(money_text(Some(b)))>
                        {tr(ScreenText::UseExpected)}
                    </button>
                </p>
            }
        })
    }
}
