//! Second instalments overdue and due soon: the first thing the dashboard and the
//! regional summary show.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::lang::units;

use crate::domain::reports::{CityLine, Deadlines, DueSoon, Overdue, Waiting};
use crate::ui::i18n::{tr, use_i18n};
use crate::ui::table::{Col, ReportTable};

use super::text::ReportText as T;
use crate::ui::fmt;

#[component]
pub fn DeadlinesPanel(
    /// The dashboard's deadlines (from the `instalment.overdue` rule and due-soon reading).
    #[prop(into)]
    deadlines: Signal<Deadlines>,
    /// The year's second-instalment deadline; `None` when the year has none.
    #[prop(into)]
    deadline: Signal<Option<NaiveDate>>,
) -> impl IntoView {
    let i18n = use_i18n();
    // Most money still unpaid first, then by name (storage order means nothing to people).
    let overdue = Memo::new(move |_| {
        let mut rows = deadlines.with(|d| d.overdue.clone());
        fmt::sort_by_then_thai(
            &mut rows,
            |a, b| b.remaining.cmp(&a.remaining),
            |r| &r.city.name_th,
        );
        rows
    });
    // Soonest first (as the domain gives them), then by name.
    let due_soon = Memo::new(move |_| {
        let mut rows = deadlines.with(|d| d.due_soon.clone());
        fmt::sort_by_then_thai(
            &mut rows,
            |a, b| a.days_left.cmp(&b.days_left),
            |r| &r.city.name_th,
        );
        rows
    });
    // Oldest request first (as the domain gives them).
    let waiting = Memo::new(move |_| deadlines.with(|d| d.waiting.clone()));
    let nothing = move || {
        overdue.with(Vec::is_empty) && due_soon.with(Vec::is_empty) && waiting.with(Vec::is_empty)
    };
    let heading = move |title: T, n: usize| {
        format!(
            "{} · {}",
            i18n.t(title),
            units::CITIES.phrase(i18n.lang.get(), n)
        )
    };
    view! {
        <section class="panel deadlines" aria-labelledby="deadlines-title" data-testid="deadlines">
            <h2 id="deadlines-title">{tr(T::DeadlinesTitle)}</h2>
            <Show when=move || deadline.get().is_none()>
                <p class="muted">{tr(T::NoDeadline)}</p>
            </Show>
            <Show when=move || deadline.get().is_some() && nothing()>
                <p class="ok" data-testid="nothing-late">{tr(T::NothingLate)}</p>
            </Show>
            <Show when=move || !overdue.with(Vec::is_empty)>
                <h3 class="late" data-testid="overdue-heading">
                    {move || heading(T::OverdueTitle, overdue.with(Vec::len))}
                </h3>
                <ReportTable testid="overdue" cols=vec![
                    Col::text(T::ColCity), Col::text(T::ColDeadline), Col::num(T::ColDaysLate),
                    Col::num(T::ColOutstandingAtDeadline), Col::num(T::ColTransferredSoFar), Col::num(T::ColOutstanding),
                ]>
                    <For each=move || overdue.get() key=|o| o.city.city_id let:o>
                        <OverdueRow o/>
                    </For>
                </ReportTable>
            </Show>
            <Show when=move || !waiting.with(Vec::is_empty)>
                <h3 class="waiting" data-testid="waiting-heading">
                    {move || heading(T::WaitingTitle, waiting.with(Vec::len))}
                </h3>
                <p class="muted">{tr(T::WaitingNote)}</p>
                <div class="table-wrap" tabindex="0">
                    <table class="report-table" data-testid="waiting">
                        <thead>
                            <tr>
                                <th scope="col">{tr(T::ColCity)}</th>
                                <th scope="col" class="num">{tr(T::ColNumber)}</th>
                                <th scope="col">{tr(T::ColRequestedOn)}</th>
                                <th scope="col" class="num">{tr(T::ColDaysWaiting)}</th>
                                <th scope="col" class="num">{tr(T::ColAmount)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            <For each=move || waiting.get() key=|w| w.instalment_id let:w>
                                <WaitingRow w/>
                            </For>
                        </tbody>
                    </table>
                </div>
            </Show>
            <Show when=move || !due_soon.with(Vec::is_empty)>
                <h3 class="soon">{move || heading(T::DueSoonTitle, due_soon.with(Vec::len))}</h3>
                <ReportTable testid="due-soon" cols=vec![
                    Col::text(T::ColCity), Col::text(T::ColDeadline), Col::num(T::ColDaysLeft),
                    Col::num(T::Transferred), Col::num(T::ColOutstanding),
                ]>
                    <For each=move || due_soon.get() key=|d| d.city.city_id let:d>
                        <DueSoonRow d/>
                    </For>
                </ReportTable>
            </Show>
        </section>
    }
}

/// The city cell: name, with the province under it.
#[component]
fn CityCell(
    /// The city, with its province.
    city: CityLine,
) -> impl IntoView {
    let i18n = use_i18n();
    let CityLine {
        name_th,
        name_en,
        province_th,
        province_en,
        ..
    } = city;
    view! {
        <th scope="row" class="city-cell">
            <span>{move || i18n.pick(&name_th, &name_en).to_owned()}</span>
            <span class="sub">{move || i18n.pick(&province_th, &province_en).to_owned()}</span>
        </th>
    }
}

#[component]
fn OverdueRow(
    /// One overdue city, as the rule reported it.
    o: Overdue,
) -> impl IntoView {
    let i18n = use_i18n();
    let deadline = o.deadline;
    let (th, en) = (o.message_th.clone(), o.message_en.clone());
    view! {
        <tr title=move || i18n.pick(&th, &en).to_owned()>
            <CityCell city=o.city.clone()/>
            <td class="nowrap">{move || fmt::date(i18n.lang.get(), deadline)}</td>
            <td class="num late">{fmt::count(o.days_late)}</td>
            <td class="num">{fmt::money(o.outstanding_at_deadline)}</td>
            <td class="num">{fmt::money(o.transferred)}</td>
            <td class="num strong">{fmt::money(o.remaining)}</td>
        </tr>
    }
}

#[component]
fn WaitingRow(
    /// One request waiting for its transfer.
    w: Waiting,
) -> impl IntoView {
    let i18n = use_i18n();
    let requested = w.requested_date;
    view! {
        <tr>
            <CityCell city=w.city.clone()/>
            <td class="num">
                <a href=format!("/instalments/{}", w.instalment_id)>{w.number}</a>
            </td>
            <td class="nowrap">{move || fmt::date(i18n.lang.get(), requested)}</td>
            <td class="num">{fmt::count(w.days_waiting)}</td>
            <td class="num strong">{fmt::money(w.amount)}</td>
        </tr>
    }
}

#[component]
fn DueSoonRow(
    /// One city whose deadline is near.
    d: DueSoon,
) -> impl IntoView {
    let i18n = use_i18n();
    let deadline = d.deadline;
    view! {
        <tr>
            <CityCell city=d.city.clone()/>
            <td class="nowrap">{move || fmt::date(i18n.lang.get(), deadline)}</td>
            <td class="num soon">{fmt::count(d.days_left)}</td>
            <td class="num">{fmt::money(d.transferred)}</td>
            <td class="num strong">{fmt::money(d.outstanding)}</td>
        </tr>
    }
}
