//! `/meetings`: every meeting, newest first, filtered by city and found by place,
//! committee or decision.

use leptos::prelude::*;

use crate::domain::lang::units;

use super::text::MeetingText;
use crate::domain::views::entry_lists::{meeting_rows, MeetingRow};
use crate::ui::fmt::date_shown;
use crate::ui::i18n::{use_i18n, Lang};
use crate::ui::pages::record_list::{list_page, AddLink, Filters, ListPageSpec, RecordRow};

#[component]
pub fn MeetingsPage() -> impl IntoView {
    let texts = [
        MeetingText::Title,
        MeetingText::Intro,
        MeetingText::NoMeetings,
    ];
    let add = AddLink::new("/meetings/new", MeetingText::Add, "add-meeting");
    let spec = ListPageSpec::new("meetings-page", texts, add, Filters::SEARCH);
    list_page(spec, meeting_rows, MeetingRow::clone, row, None)
}

/// One meeting.
fn row(row: MeetingRow) -> AnyView {
    let i18n = use_i18n();
    let thai = move || i18n.lang.get() == Lang::Th;
    let MeetingRow {
        id,
        date,
        place,
        committee,
        city,
        attendance,
        problems,
    } = row;
    let city_name = move || city.as_ref().map(|c| c.shown(thai()).to_string());
    view! {
        <RecordRow href=format!("/meetings/{id}")>
            <span class="record-title">{move || date_shown(date, thai())} " · " <span lang="th">{place}</span></span>
            <span class="record-sub"><span lang="th">{committee}</span> " · " {city_name}</span>
            <span class="record-figures">
                <span>{move || units::ATTENDEES.phrase(i18n.lang.get(), attendance as usize)}</span>
                <span>{move || units::PROBLEMS.phrase(i18n.lang.get(), problems)}</span>
            </span>
        </RecordRow>
    }
    .into_any()
}
