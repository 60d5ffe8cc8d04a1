//! `/committees`: every committee, filtered by city and found by name or member.

use leptos::prelude::*;

use crate::domain::lang::units;

use super::text::CommitteeText;
use crate::domain::views::entry_lists::{committee_rows, CommitteeRow};
use crate::ui::i18n::{use_i18n, Lang};
use crate::ui::pages::record_list::{
    list_page, or_dash, AddLink, Filters, ListPageSpec, RecordRow,
};

#[component]
pub fn CommitteesPage() -> impl IntoView {
    let texts = [
        CommitteeText::Title,
        CommitteeText::Intro,
        CommitteeText::NoCommittees,
    ];
    let add = AddLink::new("/committees/new", CommitteeText::Add, "add-committee").with_city();
    let spec = ListPageSpec::new("committees-page", texts, add, Filters::SEARCH);
    list_page(spec, committee_rows, CommitteeRow::clone, row, None)
}

/// One committee.
fn row(row: CommitteeRow) -> AnyView {
    let i18n = use_i18n();
    let CommitteeRow {
        id,
        name,
        city,
        members,
        meetings,
    } = row;
    let city_name = move || {
        city.as_ref()
            .map(|c| c.shown(i18n.lang.get() == Lang::Th).to_string())
    };
    view! {
        <RecordRow href=format!("/committees/{id}")>
            <span class="record-title" lang="th">{or_dash(name)}</span>
            <span class="record-sub">{city_name}</span>
            <span class="record-figures">
                <span>{move || units::MEMBERS.phrase(i18n.lang.get(), members)}</span>
                <span>{move || units::MEETINGS.phrase(i18n.lang.get(), meetings)}</span>
            </span>
        </RecordRow>
    }
    .into_any()
}
