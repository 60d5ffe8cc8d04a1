//! An in-memory stand-in for the IndexedDB store, for native tests: the same steps as
//! `Store::apply` (read the chunks a change set touches, plan, spread outgrown kinds, clear,
//! write, keep the layout), on a map of chunk bytes.

use std::collections::{BTreeMap, HashMap};

use super::changes::{ChangeSet, Plan};
use super::chunks::{self, Layout};
use super::error::StorageError;

#[derive(Debug, Default, Clone, PartialEq)]
pub struct MemoryStore {
    /// Chunk key → chunk bytes.
    pub chunks: BTreeMap<String, Vec<u8>>,
    pub layout: Layout,
}

impl MemoryStore {
    pub fn apply(&mut self, cs: ChangeSet) -> Result<Plan, StorageError> {
        let fetched: HashMap<String, Option<Vec<u8>>> = cs
            .chunks_to_read(&self.layout)
            .into_iter()
            .map(|k| {
                let v = self.chunks.get(&k).cloned();
                (k, v)
            })
            .collect();
        let mut plan = cs.plan(&fetched, &self.layout)?;
        for kind in plan.outgrown.clone() {
            let (lo, hi) = chunks::kind_range(&kind);
            let stored = self
                .chunks
                .range(lo..hi)
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            plan.respread(&kind, stored, &self.layout)?;
        }
        for kind in &plan.cleared_kinds {
            let prefix = format!("{kind}/");
            self.chunks.retain(|k, _| !k.starts_with(&prefix));
        }
        for (k, v) in &plan.writes {
            match v {
                Some(b) => self.chunks.insert(k.clone(), b.clone()),
                None => self.chunks.remove(k),
            };
        }
        if let Some(layout) = &plan.layout {
            self.layout = layout.clone();
        }
        Ok(plan)
    }

    /// Every chunk as (key, bytes), as the app reads them at start.
    pub fn chunks_as_read(&self) -> Vec<(String, Result<Vec<u8>, String>)> {
        self.chunks
            .iter()
            .map(|(k, v)| (k.clone(), Ok(v.clone())))
            .collect()
    }
}
