//! Dates, typed and shown in the Buddhist Era, with a BE calendar picker.

use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;

use super::calendar::Calendar;
use super::marks::{field_dom_id, merged, Mark, MarksFrom};
use super::text::FormText;
use super::text_field::{frame, read_typed, typed_input, InputKind};
use super::{t, Bind};
use crate::domain::dates::{be_year, format_be_short, format_en, parse_date};
use crate::domain::records::Dataset;
use crate::domain::rules::date_doubt;
use crate::ui::i18n::{use_i18n, Lang, Text};
use crate::ui::state::AppState;

/// A date. Typed the Thai way ("3.2.2561", "3 ก.พ. 61", Thai digits; `parse_date`) or
/// picked from a BE calendar. The typed text is kept while it cannot be read, with the
/// reason at the field. Under the field is the full date as understood ("3/2/61" → "3 ก.พ.
/// 2561") before anything is saved; a date the programme cannot have (before it began, far
/// ahead, or a BE/CE mix-up: "3/2/18" reads as BE 2518) is a warning with its reading in both
/// eras, the same reading as the `date.era_suspect` rule, never silently accepted.
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
    /// Messages at the field (`marks=s`: an editing session's at `field`).
    #[prop(optional, into)]
    marks: MarksFrom,
    /// Empty is an error when true.
    #[prop(optional)]
    required: bool,
    /// A hint under the field (how to type a date, by default).
    #[prop(optional, into)]
    hint: Option<Signal<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let marks = marks.at(&field);
    let dom_id = field_dom_id(&field);
    let open = RwSignal::new(false);
    let parsed = read_typed(value, required, parse_date);
    let date = Signal::derive(move || parsed.get().and_then(|r| r.ok()));
    // Outside an app (a lone field in a test) the programme start is the shipped one.
    let app = use_context::<AppState>();
    let doubt = Memo::new(move |_| {
        let d = date.get()?;
        match app {
            Some(app) => app.dataset.with(|ds| date_doubt(ds, today, d)),
            None => date_doubt(&Dataset::default(), today, d),
        }
    });
    let all_marks = Signal::derive(move || {
        let marks = marks.get();
        // The rule's own finding at this field says the same, with its code: show it once.
        let ruled = marks.iter().any(|m| m.code == Some("date.era_suspect"));
        let own = match (parsed.get(), doubt.get().filter(|_| !ruled)) {
            (Some(Err(e)), _) => vec![Mark::input(e.message_th(), e.message_en())],
            (_, Some((th, en))) => {
                let (lead_th, lead_en) = FormText::EraSuspect.pair();
                vec![Mark::warning(
                    format!("{lead_th} {th}"),
                    format!("{lead_en} {en}"),
                )]
            }
            _ => Vec::new(),
        };
        merged(own, marks)
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
            <p class="date-shown" data-testid="date-shown" aria-live="polite">
                {move || {
                    let doubtful = doubt.with(Option::is_some);
                    match (i18n.lang.get(), doubtful) {
                        (Lang::Th, false) => format!("{} {}", i18n.t(FormText::ReadAs), format_be_short(d)),
                        (Lang::Th, true) => format!("{} {} (ค.ศ. {})", i18n.t(FormText::ReadAs), format_be_short(d), d.year()),
                        _ => format!("{} {} (BE {})", i18n.t(FormText::ReadAs), format_en(d), be_year(d)),
                    }
                }}
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
