//! The audit trail shown on a record: newest first, who, when, which office, and each
//! field's old and new value.

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::text::EditText;
use crate::domain::dates::{format_be_short, format_en};
use crate::domain::editing::audit::display_value;
use crate::domain::editing::{AuditEntry, AuditLog, AUDIT_KIND};
use crate::domain::meta::RecordId;
use crate::domain::records::RecordKind;
use crate::ui::i18n::{tr, use_i18n, Lang};
use crate::ui::state::{use_app, AppState};
use crate::ui::table::{Col, Head};

/// The stored audit log of a record (empty if none or unreadable: the next save starts a
/// fresh one).
async fn read_audit(app: AppState, kind: RecordKind, id: RecordId) -> AuditLog {
    let Some(store) = app.store.get_untracked() else {
        return AuditLog::new(kind, id);
    };
    match store.get::<AuditLog>(AUDIT_KIND, &id.to_string()).await {
        Ok(Some(log)) => log,
        _ => AuditLog::new(kind, id),
    }
}

/// The record's history, read from storage, and read again whenever `changed` changes
/// (pass the record's `meta.updated_at`, so each save shows up).
#[component]
pub fn AuditTrail(
    /// The record's kind.
    kind: RecordKind,
    /// The record's id.
    id: RecordId,
    /// Changes whenever the record is saved.
    #[prop(into)]
    changed: Signal<Option<DateTime<Utc>>>,
) -> impl IntoView {
    let app = use_app();
    let log: RwSignal<Option<AuditLog>> = RwSignal::new(None);
    Effect::new(move |_| {
        changed.track();
        app.store.track();
        spawn_local(async move {
            let read = read_audit(app, kind, id).await;
            log.try_set(Some(read));
        });
    });
    view! {
        <details class="panel audit" data-testid="audit-trail">
            <summary><h2>{tr(EditText::AuditTitle)}
                <span class="count-badge">{move || log.with(|l| l.as_ref().map_or(0, |l| l.entries.len()))}</span>
            </h2></summary>
            {move || match log.get() {
                None => view! { <p class="muted">{tr(EditText::AuditLoading)}</p> }.into_any(),
                Some(l) if l.entries.is_empty() => view! { <p class="muted">{tr(EditText::AuditEmpty)}</p> }.into_any(),
                Some(l) => view! {
                    <ol class="audit-list">
                        {l.newest_first().cloned().map(|e| view! { <Entry entry=e/> }).collect_view()}
                    </ol>
                }.into_any(),
            }}
        </details>
    }
}

/// `lang="th"` for stored text in Thai (names, titles), so screen readers and the
/// English page read it right; `None` otherwise. Dates are shown per interface language.
fn data_lang(value: &str) -> Option<&'static str> {
    value
        .chars()
        .any(|c| ('\u{0E00}'..='\u{0E7F}').contains(&c))
        .then_some("th")
}

/// One change.
#[component]
fn Entry(
    /// The change shown.
    entry: AuditEntry,
) -> impl IntoView {
    let i18n = use_i18n();
    let AuditEntry {
        at,
        editor,
        action,
        changes,
    } = entry;
    let thai = move || i18n.lang.get() == Lang::Th;
    // Bangkok time (UTC+7, no daylight saving): what the office's clock showed.
    let local = at + chrono::Duration::hours(7);
    let when = move || {
        let d = local.date_naive();
        let time = local.format("%H:%M");
        if thai() {
            format!("{} {time} น.", format_be_short(d))
        } else {
            format!("{} {time}", format_en(d))
        }
    };
    let who = [editor.person.trim(), editor.office_name.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    let office_id = editor.office_id.0.clone();
    view! {
        <li class="audit-entry" data-action=format!("{action:?}").to_lowercase()>
            <p class="audit-head">
                <strong>{move || if thai() { action.label_th() } else { action.label_en() }}</strong>
                " · " <time datetime=at.to_rfc3339()>{when}</time>
                " · " {tr(EditText::AuditBy)} " " <span lang=data_lang(&who)>{if who.is_empty() { "—".to_string() } else { who.clone() }}</span>
                " " <span class="muted audit-office" title=office_id.clone()>"(" {tr(EditText::AuditOffice)} " " {office_id.chars().take(8).collect::<String>()} ")"</span>
            </p>
            {(!changes.is_empty()).then(|| view! {
                <table class="audit-changes">
                    <Head cols=vec![Col::text(EditText::AuditField), Col::text(EditText::AuditOld), Col::text(EditText::AuditNew)]/>
                    <tbody>
                        {changes.into_iter().map(|c| {
                            let (old, new) = (c.old.clone(), c.new.clone());
                            let (old_lang, new_lang) = (data_lang(&old), data_lang(&new));
                            view! {
                                <tr>
                                    <td><code>{c.field}</code></td>
                                    <td lang=old_lang>{move || display_value(&old, thai())}</td>
                                    <td lang=new_lang>{move || display_value(&new, thai())}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            })}
        </li>
    }
}
