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
//! Reading (one pass per chunk, keeping aside what does not read) is [`crate::sync::load`].
//! Plain Rust, tested natively; `load_all` adds the browser read.

use std::collections::BTreeMap;

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

#[cfg(target_arch = "wasm32")]
mod browser {
    use chrono::{DateTime, Utc};

    use super::*;
    use crate::storage::Store;
    use crate::sync::load::{dataset_from_chunks, load_from_chunks, Loaded};

    /// Every record and conflict version on this device, in one read transaction, with
    /// what could not be read kept aside (see [`crate::sync::load`]).
    pub async fn load_all(store: &Store) -> Result<Loaded, StorageError> {
        let kinds = storage_kinds();
        let kinds: Vec<&str> = kinds.iter().map(String::as_str).collect();
        let chunks = store.load_chunks(&kinds).await?;
        Ok(load_from_chunks(&chunks))
    }

    /// Like [`load_all`], but anything unreadable is an error (tests comparing what is
    /// stored).
    pub async fn load_dataset(store: &Store) -> Result<Dataset, StorageError> {
        let kinds = storage_kinds();
        let kinds: Vec<&str> = kinds.iter().map(String::as_str).collect();
        dataset_from_chunks(&store.load_chunks(&kinds).await?)
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
pub use browser::{last_export_at, load_all, load_dataset, load_peers};

#[cfg(test)]
mod tests;
