//! What an office knows about the other offices' copies. Kept locally (in settings), never
//! exported: it decides what a "since" bundle leaves out and which tombstones may be purged.
//!
//! Version vectors here count edits *per record*, so one summary vector per office cannot say
//! which records a peer holds. Knowledge is therefore kept per record: the versions the peer
//! is known to hold. Two sources, kept apart because they are not equally sure:
//! - `received`: versions in bundles the peer exported. Certain; the only ground for purging.
//! - `sent`: versions in bundles exported to the peer. Assumed to arrive; "since" exports
//!   rely on it (as the person expects), and [`PeerState::forget_sent`] undoes it when a
//!   bundle went astray.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::domain::meta::{Causality, OfficeId, RecordId, VersionVector};
use crate::domain::records::{Dataset, RecordKind};
use crate::domain::sync::bundle::Bundle;
use crate::domain::sync::merge::MAX_VERSIONS;
use crate::domain::sync::signature::KeptKey;

/// Per record, the versions an office is known to hold (none containing another).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Knowledge(pub BTreeMap<RecordKind, BTreeMap<RecordId, Vec<VersionVector>>>);

impl Knowledge {
    /// Whether the office holds `version` of the record or a version that contains it.
    pub fn knows(&self, kind: RecordKind, id: RecordId, version: &VersionVector) -> bool {
        self.0
            .get(&kind)
            .and_then(|ids| ids.get(&id))
            .is_some_and(|known| known.iter().any(|k| dominates_or_equals(k, version)))
    }

    /// Adds every version in `ds` (shown and conflict versions alike).
    pub fn learn(&mut self, ds: &Dataset) {
        let mut add = |kind: RecordKind, id: RecordId, v: &VersionVector| {
            let known = self.0.entry(kind).or_default().entry(id).or_default();
            // Bounded like merge's versions, so a flood of concurrent versions costs linear
            // time; knowing less only delays a purge or resends a version, never loses one.
            if known.len() >= MAX_VERSIONS || known.iter().any(|k| dominates_or_equals(k, v)) {
                return;
            }
            known.retain(|k| !dominates_or_equals(v, k));
            known.push(v.clone());
        };
        ds.for_each(|r| add(r.kind(), r.meta().id, &r.meta().version));
        ds.conflicts
            .for_each(|r| add(r.kind(), r.meta().id, &r.meta().version));
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

fn dominates_or_equals(a: &VersionVector, b: &VersionVector) -> bool {
    matches!(a.compare(b), Causality::Dominates | Causality::Equal)
}

/// What this office knows about one other office.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeerState {
    /// As the office last named itself in a bundle.
    #[serde(default)]
    pub office_name: String,
    /// Versions in bundles received from the office: it certainly holds them.
    #[serde(default)]
    pub received: Knowledge,
    /// Versions in bundles sent to the office: it holds them once it imports them.
    #[serde(default)]
    pub sent: Knowledge,
    #[serde(default)]
    pub last_received: Option<DateTime<Utc>>,
    #[serde(default)]
    pub last_sent: Option<DateTime<Utc>>,
    /// Bundle ids already imported from this office, newest last (at most
    /// [`REMEMBERED_BUNDLES`]): lets the import screen say "already imported".
    #[serde(default)]
    pub received_bundles: Vec<Uuid>,
    /// The office's signing key, kept on first use (see `signature.rs`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<KeptKey>,
}

/// How many imported bundle ids are remembered per office.
pub const REMEMBERED_BUNDLES: usize = 64;

impl PeerState {
    /// Whether a "since" export may leave this version out.
    pub fn knows(&self, kind: RecordKind, id: RecordId, version: &VersionVector) -> bool {
        self.received.knows(kind, id, version) || self.sent.knows(kind, id, version)
    }

    /// Whether the office has certainly seen this version (for purging tombstones).
    pub fn has_seen(&self, kind: RecordKind, id: RecordId, version: &VersionVector) -> bool {
        self.received.knows(kind, id, version)
    }

    /// For "they never got it": the next "since" bundle carries all they have not confirmed.
    pub fn forget_sent(&mut self) {
        self.sent = Knowledge::default();
    }
}

/// Every office this one has exchanged bundles with: the "known offices" of tombstone purging.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Peers(pub BTreeMap<OfficeId, PeerState>);

impl Peers {
    pub fn get(&self, office: &OfficeId) -> Option<&PeerState> {
        self.0.get(office)
    }

    /// Call after exporting `bundle` to `to` (the "since" mark moves on).
    pub fn note_sent(&mut self, to: &OfficeId, bundle: &Bundle) {
        let peer = self.0.entry(to.clone()).or_default();
        peer.sent.learn(bundle.records());
        peer.last_sent = Some(bundle.exported_at());
    }

    /// Call after importing `bundle`: its exporter holds everything in it, and becomes a
    /// known office if it was not one.
    pub fn note_received(&mut self, bundle: &Bundle) {
        let by = bundle.exported_by();
        let peer = self.0.entry(by.office_id.clone()).or_default();
        if !by.office_name.is_empty() {
            peer.office_name = by.office_name.clone();
        }
        peer.received.learn(bundle.records());
        peer.last_received = peer.last_received.max(Some(bundle.exported_at()));
        let id = bundle.manifest().bundle_id;
        if !peer.received_bundles.contains(&id) {
            peer.received_bundles.push(id);
            let excess = peer
                .received_bundles
                .len()
                .saturating_sub(REMEMBERED_BUNDLES);
            peer.received_bundles.drain(..excess);
        }
    }

    /// Whether this bundle was already imported (the import screen can say so; importing it
    /// again is harmless anyway).
    pub fn already_received(&self, bundle: &Bundle) -> bool {
        self.0
            .get(&bundle.exported_by().office_id)
            .is_some_and(|p| p.received_bundles.contains(&bundle.manifest().bundle_id))
    }
}
