//! `/survey-rounds`: every city's survey rounds, latest first, with how many households
//! each holds and whether it is closed.

use leptos::prelude::*;

use super::text::RoundText;
use crate::domain::dates::{format_be_short, format_en};
use crate::domain::lang::counted;
use crate::domain::views::survey_entry::{round_rows, RoundRow};
use crate::ui::edit::today;
use crate::ui::i18n::{use_i18n, Lang};
use crate::ui::pages::record_list::{
    list_page, or_dash, AddLink, Filters, ListPageSpec, RecordRow,
};

#[component]
pub fn SurveyRoundsPage() -> impl IntoView {
    let texts = [RoundText::Title, RoundText::Intro, RoundText::None];
    let add = AddLink::new("/survey-rounds/new", RoundText::Add, "add-survey-round").with_city();
    let spec = ListPageSpec::new("survey-rounds-page", texts, add, Filters::SEARCH);
    list_page(spec, round_rows, RoundRow::clone, row, None)
}

/// One round: title, city and dates, households entered.
fn row(row: RoundRow) -> AnyView {
    let i18n = use_i18n();
    let RoundRow {
        id,
        title,
        city,
        date,
        closed_on,
        households,
    } = row;
    let thai = move || i18n.lang.get() == Lang::Th;
    let day = move |d: chrono::NaiveDate| {
        if thai() {
            format_be_short(d)
        } else {
            format_en(d)
        }
    };
    let closed = closed_on.is_some_and(|d| d <= today());
    let sub = move || {
        let city = city
            .as_ref()
            .map(|c| c.shown(thai()).to_string())
            .unwrap_or_default();
        let dates = match (date, closed_on) {
            (Some(a), Some(b)) => format!("{} – {}", day(a), day(b)),
            (Some(a), None) => day(a),
            (None, Some(b)) => format!("– {}", day(b)),
            (None, None) => String::new(),
        };
        [city, dates]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" · ")
    };
    view! {
        <RecordRow href=format!("/survey-rounds/{id}")>
            <span class="record-title" lang="th">{or_dash(title)}</span>
            <span class="record-sub">{sub} " · "
                {move || if closed { i18n.t(RoundText::Closed) } else { i18n.t(RoundText::Open) }}
            </span>
            <span class="record-figures">
                <span>{move || i18n.lang.get().pick(counted(households, "ครัวเรือน", "household", "households"))}</span>
            </span>
        </RecordRow>
    }
    .into_any()
}
