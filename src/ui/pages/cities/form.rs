//! The city form (new and edit): names, unit type, province, ceilings per year; with the
//! findings beside it and the audit trail below.

use leptos::prelude::*;

use super::text::CityText;
use crate::domain::dates::FiscalYear;
use crate::domain::forms::city_form::{new_city, BudgetLine, CityForm};
use crate::domain::forms::form::parse_fiscal_year;
use crate::domain::records::LocalUnitType;
use crate::ui::edit::{blank_meta, today, use_edit_session, EditActions, EditSession, Target};
use crate::ui::forms::screens::province_options;
use crate::ui::forms::{
    enum_options, remove_line, t, MoneyField, RemoveLine, SelectField, TextArea, TextField,
};
use crate::ui::i18n::tr;
use crate::ui::pages::editor_frame::EditorFrame;
use crate::ui::pages::editor_nav::editor_nav;
use crate::ui::state::use_app;

/// The editor for a new city (`target` New) or a stored one.
#[component]
pub fn CityEditor(
    /// Which city.
    target: Target,
) -> impl IntoView {
    let app = use_app();
    let fy = FiscalYear::containing(today());
    let s: EditSession<CityForm> =
        use_edit_session(target, move |id| new_city(blank_meta(app, id), fy));
    let province_options = province_options();
    let name = Signal::derive(move || s.form.with(|f| f.name_th.clone()));
    let id = s.id;
    let nav = editor_nav("/cities", "/cities", id);
    view! {
        <EditorFrame session=s testid="city-editor" form_class="record-form panel">
            <TextField field="name_th" label=t(CityText::NameTh) hint=t(CityText::NameThHint)
                value=crate::bind!(s.form, name_th) marks=s.marks("name_th") required=true/>
            <TextField field="name_en" label=t(CityText::NameEn)
                value=crate::bind!(s.form, name_en) marks=s.marks("name_en")/>
            <SelectField field="unit_type" label=t(CityText::UnitType) required=true
                value=crate::bind!(s.form, unit_type) options=enum_options(&LocalUnitType::ALL)
                marks=s.marks("unit_type")/>
            <SelectField field="province_id" label=t(CityText::Province) required=true
                value=crate::bind!(s.form, province_id) options=province_options
                marks=s.marks("province_id")/>
            <TextField field="district" label=t(CityText::District)
                value=crate::bind!(s.form, district) marks=s.marks("district")/>
            <TextField field="local_code" label=t(CityText::LocalCode) inputmode="numeric"
                value=crate::bind!(s.form, local_code) marks=s.marks("local_code")/>
            <fieldset class="lines">
                <legend>{tr(CityText::Budgets)}</legend>
                <For
                    each=move || 0..s.form.with(|f| f.budgets.len())
                    key=|i| *i
                    children=move |i| view! { <BudgetRow s i/> }
                />
                <button type="button" class="secondary" on:click=move |_| s.form.update(|f| {
                    let next = f.budgets.last().and_then(|b| parse_fiscal_year(&b.fiscal_year)).map_or(fy.0, |y| y.0 + 1);
                    f.budgets.push(BudgetLine { fiscal_year: next.to_string(), approved_ceiling: String::new() });
                })>"+ " {tr(CityText::AddBudget)}</button>
            </fieldset>
            <AccountFields s/>
            <EditActions session=s name=name on_saved=nav.on_saved on_deleted=nav.on_deleted/>
        </EditorFrame>
    }
}

/// Where the money goes: the transfer gate holds a transfer back until these are typed.
#[component]
fn AccountFields(
    /// The session edited.
    s: EditSession<CityForm>,
) -> impl IntoView {
    view! {
        <fieldset class="lines" data-testid="account">
            <legend>{tr(CityText::Account)}</legend>
            <p class="hint">{tr(CityText::AccountHint)}</p>
            <TextField field="account.account_name" label=t(CityText::AccountName)
                value=crate::bind!(s.form, account_name) marks=s.marks("account")/>
            <TextField field="account.bank" label=t(CityText::Bank)
                value=crate::bind!(s.form, bank) marks=s.marks("account.bank")/>
            <TextField field="account.branch" label=t(CityText::Branch)
                value=crate::bind!(s.form, branch) marks=s.marks("account.branch")/>
            <TextField field="account.number" label=t(CityText::AccountNumber) inputmode="numeric"
                value=crate::bind!(s.form, account_number) marks=s.marks("account.number")/>
            <TextArea field="account.signers" label=t(CityText::Signers) rows=3
                value=crate::bind!(s.form, signers) marks=s.marks("account.signers")/>
        </fieldset>
    }
}

/// One year's ceiling.
#[component]
fn BudgetRow(
    /// The session edited.
    s: EditSession<CityForm>,
    /// The line's index in `budgets`.
    i: usize,
) -> impl IntoView {
    let fy_field = format!("budgets[{i}].fiscal_year");
    let amount_field = format!("budgets[{i}].approved_ceiling");
    view! {
        <div class="line">
            <TextField field=fy_field.clone() label=t(CityText::BudgetYear) inputmode="numeric"
                value=crate::bind!(s.form, budgets, i, fiscal_year) marks=s.marks(fy_field)/>
            <MoneyField field=amount_field.clone() label=t(CityText::BudgetCeiling)
                value=crate::bind!(s.form, budgets, i, approved_ceiling) marks=s.marks(amount_field)/>
            <RemoveLine label=t(CityText::RemoveBudget)
                on_remove=Callback::new(move |_| s.form.update(|f| remove_line(&mut f.budgets, i)))/>
        </div>
    }
}
