//! One year's parameters: the amounts, the first-instalment share and the deadline, with
//! a warning when the year already has another set.

use leptos::prelude::*;
use leptos_router::components::A;

use super::text::ParamText;
use crate::domain::dates::FiscalYear;
use crate::domain::forms::parameters_form::{
    new_parameters, other_for_year, parameter_years, ParametersForm,
};
use crate::ui::edit::{blank_meta, today, use_edit_session, EditSession, EditText, Target};
use crate::ui::forms::screens::{not_found, param_id, this_fiscal_year, ScreenText, WhenLoaded};
use crate::ui::forms::{t, DateField, MoneyField, NumberField, TextField};
use crate::ui::i18n::tr;
use crate::ui::pages::editor_frame::EditorFrame;
use crate::ui::pages::editor_nav::EditorActions;
use crate::ui::state::use_app;

/// `/parameters/:id` and `/parameters/new`.
#[component]
pub fn ParametersPage() -> impl IntoView {
    let app = use_app();
    let id = param_id();
    move || {
        let body = match id.get().as_deref() {
            Some("new") => view! {
                <h1>{tr(ParamText::NewTitle)}</h1>
                <WhenLoaded><Editor target=Target::New { slot: "parameters".into() }/></WhenLoaded>
            }
            .into_any(),
            Some(raw) => match uuid::Uuid::parse_str(raw) {
                Ok(pid) => {
                    // Shipped years (FY2561) count as found before a new office stores them.
                    let exists = Memo::new(move |_| {
                        app.dataset
                            .with(|ds| parameter_years(ds).iter().any(|p| p.meta.id == pid))
                    });
                    (move || match (exists.get(), app.loaded.get()) {
                        (false, false) => view! { <p>{tr(EditText::Loading)}</p> }.into_any(),
                        (false, true) => not_found(),
                        (true, _) => view! {
                            <h1>{tr(ParamText::EditTitle)}</h1>
                            <Editor target=Target::Existing(pid)/>
                        }
                        .into_any(),
                    })
                    .into_any()
                }
                Err(_) => not_found(),
            },
            None => not_found(),
        };
        view! {
            <section class="page" data-testid="parameters-editor-page">
                <p><A href="/parameters">"← " {tr(ScreenText::BackToList)}</A></p>
                {body}
            </section>
        }
    }
}

/// The form.
#[component]
fn Editor(
    /// Which year's record.
    target: Target,
) -> impl IntoView {
    let app = use_app();
    // The year after the latest one with parameters, else this fiscal year.
    let next_year = app.dataset.with_untracked(|ds| {
        parameter_years(ds)
            .first()
            .map_or_else(this_fiscal_year, |p| FiscalYear(p.fiscal_year.0 + 1))
    });
    let s: EditSession<ParametersForm> = use_edit_session(target, move |id| {
        app.dataset.with_untracked(|ds| {
            // A shipped record not stored yet is edited as it ships.
            parameter_years(ds)
                .into_iter()
                .find(|p| p.meta.id == id)
                .unwrap_or_else(|| new_parameters(ds, blank_meta(app, id), next_year))
        })
    });
    let name = Signal::derive(move || s.form.with(|f| f.fiscal_year.clone()));
    let id = s.id;
    let same_year = Memo::new(move |_| {
        let fy = s.built.with(|b| b.record.fiscal_year);
        app.dataset.with(|ds| other_for_year(ds, id, fy))
    });
    view! {
        <EditorFrame session=s testid="parameters-editor">
            <fieldset class="panel">
                <legend>{tr(ScreenText::FiscalYear)}</legend>
                <TextField field="fiscal_year" label=t(ScreenText::FiscalYear) inputmode="numeric" required=true
                    value=crate::bind!(s.form, fiscal_year) marks=s.marks("fiscal_year")/>
                {move || same_year.get().map(|other| view! {
                    <p class="notice notice-warning" role="alert" data-testid="same-year">
                        {tr(ParamText::SameYear)} " " <A href=format!("/parameters/{other}")>{tr(ParamText::OpenOther)}</A>
                    </p>
                })}
            </fieldset>
            <fieldset class="panel">
                <legend>{tr(ParamText::Amounts)}</legend>
                <MoneyField field="project_max" label=t(ParamText::ProjectMax) hint=t(ParamText::ProjectMaxHint) required=true
                    value=crate::bind!(s.form, project_max) marks=s.marks("project_max")/>
                <MoneyField field="city_max" label=t(ParamText::CityMax) hint=t(ParamText::CityMaxHint) required=true
                    value=crate::bind!(s.form, city_max) marks=s.marks("city_max")/>
                <MoneyField field="committee_grant_city_town" label=t(ParamText::GrantCityTown) required=true
                    value=crate::bind!(s.form, committee_grant_city_town) marks=s.marks("committee_grant_city_town")/>
                <MoneyField field="committee_grant_subdistrict" label=t(ParamText::GrantSubdistrict) required=true
                    value=crate::bind!(s.form, committee_grant_subdistrict) marks=s.marks("committee_grant_subdistrict")/>
                <MoneyField field="province_grant" label=t(ParamText::ProvinceGrant) required=true
                    value=crate::bind!(s.form, province_grant) marks=s.marks("province_grant")/>
            </fieldset>
            <fieldset class="panel">
                <legend>{tr(ParamText::Instalments)}</legend>
                <NumberField field="first_instalment_share" label=t(ParamText::FirstShare) suffix="%"
                    hint=t(ParamText::FirstShareHint)
                    value=crate::bind!(s.form, first_instalment_share) marks=s.marks("first_instalment_share")/>
                <DateField field="second_instalment_deadline" label=t(ParamText::Deadline) today=today()
                    hint=t(ParamText::DeadlineHint)
                    value=crate::bind!(s.form, second_instalment_deadline) marks=s.marks("second_instalment_deadline")/>
            </fieldset>
            <EditorActions session=s name=name list="/parameters"/>
        </EditorFrame>
    }
}
