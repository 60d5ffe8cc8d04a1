//! Reading records back: by kind, all kinds at once, one record, meta values, the journal.
//! Each read is one read-only transaction.

use idb::{KeyRange, Query, TransactionMode};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::future::IntoFuture;
use wasm_bindgen::JsValue;

use super::chunks;
use super::db::{chunk_bytes, read_layout, Store, CHUNKS, JOURNAL, META};
use super::error::StorageError;

/// One entry of the journal: what a change set did, and when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JournalEntry {
    /// Milliseconds since the Unix epoch.
    pub at: f64,
    pub label: String,
    pub puts: usize,
    pub deletes: usize,
    /// Kinds replaced whole (imports).
    #[serde(default)]
    pub replaced: Vec<String>,
}

impl Store {
    /// Every chunk of these kinds as (chunk key, bytes), in one read transaction. A stored
    /// value that is not bytes (nothing this app writes) is described instead, so the
    /// caller can keep it aside rather than fail the whole read.
    pub async fn load_chunks(
        &self,
        kinds: &[&str],
    ) -> Result<Vec<(String, Result<Vec<u8>, String>)>, StorageError> {
        let tx = self.transaction(&[CHUNKS], TransactionMode::ReadOnly)?;
        let store = tx.object_store(CHUNKS)?;
        let mut pending = Vec::new();
        for kind in kinds {
            let (lo, hi) = chunks::kind_range(kind);
            let range = || KeyRange::bound(&lo.as_str().into(), &hi.as_str().into(), None, None);
            let keys = store
                .get_all_keys(Some(Query::KeyRange(range()?)), None)?
                .into_future();
            let values = store
                .get_all(Some(Query::KeyRange(range()?)), None)?
                .into_future();
            pending.push((keys, values));
        }
        let mut out = Vec::new();
        for (keys, values) in pending {
            let (keys, values) = (keys.await?, values.await?);
            for (key, value) in keys.iter().zip(values) {
                let key = key.as_string().unwrap_or_default();
                let bytes = match chunk_bytes(value.clone()) {
                    Some(b) => Ok(b),
                    None => Err(describe(&value)),
                };
                out.push((key, bytes));
            }
        }
        Ok(out)
    }

    /// Every chunk of these kinds, as (kind, bytes); a value that is not bytes fails.
    async fn chunk_texts(&self, kinds: &[&str]) -> Result<Vec<(String, Vec<u8>)>, StorageError> {
        let mut out = Vec::new();
        for (key, bytes) in self.load_chunks(kinds).await? {
            let kind = chunks::kind_of_key(&key).unwrap_or_default().to_string();
            let bytes = bytes
                .map_err(|_| StorageError::Corrupt(format!("chunk {key} is not JSON bytes")))?;
            out.push((kind, bytes));
        }
        Ok(out)
    }

    /// All records of one kind, in no particular order.
    pub async fn load_kind<T: DeserializeOwned>(&self, kind: &str) -> Result<Vec<T>, StorageError> {
        let mut out = Vec::new();
        for (_, text) in self.chunk_texts(&[kind]).await? {
            for raw in chunks::parse_chunk(Some(&text))?.values() {
                out.push(serde_json::from_str(raw.get())?);
            }
        }
        Ok(out)
    }

    /// Every record of these kinds deserialised at once as `{"kind": [records], ...}` into
    /// `T`, e.g. the domain's `Dataset` with `RecordKind::ALL` keys.
    pub async fn load_grouped<T: DeserializeOwned>(
        &self,
        kinds: &[&str],
    ) -> Result<T, StorageError> {
        let texts = self.chunk_texts(kinds).await?;
        let json =
            chunks::grouped_json(kinds, texts.iter().map(|(k, t)| (k.as_str(), t.as_slice())))?;
        Ok(serde_json::from_str(&json)?)
    }

    /// The key of the chunk that holds (or would hold) record `id` of `kind`.
    pub async fn chunk_key_of(&self, kind: &str, id: &str) -> Result<String, StorageError> {
        let tx = self.transaction(&[CHUNKS, META], TransactionMode::ReadOnly)?;
        let layout = read_layout(&tx).await?;
        Ok(chunks::chunk_key(kind, id, chunks::fanout(&layout, kind)))
    }

    /// One record, if present.
    pub async fn get<T: DeserializeOwned>(
        &self,
        kind: &str,
        id: &str,
    ) -> Result<Option<T>, StorageError> {
        let tx = self.transaction(&[CHUNKS, META], TransactionMode::ReadOnly)?;
        let layout = read_layout(&tx).await?;
        let key = chunks::chunk_key(kind, id, chunks::fanout(&layout, kind));
        let value = tx
            .object_store(CHUNKS)?
            .get(JsValue::from_str(&key))?
            .await?;
        let chunk = chunks::parse_chunk(value.and_then(chunk_bytes).as_deref())?;
        match chunk.get(id) {
            Some(raw) => Ok(Some(serde_json::from_str(raw.get())?)),
            None => Ok(None),
        }
    }

    /// A value from the `meta` store.
    pub async fn get_meta<T: DeserializeOwned>(
        &self,
        key: &str,
    ) -> Result<Option<T>, StorageError> {
        if !self.has_store(META) {
            return Ok(None);
        }
        let tx = self.transaction(&[META], TransactionMode::ReadOnly)?;
        let value = tx.object_store(META)?.get(JsValue::from_str(key))?.await?;
        match value.and_then(chunk_bytes) {
            Some(t) => Ok(Some(serde_json::from_slice(&t)?)),
            None => Ok(None),
        }
    }

    /// Every value in the `meta` store whose key starts with `prefix`, as (the rest of the
    /// key, value), in key order.
    pub async fn get_meta_with_prefix<T: DeserializeOwned>(
        &self,
        prefix: &str,
    ) -> Result<Vec<(String, T)>, StorageError> {
        if !self.has_store(META) {
            return Ok(Vec::new());
        }
        let tx = self.transaction(&[META], TransactionMode::ReadOnly)?;
        let meta = tx.object_store(META)?;
        // U+FFFF sorts after every character a key holds (IndexedDB compares UTF-16 units).
        let range = || {
            KeyRange::bound(
                &JsValue::from_str(prefix),
                &JsValue::from_str(&format!("{prefix}\u{ffff}")),
                None,
                None,
            )
        };
        let keys = meta
            .get_all_keys(Some(Query::KeyRange(range()?)), None)?
            .into_future();
        let values = meta
            .get_all(Some(Query::KeyRange(range()?)), None)?
            .into_future();
        let (keys, values) = (keys.await?, values.await?);
        let mut out = Vec::with_capacity(keys.len());
        for (k, v) in keys.iter().zip(values) {
            let (Some(key), Some(bytes)) = (k.as_string(), chunk_bytes(v)) else {
                continue;
            };
            let rest = key.strip_prefix(prefix).unwrap_or(&key).to_string();
            out.push((rest, serde_json::from_slice(&bytes)?));
        }
        Ok(out)
    }

    /// The whole journal, oldest first.
    pub async fn journal(&self) -> Result<Vec<JournalEntry>, StorageError> {
        if !self.has_store(JOURNAL) {
            return Ok(Vec::new());
        }
        let tx = self.transaction(&[JOURNAL], TransactionMode::ReadOnly)?;
        let values = tx.object_store(JOURNAL)?.get_all(None, None)?.await?;
        values
            .into_iter()
            .map(|v| {
                let t = v.as_string().unwrap_or_default();
                serde_json::from_str(&t).map_err(StorageError::from)
            })
            .collect()
    }
}

/// A stored value that is not chunk bytes, as text: its JSON if it has one, else how the
/// browser prints it.
fn describe(value: &JsValue) -> String {
    js_sys::JSON::stringify(value)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| format!("{value:?}"))
}
