//! `/mous`: every MOU, newest first, filtered by a covered city.

use leptos::prelude::*;

use crate::domain::lang::units;

use super::text::MouText;
use crate::domain::views::entry_lists::{mou_rows, MouRow};
use crate::ui::fmt::date_shown;
use crate::ui::i18n::{use_i18n, Lang};
use crate::ui::pages::record_list::{
    list_page, or_dash, AddLink, Filters, ListPageSpec, RecordRow,
};

#[component]
pub fn MousPage() -> impl IntoView {
    let texts = [MouText::Title, MouText::Intro, MouText::NoMous];
    let add = AddLink::new("/mous/new", MouText::Add, "add-mou").with_city();
    let spec = ListPageSpec::new("mous-page", texts, add, Filters::SEARCH);
    list_page(spec, mou_rows, MouRow::clone, row, None)
}

/// One MOU.
fn row(row: MouRow) -> AnyView {
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
    .into_any()
}
