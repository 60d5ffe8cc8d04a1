//! Finding and settling conflicts.
//!
//! A settled version's vector is the join of every sibling's vector plus one edit by the
//! settling office, so it dominates all of them: wherever it travels, it replaces each
//! sibling, and the conflict disappears there too without anyone settling it again.

use std::collections::BTreeMap;
use std::fmt;

use chrono::{DateTime, Utc};

use crate::domain::meta::{Editor, RecordId, VersionVector};
use crate::domain::records::{AnyRecord, Dataset, KindVisitor, Record, RecordKind};
use crate::domain::rules::{kind_en, kind_th};
use crate::domain::sorting::SortSmall;
use crate::domain::sync::merge::ConflictInfo;
use crate::domain::sync::purge::strip_tombstone;
use crate::domain::sync::versions::display_order;

/// Why a conflict could not be settled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResolveError {
    /// The record has a single version (already settled, perhaps by another office).
    NotInConflict { kind: RecordKind, id: RecordId },
    /// The chosen content is of another kind or another record.
    WrongRecord { kind: RecordKind, id: RecordId },
}

impl ResolveError {
    pub fn message_th(&self) -> String {
        match self {
            ResolveError::NotInConflict { kind, id } => {
                format!("{} รหัส {id} ไม่มีข้อมูลขัดแย้งแล้ว (อาจมีผู้ตัดสินแล้ว)", kind_th(*kind))
            }
            ResolveError::WrongRecord { kind, id } => {
                format!("ข้อมูลที่เลือกไม่ใช่ของ{} รหัส {id}", kind_th(*kind))
            }
        }
    }

    pub fn message_en(&self) -> String {
        match self {
            ResolveError::NotInConflict { kind, id } => format!(
                "The {} record {id} is no longer in conflict (perhaps it was already settled).",
                kind_en(*kind)
            ),
            ResolveError::WrongRecord { kind, id } => {
                format!(
                    "The chosen content is not for the {} record {id}.",
                    kind_en(*kind)
                )
            }
        }
    }
}

impl fmt::Display for ResolveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_en())
    }
}

impl std::error::Error for ResolveError {}

/// Settles the conflict on record `id` of `kind` with `chosen`: one of the versions, or a
/// field-by-field combination of them. Its metadata is rewritten (join of all versions plus
/// one edit by `editor`); whether it is a deletion is taken from `chosen`.
///
/// Editing a record that is in conflict must also go through here: an ordinary edit of the
/// shown version would not dominate the other versions, or could reuse an edit count.
pub fn resolve(
    ds: &mut Dataset,
    kind: RecordKind,
    id: RecordId,
    chosen: AnyRecord,
    editor: &Editor,
    now: DateTime<Utc>,
) -> Result<(), ResolveError> {
    if chosen.kind() != kind || chosen.meta().id != id {
        return Err(ResolveError::WrongRecord { kind, id });
    }
    let mut r = Resolve {
        ds,
        kind,
        id,
        chosen: Some(chosen),
        editor,
        now,
        result: Err(ResolveError::NotInConflict { kind, id }),
    };
    RecordKind::visit_all(&mut r);
    r.result
}

/// Every version of record `id`, the shown one first: what the Conflicts page lays side by side.
pub fn conflict_versions(ds: &Dataset, kind: RecordKind, id: RecordId) -> Vec<AnyRecord> {
    let mut c = Collect {
        ds,
        kind,
        id,
        out: Vec::new(),
    };
    RecordKind::visit_all(&mut c);
    c.out
}

/// Every record in conflict, by kind then id.
pub fn list_conflicts(ds: &Dataset) -> Vec<ConflictInfo> {
    let mut found: BTreeMap<(RecordKind, RecordId), ConflictInfo> = BTreeMap::new();
    ds.conflicts.for_each(|s| {
        let (kind, id) = (s.kind(), s.meta().id);
        let info = found.entry((kind, id)).or_insert(ConflictInfo {
            kind,
            id,
            versions: 1, // the shown version
            with_deletion: false,
            left_out: 0,
        });
        info.versions += 1;
        info.with_deletion |= s.meta().deleted;
    });
    if !found.is_empty() {
        ds.for_each(|r| {
            if let Some(info) = found.get_mut(&(r.kind(), r.meta().id)) {
                info.with_deletion |= r.meta().deleted;
            }
        });
    }
    found.into_values().collect()
}

struct Resolve<'a> {
    ds: &'a mut Dataset,
    kind: RecordKind,
    id: RecordId,
    chosen: Option<AnyRecord>,
    editor: &'a Editor,
    now: DateTime<Utc>,
    result: Result<(), ResolveError>,
}

impl KindVisitor for Resolve<'_> {
    fn visit<R: Record>(&mut self) {
        if R::KIND != self.kind {
            return;
        }
        let id = self.id;
        let shown = R::all(self.ds).iter().filter(|r| r.meta().id == id);
        let others = R::siblings(self.ds).iter().filter(|r| r.meta().id == id);
        let versions: Vec<&R> = shown.chain(others).collect();
        if versions.len() < 2 {
            return;
        }
        let Some(mut record) = self.chosen.take().and_then(R::from_any) else {
            return;
        };
        let version = versions.iter().fold(VersionVector::default(), |acc, v| {
            acc.join(&v.meta().version)
        });
        let created_at = versions.iter().map(|v| v.meta().created_at).min();
        let meta = record.meta_mut();
        meta.version = version;
        if let Some(at) = created_at {
            meta.created_at = at;
        }
        meta.touch(self.editor, self.now);
        // A version that came without personal data does not blank what another holds.
        record = crate::domain::sync::left_out::fill_from(&record, versions.iter().copied());
        if let Some(stripped) = strip_tombstone(&record) {
            record = stripped;
        }

        R::siblings_mut(self.ds).retain(|r| r.meta().id != id);
        let all = R::all_mut(self.ds);
        all.retain(|r| r.meta().id != id);
        // Keep the list sorted by id, as merge leaves it.
        let at = all.partition_point(|r| r.meta().id < id);
        all.insert(at, record);
        self.result = Ok(());
    }
}

struct Collect<'a> {
    ds: &'a Dataset,
    kind: RecordKind,
    id: RecordId,
    out: Vec<AnyRecord>,
}

impl KindVisitor for Collect<'_> {
    fn visit<R: Record>(&mut self) {
        if R::KIND != self.kind {
            return;
        }
        let id = self.id;
        let mut versions: Vec<&R> = R::all(self.ds)
            .iter()
            .chain(R::siblings(self.ds))
            .filter(|r| r.meta().id == id)
            .collect();
        versions.sort_by_small(|a, b| display_order(*a, *b));
        self.out = versions.into_iter().map(|r| r.clone().into_any()).collect();
    }
}
