//! What an import or a settled conflict writes: only what changes, as one change set (one
//! IndexedDB transaction: all of it is saved, or none of it).
//!
//! An import into an empty kind replaces the kind wholesale (no chunk needs reading); into a
//! kind that has data it puts only the records whose stored version changes, so re-importing
//! a bundle already held writes nothing at all. When most of a kind changes, replacing it is
//! cheaper than editing almost every chunk in place.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Utc};

use crate::domain::meta::{Editor, RecordId};
use crate::domain::records::{AnyRecord, Dataset, KindVisitor, Record, RecordKind};
use crate::domain::sync::{resolve, Bundle, ResolveError};
use crate::storage::{ChangeSet, StorageError};
use crate::sync::load::KeptAside;
use crate::sync::stored::{conflicts_kind, group_siblings, pick};

/// How much of a kind may change before it is rewritten whole rather than chunk by chunk.
const REPLACE_ABOVE: f64 = 0.25;

/// Adds to `cs` whatever turns the stored `local` data into `merged` (the outcome of a
/// merge, which never drops a record). Returns how many records and conflict entries it
/// writes. `incoming`, the one bundle merged if there was one, lends its records' own texts
/// to a kind written whole (see [`RecordTexts`](crate::domain::sync::RecordTexts)).
pub fn import_changes(
    cs: &mut ChangeSet,
    local: &Dataset,
    merged: &Dataset,
    incoming: Option<&Bundle>,
) -> Result<usize, StorageError> {
    import_changes_keeping(cs, local, merged, incoming, &KeptAside::default())
}

/// [`import_changes`] on a device where `kept` was kept aside when the data was read (see
/// `sync::load`): no kind is written whole (that deletes what is stored of it, the
/// unreadable entries with the rest), only record by record; and an import that would
/// write over a record kept aside (or into a chunk that could not be read) is refused with
/// [`StorageError::KeptAside`], naming it, before anything is written.
pub fn import_changes_keeping(
    cs: &mut ChangeSet,
    local: &Dataset,
    merged: &Dataset,
    incoming: Option<&Bundle>,
    kept: &KeptAside,
) -> Result<usize, StorageError> {
    let mut v = Changes {
        cs,
        local,
        merged,
        incoming,
        kept,
        written: 0,
        result: Ok(()),
    };
    RecordKind::visit_all(&mut v);
    v.result.map(|()| v.written)
}

struct Changes<'a> {
    cs: &'a mut ChangeSet,
    local: &'a Dataset,
    merged: &'a Dataset,
    incoming: Option<&'a Bundle>,
    kept: &'a KeptAside,
    written: usize,
    result: Result<(), StorageError>,
}

impl KindVisitor for Changes<'_> {
    fn visit<R: Record>(&mut self) {
        if self.result.is_ok() {
            self.result = self.records::<R>().and_then(|()| self.conflicts::<R>());
        }
    }
}

impl Changes<'_> {
    fn records<R: Record>(&mut self) -> Result<(), StorageError> {
        let (local, merged) = (R::all(self.local), R::all(self.merged));
        let key = R::KIND.key();
        if self.kept.blocks_whole_kinds() {
            return self.record_by_record(local, merged);
        }
        if local.is_empty() {
            if !merged.is_empty() {
                self.replace_whole(merged)?;
            }
            return Ok(());
        }
        let by_id: HashMap<RecordId, &R> = local.iter().map(|r| (r.meta().id, r)).collect();
        let mut matched = 0;
        let mut changed: Vec<&R> = Vec::new();
        for m in merged {
            match by_id.get(&m.meta().id) {
                Some(l) => {
                    matched += 1;
                    if *l != m {
                        changed.push(m);
                    }
                }
                None => changed.push(m),
            }
        }
        let vanished: Vec<RecordId> = if matched < by_id.len() {
            let kept: std::collections::HashSet<RecordId> =
                merged.iter().map(|r| r.meta().id).collect();
            by_id
                .keys()
                .filter(|id| !kept.contains(id))
                .copied()
                .collect()
        } else {
            Vec::new()
        };
        if changed.is_empty() && vanished.is_empty() {
            return Ok(());
        }
        if changed.len() as f64 > REPLACE_ABOVE * merged.len() as f64 {
            return self.replace_whole(merged);
        }
        for r in changed {
            self.cs.put(key, &r.meta().id.to_string(), r)?;
            self.written += 1;
        }
        for id in vanished {
            self.cs.delete(key, &id.to_string())?;
        }
        Ok(())
    }

    /// Puts every record of `merged` that differs from `local`, refusing to write over what
    /// was kept aside.
    fn record_by_record<R: Record>(
        &mut self,
        local: &[R],
        merged: &[R],
    ) -> Result<(), StorageError> {
        let key = R::KIND.key();
        let by_id: HashMap<RecordId, &R> = local.iter().map(|r| (r.meta().id, r)).collect();
        for m in merged {
            let id = m.meta().id.to_string();
            if by_id.get(&m.meta().id).is_some_and(|l| *l == m) {
                continue;
            }
            if self.kept.may_hold(key, &id) {
                return Err(StorageError::KeptAside(format!("{key} {id}")));
            }
            self.cs.put(key, &id, m)?;
            self.written += 1;
        }
        // Merge drops nothing; a purged tombstone is the one record that goes.
        let kept: std::collections::HashSet<RecordId> =
            merged.iter().map(|r| r.meta().id).collect();
        for id in by_id.keys().filter(|id| !kept.contains(id)) {
            self.cs.delete(key, &id.to_string())?;
        }
        Ok(())
    }

    /// Writes every record of a kind. When the merged records are the incoming bundle's, one
    /// for one and in its order, each is stored as the file's own text: it is what they were
    /// read from, so it reads back as the same records, and nothing is serialised again.
    fn replace_whole<R: Record>(&mut self, merged: &[R]) -> Result<(), StorageError> {
        let key = R::KIND.key();
        let texts = self.incoming.and_then(|b| {
            let texts = b.record_texts()?.of_kind(key)?;
            (texts.len() == merged.len() && R::all(b.records()).as_slice() == merged)
                .then_some(texts)
        });
        match texts {
            Some(texts) => {
                let ids = merged.iter().map(|r| r.meta().id.to_string());
                self.cs.replace_kind_raw(key, ids.zip(texts))?;
            }
            None => {
                self.cs
                    .replace_kind(key, merged.iter().map(|r| (r.meta().id.to_string(), r)))?;
            }
        }
        self.written += merged.len();
        Ok(())
    }

    fn conflicts<R: Record>(&mut self) -> Result<(), StorageError> {
        let (local_list, merged_list) = (R::siblings(self.local), R::siblings(self.merged));
        if local_list.is_empty() && merged_list.is_empty() {
            return Ok(());
        }
        let local = group_siblings(local_list);
        let merged = group_siblings(merged_list);
        let kind = conflicts_kind(R::KIND);
        for (id, at) in &merged {
            let versions = pick(merged_list, at);
            let same = local
                .get(id)
                .is_some_and(|l| same_set(&pick(local_list, l), &versions));
            if !same {
                if self.kept.may_hold(&kind, &id.to_string()) {
                    return Err(StorageError::KeptAside(format!("{kind} {id}")));
                }
                self.cs.put(&kind, &id.to_string(), &versions)?;
                self.written += 1;
            }
        }
        for id in local.keys().filter(|id| !merged.contains_key(id)) {
            self.cs.delete(&kind, &id.to_string())?;
        }
        Ok(())
    }
}

fn same_set<R: PartialEq>(a: &[&R], b: &[&R]) -> bool {
    a.len() == b.len() && a.iter().all(|x| b.contains(x))
}

/// Adds "store the settled record and drop its conflict versions" (after `resolve`).
pub fn settled_changes(cs: &mut ChangeSet, record: &AnyRecord) -> Result<(), StorageError> {
    struct Put<'a> {
        cs: &'a mut ChangeSet,
        record: &'a AnyRecord,
        result: Result<(), StorageError>,
    }
    impl KindVisitor for Put<'_> {
        fn visit<R: Record>(&mut self) {
            if R::KIND != self.record.kind() {
                return;
            }
            if let Some(r) = R::from_any(self.record.clone()) {
                let id = r.meta().id.to_string();
                self.result = self
                    .cs
                    .put(R::KIND.key(), &id, &r)
                    .and_then(|cs| cs.delete(&conflicts_kind(R::KIND), &id))
                    .map(|_| ());
            }
        }
    }
    let mut p = Put {
        cs,
        record,
        result: Ok(()),
    };
    RecordKind::visit_all(&mut p);
    p.result
}

/// The record `resolve` would store when settling the conflict whose `versions` are these
/// (as `conflict_versions` lists them) with `chosen`: computed on a dataset holding only
/// them, so the whole dataset is neither cloned nor changed before the write succeeds.
pub fn settled_record(
    versions: &[AnyRecord],
    chosen: AnyRecord,
    editor: &Editor,
    now: DateTime<Utc>,
) -> Result<AnyRecord, ResolveError> {
    let (kind, id) = (chosen.kind(), chosen.meta().id);
    let mut mini = Dataset::default();
    for (i, v) in versions.iter().enumerate() {
        push_version(&mut mini, v.clone(), i > 0);
    }
    resolve(&mut mini, kind, id, chosen, editor, now)?;
    let mut out = None;
    mini.for_each(|r| {
        if r.kind() == kind && r.meta().id == id {
            out = Some(r.to_owned());
        }
    });
    out.ok_or(ResolveError::NotInConflict { kind, id })
}

/// Adds a version to the main list, or to the conflict versions.
fn push_version(ds: &mut Dataset, v: AnyRecord, sibling: bool) {
    struct Push<'a> {
        ds: &'a mut Dataset,
        v: Option<AnyRecord>,
        sibling: bool,
    }
    impl KindVisitor for Push<'_> {
        fn visit<R: Record>(&mut self) {
            let Some(any) = self.v.take() else { return };
            if any.kind() != R::KIND {
                self.v = Some(any);
                return;
            }
            if let Some(r) = R::from_any(any) {
                if self.sibling {
                    R::siblings_mut(self.ds).push(r);
                } else {
                    R::all_mut(self.ds).push(r);
                }
            }
        }
    }
    RecordKind::visit_all(&mut Push {
        ds,
        v: Some(v),
        sibling,
    });
}

/// Records in conflict, by kind, for badges on lists ("this record has versions to settle").
pub fn conflicted_ids(ds: &Dataset) -> BTreeMap<RecordKind, std::collections::BTreeSet<RecordId>> {
    let mut out: BTreeMap<RecordKind, std::collections::BTreeSet<RecordId>> = BTreeMap::new();
    ds.conflicts.for_each(|r| {
        out.entry(r.kind()).or_default().insert(r.meta().id);
    });
    out
}

#[cfg(test)]
mod tests;
