//! What a bundle says about itself, beside the document header (format, schema version,
//! `exported_at`, `exported_by`): its id, scope, counts and checksum.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::domain::meta::OfficeId;
use crate::domain::records::{Dataset, RecordKind};

/// Whether a bundle holds everything its office had, or only what a peer was missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum BundleScope {
    /// Every record, tombstone and conflict version of the exporting office.
    Full,
    /// What the destination office was not known to hold, plus every tombstone.
    Since,
}

/// What a bundle says about the personal data (PDPA) its records could have carried.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PersonalData {
    /// A summary: names, phone numbers and contacts were left out; each version that lost a
    /// value names the field in `meta.left_out`.
    LeftOut,
}

/// How many entries of one kind a bundle holds; checked on import against what arrived.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct KindCount {
    /// Records in the kind's list, tombstones included.
    pub records: usize,
    /// Of those, tombstones.
    #[serde(default)]
    pub deleted: usize,
    /// Extra versions of records in conflict.
    #[serde(default)]
    pub conflicts: usize,
}

/// The part of a bundle that lets a receiver check it and remember it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// Random per export: tells two bundles apart in logs and acknowledgements.
    pub bundle_id: Uuid,
    pub scope: BundleScope,
    /// The office the bundle was prepared for, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to_office: Option<OfficeId>,
    /// Per record kind; kinds with nothing are left out.
    #[serde(deserialize_with = "crate::domain::unique_keys::map")]
    pub counts: BTreeMap<RecordKind, KindCount>,
    /// SHA-256 of the canonical records (see `canonical.rs`), 64 lowercase hex digits.
    pub sha256: String,
    /// `left_out` for a summary without personal data; absent when the records are whole.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub personal_data: Option<PersonalData>,
    /// Whether the bundle carries the files its records name (`sync::files`); absent in
    /// bundles written before attachments existed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attachments: Option<crate::domain::sync::files::FilesNote>,
}

/// Counts of every kind that has anything, as written into and checked against a manifest.
pub fn count_records(ds: &Dataset) -> BTreeMap<RecordKind, KindCount> {
    let mut counts: BTreeMap<RecordKind, KindCount> = BTreeMap::new();
    ds.for_each(|r| {
        let c = counts.entry(r.kind()).or_default();
        c.records += 1;
        c.deleted += usize::from(r.meta().deleted);
    });
    ds.conflicts
        .for_each(|r| counts.entry(r.kind()).or_default().conflicts += 1);
    counts
}
