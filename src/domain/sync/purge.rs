//! What a deletion keeps, and removing it once every known office has seen it.
//!
//! A tombstone must outlive every copy of the record it deleted, or an office that never
//! heard of the deletion would bring the record back with its next bundle. "Seen" is
//! certain knowledge only: the office sent us a bundle holding that deletion or a later
//! version ([`PeerState::has_seen`](super::PeerState::has_seen)). Every bundle carries all
//! of its office's tombstones, so such evidence arrives with the next bundle from each office.

use serde_json::{Map, Value};

use crate::domain::meta::RecordId;
use crate::domain::records::{Dataset, KindVisitor, Record, RecordKind};
use crate::domain::sync::peers::Peers;

/// Removes each tombstone that is not in conflict and that every office in `peers` has
/// seen; returns what was removed. With no known office nothing is removed: a deletion
/// nobody has heard of yet must not vanish.
pub fn purge_tombstones(ds: &mut Dataset, peers: &Peers) -> Vec<(RecordKind, RecordId)> {
    let mut p = Purge {
        ds,
        peers,
        removed: Vec::new(),
    };
    if !peers.0.is_empty() {
        RecordKind::visit_all(&mut p);
    }
    p.removed
}

struct Purge<'a> {
    ds: &'a mut Dataset,
    peers: &'a Peers,
    removed: Vec<(RecordKind, RecordId)>,
}

impl KindVisitor for Purge<'_> {
    fn visit<R: Record>(&mut self) {
        let in_conflict: std::collections::HashSet<RecordId> =
            R::siblings(self.ds).iter().map(|s| s.meta().id).collect();
        let peers = self.peers;
        let removed = &mut self.removed;
        R::all_mut(self.ds).retain(|r| {
            let m = r.meta();
            let seen_by_all = || {
                peers
                    .0
                    .values()
                    .all(|p| p.has_seen(R::KIND, m.id, &m.version))
            };
            let purge = m.deleted && !in_conflict.contains(&m.id) && seen_by_all();
            if purge {
                removed.push((R::KIND, m.id));
            }
            !purge
        });
    }
}

/// A deletion as it is kept and sent: only what sync needs. The record's `meta` stays
/// (id, version vector, deleted flag, times, the deleting office), minus the person's name;
/// every other field is emptied: names, phone numbers, amounts and notes are gone (PDPA:
/// deleted personal data must go). Returns `None` when `r` is not a deletion.
///
/// The record keeps its type, so every reader (old bundles, storage, other offices' older
/// Mueang) still reads it: each value becomes the emptiest its field accepts (`""`, `"0"`,
/// `0`, `false`, `[]` or `null`), and a value no empty form fits (a date, a kind such as
/// `unit_type`) stays; those say nothing about a person. Stripping twice changes nothing.
pub fn strip_tombstone<R: Record>(r: &R) -> Option<R> {
    if !r.meta().deleted {
        return None;
    }
    let mut stripped = r.clone();
    stripped.meta_mut().updated_by.person.clear();
    let Ok(Value::Object(mut fields)) = serde_json::to_value(&stripped) else {
        return Some(stripped);
    };
    let keys: Vec<String> = fields.keys().filter(|k| *k != "meta").cloned().collect();
    for key in keys {
        empty_leaves::<R>(&mut fields, &mut vec![key]);
    }
    Some(serde_json::from_value(Value::Object(fields)).unwrap_or(stripped))
}

/// Empties every leaf under `path` that the record still reads with, depth first.
fn empty_leaves<R: Record>(fields: &mut Map<String, Value>, path: &mut Vec<String>) {
    let Some(current) = leaf(fields, path).cloned() else {
        return;
    };
    if let Value::Object(inner) = &current {
        for k in inner.keys() {
            path.push(k.clone());
            empty_leaves::<R>(fields, path);
            path.pop();
        }
        return;
    }
    let candidates = match &current {
        Value::String(s) if !s.is_empty() => vec![Value::from(""), Value::from("0"), Value::Null],
        Value::Number(n) if n.as_u64() != Some(0) => vec![Value::from(0), Value::Null],
        Value::Bool(true) => vec![Value::Bool(false), Value::Null],
        Value::Array(a) if !a.is_empty() => vec![Value::Array(Vec::new()), Value::Null],
        _ => Vec::new(),
    };
    for candidate in candidates {
        if let Some(slot) = leaf(fields, path) {
            *slot = candidate;
        }
        if serde_json::from_value::<R>(Value::Object(fields.clone())).is_ok() {
            return;
        }
    }
    if let Some(slot) = leaf(fields, path) {
        *slot = current;
    }
}

fn leaf<'a>(fields: &'a mut Map<String, Value>, path: &[String]) -> Option<&'a mut Value> {
    let (first, rest) = path.split_first()?;
    rest.iter()
        .try_fold(fields.get_mut(first)?, |v, k| v.get_mut(k.as_str()))
}

/// Strips every deletion in `ds` (see [`strip_tombstone`]); returns how many changed. For
/// data stored before tombstones were stripped, and for the save path right after a delete.
pub fn strip_tombstones(ds: &mut Dataset) -> usize {
    struct Strip<'a>(&'a mut Dataset, usize);
    impl KindVisitor for Strip<'_> {
        fn visit<R: Record>(&mut self) {
            let lists: [fn(&mut Dataset) -> &mut Vec<R>; 2] = [R::all_mut, R::siblings_mut];
            for list in lists {
                for r in list(self.0).iter_mut() {
                    if let Some(s) = strip_tombstone(r).filter(|s| s != r) {
                        *r = s;
                        self.1 += 1;
                    }
                }
            }
        }
    }
    let mut s = Strip(ds, 0);
    RecordKind::visit_all(&mut s);
    s.1
}
