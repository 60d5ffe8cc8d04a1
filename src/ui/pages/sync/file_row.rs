//! One chosen file in the import panel: checking, locked (asks for the passphrase),
//! refused (the domain's message), or verified (who sent it, when, how much).

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use super::signed_by::SignedBy;
use super::text::SyncText;
use super::values::when;
use crate::domain::sync::personal::{LEFT_OUT_EN, LEFT_OUT_TH};
use crate::domain::sync::{Bundle, BundleScope, Trust};
use crate::ui::fmt::number;
use crate::ui::i18n::{tr, use_i18n};

/// A chosen file as shown.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub key: u32,
    pub name: String,
    pub status: Status,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    Checking,
    /// Locked with a passphrase; `wrong` holds the message after a failed attempt.
    Locked {
        wrong: Option<(String, String)>,
    },
    Refused {
        th: String,
        en: String,
    },
    Ready(Summary),
}

/// The manifest as the person reads it.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub office: String,
    pub person: String,
    pub exported_at: DateTime<Utc>,
    pub scope: BundleScope,
    pub records: usize,
    pub already: bool,
    /// A summary without personal data (names and phone numbers left out).
    pub summary: bool,
    /// Who signed, against the key kept for the office (see `signature::trust`).
    pub trust: Trust,
}

impl Summary {
    pub fn of(b: &Bundle, already: bool, trust: Trust) -> Summary {
        let by = b.exported_by();
        Summary {
            office: if by.office_name.trim().is_empty() {
                by.office_id.0.clone()
            } else {
                by.office_name.clone()
            },
            person: by.person.clone(),
            exported_at: b.exported_at(),
            scope: b.manifest().scope,
            records: b.manifest().counts.values().map(|c| c.records).sum(),
            already,
            summary: crate::domain::sync::personal::is_summary(b.manifest()),
            trust,
        }
    }
}

#[component]
pub fn FileRow(
    /// The file's current state (`None` once removed).
    entry: Signal<Option<Entry>>,
    /// Called with (key, passphrase) to try unlocking.
    on_unlock: Callback<(u32, String)>,
    /// Called with the key to drop the file from the import.
    on_remove: Callback<u32>,
) -> impl IntoView {
    move || {
        entry.get().map(|e| {
            let name = e.name.clone();
            let key = e.key;
            let body = match e.status {
                Status::Checking => view! {
                    <p class="muted">{tr(SyncText::Checking)}</p>
                }
                .into_any(),
                Status::Locked { wrong } => view! { <Locked key wrong on_unlock/> }.into_any(),
                Status::Refused { th, en } => view! { <Refused key th en on_remove/> }.into_any(),
                Status::Ready(s) => view! { <Ready summary=s/> }.into_any(),
            };
            view! {
                <li class="import-file" data-testid="import-file">
                    <p class="file-name">{name}</p>
                    {body}
                </li>
            }
        })
    }
}

#[component]
fn Locked(
    key: u32,
    wrong: Option<(String, String)>,
    on_unlock: Callback<(u32, String)>,
) -> impl IntoView {
    let i18n = use_i18n();
    let pass = RwSignal::new(String::new());
    let input_id = format!("unlock-{key}");
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        on_unlock.run((key, pass.get_untracked()));
    };
    view! {
        <form class="unlock" on:submit=submit>
            <p>{tr(SyncText::LockedFile)}</p>
            {wrong.map(|(th, en)| view! {
                <p class="sync-error" role="alert" data-testid="unlock-error">{move || i18n.pick(&th, &en).to_string()}</p>
            })}
            <label class="field" for=input_id.clone()>
                <span class="label">{tr(SyncText::Passphrase)}</span>
            </label>
            <div class="unlock-row">
                <input id=input_id type="password" autocomplete="off" data-testid="unlock-pass"
                    prop:value=move || pass.get()
                    on:input=move |ev| pass.set(event_target_value(&ev))/>
                <button type="submit" data-testid="unlock-button">{tr(SyncText::Unlock)}</button>
            </div>
        </form>
    }
}

#[component]
fn Refused(key: u32, th: String, en: String, on_remove: Callback<u32>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="refused">
            <p class="sync-error" role="alert" data-testid="import-error">
                <strong>{tr(SyncText::Refused)} ": "</strong>
                {move || i18n.pick(&th, &en).to_string()}
            </p>
            <p class="muted">{tr(SyncText::NothingImportedFromIt)}</p>
            <button type="button" class="secondary" on:click=move |_| on_remove.run(key)>
                {tr(SyncText::RemoveFile)}
            </button>
        </div>
    }
}

#[component]
fn Ready(summary: Summary) -> impl IntoView {
    let i18n = use_i18n();
    let Summary {
        office,
        person,
        exported_at,
        scope,
        records,
        already,
        summary,
        trust,
    } = summary;
    let signed_by = SignedBy(trust.clone());
    let warning = super::signed_by::warning(&trust, &office);
    let scope_text = move || {
        i18n.t(match scope {
            BundleScope::Full => SyncText::ScopeFull,
            BundleScope::Since => SyncText::ScopeSince,
        })
    };
    view! {
        <p class="ok">{tr(SyncText::Ready)}</p>
        <dl class="manifest" data-testid="manifest">
            <dt>{tr(SyncText::From)}</dt>
            <dd data-testid="manifest-office">{office}</dd>
            <dt>{tr(SyncText::Person)}</dt>
            <dd>{if person.trim().is_empty() { "—".to_string() } else { person }}</dd>
            <dt>{tr(SyncText::ExportedOn)}</dt>
            <dd>{move || when(exported_at, i18n.lang.get())}</dd>
            <dt>{tr(SyncText::RecordsUnit)}</dt>
            <dd>{number(records)} " · " {scope_text}</dd>
            <dt>{tr(SyncText::SignedBy)}</dt>
            <dd data-testid="manifest-signed-by">{move || signed_by.text(i18n.lang.get())}</dd>
        </dl>
        {warning.map(|(th, en)| view! {
            <p class="sync-warning" role="alert" data-testid="signature-warning">
                {move || i18n.pick(&th, &en).to_string()}
            </p>
        })}
        <Show when=move || summary>
            <p class="sync-warning" data-testid="personal-left-out">
                {move || i18n.pick(LEFT_OUT_TH, LEFT_OUT_EN)}
            </p>
        </Show>
        <Show when=move || already>
            <p class="muted" data-testid="already-imported">{tr(SyncText::AlreadyImported)}</p>
        </Show>
    }
}
