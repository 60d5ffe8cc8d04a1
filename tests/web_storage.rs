//! The storage layer in a real browser (headless Chromium via wasm-bindgen-test-runner):
//! write and read back with the journal, upgrade from the previous schema, blocked and newer-version
//! opens, error mapping, and settings in localStorage.
#![cfg(target_arch = "wasm32")]

use std::cell::Cell;
use std::rc::Rc;

use mueang::storage::{self, ChangeSet, StorageError, Store, SCHEMA_VERSION};
use serde::{Deserialize, Serialize};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Rec {
    id: String,
    name: String,
    amount: String,
}

fn rec(id: &str, name: &str) -> Rec {
    Rec {
        id: id.into(),
        name: name.into(),
        amount: "50000.00".into(),
    }
}

#[derive(Debug, Default, Deserialize)]
struct Grouped {
    cities: Vec<Rec>,
    projects: Vec<Rec>,
}

/// A database of its own per test, starting empty.
async fn fresh(name: &str) -> Store {
    storage::delete_database(name).await.expect("delete");
    Store::open(name, || {}).await.expect("open")
}

fn sorted(mut v: Vec<Rec>) -> Vec<Rec> {
    v.sort_by(|a, b| a.id.cmp(&b.id));
    v
}

#[wasm_bindgen_test]
async fn write_read_back_and_journal() {
    let store = fresh("t-write").await;
    assert_eq!(store.version(), SCHEMA_VERSION);

    let mut cs = ChangeSet::new("create");
    cs.put("cities", "c1", &rec("c1", "แม่สอด")).unwrap();
    cs.put("cities", "c2", &rec("c2", "น่าน")).unwrap();
    cs.put("projects", "p1", &rec("p1", "บ้านมั่นคง")).unwrap();
    let created = store.apply(cs).await.expect("apply");
    assert_eq!(created.counts.puts, 3);

    let cities: Vec<Rec> = store.load_kind("cities").await.unwrap();
    assert_eq!(sorted(cities), vec![rec("c1", "แม่สอด"), rec("c2", "น่าน")]);
    assert_eq!(
        store.get::<Rec>("projects", "p1").await.unwrap(),
        Some(rec("p1", "บ้านมั่นคง"))
    );
    assert_eq!(store.get::<Rec>("projects", "nope").await.unwrap(), None);

    let mut edit = ChangeSet::new("edit");
    edit.put("cities", "c1", &rec("c1", "เทศบาลนครแม่สอด"))
        .unwrap();
    edit.delete("cities", "c2").unwrap();
    let edited = store.apply(edit).await.unwrap();
    assert_eq!((edited.counts.puts, edited.counts.deletes), (1, 1));
    let g: Grouped = store.load_grouped(&["cities", "projects"]).await.unwrap();
    assert_eq!(g.cities, vec![rec("c1", "เทศบาลนครแม่สอด")]);
    assert_eq!(g.projects.len(), 1);

    let journal = store.journal().await.unwrap();
    let labels: Vec<&str> = journal.iter().map(|j| j.label.as_str()).collect();
    assert_eq!(labels, ["create", "edit"]);
    assert_eq!((journal[1].puts, journal[1].deletes), (1, 1));
    store.close();
}

#[wasm_bindgen_test]
async fn replace_kind_imports_many_records_in_one_transaction() {
    let store = fresh("t-import").await;
    let mut seed = ChangeSet::new("seed");
    seed.put("cities", "old", &rec("old", "x")).unwrap();
    store.apply(seed).await.unwrap();

    let n = 20_000;
    let records: Vec<Rec> = (0..n).map(|i| rec(&format!("id-{i:06}"), "เมือง")).collect();
    let t0 = js_sys::Date::now();
    let mut import = ChangeSet::new("import");
    import
        .replace_kind("cities", records.iter().map(|r| (r.id.clone(), r)))
        .unwrap();
    import.set_meta("last_import", &n).unwrap();
    let applied = store.apply(import).await.unwrap();
    let t1 = js_sys::Date::now();
    let back: Vec<Rec> = store.load_kind("cities").await.unwrap();
    let t2 = js_sys::Date::now();
    web_sys::console::log_1(
        &format!("import {n}: write {} ms, read {} ms", t1 - t0, t2 - t1).into(),
    );

    assert_eq!(applied.counts.puts, n);
    assert_eq!(back.len(), n);
    assert!(!back.iter().any(|r| r.id == "old"));
    assert_eq!(
        store.get_meta::<usize>("last_import").await.unwrap(),
        Some(n)
    );
    store.close();
}

/// The chunk layout in IndexedDB: a small kind imported whole sits in one chunk, edits find
/// it there, and a kind grown by edits past the chunk limit is spread over more chunks in
/// the same transaction as the edit, with every record kept.
#[wasm_bindgen_test]
async fn chunks_follow_the_size_of_each_kind() {
    use storage::chunks::{Layout, LAYOUT_KEY};
    let store = fresh("t-layout").await;
    let small: Vec<Rec> = (0..40).map(|i| rec(&format!("s{i}"), "เมือง")).collect();
    let mut import = ChangeSet::new("import");
    import
        .replace_kind("cities", small.iter().map(|r| (r.id.clone(), r)))
        .unwrap();
    store.apply(import).await.unwrap();
    let layout: Layout = store.get_meta(LAYOUT_KEY).await.unwrap().expect("stored");
    assert_eq!(layout.get("cities"), Some(&1));
    for r in &small {
        assert_eq!(
            store.chunk_key_of("cities", &r.id).await.unwrap(),
            "cities/00"
        );
    }
    let mut edit = ChangeSet::new("edit");
    edit.put("cities", "s7", &rec("s7", "แก้แล้ว")).unwrap();
    store.apply(edit).await.unwrap();
    assert_eq!(
        store.get::<Rec>("cities", "s7").await.unwrap(),
        Some(rec("s7", "แก้แล้ว"))
    );

    // Grow it by edits until it no longer fits one chunk.
    let long = "ชุมชน".repeat(300);
    let mut n = 0;
    while store.get_meta::<Layout>(LAYOUT_KEY).await.unwrap().unwrap()["cities"] == 1 {
        let mut cs = ChangeSet::new("add");
        for _ in 0..100 {
            n += 1;
            let id = format!("g{n}");
            cs.put("cities", &id, &rec(&id, &long)).unwrap();
        }
        store.apply(cs).await.unwrap();
        assert!(n < 2_000, "never spread");
    }
    let back: Vec<Rec> = store.load_kind("cities").await.unwrap();
    assert_eq!(back.len(), small.len() + n, "every record kept");
    assert_eq!(
        store.get::<Rec>("cities", "s7").await.unwrap(),
        Some(rec("s7", "แก้แล้ว")),
        "found where the new layout puts it"
    );
    assert_eq!(
        store
            .get::<Rec>("cities", "g1")
            .await
            .unwrap()
            .unwrap()
            .name,
        long
    );
    store.close();
}

/// Meta values are written as UTF-8 bytes; those an older build wrote as strings still read.
#[wasm_bindgen_test]
async fn meta_values_read_as_bytes_or_as_older_strings() {
    use idb::{Factory, TransactionMode};
    use std::future::IntoFuture;
    let store = fresh("t-meta").await;
    let mut cs = ChangeSet::new("meta");
    cs.set_meta("new", &rec("n", "ใหม่")).unwrap();
    store.apply(cs).await.unwrap();
    store.close();

    let db = Factory::new()
        .unwrap()
        .open("t-meta", None)
        .unwrap()
        .into_future()
        .await
        .unwrap();
    let tx = db
        .transaction(&["meta"], TransactionMode::ReadWrite)
        .unwrap();
    let meta = tx.object_store("meta").unwrap();
    let raw = meta
        .get(JsValue::from_str("new"))
        .unwrap()
        .await
        .unwrap()
        .unwrap();
    assert!(
        raw.is_instance_of::<js_sys::Uint8Array>(),
        "written as bytes"
    );
    let old = serde_json::to_string(&rec("o", "เก่า")).unwrap();
    meta.put(&JsValue::from_str(&old), Some(&JsValue::from_str("old")))
        .unwrap();
    tx.await.unwrap();
    db.close();

    let store = Store::open("t-meta", || {}).await.unwrap();
    assert_eq!(
        store.get_meta::<Rec>("new").await.unwrap(),
        Some(rec("n", "ใหม่"))
    );
    assert_eq!(
        store.get_meta::<Rec>("old").await.unwrap(),
        Some(rec("o", "เก่า"))
    );
    store.close();
}

#[wasm_bindgen_test]
async fn upgrade_from_v1_keeps_records_and_adds_stores() {
    let name = "t-upgrade";
    storage::delete_database(name).await.unwrap();
    let v1 = Store::open_at(name, 1, || {}).await.unwrap();
    assert_eq!(v1.version(), 1);
    assert_eq!(v1.store_names(), vec!["chunks".to_string()]);
    // A v1 app wrote records without a journal.
    let mut cs = ChangeSet::new("v1 write");
    cs.put("cities", "c1", &rec("c1", "อุตรดิตถ์")).unwrap();
    v1.apply(cs).await.unwrap();
    assert!(v1.journal().await.unwrap().is_empty());
    v1.close();

    let v2 = Store::open(name, || {}).await.unwrap();
    assert_eq!(v2.version(), SCHEMA_VERSION);
    let mut names = v2.store_names();
    names.sort();
    assert_eq!(names, ["blobs", "chunks", "journal", "meta"]);
    assert_eq!(
        v2.load_kind::<Rec>("cities").await.unwrap(),
        vec![rec("c1", "อุตรดิตถ์")]
    );
    let mut cs = ChangeSet::new("v2 write");
    cs.put("cities", "c2", &rec("c2", "พะเยา")).unwrap();
    v2.apply(cs).await.unwrap();
    assert_eq!(v2.journal().await.unwrap().len(), 1);
    v2.close();
}

/// Data written by a v2 build (256 chunks per kind, no layout stored) reads the same after
/// the upgrade, and an edit lands in the chunk the record is in: no record twice.
#[wasm_bindgen_test]
async fn upgrade_from_v2_keeps_the_old_chunks_usable() {
    let name = "t-upgrade-v2";
    storage::delete_database(name).await.unwrap();
    let v2 = Store::open_at(name, 2, || {}).await.unwrap();
    let mut cs = ChangeSet::new("v2 write");
    for i in 0..50 {
        let id = format!("c{i}");
        cs.put("cities", &id, &rec(&id, "เดิม")).unwrap();
    }
    v2.apply(cs).await.unwrap();
    v2.close();

    let v3 = Store::open(name, || {}).await.unwrap();
    assert_eq!(v3.version(), SCHEMA_VERSION);
    assert_eq!(v3.load_kind::<Rec>("cities").await.unwrap().len(), 50);
    let mut edit = ChangeSet::new("edit");
    edit.put("cities", "c7", &rec("c7", "ใหม่")).unwrap();
    v3.apply(edit).await.unwrap();
    let all: Vec<Rec> = v3.load_kind("cities").await.unwrap();
    assert_eq!(
        all.len(),
        50,
        "the edit replaced the record, not added a second"
    );
    assert!(all.contains(&rec("c7", "ใหม่")));
    v3.close();
}

/// v4 adds no store (projects' beneficiaries are new fields): what a v3 build wrote reads
/// the same after the upgrade, and writing goes on.
#[wasm_bindgen_test]
async fn upgrade_from_v3_keeps_everything() {
    let name = "t-upgrade-v3";
    storage::delete_database(name).await.unwrap();
    let v3 = Store::open_at(name, 3, || {}).await.unwrap();
    let mut cs = ChangeSet::new("v3 write");
    for i in 0..20 {
        let id = format!("p{i}");
        cs.put("projects", &id, &rec(&id, "เดิม")).unwrap();
    }
    v3.apply(cs).await.unwrap();
    v3.close();

    let v4 = Store::open(name, || {}).await.unwrap();
    assert_eq!(v4.version(), SCHEMA_VERSION);
    assert_eq!(SCHEMA_VERSION, 4);
    assert_eq!(v4.load_kind::<Rec>("projects").await.unwrap().len(), 20);
    assert_eq!(v4.journal().await.unwrap().len(), 1, "the v3 journal stays");
    let mut edit = ChangeSet::new("edit");
    edit.put("projects", "p3", &rec("p3", "ใหม่")).unwrap();
    v4.apply(edit).await.unwrap();
    let all: Vec<Rec> = v4.load_kind("projects").await.unwrap();
    assert_eq!(all.len(), 20);
    assert!(all.contains(&rec("p3", "ใหม่")));
    v4.close();
}

#[wasm_bindgen_test]
async fn newer_tab_closes_this_connection() {
    let name = "t-versionchange";
    storage::delete_database(name).await.unwrap();
    let closed = Rc::new(Cell::new(false));
    let c = closed.clone();
    let store = Store::open(name, move || c.set(true)).await.unwrap();
    // Another tab opens a newer schema: ours must step aside, not block it.
    let newer = idb::Factory::new()
        .unwrap()
        .open(name, Some(SCHEMA_VERSION + 1))
        .unwrap()
        .await;
    assert!(newer.is_ok(), "the newer open was blocked");
    assert!(closed.get());
    assert!(store.is_closed());
    let mut cs = ChangeSet::new("late");
    cs.put("cities", "c", &rec("c", "x")).unwrap();
    assert_eq!(store.apply(cs).await.unwrap_err(), StorageError::Closed);

    // And this (older) build then refuses the newer database with a clear error.
    newer.unwrap().close();
    let old = Store::open(name, || {}).await;
    assert_eq!(old.err(), Some(StorageError::VersionTooNew));
    storage::delete_database(name).await.unwrap();
}

#[wasm_bindgen_test]
async fn upgrade_blocked_by_an_old_tab_is_reported() {
    let name = "t-blocked";
    storage::delete_database(name).await.unwrap();
    // An old build's connection with no versionchange handler: it never closes itself.
    let old = idb::Factory::new()
        .unwrap()
        .open(name, Some(1))
        .unwrap()
        .await
        .unwrap();
    let result = Store::open(name, || {}).await;
    assert_eq!(result.err(), Some(StorageError::UpgradeBlocked));
    old.close();
    // Once the old tab is gone, opening works.
    let store = Store::open(name, || {}).await.unwrap();
    assert_eq!(store.version(), SCHEMA_VERSION);
    store.close();
}

#[wasm_bindgen_test]
fn browser_errors_map_to_storage_errors() {
    let dom = |name: &str| web_sys::DomException::new_with_message_and_name("msg", name).unwrap();
    assert_eq!(
        StorageError::from_js(&dom("QuotaExceededError").into()),
        StorageError::QuotaExceeded
    );
    assert_eq!(
        StorageError::from_js(&dom("VersionError").into()),
        StorageError::VersionTooNew
    );
    assert!(matches!(
        StorageError::from_js(&dom("InvalidStateError").into()),
        StorageError::Unavailable(_)
    ));
    assert_eq!(
        StorageError::from(idb::Error::DomException(dom("QuotaExceededError"))),
        StorageError::QuotaExceeded
    );
    assert!(matches!(
        StorageError::from(idb::Error::IndexedDbNotFound(JsValue::UNDEFINED)),
        StorageError::Unavailable(_)
    ));
    assert!(matches!(
        StorageError::from_js(&JsValue::from_str("boom")),
        StorageError::Unexpected(_)
    ));
    // Every error reaches the person in both languages.
    let e = StorageError::QuotaExceeded;
    assert_ne!(
        e.message(mueang::ui::i18n::Lang::Th),
        e.message(mueang::ui::i18n::Lang::En)
    );
}

#[wasm_bindgen_test]
fn settings_round_trip_and_office_id_made_once() {
    use gloo_storage::{LocalStorage, Storage};
    LocalStorage::delete(storage::settings::SETTINGS_KEY);
    let (first, err) = storage::load_settings();
    assert!(err.is_none());
    assert_eq!(first.lang, mueang::ui::i18n::Lang::Th);
    assert_eq!(first.office_id.len(), 36, "uuid v4: {}", first.office_id);
    let (again, _) = storage::load_settings();
    assert_eq!(again.office_id, first.office_id);

    let mut s = again.clone();
    s.office_name = "สำนักงานภาคเหนือ".into();
    s.lang = mueang::ui::i18n::Lang::En;
    storage::save_settings(&s).unwrap();
    assert_eq!(storage::load_settings().0, s);
    LocalStorage::delete(storage::settings::SETTINGS_KEY);
}

#[wasm_bindgen_test]
async fn example_dataset_round_trips_through_indexeddb() {
    use mueang::domain::records::Dataset;
    use mueang::domain::records::RecordKind;
    let store = fresh("t-example").await;
    let ds = mueang::domain::example::north_2561().records;
    let cs = mueang::ui::records::replace_all("load example", &ds).unwrap();
    store.apply(cs).await.unwrap();
    let kinds: Vec<&str> = RecordKind::ALL.iter().map(|k| k.key()).collect();
    let back: Dataset = store.load_grouped(&kinds).await.unwrap();
    assert_eq!(back.counts(), ds.counts());
    assert_eq!(back.total_len(), ds.total_len());
    for city in &ds.cities {
        let id = city.meta.id;
        assert_eq!(back.get::<mueang::domain::records::City>(id), Some(city));
    }
    store.close();
}
