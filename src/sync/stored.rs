//! How sync state lives in IndexedDB, beside the records the storage layer keeps.
//!
//! - **Conflict versions** (`Dataset.conflicts`): per record kind, the chunk kind
//!   `conflicts.<kind>` (e.g. `conflicts.cities`), keyed by record id like any record, each
//!   entry holding the list of that record's other versions. So settling one conflict
//!   rewrites one small chunk, and a record's siblings always travel together.
//! - **Peers** (what each other office is known to hold) and the time of the last export:
//!   JSON values in the `meta` store, one per office under `sync.peer/<office id>`. Peers
//!   grow large (a version per record per office), which is why they are not in
//!   localStorage, and why each office has its own entry: an import or export rewrites only
//!   the entry of the office it came from or goes to. (Before, all of them were one value,
//!   `sync.peers`; it is still read, under the entries that replace it office by office.)
//!
//! Reading is one pass: each chunk is deserialised straight into the typed lists (no
//! intermediate JSON document of everything), which matters with 100,000 records stored.
//! Plain Rust, tested natively; [`load_dataset`] adds the browser read.

use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{Deserializer, IgnoredAny, MapAccess, Visitor};

use crate::domain::meta::{OfficeId, RecordId};
use crate::domain::records::{Dataset, KindVisitor, Record, RecordKind};
use crate::domain::sync::{PeerState, Peers};
use crate::storage::{ChangeSet, StorageError};

/// Meta key prefix of each office's [`crate::domain::sync::PeerState`].
pub const PEER_PREFIX: &str = "sync.peer/";
/// Meta key of all the peers in one value, as builds before the split stored them.
pub const PEERS_KEY: &str = "sync.peers";
/// Meta key of the time of the last export (RFC 3339), for the "not exported for a while"
/// reminder.
pub const LAST_EXPORT_KEY: &str = "sync.last_export_at";

/// The meta key of what is known about `office`.
pub fn peer_key(office: &OfficeId) -> String {
    format!("{PEER_PREFIX}{}", office.0)
}

/// Adds to `cs` the peer entries of `offices` as they are in `peers` (see the module notes).
pub fn save_peers<'a>(
    cs: &mut ChangeSet,
    peers: &Peers,
    offices: impl IntoIterator<Item = &'a OfficeId>,
) -> Result<(), StorageError> {
    for office in offices {
        if let Some(state) = peers.get(office) {
            cs.set_meta(&peer_key(office), state)?;
        }
    }
    Ok(())
}

/// The peers as read: the single value older builds stored (if any), with each office's own
/// entry taking precedence, since an entry is only ever written after that value. Reading
/// never rewrites them: each office's entry replaces its part of the old value the next
/// time that office's peers are saved.
pub fn peers_from(old: Option<Peers>, entries: Vec<(String, PeerState)>) -> Peers {
    let mut peers = old.unwrap_or_default();
    peers.0.extend(
        entries
            .into_iter()
            .map(|(office, state)| (OfficeId(office), state)),
    );
    peers
}

/// The chunk kind holding the conflict versions of `kind`'s records.
pub fn conflicts_kind(kind: RecordKind) -> String {
    format!("conflicts.{}", kind.key())
}

/// Every chunk kind a dataset is stored under: the record kinds, then their conflicts.
pub fn storage_kinds() -> Vec<String> {
    RecordKind::ALL
        .iter()
        .map(|k| k.key().to_string())
        .chain(RecordKind::ALL.iter().map(|k| conflicts_kind(*k)))
        .collect()
}

/// Adds "replace every kind's conflict versions with those of `ds`" to a change set (an
/// import, "load example data"): kinds without conflicts are emptied.
pub fn replace_conflicts(cs: &mut ChangeSet, ds: &Dataset) -> Result<(), StorageError> {
    struct Replace<'a> {
        cs: &'a mut ChangeSet,
        ds: &'a Dataset,
        result: Result<(), StorageError>,
    }
    impl KindVisitor for Replace<'_> {
        fn visit<R: Record>(&mut self) {
            if self.result.is_err() {
                return;
            }
            let list = R::siblings(self.ds);
            let groups: Vec<(String, Vec<&R>)> = group_siblings(list)
                .iter()
                .map(|(id, at)| (id.to_string(), pick(list, at)))
                .collect();
            let kind = conflicts_kind(R::KIND);
            self.result = self
                .cs
                .replace_kind(&kind, groups.iter().map(|(id, v)| (id.clone(), v)))
                .map(|_| ());
        }
    }
    let mut r = Replace {
        cs,
        ds,
        result: Ok(()),
    };
    RecordKind::visit_all(&mut r);
    r.result
}

/// A kind's conflict versions grouped by record id: for each id, the versions' positions
/// in `siblings`. (Positions rather than references keep one copy of the map code in the
/// wasm instead of one per record kind.)
pub fn group_siblings<R: Record>(siblings: &[R]) -> BTreeMap<RecordId, Vec<usize>> {
    let ids: Vec<RecordId> = siblings.iter().map(|s| s.meta().id).collect();
    group_ids(&ids)
}

fn group_ids(ids: &[RecordId]) -> BTreeMap<RecordId, Vec<usize>> {
    let mut out: BTreeMap<RecordId, Vec<usize>> = BTreeMap::new();
    for (i, id) in ids.iter().enumerate() {
        out.entry(*id).or_default().push(i);
    }
    out
}

/// The versions at `positions`.
pub fn pick<'a, R>(list: &'a [R], positions: &[usize]) -> Vec<&'a R> {
    positions.iter().filter_map(|&i| list.get(i)).collect()
}

/// Builds the dataset from stored chunks given as (chunk kind, bytes), records and
/// conflict versions alike. Records come out in storage order (by bucket), not by id.
pub fn dataset_from_chunks(chunks: &[(String, Vec<u8>)]) -> Result<Dataset, StorageError> {
    let mut by_kind: BTreeMap<&str, Vec<&[u8]>> = BTreeMap::new();
    for (kind, bytes) in chunks {
        by_kind.entry(kind.as_str()).or_default().push(bytes);
    }
    let mut fill = Fill {
        by_kind,
        out: Dataset::default(),
        result: Ok(()),
    };
    RecordKind::visit_all(&mut fill);
    fill.result.map(|()| fill.out)
}

struct Fill<'a> {
    by_kind: BTreeMap<&'a str, Vec<&'a [u8]>>,
    out: Dataset,
    result: Result<(), StorageError>,
}

impl KindVisitor for Fill<'_> {
    fn visit<R: Record>(&mut self) {
        if self.result.is_err() {
            return;
        }
        let corrupt = |kind: &str, e: serde_json::Error| {
            StorageError::Corrupt(format!("a chunk of {kind}: {e}"))
        };
        // Chunks are read as text: `from_str` shares the record decoders the rest of the app
        // already has, where `from_slice` would add a second copy of them to the wasm.
        fn text<'b>(bytes: &'b [u8], kind: &str) -> Result<&'b str, StorageError> {
            std::str::from_utf8(bytes)
                .map_err(|e| StorageError::Corrupt(format!("a chunk of {kind}: {e}")))
        }
        for bytes in self.by_kind.get(R::KIND.key()).into_iter().flatten() {
            let t = match text(bytes, R::KIND.key()) {
                Ok(t) => t,
                Err(e) => {
                    self.result = Err(e);
                    return;
                }
            };
            let mut de = serde_json::Deserializer::from_str(t);
            let into = R::all_mut(&mut self.out);
            if let Err(e) = de.deserialize_map(ValuesInto::<R, One>::new(into)) {
                self.result = Err(corrupt(R::KIND.key(), e));
                return;
            }
        }
        let kind = conflicts_kind(R::KIND);
        for bytes in self.by_kind.get(kind.as_str()).into_iter().flatten() {
            let t = match text(bytes, &kind) {
                Ok(t) => t,
                Err(e) => {
                    self.result = Err(e);
                    return;
                }
            };
            let mut de = serde_json::Deserializer::from_str(t);
            let into = R::siblings_mut(&mut self.out);
            if let Err(e) = de.deserialize_map(ValuesInto::<R, Many>::new(into)) {
                self.result = Err(corrupt(&kind, e));
                return;
            }
        }
    }
}

/// A chunk entry holds one record.
struct One;
/// A chunk entry holds a list of versions.
struct Many;

/// Reads a chunk `{"<id>": value, ...}` and pushes each value's record(s) onto a list,
/// without keeping the ids or building a map.
struct ValuesInto<'v, R, Shape> {
    into: &'v mut Vec<R>,
    shape: PhantomData<Shape>,
}

impl<'v, R, Shape> ValuesInto<'v, R, Shape> {
    fn new(into: &'v mut Vec<R>) -> Self {
        ValuesInto {
            into,
            shape: PhantomData,
        }
    }
}

impl<'de, R: Record> Visitor<'de> for ValuesInto<'_, R, One> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a chunk of records by id")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while map.next_key::<IgnoredAny>()?.is_some() {
            self.into.push(map.next_value()?);
        }
        Ok(())
    }
}

impl<'de, R: Record> Visitor<'de> for ValuesInto<'_, R, Many> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a chunk of version lists by id")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while map.next_key::<IgnoredAny>()?.is_some() {
            let versions: Vec<R> = map.next_value()?;
            self.into.extend(versions);
        }
        Ok(())
    }
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use chrono::{DateTime, Utc};

    use super::*;
    use crate::storage::Store;

    /// Every record and conflict version on this device, in one read transaction.
    pub async fn load_dataset(store: &Store) -> Result<Dataset, StorageError> {
        let kinds = storage_kinds();
        let kinds: Vec<&str> = kinds.iter().map(String::as_str).collect();
        let chunks = store.load_chunks(&kinds).await?;
        dataset_from_chunks(&chunks)
    }

    /// What this office knows about the others (empty before the first exchange), with
    /// peers an older build stored as one value (see [`peers_from`]). Reads only.
    pub async fn load_peers(store: &Store) -> Result<Peers, StorageError> {
        let old = store.get_meta::<Peers>(PEERS_KEY).await?;
        let entries = store.get_meta_with_prefix::<PeerState>(PEER_PREFIX).await?;
        Ok(peers_from(old, entries))
    }

    /// When data last left this device as a bundle; `None` if never. For the
    /// "not exported for a while" reminder (`domain::views::export_reminder`).
    pub async fn last_export_at(store: &Store) -> Result<Option<DateTime<Utc>>, StorageError> {
        store.get_meta::<DateTime<Utc>>(LAST_EXPORT_KEY).await
    }
}

#[cfg(target_arch = "wasm32")]
pub use browser::{last_export_at, load_dataset, load_peers};

#[cfg(test)]
mod tests;
