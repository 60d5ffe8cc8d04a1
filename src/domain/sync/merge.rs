//! Merging an incoming dataset into the local one, with a preview of what it changes.
//!
//! The result depends only on the union of both sides' versions (see `versions.rs`), and
//! records come out sorted by id, so `merge(a, b) == merge(b, a)`,
//! `merge(merge(a, b), c) == merge(a, merge(b, c))` and `merge(merge(a, b), b) == merge(a, b)`
//! hold as plain equality of datasets. The preview compares the result with the local side.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::domain::meta::RecordId;
use crate::domain::records::{Dataset, KindVisitor, Record, RecordKind};
use crate::domain::sorting::SortSmall;
use crate::domain::sync::left_out::fill as fill_left_out;
use crate::domain::sync::purge::strip_tombstone;
pub use crate::domain::sync::versions::MAX_VERSIONS;
use crate::domain::sync::versions::{display_order, same_versions, settle_bounded};

/// What an import does to one record kind, counted over the records the bundle carries.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct KindPreview {
    /// Records the local data did not have.
    pub new: usize,
    /// Records replaced by a later version (including conflicts settled elsewhere).
    pub updated: usize,
    /// Records the local data already had in this version or a later one.
    pub unchanged: usize,
    /// Records that become (or arrive as) deletions.
    pub deleted: usize,
    /// Records that are now in conflict, or whose conflict gained a version.
    pub conflict: usize,
    /// Records deleted here that come back: the incoming version contains the deletion
    /// (someone saw it and chose to keep the record). Never counted as `updated`.
    pub restored: usize,
}

impl KindPreview {
    fn add(&mut self, o: &KindPreview) {
        self.new += o.new;
        self.updated += o.updated;
        self.unchanged += o.unchanged;
        self.deleted += o.deleted;
        self.conflict += o.conflict;
        self.restored += o.restored;
    }

    /// Whether applying the import would change nothing of this kind.
    pub fn changes_nothing(&self) -> bool {
        self.new + self.updated + self.deleted + self.conflict + self.restored == 0
    }
}

/// Per record kind, what an import does; only kinds the bundle carries appear.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Preview {
    pub kinds: BTreeMap<RecordKind, KindPreview>,
}

impl Preview {
    pub fn total(&self) -> KindPreview {
        let mut t = KindPreview::default();
        self.kinds.values().for_each(|k| t.add(k));
        t
    }

    pub fn changes_nothing(&self) -> bool {
        self.total().changes_nothing()
    }
}

/// One record in conflict: how many versions it has and whether one is a deletion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConflictInfo {
    pub kind: RecordKind,
    pub id: RecordId,
    pub versions: usize,
    pub with_deletion: bool,
    /// Concurrent versions not kept because the record reached [`MAX_VERSIONS`] (at most
    /// this many; 0 in any real conflict). The office's own versions are always kept.
    pub left_out: usize,
}

/// The merged data, ready to store, and what it would change.
#[derive(Debug, Clone, PartialEq)]
pub struct MergeOutcome {
    pub dataset: Dataset,
    pub preview: Preview,
    /// Records whose conflict is new or gained a version in this merge.
    pub conflicts: Vec<ConflictInfo>,
    /// Records deleted here that come back (see [`KindPreview::restored`]), for the
    /// preview to name.
    pub restored: Vec<(RecordKind, RecordId)>,
}

/// Merges `incoming` (a verified bundle's records) into `local`. Pure: neither input changes;
/// the caller stores `outcome.dataset` once the person confirms the preview.
///
/// ```
/// use mueang::domain::records::Dataset;
/// use mueang::domain::sync::merge;
/// let out = merge(&Dataset::default(), &Dataset::default());
/// assert!(out.preview.changes_nothing());
/// ```
pub fn merge(local: &Dataset, incoming: &Dataset) -> MergeOutcome {
    let mut m = MergeKinds {
        local,
        incoming,
        out: Dataset::default(),
        preview: Preview::default(),
        conflicts: Vec::new(),
        restored: Vec::new(),
    };
    RecordKind::visit_all(&mut m);
    MergeOutcome {
        dataset: m.out,
        preview: m.preview,
        conflicts: m.conflicts,
        restored: m.restored,
    }
}

/// Merges several bundles at once; the preview compares the combined result with `local`.
/// Since merge is associative and commutative, the order of `incoming` does not matter.
pub fn merge_many<'a>(
    local: &Dataset,
    incoming: impl IntoIterator<Item = &'a Dataset>,
) -> MergeOutcome {
    let mut combined = Dataset::default();
    for ds in incoming {
        combined = merge(&combined, ds).dataset;
    }
    merge(local, &combined)
}

/// The dataset in canonical form: records sorted by id, superseded versions dropped.
pub fn normalize(ds: &Dataset) -> Dataset {
    merge(ds, &Dataset::default()).dataset
}

struct MergeKinds<'a> {
    local: &'a Dataset,
    incoming: &'a Dataset,
    out: Dataset,
    preview: Preview,
    conflicts: Vec<ConflictInfo>,
    restored: Vec<(RecordKind, RecordId)>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Local,
    Incoming,
}

enum Change {
    New,
    Updated,
    Unchanged,
    Deleted,
    Conflict,
    Restored,
}

impl KindVisitor for MergeKinds<'_> {
    fn visit<R: Record>(&mut self) {
        let versions_of = |ds: &'_ Dataset| R::all(ds).len() + R::siblings(ds).len();
        let mut sources: Vec<(Side, &R)> =
            Vec::with_capacity(versions_of(self.local) + versions_of(self.incoming));
        for (ds, side) in [(self.local, Side::Local), (self.incoming, Side::Incoming)] {
            sources.extend(R::all(ds).iter().chain(R::siblings(ds)).map(|r| (side, r)));
        }
        // Deletions are compared, kept and passed on stripped, whichever side carried the
        // full record (data stored or bundles written before stripping).
        let stripped: Vec<(usize, R)> = sources
            .iter()
            .enumerate()
            .filter_map(|(i, (_, r))| strip_tombstone(*r).filter(|s| s != *r).map(|s| (i, s)))
            .collect();
        let mut next = stripped.iter().peekable();
        let mut entries: Vec<(RecordId, Side, &R)> = Vec::with_capacity(sources.len());
        for (i, (side, r)) in sources.into_iter().enumerate() {
            let r = match next.next_if(|(at, _)| *at == i) {
                Some((_, s)) => s,
                None => r,
            };
            entries.push((r.meta().id, side, r));
        }
        if entries.is_empty() {
            return;
        }
        // Stable sort: each id's versions end up together.
        entries.sort_by_key_small(|e| e.0);

        // Exact for the common imports (into an empty store, or the same data again).
        let mut shown =
            Vec::with_capacity(R::all(self.local).len().max(R::all(self.incoming).len()));
        let mut siblings = Vec::new();
        let mut preview = KindPreview::default();
        let mut carried = false;
        for group in entries.chunk_by(|a, b| a.0 == b.0) {
            // The common cases first, without allocating: a record only one side has, and
            // the identical version on both sides (a re-import).
            match group {
                [(_, Side::Local, r)] => {
                    shown.push((*r).clone());
                    continue;
                }
                [(_, Side::Incoming, r)] => {
                    carried = true;
                    if r.meta().deleted {
                        preview.deleted += 1;
                    } else {
                        preview.new += 1;
                    }
                    shown.push((*r).clone());
                    continue;
                }
                [(_, Side::Local, l), (_, Side::Incoming, i)] if l == i => {
                    carried = true;
                    preview.unchanged += 1;
                    shown.push((*l).clone());
                    continue;
                }
                _ => {}
            }
            let local: Vec<&R> = pick(group, Side::Local);
            let mut all: Vec<&R> = group.iter().map(|e| e.2).collect();
            // Versions that came without personal data take it from one they contain, before
            // settling: a summary never blanks what an office holds (see `left_out.rs`).
            let filled = fill_left_out(&all);
            let mut kept_here = local.clone();
            if let Some(f) = &filled {
                all = f.iter().collect();
                kept_here = all
                    .iter()
                    .zip(group)
                    .filter(|(_, e)| e.1 == Side::Local)
                    .map(|(v, _)| *v)
                    .collect();
            }
            let (result, left_out) = settle_keeping_local(&all, &kept_here);
            if group.iter().any(|e| e.1 == Side::Incoming) {
                carried = true;
                match classify(&local, &result) {
                    Change::New => preview.new += 1,
                    Change::Updated => preview.updated += 1,
                    Change::Unchanged => preview.unchanged += 1,
                    Change::Deleted => preview.deleted += 1,
                    Change::Restored => {
                        preview.restored += 1;
                        self.restored.push((R::KIND, group[0].0));
                    }
                    Change::Conflict => {
                        preview.conflict += 1;
                        self.conflicts.push(ConflictInfo {
                            kind: R::KIND,
                            id: group[0].0,
                            versions: result.len(),
                            with_deletion: result.iter().any(|r| r.meta().deleted),
                            left_out,
                        });
                    }
                }
            }
            let mut it = result.into_iter();
            if let Some(first) = it.next() {
                shown.push(first.clone());
            }
            siblings.extend(it.cloned());
        }
        *R::all_mut(&mut self.out) = shown;
        *R::siblings_mut(&mut self.out) = siblings;
        if carried {
            self.preview.kinds.insert(R::KIND, preview);
        }
    }
}

/// The settled versions of one record, and how many concurrent versions did not fit. Past
/// [`MAX_VERSIONS`] the office's own undominated versions are added back: a flood of
/// versions from elsewhere must never push out what was made or kept here.
fn settle_keeping_local<'a, R: Record>(all: &[&'a R], local: &[&'a R]) -> (Vec<&'a R>, usize) {
    let settled = settle_bounded(all);
    let mut kept = settled.kept;
    if settled.left_out == 0 {
        return (kept, 0);
    }
    let mut restored = 0;
    for &l in local {
        let superseded = all.iter().any(|v| {
            l.meta().version.compare(&v.meta().version)
                == crate::domain::meta::Causality::DominatedBy
        });
        if !superseded && !kept.contains(&l) {
            kept.push(l);
            restored += 1;
        }
    }
    kept.sort_by_small(|a, b| display_order(*a, *b));
    (kept, settled.left_out.saturating_sub(restored))
}

fn pick<'a, R>(group: &[(RecordId, Side, &'a R)], side: Side) -> Vec<&'a R> {
    group.iter().filter(|e| e.1 == side).map(|e| e.2).collect()
}

/// How the merged versions of one record differ from what the office had.
fn classify<R: Record>(local: &[&R], result: &[&R]) -> Change {
    if same_versions(local, result) {
        return Change::Unchanged;
    }
    if result.len() > 1 {
        return Change::Conflict;
    }
    let deleted = result.first().is_some_and(|r| r.meta().deleted);
    let had_live = local.iter().any(|r| !r.meta().deleted);
    if !deleted && !local.is_empty() && !had_live {
        return Change::Restored;
    }
    match (deleted, local.is_empty()) {
        (true, true) => Change::Deleted,
        (true, false) if had_live => Change::Deleted,
        (true, false) => Change::Updated,
        (false, true) => Change::New,
        (false, false) => Change::Updated,
    }
}
