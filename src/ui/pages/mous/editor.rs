//! An MOU's page: title, date, place, the cities it covers, the signatories and the
//! witness; findings beside, audit trail below.

use leptos::prelude::*;

use super::signatories::Signatories;
use super::text::MouText;
use crate::domain::forms::mou_form::MouForm;
use crate::domain::records::Mou;
use crate::ui::edit::record_page::{record_page, RecordPageSpec};
use crate::ui::edit::{today, EditSession};
use crate::ui::forms::screens::{city_options, ScreenText};
use crate::ui::forms::{field_dom_id, t, Bind, DateField, FieldMarks, SelectField, TextField};
use crate::ui::i18n::{tr, use_i18n};
use crate::ui::pages::editor_frame::EditorFrame;
use crate::ui::pages::editor_nav::EditorActions;

/// `/mous/:id` and `/mous/new?city=<id>`.
#[component]
pub fn MouPage() -> impl IntoView {
    let spec =
        RecordPageSpec::new("/mous", "mou", MouText::NewTitle, MouText::EditTitle).under("city");
    record_page(
        spec,
        |_, meta, city| Mou::new(meta, city.into_iter().collect()),
        |s| view! { <MouEditor s/> }.into_any(),
    )
}

/// The MOU form (a new MOU covers the address's city first).
#[component]
pub fn MouEditor(
    /// The MOU's editing session.
    s: EditSession<MouForm>,
) -> impl IntoView {
    let name = Signal::derive(move || s.form.with(|f| f.title.clone()));
    view! {
        <EditorFrame session=s testid="mou-editor">
            <fieldset class="panel">
                <legend>{tr(ScreenText::Basics)}</legend>
                <TextField field="title" label=t(MouText::TitleField) hint=t(MouText::TitleHint)
                    value=crate::bind!(s.form, title) marks=s/>
                <DateField field="date" label=t(MouText::SignedOn) today=today() required=true
                    value=crate::bind!(s.form, date) marks=s/>
                <TextField field="place" label=t(MouText::Place)
                    value=crate::bind!(s.form, place) marks=s/>
            </fieldset>
            <CoveredCities s/>
            <Signatories s/>
            <fieldset class="panel" data-testid="witness">
                <legend>{tr(MouText::Witness)}</legend>
                <TextField field="witness.name" label=t(MouText::WitnessName)
                    value=crate::bind!(s.form, witness_name) marks=s/>
                <TextField field="witness.position" label=t(MouText::WitnessPosition)
                    value=crate::bind!(s.form, witness_position) marks=s/>
            </fieldset>
            <crate::ui::attachments::AttachmentsPanel files=crate::bind!(s.form, attachments)/>
            <EditorActions session=s name=name list="/mous"/>
        </EditorFrame>
    }
}

/// The covered cities as removable chips, and a chooser that adds one.
#[component]
fn CoveredCities(
    /// The MOU's session.
    s: EditSession<MouForm>,
) -> impl IntoView {
    let i18n = use_i18n();
    let options = city_options();
    let name_of = move |id: &str| {
        options
            .with(|o| o.iter().find(|(v, _)| v == id).map(|(_, n)| n.clone()))
            .unwrap_or_else(|| "—".into())
    };
    // The chooser offers only cities not yet covered, and clears itself after each pick.
    let remaining = Signal::derive(move || {
        let chosen = s.form.with(|f| f.city_ids.clone());
        options
            .get()
            .into_iter()
            .filter(|(v, _)| !chosen.contains(v))
            .collect::<Vec<_>>()
    });
    let pick = Bind::new(String::new, move |v: String| {
        if let Ok(id) = uuid::Uuid::parse_str(&v) {
            s.form.update(|f| f.add_city(id));
        }
    });
    view! {
        <fieldset class="panel" data-testid="covered-cities">
            <legend>{tr(MouText::Cities)} " (" {move || s.form.with(|f| f.city_ids.len())} ")"</legend>
            <ul class="chips">
                <For each=move || s.form.with(|f| f.city_ids.clone().into_iter().enumerate().collect::<Vec<_>>())
                    key=|(i, c)| (*i, c.clone())
                    children=move |(i, c)| {
                        let field = format!("city_ids[{i}]");
                        let dom = field_dom_id(&field);
                        // Reactive: the records may still be loading when the chip is made.
                        let id_text = c.clone();
                        let label = Signal::derive(move || name_of(&id_text));
                        let chip_id = dom.clone();
                        view! {
                            <li class="chip" id=chip_id tabindex="-1">
                                <span lang="th">{move || label.get()}</span>
                                <button type="button" class="chip-remove"
                                    aria-label=move || format!("{} {}", i18n.t(MouText::RemoveCity), label.get())
                                    on:click=move |_| s.form.update(|f| { if i < f.city_ids.len() { f.city_ids.remove(i); } })>
                                    "×"
                                </button>
                                <FieldMarks dom_id=dom marks=s.marks(field)/>
                            </li>
                        }
                    }/>
            </ul>
            <SelectField field="add-city" label=t(MouText::AddCity) hint=t(MouText::CitiesHint)
                value=pick options=remaining/>
        </fieldset>
    }
}
