//! The MOU's signatories: one line each (name, role, the city signed for, position), and
//! "add the usual signatories" for every covered city.

use leptos::prelude::*;

use super::text::MouText;
use crate::domain::forms::mou_form::{MouForm, SignatoryLine};
use crate::domain::records::SignatoryRole;
use crate::ui::edit::EditSession;
use crate::ui::forms::screens::ScreenText;
use crate::ui::forms::{enum_options, remove_line, t, RemoveLine, SelectField, TextField};
use crate::ui::i18n::tr;

/// The lines with add, remove and "add the usual signatories".
#[component]
pub fn Signatories(
    /// The MOU's session.
    s: EditSession<MouForm>,
) -> impl IntoView {
    // Only the covered cities can be signed for.
    let covered = Signal::derive(move || {
        let ids = s.form.with(|f| f.city_ids.clone());
        crate::ui::forms::screens::city_options()
            .get()
            .into_iter()
            .filter(|(v, _)| ids.contains(v))
            .collect::<Vec<_>>()
    });
    view! {
        <fieldset class="panel lines" data-testid="signatories">
            <legend>{tr(MouText::Signatories)} " (" {move || s.form.with(|f| f.signatories.len())} ")"</legend>
            <For each=move || 0..s.form.with(|f| f.signatories.len()) key=|i| *i
                children=move |i| view! { <SignatoryRow s i covered/> }/>
            <div class="button-row">
                <button type="button" class="secondary" data-testid="add-signatory"
                    on:click=move |_| s.form.update(|f| f.signatories.push(SignatoryLine::default()))>
                    "+ " {tr(MouText::AddSignatory)}
                </button>
                <button type="button" class="secondary" data-testid="add-standard-signatories"
                    aria-describedby="standard-hint"
                    on:click=move |_| s.form.update(|f| { f.add_standard_signatories(); })>
                    "+ " {tr(MouText::AddStandard)}
                </button>
            </div>
            <p class="hint" id="standard-hint">{tr(MouText::AddStandardHint)}</p>
        </fieldset>
    }
}

/// One signatory.
#[component]
fn SignatoryRow(
    /// The MOU's session.
    s: EditSession<MouForm>,
    /// The line's index in `signatories`.
    i: usize,
    /// The covered cities, for "signs for".
    covered: Signal<Vec<(String, String)>>,
) -> impl IntoView {
    let f = |name: &str| format!("signatories[{i}].{name}");
    view! {
        <div class="line signatory-line" data-testid=format!("signatory-{i}")>
            <TextField field=f("name") label=t(MouText::SignatoryName) required=true
                value=crate::bind!(s.form, signatories, i, name) marks=s/>
            <SelectField field=f("role") label=t(MouText::Role) required=true
                value=crate::bind!(s.form, signatories, i, role) options=enum_options(&SignatoryRole::ALL)
                marks=s/>
            <SelectField field=f("city_id") label=t(MouText::SignedFor)
                value=crate::bind!(s.form, signatories, i, city_id) options=covered marks=s/>
            <TextField field=f("position") label=t(MouText::Position)
                value=crate::bind!(s.form, signatories, i, position) marks=s/>
            <RemoveLine label=t(ScreenText::Remove)
                on_remove=Callback::new(move |_| s.form.update(|f| remove_line(&mut f.signatories, i)))/>
        </div>
    }
}
