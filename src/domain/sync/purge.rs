//! What a deletion keeps, and removing it once every known office has seen it.
//!
//! A tombstone must outlive every copy of the record it deleted, or an office that never
//! heard of the deletion would bring the record back with its next bundle. "Seen" is
//! certain knowledge only: the office sent us a bundle holding that deletion or a later
//! version ([`PeerState::has_seen`](super::PeerState::has_seen)). Every bundle carries all
//! of its office's tombstones, so such evidence arrives with the next bundle from each office.

use chrono::{DateTime, Utc};

use crate::domain::meta::RecordId;
use crate::domain::records::{Dataset, KindVisitor, Record, RecordKind};
use crate::domain::sync::peers::Peers;

/// Removes each tombstone that is not in conflict and that every office in `peers` has
/// seen; returns what was removed. With no known office nothing is removed: a deletion
/// nobody has heard of yet must not vanish.
pub fn purge_tombstones(ds: &mut Dataset, peers: &Peers) -> Vec<(RecordKind, RecordId)> {
    purge_tombstones_before(ds, peers, DateTime::<Utc>::MAX_UTC)
}

/// How long a deletion is kept after every known office has it, before an import purges
/// it: an office that starts sending bundles meanwhile (one not known yet) still learns of
/// it instead of bringing the record back.
pub const PURGE_AFTER_DAYS: i64 = 30;

/// [`purge_tombstones`], only for deletions made before `before` (the import passes
/// [`PURGE_AFTER_DAYS`] ago).
pub fn purge_tombstones_before(
    ds: &mut Dataset,
    peers: &Peers,
    before: DateTime<Utc>,
) -> Vec<(RecordKind, RecordId)> {
    let mut p = Purge {
        ds,
        peers,
        before,
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
    before: DateTime<Utc>,
    removed: Vec<(RecordKind, RecordId)>,
}

impl KindVisitor for Purge<'_> {
    fn visit<R: Record>(&mut self) {
        let in_conflict: std::collections::HashSet<RecordId> =
            R::siblings(self.ds).iter().map(|s| s.meta().id).collect();
        let (peers, before) = (self.peers, self.before);
        let removed = &mut self.removed;
        R::all_mut(self.ds).retain(|r| {
            let m = r.meta();
            let seen_by_all = || {
                peers
                    .0
                    .values()
                    .all(|p| p.has_seen(R::KIND, m.id, &m.version))
            };
            let purge =
                m.deleted && m.updated_at < before && !in_conflict.contains(&m.id) && seen_by_all();
            if purge {
                removed.push((R::KIND, m.id));
            }
            !purge
        });
    }
}

/// A deletion as it is kept and sent: only what sync needs. The record's `meta` stays
/// (id, version vector, deleted flag, times, the deleting office), minus the person's name;
/// of the rest, each kind keeps only its links and what places it (see
/// [`Emptied`](crate::domain::records::Emptied)): names, phone numbers, accounts, amounts
/// and notes are gone (PDPA: deleted personal data must go). Returns `None` when `r` is
/// not a deletion. Stripping twice changes nothing.
pub fn strip_tombstone<R: Record>(r: &R) -> Option<R> {
    if !r.meta().deleted {
        return None;
    }
    let mut stripped = r.emptied();
    stripped.meta_mut().updated_by.person.clear();
    // Nothing personal is left to be missing.
    stripped.meta_mut().left_out.clear();
    Some(stripped)
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
