//! Settings: who this device belongs to, the language, and how its storage is doing.

use leptos::prelude::*;

use crate::storage::{Persistence, SCHEMA_VERSION};
use crate::ui::i18n::{format_bytes, tr, use_i18n, Lang, Msg};
use crate::ui::state::use_app;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let app = use_app();
    // Ask again each time the page opens: the answer can change (e.g. after installing).
    app.refresh_storage_info(false);
    view! {
        <section class="page">
            <h1>{tr(Msg::SettingsTitle)}</h1>
            <OfficeForm/>
            <LanguageChoice/>
            <StorageInfo/>
            <crate::ui::kept_aside::KeptAsideSection/>
        </section>
    }
}

/// Office name and person's name, edited as a draft and saved with one button.
#[component]
fn OfficeForm() -> impl IntoView {
    let app = use_app();
    let office = RwSignal::new(app.settings.with_untracked(|s| s.office_name.clone()));
    let person = RwSignal::new(app.settings.with_untracked(|s| s.person.clone()));
    let saved = RwSignal::new(false);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        app.settings.update(|s| {
            s.office_name = office.get_untracked().trim().to_string();
            s.person = person.get_untracked().trim().to_string();
        });
        saved.set(true);
    };
    view! {
        <form class="panel" on:submit=on_submit>
            <h2>{tr(Msg::SettingsOffice)}</h2>
            <TextField label=Msg::OfficeName hint=Msg::OfficeNameHint value=office saved testid="office-name-input"/>
            <TextField label=Msg::PersonName hint=Msg::PersonNameHint value=person saved testid="person-input"/>
            <div class="field">
                <span class="label">{tr(Msg::OfficeId)}</span>
                <code class="office-id" data-testid="office-id">{move || app.settings.with(|s| s.office_id.clone())}</code>
                <span class="hint">{tr(Msg::OfficeIdHint)}</span>
            </div>
            <div class="actions">
                <button type="submit" data-testid="save-settings">{tr(Msg::Save)}</button>
                <Show when=move || saved.get()>
                    <span class="saved" role="status">{tr(Msg::Saved)}</span>
                </Show>
            </div>
        </form>
    }
}

/// A labelled text input bound to a draft signal.
#[component]
fn TextField(
    /// The field's label.
    label: Msg,
    /// A hint under the field.
    hint: Msg,
    /// The draft value.
    value: RwSignal<String>,
    /// Cleared on input, so "Saved" disappears once the draft differs.
    saved: RwSignal<bool>,
    /// For end-to-end tests.
    testid: &'static str,
) -> impl IntoView {
    view! {
        <label class="field">
            <span class="label">{tr(label)}</span>
            <input
                type="text"
                data-testid=testid
                prop:value=move || value.get()
                on:input=move |ev| {
                    value.set(event_target_value(&ev));
                    saved.set(false);
                }
            />
            <span class="hint">{tr(hint)}</span>
        </label>
    }
}

/// The language as two large radio buttons (the header switch does the same).
#[component]
fn LanguageChoice() -> impl IntoView {
    let i18n = use_i18n();
    let option = move |lang: Lang| {
        view! {
            <label class="choice">
                <input
                    type="radio"
                    name="lang"
                    prop:checked=move || i18n.lang.get() == lang
                    on:change=move |_| i18n.lang.set(lang)
                />
                <span lang=lang.code()>{Msg::LangName.text(lang)}</span>
            </label>
        }
    };
    view! {
        <fieldset class="panel">
            <legend>{tr(Msg::Language)}</legend>
            <div class="choices">{option(Lang::Th)}{option(Lang::En)}</div>
        </fieldset>
    }
}

/// Persistence answer, quota used and available, and the schema version.
#[component]
fn StorageInfo() -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let persist_msg = move || match app.persistence.get() {
        None => Msg::Checking,
        Some(Persistence::Granted) => Msg::PersistGranted,
        Some(Persistence::Denied) => Msg::PersistDenied,
        Some(Persistence::Unsupported) => Msg::PersistUnsupported,
    };
    let quota = move || {
        app.quota.get().map(|q| {
            let pct = if q.quota > 0.0 {
                (q.usage / q.quota * 100.0).clamp(0.0, 100.0)
            } else {
                0.0
            };
            view! {
                <dl class="quota" data-testid="quota">
                    <dt>{tr(Msg::QuotaUsed)}</dt>
                    <dd>{format_bytes(q.usage)}</dd>
                    <dt>{tr(Msg::QuotaAvailable)}</dt>
                    <dd>{format_bytes(q.available())}</dd>
                </dl>
                <meter min="0" max="100" value=pct></meter>
            }
        })
    };
    view! {
        <section class="panel">
            <h2>{tr(Msg::StorageTitle)}</h2>
            <p data-testid="persistence">{move || i18n.t(persist_msg())}</p>
            <Show when=move || app.persistence.get() == Some(Persistence::Denied)>
                <button class="secondary" on:click=move |_| app.refresh_storage_info(true)>
                    {tr(Msg::PersistAsk)}
                </button>
            </Show>
            <Show
                when=move || app.quota.get().is_some()
                fallback=|| view! { <p>{tr(Msg::QuotaUnknown)}</p> }
            >
                {quota}
            </Show>
            <crate::ui::attachments::AttachmentUsage/>
            <p class="muted">{tr(Msg::SchemaVersion)} ": " {SCHEMA_VERSION}</p>
        </section>
    }
}
