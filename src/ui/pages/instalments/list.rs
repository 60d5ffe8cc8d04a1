//! `/instalments`: every instalment by city, year and number, filtered by city, year
//! and whether the money has moved.

use leptos::prelude::*;
use leptos_router::components::A;

use super::text::InstalmentText;
use crate::domain::dates::FiscalYear;
use crate::domain::editing::entry_lists::{instalment_rows, InstalmentRow, ListFilter};
use crate::ui::forms::screens::{
    city_options, date_shown, query_id, with_all, year_shown, ScreenText,
};
use crate::ui::forms::{t, Bind, SelectField, TextField};
use crate::ui::i18n::{tr, use_i18n, Lang};
use crate::ui::pages::reports::fmt::number;
use crate::ui::state::use_app;

#[component]
pub fn InstalmentsPage() -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let from_query = query_id("city");
    let city = RwSignal::new(
        from_query
            .get_untracked()
            .map(|c| c.to_string())
            .unwrap_or_default(),
    );
    let year = RwSignal::new(String::new());
    let status = RwSignal::new(String::new());
    let filter = Memo::new(move |_| ListFilter {
        city: uuid::Uuid::parse_str(&city.get()).ok(),
        fiscal_year: year.get().trim().parse::<u16>().ok().map(FiscalYear),
        ..ListFilter::default()
    });
    let rows = Memo::new(move |_| {
        let want = status.get();
        filter
            .with(|f| app.dataset.with(|ds| instalment_rows(ds, f)))
            .into_iter()
            .filter(|r| match want.as_str() {
                "planned" => r.actual_date.is_none(),
                "transferred" => r.actual_date.is_some(),
                _ => true,
            })
            .collect::<Vec<_>>()
    });
    let status_options = Signal::derive(move || {
        vec![
            (String::new(), i18n.t(ScreenText::All).to_string()),
            (
                "planned".to_string(),
                i18n.t(InstalmentText::Planned).to_string(),
            ),
            (
                "transferred".to_string(),
                i18n.t(InstalmentText::Transferred).to_string(),
            ),
        ]
    });
    let add_href = move || match filter.with(|f| f.city) {
        Some(c) => format!("/instalments/new?city={c}"),
        None => "/instalments/new".to_string(),
    };
    view! {
        <section class="page records-page" data-testid="instalments-page">
            <div class="page-head">
                <h1>{tr(InstalmentText::Title)}</h1>
                <A href=add_href attr:class="button" attr:data-testid="add-instalment">"+ " {tr(InstalmentText::Add)}</A>
            </div>
            <p class="lead">{tr(InstalmentText::Intro)}</p>
            <div class="filters">
                <SelectField field="filter-city" label=t(ScreenText::City) value=Bind::signal(city)
                    options=with_all(city_options()) no_placeholder=true/>
                <TextField field="filter-year" label=t(ScreenText::FiscalYear) inputmode="numeric" value=Bind::signal(year)/>
                <SelectField field="filter-status" label=t(InstalmentText::Status) value=Bind::signal(status)
                    options=status_options no_placeholder=true/>
            </div>
            <p class="muted" role="status" data-testid="row-count">{move || number(rows.with(Vec::len))} " " {tr(ScreenText::Shown)}</p>
            <Show when=move || !rows.with(Vec::is_empty) fallback=|| view! { <p class="empty">{tr(InstalmentText::NoInstalments)}</p> }>
                <ul class="record-list">
                    <For each=move || rows.get() key=|r| r.clone() let:r>
                        <Row row=r/>
                    </For>
                </ul>
            </Show>
        </section>
    }
}

/// One instalment.
#[component]
fn Row(
    /// The row shown.
    row: InstalmentRow,
) -> impl IntoView {
    let i18n = use_i18n();
    let thai = move || i18n.lang.get() == Lang::Th;
    let InstalmentRow {
        id,
        city,
        fiscal_year,
        number,
        amount,
        planned_date,
        actual_date,
    } = row;
    let city_name = move || city.as_ref().map(|c| c.shown(thai()).to_string());
    let moved = actual_date.is_some();
    view! {
        <li class="record-row" data-transferred=moved.to_string()>
            <A href=format!("/instalments/{id}") attr:class="record-link">
                <span class="record-title">{city_name}</span>
                <span class="record-sub">
                    {tr(InstalmentText::InstalmentNo)} " " {number} " · " {move || year_shown(fiscal_year, thai())} " · "
                    <span class=if moved { "status-chip status-completed" } else { "status-chip status-proposed" }>
                        {move || if moved { i18n.t(InstalmentText::Transferred) } else { i18n.t(InstalmentText::Planned) }}
                    </span>
                    " " {move || date_shown(actual_date.or(planned_date), thai())}
                </span>
                <span class="record-figures"><span class="amount">{amount.format()}</span></span>
            </A>
        </li>
    }
}
