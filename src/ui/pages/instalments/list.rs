//! `/instalments`: every instalment by city, year and number, filtered by city, year
//! and whether the money has moved.

use leptos::prelude::*;

use super::text::InstalmentText;
use crate::domain::views::entry_lists::{instalment_rows, InstalmentRow, ListFilter};
use crate::ui::fmt::{date_shown, year_shown};
use crate::ui::forms::screens::ScreenText;
use crate::ui::forms::{t, Bind, SelectField};
use crate::ui::i18n::{tr, use_i18n, Lang};
use crate::ui::pages::record_list::{list_page, AddLink, Filters, ListPageSpec, RecordRow};

#[component]
pub fn InstalmentsPage() -> impl IntoView {
    let i18n = use_i18n();
    let status = RwSignal::new(String::new());
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
    let texts = [
        InstalmentText::Title,
        InstalmentText::Intro,
        InstalmentText::NoInstalments,
    ];
    let add = AddLink::new("/instalments/new", InstalmentText::Add, "add-instalment").with_city();
    let spec = ListPageSpec::new("instalments-page", texts, add, Filters::YEAR);
    let rows = move |ds: &_, f: &ListFilter| {
        let transferred = match status.get().as_str() {
            "planned" => Some(false),
            "transferred" => Some(true),
            _ => None,
        };
        instalment_rows(
            ds,
            &ListFilter {
                transferred,
                ..f.clone()
            },
        )
    };
    let status_filter = view! {
        <SelectField field="filter-status" label=t(InstalmentText::Status) value=Bind::signal(status)
            options=status_options no_placeholder=true/>
    };
    list_page(
        spec,
        rows,
        InstalmentRow::clone,
        row,
        Some(status_filter.into_any()),
    )
}

/// One instalment.
fn row(row: InstalmentRow) -> AnyView {
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
        requested_date,
    } = row;
    let city_name = move || city.as_ref().map(|c| c.shown(thai()).to_string());
    let moved = actual_date.is_some();
    let waiting = !moved && requested_date.is_some();
    let (chip, word) = match (moved, waiting) {
        (true, _) => ("status-chip status-completed", InstalmentText::Transferred),
        (false, true) => ("status-chip status-in_progress", InstalmentText::Requested),
        _ => ("status-chip status-proposed", InstalmentText::Planned),
    };
    let shown_date = actual_date.or(requested_date).or(planned_date);
    view! {
        <RecordRow href=format!("/instalments/{id}") transferred=moved>
            <span class="record-title">{city_name}</span>
            <span class="record-sub">
                {tr(InstalmentText::InstalmentNo)} " " {number} " · " {move || year_shown(fiscal_year, thai())} " · "
                <span class=chip>{move || i18n.t(word)}</span>
                " " {move || date_shown(shown_date, thai())}
            </span>
            <span class="record-figures"><span class="amount">{amount.format()}</span></span>
        </RecordRow>
    }
    .into_any()
}
