//! Issue 13 in a real browser: attachments' bytes in IndexedDB's `blobs` store, apart from
//! the records — kept once per SHA-256, kept by an upgrade from v3 with every record, and
//! a write the quota refuses (simulated with `storage::fault`, debug builds only) leaves
//! IndexedDB byte for byte as it was.
#![cfg(target_arch = "wasm32")]

mod common;
use common::browser::dump;
use mueang::domain::sync::canonical::sha256_hex;
use mueang::storage::fault::{inject, Fault};
use mueang::storage::{self, ChangeSet, NewBlob, StorageError, Store, SCHEMA_VERSION};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn file(bytes: &[u8]) -> NewBlob {
    NewBlob::from_bytes(sha256_hex(bytes), "image/jpeg", bytes)
}

#[wasm_bindgen_test]
async fn the_same_file_is_kept_once_and_reads_back_as_written() {
    let name = "t-blobs";
    storage::delete_database(name).await.unwrap();
    let store = Store::open(name, || {}).await.unwrap();
    let photo: Vec<u8> = (0..300_000u32).map(|i| (i % 251) as u8).collect();
    let scan = b"%PDF-1.4 minutes of the meeting".to_vec();
    let n = store
        .put_blobs(vec![file(&photo), file(&scan), file(&photo)])
        .await
        .unwrap();
    assert_eq!(n, 2, "the photo given twice is kept once");
    assert_eq!(
        store.put_blobs(vec![file(&scan)]).await.unwrap(),
        0,
        "already held"
    );
    let usage = store.blob_usage().await.unwrap();
    assert_eq!(
        (usage.files, usage.bytes),
        (2, (photo.len() + scan.len()) as u64)
    );
    let back = store.blob_bytes(&sha256_hex(&photo)).await.unwrap();
    assert_eq!(back.as_deref(), Some(photo.as_slice()));
    let blob = store.blob(&sha256_hex(&scan)).await.unwrap().unwrap();
    assert_eq!(blob.type_(), "image/jpeg");
    assert_eq!(
        store.blob(&"0".repeat(64)).await.unwrap().map(|b| b.size()),
        None
    );
    store.close();
}

#[wasm_bindgen_test]
async fn a_counted_write_reports_each_new_file_in_order() {
    let name = "t-blobs-counted";
    storage::delete_database(name).await.unwrap();
    let store = Store::open(name, || {}).await.unwrap();
    store.put_blobs(vec![file(b"held already")]).await.unwrap();
    let photos: Vec<Vec<u8>> = (0..5u8).map(|i| vec![i; 10_000]).collect();
    let mut files: Vec<NewBlob> = photos.iter().map(|p| file(p)).collect();
    files.push(file(b"held already"));
    let mut seen = Vec::new();
    let n = store
        .put_blobs_counted(files, |done, of| seen.push((done, of)))
        .await
        .unwrap();
    assert_eq!(n, 5);
    assert_eq!(
        seen,
        (1..=5).map(|d| (d, 5)).collect::<Vec<_>>(),
        "one call per new file, the held one not counted"
    );
    assert_eq!(store.blob_usage().await.unwrap().files, 6);
    store.close();
}

#[wasm_bindgen_test]
async fn upgrading_from_v3_adds_the_blob_store_and_keeps_every_record() {
    let name = "t-blobs-upgrade";
    storage::delete_database(name).await.unwrap();
    let v3 = Store::open_at(name, 3, || {}).await.unwrap();
    let mut cs = ChangeSet::new("v3 write");
    for i in 0..20 {
        cs.put("cities", &format!("c{i}"), &serde_json::json!({"name": i}))
            .unwrap();
    }
    v3.apply(cs).await.unwrap();
    assert!(!v3.store_names().contains(&"blobs".to_string()));
    v3.close();

    let v4 = Store::open(name, || {}).await.unwrap();
    assert_eq!(v4.version(), SCHEMA_VERSION);
    assert!(v4.store_names().contains(&"blobs".to_string()));
    let mut after: Vec<serde_json::Value> = v4.load_kind("cities").await.unwrap();
    after.sort_by_key(|v| v["name"].as_u64());
    let written: Vec<serde_json::Value> = (0..20).map(|i| serde_json::json!({"name": i})).collect();
    assert_eq!(after, written, "every record kept as it was");
    assert_eq!(v4.journal().await.unwrap().len(), 1, "the journal too");
    assert_eq!(v4.put_blobs(vec![file(b"first photo")]).await.unwrap(), 1);
    v4.close();
}

#[wasm_bindgen_test]
async fn a_write_the_quota_refuses_leaves_nothing_half_written() {
    let name = "t-blobs-quota";
    storage::delete_database(name).await.unwrap();
    let store = Store::open(name, || {}).await.unwrap();
    store.put_blobs(vec![file(b"kept before")]).await.unwrap();
    let mut cs = ChangeSet::new("a record");
    cs.put("projects", "p1", &serde_json::json!({"title": "ทางเดิน"}))
        .unwrap();
    store.apply(cs).await.unwrap();
    store.close();
    let before = dump(name).await;

    let store = Store::open(name, || {}).await.unwrap();
    inject(Fault::QuotaAfter(2));
    let three = vec![file(b"one"), file(b"two"), file(b"three")];
    let err = store.put_blobs(three).await.unwrap_err();
    assert_eq!(err, StorageError::QuotaExceeded);
    assert!(err.texts().0.contains("พื้นที่"), "{}", err.texts().0);
    store.close();
    assert_eq!(dump(name).await, before, "not one of the three was kept");

    // Afterwards, with room again, the same files are kept.
    let store = Store::open(name, || {}).await.unwrap();
    let three = vec![file(b"one"), file(b"two"), file(b"three")];
    assert_eq!(store.put_blobs(three).await.unwrap(), 3);
    assert_eq!(store.blob_usage().await.unwrap().files, 4);
    store.close();
}
