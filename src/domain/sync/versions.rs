//! The versions of one record that survive a merge, and the order they are shown in.
//!
//! A record's state is a set of versions none of which contains another (an antichain under
//! the version-vector order). Merging two states keeps the versions of their union that no
//! other version strictly dominates. That operation is commutative, associative and
//! idempotent by construction, which is what lets bundles arrive in any order, any number
//! of times. Everything here depends only on the set, never on where a version came from.
//!
//! One bound breaks that on purpose: at most [`MAX_VERSIONS`] versions of a record are kept
//! (see [`settle_bounded`]), so the laws hold exactly below it; above it, what is kept is
//! still the same at every office that saw the same versions, and merge says so.

use std::cmp::{Ordering, Reverse};

use crate::domain::meta::Causality;
use crate::domain::records::Record;
use crate::domain::sorting::SortSmall;
use crate::domain::sync::canonical::canonical_of;

/// The most versions of one record a merge keeps. Real conflicts have two or three; a file
/// with thousands of concurrent versions of one record is made to freeze the import.
pub const MAX_VERSIONS: usize = 16;

/// The versions of one record that survive, in display order, and how many undominated
/// versions did not fit under [`MAX_VERSIONS`].
pub(crate) struct Settled<'a, R> {
    pub kept: Vec<&'a R>,
    pub left_out: usize,
}

/// Keeps the versions no other version strictly dominates, drops exact duplicates, and sorts
/// the rest in display order (the first is the one shown).
///
/// Two different versions with *equal* vectors (a shipped record changed between releases, or
/// a hand-edited file) are both kept: neither contains the other's edit, so a person decides.
pub(crate) fn settle<'a, R: Record>(versions: &[&'a R]) -> Vec<&'a R> {
    settle_bounded(versions).kept
}

/// [`settle`], keeping at most [`MAX_VERSIONS`]: those with the most edits, then in display
/// order, a choice that depends only on the set of versions, so every office that meets the
/// same versions keeps the same ones.
///
/// Linear in the number of versions (times the bound) after one sort: a version can only be
/// dominated by one with more edits in total, so in order of decreasing total each version
/// needs comparing only with the undominated ones found before it; and once the bound is
/// reached, the rest are only counted against those kept.
pub(crate) fn settle_bounded<'a, R: Record>(versions: &[&'a R]) -> Settled<'a, R> {
    let total = |r: &R| -> u128 { r.meta().version.0.values().map(|&n| u128::from(n)).sum() };
    let mut order: Vec<(u128, &'a R)> = versions.iter().map(|&r| (total(r), r)).collect();
    if order.len() > 1 {
        if order.len() > MAX_VERSIONS {
            // Ties on totals need the display order, which compares canonical texts; cached
            // once per version rather than written out at every comparison.
            order.sort_by_cached_key_small(|(t, r)| (Reverse(*t), DisplayKey::of(*r)));
        } else {
            order.sort_by_small(|(ta, a), (tb, b)| tb.cmp(ta).then_with(|| display_order(*a, *b)));
        }
    }
    let mut kept: Vec<&'a R> = Vec::with_capacity(order.len().min(MAX_VERSIONS));
    let mut left_out = 0;
    for (_, v) in order {
        let contained = kept.iter().any(|k| {
            *k == v || k.meta().version.compare(&v.meta().version) == Causality::Dominates
        });
        if contained {
            continue;
        }
        if kept.len() < MAX_VERSIONS {
            kept.push(v);
        } else {
            left_out += 1;
        }
    }
    if kept.len() > 1 {
        kept.sort_by_small(|a, b| display_order(*a, *b));
    }
    Settled { kept, left_out }
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

/// [`display_order`] as a key, computed once per version (for sorting many).
#[derive(PartialEq, Eq, PartialOrd, Ord)]
struct DisplayKey {
    deleted: bool,
    latest_first: Reverse<chrono::DateTime<chrono::Utc>>,
    office: crate::domain::meta::OfficeId,
    canonical: String,
}

impl DisplayKey {
    fn of<R: Record>(r: &R) -> DisplayKey {
        let m = r.meta();
        DisplayKey {
            deleted: m.deleted,
            latest_first: Reverse(m.updated_at),
            office: m.updated_by.office_id.clone(),
            canonical: canonical_of(r),
        }
    }
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
