//! A province start-up grant's page: province, year, amount (with the year's expected
//! amount) and date.

use leptos::prelude::*;

use super::text::GrantText;
use crate::domain::forms::form::{money_text, parse_fiscal_year};
use crate::domain::forms::grant_forms::{new_province_grant, ProvinceGrantForm};
use crate::domain::records::ProvinceGrant;
use crate::ui::edit::record_page::{record_page, RecordPageSpec};
use crate::ui::edit::{blank_meta, today, use_edit_session, EditActions, EditSession, Target};
use crate::ui::forms::screens::{province_options, this_fiscal_year, ScreenText};
use crate::ui::forms::{t, DateField, MoneyField, SelectField, TextField};
use crate::ui::i18n::{tr, use_i18n};
use crate::ui::pages::editor_frame::EditorFrame;
use crate::ui::pages::editor_nav::editor_nav;
use crate::ui::state::use_app;

/// `/grants/province/:id` and `/grants/province/new?province=<id>`.
#[component]
pub fn ProvinceGrantPage() -> impl IntoView {
    let spec = RecordPageSpec {
        list: "/grants",
        testid: "province-grant-page",
        parent: Some("province"),
        slot: "province-grant",
        new_title: GrantText::NewProvinceGrant,
        edit_title: GrantText::ProvinceGrant,
    };
    record_page::<ProvinceGrant, _>(spec, |target, parent| {
        view! { <Editor target=target province=parent/> }.into_any()
    })
}

/// The form.
#[component]
fn Editor(
    /// Which grant.
    target: Target,
    /// For a new grant: the province, if known.
    #[prop(default = None)]
    province: Option<uuid::Uuid>,
) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let fy = this_fiscal_year();
    let s: EditSession<ProvinceGrantForm> = use_edit_session(target, move |id| {
        app.dataset.with_untracked(|ds| {
            new_province_grant(
                ds,
                blank_meta(app, id),
                province.unwrap_or_else(uuid::Uuid::nil),
                fy,
            )
        })
    });
    let name = Signal::derive(move || {
        s.form
            .with(|f| format!("{} {}", i18n.t(GrantText::ProvinceGrant), f.fiscal_year))
    });
    let id = s.id;
    let nav = editor_nav("/grants/province", "/grants", id);
    let expected = Memo::new(move |_| {
        let fy = s.form.with(|f| parse_fiscal_year(&f.fiscal_year))?;
        Some(app.dataset.with(|ds| ds.parameters_for(fy).province_grant))
    });
    view! {
        <EditorFrame session=s testid="province-grant-editor">
            <form class="record-form panel" on:submit=|ev| ev.prevent_default()>
                <SelectField field="province_id" label=t(ScreenText::Province) required=true
                    value=crate::bind!(s.form, province_id) options=province_options() marks=s.marks("province_id")/>
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
