//! The IndexedDB database: schema, upgrades, the one write path, and reads.
//!
//! Schema history (each step runs in `onupgradeneeded`, in order, from the version on disk):
//! - v1: `chunks` — record chunks, out-of-line string keys `"<kind>/<bucket>"`, JSON strings.
//! - v2: `journal` — one entry per applied change set (audit); `meta` — small JSON values.
//! - v3: no new store, but data a v2 build cannot write correctly: chunk counts that follow
//!   each kind's size (the layout in `meta`, see [`chunks`]), meta values as UTF-8 bytes,
//!   and peers one entry per office. The version bump closes any v2 tab still open (it
//!   would put an edited record in the wrong chunk) and makes an older build say "newer
//!   version" instead of misreading. v2 data is read as it is: no layout is 256 chunks.
//! - v4: `blobs` — attachments' bytes, one `Blob` per file keyed by its SHA-256 hex
//!   ([`super::blobs`]). Nothing else changes: records, journal and meta stay as they are. Projects' `community_ids`/`households_reached`, unreadable by
//!   a v3 build, came with the same version.
//!
//! To change the schema: add a step to [`migrate`], bump [`SCHEMA_VERSION`], and add a test in
//! `tests/web_storage.rs` that opens the previous version, writes, and upgrades.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::future::{poll_fn, Future, IntoFuture};
use std::rc::Rc;
use std::task::{Poll, Waker};

use idb::{
    Database, DatabaseEvent, Event as _, Factory, KeyRange, ObjectStoreParams, Query, Request as _,
    TransactionMode,
};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{IdbDatabase, IdbOpenDbRequest};

use super::changes::{ChangeSet, Counts};
use super::chunks::{self, Layout, LAYOUT_KEY};
use super::error::StorageError;
pub use super::read::JournalEntry;

/// The database the app uses.
pub const DB_NAME: &str = "mueang";
/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = 4;

pub(super) const CHUNKS: &str = "chunks";
pub(super) const JOURNAL: &str = "journal";
pub(super) const META: &str = "meta";
pub(super) const BLOBS: &str = "blobs";

/// Brings the schema from `old` to `new`, one step at a time.
fn migrate(db: &Database, old: u32, new: u32) -> Result<(), idb::Error> {
    if old < 1 && new >= 1 {
        db.create_object_store(CHUNKS, ObjectStoreParams::new())?;
    }
    if old < 2 && new >= 2 {
        let mut journal = ObjectStoreParams::new();
        journal.auto_increment(true);
        db.create_object_store(JOURNAL, journal)?;
        db.create_object_store(META, ObjectStoreParams::new())?;
    }
    // v3 changes what is written, not the stores (see the module notes).
    if old < 4 && new >= 4 {
        db.create_object_store(BLOBS, ObjectStoreParams::new())?;
    }
    Ok(())
}

/// What [`Store::apply`] did.
#[derive(Debug)]
pub struct Applied {
    pub counts: Counts,
}

struct Inner {
    db: Database,
    version: u32,
    closed: Rc<Cell<bool>>,
}

/// An open connection. Cheap to clone; every clone shares the connection.
#[derive(Clone)]
pub struct Store {
    inner: Rc<Inner>,
}

impl Store {
    /// Opens (creating or upgrading) the database `name` at [`SCHEMA_VERSION`].
    /// `on_closed` runs if another tab's newer version makes this connection close; after
    /// that every call returns [`StorageError::Closed`] and the page should be reloaded.
    pub async fn open(
        name: &str,
        on_closed: impl FnOnce() + 'static,
    ) -> Result<Store, StorageError> {
        Self::open_at(name, SCHEMA_VERSION, on_closed).await
    }

    /// Opens at an older schema version; for upgrade tests only.
    #[doc(hidden)]
    pub async fn open_at(
        name: &str,
        version: u32,
        on_closed: impl FnOnce() + 'static,
    ) -> Result<Store, StorageError> {
        let factory = Factory::new()?;
        let raw: IdbOpenDbRequest = factory.open(name, Some(version))?.into();
        let mut request = idb::request::OpenDatabaseRequest::from(raw.clone());

        let upgrade_error: Rc<RefCell<Option<idb::Error>>> = Rc::default();
        let err_slot = upgrade_error.clone();
        request.on_upgrade_needed(move |event| {
            let result = event
                .old_version()
                .and_then(|old| event.database().and_then(|db| migrate(&db, old, version)));
            if let Err(e) = result {
                *err_slot.borrow_mut() = Some(e);
                // Roll the whole upgrade back rather than leave a half-built schema.
                if let Some(tx) = event.target().ok().and_then(|r| r.transaction()) {
                    let _ = tx.abort();
                }
            }
        });

        let blocked = Rc::new(Cell::new(false));
        let waker: Rc<RefCell<Option<Waker>>> = Rc::default();
        let (b, w) = (blocked.clone(), waker.clone());
        request.on_blocked(move |_| {
            b.set(true);
            if let Some(w) = w.borrow_mut().take() {
                w.wake();
            }
        });

        let mut open = Box::pin(request.into_future());
        let result = poll_fn(|cx| {
            if blocked.get() {
                return Poll::Ready(Err(StorageError::UpgradeBlocked));
            }
            match open.as_mut().poll(cx) {
                Poll::Ready(r) => Poll::Ready(r.map_err(StorageError::from)),
                Poll::Pending => {
                    *waker.borrow_mut() = Some(cx.waker().clone());
                    Poll::Pending
                }
            }
        })
        .await;
        drop(open);

        if blocked.get() {
            super::blocked::close_when_opened(&raw);
        }
        if let Some(e) = upgrade_error.borrow_mut().take() {
            return Err(e.into());
        }
        let mut db = result?;

        let closed = Rc::new(Cell::new(false));
        let c = closed.clone();
        db.on_version_change(move |event| {
            // Let the other tab's upgrade proceed instead of blocking it.
            if let Some(db) = event
                .target()
                .and_then(|t| t.dyn_into::<IdbDatabase>().ok())
            {
                db.close();
            }
            c.set(true);
            on_closed();
        });
        let version = db.version()?;
        Ok(Store {
            inner: Rc::new(Inner {
                db,
                version,
                closed,
            }),
        })
    }

    /// The schema version of the open database.
    pub fn version(&self) -> u32 {
        self.inner.version
    }

    /// The object stores present (for diagnostics and upgrade tests).
    pub fn store_names(&self) -> Vec<String> {
        self.inner.db.store_names()
    }

    pub(super) fn has_store(&self, name: &str) -> bool {
        self.inner.db.store_names().iter().any(|s| s == name)
    }

    pub fn is_closed(&self) -> bool {
        self.inner.closed.get()
    }

    /// Closes the connection (tests; a deleted database).
    pub fn close(&self) {
        self.inner.closed.set(true);
        self.inner.db.close();
    }

    pub(super) fn transaction(
        &self,
        stores: &[&str],
        mode: TransactionMode,
    ) -> Result<idb::Transaction, StorageError> {
        if self.is_closed() {
            return Err(StorageError::Closed);
        }
        let present = self.inner.db.store_names();
        let stores: Vec<&str> = stores
            .iter()
            .copied()
            .filter(|s| present.iter().any(|p| p == s))
            .collect();
        self.inner.db.transaction(&stores, mode).map_err(|e| {
            if self.is_closed() {
                StorageError::Closed
            } else {
                e.into()
            }
        })
    }

    /// THE write path: applies one user action's changes in one transaction, so all of it
    /// is saved or none of it, and appends a journal entry. An update (an audit log gaining
    /// an entry) reads what is stored with a `get` of this transaction, so two tabs saving
    /// at once each add to what the other wrote.
    pub async fn apply(&self, changes: ChangeSet) -> Result<Applied, StorageError> {
        if changes.is_empty() {
            return Ok(Applied {
                counts: Counts::default(),
            });
        }
        let tx = self.transaction(&[CHUNKS, JOURNAL, META], TransactionMode::ReadWrite)?;
        let store = tx.object_store(CHUNKS)?;
        let has = |name: &str| tx.store_names().iter().any(|s| s == name);
        // Awaiting anything but an IndexedDB request of this transaction would let it
        // auto-commit: every await below is one.
        let layout = read_layout(&tx).await?;

        // Issue every read before awaiting any.
        let keys = changes.chunks_to_read(&layout);
        let mut pending = Vec::with_capacity(keys.len());
        for key in keys {
            let fut = store.get(JsValue::from_str(&key))?.into_future();
            pending.push((key, fut));
        }
        let mut fetched = HashMap::with_capacity(pending.len());
        for (key, fut) in pending {
            let value = fut.await?;
            fetched.insert(key, value.and_then(chunk_bytes));
        }

        let mut plan = match changes.plan(&fetched, &layout) {
            Ok(p) => p,
            Err(e) => {
                let _ = tx.abort();
                return Err(e);
            }
        };
        for kind in plan.outgrown.clone() {
            let (lo, hi) = chunks::kind_range(&kind);
            let range = || KeyRange::bound(&lo.as_str().into(), &hi.as_str().into(), None, None);
            let keys = store
                .get_all_keys(Some(Query::KeyRange(range()?)), None)?
                .await?;
            let values = store
                .get_all(Some(Query::KeyRange(range()?)), None)?
                .await?;
            let stored = keys
                .iter()
                .zip(values)
                .filter_map(|(k, v)| Some((k.as_string()?, chunk_bytes(v)?)))
                .collect();
            if let Err(e) = plan.respread(&kind, stored, &layout) {
                let _ = tx.abort();
                return Err(e);
            }
        }
        if plan.layout.is_some() && !has(META) {
            let _ = tx.abort();
            return Err(StorageError::Unexpected(
                "a new chunk layout needs the meta store (schema v2)".into(),
            ));
        }
        for kind in &plan.cleared_kinds {
            let (lo, hi) = chunks::kind_range(kind);
            let range = KeyRange::bound(&lo.into(), &hi.into(), None, None)?;
            store.delete(Query::KeyRange(range))?;
        }
        for (i, (key, bytes)) in plan.writes.iter().enumerate() {
            #[cfg(debug_assertions)]
            if let Some(e) = super::fault::strike(i) {
                let _ = tx.abort();
                return Err(e);
            }
            let _ = i;
            match bytes {
                Some(b) => store.put(&js_bytes(b), Some(&JsValue::from_str(key)))?,
                None => {
                    store.delete(JsValue::from_str(key))?;
                    continue;
                }
            };
        }
        if has(META) {
            let meta = tx.object_store(META)?;
            // UTF-8 bytes like the chunks (the peers' knowledge is megabytes: a JS string
            // would cost a UTF-16 conversion each way). Older values are strings; both read.
            for (key, json) in &plan.meta {
                match json {
                    Some(json) => {
                        meta.put(&js_bytes(json.as_bytes()), Some(&JsValue::from_str(key)))?;
                    }
                    None => {
                        meta.delete(JsValue::from_str(key))?;
                    }
                }
            }
            if let Some(layout) = &plan.layout {
                let json =
                    serde_json::to_vec(layout).map_err(|e| StorageError::Encode(e.to_string()))?;
                meta.put(&js_bytes(&json), Some(&JsValue::from_str(LAYOUT_KEY)))?;
            }
        }
        if has(JOURNAL) {
            let entry = JournalEntry {
                at: js_sys::Date::now(),
                label: plan.label.clone(),
                puts: plan.counts.puts,
                deletes: plan.counts.deletes,
                replaced: plan.cleared_kinds.clone(),
            };
            let text =
                serde_json::to_string(&entry).map_err(|e| StorageError::Encode(e.to_string()))?;
            tx.object_store(JOURNAL)?
                .add(&JsValue::from_str(&text), None)?;
        }

        match tx.await {
            Ok(r) if r.is_committed() => Ok(Applied {
                counts: plan.counts,
            }),
            // An abort (e.g. quota) carries its reason on the transaction.
            Ok(_) => Err(match store.transaction().error() {
                Some(e) => StorageError::from_dom_name(&e.name(), &e.message()),
                None => StorageError::Unexpected("transaction aborted".into()),
            }),
            Err(e) => Err(e.into()),
        }
    }
}

/// The chunk layout stored in `meta` (see [`chunks::Layout`]), read in `tx`; none stored
/// (or no `meta` store, schema v1) is the layout before layouts were kept.
pub(super) async fn read_layout(tx: &idb::Transaction) -> Result<Layout, StorageError> {
    if !tx.store_names().iter().any(|s| s == META) {
        return Ok(Layout::new());
    }
    let value = tx
        .object_store(META)?
        .get(JsValue::from_str(LAYOUT_KEY))?
        .await?;
    match value.and_then(chunk_bytes) {
        Some(json) => serde_json::from_slice(&json)
            .map_err(|e| StorageError::Corrupt(format!("chunk layout: {e}"))),
        None => Ok(Layout::new()),
    }
}

/// A stored chunk's (or meta value's) bytes: a `Uint8Array` (or `ArrayBuffer`) as written,
/// or a string.
pub(super) fn chunk_bytes(value: JsValue) -> Option<Vec<u8>> {
    if let Some(s) = value.as_string() {
        return Some(s.into_bytes());
    }
    if value.is_instance_of::<js_sys::Uint8Array>() || value.is_instance_of::<js_sys::ArrayBuffer>()
    {
        return Some(js_sys::Uint8Array::new(&value).to_vec());
    }
    None
}

/// Chunk bytes for IndexedDB: a `Uint8Array` copy, stored by structured clone. Cheaper than
/// a string, which would be converted from UTF-8 to UTF-16 and back.
fn js_bytes(bytes: &[u8]) -> JsValue {
    js_sys::Uint8Array::from(bytes).into()
}

/// Deletes a whole database (tests; "erase this device's data").
pub async fn delete_database(name: &str) -> Result<(), StorageError> {
    Factory::new()?.delete(name)?.await?;
    Ok(())
}
