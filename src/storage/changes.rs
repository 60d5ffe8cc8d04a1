//! One user action's changes, as a list of operations.
//!
//! The browser layer ([`super::db`]) reads the chunks a [`ChangeSet`] touches, calls
//! [`ChangeSet::plan`] and writes the outcome in the same IndexedDB
//! transaction; planning is free of browser types, so native tests cover it.
//!
//! There is no storage-level undo: the app undoes a change by saving the previous content
//! as a new version (see `ui::edit::save`), which is what survives a merge with an office
//! that already received the change.

use std::collections::BTreeSet;
use std::fmt;
use std::sync::Arc;

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::value::RawValue;

use super::chunks::{self, Layout, WrittenKind};
use super::error::StorageError;

mod plan;
pub use plan::{Counts, Plan};

/// One change inside a [`ChangeSet`].
#[derive(Debug, Clone)]
pub enum Op {
    /// Insert or replace the record `id` of `kind`.
    Put {
        kind: String,
        id: String,
        json: Box<RawValue>,
    },
    /// Remove the record entirely (the domain's deletions are tombstones, i.e. `Put`s;
    /// this is for storage's own entries, such as conflict versions once settled).
    Delete { kind: String, id: String },
    /// Replace the record `id` of `kind` by what `with` makes of the stored one, read
    /// inside the transaction that writes it (an audit log gaining an entry): no other
    /// tab's write can come between the read and the write.
    Update {
        kind: String,
        id: String,
        with: Updater,
    },
    /// Replace every record of `kind` (an import). The chunks come already written ([`chunks::ChunkWriter`]), with the fan-out their size
    /// called for: an import of 100,000 records serialises each once, straight into its
    /// chunk.
    ReplaceKind { kind: String, written: WrittenKind },
    /// Remove what is stored at chunk `key` whatever it holds: the entry `id` (kept as the
    /// other entries' text is), or with no id the whole chunk. For stored data this build
    /// cannot read, once the person has downloaded it (`sync::load::removal`); the other
    /// ops need a record they can name by kind and id.
    RemoveStored { key: String, id: Option<String> },
    /// Set a value in the `meta` store (e.g. when the last import happened).
    SetMeta { key: String, json: Box<RawValue> },
    /// Remove a value from the `meta` store (one written in an older form, say).
    DeleteMeta { key: String },
}

/// How an [`Op::Update`] makes the new JSON from the stored JSON (`None`: nothing stored).
#[derive(Clone)]
pub struct Updater(Arc<UpdateFn>);

type UpdateFn = dyn Fn(Option<&str>) -> Result<Box<RawValue>, StorageError> + Send + Sync;

impl Updater {
    pub fn run(&self, stored: Option<&str>) -> Result<Box<RawValue>, StorageError> {
        (self.0)(stored)
    }
}

impl fmt::Debug for Updater {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Updater")
    }
}

/// Everything one user action changes. Applied in one IndexedDB transaction: all of it is
/// saved, or none of it.
#[derive(Debug, Clone, Default)]
pub struct ChangeSet {
    /// What the person did, for the journal (e.g. "edit city").
    pub label: String,
    pub(super) ops: Vec<Op>,
}

pub(super) fn to_raw<T: Serialize + ?Sized>(value: &T) -> Result<Box<RawValue>, StorageError> {
    serde_json::value::to_raw_value(value).map_err(encode)
}

pub(super) fn encode(e: serde_json::Error) -> StorageError {
    StorageError::Encode(e.to_string())
}

fn check_kind(kind: &str) -> Result<(), StorageError> {
    if chunks::valid_kind(kind) {
        Ok(())
    } else {
        Err(StorageError::Encode(format!(
            "unusable record kind {kind:?}"
        )))
    }
}

impl ChangeSet {
    pub fn new(label: impl Into<String>) -> ChangeSet {
        ChangeSet {
            label: label.into(),
            ops: Vec::new(),
        }
    }

    /// Adds "store this record". Fails only if the record cannot be serialised.
    pub fn put<T: Serialize + ?Sized>(
        &mut self,
        kind: &str,
        id: &str,
        record: &T,
    ) -> Result<&mut Self, StorageError> {
        check_kind(kind)?;
        let json = to_raw(record)?;
        self.ops.push(Op::Put {
            kind: kind.into(),
            id: id.into(),
            json,
        });
        Ok(self)
    }

    /// Adds "remove this record".
    pub fn delete(&mut self, kind: &str, id: &str) -> Result<&mut Self, StorageError> {
        check_kind(kind)?;
        self.ops.push(Op::Delete {
            kind: kind.into(),
            id: id.into(),
        });
        Ok(self)
    }

    /// Adds "replace record `id` of `kind` by `f(what is stored)`", resolved when the set
    /// is applied, in its transaction. `f` gets `None` if nothing is stored or the stored
    /// value no longer reads as `T`: the caller starts afresh rather than fail the action.
    pub fn update<T, F>(&mut self, kind: &str, id: &str, f: F) -> Result<&mut Self, StorageError>
    where
        T: Serialize + DeserializeOwned,
        F: Fn(Option<T>) -> T + Send + Sync + 'static,
    {
        check_kind(kind)?;
        let with = Updater(Arc::new(move |stored: Option<&str>| {
            let old = stored.and_then(|json| serde_json::from_str(json).ok());
            to_raw(&f(old))
        }));
        self.ops.push(Op::Update {
            kind: kind.into(),
            id: id.into(),
            with,
        });
        Ok(self)
    }

    /// Adds "replace all records of `kind` with these" (id, record) pairs.
    pub fn replace_kind<'a, T: Serialize + 'a>(
        &mut self,
        kind: &str,
        records: impl IntoIterator<Item = (String, &'a T)>,
    ) -> Result<&mut Self, StorageError> {
        check_kind(kind)?;
        let mut w = chunks::ChunkWriter::new(kind);
        for (id, r) in records {
            w.add(&id, |out| serde_json::to_writer(out, r))
                .map_err(encode)?;
        }
        Ok(self.push_replace(kind, w))
    }

    /// Like [`ChangeSet::replace_kind`] with records already as JSON text (straight from a
    /// verified file), so they are not parsed and serialised again. The texts must be JSON.
    pub fn replace_kind_raw<'a>(
        &mut self,
        kind: &str,
        records: impl IntoIterator<Item = (String, &'a str)>,
    ) -> Result<&mut Self, StorageError> {
        check_kind(kind)?;
        let records: Vec<(String, &str)> = records.into_iter().collect();
        let mut w = chunks::ChunkWriter::sized(
            kind,
            records.iter().map(|(id, json)| (id.as_str(), json.len())),
        );
        for (id, json) in &records {
            w.add(id, |out| {
                out.extend_from_slice(json.as_bytes());
                Ok(())
            })
            .map_err(encode)?;
        }
        Ok(self.push_replace(kind, w))
    }

    fn push_replace(&mut self, kind: &str, w: chunks::ChunkWriter<'_>) -> &mut Self {
        self.ops.push(Op::ReplaceKind {
            kind: kind.into(),
            written: w.finish(),
        });
        self
    }

    /// Adds "remove what is stored at chunk `key`" (its entry `id`, or with `None` the
    /// whole chunk), for stored data that cannot be read. Fails on a key of no known kind.
    pub fn remove_stored(
        &mut self,
        key: &str,
        id: Option<&str>,
    ) -> Result<&mut Self, StorageError> {
        check_kind(chunks::kind_of_key(key).unwrap_or_default())?;
        self.ops.push(Op::RemoveStored {
            key: key.into(),
            id: id.map(Into::into),
        });
        Ok(self)
    }

    /// Adds "set meta value `key`".
    pub fn set_meta<T: Serialize + ?Sized>(
        &mut self,
        key: &str,
        value: &T,
    ) -> Result<&mut Self, StorageError> {
        let json = to_raw(value)?;
        self.ops.push(Op::SetMeta {
            key: key.into(),
            json,
        });
        Ok(self)
    }

    /// Adds "remove meta value `key`" (nothing happens if there is none).
    pub fn delete_meta(&mut self, key: &str) -> &mut Self {
        self.ops.push(Op::DeleteMeta { key: key.into() });
        self
    }

    pub fn ops(&self) -> &[Op] {
        &self.ops
    }

    pub fn is_empty(&self) -> bool {
        self.ops.is_empty()
    }

    /// The kinds this set replaces whole (deleting first whatever is stored of them).
    pub fn replaced_kinds(&self) -> Vec<&str> {
        self.ops
            .iter()
            .filter_map(|op| match op {
                Op::ReplaceKind { kind, .. } => Some(kind.as_str()),
                _ => None,
            })
            .collect()
    }

    /// The chunk keys that must be read before planning (those edited in place),
    /// with the chunks laid out as `layout` says.
    pub fn chunks_to_read(&self, layout: &Layout) -> BTreeSet<String> {
        self.ops
            .iter()
            .filter_map(|op| match op {
                Op::Put { kind, id, .. }
                | Op::Delete { kind, id }
                | Op::Update { kind, id, .. } => {
                    Some(chunks::chunk_key(kind, id, chunks::fanout(layout, kind)))
                }
                Op::RemoveStored { key, id: Some(_) } => Some(key.clone()),
                _ => None,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn bad_kind_is_an_encode_error() {
        let mut cs = ChangeSet::new("x");
        assert!(matches!(
            cs.put("a/b", "1", &1),
            Err(StorageError::Encode(_))
        ));
        assert!(matches!(
            cs.update("", "1", |n: Option<u32>| n.unwrap_or(0)),
            Err(StorageError::Encode(_))
        ));
        assert!(cs.is_empty());
    }

    #[test]
    fn an_update_reads_what_is_stored_and_starts_afresh_from_what_it_cannot_read() {
        let mut cs = ChangeSet::new("x");
        cs.update("audit", "r1", |log: Option<Vec<u32>>| {
            let mut log = log.unwrap_or_default();
            log.push(7);
            log
        })
        .unwrap();
        let [Op::Update { with, kind, id }] = cs.ops() else {
            panic!("one update: {:?}", cs.ops());
        };
        assert_eq!((kind.as_str(), id.as_str()), ("audit", "r1"));
        let run = |stored: Option<&str>| with.run(stored).unwrap().get().to_string();
        assert_eq!(run(None), "[7]");
        assert_eq!(run(Some("[1,2]")), "[1,2,7]");
        assert_eq!(run(Some(&json!({"not": "a list"}).to_string())), "[7]");
        assert_eq!(
            cs.chunks_to_read(&Layout::new()),
            BTreeSet::from([chunks::chunk_key("audit", "r1", chunks::BUCKETS)])
        );
    }
}
