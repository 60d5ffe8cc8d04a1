//! The device's signing key pair (two Web Crypto `CryptoKey`s), kept in an IndexedDB
//! database of its own. IndexedDB stores a `CryptoKey` as it is — a non-extractable private
//! key stays non-extractable, and no script can read its bytes — which localStorage (text
//! only) could not. A database of its own: the records' database can be erased and rebuilt
//! (recovery, "erase this device's data") without changing who this device is.

use idb::{DatabaseEvent, Factory, ObjectStoreParams, TransactionMode};
use wasm_bindgen::JsValue;

use crate::storage::StorageError;

/// The key database's name.
pub const KEY_DB: &str = "mueang-device-key";
const STORE: &str = "keys";
const DEVICE: &str = "device";

async fn open() -> Result<idb::Database, idb::Error> {
    let factory = Factory::new()?;
    let mut request = factory.open(KEY_DB, Some(1))?;
    request.on_upgrade_needed(|event| {
        if let Ok(db) = event.database() {
            if !db.store_names().iter().any(|n| n == STORE) {
                let _ = db.create_object_store(STORE, ObjectStoreParams::new());
            }
        }
    });
    request.await
}

/// The kept key pair (`{privateKey, publicKey}`), if this device has made one.
pub async fn load() -> Result<Option<JsValue>, StorageError> {
    let db = open().await?;
    let tx = db.transaction(&[STORE], TransactionMode::ReadOnly)?;
    let value = tx
        .object_store(STORE)?
        .get(JsValue::from_str(DEVICE))?
        .await?;
    db.close();
    Ok(value.filter(|v| !v.is_undefined() && !v.is_null()))
}

/// Keeps `pair` as this device's key pair.
pub async fn save(pair: &JsValue) -> Result<(), StorageError> {
    let db = open().await?;
    let tx = db.transaction(&[STORE], TransactionMode::ReadWrite)?;
    tx.object_store(STORE)?
        .put(pair, Some(&JsValue::from_str(DEVICE)))?;
    let done = tx.await?;
    db.close();
    if done.is_committed() {
        Ok(())
    } else {
        Err(StorageError::Unexpected(
            "the device key was not saved".into(),
        ))
    }
}
