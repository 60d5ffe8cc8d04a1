//! The bytes of attachments (photos, scanned PDFs), apart from the records: object store
//! `blobs` (schema v4), one browser `Blob` per file, keyed by the SHA-256 of its bytes
//! (`domain::records::attachment`), so a file attached to several records, or arriving in
//! several bundles, is kept once.
//!
//! Blobs are kept as `Blob`s, not bytes in the wasm heap: the browser keeps them on disk
//! and shows them through object URLs, so a city's 200 photos never sit in memory.
//!
//! A write of several files is one transaction: all are kept or none. Before it, the
//! browser's estimate says whether they fit ([`super::room::fits`]); when they do not, or
//! the browser refuses anyway (`QuotaExceededError`), the result is
//! [`StorageError::QuotaExceeded`] and nothing is written. Records are saved by their own
//! transactions, so a photo that did not fit never costs a record.

use std::collections::BTreeSet;
use std::future::IntoFuture;

use idb::TransactionMode;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::db::{Store, BLOBS};
use super::error::StorageError;

/// What the kept attachments take.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BlobUsage {
    pub files: usize,
    pub bytes: u64,
}

/// One file to keep: its SHA-256 (hex, as records name it) and its bytes as a `Blob`.
#[derive(Clone)]
pub struct NewBlob {
    pub sha256: String,
    pub blob: web_sys::Blob,
}

impl NewBlob {
    /// A `Blob` of `bytes` with its media type (the copy leaves the wasm heap).
    pub fn from_bytes(sha256: String, media_type: &str, bytes: &[u8]) -> NewBlob {
        let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
        let bag = web_sys::BlobPropertyBag::new();
        bag.set_type(media_type);
        let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &bag)
            .unwrap_or_else(|_| web_sys::Blob::new().expect("an empty Blob"));
        NewBlob { sha256, blob }
    }
}

impl Store {
    /// The hashes of every kept file.
    pub async fn blob_keys(&self) -> Result<BTreeSet<String>, StorageError> {
        if !self.has_store(BLOBS) {
            return Ok(BTreeSet::new());
        }
        let tx = self.transaction(&[BLOBS], TransactionMode::ReadOnly)?;
        let keys = tx.object_store(BLOBS)?.get_all_keys(None, None)?.await?;
        Ok(keys.iter().filter_map(JsValue::as_string).collect())
    }

    /// The kept file named `sha256`, if this device holds it.
    pub async fn blob(&self, sha256: &str) -> Result<Option<web_sys::Blob>, StorageError> {
        if !self.has_store(BLOBS) {
            return Ok(None);
        }
        let tx = self.transaction(&[BLOBS], TransactionMode::ReadOnly)?;
        let value = tx
            .object_store(BLOBS)?
            .get(JsValue::from_str(sha256))?
            .await?;
        Ok(value.and_then(|v| v.dyn_into::<web_sys::Blob>().ok()))
    }

    /// The bytes of the kept file `sha256` (for a bundle), read after its transaction.
    pub async fn blob_bytes(&self, sha256: &str) -> Result<Option<Vec<u8>>, StorageError> {
        let Some(blob) = self.blob(sha256).await? else {
            return Ok(None);
        };
        let buffer = JsFuture::from(blob.array_buffer())
            .await
            .map_err(|e| StorageError::from_js(&e))?;
        Ok(Some(js_sys::Uint8Array::new(&buffer).to_vec()))
    }

    /// How many files are kept and their bytes (Settings).
    pub async fn blob_usage(&self) -> Result<BlobUsage, StorageError> {
        if !self.has_store(BLOBS) {
            return Ok(BlobUsage::default());
        }
        let tx = self.transaction(&[BLOBS], TransactionMode::ReadOnly)?;
        let values = tx.object_store(BLOBS)?.get_all(None, None)?.await?;
        let sizes: Vec<u64> = values
            .iter()
            .filter_map(|v| v.dyn_ref::<web_sys::Blob>().map(|b| b.size() as u64))
            .collect();
        Ok(BlobUsage {
            files: sizes.len(),
            bytes: sizes.iter().sum(),
        })
    }

    /// Keeps `files` (those already held are skipped: same hash, same bytes) in one
    /// transaction: all or none. Says how many were new. Refused with
    /// [`StorageError::QuotaExceeded`] before writing when the browser's estimate says
    /// they would not fit, and rolled back when the browser refuses them.
    pub async fn put_blobs(&self, files: Vec<NewBlob>) -> Result<usize, StorageError> {
        self.put_blobs_counted(files, |_, _| {}).await
    }

    /// [`Store::put_blobs`], calling `kept(done, of)` as each new file's write succeeds (an
    /// import of 200 photos shows "37 / 200"). It is called from the requests' callbacks,
    /// never awaited: waiting for a frame inside the transaction could let it commit early.
    /// The files are kept only once the whole transaction commits.
    pub async fn put_blobs_counted(
        &self,
        files: Vec<NewBlob>,
        mut kept: impl FnMut(usize, usize),
    ) -> Result<usize, StorageError> {
        let held = self.blob_keys().await?;
        let mut new: Vec<NewBlob> = Vec::new();
        for f in files {
            if !held.contains(&f.sha256) && !new.iter().any(|n| n.sha256 == f.sha256) {
                new.push(f);
            }
        }
        if new.is_empty() {
            return Ok(0);
        }
        let bytes: u64 = new.iter().map(|f| f.blob.size() as u64).sum();
        let estimate = super::quota::estimate().await;
        if !super::room::fits(estimate.map(|q| (q.usage, q.quota)), bytes) {
            return Err(StorageError::QuotaExceeded);
        }
        let tx = self.transaction(&[BLOBS], TransactionMode::ReadWrite)?;
        let store = tx.object_store(BLOBS)?;
        let mut pending = Vec::with_capacity(new.len());
        for (i, f) in new.iter().enumerate() {
            #[cfg(debug_assertions)]
            if let Some(e) = super::fault::strike(i) {
                let _ = tx.abort();
                return Err(e);
            }
            let _ = i;
            pending.push(
                store
                    .put(&f.blob, Some(&JsValue::from_str(&f.sha256)))?
                    .into_future(),
            );
        }
        let of = pending.len();
        for (done, p) in pending.into_iter().enumerate() {
            if let Err(e) = p.await {
                let _ = tx.abort();
                return Err(e.into());
            }
            kept(done + 1, of);
        }
        match tx.await {
            Ok(r) if r.is_committed() => Ok(new.len()),
            Ok(_) => Err(match store.transaction().error() {
                Some(e) => StorageError::from_dom_name(&e.name(), &e.message()),
                None => StorageError::Unexpected("transaction aborted".into()),
            }),
            Err(e) => Err(e.into()),
        }
    }
}
