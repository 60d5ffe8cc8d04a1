//! A progress report's page: its project, the day, percent done, what was done, spending to
//! date beside the approved amount, and problems; findings beside, audit below. Saving or
//! deleting goes back to the project, whose page holds the history.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::text::ProgressText;
use crate::domain::forms::progress_form::{new_report, ProgressReportForm};
use crate::domain::meta::{RecordId, RecordMeta};
use crate::domain::records::{Dataset, ProgressReport, Project};
use crate::ui::edit::record_page::{record_page, RecordPageSpec};
use crate::ui::edit::{today, EditActions, EditSession};
use crate::ui::fmt;
use crate::ui::forms::screens::{project_options, ScreenText};
use crate::ui::forms::{t, DateField, LinkedChoice, MoneyField, NumberField, TextArea};
use crate::ui::i18n::{tr, use_i18n};
use crate::ui::pages::editor_frame::EditorFrame;
use crate::ui::state::use_app;

/// `/progress-reports/:id` and `/progress-reports/new?project=<id>`.
#[component]
pub fn ProgressReportPage() -> impl IntoView {
    let spec = RecordPageSpec::new(
        "/projects",
        "progress-report",
        ProgressText::NewTitle,
        ProgressText::EditTitle,
    )
    .under("project");
    record_page(spec, blank, |s| view! { <Editor s/> }.into_any())
}

fn blank(ds: &Dataset, meta: RecordMeta, project: Option<RecordId>) -> ProgressReport {
    new_report(ds, meta, project.unwrap_or_default())
}

/// The report form.
#[component]
fn Editor(
    /// The report's editing session.
    s: EditSession<ProgressReportForm>,
) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let project = Memo::new(move |_| {
        let id = s.form.with(|f| uuid::Uuid::parse_str(&f.project_id).ok())?;
        app.dataset
            .with(|ds| ds.get::<Project>(id).filter(|p| !p.meta.deleted).cloned())
    });
    let name = Signal::derive(move || {
        let title = project.with(|p| p.as_ref().map(|p| p.title.clone()).unwrap_or_default());
        let date = s.form.with(|f| f.date.clone());
        format!("{} {title} {date}", i18n.t(ProgressText::EditTitle))
    });
    let approved = move || match project.with(|p| p.as_ref().and_then(|p| p.amount_approved)) {
        Some(a) => format!(
            "{}: {} {}",
            i18n.t(ProgressText::ApprovedIs),
            fmt::money(a),
            i18n.t(ProgressText::Baht)
        ),
        None => i18n.t(ProgressText::NoApproved).to_owned(),
    };
    let back = use_navigate();
    let to_project =
        move |project: RecordId| back(&format!("/projects/{project}"), Default::default());
    let to_project2 = to_project.clone();
    let on_saved = Callback::new(move |r: ProgressReport| to_project(r.project_id));
    let on_deleted = Callback::new(move |_| {
        if let Some(p) = s
            .base
            .with_untracked(|b| (!b.project_id.is_nil()).then_some(b.project_id))
        {
            to_project2(p);
        }
    });
    view! {
        <EditorFrame session=s testid="progress-editor">
            <fieldset class="panel">
                <legend>{tr(ScreenText::Basics)}</legend>
                <LinkedChoice field="project_id" label=t(ProgressText::Project) pages="/projects" open=t(ProgressText::OpenProject)
                    value=crate::bind!(s.form, project_id) options=project_options() marks=s/>
                <DateField field="date" label=t(ProgressText::Date) today=today() required=true hint=t(ProgressText::DateHint)
                    value=crate::bind!(s.form, date) marks=s/>
                <NumberField field="percent" label=t(ProgressText::Percent) suffix="%"
                    value=crate::bind!(s.form, percent) marks=s/>
                <TextArea field="work_done" label=t(ProgressText::WorkDone) rows=4
                    value=crate::bind!(s.form, work_done) marks=s/>
            </fieldset>
            <fieldset class="panel">
                <legend>{tr(ProgressText::Money)}</legend>
                <MoneyField field="spent_to_date" label=t(ProgressText::Spent) hint=t(ProgressText::SpentHint) required=true
                    value=crate::bind!(s.form, spent_to_date) marks=s/>
                <p class="hint" data-testid="approved-amount">{approved}</p>
                <TextArea field="problems" label=t(ProgressText::Problems) rows=3
                    value=crate::bind!(s.form, problems) marks=s/>
            </fieldset>
            <crate::ui::attachments::AttachmentsPanel files=crate::bind!(s.form, attachments)/>
            <div class="panel sticky-actions">
                <EditActions session=s name=name on_saved=on_saved on_deleted=on_deleted/>
            </div>
        </EditorFrame>
    }
}
