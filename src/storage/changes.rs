//! One user action's changes, and how they are applied to chunks in memory.
//!
//! The browser layer ([`super::db`]) reads the chunks a [`ChangeSet`] touches, calls
//! [`ChangeSet::plan`], and writes the outcome in the same IndexedDB transaction. Keeping the
//! planning here, free of browser types, lets native tests cover undo and ordering.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;
use serde_json::value::RawValue;

use super::chunks::{self, Chunk, Layout, WrittenKind};
use super::error::StorageError;

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
    /// this is for undoing a creation).
    Delete { kind: String, id: String },
    /// Replace every record of `kind` (an import). Not undoable record by record. The
    /// chunks come already written ([`chunks::ChunkWriter`]), with the fan-out their size
    /// called for: an import of 100,000 records serialises each once, straight into its
    /// chunk.
    ReplaceKind { kind: String, written: WrittenKind },
    /// Set a value in the `meta` store (e.g. when the last import happened).
    SetMeta { key: String, json: Box<RawValue> },
    /// Remove a value from the `meta` store (one written in an older form, say).
    DeleteMeta { key: String },
}

/// Everything one user action changes. Applied in one IndexedDB transaction: all of it is
/// saved, or none of it.
#[derive(Debug, Clone, Default)]
pub struct ChangeSet {
    /// What the person did, for the journal (e.g. "edit city").
    pub label: String,
    ops: Vec<Op>,
}

fn to_raw<T: Serialize + ?Sized>(value: &T) -> Result<Box<RawValue>, StorageError> {
    serde_json::value::to_raw_value(value).map_err(encode)
}

fn encode(e: serde_json::Error) -> StorageError {
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

    /// The chunk keys that must be read before [`ChangeSet::plan`] (those edited in place),
    /// with the chunks laid out as `layout` says.
    pub fn chunks_to_read(&self, layout: &Layout) -> BTreeSet<String> {
        self.ops
            .iter()
            .filter_map(|op| match op {
                Op::Put { kind, id, .. } | Op::Delete { kind, id } => {
                    Some(chunks::chunk_key(kind, id, chunks::fanout(layout, kind)))
                }
                _ => None,
            })
            .collect()
    }

    /// Applies the changes to the chunks read (`fetched[key]` is the stored chunk, `None` if
    /// absent; laid out as `layout` says) and says what to write, plus the change set that
    /// would undo this one. Consumes the change set so an import's records are moved, not
    /// copied.
    pub fn plan(
        self,
        fetched: &HashMap<String, Option<Vec<u8>>>,
        layout: &Layout,
    ) -> Result<Plan, StorageError> {
        let stored_layout = layout;
        let mut layout = layout.clone();
        let mut live: BTreeMap<String, Chunk> = BTreeMap::new();
        let mut dirty: BTreeSet<String> = BTreeSet::new();
        // Chunks of a replaced kind, written as they came; parsed only if a later op in
        // this set edits one of them.
        let mut ready: BTreeMap<String, Vec<u8>> = BTreeMap::new();
        let mut cleared: Vec<String> = Vec::new();
        let mut undo = Some(ChangeSet::new(format!("undo: {}", self.label)));
        let label = self.label;
        let mut undo_ops: Vec<Op> = Vec::new();
        let mut meta = Vec::new();
        let mut counts = Counts::default();

        for op in self.ops {
            match op {
                Op::Put {
                    ref kind, ref id, ..
                }
                | Op::Delete { ref kind, ref id } => {
                    let key = chunks::chunk_key(kind, id, chunks::fanout(&layout, kind));
                    if !live.contains_key(&key) {
                        // A kind replaced earlier in this set starts from what replaced
                        // it, not from disk.
                        let chunk = if let Some(bytes) = ready.remove(&key) {
                            chunks::parse_chunk(Some(&bytes))?
                        } else if cleared.contains(kind) {
                            Chunk::new()
                        } else {
                            chunks::parse_chunk(fetched.get(&key).and_then(|t| t.as_deref()))?
                        };
                        live.insert(key.clone(), chunk);
                    }
                    let Some(chunk) = live.get_mut(&key) else {
                        continue;
                    };
                    let before = match &op {
                        Op::Put { json, .. } => {
                            counts.puts += 1;
                            chunk.insert(id.clone(), json.clone())
                        }
                        _ => {
                            counts.deletes += 1;
                            chunk.remove(id)
                        }
                    };
                    dirty.insert(key);
                    undo_ops.push(match before {
                        Some(json) => Op::Put {
                            kind: kind.clone(),
                            id: id.clone(),
                            json,
                        },
                        None => Op::Delete {
                            kind: kind.clone(),
                            id: id.clone(),
                        },
                    });
                }
                Op::ReplaceKind { kind, written } => {
                    undo = None;
                    let prefix = format!("{kind}/");
                    live.retain(|k, _| !k.starts_with(&prefix));
                    dirty.retain(|k| !k.starts_with(&prefix));
                    ready.retain(|k, _| !k.starts_with(&prefix));
                    if !cleared.contains(&kind) {
                        cleared.push(kind.clone());
                    }
                    counts.puts += written.count;
                    layout.insert(kind, written.fanout);
                    ready.extend(written.chunks);
                }
                Op::SetMeta { key, json } => meta.push((key, Some(json.get().to_string()))),
                Op::DeleteMeta { key } => meta.push((key, None)),
            }
        }

        let mut writes: BTreeMap<String, Option<Vec<u8>>> =
            ready.into_iter().map(|(k, b)| (k, Some(b))).collect();
        let mut outgrown = Vec::new();
        for key in dirty {
            if let Some(chunk) = live.get(&key) {
                let bytes = chunks::write_chunk(chunk)?;
                let kind = chunks::kind_of_key(&key).unwrap_or_default();
                if bytes
                    .as_ref()
                    .is_some_and(|b| b.len() > chunks::MAX_CHUNK_BYTES)
                    && chunks::fanout(&layout, kind) < chunks::BUCKETS
                    && !outgrown.iter().any(|k| k == kind)
                {
                    outgrown.push(kind.to_string());
                }
                writes.insert(key, bytes);
            }
        }
        if let Some(u) = undo.as_mut() {
            undo_ops.reverse();
            u.ops = undo_ops;
        }
        let layout = (layout != *stored_layout).then_some(layout);
        Ok(Plan {
            label,
            cleared_kinds: cleared,
            writes,
            meta,
            layout,
            outgrown,
            undo,
            counts,
        })
    }
}

/// How many records a change set stored and removed, for the journal.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub puts: usize,
    pub deletes: usize,
}

/// What [`ChangeSet::plan`] decided to write.
#[derive(Debug)]
pub struct Plan {
    /// The change set's label, for the journal.
    pub label: String,
    /// Kinds whose every chunk is deleted first (before `writes`).
    pub cleared_kinds: Vec<String>,
    /// Chunk key → new chunk bytes, or `None` to delete the (now empty) chunk.
    pub writes: BTreeMap<String, Option<Vec<u8>>>,
    /// Meta key → JSON text, or `None` to remove it; in the order given (a later one wins).
    pub meta: Vec<(String, Option<String>)>,
    /// The new layout, if it changed: stored under [`chunks::LAYOUT_KEY`] in `meta`.
    pub layout: Option<Layout>,
    /// Kinds with a chunk grown past [`chunks::MAX_CHUNK_BYTES`]: the caller reads all their
    /// stored chunks and hands them to [`Plan::respread`] before writing.
    pub outgrown: Vec<String>,
    /// The change set that restores the previous state; `None` after a whole-kind replace.
    pub undo: Option<ChangeSet>,
    pub counts: Counts,
}

impl Plan {
    /// Spreads `kind` (an [`outgrown`](Plan::outgrown) kind) over more chunks: `stored` are
    /// all its chunks as stored, `layout` the layout they were read with. What this plan
    /// writes to the kind is laid over them first, so nothing of it is lost.
    pub fn respread(
        &mut self,
        kind: &str,
        stored: Vec<(String, Vec<u8>)>,
        layout: &Layout,
    ) -> Result<(), StorageError> {
        let prefix = format!("{kind}/");
        let mut all: BTreeMap<String, Vec<u8>> = if self.cleared_kinds.iter().any(|k| k == kind) {
            BTreeMap::new()
        } else {
            stored.into_iter().collect()
        };
        let ours: Vec<String> = self
            .writes
            .keys()
            .filter(|k| k.starts_with(&prefix))
            .cloned()
            .collect();
        for key in ours {
            match self.writes.remove(&key).flatten() {
                Some(bytes) => all.insert(key, bytes),
                None => all.remove(&key),
            };
        }
        let mut now = self.layout.clone().unwrap_or_else(|| layout.clone());
        let before = chunks::fanout(&now, kind);
        let spread = chunks::respread(
            kind,
            all.values().map(Vec::as_slice),
            (before * 2).min(chunks::BUCKETS),
        )?;
        if !self.cleared_kinds.iter().any(|k| k == kind) {
            self.cleared_kinds.push(kind.to_string());
        }
        self.writes
            .extend(spread.chunks.into_iter().map(|(k, b)| (k, Some(b))));
        now.insert(kind.to_string(), spread.fanout);
        self.layout = Some(now);
        self.outgrown.retain(|k| k != kind);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    type Db = crate::storage::memory::MemoryStore;

    fn run(db: &mut Db, cs: &ChangeSet) -> Plan {
        let plan = db.apply(cs.clone()).unwrap();
        assert!(plan.outgrown.is_empty());
        plan
    }

    fn records(db: &Db, kind: &str) -> serde_json::Value {
        let pairs = db
            .chunks
            .iter()
            .map(|(k, v)| (chunks::kind_of_key(k).unwrap(), v.as_slice()));
        let json = chunks::grouped_json(&[kind], pairs).unwrap();
        let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
        let list = v[kind].as_array_mut().unwrap();
        list.sort_by_key(|r| r["id"].as_str().unwrap_or_default().to_string());
        v[kind].clone()
    }

    #[test]
    fn put_edit_delete_and_undo() {
        let mut db = Db::default();
        let mut cs = ChangeSet::new("create");
        cs.put("cities", "a", &json!({"id": "a", "n": 1})).unwrap();
        cs.put("cities", "b", &json!({"id": "b", "n": 2})).unwrap();
        let p1 = run(&mut db, &cs);
        assert_eq!(
            p1.counts,
            Counts {
                puts: 2,
                deletes: 0
            }
        );
        assert_eq!(
            records(&db, "cities"),
            json!([{"id":"a","n":1},{"id":"b","n":2}])
        );

        let mut edit = ChangeSet::new("edit");
        edit.put("cities", "a", &json!({"id": "a", "n": 10}))
            .unwrap();
        edit.delete("cities", "b").unwrap();
        let p2 = run(&mut db, &edit);
        assert_eq!(records(&db, "cities"), json!([{"id":"a","n":10}]));

        run(&mut db, &p2.undo.unwrap());
        assert_eq!(
            records(&db, "cities"),
            json!([{"id":"a","n":1},{"id":"b","n":2}])
        );
        run(&mut db, &p1.undo.unwrap());
        assert!(
            db.chunks.is_empty(),
            "undoing the creation removes the chunks: {db:?}"
        );
    }

    #[test]
    fn same_record_twice_undoes_to_the_first_state() {
        let mut db = Db::default();
        let mut seed = ChangeSet::new("seed");
        seed.put("p", "x", &json!({"id": "x", "v": 0})).unwrap();
        run(&mut db, &seed);
        let mut cs = ChangeSet::new("twice");
        cs.put("p", "x", &json!({"id": "x", "v": 1})).unwrap();
        cs.put("p", "x", &json!({"id": "x", "v": 2})).unwrap();
        let plan = run(&mut db, &cs);
        assert_eq!(records(&db, "p"), json!([{"id":"x","v":2}]));
        run(&mut db, &plan.undo.unwrap());
        assert_eq!(records(&db, "p"), json!([{"id":"x","v":0}]));
    }

    #[test]
    fn replace_kind_clears_then_later_puts_apply() {
        let mut db = Db::default();
        let mut seed = ChangeSet::new("seed");
        for i in 0..50 {
            seed.put(
                "cities",
                &format!("old{i}"),
                &json!({"id": format!("old{i}")}),
            )
            .unwrap();
        }
        seed.put("projects", "keep", &json!({"id": "keep"}))
            .unwrap();
        run(&mut db, &seed);

        let new: Vec<serde_json::Value> = (0..3).map(|i| json!({"id": format!("n{i}")})).collect();
        let mut import = ChangeSet::new("import");
        import
            .replace_kind(
                "cities",
                new.iter()
                    .map(|r| (r["id"].as_str().unwrap().to_string(), r)),
            )
            .unwrap();
        import.put("cities", "n9", &json!({"id": "n9"})).unwrap();
        // An edit of a record the replace just wrote lands in the same (written) chunk.
        import
            .put("cities", "n1", &json!({"id": "n1", "v": 2}))
            .unwrap();
        import.set_meta("last_import", &json!({"n": 4})).unwrap();
        let plan = run(&mut db, &import);
        assert!(plan.undo.is_none());
        assert_eq!(
            plan.meta,
            vec![("last_import".to_string(), Some(r#"{"n":4}"#.to_string()))]
        );
        assert_eq!(
            records(&db, "cities"),
            json!([{"id":"n0"},{"id":"n1","v":2},{"id":"n2"},{"id":"n9"}])
        );
        assert_eq!(records(&db, "projects"), json!([{"id":"keep"}]));
    }

    #[test]
    fn bad_kind_is_an_encode_error() {
        let mut cs = ChangeSet::new("x");
        assert!(matches!(
            cs.put("a/b", "1", &1),
            Err(StorageError::Encode(_))
        ));
        assert!(cs.is_empty());
    }

    #[test]
    fn corrupt_chunk_is_reported() {
        let mut cs = ChangeSet::new("x");
        cs.put("k", "1", &1).unwrap();
        let key = chunks::chunk_key("k", "1", chunks::BUCKETS);
        let fetched = HashMap::from([(key, Some(b"not json".to_vec()))]);
        let layout = Layout::new();
        assert!(matches!(
            cs.plan(&fetched, &layout),
            Err(StorageError::Corrupt(_))
        ));
    }

    #[test]
    fn an_import_lays_a_small_kind_out_in_few_chunks_and_edits_find_them() {
        let mut db = Db::default();
        let cities: Vec<serde_json::Value> = (0..300)
            .map(|i| json!({"id": format!("c{i}"), "name": "เทศบาลตำบล".repeat(5)}))
            .collect();
        let mut import = ChangeSet::new("import");
        import
            .replace_kind(
                "cities",
                cities
                    .iter()
                    .map(|r| (r["id"].as_str().unwrap().to_string(), r)),
            )
            .unwrap();
        let plan = run(&mut db, &import);
        assert_eq!(plan.layout, Some(Layout::from([("cities".to_string(), 1)])));
        assert_eq!(db.chunks.len(), 1, "{:?}", db.chunks.keys());

        // An edit reads and rewrites that one chunk, and the layout stays.
        let mut edit = ChangeSet::new("edit");
        edit.put("cities", "c7", &json!({"id": "c7", "name": "ใหม่"}))
            .unwrap();
        assert_eq!(
            edit.chunks_to_read(&db.layout),
            BTreeSet::from(["cities/00".to_string()])
        );
        let plan = run(&mut db, &edit);
        assert_eq!(plan.layout, None);
        let back = records(&db, "cities");
        assert_eq!(back.as_array().unwrap().len(), 300);
        assert!(back
            .as_array()
            .unwrap()
            .contains(&json!({"id": "c7", "name": "ใหม่"})));

        // Undo goes through the same layout.
        run(&mut db, &plan.undo.unwrap());
        assert_eq!(records(&db, "cities").as_array().unwrap().len(), 300);
        assert!(!records(&db, "cities")
            .as_array()
            .unwrap()
            .contains(&json!({"id": "c7", "name": "ใหม่"})));
    }

    #[test]
    fn a_kind_grown_by_edits_is_spread_and_nothing_is_lost() {
        let mut db = Db::default();
        let mut import = ChangeSet::new("import");
        let first = [json!({"id": "first"})];
        import
            .replace_kind("p", first.iter().map(|r| ("first".to_string(), r)))
            .unwrap();
        run(&mut db, &import);
        assert_eq!(db.layout["p"], 1);
        // Edits add records until the one chunk passes the limit.
        let big = "ข".repeat(2_000);
        let mut n = 0;
        while db.chunks.len() == 1 {
            let mut cs = ChangeSet::new("add");
            for _ in 0..50 {
                n += 1;
                cs.put(
                    "p",
                    &format!("r{n}"),
                    &json!({"id": format!("r{n}"), "t": big}),
                )
                .unwrap();
            }
            run(&mut db, &cs);
            assert!(n < 1_000, "never spread");
        }
        assert!(db.layout["p"] >= 2);
        for bytes in db.chunks.values() {
            assert!(bytes.len() <= chunks::MAX_CHUNK_BYTES);
        }
        let all = records(&db, "p");
        assert_eq!(all.as_array().unwrap().len(), n + 1, "every record kept");
        // And each sits where an edit will look for it.
        let mut edit = ChangeSet::new("edit");
        edit.put("p", "r3", &json!({"id": "r3", "t": "short"}))
            .unwrap();
        run(&mut db, &edit);
        let all = records(&db, "p");
        assert_eq!(all.as_array().unwrap().len(), n + 1);
        assert!(all
            .as_array()
            .unwrap()
            .contains(&json!({"id": "r3", "t": "short"})));
    }
}
