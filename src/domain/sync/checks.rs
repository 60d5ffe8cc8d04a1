//! Checks a typed bundle must pass beyond its types: unique ids, conflict versions that
//! belong to a record, version vectors Mueang could have written, and the manifest's counts.

use crate::domain::sorting::SortSmall;
use std::collections::{BTreeMap, HashSet};

use crate::domain::document::{Document, DocumentError};
use crate::domain::meta::{RecordId, VectorProblem};
use crate::domain::records::limits::{OutOfRange, MAX_RECORDS_PER_KIND};
use crate::domain::records::survey::{count_personal_data, PERSONAL_FIELDS};
use crate::domain::records::{Dataset, KindVisitor, Record, RecordKind};
use crate::domain::sync::error::{BundleError, Impossibility, OutOfRangeAt, RecordLabel};
use crate::domain::sync::manifest::{count_records, KindCount, Manifest};
use crate::domain::sync::personal::is_summary;

pub(crate) fn check_records(ds: &Dataset) -> Result<(), BundleError> {
    let mut c = Checker { ds, error: None };
    RecordKind::visit_all(&mut c);
    c.error.map_or(Ok(()), Err)
}

/// A summary without personal data must hold none: the receiving office is told so.
pub(crate) fn check_summary(ds: &Dataset, manifest: &Manifest) -> Result<(), BundleError> {
    if !is_summary(manifest) || count_personal_data(ds) == 0 {
        return Ok(());
    }
    Err(BundleError::Impossible {
        path: "manifest.personal_data".into(),
        reason: Impossibility::PersonalDataInSummary,
        record: None,
    })
}

/// A bundle must say who exported it and when: the receiver records it and shows it.
pub(crate) fn check_export_fields(doc: &Document) -> Result<(), BundleError> {
    let missing = |field| Err(BundleError::MissingExportField { field });
    match (&doc.exported_by, &doc.exported_at) {
        (None, _) => missing("exported_by"),
        (_, None) => missing("exported_at"),
        (Some(by), _) if by.office_id.0.trim().is_empty() => missing("exported_by.office_id"),
        _ => Ok(()),
    }
}

pub(crate) fn check_counts(
    ds: &Dataset,
    stated: &BTreeMap<RecordKind, KindCount>,
) -> Result<(), BundleError> {
    let found = count_records(ds);
    let kinds: HashSet<&RecordKind> = stated.keys().chain(found.keys()).collect();
    let mut kinds: Vec<&RecordKind> = kinds.into_iter().collect();
    kinds.sort_small();
    for kind in kinds {
        let s = stated.get(kind).copied().unwrap_or_default();
        let f = found.get(kind).copied().unwrap_or_default();
        for (what, s, f) in [
            ("records", s.records, f.records),
            ("deleted records", s.deleted, f.deleted),
            ("conflict versions", s.conflicts, f.conflicts),
        ] {
            if s != f {
                return Err(BundleError::CountMismatch {
                    kind: *kind,
                    what,
                    stated: s,
                    found: f,
                });
            }
        }
    }
    Ok(())
}

struct Checker<'a> {
    ds: &'a Dataset,
    error: Option<BundleError>,
}

impl KindVisitor for Checker<'_> {
    fn visit<R: Record>(&mut self) {
        if self.error.is_some() {
            return;
        }
        self.error = check_kind::<R>(self.ds).err();
    }
}

fn check_kind<R: Record>(ds: &Dataset) -> Result<(), BundleError> {
    let key = R::KIND.key();
    let count = R::all(ds).len() + R::siblings(ds).len();
    if count > MAX_RECORDS_PER_KIND {
        return Err(BundleError::TooManyRecords {
            kind: R::KIND,
            count,
        });
    }
    let mut ids: HashSet<RecordId> = HashSet::with_capacity(R::all(ds).len());
    for (i, r) in R::all(ds).iter().enumerate() {
        if !ids.insert(r.meta().id) {
            return Err(DocumentError::DuplicateId {
                kind: R::KIND,
                id: r.meta().id,
            }
            .into());
        }
        check_version(r, || format!("records.{key}[{i}].meta.version"))?;
        check_ranges(r, || format!("records.{key}[{i}]"))?;
    }
    for (i, s) in R::siblings(ds).iter().enumerate() {
        if !ids.contains(&s.meta().id) {
            return Err(BundleError::SiblingWithoutRecord {
                kind: R::KIND,
                id: s.meta().id,
            });
        }
        check_version(s, || format!("records.conflicts.{key}[{i}].meta.version"))?;
        check_ranges(s, || format!("records.conflicts.{key}[{i}]"))?;
    }
    Ok(())
}

/// Every edit bumps the editing office's count, so a version that names an editor but does
/// not count it (or names an office with no id) was not written by Mueang. Shipped records
/// have an empty vector and are exempt. The path is only written out for an error (once per
/// record it cost 16 ms of a 100,000-record import).
fn check_version<R: Record>(r: &R, path: impl Fn() -> String) -> Result<(), BundleError> {
    let m = r.meta();
    let impossible = |reason| BundleError::Impossible {
        path: path(),
        reason,
        record: Some(RecordLabel {
            kind: R::KIND,
            id: Some(m.id.to_string()),
            name: None,
        }),
    };
    if m.version.0.keys().any(|o| o.0.trim().is_empty()) {
        return Err(impossible(Impossibility::EmptyOfficeInVersion));
    }
    if !m.version.0.is_empty() && m.version.get(&m.updated_by.office_id) == 0 {
        return Err(impossible(Impossibility::EditorNotCounted));
    }
    let personal = |f: &String| {
        PERSONAL_FIELDS
            .iter()
            .any(|p| p.kind == R::KIND && p.field == f)
    };
    if !m.left_out.iter().all(personal) {
        return Err(impossible(Impossibility::NotPersonalField));
    }
    if let Err(p) = m.version.check() {
        return Err(impossible(match p {
            VectorProblem::CounterAboveCeiling { .. } => Impossibility::CounterAboveCeiling,
            VectorProblem::TooManyOffices { .. } => Impossibility::TooManyOffices,
        }));
    }
    Ok(())
}

/// The first value outside its range (see `records::limits`), as an error naming it.
fn check_ranges<R: Record>(r: &R, path: impl Fn() -> String) -> Result<(), BundleError> {
    let mut first: Option<OutOfRange> = None;
    r.out_of_range(&mut |p| {
        first.get_or_insert(p);
    });
    match first {
        None => Ok(()),
        Some(p) => Err(BundleError::OutOfRange(Box::new(OutOfRangeAt {
            path: format!("{}.{}", path(), p.field),
            value: p.value,
            allowed: p.allowed,
            record: Some(RecordLabel {
                kind: R::KIND,
                id: Some(r.meta().id.to_string()),
                name: None,
            }),
        }))),
    }
}
