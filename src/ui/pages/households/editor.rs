//! One household per screen (`/households/new?community=<id>`, `/households/:id`): the
//! paper survey form's fields in its order, big choice buttons for the closed lists, the
//! number pad for counts, the community's progress, and "save and next household", which
//! opens a blank household of the same community keeping the round and the surveyor.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;

use super::header::{left_out_hint, RoundFields, SurveyHead};
use super::text::HouseholdText as T;
use crate::domain::forms::household_form::HouseholdForm;
use crate::domain::meta::{RecordId, RecordMeta};
use crate::domain::records::survey::{
    HouseCondition, HouseTenure, Household, IncomeBand, LandTenure, Need,
};
use crate::domain::records::Dataset;
use crate::domain::rules::RuleCode;
use crate::domain::views::survey_entry::next_household;
use crate::ui::edit::record_page::{record_page, BackTo, RecordPageSpec};
use crate::ui::edit::{focus, now, today, EditActions, EditSession};
use crate::ui::forms::{
    enum_options, t, ChoiceButtons, Mark, MoneyField, NumberField, TextArea, TextField,
};
use crate::ui::i18n::{tr, use_i18n};
use crate::ui::pages::editor_frame::EditorFrame;

/// `/households/:id` and `/households/new?community=<id>`. "Save and next household"
/// counts up `next`, which opens the page again on a fresh blank household.
#[component]
pub fn HouseholdPage() -> impl IntoView {
    let next = RwSignal::new(0u32);
    let spec = RecordPageSpec::new("/communities", "household", T::NewTitle, T::EditTitle)
        .under("community")
        .back_to(BackTo {
            path: "/communities",
            label: T::BackToCommunity,
            owner: |ds, id| ds.get::<Household>(id).map(|h| h.community_id),
        });
    move || {
        let opened = next.get();
        record_page(spec, blank, move |s| {
            view! { <HouseholdEditor s next opened/> }.into_any()
        })
    }
}

/// The next blank household of `community`: its round, surveyor and day (see
/// `next_household`).
fn blank(
    ds: &Dataset,
    meta: RecordMeta,
    community: Option<RecordId>,
) -> crate::domain::records::survey::Household {
    next_household(ds, community.unwrap_or_default(), meta, today(), now())
}

/// A household's name in toasts: its house number.
fn household_name(f: &HouseholdForm, i18n: crate::ui::i18n::I18n) -> String {
    let number = if f.house_number.trim().is_empty() {
        "—"
    } else {
        f.house_number.trim()
    };
    format!("{} {number}", i18n.t(T::HouseNo))
}

/// `marks` without `code` while `quiet` holds (a blank count on a form not yet saved).
fn quiet_until(
    marks: Signal<Vec<Mark>>,
    code: &'static str,
    quiet: Signal<bool>,
) -> Signal<Vec<Mark>> {
    Signal::derive(move || {
        let mut m = marks.get();
        if quiet.get() {
            m.retain(|m| m.code != Some(code));
        }
        m
    })
}

/// The marks at the house number, with `household.duplicate` also when another household
/// of the group comes first in its finding (the session's marks keep a finding to the
/// field of its first record, and a new household is the last).
fn house_number_marks(s: EditSession<HouseholdForm>) -> Signal<Vec<Mark>> {
    let own = s.marks("house_number");
    Signal::derive(move || {
        let mut m = own.get();
        s.findings.with(|list| {
            m.extend(
                list.iter()
                    .filter(|f| f.rule == RuleCode::HouseholdDuplicate)
                    .filter(|f| f.records.first().is_some_and(|r| r.id != s.id))
                    .map(Mark::finding),
            )
        });
        m
    })
}

/// The household form.
#[component]
fn HouseholdEditor(
    /// The household's editing session.
    s: EditSession<HouseholdForm>,
    /// Counted up by "save and next household".
    next: RwSignal<u32>,
    /// How many households this page opened before this one (0 on arrival).
    opened: u32,
) -> impl IntoView {
    let i18n = use_i18n();
    let to = use_navigate();
    let name = Signal::derive(move || s.form.with(|f| household_name(f, i18n)));
    let community = Signal::derive(move || s.form.with(|f| f.community_id.clone()));
    let was_new = !s.stored.get_untracked();
    if opened > 0 {
        // A fresh household after "save and next": back to the top, the house number ready.
        request_animation_frame(|| {
            window().scroll_to_with_x_and_y(0.0, 0.0);
            focus("f-house_number");
        });
    }
    let save_next = move |_| {
        let to = to.clone();
        spawn_local(async move {
            if s.save(name.get_untracked()).await.is_none() {
                return;
            }
            if was_new {
                next.update(|n| *n += 1);
            } else {
                let c = community.get_untracked();
                to(
                    &format!("/households/new?community={c}"),
                    Default::default(),
                );
            }
        });
    };
    let on_saved = Callback::new({
        let to = use_navigate();
        move |h: crate::domain::records::survey::Household| {
            if was_new {
                to(&format!("/households/{}", h.meta.id), Default::default());
            }
        }
    });
    let on_deleted = Callback::new({
        let to = use_navigate();
        move |_| {
            to(
                &format!("/communities/{}", community.get_untracked()),
                Default::default(),
            )
        }
    });
    let blank_members = Signal::derive(move || {
        !s.attempted.get() && !s.stored.get() && s.form.with(|f| f.members.trim().is_empty())
    });
    let members_marks = quiet_until(s.marks("members"), "household.members", blank_members);
    let rented = move || {
        s.form.with(|f| {
            f.house_tenure == "rent" || f.land_tenure == "rent" || !f.monthly_rent.trim().is_empty()
        })
    };
    // A blank household never goes in by a second tap on "save and next".
    let nothing_typed = move || !s.stored.get() && !s.dirty.get();
    let yes_no = Signal::derive(move || {
        vec![
            ("yes".to_string(), i18n.t(T::Yes).to_string()),
            ("no".to_string(), i18n.t(T::No).to_string()),
        ]
    });
    view! {
        <EditorFrame session=s testid="household-editor" form_class="record-form survey-entry">
            <SurveyHead s/>
            <RoundFields s/>
            <fieldset class="panel">
                <legend>{tr(T::TheHousehold)}</legend>
                <TextField field="house_number" label=t(T::HouseNumber) hint=t(T::HouseNumberHint) required=true
                    value=crate::bind!(s.form, house_number) marks=house_number_marks(s)/>
                <TextField field="head_name" label=t(T::HeadName) autocomplete="off"
                    hint=left_out_hint(s, "head_name", None, |f| &f.head_name)
                    value=crate::bind!(s.form, head_name) marks=s/>
                <TextField field="phone" label=t(T::Phone) inputmode="tel"
                    hint=left_out_hint(s, "phone", Some(T::PersonalHint), |f| &f.phone)
                    value=crate::bind!(s.form, phone) marks=s/>
            </fieldset>
            <fieldset class="panel">
                <legend>{tr(T::People)}</legend>
                <NumberField field="members" label=t(T::Members)
                    value=crate::bind!(s.form, members) marks=members_marks/>
                <div class="count-row">
                    <NumberField field="vulnerable.elderly" label=t(T::Elderly)
                        value=crate::bind!(s.form, elderly) marks=s/>
                    <NumberField field="vulnerable.disabled" label=t(T::Disabled)
                        value=crate::bind!(s.form, disabled) marks=s/>
                    <NumberField field="vulnerable.young_children" label=t(T::YoungChildren)
                        value=crate::bind!(s.form, young_children) marks=s/>
                </div>
                <p class="hint">{tr(T::VulnerableHint)}</p>
            </fieldset>
            <fieldset class="panel">
                <legend>{tr(T::Housing)}</legend>
                <ChoiceButtons field="land_tenure" label=t(T::LandTenure) options=enum_options(LandTenure::ALL)
                    value=crate::bind!(s.form, land_tenure) marks=s/>
                <ChoiceButtons field="house_tenure" label=t(T::HouseTenure) options=enum_options(HouseTenure::ALL)
                    value=crate::bind!(s.form, house_tenure) marks=s/>
                <Show when=rented>
                    <MoneyField field="monthly_rent" label=t(T::MonthlyRent)
                        value=crate::bind!(s.form, monthly_rent) marks=s/>
                </Show>
                <ChoiceButtons field="condition" label=t(T::Condition) options=enum_options(HouseCondition::ALL)
                    value=crate::bind!(s.form, condition) marks=s/>
            </fieldset>
            <fieldset class="panel">
                <legend>{tr(T::Money)}</legend>
                <ChoiceButtons field="income_band" label=t(T::IncomeBand) options=enum_options(IncomeBand::ALL)
                    value=crate::bind!(s.form, income_band) marks=s/>
                <ChoiceButtons field="savings_member" label=t(T::SavingsMember) options=yes_no
                    value=crate::bind!(s.form, savings_member) marks=s/>
                <ChoiceButtons field="need" label=t(T::Need) options=enum_options(Need::ALL)
                    value=crate::bind!(s.form, need) marks=s/>
                <TextArea field="notes" label=t(T::Notes) rows=2
                    value=crate::bind!(s.form, notes) marks=s/>
            </fieldset>
            <div class="panel sticky-actions survey-actions">
                <button type="button" class="save-next" data-testid="save-next"
                    disabled=move || s.busy.get() || s.conflict.get() || nothing_typed()
                    on:click=save_next>{tr(T::SaveAndNext)}</button>
                <EditActions session=s name=name on_saved=on_saved on_deleted=on_deleted/>
            </div>
        </EditorFrame>
    }
}
