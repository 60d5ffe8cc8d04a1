//! A month calendar in the Buddhist Era, for the date field's picker: Thai month names,
//! BE years, weeks from Sunday. Not the browser's date input, which shows CE.

use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;

use super::text::FormText;
use crate::domain::dates::{format_be_long, format_en, BE_OFFSET};
use crate::domain::forms::calendar::{month_names, MonthView, WEEKDAYS};
use crate::ui::i18n::{tr, use_i18n, Lang};

/// The picker. Choosing a day calls `on_pick`; Escape or the close button call `on_close`.
#[component]
pub fn Calendar(
    /// Prefix for the ids of its month and year selects (the date field's id).
    #[prop(into)]
    id: String,
    /// The date shown as chosen, if any.
    #[prop(into)]
    selected: Signal<Option<NaiveDate>>,
    /// The month shown first.
    start: NaiveDate,
    /// Today, marked in the grid.
    today: NaiveDate,
    /// A day was chosen.
    on_pick: Callback<NaiveDate>,
    /// Closed without choosing.
    on_close: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let month = RwSignal::new(MonthView::of(start));
    let thai = move || i18n.lang.get() == Lang::Th;
    let month_id = format!("{id}-cal-month");
    let year_id = format!("{id}-cal-year");
    let years = move || {
        let centre = month.get().be_year().max(today.year() + BE_OFFSET);
        ((centre - 12)..=(centre + 3)).rev().collect::<Vec<i32>>()
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.prevent_default();
            on_close.run(());
        }
    };
    view! {
        <div class="calendar" role="dialog" aria-label=move || i18n.t(FormText::PickDate) on:keydown=on_key>
            <div class="cal-head">
                <button type="button" class="icon-button" aria-label=move || i18n.t(FormText::PreviousMonth)
                    on:click=move |_| month.update(|m| *m = m.previous())>"‹"</button>
                <label class="visually-hidden" for=month_id.clone()>{tr(FormText::Month)}</label>
                <select id=month_id class="cal-month"
                    prop:value=move || month.get().first.month().to_string()
                    on:change=move |ev| {
                        if let Ok(m) = event_target_value(&ev).parse::<u32>() {
                            month.update(|v| *v = v.with_month(m));
                        }
                    }>
                    {month_names().into_iter().enumerate().map(|(i, (th, en))| {
                        let n = i as u32 + 1;
                        view! {
                            <option value=n.to_string() selected=move || month.get().first.month() == n>
                                {move || if thai() { th } else { en }}
                            </option>
                        }
                    }).collect_view()}
                </select>
                <label class="visually-hidden" for=year_id.clone()>{tr(FormText::Year)}</label>
                <select id=year_id class="cal-year"
                    prop:value=move || month.get().be_year().to_string()
                    on:change=move |ev| {
                        if let Ok(y) = event_target_value(&ev).parse::<i32>() {
                            month.update(|v| *v = v.with_be_year(y));
                        }
                    }>
                    <For each=years key=|y| *y let:y>
                        <option value=y.to_string() selected=move || month.get().be_year() == y>
                            {move || if thai() { format!("พ.ศ. {y}") } else { format!("BE {y} ({})", y - BE_OFFSET) }}
                        </option>
                    </For>
                </select>
                <button type="button" class="icon-button" aria-label=move || i18n.t(FormText::NextMonth)
                    on:click=move |_| month.update(|m| *m = m.next())>"›"</button>
            </div>
            <div class="cal-title-row">
                <p class="cal-title" aria-live="polite">{move || month.get().title(thai())}</p>
                <button type="button" class="icon-button secondary cal-close" aria-label=move || i18n.t(FormText::CloseCalendar)
                    on:click=move |_| on_close.run(())>"×"</button>
            </div>
            <table class="cal-grid">
                <thead>
                    <tr>
                        {WEEKDAYS.iter().map(|(th, en)| view! {
                            <th scope="col">{move || if thai() { *th } else { *en }}</th>
                        }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {move || month.get().weeks().into_iter().map(|week| view! {
                        <tr>
                            {week.into_iter().map(|cell| match cell {
                                None => view! { <td></td> }.into_any(),
                                Some(d) => view! {
                                    <td>
                                        <button
                                            type="button"
                                            class="cal-day"
                                            class:cal-today=d == today
                                            aria-pressed=move || (selected.get() == Some(d)).to_string()
                                            aria-label=move || if thai() { format_be_long(d) } else { format_en(d) }
                                            data-date=d.to_string()
                                            on:click=move |_| on_pick.run(d)
                                        >{d.day()}</button>
                                    </td>
                                }.into_any(),
                            }).collect_view()}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
