//! A grant's page, for both kinds: who receives it (a province's start-up grant, a city
//! committee's grant), then the year, the amount (with the amount the year's parameters
//! give) and the date paid, which both kinds share.

use leptos::prelude::*;

use super::text::GrantText;
use crate::domain::forms::form::{parse_fiscal_year, RecordForm};
use crate::domain::forms::grant_forms::{
    expected_committee_grant, new_committee_grant, new_province_grant, CommitteeGrantForm,
    ProvinceGrantForm,
};
use crate::domain::money::Baht;
use crate::ui::edit::record_page::{record_page, RecordPageSpec};
use crate::ui::edit::{today, EditActions, EditSession};
use crate::ui::forms::screens::{city_options, province_options, this_fiscal_year, ScreenText};
use crate::ui::forms::{t, Bind, DateField, ExpectedAmount, MoneyField, SelectField, TextField};
use crate::ui::i18n::use_i18n;
use crate::ui::pages::editor_frame::EditorFrame;
use crate::ui::pages::editor_nav::editor_nav;
use crate::ui::state::use_app;

/// `/grants/province/:id` and `/grants/province/new?province=<id>`.
#[component]
pub fn ProvinceGrantPage() -> impl IntoView {
    let spec = RecordPageSpec::new(
        "/grants",
        "province-grant",
        GrantText::NewProvinceGrant,
        GrantText::ProvinceGrant,
    )
    .under("province");
    record_page(
        spec,
        |ds, meta, province| {
            new_province_grant(ds, meta, province.unwrap_or_default(), this_fiscal_year())
        },
        |s| view! { <ProvinceGrantEditor s/> }.into_any(),
    )
}

/// `/grants/committee/:id` and `/grants/committee/new?city=<id>`.
#[component]
pub fn CommitteeGrantPage() -> impl IntoView {
    let spec = RecordPageSpec::new(
        "/grants",
        "committee-grant",
        GrantText::NewCommitteeGrant,
        GrantText::CommitteeGrant,
    )
    .under("city");
    record_page(
        spec,
        |ds, meta, city| {
            new_committee_grant(ds, meta, city.unwrap_or_default(), this_fiscal_year())
        },
        |s| view! { <CommitteeGrantEditor s/> }.into_any(),
    )
}

#[component]
fn ProvinceGrantEditor(
    /// The grant's editing session.
    s: EditSession<ProvinceGrantForm>,
) -> impl IntoView {
    let app = use_app();
    let expected = Signal::derive(move || {
        let fy = s.form.with(|f| parse_fiscal_year(&f.fiscal_year))?;
        Some(app.dataset.with(|ds| ds.parameters_for(fy).province_grant))
    });
    view! {
        <GrantForm s title=GrantText::ProvinceGrant pages="/grants/province" testid="province-grant-editor" expected
            year=crate::bind!(s.form, fiscal_year) amount=crate::bind!(s.form, amount) date=crate::bind!(s.form, date)>
            <SelectField field="province_id" label=t(ScreenText::Province) required=true
                value=crate::bind!(s.form, province_id) options=province_options() marks=s/>
        </GrantForm>
    }
}

/// By the city's type: city and town municipalities get more.
#[component]
fn CommitteeGrantEditor(
    /// The grant's editing session.
    s: EditSession<CommitteeGrantForm>,
) -> impl IntoView {
    let app = use_app();
    let expected = Signal::derive(move || {
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
        <GrantForm s title=GrantText::CommitteeGrant pages="/grants/committee" testid="committee-grant-editor" expected
            year=crate::bind!(s.form, fiscal_year) amount=crate::bind!(s.form, amount) date=crate::bind!(s.form, date)>
            <SelectField field="city_id" label=t(ScreenText::City) required=true
                value=crate::bind!(s.form, city_id) options=city_options() marks=s/>
        </GrantForm>
    }
}

/// The form of either kind: `children` chooses who receives the grant; the year, amount
/// and date are the same fields in both forms.
#[component]
fn GrantForm<F: RecordForm>(
    /// The grant's editing session.
    s: EditSession<F>,
    /// The kind's name, for the grant's name in toasts ("งบจังหวัด 2561").
    title: GrantText,
    /// Where the kind's pages are (`<pages>/<id>`).
    pages: &'static str,
    /// `data-testid` of the editor.
    testid: &'static str,
    /// The amount the rules expect.
    expected: Signal<Option<Baht>>,
    year: Bind<String>,
    amount: Bind<String>,
    date: Bind<String>,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let name = Signal::derive(move || format!("{} {}", i18n.t(title), year.get.get()));
    let lead = Signal::derive(move || format!("{}:", i18n.t(ScreenText::Expected)));
    let nav = editor_nav(pages, "/grants", s.id);
    view! {
        <EditorFrame session=s testid=testid form_class="record-form panel">
            {children()}
            <TextField field="fiscal_year" label=t(ScreenText::FiscalYear) inputmode="numeric" required=true
                value=year marks=s/>
            <MoneyField field="amount" label=t(ScreenText::Amount) required=true
                value=amount marks=s/>
            <ExpectedAmount lead expected amount/>
            <DateField field="date" label=t(GrantText::DatePaid) today=today()
                value=date marks=s/>
            <EditActions session=s name=name on_saved=nav.on_saved on_deleted=nav.on_deleted/>
        </EditorFrame>
    }
}
