//! Dates, typed and shown in the Buddhist Era, with a BE calendar picker.

use chrono::NaiveDate;
use leptos::prelude::*;

use super::calendar::Calendar;
use super::marks::{field_dom_id, merged, Mark};
use super::text::FormText;
use super::text_field::{frame, read_typed, typed_input, InputKind};
use super::{t, Bind};
use crate::domain::dates::{
    be_year, format_be_long, format_be_short, format_en, is_era_suspect, parse_date,
};
use crate::ui::i18n::{use_i18n, Lang, Text};

/// A date. Typed the Thai way ("3.2.2561", "3 ก.พ. 61", Thai digits; `parse_date`) or
/// picked from a BE calendar. The typed text is kept while it cannot be read, with the
/// reason at the field; a year that looks like a BE/CE mix-up is a warning, not refused.
///
/// `inputmode="decimal"` brings the number pad with a point on tablets: "3.2.2561" is a
/// date `parse_date` reads, and the calendar covers the rest.
#[component]
pub fn DateField(
    /// The field's path in the record; gives the input its id.
    #[prop(into)]
    field: String,
    /// The label, in the interface language.
    #[prop(into)]
    label: Signal<String>,
    /// The date as typed.
    value: Bind<String>,
    /// Today, for the calendar's first month and mark (from `ui::edit::today()`).
    today: NaiveDate,
    /// Messages at the field.
    #[prop(optional, into)]
    marks: Signal<Vec<Mark>>,
    /// Empty is an error when true.
    #[prop(optional)]
    required: bool,
    /// A hint under the field (how to type a date, by default).
    #[prop(optional, into)]
    hint: Option<Signal<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let dom_id = field_dom_id(&field);
    let open = RwSignal::new(false);
    let parsed = read_typed(value, required, parse_date);
    let date = Signal::derive(move || parsed.get().and_then(|r| r.ok()));
    let all_marks = Signal::derive(move || {
        let own = match parsed.get() {
            Some(Err(e)) => vec![Mark::input(e.message_th(), e.message_en())],
            Some(Ok(d)) if is_era_suspect(d) => {
                let (th, en) = FormText::EraSuspect.pair();
                vec![Mark::warning(th, en)]
            }
            _ => Vec::new(),
        };
        merged(own, marks.get())
    });
    let hint = Some(hint.unwrap_or_else(|| t(FormText::DateHint)));
    let cal_id = dom_id.clone();
    let input = view! {
        <div class="input-with-button">
            {typed_input(&dom_id, field, value, all_marks, true, InputKind::Date)}
            <button
                type="button"
                class="secondary icon-button cal-open"
                aria-expanded=move || open.get().to_string()
                aria-label=move || i18n.t(FormText::PickDate)
                title=move || i18n.t(FormText::PickDate)
                on:click=move |_| open.update(|o| *o = !*o)
            >
                <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
                    <rect x="3" y="5" width="18" height="16" rx="2" fill="none" stroke="currentColor" stroke-width="2"/>
                    <path d="M3 10h18M8 3v4M16 3v4" stroke="currentColor" stroke-width="2"/>
                </svg>
            </button>
        </div>
    };
    let extra = view! {
        {move || date.get().map(|d| view! {
            <p class="date-shown">
                {move || if i18n.lang.get() == Lang::Th { format_be_long(d) } else { format!("{} (BE {})", format_en(d), be_year(d)) }}
            </p>
        })}
        <Show when=move || open.get()>
            <Calendar
                id=cal_id.clone()
                selected=date
                start=date.get_untracked().unwrap_or(today)
                today=today
                on_pick=Callback::new(move |d: NaiveDate| {
                    value.put(format_be_short(d));
                    open.set(false);
                })
                on_close=Callback::new(move |_| open.set(false))
            />
        </Show>
    };
    frame(dom_id, label, required, hint, all_marks, input, extra)
}
