//! The project editor: the proposal, its money and co-funding, the status pipeline,
//! progress and report; findings beside it, the audit trail below.

use crate::domain::sorting::SortSmall;
use leptos::prelude::*;
use leptos_router::components::A;

use super::cofunding::CoFundingLines;
use super::pipeline::Pipeline;
use super::text::ProjectText;
use crate::domain::dates::FiscalYear;
use crate::domain::forms::project_form::{new_project, ProjectForm};
use crate::domain::meta::RecordId;
use crate::domain::records::{Category, City};
use crate::domain::views::city_page::default_year;
use crate::ui::edit::{blank_meta, today, use_edit_session, EditSession, Target};
use crate::ui::forms::{
    enum_options, t, MoneyField, NumberField, SelectField, TextArea, TextField,
};
use crate::ui::i18n::{tr, use_i18n, Lang};
use crate::ui::pages::editor_frame::EditorFrame;
use crate::ui::pages::editor_nav::EditorActions;
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
    let i18n = use_i18n();
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
        new_project(
            blank_meta(app, id),
            city.unwrap_or_else(uuid::Uuid::nil),
            fy,
        )
    });
    let city_options = Signal::derive(move || {
        let thai = i18n.lang.get() == Lang::Th;
        let mut v: Vec<(String, String)> = app.dataset.with(|ds| {
            ds.live::<City>()
                .map(|c| {
                    let n = if thai || c.name_en.is_empty() {
                        c.name_th.clone()
                    } else {
                        c.name_en.clone()
                    };
                    (c.meta.id.to_string(), n)
                })
                .collect()
        });
        v.sort_by_small(|a, b| a.1.cmp(&b.1));
        v
    });
    let name = Signal::derive(move || s.form.with(|f| f.title.clone()));
    let city_link = move || {
        s.form
            .with(|f| uuid::Uuid::parse_str(&f.city_id).ok())
            .map(|c| view! { <A href=format!("/cities/{c}")>{tr(ProjectText::OpenCity)}</A> })
    };
    view! {
        <EditorFrame session=s testid="project-editor">
            <form class="record-form" on:submit=|ev| ev.prevent_default()>
                <fieldset class="panel">
                    <legend>{tr(ProjectText::Basics)}</legend>
                    <SelectField field="city_id" label=t(ProjectText::City) required=true
                        value=crate::bind!(s.form, city_id) options=city_options marks=s.marks("city_id")/>
                    <p class="field-link">{city_link}</p>
                    <TextField field="fiscal_year" label=t(ProjectText::FiscalYear) inputmode="numeric"
                        value=crate::bind!(s.form, fiscal_year) marks=s.marks("fiscal_year")/>
                    <TextField field="title" label=t(ProjectText::TitleField) required=true
                        value=crate::bind!(s.form, title) marks=s.marks("title")/>
                    <TextField field="proposer" label=t(ProjectText::Proposer) hint=t(ProjectText::ProposerHint)
                        required=true value=crate::bind!(s.form, proposer) marks=s.marks("proposer")/>
                    <SelectField field="category" label=t(ProjectText::Category) required=true
                        value=crate::bind!(s.form, category) options=enum_options(&Category::ALL)
                        marks=s.marks("category")/>
                    <TextArea field="description" label=t(ProjectText::Description)
                        value=crate::bind!(s.form, description) marks=s.marks("description")/>
                </fieldset>
                <fieldset class="panel">
                    <legend>{tr(ProjectText::Money)}</legend>
                    <MoneyField field="amount_requested" label=t(ProjectText::Requested)
                        value=crate::bind!(s.form, amount_requested) marks=s.marks("amount_requested")/>
                    <MoneyField field="amount_approved" label=t(ProjectText::Approved)
                        value=crate::bind!(s.form, amount_approved) marks=s.marks("amount_approved")/>
                    <CoFundingLines s/>
                </fieldset>
                <Pipeline s name/>
                <fieldset class="panel">
                    <legend>{tr(ProjectText::Progress)}</legend>
                    <NumberField field="progress_percent" label=t(ProjectText::ProgressPercent) suffix="%"
                        value=crate::bind!(s.form, progress_percent) marks=s.marks("progress_percent")/>
                    <TextArea field="completion_report" label=t(ProjectText::Report) hint=t(ProjectText::ReportHint)
                        rows=6 value=crate::bind!(s.form, completion_report) marks=s.marks("completion_report")/>
                </fieldset>
                <EditorActions session=s name=name list="/projects"/>
            </form>
        </EditorFrame>
    }
}
