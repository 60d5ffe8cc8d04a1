//! A survey round's page: its city, title, start date, who leads it and when it closed.

use leptos::prelude::*;

use super::text::RoundText;
use crate::domain::forms::household_form::{new_round, RoundForm};
use crate::domain::meta::{RecordId, RecordMeta};
use crate::domain::records::survey::SurveyRound;
use crate::domain::records::Dataset;
use crate::ui::edit::record_page::{record_page, RecordPageSpec};
use crate::ui::edit::{today, EditSession};
use crate::ui::forms::screens::{city_options, ScreenText};
use crate::ui::forms::{t, DateField, LinkedChoice, TextArea, TextField};
use crate::ui::pages::editor_frame::EditorFrame;
use crate::ui::pages::editor_nav::EditorActions;

/// `/survey-rounds/:id` and `/survey-rounds/new?city=<id>`.
#[component]
pub fn SurveyRoundPage() -> impl IntoView {
    let spec = RecordPageSpec::new(
        "/survey-rounds",
        "survey-round",
        RoundText::NewTitle,
        RoundText::EditTitle,
    )
    .under("city");
    record_page(spec, blank, |s| view! { <Editor s/> }.into_any())
}

fn blank(_: &Dataset, meta: RecordMeta, city: Option<RecordId>) -> SurveyRound {
    new_round(meta, city.unwrap_or_default())
}

/// The round form.
#[component]
fn Editor(
    /// The round's editing session.
    s: EditSession<RoundForm>,
) -> impl IntoView {
    let name = Signal::derive(move || s.form.with(|f| f.title.clone()));
    view! {
        <EditorFrame session=s testid="survey-round-editor" form_class="record-form panel">
            <LinkedChoice field="city_id" label=t(ScreenText::City) pages="/cities" open=t(ScreenText::OpenCity)
                value=crate::bind!(s.form, city_id) options=city_options() marks=s.marks("city_id")/>
            <TextField field="title" label=t(RoundText::RoundTitle) hint=t(RoundText::RoundTitleHint)
                value=crate::bind!(s.form, title) marks=s.marks("title")/>
            <DateField field="date" label=t(RoundText::Date) today=today() required=true
                value=crate::bind!(s.form, date) marks=s.marks("date")/>
            <TextField field="surveyor" label=t(RoundText::Surveyor) hint=t(RoundText::SurveyorHint)
                value=crate::bind!(s.form, surveyor) marks=s.marks("surveyor")/>
            <DateField field="closed_on" label=t(RoundText::ClosedOn) today=today() hint=t(RoundText::ClosedOnHint)
                value=crate::bind!(s.form, closed_on) marks=s.marks("closed_on")/>
            <TextArea field="notes" label=t(RoundText::Notes) rows=2
                value=crate::bind!(s.form, notes) marks=s.marks("notes")/>
            <EditorActions session=s name=name list="/survey-rounds"/>
        </EditorFrame>
    }
}
