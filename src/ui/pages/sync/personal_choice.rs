//! The export panel's choice when the data holds personal data (PDPA): lock the file with a
//! passphrase (the default), a summary without personal data, or send it unlocked only
//! after ticking an acknowledgement. The pipeline holds the rule (`domain::sync::personal`);
//! this only asks.

use leptos::prelude::*;

use crate::ui::i18n::{tr, use_i18n};

/// How personal data leaves the device.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PersonalMode {
    Lock,
    Summary,
    Unlocked,
}

// The texts are in `src/ui/messages/personal_choice.toml`; build.rs makes the enum from it.
include!(concat!(env!("OUT_DIR"), "/messages/personal_choice.rs"));

#[component]
pub fn PersonalChoice(
    /// The chosen way; [`PersonalMode::Lock`] until the person picks another.
    mode: RwSignal<PersonalMode>,
    /// The acknowledgement ticked for [`PersonalMode::Unlocked`].
    acknowledged: RwSignal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let option = move |m: PersonalMode, label: PersonalText, id: &'static str| {
        view! {
            <label class="choice">
                <input type="radio" name="export-personal" data-testid=id
                    prop:checked=move || mode.get() == m
                    on:change=move |_| mode.set(m)/>
                <span>{move || i18n.t(label)}</span>
            </label>
        }
    };
    view! {
        <fieldset class="pdpa personal-choice" data-testid="export-personal">
            <legend><strong>{tr(PersonalText::Title)}</strong></legend>
            <p>{tr(PersonalText::Body)}</p>
            {option(PersonalMode::Lock, PersonalText::Lock, "export-personal-lock")}
            {option(PersonalMode::Summary, PersonalText::Summary, "export-personal-summary")}
            <p class="hint">{tr(PersonalText::SummaryHint)}</p>
            {option(PersonalMode::Unlocked, PersonalText::Unlocked, "export-personal-unlocked")}
            <Show when=move || mode.get() == PersonalMode::Unlocked>
                <label class="choice acknowledge">
                    <input type="checkbox" data-testid="export-personal-ack"
                        prop:checked=move || acknowledged.get()
                        on:change=move |ev| acknowledged.set(event_target_checked(&ev))/>
                    <span>{tr(PersonalText::Acknowledge)}</span>
                </label>
            </Show>
        </fieldset>
    }
}
