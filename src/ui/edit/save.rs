//! Saving, deleting and undoing one record: each one user action, one IndexedDB
//! transaction (`AppState::apply`) holding the record, its audit entry, and any shipped
//! reference data the store still lacks. Each offers an undo in a toast.
//!
//! Undo is itself a change ("put back the previous content"), stamped with a new version
//! and an audit entry, rather than a rewind of storage: a change may already have gone to
//! another office in a bundle, and a rewound version would lose to it on merge.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::text::EditText;
use super::Editing;
use super::{editor, now};
use crate::domain::editing::audit::entry_for;
use crate::domain::editing::reference::{add_missing, missing_reference};
use crate::domain::editing::{AuditAction, AuditLog, AUDIT_KIND};
use crate::domain::meta::{RecordId, RecordMeta};
use crate::domain::records::{Dataset, Record};
use crate::storage::{ChangeSet, StorageError};
use crate::ui::records::put_record;
use crate::ui::state::AppState;

/// The stored audit log of a record (empty if none or unreadable: a damaged log must not
/// stop a save; the new entry starts a fresh one).
pub async fn read_audit(
    app: AppState,
    kind: crate::domain::records::RecordKind,
    id: RecordId,
) -> AuditLog {
    let Some(store) = app.store.get_untracked() else {
        return AuditLog::new(kind, id);
    };
    match store.get::<AuditLog>(AUDIT_KIND, &id.to_string()).await {
        Ok(Some(log)) => log,
        _ => AuditLog::new(kind, id),
    }
}

/// Whether two versions have the same content: meta aside, except the tombstone flag
/// (a deletion changes nothing else).
fn same_content<R: Record>(a: &R, b: &R) -> bool {
    let mut b = b.clone();
    let deleted = b.meta().deleted;
    *b.meta_mut() = a.meta().clone();
    b.meta_mut().deleted = deleted;
    *a == b
}

/// Stores `content` as the record's new version: stamps the meta (new, or one more edit by
/// this office), writes it with its audit entry in one transaction, then updates memory.
/// Returns (saved, previous); `None` if nothing was saved (the person was told why).
pub async fn store_version<R: Record + Send + Sync>(
    app: AppState,
    mut content: R,
    action: Option<AuditAction>,
) -> Option<(R, Option<R>)> {
    let id = content.meta().id;
    let who = editor(app);
    let at = now();
    // A shipped record not stored yet (a province) counts as existing: editing it is an
    // edit of the shipped version, one more step on its version vector.
    let previous: Option<R> = app.dataset.with_untracked(|ds| {
        ds.get::<R>(id).cloned().or_else(|| {
            R::all(&missing_reference(ds))
                .iter()
                .find(|r| r.meta().id == id)
                .cloned()
        })
    });
    let deleted = content.meta().deleted;
    let meta = match &previous {
        Some(p) if same_content(p, &content) => return Some((p.clone(), previous)),
        Some(p) => {
            let mut m = p.meta().clone();
            m.touch(&who, at);
            m
        }
        None => RecordMeta::new(id, &who, at),
    };
    *content.meta_mut() = RecordMeta { deleted, ..meta };

    let mut log = read_audit(app, R::KIND, id).await;
    log.push(entry_for(previous.as_ref(), &content, action));
    let seeds = app.dataset.with_untracked(missing_reference);
    let changes = match change_set(&content, &seeds, &log) {
        Ok(cs) => cs,
        Err(e) => {
            app.notify_error(&e);
            return None;
        }
    };
    let saved = content.clone();
    app.apply(changes, move |ds| {
        add_missing(ds);
        ds.upsert(saved.into_any());
    })
    .await?;
    Some((content, previous))
}

fn change_set<R: Record>(
    record: &R,
    seeds: &Dataset,
    log: &AuditLog,
) -> Result<ChangeSet, StorageError> {
    let mut cs = ChangeSet::new(format!("save {}", R::KIND.key()));
    let id = record.meta().id;
    // The seeds go first and never include the record itself: saving a shipped province
    // (its region changed) must not be overwritten by the shipped copy in the same set.
    for r in seeds.regions.iter().filter(|r| r.meta.id != id) {
        put_record(&mut cs, r)?;
    }
    for p in seeds.provinces.iter().filter(|p| p.meta.id != id) {
        put_record(&mut cs, p)?;
    }
    for p in seeds
        .programme_parameters
        .iter()
        .filter(|p| p.meta.id != id)
    {
        put_record(&mut cs, p)?;
    }
    put_record(&mut cs, record)?;
    cs.put(AUDIT_KIND, &log.id.to_string(), log)?;
    Ok(cs)
}

/// Saves a record as typed (new or edited) and shows "Saved — Undo". `name` is shown in
/// the toast. Returns the saved record.
pub async fn save<R: Record + Send + Sync>(ed: Editing, record: R, name: String) -> Option<R> {
    let Editing { app, toasts } = ed;
    let (saved, previous) = store_version(app, record, None).await?;
    let id = saved.meta().id;
    let undo = Callback::new(move |_| {
        let previous = previous.clone();
        spawn_local(async move {
            let content = match previous {
                Some(p) => Some(p),
                // Undoing a creation deletes (a tombstone), like any deletion.
                None => current::<R>(app, id).map(|mut c| {
                    c.meta_mut().deleted = true;
                    c
                }),
            };
            if let Some(c) = content {
                if store_version(app, c, Some(AuditAction::Undone))
                    .await
                    .is_some()
                {
                    toasts.show(EditText::Undone, None, None);
                }
            }
        });
    });
    toasts.show(EditText::Saved, Some(name), Some(undo));
    Some(saved)
}

/// Deletes a record (a tombstone, so the deletion travels to other offices) and shows
/// "Deleted — Undo". True if deleted.
pub async fn delete<R: Record + Send + Sync>(ed: Editing, id: RecordId, name: String) -> bool {
    let Editing { app, toasts } = ed;
    let Some(mut gone) = current::<R>(app, id) else {
        return false;
    };
    gone.meta_mut().deleted = true;
    let Some((_, previous)) = store_version(app, gone, None).await else {
        return false;
    };
    let undo = Callback::new(move |_| {
        let previous = previous.clone();
        spawn_local(async move {
            if let Some(p) = previous {
                if store_version(app, p, Some(AuditAction::Restored))
                    .await
                    .is_some()
                {
                    toasts.show(EditText::Restored, None, None);
                }
            }
        });
    });
    toasts.show(EditText::Deleted, Some(name), Some(undo));
    true
}

fn current<R: Record>(app: AppState, id: RecordId) -> Option<R> {
    app.dataset.with_untracked(|ds| ds.get::<R>(id).cloned())
}
