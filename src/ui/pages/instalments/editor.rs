//! An instalment's page: city, year, number, planned share, amount (with the amount the
//! rules expect), dates and reference; the transfer panel; findings beside, audit below.

use leptos::prelude::*;

use super::account::PaysInto;
use super::text::InstalmentText;
use super::transfer::TransferPanel;
use crate::domain::forms::form::parse_fiscal_year;
use crate::domain::forms::money_forms::{
    expected_instalment, new_instalment, parse_share, InstalmentForm,
};
use crate::domain::meta::{RecordId, RecordMeta};
use crate::domain::records::{City, Dataset, Instalment};
use crate::ui::edit::record_page::{record_page, RecordPageSpec};
use crate::ui::edit::{today, EditSession};
use crate::ui::forms::screens::{city_options, this_fiscal_year, ScreenText};
use crate::ui::forms::{
    t, DateField, ExpectedAmount, LinkedChoice, MoneyField, NumberField, SelectField, TextField,
};
use crate::ui::i18n::{tr, use_i18n};
use crate::ui::pages::editor_frame::EditorFrame;
use crate::ui::pages::editor_nav::EditorActions;
use crate::ui::pages::progress::report_options;
use crate::ui::pages::progress::text::ProgressText;
use crate::ui::state::use_app;

/// `/instalments/:id` and `/instalments/new?city=<id>`.
#[component]
pub fn InstalmentPage() -> impl IntoView {
    let spec = RecordPageSpec::new(
        "/instalments",
        "instalment",
        InstalmentText::NewTitle,
        InstalmentText::EditTitle,
    )
    .under("city");
    record_page(spec, blank, |s| view! { <InstalmentEditor s/> }.into_any())
}

/// A new instalment of `city`, in the city's latest budget year (this year without one).
fn blank(ds: &Dataset, meta: RecordMeta, city: Option<RecordId>) -> Instalment {
    let fy = city
        .and_then(|c| ds.get::<City>(c))
        .and_then(|c| c.budgets.iter().map(|b| b.fiscal_year).max())
        .unwrap_or_else(this_fiscal_year);
    new_instalment(ds, meta, city.unwrap_or_default(), fy)
}

/// The instalment form.
#[component]
pub fn InstalmentEditor(
    /// The instalment's editing session.
    s: EditSession<InstalmentForm>,
) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let name = Signal::derive(move || {
        s.form
            .with(|f| format!("{} {}", i18n.t(InstalmentText::InstalmentNo), f.number))
    });
    // What the rules expect this instalment to be, from the city's ceiling and the share.
    let expected = Memo::new(move |_| {
        let (city, fy, share) = s.form.with(|f| {
            (
                uuid::Uuid::parse_str(&f.city_id).ok(),
                parse_fiscal_year(&f.fiscal_year),
                parse_share(&f.planned_share).ok(),
            )
        });
        app.dataset
            .with(|ds| expected_instalment(ds, city?, fy?, share))
    });
    view! {
        <EditorFrame session=s testid="instalment-editor">
            <fieldset class="panel">
                <legend>{tr(ScreenText::Basics)}</legend>
                <LinkedChoice field="city_id" label=t(ScreenText::City) pages="/cities" open=t(ScreenText::OpenCity)
                    value=crate::bind!(s.form, city_id) options=city_options() marks=s/>
                <PaysInto city_id=Signal::derive(move || s.form.with(|f| f.city_id.clone()))/>
                <TextField field="fiscal_year" label=t(ScreenText::FiscalYear) inputmode="numeric" required=true
                    value=crate::bind!(s.form, fiscal_year) marks=s/>
                <NumberField field="number" label=t(InstalmentText::Number) hint=t(InstalmentText::NumberHint)
                    value=crate::bind!(s.form, number) marks=s/>
                <NumberField field="planned_share" label=t(InstalmentText::PlannedShare) suffix="%"
                    hint=t(InstalmentText::PlannedShareHint)
                    value=crate::bind!(s.form, planned_share) marks=s/>
                <MoneyField field="amount" label=t(InstalmentText::Amount) required=true
                    value=crate::bind!(s.form, amount) marks=s/>
                <ExpectedAmount lead=t(InstalmentText::ExpectedIs) expected amount=crate::bind!(s.form, amount)/>
            </fieldset>
            <fieldset class="panel">
                <legend>{tr(ScreenText::Date)}</legend>
                <DateField field="planned_date" label=t(InstalmentText::PlannedDate) today=today()
                    value=crate::bind!(s.form, planned_date) marks=s/>
                <DateField field="requested_date" label=t(InstalmentText::RequestedDate) today=today()
                    hint=t(InstalmentText::RequestedDateHint)
                    value=crate::bind!(s.form, requested_date) marks=s/>
                <SelectField field="progress_report_id" label=t(ProgressText::ReportOf) hint=t(ProgressText::ReportHint)
                    value=crate::bind!(s.form, progress_report_id) marks=s
                    options=report_options(
                        Signal::derive(move || s.form.with(|f| f.city_id.clone())),
                        Signal::derive(move || s.form.with(|f| f.progress_report_id.clone())),
                    )/>
                <DateField field="due_date" label=t(InstalmentText::DueDate) today=today()
                    value=crate::bind!(s.form, due_date) marks=s/>
                <TextField field="reference" label=t(InstalmentText::Reference) hint=t(InstalmentText::ReferenceHint)
                    value=crate::bind!(s.form, reference) marks=s/>
            </fieldset>
            <TransferPanel s name/>
            <crate::ui::attachments::AttachmentsPanel files=crate::bind!(s.form, attachments)/>
            <EditorActions session=s name=name list="/instalments"/>
        </EditorFrame>
    }
}
