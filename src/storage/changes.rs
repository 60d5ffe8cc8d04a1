//! One user action's changes, and how they are applied to chunks in memory.
//!
//! The browser layer ([`super::db`]) reads the chunks a [`ChangeSet`] touches, calls
//! [`ChangeSet::plan`], and writes the outcome in the same IndexedDB transaction. Keeping the
//! planning here, free of browser types, lets native tests cover undo and ordering.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;
use serde_json::value::RawValue;

use super::chunks::{self, Chunk};
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
    /// chunks come already written ([`chunks::ChunkWriter`]): an import of 100,000 records
    /// serialises each once, straight into its chunk.
    ReplaceKind {
        kind: String,
        chunks: BTreeMap<String, Vec<u8>>,
        count: usize,
    },
    /// Set a small value in the `meta` store (e.g. when the last import happened).
    SetMeta { key: String, json: Box<RawValue> },
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
        let mut w = chunks::ChunkWriter::new(kind);
        for (id, json) in records {
            w.add(&id, |out| {
                out.extend_from_slice(json.as_bytes());
                Ok(())
            })
            .map_err(encode)?;
        }
        Ok(self.push_replace(kind, w))
    }

    fn push_replace(&mut self, kind: &str, w: chunks::ChunkWriter<'_>) -> &mut Self {
        let (chunks, count) = w.finish();
        self.ops.push(Op::ReplaceKind {
            kind: kind.into(),
            chunks,
            count,
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

    pub fn ops(&self) -> &[Op] {
        &self.ops
    }

    pub fn is_empty(&self) -> bool {
        self.ops.is_empty()
    }

    /// The chunk keys that must be read before [`ChangeSet::plan`] (those edited in place).
    pub fn chunks_to_read(&self) -> BTreeSet<String> {
        self.ops
            .iter()
            .filter_map(|op| match op {
                Op::Put { kind, id, .. } | Op::Delete { kind, id } => {
                    Some(chunks::chunk_key(kind, id))
                }
                _ => None,
            })
            .collect()
    }

    /// Applies the changes to the chunks read (`fetched[key]` is the stored chunk, `None` if
    /// absent) and says what to write, plus the change set that would undo this one.
    /// Consumes the change set so an import's records are moved, not copied.
    pub fn plan(self, fetched: &HashMap<String, Option<Vec<u8>>>) -> Result<Plan, StorageError> {
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
                    let key = chunks::chunk_key(kind, id);
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
                Op::ReplaceKind {
                    kind,
                    chunks,
                    count,
                } => {
                    undo = None;
                    let prefix = format!("{kind}/");
                    live.retain(|k, _| !k.starts_with(&prefix));
                    dirty.retain(|k| !k.starts_with(&prefix));
                    ready.retain(|k, _| !k.starts_with(&prefix));
                    if !cleared.contains(&kind) {
                        cleared.push(kind.clone());
                    }
                    counts.puts += count;
                    ready.extend(chunks);
                }
                Op::SetMeta { key, json } => meta.push((key, json.get().to_string())),
            }
        }

        let mut writes: BTreeMap<String, Option<Vec<u8>>> =
            ready.into_iter().map(|(k, b)| (k, Some(b))).collect();
        for key in dirty {
            if let Some(chunk) = live.get(&key) {
                writes.insert(key, chunks::write_chunk(chunk)?);
            }
        }
        if let Some(u) = undo.as_mut() {
            undo_ops.reverse();
            u.ops = undo_ops;
        }
        Ok(Plan {
            label,
            cleared_kinds: cleared,
            writes,
            meta,
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
    /// Meta key → JSON text.
    pub meta: Vec<(String, String)>,
    /// The change set that restores the previous state; `None` after a whole-kind replace.
    pub undo: Option<ChangeSet>,
    pub counts: Counts,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// Applies a plan's writes to an in-memory "database" of chunk texts.
    fn run(db: &mut BTreeMap<String, Vec<u8>>, cs: &ChangeSet) -> Plan {
        let fetched = cs
            .chunks_to_read()
            .into_iter()
            .map(|k| {
                let v = db.get(&k).cloned();
                (k, v)
            })
            .collect();
        let plan = cs.clone().plan(&fetched).unwrap();
        for kind in &plan.cleared_kinds {
            db.retain(|k, _| !k.starts_with(&format!("{kind}/")));
        }
        for (k, v) in &plan.writes {
            match v {
                Some(t) => db.insert(k.clone(), t.clone()),
                None => db.remove(k),
            };
        }
        plan
    }

    fn records(db: &BTreeMap<String, Vec<u8>>, kind: &str) -> serde_json::Value {
        let pairs = db
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
        let mut db = BTreeMap::new();
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
            db.is_empty(),
            "undoing the creation removes the chunks: {db:?}"
        );
    }

    #[test]
    fn same_record_twice_undoes_to_the_first_state() {
        let mut db = BTreeMap::new();
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
        let mut db = BTreeMap::new();
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
            vec![("last_import".to_string(), r#"{"n":4}"#.to_string())]
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
        let key = chunks::chunk_key("k", "1");
        let fetched = HashMap::from([(key, Some(b"not json".to_vec()))]);
        assert!(matches!(cs.plan(&fetched), Err(StorageError::Corrupt(_))));
    }
}
