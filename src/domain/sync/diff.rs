//! Comparing two datasets record by record, for `mueang diff`.

use crate::domain::sorting::SortSmall;
use std::collections::BTreeMap;

use serde::Serialize;

use crate::domain::meta::RecordId;
use crate::domain::records::{Dataset, KindVisitor, Record, RecordKind};
use crate::domain::sync::versions::{same_versions, settle};

/// How two datasets differ in one record kind. Ids are sorted.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct KindDiff {
    pub only_in_a: Vec<RecordId>,
    pub only_in_b: Vec<RecordId>,
    /// In both, with different versions (the newer side wins on merge, or they conflict).
    pub differing: Vec<RecordId>,
    /// In conflict on either side.
    pub conflicts: Vec<RecordId>,
    /// In both, the same.
    pub same: usize,
}

impl KindDiff {
    pub fn is_empty(&self) -> bool {
        self.only_in_a.is_empty()
            && self.only_in_b.is_empty()
            && self.differing.is_empty()
            && self.conflicts.is_empty()
    }
}

/// Per kind present on either side, how `a` and `b` differ.
pub fn diff(a: &Dataset, b: &Dataset) -> BTreeMap<RecordKind, KindDiff> {
    let mut d = Diff {
        a,
        b,
        out: BTreeMap::new(),
    };
    RecordKind::visit_all(&mut d);
    d.out
}

struct Diff<'a> {
    a: &'a Dataset,
    b: &'a Dataset,
    out: BTreeMap<RecordKind, KindDiff>,
}

fn versions<R: Record>(ds: &Dataset) -> BTreeMap<RecordId, Vec<&R>> {
    let mut map: BTreeMap<RecordId, Vec<&R>> = BTreeMap::new();
    for r in R::all(ds).iter().chain(R::siblings(ds)) {
        map.entry(r.meta().id).or_default().push(r);
    }
    map
}

impl KindVisitor for Diff<'_> {
    fn visit<R: Record>(&mut self) {
        let (a, b) = (versions::<R>(self.a), versions::<R>(self.b));
        if a.is_empty() && b.is_empty() {
            return;
        }
        let mut d = KindDiff::default();
        for (id, va) in &a {
            match b.get(id) {
                None => d.only_in_a.push(*id),
                Some(vb) if same_versions(&settle(va), &settle(vb)) => d.same += 1,
                Some(_) => d.differing.push(*id),
            }
        }
        d.only_in_b = b.keys().filter(|id| !a.contains_key(id)).copied().collect();
        d.conflicts = a
            .iter()
            .chain(b.iter())
            .filter(|(_, v)| v.len() > 1)
            .map(|(id, _)| *id)
            .collect();
        d.conflicts.sort_small();
        d.conflicts.dedup();
        self.out.insert(R::KIND, d);
    }
}
