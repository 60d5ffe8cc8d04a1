//! What one save, deletion or undo of a record writes, decided without storage: whether
//! anything changed at all, the stamped meta, the record to write, and the audit entry.
//!
//! The audit entry is not written as a whole log read earlier: [`AuditAppend`] adds it to
//! whatever log is stored when the write happens, inside the write's own transaction.
//! Reading the log in one transaction and writing it in another lets two tabs saving the
//! same record each write "the log plus my entry" over the other's, losing one.

use chrono::{DateTime, Utc};

use super::audit::{entry_for, AuditAction, AuditEntry, AuditLog};
use super::stored_or_shipped::missing_reference;
use crate::domain::meta::{Editor, RecordId, RecordMeta};
use crate::domain::records::{Dataset, Record, RecordKind};
use crate::domain::sync::purge::strip_tombstone;

/// What the person asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveAction {
    /// Store the content as typed (a new record or an edit).
    Save,
    /// Mark the record deleted (a tombstone, which travels to other offices).
    Delete,
    /// Put back earlier content (see [`undo_content`]), as a new version.
    Undo,
    /// Bring back a deleted record's content, as a new version.
    Restore,
}

/// The outcome of [`plan_save`].
#[derive(Debug, Clone, PartialEq)]
pub enum SavePlan<R> {
    /// The content equals what is stored: nothing is written, the stored version stands.
    Unchanged(R),
    /// Write `record` and add `audit` to its log, in one transaction.
    Write { record: R, audit: AuditAppend },
}

/// One audit entry for one record's log, added to the log as stored at write time.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditAppend {
    pub kind: RecordKind,
    pub id: RecordId,
    pub entry: AuditEntry,
    /// The record is deleted: the log keeps who changed which field when, but no values
    /// (they may be a person's name or phone number; PDPA: deleted personal data must go).
    pub forget_values: bool,
}

impl AuditAppend {
    /// The log with this entry added: `stored` is the log stored now, `None` if there is
    /// none or it cannot be read (a damaged log must not stop a save; the entry starts a
    /// fresh one).
    pub fn onto(&self, stored: Option<AuditLog>) -> AuditLog {
        let mut log = match stored {
            Some(log) if log.id == self.id && log.kind == self.kind => log,
            _ => AuditLog::new(self.kind, self.id),
        };
        if self.forget_values {
            for change in log.entries.iter_mut().flat_map(|e| e.changes.iter_mut()) {
                change.old.clear();
                change.new.clear();
            }
        }
        log.push(self.entry.clone());
        log
    }
}

/// The version a save builds on: the record in `ds`, or the shipped copy of reference
/// data not stored yet (editing a shipped province is one more step on its version vector,
/// not a new record).
pub fn stored_version<R: Record>(ds: &Dataset, id: RecordId) -> Option<R> {
    ds.get::<R>(id).cloned().or_else(|| {
        R::all(&missing_reference(ds))
            .iter()
            .find(|r| r.meta().id == id)
            .cloned()
    })
}

/// What saving `content` over `stored` (the version stored now, `None` for a new record)
/// by `who` at `at` writes. The meta is always stamped on `stored`'s, never on the meta
/// `content` carries: an undo puts back old content, but its version must follow every
/// edit stored since (another office's too), or a merge would rank it below them.
pub fn plan_save<R: Record>(
    stored: Option<&R>,
    mut content: R,
    action: SaveAction,
    who: &Editor,
    at: DateTime<Utc>,
) -> SavePlan<R> {
    let deleted = match action {
        SaveAction::Delete => true,
        SaveAction::Restore => false,
        SaveAction::Save | SaveAction::Undo => content.meta().deleted,
    };
    content.meta_mut().deleted = deleted;
    // A deletion is compared as it would be stored: stripped (see below).
    let stripped = |r: &R| strip_tombstone(r).unwrap_or_else(|| r.clone());
    let same = |s: &R| match deleted {
        true => same_content(&stripped(s), &stripped(&content)),
        false => same_content(s, &content),
    };
    let meta = match stored {
        Some(s) if same(s) => return SavePlan::Unchanged(s.clone()),
        Some(s) => {
            let mut m = s.meta().clone();
            m.touch(who, at);
            m
        }
        None => RecordMeta::new(content.meta().id, who, at),
    };
    *content.meta_mut() = RecordMeta { deleted, ..meta };
    if let Some(s) = stored {
        crate::domain::sync::left_out::after_edit(s, &mut content);
    }
    let audit_action = match action {
        SaveAction::Save => None,
        SaveAction::Delete => Some(AuditAction::Deleted),
        SaveAction::Undo => Some(AuditAction::Undone),
        SaveAction::Restore => Some(AuditAction::Restored),
    };
    let mut entry = entry_for(stored, &content, audit_action);
    if deleted {
        // A deletion keeps only what sync needs, and its entry names no values.
        entry.changes.clear();
        content = stripped(&content);
    }
    let audit = AuditAppend {
        kind: R::KIND,
        id: content.meta().id,
        entry,
        forget_values: deleted,
    };
    SavePlan::Write {
        record: content,
        audit,
    }
}

/// What undoing a save puts back: the content it replaced (`before`), or, when the save
/// created the record, the record as it is now (`now`) deleted. `None`: nothing to undo
/// (the created record is gone).
pub fn undo_content<R: Record>(before: Option<R>, now: Option<&R>) -> Option<R> {
    before.or_else(|| {
        now.cloned().map(|mut r| {
            r.meta_mut().deleted = true;
            r
        })
    })
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

#[cfg(test)]
mod tests;
