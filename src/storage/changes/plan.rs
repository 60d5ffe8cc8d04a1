//! Planning a [`ChangeSet`]: applied to the chunks it touches, in memory, it says what to
//! write. The browser layer ([`crate::storage::db`]) reads those chunks, plans and writes in one
//! IndexedDB transaction; `storage::memory::MemoryStore` does the same steps natively, so
//! these tests (and those of the layers above) run without a browser.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;

use super::{ChangeSet, Op};
use crate::storage::chunks::{self, Chunk, Layout};
use crate::storage::error::StorageError;

impl ChangeSet {
    /// Applies the changes to the chunks read (`fetched[key]` is the stored chunk, `None` if
    /// absent; laid out as `layout` says) and says what to write. Consumes the change set
    /// so an import's records are moved, not copied.
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
        let label = self.label;
        let mut meta = Vec::new();
        let mut counts = Counts::default();
        // Chunks removed whole (unreadable ones): deleted unless written again later.
        let mut gone: BTreeSet<String> = BTreeSet::new();

        for op in self.ops {
            match op {
                Op::Put {
                    ref kind, ref id, ..
                }
                | Op::Delete { ref kind, ref id }
                | Op::Update {
                    ref kind, ref id, ..
                } => {
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
                    match &op {
                        Op::Put { json, .. } => {
                            counts.puts += 1;
                            chunk.insert(id.clone(), json.clone());
                        }
                        Op::Update { with, .. } => {
                            counts.puts += 1;
                            let json = with.run(chunk.get(id).map(|raw| raw.get()))?;
                            chunk.insert(id.clone(), json);
                        }
                        _ => {
                            counts.deletes += 1;
                            chunk.remove(id);
                        }
                    }
                    dirty.insert(key);
                }
                Op::ReplaceKind { kind, written } => {
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
                Op::RemoveStored { key, id } => {
                    counts.deletes += 1;
                    match id {
                        Some(id) => {
                            let chunk = match live.remove(&key) {
                                Some(c) => c,
                                None => chunks::parse_chunk(
                                    fetched.get(&key).and_then(|t| t.as_deref()),
                                )?,
                            };
                            let mut chunk = chunk;
                            chunk.remove(&id);
                            live.insert(key.clone(), chunk);
                            dirty.insert(key);
                        }
                        None => {
                            live.remove(&key);
                            dirty.remove(&key);
                            ready.remove(&key);
                            gone.insert(key);
                        }
                    }
                }
                Op::SetMeta { key, json } => meta.push((key, Some(json.get().to_string()))),
                Op::DeleteMeta { key } => meta.push((key, None)),
            }
        }

        let mut writes: BTreeMap<String, Option<Vec<u8>>> =
            gone.into_iter().map(|k| (k, None)).collect();
        writes.extend(ready.into_iter().map(|(k, b)| (k, Some(b))));
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
        let layout = (layout != *stored_layout).then_some(layout);
        Ok(Plan {
            label,
            cleared_kinds: cleared,
            writes,
            meta,
            layout,
            outgrown,
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
mod tests;
