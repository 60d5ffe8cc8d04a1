//! An instalment's page: city, year, number, planned share, amount (with the amount the
//! rules expect), dates and reference; the transfer panel; findings beside, audit below.

use leptos::prelude::*;
use leptos_router::components::A;

use super::account::PaysInto;
use super::text::InstalmentText;
use super::transfer::TransferPanel;
use crate::domain::forms::form::{money_text, parse_fiscal_year};
use crate::domain::forms::money_forms::{
    expected_instalment, new_instalment, parse_share, InstalmentForm,
};
use crate::domain::records::Instalment;
use crate::ui::edit::record_page::{record_page, RecordPageSpec};
use crate::ui::edit::{blank_meta, today, use_edit_session, EditSession, Target};
use crate::ui::forms::screens::{city_options, this_fiscal_year, ScreenText};
use crate::ui::forms::{t, DateField, MoneyField, NumberField, SelectField, TextField};
use crate::ui::i18n::{tr, use_i18n};
use crate::ui::pages::editor_frame::EditorFrame;
use crate::ui::pages::editor_nav::EditorActions;
use crate::ui::state::use_app;

/// `/instalments/:id` and `/instalments/new?city=<id>`.
#[component]
pub fn InstalmentPage() -> impl IntoView {
    let spec = RecordPageSpec {
        list: "/instalments",
        testid: "instalment-page",
        parent: Some("city"),
        slot: "instalment",
        new_title: InstalmentText::NewTitle,
        edit_title: InstalmentText::EditTitle,
    };
    record_page::<Instalment, _>(spec, |target, parent| {
        view! { <InstalmentEditor target=target city=parent/> }.into_any()
    })
}

/// The instalment form. For a new one, `city` pre-selects the city; the year is the
/// city's latest budget year.
#[component]
pub fn InstalmentEditor(
    /// Which instalment.
    target: Target,
    /// For a new instalment: its city, if known.
    #[prop(default = None)]
    city: Option<uuid::Uuid>,
) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let fy = city
        .and_then(|c| {
            app.dataset.with_untracked(|ds| {
                ds.get::<crate::domain::records::City>(c)
                    .and_then(|c| c.budgets.iter().map(|b| b.fiscal_year).max())
            })
        })
        .unwrap_or_else(this_fiscal_year);
    let s: EditSession<InstalmentForm> = use_edit_session(target, move |id| {
        app.dataset.with_untracked(|ds| {
            new_instalment(
                ds,
                blank_meta(app, id),
                city.unwrap_or_else(uuid::Uuid::nil),
                fy,
            )
        })
    });
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
    let city_link = move || {
        s.form
            .with(|f| uuid::Uuid::parse_str(&f.city_id).ok())
            .map(|c| view! { <A href=format!("/cities/{c}")>{tr(ScreenText::OpenCity)}</A> })
    };
    view! {
        <EditorFrame session=s testid="instalment-editor">
            <form class="record-form" on:submit=|ev| ev.prevent_default()>
                <fieldset class="panel">
                    <legend>{tr(ScreenText::Basics)}</legend>
                    <SelectField field="city_id" label=t(ScreenText::City) required=true
                        value=crate::bind!(s.form, city_id) options=city_options() marks=s.marks("city_id")/>
                    <p class="field-link">{city_link}</p>
                    <PaysInto city_id=Signal::derive(move || s.form.with(|f| f.city_id.clone()))/>
                    <TextField field="fiscal_year" label=t(ScreenText::FiscalYear) inputmode="numeric" required=true
                        value=crate::bind!(s.form, fiscal_year) marks=s.marks("fiscal_year")/>
                    <NumberField field="number" label=t(InstalmentText::Number) hint=t(InstalmentText::NumberHint)
                        value=crate::bind!(s.form, number) marks=s.marks("number")/>
                    <NumberField field="planned_share" label=t(InstalmentText::PlannedShare) suffix="%"
                        hint=t(InstalmentText::PlannedShareHint)
                        value=crate::bind!(s.form, planned_share) marks=s.marks("planned_share")/>
                    <MoneyField field="amount" label=t(InstalmentText::Amount) required=true
                        value=crate::bind!(s.form, amount) marks=s.marks("amount")/>
                    {move || expected.get().map(|b| view! {
                        <p class="expected" data-testid="expected-amount">
                            {tr(InstalmentText::ExpectedIs)} " " <strong>{b.format()}</strong> " "
                            <button type="button" class="secondary small" data-testid="use-expected"
                                on:click=move |_| s.form.update(|f| f.amount = money_text(Some(b)))>
                                {tr(ScreenText::UseExpected)}
                            </button>
                        </p>
                    })}
                </fieldset>
                <fieldset class="panel">
                    <legend>{tr(ScreenText::Date)}</legend>
                    <DateField field="planned_date" label=t(InstalmentText::PlannedDate) today=today()
                        value=crate::bind!(s.form, planned_date) marks=s.marks("planned_date")/>
                    <DateField field="requested_date" label=t(InstalmentText::RequestedDate) today=today()
                        hint=t(InstalmentText::RequestedDateHint)
                        value=crate::bind!(s.form, requested_date) marks=s.marks("requested_date")/>
                    <DateField field="due_date" label=t(InstalmentText::DueDate) today=today()
                        value=crate::bind!(s.form, due_date) marks=s.marks("due_date")/>
                    <TextField field="reference" label=t(InstalmentText::Reference) hint=t(InstalmentText::ReferenceHint)
                        value=crate::bind!(s.form, reference) marks=s.marks("reference")/>
                </fieldset>
                <TransferPanel s name/>
                <EditorActions session=s name=name list="/instalments"/>
            </form>
        </EditorFrame>
    }
}
