//! The versions of one record that survive a merge, and the order they are shown in.
//!
//! A record's state is a set of versions none of which contains another (an antichain under
//! the version-vector order). Merging two states keeps the versions of their union that no
//! other version strictly dominates. That operation is commutative, associative and
//! idempotent by construction, which is what lets bundles arrive in any order, any number
//! of times. Everything here depends only on the set, never on where a version came from.

use std::cmp::Ordering;

use crate::domain::meta::Causality;
use crate::domain::records::Record;
use crate::domain::sorting::SortSmall;
use crate::domain::sync::canonical::canonical_of;

/// Keeps the versions no other version strictly dominates, drops exact duplicates, and sorts
/// the rest in display order (the first is the one shown).
///
/// Two different versions with *equal* vectors (a shipped record changed between releases, or
/// a hand-edited file) are both kept: neither contains the other's edit, so a person decides.
pub(crate) fn settle<'a, R: Record>(versions: &[&'a R]) -> Vec<&'a R> {
    let mut keep: Vec<&'a R> = Vec::with_capacity(versions.len());
    for &v in versions {
        let dominated = versions
            .iter()
            .any(|w| v.meta().version.compare(&w.meta().version) == Causality::DominatedBy);
        if !dominated && !keep.contains(&v) {
            keep.push(v);
        }
    }
    if keep.len() > 1 {
        keep.sort_by_small(|a, b| display_order(*a, *b));
    }
    keep
}

/// The order in which a conflict's versions are shown, the same at every office:
/// live versions before deletions (a record edited while another office deleted it stays
/// visible until someone decides), then the latest edit first, then by office id, and
/// finally by canonical text, so two distinct versions are never tied.
pub(crate) fn display_order<R: Record>(a: &R, b: &R) -> Ordering {
    let (ma, mb) = (a.meta(), b.meta());
    ma.deleted
        .cmp(&mb.deleted)
        .then_with(|| mb.updated_at.cmp(&ma.updated_at))
        .then_with(|| ma.updated_by.office_id.cmp(&mb.updated_by.office_id))
        .then_with(|| canonical_of(a).cmp(&canonical_of(b)))
}

/// Whether two settled version lists hold the same versions.
pub(crate) fn same_versions<R: Record>(a: &[&R], b: &[&R]) -> bool {
    a.len() == b.len() && a.iter().all(|x| b.iter().any(|y| x == y))
}

/// Puts every kind's conflict versions back in merge order (by id, then display order).
/// A file holds them in canonical order (by id, then canonical text); sorting on reading
/// makes a bundle read back equal to the one exported.
pub(crate) fn sort_siblings(ds: &mut crate::domain::records::Dataset) {
    struct Sort<'a>(&'a mut crate::domain::records::Dataset);
    impl crate::domain::records::KindVisitor for Sort<'_> {
        fn visit<R: Record>(&mut self) {
            let list = R::siblings_mut(self.0);
            if list.len() > 1 {
                list.sort_by_small(|a, b| {
                    a.meta()
                        .id
                        .cmp(&b.meta().id)
                        .then_with(|| display_order(a, b))
                });
            }
        }
    }
    crate::domain::records::RecordKind::visit_all(&mut Sort(ds));
}
