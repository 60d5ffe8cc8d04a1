//! Reading the stored dataset back, and keeping aside what cannot be read.
//!
//! A record that no longer reads (a damaged chunk, a value this build's types refuse, a
//! repeated key) must not take the rest with it, and must never be lost: before, one bad
//! chunk failed the whole load, the app carried on with empty data, and the next "load the
//! example" or import replaced every kind — deleting everything that was stored. Now:
//!
//! - each chunk is read in one pass straight into the typed lists (no JSON tree of
//!   everything; 100,000 records load as fast as before); only a chunk that fails is read
//!   again record by record, so one bad record keeps only itself aside;
//! - what cannot be read is an [`Unreadable`]: where it is stored, why it failed, and its
//!   bytes exactly as stored, for the person to download as they are ([`recovery_file`]);
//! - nothing here writes: the unreadable entries stay stored untouched, and while there is
//!   any, [`KeptAside::blocks_whole_kinds`] keeps every write of a whole kind away (it would
//!   delete them). Saving one record still works: it rewrites its chunk keeping the other
//!   entries' text as it is.
//!
//! Plain Rust, tested natively; `stored::load_all` adds the browser read.

use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{DeserializeOwned, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::Serialize;
use serde_json::value::RawValue;

use crate::domain::records::{Dataset, KindVisitor, Record, RecordKind};
use crate::storage::chunks::kind_of_key;
use crate::storage::{ChangeSet, StorageError};
use crate::sync::stored::conflicts_kind;

/// One stored chunk as read: its key (`"cities/0a"`) and its bytes, or, when the stored
/// value is not bytes at all, a description of it.
pub type StoredChunk = (String, Result<Vec<u8>, String>);

/// A stored record, or a whole chunk, this build could not read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unreadable {
    /// The chunk it is stored in (`"cities/0a"`, `"conflicts.cities/03"`).
    pub chunk: String,
    /// The record's id within the chunk; `None` when the chunk itself cannot be read.
    pub id: Option<String>,
    /// Why it could not be read (the reader's own words, for whoever repairs it).
    pub error: String,
    /// The bytes exactly as stored.
    #[serde(skip)]
    pub bytes: Vec<u8>,
}

impl Unreadable {
    /// The record kind's storage key (`"cities"`, `"conflicts.cities"`).
    pub fn kind(&self) -> &str {
        kind_of_key(&self.chunk).unwrap_or(&self.chunk)
    }
}

/// The dataset as read, and what was kept aside.
#[derive(Debug, Default, Clone)]
pub struct Loaded {
    pub dataset: Dataset,
    pub unreadable: Vec<Unreadable>,
}

/// What the app could not read at start (or at the last reload): shown to the person, and
/// the reason whole-kind writes are refused.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct KeptAside {
    pub items: Vec<Unreadable>,
    /// The read failed as a whole (the browser refused it): nothing is known to be safe to
    /// replace. The browser's words.
    pub failed: Option<String>,
}

impl KeptAside {
    /// Whether writing a whole kind (which first deletes everything stored of that kind)
    /// must be refused: something stored is not in memory, and would be deleted unseen.
    pub fn blocks_whole_kinds(&self) -> bool {
        !self.items.is_empty() || self.failed.is_some()
    }

    /// Records (and chunks) kept aside.
    pub fn count(&self) -> usize {
        self.items.len()
    }

    /// Whether the record `id` of storage kind `kind` is kept aside (as itself, or inside a
    /// chunk that cannot be read, which may hold it).
    pub fn may_hold(&self, kind: &str, id: &str) -> bool {
        self.items
            .iter()
            .any(|u| u.kind() == kind && u.id.as_deref().is_none_or(|i| i == id))
    }
}

/// Builds the dataset from stored chunks, keeping aside what does not read. Records come
/// out in storage order (by bucket), not by id; chunks of kinds this build does not know
/// are ignored (they are not this dataset's, and nothing here deletes them).
pub fn load_from_chunks(chunks: &[StoredChunk]) -> Loaded {
    let mut by_kind: BTreeMap<&str, Vec<&StoredChunk>> = BTreeMap::new();
    for c in chunks {
        by_kind
            .entry(kind_of_key(&c.0).unwrap_or_default())
            .or_default()
            .push(c);
    }
    let mut fill = Fill {
        by_kind,
        out: Loaded::default(),
    };
    RecordKind::visit_all(&mut fill);
    fill.out
}

/// Like [`load_from_chunks`], but anything unreadable fails the whole read (tests, and
/// callers that must compare everything stored).
pub fn dataset_from_chunks(chunks: &[StoredChunk]) -> Result<Dataset, StorageError> {
    let loaded = load_from_chunks(chunks);
    match loaded.unreadable.first() {
        None => Ok(loaded.dataset),
        Some(u) => Err(StorageError::Corrupt(format!(
            "{} ({} unreadable): {}",
            u.chunk,
            loaded.unreadable.len(),
            u.error
        ))),
    }
}

struct Fill<'a> {
    by_kind: BTreeMap<&'a str, Vec<&'a StoredChunk>>,
    out: Loaded,
}

impl KindVisitor for Fill<'_> {
    fn visit<R: Record>(&mut self) {
        for chunk in self.by_kind.get(R::KIND.key()).into_iter().flatten() {
            let into = R::all_mut(&mut self.out.dataset);
            read_chunk::<R, One>(chunk, into, &mut self.out.unreadable);
        }
        let kind = conflicts_kind(R::KIND);
        for chunk in self.by_kind.get(kind.as_str()).into_iter().flatten() {
            let into = R::siblings_mut(&mut self.out.dataset);
            read_chunk::<R, Many>(chunk, into, &mut self.out.unreadable);
        }
    }
}

/// Reads one chunk into `into`: in one pass if it all reads, else entry by entry.
fn read_chunk<R: Record, S: Shape<R>>(
    (key, stored): &StoredChunk,
    into: &mut Vec<R>,
    unreadable: &mut Vec<Unreadable>,
) {
    let aside = |id: Option<&str>, error: String, bytes: &[u8]| Unreadable {
        chunk: key.clone(),
        id: id.map(str::to_string),
        error,
        bytes: bytes.to_vec(),
    };
    let bytes = match stored {
        Ok(b) => b,
        Err(what) => {
            unreadable.push(aside(None, format!("not text: {what}"), what.as_bytes()));
            return;
        }
    };
    // Chunks are read as text: `from_str` shares the record decoders the rest of the app
    // already has, where `from_slice` would add a second copy of them to the wasm.
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => return unreadable.push(aside(None, e.to_string(), bytes)),
    };
    let start = into.len();
    let mut de = serde_json::Deserializer::from_str(text);
    let fast = de
        .deserialize_map(ValuesInto::<R, S>::new(into))
        .and_then(|()| de.end());
    if fast.is_ok() {
        return;
    }
    into.truncate(start);
    let entries: Vec<(String, &RawValue)> = match serde_json::from_str::<Entries>(text) {
        Ok(Entries(e)) => e,
        Err(e) => return unreadable.push(aside(None, e.to_string(), bytes)),
    };
    for (id, raw) in entries {
        match serde_json::from_str::<S::Entry>(raw.get()) {
            Ok(entry) => S::push(entry, into),
            Err(e) => unreadable.push(aside(Some(&id), e.to_string(), raw.get().as_bytes())),
        }
    }
}

/// A chunk's entries in order, repeated ids included (a map would drop one silently).
struct Entries<'a>(Vec<(String, &'a RawValue)>);

impl<'de: 'a, 'a> serde::Deserialize<'de> for Entries<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<'a>(PhantomData<&'a ()>);
        impl<'de: 'a, 'a> Visitor<'de> for V<'a> {
            type Value = Entries<'a>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a chunk of records by id")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Entries<'a>, A::Error> {
                let mut out = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    out.push(entry);
                }
                Ok(Entries(out))
            }
        }
        d.deserialize_map(V(PhantomData))
    }
}

/// What a chunk entry holds: one record ([`One`]) or a list of versions ([`Many`]).
trait Shape<R> {
    type Entry: DeserializeOwned;
    fn push(entry: Self::Entry, into: &mut Vec<R>);
}

struct One;
struct Many;

impl<R: Record> Shape<R> for One {
    type Entry = R;
    fn push(entry: R, into: &mut Vec<R>) {
        into.push(entry);
    }
}

impl<R: Record> Shape<R> for Many {
    type Entry = Vec<R>;
    fn push(entry: Vec<R>, into: &mut Vec<R>) {
        into.extend(entry);
    }
}

/// Reads a chunk `{"<id>": value, ...}` and pushes each value's record(s) onto a list,
/// without keeping the ids or building a map.
struct ValuesInto<'v, R, S> {
    into: &'v mut Vec<R>,
    shape: PhantomData<S>,
}

impl<'v, R, S> ValuesInto<'v, R, S> {
    fn new(into: &'v mut Vec<R>) -> Self {
        ValuesInto {
            into,
            shape: PhantomData,
        }
    }
}

impl<'de, R: Record, S: Shape<R>> Visitor<'de> for ValuesInto<'_, R, S> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a chunk of records by id")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while map.next_key::<IgnoredAny>()?.is_some() {
            S::push(map.next_value()?, self.into);
        }
        Ok(())
    }
}

/// The change that removes every kept-aside entry from storage: an entry by its id within
/// its chunk (the other entries' text stays as it is), a chunk that cannot be read at all
/// by its key. Offered only once the person has downloaded them (`recovery_file`), as the
/// way out of the state where whole-kind writes are refused.
pub fn removal(items: &[Unreadable]) -> Result<ChangeSet, StorageError> {
    let mut cs = ChangeSet::new("remove unreadable data");
    for u in items {
        cs.remove_stored(&u.chunk, u.id.as_deref())?;
    }
    Ok(cs)
}

/// The file "download as they are" gives: every entry kept aside, its bytes exactly as
/// stored (as text when they are UTF-8, else base64), where it was and why it failed.
/// JSON, so whoever repairs it can read it with any tool; it is not a bundle and no
/// Mueang imports it.
pub fn recovery_file(items: &[Unreadable], office_id: &str, at: &str) -> String {
    use base64::Engine as _;
    let entries: Vec<serde_json::Value> = items
        .iter()
        .map(|u| {
            let mut v = serde_json::json!({
                "chunk": u.chunk,
                "kind": u.kind(),
                "id": u.id,
                "error": u.error,
            });
            match std::str::from_utf8(&u.bytes) {
                Ok(t) => v["text"] = t.into(),
                Err(_) => {
                    v["base64"] = base64::engine::general_purpose::STANDARD
                        .encode(&u.bytes)
                        .into()
                }
            }
            v
        })
        .collect();
    let file = serde_json::json!({
        "format": "mueang-unreadable",
        "office_id": office_id,
        "saved_at": at,
        "count": items.len(),
        "entries": entries,
    });
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

#[cfg(test)]
mod tests;
