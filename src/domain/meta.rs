//! What every record carries besides its content: identity, who changed it and when,
//! the tombstone flag, and the version vector that exact merging between offices needs.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// A record's stable identity. Random (v4) for what people create; deterministic (v5)
/// for shipped reference data so every office's copy of a province is the same record.
pub type RecordId = Uuid;

/// Namespace for deterministic ids of shipped and example data.
pub const MUEANG_NAMESPACE: Uuid = Uuid::from_u128(0x6d75_656e_6700_4e61_8000_636f_6469_0001);

/// A deterministic id from a stable key such as `"province:TH-65"`.
pub fn stable_id(key: &str) -> RecordId {
    Uuid::new_v5(&MUEANG_NAMESPACE, key.as_bytes())
}

/// An office (regional office, city committee, national office) that edits records.
/// Generated once per browser installation and kept in settings.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct OfficeId(pub String);

/// Who made a change: the office and the person, as they named themselves in settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Editor {
    pub office_id: OfficeId,
    #[serde(default)]
    pub office_name: String,
    #[serde(default)]
    pub person: String,
}

impl Editor {
    /// An editor known only by its office: generated data (the CLI's synthetic dataset)
    /// and tests, where no person typed anything.
    pub fn office(id: &str) -> Editor {
        Editor {
            office_id: OfficeId(id.into()),
            office_name: String::new(),
            person: String::new(),
        }
    }
}

#[cfg(test)]
impl RecordMeta {
    /// A record's meta in unit tests: id `n`, made by office "t" on 2 February 2018.
    pub(crate) fn test(n: u128) -> RecordMeta {
        let at = DateTime::from_timestamp(1_517_600_000, 0).expect("a valid time");
        RecordMeta::new(Uuid::from_u128(n), &Editor::office("t"), at)
    }
}

/// How many edits each office has made to a record. Two versions are ordered when one
/// vector dominates the other; otherwise the edits were concurrent and a person decides.
///
/// Bounds, checked on every import ([`VersionVector::check`]):
/// - a count is at most [`MAX_COUNTER`] (2^53 − 1), the largest whole number JavaScript and
///   other JSON readers hold exactly, so a file means the same in every tool;
/// - a vector names at most [`MAX_OFFICES`] offices.
///
/// Why nothing can wrap: a count only grows by [`bump`](VersionVector::bump), one per local
/// edit, and every other count arrives through an import that refuses anything above the
/// ceiling. From the ceiling, reaching `u64::MAX` would take about 1.8 × 10^19 more edits on
/// one record (some 580 million years at a thousand edits a second), so `bump` cannot lose an
/// edit; it still uses checked arithmetic and, should the impossible happen, keeps `u64::MAX`
/// rather than wrapping to 0 (a wrapped count would be dominated and the edit dropped).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct VersionVector(
    // A repeated office would let one reader keep the last count and another refuse the file.
    #[serde(deserialize_with = "crate::domain::unique_keys::map")] pub BTreeMap<OfficeId, u64>,
);

/// The causal relation between two versions of one record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Causality {
    Equal,
    /// The left version already contains every edit of the right one.
    Dominates,
    /// The right version already contains every edit of the left one.
    DominatedBy,
    Concurrent,
}

/// The largest edit count a file may carry: 2^53 − 1 (`Number.MAX_SAFE_INTEGER`).
pub const MAX_COUNTER: u64 = (1 << 53) - 1;

/// The most offices one record's vector may name. CODI has five regional offices and a
/// national one, and each city committee that edits a record adds one; a single record
/// edited by more than a thousand offices is not a real history but a file made to slow
/// every comparison down.
pub const MAX_OFFICES: usize = 1_000;

/// Why a version vector cannot have been written by Mueang.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VectorProblem {
    /// A count above [`MAX_COUNTER`].
    CounterAboveCeiling { office: OfficeId, count: u64 },
    /// More than [`MAX_OFFICES`] offices.
    TooManyOffices { offices: usize },
}

impl VersionVector {
    /// Records one more edit by `office`. Never wraps (see the type's documentation for why
    /// the ceiling cannot be reached).
    pub fn bump(&mut self, office: &OfficeId) {
        let n = self.0.entry(office.clone()).or_insert(0);
        *n = n.checked_add(1).unwrap_or(u64::MAX);
    }

    /// Whether the vector stays within the bounds every import checks.
    pub fn check(&self) -> Result<(), VectorProblem> {
        if self.0.len() > MAX_OFFICES {
            return Err(VectorProblem::TooManyOffices {
                offices: self.0.len(),
            });
        }
        match self.0.iter().find(|(_, &n)| n > MAX_COUNTER) {
            Some((office, &count)) => Err(VectorProblem::CounterAboveCeiling {
                office: office.clone(),
                count,
            }),
            None => Ok(()),
        }
    }

    pub fn get(&self, office: &OfficeId) -> u64 {
        self.0.get(office).copied().unwrap_or(0)
    }

    pub fn compare(&self, other: &VersionVector) -> Causality {
        let mut ahead = false;
        let mut behind = false;
        for office in self.0.keys().chain(other.0.keys()) {
            let (a, b) = (self.get(office), other.get(office));
            ahead |= a > b;
            behind |= a < b;
        }
        match (ahead, behind) {
            (false, false) => Causality::Equal,
            (true, false) => Causality::Dominates,
            (false, true) => Causality::DominatedBy,
            (true, true) => Causality::Concurrent,
        }
    }

    /// The least vector that dominates both: what a merged version has seen.
    pub fn join(&self, other: &VersionVector) -> VersionVector {
        let mut out = self.clone();
        for (office, &n) in &other.0 {
            let e = out.0.entry(office.clone()).or_insert(0);
            *e = (*e).max(n);
        }
        out
    }
}

/// Identity and history of one record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RecordMeta {
    pub id: RecordId,
    // Every record has two: read by the fast path for Mueang's own form (see `fast_de`).
    #[serde(deserialize_with = "crate::domain::fast_de::utc")]
    pub created_at: DateTime<Utc>,
    #[serde(deserialize_with = "crate::domain::fast_de::utc")]
    pub updated_at: DateTime<Utc>,
    pub updated_by: Editor,
    /// A tombstone: the record was deleted, and the deletion travels to other offices.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub deleted: bool,
    #[serde(default)]
    pub version: VersionVector,
    /// Personal-data fields (as named in `PERSONAL_FIELDS`) whose values this version does
    /// not carry, because it travelled in a summary without personal data. An office that
    /// holds them keeps them (docs/sync.md, "Summaries without personal data").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub left_out: Vec<String>,
}

impl RecordMeta {
    /// Metadata for a record created now by `editor`.
    pub fn new(id: RecordId, editor: &Editor, now: DateTime<Utc>) -> RecordMeta {
        let mut version = VersionVector::default();
        version.bump(&editor.office_id);
        RecordMeta {
            id,
            created_at: now,
            updated_at: now,
            updated_by: editor.clone(),
            deleted: false,
            version,
            left_out: Vec::new(),
        }
    }

    /// Metadata for data that ships with Mueang (provinces, FY2561 parameters): the same
    /// id, time and empty version everywhere, so every office's copy is the same version
    /// and any local edit supersedes it.
    pub fn shipped(key: &str) -> RecordMeta {
        let at = DateTime::from_timestamp(1_485_907_200, 0).unwrap_or_default(); // 1 Feb 2017
        RecordMeta {
            id: stable_id(key),
            created_at: at,
            updated_at: at,
            updated_by: Editor {
                office_id: OfficeId("codi".into()),
                office_name: "พอช.".into(),
                person: String::new(),
            },
            deleted: false,
            version: VersionVector::default(),
            left_out: Vec::new(),
        }
    }

    /// Marks one more edit (or the deletion) by `editor`.
    pub fn touch(&mut self, editor: &Editor, now: DateTime<Utc>) {
        self.updated_at = now;
        self.updated_by = editor.clone();
        self.version.bump(&editor.office_id);
    }
}
