//! A committee grant's page: city, year, amount (with the amount the year's parameters
//! give the city's type of local government) and date.

use leptos::prelude::*;

use super::text::GrantText;
use crate::domain::forms::form::{money_text, parse_fiscal_year};
use crate::domain::forms::grant_forms::{
    expected_committee_grant, new_committee_grant, CommitteeGrantForm,
};
use crate::domain::records::CommitteeGrant;
use crate::ui::edit::record_page::{record_page, RecordPageSpec};
use crate::ui::edit::{blank_meta, today, use_edit_session, EditActions, EditSession, Target};
use crate::ui::forms::screens::{city_options, this_fiscal_year, ScreenText};
use crate::ui::forms::{t, DateField, MoneyField, SelectField, TextField};
use crate::ui::i18n::{tr, use_i18n};
use crate::ui::pages::editor_frame::EditorFrame;
use crate::ui::pages::editor_nav::editor_nav;
use crate::ui::state::use_app;

/// `/grants/committee/:id` and `/grants/committee/new?city=<id>`.
#[component]
pub fn CommitteeGrantPage() -> impl IntoView {
    let spec = RecordPageSpec {
        list: "/grants",
        testid: "committee-grant-page",
        parent: Some("city"),
        slot: "committee-grant",
        new_title: GrantText::NewCommitteeGrant,
        edit_title: GrantText::CommitteeGrant,
    };
    record_page::<CommitteeGrant, _>(spec, |target, parent| {
        view! { <Editor target=target city=parent/> }.into_any()
    })
}

/// The form.
#[component]
fn Editor(
    /// Which grant.
    target: Target,
    /// For a new grant: the city, if known.
    #[prop(default = None)]
    city: Option<uuid::Uuid>,
) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let fy = this_fiscal_year();
    let s: EditSession<CommitteeGrantForm> = use_edit_session(target, move |id| {
        app.dataset.with_untracked(|ds| {
            new_committee_grant(
                ds,
                blank_meta(app, id),
                city.unwrap_or_else(uuid::Uuid::nil),
                fy,
            )
        })
    });
    let name = Signal::derive(move || {
        s.form
            .with(|f| format!("{} {}", i18n.t(GrantText::CommitteeGrant), f.fiscal_year))
    });
    let id = s.id;
    let nav = editor_nav("/grants/committee", "/grants", id);
    // By the city's type: city and town municipalities get more.
    let expected = Memo::new(move |_| {
        let (city, fy) = s.form.with(|f| {
            (
                uuid::Uuid::parse_str(&f.city_id).ok(),
                parse_fiscal_year(&f.fiscal_year),
            )
        });
        app.dataset
            .with(|ds| expected_committee_grant(ds, city?, fy?))
    });
    view! {
        <EditorFrame session=s testid="committee-grant-editor">
            <form class="record-form panel" on:submit=|ev| ev.prevent_default()>
                <SelectField field="city_id" label=t(ScreenText::City) required=true
                    value=crate::bind!(s.form, city_id) options=city_options() marks=s.marks("city_id")/>
                <TextField field="fiscal_year" label=t(ScreenText::FiscalYear) inputmode="numeric" required=true
                    value=crate::bind!(s.form, fiscal_year) marks=s.marks("fiscal_year")/>
                <MoneyField field="amount" label=t(ScreenText::Amount) required=true
                    value=crate::bind!(s.form, amount) marks=s.marks("amount")/>
                {move || expected.get().map(|b| view! {
                    <p class="expected" data-testid="expected-amount">
                        {tr(ScreenText::Expected)} ": " <strong>{b.format()}</strong> " "
                        <button type="button" class="secondary small" on:click=move |_| s.form.update(|f| f.amount = money_text(Some(b)))>
                            {tr(ScreenText::UseExpected)}
                        </button>
                    </p>
                })}
                <DateField field="date" label=t(GrantText::DatePaid) today=today()
                    value=crate::bind!(s.form, date) marks=s.marks("date")/>
                <EditActions session=s name=name on_saved=nav.on_saved on_deleted=nav.on_deleted/>
            </form>
        </EditorFrame>
    }
}
