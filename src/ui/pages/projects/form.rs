//! The project editor: the proposal, its money and co-funding, the status pipeline,
//! progress and report; findings beside it, the audit trail below.

use leptos::prelude::*;

use super::beneficiaries::Beneficiaries;
use super::cofunding::CoFundingLines;
use super::pipeline::Pipeline;
use super::text::ProjectText;
use crate::domain::dates::FiscalYear;
use crate::domain::forms::project_form::ProjectForm;
use crate::domain::meta::RecordId;
use crate::domain::records::latest_report;
use crate::domain::records::{Category, City, Project};
use crate::domain::views::city_page::default_year;
use crate::ui::edit::{blank_meta, today, use_edit_session, EditSession, Target};
use crate::ui::fmt;
use crate::ui::forms::screens::city_options_by_shown_name;
use crate::ui::forms::{
    enum_options, t, LinkedChoice, MoneyField, NumberField, SelectField, TextArea, TextField,
};
use crate::ui::i18n::{tr, use_i18n};
use crate::ui::pages::editor_frame::EditorFrame;
use crate::ui::pages::editor_nav::EditorActions;
use crate::ui::pages::progress::text::ProgressText;
use crate::ui::pages::progress::ProgressHistory;
use crate::ui::state::use_app;

/// The editor for a new project (of `city`, when started from a city) or a stored one.
#[component]
pub fn ProjectEditor(
    /// Which project.
    target: Target,
    /// For a new project: the city it belongs to, if known.
    #[prop(default = None)]
    city: Option<RecordId>,
) -> impl IntoView {
    let app = use_app();
    // A new project of a known city starts in the city's latest budget year (the year
    // its money is being decided), else in the current fiscal year.
    let this_year = FiscalYear::containing(today());
    let fy = city
        .and_then(|c| {
            app.dataset
                .with_untracked(|ds| ds.get::<City>(c).map(|c| default_year(c, this_year)))
        })
        .unwrap_or(this_year);
    let s: EditSession<ProjectForm> = use_edit_session(target, move |id| {
        Project::new(
            blank_meta(app, id),
            city.unwrap_or_else(uuid::Uuid::nil),
            fy,
        )
    });
    let city_options = city_options_by_shown_name();
    let name = Signal::derive(move || s.form.with(|f| f.title.clone()));
    // The latest dated report's percent wins over the project's own field, which stays
    // for projects without reports (docs/screens.md).
    let latest = Memo::new(move |_| {
        app.dataset
            .with(|ds| latest_report(ds, s.id, chrono::NaiveDate::MAX).map(|r| (r.percent, r.date)))
    });
    let i18n = use_i18n();
    let progress = move || match latest.get() {
        Some((pct, date)) => view! {
            <p data-testid="latest-progress">
                <strong>{tr(ProgressText::Latest)} ": " {pct} "%"</strong> " "
                {tr(ProgressText::FromReport)} " " {move || fmt::opt_date(i18n.lang.get(), date)}
            </p>
        }
        .into_any(),
        None => view! {
            <NumberField field="progress_percent" label=t(ProjectText::ProgressPercent) suffix="%"
                hint=t(ProgressText::OwnField)
                value=crate::bind!(s.form, progress_percent) marks=s/>
        }
        .into_any(),
    };
    let below = view! {
        <Show when=move || s.stored.get()><ProgressHistory project=s.id/></Show>
    }
    .into_any();
    view! {
        <EditorFrame session=s testid="project-editor" below=below>
            <fieldset class="panel">
                <legend>{tr(ProjectText::Basics)}</legend>
                <LinkedChoice field="city_id" label=t(ProjectText::City) pages="/cities" open=t(ProjectText::OpenCity)
                    value=crate::bind!(s.form, city_id) options=city_options marks=s/>
                <TextField field="fiscal_year" label=t(ProjectText::FiscalYear) inputmode="numeric"
                    value=crate::bind!(s.form, fiscal_year) marks=s/>
                <TextField field="title" label=t(ProjectText::TitleField) required=true
                    value=crate::bind!(s.form, title) marks=s/>
                <TextField field="proposer" label=t(ProjectText::Proposer) hint=t(ProjectText::ProposerHint)
                    required=true value=crate::bind!(s.form, proposer) marks=s/>
                <SelectField field="category" label=t(ProjectText::Category) required=true
                    value=crate::bind!(s.form, category) options=enum_options(&Category::ALL)
                    marks=s/>
                <TextArea field="description" label=t(ProjectText::Description)
                    value=crate::bind!(s.form, description) marks=s/>
            </fieldset>
            <fieldset class="panel">
                <legend>{tr(ProjectText::Money)}</legend>
                <MoneyField field="amount_requested" label=t(ProjectText::Requested)
                    value=crate::bind!(s.form, amount_requested) marks=s/>
                <MoneyField field="amount_approved" label=t(ProjectText::Approved)
                    value=crate::bind!(s.form, amount_approved) marks=s/>
                <CoFundingLines s/>
            </fieldset>
            <Beneficiaries s/>
            <Pipeline s name/>
            <fieldset class="panel">
                <legend>{tr(ProjectText::Progress)}</legend>
                {progress}
                <TextArea field="completion_report" label=t(ProjectText::Report) hint=t(ProjectText::ReportHint)
                    rows=6 value=crate::bind!(s.form, completion_report) marks=s/>
            </fieldset>
            <crate::ui::attachments::AttachmentsPanel files=crate::bind!(s.form, attachments)/>
            <EditorActions session=s name=name list="/projects"/>
        </EditorFrame>
    }
}
