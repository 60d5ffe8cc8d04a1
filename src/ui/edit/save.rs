//! Saving, deleting and undoing one record: each one user action, one IndexedDB
//! transaction (`AppState::apply`) holding the record, its audit entry, and any shipped
//! reference data the store still lacks. Each offers an undo in a toast. What to write is
//! decided in the domain ([`plan_save`]); this wires it to the store and the toasts.
//!
//! Undo is itself a change ("put back the previous content"), stamped with a new version
//! and an audit entry, rather than a rewind of storage: a change may already have gone to
//! another office in a bundle, and a rewound version would lose to it on merge (the office
//! holding the change would keep it, and send it back). It is the only undo: storage has
//! none of its own.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::text::EditText;
use super::Editing;
use super::{editor, now};
use crate::domain::editing::save_plan::{
    plan_save, stored_version, undo_content, AuditAppend, SaveAction, SavePlan,
};
use crate::domain::editing::stored_or_shipped::{add_missing, missing_reference};
use crate::domain::editing::{AuditLog, AUDIT_KIND};
use crate::domain::meta::RecordId;
use crate::domain::records::{Dataset, Record};
use crate::storage::{ChangeSet, StorageError};
use crate::ui::records::put_record;
use crate::ui::state::AppState;

/// Stores `content` as the record's new version, as `action` says (see [`plan_save`]): the
/// record with its audit entry in one transaction, then memory. Returns (saved, previous);
/// `None` if nothing was saved (the person was told why). Content equal to what is stored
/// writes nothing and returns the stored version.
pub async fn store_version<R: Record + Send + Sync>(
    app: AppState,
    content: R,
    action: SaveAction,
) -> Option<(R, Option<R>)> {
    let id = content.meta().id;
    let previous: Option<R> = app.dataset.with_untracked(|ds| stored_version(ds, id));
    let (record, audit) = match plan_save(previous.as_ref(), content, action, &editor(app), now()) {
        SavePlan::Unchanged(stored) => return Some((stored, previous)),
        SavePlan::Write { record, audit } => (record, audit),
    };
    let seeds = app.dataset.with_untracked(missing_reference);
    let changes = match change_set(&record, &seeds, audit) {
        Ok(cs) => cs,
        Err(e) => {
            app.notify_error(&e);
            return None;
        }
    };
    let saved = record.clone();
    app.apply(changes, move |ds| {
        add_missing(ds);
        ds.upsert(saved.into_any());
    })
    .await?;
    Some((record, previous))
}

fn change_set<R: Record>(
    record: &R,
    seeds: &Dataset,
    audit: AuditAppend,
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
    // Onto the log as stored when the transaction runs, not as read before it: another
    // tab may have added an entry in between.
    cs.update(
        AUDIT_KIND,
        &id.to_string(),
        move |stored: Option<AuditLog>| audit.onto(stored),
    )?;
    Ok(cs)
}

/// Saves a record as typed (new or edited) and shows "Saved — Undo". `name` is shown in
/// the toast. Returns the saved record.
pub async fn save<R: Record + Send + Sync>(ed: Editing, record: R, name: String) -> Option<R> {
    let Editing { app, toasts } = ed;
    let (saved, previous) = store_version(app, record, SaveAction::Save).await?;
    let id = saved.meta().id;
    let undo = Callback::new(move |_| {
        let previous = previous.clone();
        spawn_local(async move {
            // Undoing a creation deletes (a tombstone), like any deletion.
            if let Some(c) = undo_content(previous, current::<R>(app, id).as_ref()) {
                if store_version(app, c, SaveAction::Undo).await.is_some() {
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
    let Some(gone) = current::<R>(app, id) else {
        return false;
    };
    let Some((_, previous)) = store_version(app, gone, SaveAction::Delete).await else {
        return false;
    };
    let undo = Callback::new(move |_| {
        let previous = previous.clone();
        spawn_local(async move {
            if let Some(p) = previous {
                if store_version(app, p, SaveAction::Restore).await.is_some() {
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
