//! Versions that travelled without their personal data (a summary, see
//! `records::survey::privacy`): their `meta.left_out` fields are filled from a version of the
//! same record that holds them, so a summary never blanks the names an office has.
//!
//! The rule (docs/sync.md, "Summaries without personal data"): a left-out field of version
//! `w` takes its value from the newest version that holds the field and that `w` contains
//! (an equal or earlier version vector), since that is the value `w` was made from. With
//! none, the field stays empty and marked. Deletions are never filled.

use crate::domain::meta::Causality;
use crate::domain::records::survey::privacy::copy_personal;
use crate::domain::records::Record;
use crate::domain::sync::versions::display_order;

/// The versions of one record with every left-out field filled where a version they contain
/// holds it, in the same order; `None` when none has a left-out field (nothing to do).
/// Sources are the versions as given, so the result does not depend on their order.
pub(crate) fn fill<R: Record>(versions: &[&R]) -> Option<Vec<R>> {
    if versions.iter().all(|v| v.meta().left_out.is_empty()) {
        return None;
    }
    Some(
        versions
            .iter()
            .map(|&w| {
                let contained = |v: &R| {
                    matches!(
                        v.meta().version.compare(&w.meta().version),
                        Causality::Equal | Causality::DominatedBy
                    )
                };
                fill_from(w, versions.iter().copied().filter(|v| contained(v)))
            })
            .collect(),
    )
}

/// `w` with each left-out field taken from the newest of `sources` that holds it.
pub(crate) fn fill_from<'a, R: Record + 'a>(w: &R, sources: impl Iterator<Item = &'a R>) -> R {
    if w.meta().deleted || w.meta().left_out.is_empty() {
        return w.clone();
    }
    let sources: Vec<&R> = sources.filter(|v| !v.meta().deleted).collect();
    let mut any = w.clone().into_any();
    for field in &w.meta().left_out {
        let newest = sources
            .iter()
            .filter(|v| !v.meta().left_out.contains(field))
            .min_by(|a, b| {
                edits(**b)
                    .cmp(&edits(**a))
                    .then_with(|| display_order(**a, **b))
            });
        if let Some(source) = newest {
            copy_personal(&mut any, &(*source).clone().into_any(), field);
            any.meta_mut().left_out.retain(|f| f != field);
        }
    }
    R::from_any(any).unwrap_or_else(|| w.clone())
}

fn edits<R: Record>(r: &R) -> u128 {
    r.meta().version.0.values().map(|&n| u128::from(n)).sum()
}

/// After an edit: the left-out fields the person typed into are no longer left out (the
/// new value is this office's, and travels as any edit does).
pub(crate) fn after_edit<R: Record>(stored: &R, edited: &mut R) {
    if edited.meta().left_out.is_empty() {
        return;
    }
    use crate::domain::records::survey::privacy::personal_value;
    let (before, after) = (stored.clone().into_any(), edited.clone().into_any());
    edited
        .meta_mut()
        .left_out
        .retain(|f| personal_value(&before, f) == personal_value(&after, f));
}
