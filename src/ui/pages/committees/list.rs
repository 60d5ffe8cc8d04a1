//! `/committees`: every committee, filtered by city and found by name or member.

use leptos::prelude::*;

use crate::domain::lang::units;

use super::text::CommitteeText;
use crate::domain::views::entry_lists::{committee_rows, CommitteeRow};
use crate::ui::i18n::{use_i18n, Lang};
use crate::ui::pages::record_list::{list_page, or_dash, AddLink, ListPageSpec, RecordRow};

#[component]
pub fn CommitteesPage() -> impl IntoView {
    let spec = ListPageSpec {
        testid: "committees-page",
        title: CommitteeText::Title,
        intro: CommitteeText::Intro,
        empty: CommitteeText::NoCommittees,
        add: AddLink {
            href: "/committees/new",
            label: CommitteeText::Add,
            testid: "add-committee",
            with_city: true,
        },
        filters: true,
        by_year: false,
        by_search: true,
    };
    list_page(
        spec,
        committee_rows,
        CommitteeRow::clone,
        |r| view! { <Row row=r/> }.into_any(),
        None,
    )
}

/// One committee.
#[component]
fn Row(
    /// The row shown.
    row: CommitteeRow,
) -> impl IntoView {
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
}
