//! `/mous`: every MOU, newest first, filtered by a covered city.

use leptos::prelude::*;

use crate::domain::lang::units;

use super::text::MouText;
use crate::domain::views::entry_lists::{mou_rows, MouRow};
use crate::ui::fmt::date_shown;
use crate::ui::i18n::{use_i18n, Lang};
use crate::ui::pages::record_list::{list_page, or_dash, AddLink, ListPageSpec, RecordRow};

#[component]
pub fn MousPage() -> impl IntoView {
    let spec = ListPageSpec {
        testid: "mous-page",
        title: MouText::Title,
        intro: MouText::Intro,
        empty: MouText::NoMous,
        add: AddLink {
            href: "/mous/new",
            label: MouText::Add,
            testid: "add-mou",
            with_city: true,
        },
        filters: true,
        by_year: false,
        by_search: true,
    };
    list_page(
        spec,
        mou_rows,
        MouRow::clone,
        |r| view! { <Row row=r/> }.into_any(),
        None,
    )
}

/// One MOU.
#[component]
fn Row(
    /// The row shown.
    row: MouRow,
) -> impl IntoView {
    let i18n = use_i18n();
    let MouRow {
        id,
        title,
        date,
        place,
        cities,
        signatories,
    } = row;
    view! {
        <RecordRow href=format!("/mous/{id}")>
            <span class="record-title" lang="th">{or_dash(title)}</span>
            <span class="record-sub">{move || date_shown(date, i18n.lang.get() == Lang::Th)} " · " <span lang="th">{place}</span></span>
            <span class="record-figures">
                <span>{move || units::MOU_CITIES.phrase(i18n.lang.get(), cities)}</span>
                <span>{move || units::SIGNATORIES.phrase(i18n.lang.get(), signatories)}</span>
            </span>
        </RecordRow>
    }
}
