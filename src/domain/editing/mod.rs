//! Saving an edited record: the audit trail of who changed which field, rebasing a form
//! onto a newer stored version, the reference data a new office lacks (stored or shipped),
//! and the live findings for a record being typed. No browser types: all of it is tested
//! natively. What a form holds lives in [`crate::domain::forms`]; what list screens show in
//! [`crate::domain::views`].
//!
//! The browser side (`ui::edit`) only wires these to signals and storage.

pub mod audit;
pub mod rebase;
pub mod save_plan;
pub mod stored_or_shipped;

use chrono::NaiveDate;

use crate::domain::meta::RecordId;
use crate::domain::records::{AnyRecord, Dataset, Record};
use crate::domain::rules::{check, city_slice, community_slice, Finding};

pub use audit::{AuditAction, AuditEntry, AuditLog, FieldChange, AUDIT_KIND};

/// Whether the record has other versions waiting in `ds.conflicts` (a concurrent edit by
/// another office). Such a record is settled on the Conflicts page, never overwritten
/// from a form, so no office's version is lost without a person choosing.
pub fn in_conflict<R: Record>(ds: &Dataset, id: RecordId) -> bool {
    R::siblings(ds).iter().any(|s| s.meta().id == id)
}

/// The findings about `draft` if it were saved now: the rules run over `ds` with the draft
/// in place (and the shipped reference data a new office lacks), keeping those that name
/// the draft. Used while a person types, so they see `project.cap` before saving.
///
/// ```
/// use chrono::NaiveDate;
/// use mueang::domain::editing::draft_findings;
/// use mueang::domain::example::north_2561;
/// use mueang::domain::money::Baht;
/// use mueang::domain::records::{Project, Record};
/// let ds = north_2561().records;
/// let mut city = ds.cities[0].clone();
/// city.name_th.clear();
/// let found = draft_findings(&ds, city.clone().into_any(), NaiveDate::from_ymd_opt(2018, 3, 1).unwrap());
/// assert!(found.iter().any(|f| f.field.as_deref() == Some("name_th")));
/// ```
pub fn draft_findings(ds: &Dataset, draft: AnyRecord, today: NaiveDate) -> Vec<Finding> {
    let id = draft.meta().id;
    let mut with = match &draft {
        // A project's rules look no further than its city and that city's province (caps,
        // history, duplicates among the city's projects): checking that slice keeps the
        // live check cheap with 10,000 projects. `tests/editing.rs` compares it with the
        // whole-dataset check.
        AnyRecord::Project(p) => city_slice(ds, p.city_id, Some(p)),
        // A household's rules look no further than its community and its city's rounds:
        // entering one at a meeting stays quick with a region's 100,000 stored.
        AnyRecord::Household(h) => community_slice(ds, h.community_id),
        _ => ds.clone(),
    };
    stored_or_shipped::add_missing(&mut with);
    with.upsert(draft);
    check(&with, today)
        .into_iter()
        .filter(|f| f.concerns(id))
        .collect()
}
