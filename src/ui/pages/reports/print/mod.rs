//! Printable documents: the MOU of a city, a city summary sheet and the regional summary.
//! Each is an A4 sheet laid out by `style/print.css`; the app's header, navigation and this
//! toolbar do not print. "Print / save as PDF" opens the browser's own dialog.

pub mod city;
pub mod mou;
pub mod region;

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::dates::FiscalYear;
use crate::domain::meta::RecordId;
use crate::domain::records::Dataset;
use crate::domain::reports::{city_latest_year, default_fiscal_year};
use crate::ui::i18n::{tr, use_i18n};

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

/// The "as of" line of a sheet, in the sheet's language.
pub(crate) fn as_of_line(i18n: crate::ui::i18n::I18n, d: NaiveDate) -> String {
    format!(
        "{} {}",
        i18n.t(T::PrintedOn),
        crate::ui::fmt::doc_date(i18n.lang.get(), d)
    )
}
