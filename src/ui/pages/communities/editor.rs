//! A community's page: where it is, its households and people, land and eviction, savings
//! group and the housing solution in view, with findings beside the fields.

use leptos::prelude::*;

use super::text::CommunityText;
use crate::domain::forms::community_form::{new_community, CommunityForm};
use crate::domain::meta::{RecordId, RecordMeta};
use crate::domain::records::survey::{
    Community, EvictionThreat, HousingProgramme, LandTenure, Landowner, Solution,
};
use crate::domain::records::Dataset;
use crate::ui::edit::record_page::{record_page, RecordPageSpec};
use crate::ui::edit::{today, EditSession};
use crate::ui::forms::screens::{city_options, ScreenText};
use crate::ui::forms::{
    enum_options, t, DateField, LinkedChoice, MoneyField, NumberField, SelectField, TextArea,
    TextField,
};
use crate::ui::i18n::tr;
use crate::ui::pages::editor_frame::EditorFrame;
use crate::ui::pages::editor_nav::EditorActions;
use crate::ui::pages::households::{CommunityHouseholds, SurveyStart};

/// `/communities/:id` and `/communities/new?city=<id>`.
#[component]
pub fn CommunityPage() -> impl IntoView {
    let spec = RecordPageSpec::new(
        "/communities",
        "community",
        CommunityText::NewTitle,
        CommunityText::EditTitle,
    )
    .under("city");
    record_page(spec, blank, |s| view! { <Editor s/> }.into_any())
}

/// A new community of `city` (none chosen yet without one).
fn blank(_: &Dataset, meta: RecordMeta, city: Option<RecordId>) -> Community {
    new_community(meta, city.unwrap_or_default())
}

/// The community form.
#[component]
fn Editor(
    /// The community's editing session.
    s: EditSession<CommunityForm>,
) -> impl IntoView {
    let name = Signal::derive(move || s.form.with(|f| f.name.clone()));
    view! {
        <EditorFrame session=s testid="community-editor" below=view! { <CommunityHouseholds id=s.id/> }.into_any()>
            <SurveyStart id=s.id stored=s.stored/>
            <fieldset class="panel">
                <legend>{tr(ScreenText::Basics)}</legend>
                <LinkedChoice field="city_id" label=t(ScreenText::City) pages="/cities" open=t(ScreenText::OpenCity)
                    value=crate::bind!(s.form, city_id) options=city_options() marks=s/>
                <TextField field="name" label=t(CommunityText::Name) hint=t(CommunityText::NameHint) required=true
                    value=crate::bind!(s.form, name) marks=s/>
                <TextField field="district" label=t(CommunityText::District)
                    value=crate::bind!(s.form, district) marks=s/>
                <TextField field="subdistrict" label=t(CommunityText::Subdistrict)
                    value=crate::bind!(s.form, subdistrict) marks=s/>
            </fieldset>
            <fieldset class="panel">
                <legend>{tr(CommunityText::Place)}</legend>
                <p class="hint">{tr(CommunityText::LocationHint)}</p>
                <TextField field="location.latitude" label=t(CommunityText::Latitude) inputmode="decimal"
                    value=crate::bind!(s.form, latitude) marks=s/>
                <TextField field="location.longitude" label=t(CommunityText::Longitude) inputmode="decimal"
                    value=crate::bind!(s.form, longitude) marks=s/>
            </fieldset>
            <fieldset class="panel">
                <legend>{tr(CommunityText::People)}</legend>
                <NumberField field="households" label=t(CommunityText::Households) hint=t(CommunityText::HouseholdsHint)
                    value=crate::bind!(s.form, households) marks=s/>
                <NumberField field="population" label=t(CommunityText::Population)
                    value=crate::bind!(s.form, population) marks=s/>
            </fieldset>
            <fieldset class="panel">
                <legend>{tr(CommunityText::Land)}</legend>
                <SelectField field="landowner" label=t(CommunityText::Landowner)
                    value=crate::bind!(s.form, landowner) options=enum_options(Landowner::ALL) marks=s/>
                <SelectField field="tenure" label=t(CommunityText::Tenure)
                    value=crate::bind!(s.form, tenure) options=enum_options(LandTenure::ALL) marks=s/>
                <SelectField field="eviction" label=t(CommunityText::Eviction)
                    value=crate::bind!(s.form, eviction) options=enum_options(EvictionThreat::ALL) marks=s/>
                <DateField field="eviction_date" label=t(CommunityText::EvictionDate) today=today()
                    value=crate::bind!(s.form, eviction_date) marks=s/>
            </fieldset>
            <fieldset class="panel">
                <legend>{tr(CommunityText::Savings)}</legend>
                <NumberField field="savings_group.members" label=t(CommunityText::SavingsMembers)
                    value=crate::bind!(s.form, savings_members) marks=s/>
                <MoneyField field="savings_group.balance" label=t(CommunityText::SavingsBalance)
                    value=crate::bind!(s.form, savings_balance) marks=s/>
                <TextField field="organisation" label=t(CommunityText::Organisation)
                    value=crate::bind!(s.form, organisation) marks=s/>
            </fieldset>
            <fieldset class="panel">
                <legend>{tr(CommunityText::Plan)}</legend>
                <SelectField field="preferred_solution" label=t(CommunityText::Solution)
                    value=crate::bind!(s.form, preferred_solution) options=enum_options(Solution::ALL) marks=s/>
                <SelectField field="programme" label=t(CommunityText::Programme)
                    value=crate::bind!(s.form, programme) options=enum_options(HousingProgramme::ALL) marks=s/>
                <TextArea field="notes" label=t(CommunityText::Notes) rows=3
                    value=crate::bind!(s.form, notes) marks=s/>
            </fieldset>
            <EditorActions session=s name=name list="/communities"/>
        </EditorFrame>
    }
}
