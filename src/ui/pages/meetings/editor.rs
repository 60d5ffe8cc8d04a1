//! A meeting's page: committee, date and place; attendance by sector; problems raised;
//! decisions; findings beside, audit trail below.

use leptos::prelude::*;

use super::text::MeetingText;
use crate::domain::forms::meeting_form::{MeetingForm, ProblemLine};
use crate::domain::records::{Category, Meeting, Sector};
use crate::domain::reports::Label;
use crate::ui::edit::record_page::{record_page, RecordPageSpec};
use crate::ui::edit::{today, EditSession};
use crate::ui::forms::screens::{committee_options, ScreenText};
use crate::ui::forms::{
    enum_options, remove_line, t, DateField, LinkedChoice, NumberField, RemoveLine, SelectField,
    TextArea, TextField,
};
use crate::ui::i18n::{tr, use_i18n, Lang};
use crate::ui::pages::editor_frame::EditorFrame;
use crate::ui::pages::editor_nav::EditorActions;

/// `/meetings/:id` and `/meetings/new?committee=<id>`.
#[component]
pub fn MeetingPage() -> impl IntoView {
    let spec = RecordPageSpec::new(
        "/meetings",
        "meeting",
        MeetingText::NewTitle,
        MeetingText::EditTitle,
    )
    .under("committee");
    record_page(
        spec,
        |_, meta, committee| Meeting::new(meta, committee.unwrap_or_default()),
        |s| view! { <MeetingEditor s/> }.into_any(),
    )
}

/// The meeting form (for a new meeting, the address's committee is chosen).
#[component]
pub fn MeetingEditor(
    /// The meeting's editing session.
    s: EditSession<MeetingForm>,
) -> impl IntoView {
    let i18n = use_i18n();
    let name = Signal::derive(move || {
        s.form
            .with(|f| format!("{} {}", f.date, f.place).trim().to_string())
    });
    let total = move || s.form.with(MeetingForm::attendance_total);
    view! {
        <EditorFrame session=s testid="meeting-editor">
            <fieldset class="panel">
                <legend>{tr(ScreenText::Basics)}</legend>
                <LinkedChoice field="committee_id" label=t(MeetingText::Committee) pages="/committees"
                    open=t(MeetingText::OpenCommittee)
                    value=crate::bind!(s.form, committee_id) options=committee_options() marks=s/>
                <DateField field="date" label=t(ScreenText::Date) today=today()
                    value=crate::bind!(s.form, date) marks=s/>
                <TextField field="place" label=t(MeetingText::Place)
                    value=crate::bind!(s.form, place) marks=s/>
            </fieldset>
            <fieldset class="panel" data-testid="attendance">
                <legend>{tr(MeetingText::Attendance)}</legend>
                <p class="hint">{tr(MeetingText::AttendanceHint)}</p>
                <div class="attendance-grid">
                    {Sector::ALL.iter().enumerate().map(|(i, sector)| {
                        let sector = *sector;
                        let label = Signal::derive(move || {
                            if i18n.lang.get() == Lang::Th { sector.label_th() } else { sector.label_en() }.to_string()
                        });
                        let field = format!("attendance[{i}].count");
                        view! {
                            <NumberField field=field.clone() label=label
                                value=crate::bind!(s.form, attendance, i, count) marks=s/>
                        }
                    }).collect_view()}
                </div>
                <p class="total" data-testid="attendance-total">
                    {tr(MeetingText::Total)} " " <strong>{total}</strong> " " {tr(MeetingText::People)}
                </p>
            </fieldset>
            <fieldset class="panel lines" data-testid="problems">
                <legend>{tr(MeetingText::Problems)} " (" {move || s.form.with(|f| f.problems.len())} ")"</legend>
                <For each=move || 0..s.form.with(|f| f.problems.len()) key=|i| *i
                    children=move |i| view! { <ProblemRow s i/> }/>
                <button type="button" class="secondary" data-testid="add-problem"
                    on:click=move |_| s.form.update(|f| f.problems.push(ProblemLine::default()))>
                    "+ " {tr(MeetingText::AddProblem)}
                </button>
            </fieldset>
            <fieldset class="panel">
                <legend>{tr(MeetingText::Decisions)}</legend>
                <TextArea field="decisions" label=t(MeetingText::Decisions) hint=t(MeetingText::DecisionsHint)
                    value=crate::bind!(s.form, decisions) marks=s/>
            </fieldset>
            <crate::ui::attachments::AttachmentsPanel files=crate::bind!(s.form, attachments)/>
            <EditorActions session=s name=name list="/meetings"/>
        </EditorFrame>
    }
}

/// One problem raised.
#[component]
fn ProblemRow(
    /// The meeting's session.
    s: EditSession<MeetingForm>,
    /// The line's index in `problems`.
    i: usize,
) -> impl IntoView {
    let f = |name: &str| format!("problems[{i}].{name}");
    view! {
        <div class="line problem-line" data-testid=format!("problem-{i}")>
            <SelectField field=f("category") label=t(MeetingText::ProblemCategory) required=true
                value=crate::bind!(s.form, problems, i, category) options=enum_options(&Category::ALL)
                marks=s/>
            <TextArea field=f("description") label=t(MeetingText::ProblemDescription) rows=2
                value=crate::bind!(s.form, problems, i, description) marks=s/>
            <RemoveLine label=t(ScreenText::Remove)
                on_remove=Callback::new(move |_| s.form.update(|f| remove_line(&mut f.problems, i)))/>
        </div>
    }
}
