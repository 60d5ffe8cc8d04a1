//! Printable documents: the MOU of a city, a city summary sheet and the regional summary.
//! Each is an A4 sheet laid out by `style/print.css`; the app's header, navigation and this
//! toolbar do not print. "Print / save as PDF" opens the browser's own dialog.

pub mod city;
pub mod community;
pub mod mou;
pub mod project;
mod project_photos;
pub mod region;

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::domain::dates::FiscalYear;
use crate::domain::meta::RecordId;
use crate::domain::records::Dataset;
use crate::domain::reports::{city_latest_year, default_fiscal_year, PlaceNames, ReportError};
use crate::ui::i18n::{tr, use_i18n, Msg, Text};
use crate::ui::state::use_app;

use super::query::{today, ReportChoice};
use super::text::ReportText as T;

/// The year a city's sheet shows: the address's, else the city's latest ceiling, else the
/// dataset's default year.
pub(crate) fn sheet_year(ds: &Dataset, choice: ReportChoice, city: Option<RecordId>) -> FiscalYear {
    choice
        .fy_param
        .get()
        .or_else(|| city.and_then(|id| city_latest_year(ds, id)))
        .unwrap_or_else(|| default_fiscal_year(ds, today()))
}

/// Why a sheet cannot be shown, in Thai and English.
pub(crate) type SheetError = (String, String);

pub(crate) fn sheet_error(t: impl Text) -> SheetError {
    let (th, en) = t.pair();
    (th.to_owned(), en.to_owned())
}

/// The sheet of the address's city (`:city_id`) for its year ([`sheet_year`]) as of the
/// report's date: `make(ds, city, year, as_of)`, or why there is none.
pub(crate) fn city_sheet<S>(
    make: impl Fn(&Dataset, RecordId, FiscalYear, NaiveDate) -> Result<S, ReportError>
        + Send
        + Sync
        + 'static,
) -> Memo<Result<S, SheetError>>
where
    S: Clone + PartialEq + Send + Sync + 'static,
{
    let app = use_app();
    let params = use_params_map();
    let choice = super::query::use_report_choice();
    let city = Memo::new(move |_| {
        params.with(|p| p.get("city_id").and_then(|s| s.parse::<RecordId>().ok()))
    });
    Memo::new(move |_| {
        app.dataset.with(|ds| {
            let fy = sheet_year(ds, choice, city.get());
            match city.get() {
                Some(id) => make(ds, id, fy, choice.as_of.get())
                    .map_err(|e| (e.message_th(), e.message_en())),
                None => Err(sheet_error(T::CityNotFound)),
            }
        })
    })
}

/// A printable page: the toolbar, `hint` under it, "loading" until the store is read,
/// then the sheet or, in an alert, why there is none.
#[component]
pub fn PrintPage(
    /// A line under the toolbar (the MOU is in Thai only).
    #[prop(optional)]
    hint: Option<T>,
    /// Where "back" goes; the reports (with their year and date) when not given.
    #[prop(optional, into)]
    back: Option<Signal<String>>,
    /// The sheet, or why there is none.
    sheet: impl Fn() -> Result<AnyView, SheetError> + Send + Sync + 'static,
) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let choice = super::query::use_report_choice();
    let back = back.unwrap_or_else(|| Signal::derive(move || choice.link("/reports")));
    let sheet = std::sync::Arc::new(sheet);
    view! {
        <div class="print-page">
            <PrintToolbar back/>
            {hint.map(|h| view! { <p class="hint no-print">{tr(h)}</p> })}
            <Show when=move || app.loaded.get() fallback=|| view! { <p>{tr(Msg::Loading)}</p> }>
                {let sheet = sheet.clone();
                move || sheet().unwrap_or_else(|(m_th, m_en)| {
                    view! {
                        <p class="field-error" role="alert" data-testid="sheet-error">
                            {move || i18n.pick(&m_th, &m_en).to_owned()}
                        </p>
                    }
                    .into_any()
                })}
            </Show>
        </div>
    }
}

/// Back link, the print button and a hint; never printed.
#[component]
pub fn PrintToolbar(
    /// Where "back" goes (keeps the report's year and date).
    #[prop(into)]
    back: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let print = move |_| {
        if let Err(e) = window().print() {
            let detail = e.as_string().unwrap_or_else(|| format!("{e:?}"));
            let _ = window().alert_with_message(&format!("{} ({detail})", i18n.t(T::Print)));
        }
    };
    view! {
        <div class="print-toolbar no-print" role="toolbar" aria-label=tr(T::Print)>
            <A href=move || back.get() attr:class="button secondary">{tr(T::Back)}</A>
            <button type="button" data-testid="print" on:click=print>{tr(T::Print)}</button>
            <p class="hint">{tr(T::PrintHint)}</p>
        </div>
    }
}

/// `before` (district, sub-district…), then the city and its province in the page's
/// language, the empty ones left out, joined by " · ".
pub(crate) fn place_line(
    i18n: crate::ui::i18n::I18n,
    before: &[&str],
    place: &PlaceNames,
) -> String {
    let city = i18n.pick(&place.city_th, &place.city_en);
    let province = i18n.pick(&place.province_th, &place.province_en);
    before
        .iter()
        .chain([&city, &province])
        .filter(|s| !s.trim().is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The "as of" line of a sheet, in the sheet's language.
pub(crate) fn as_of_line(i18n: crate::ui::i18n::I18n, d: NaiveDate) -> String {
    format!(
        "{} {}",
        i18n.t(T::PrintedOn),
        crate::ui::fmt::doc_date(i18n.lang.get(), d)
    )
}

/// A sheet's table of labelled figures; each row carries `data-figure` so a test (or a
/// reader of the HTML) finds a figure by its key, whatever the language.
#[component]
pub(crate) fn FiguresTable(
    /// The table's `data-testid`.
    testid: &'static str,
    /// Label, key, the figure as shown.
    rows: Vec<(T, &'static str, String)>,
) -> impl IntoView {
    view! {
        <table class="sheet-table figures-table" data-testid=testid>
            <tbody>
                {rows
                    .into_iter()
                    .map(|(label, key, value)| {
                        view! {
                            <tr data-figure=key>
                                <th scope="row">{tr(label)}</th>
                                <td class="num">{value}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}
