//! Sync in a real browser (headless Chromium via wasm-bindgen-test-runner): conflict
//! versions, peers and the export time stored and read back; Web Crypto's SHA-256; bundles
//! opened (plain, locked, damaged); a whole import into IndexedDB and the no-op re-import;
//! and a failing import that leaves the store exactly as it was.
#![cfg(target_arch = "wasm32")]

mod common;
use chrono::{DateTime, Duration, Utc};
use common::browser::wait_until;
use leptos::prelude::*;
use mueang::domain::example::north_2561;
use mueang::domain::meta::{Editor, OfficeId};
use mueang::domain::records::Dataset;
use mueang::domain::sync::{
    canonical, draft_full, encrypt, merge, normalize, BundleError, PeerState, Peers,
};
use mueang::storage::{self, ChangeSet, Settings, StorageError, Store};
use mueang::ui::sync::context::SyncState;
use mueang::ui::sync::pipeline::{
    apply_import, file_text, merge_bundles, open_bundle, FileText, OpenError, Timings,
};

/// A file's bytes as the import screen hands them on.
fn text_of(bytes: &[u8]) -> FileText {
    file_text(bytes.to_vec()).expect("UTF-8")
}
use mueang::sync::{
    digest, last_export_at, load_dataset, load_peers, save_peers, LAST_EXPORT_KEY, PEERS_KEY,
    PEER_PREFIX,
};
use mueang::ui::records::replace_all;
use mueang::ui::state::AppState;
use mueang::ui::sync::progress::Progress;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

async fn fresh(name: &str) -> Store {
    storage::delete_database(name).await.expect("delete");
    Store::open(name, || {}).await.expect("open")
}

fn office(id: &str) -> Editor {
    Editor {
        office_id: OfficeId(id.into()),
        office_name: format!("สำนักงาน {id}"),
        person: "ทดสอบ".into(),
    }
}

fn t(m: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_517_800_000, 0).unwrap() + Duration::minutes(m)
}

/// The example as two offices edited it apart: one record in conflict.
fn two_sides() -> (Dataset, Dataset) {
    let base = normalize(&north_2561().records);
    let mut a = base.clone();
    a.cities[0].name_en = "Edited in A".into();
    a.cities[0].meta.touch(&office("a"), t(1));
    let mut b = base;
    b.cities[0].name_en = "Edited in B".into();
    b.cities[0].meta.touch(&office("b"), t(2));
    b.cities[1].meta.deleted = true;
    b.cities[1].meta.touch(&office("b"), t(2));
    (a, b)
}

/// The bytes of a full export of `ds` by `who`, hashed with Web Crypto as the app does.
async fn bundle_bytes(ds: &Dataset, who: &Editor) -> Vec<u8> {
    let draft = draft_full(ds, who, t(5));
    let sum = digest::sha256_hex(draft.canonical_bytes()).await;
    draft.finish(&sum).to_json().into_bytes()
}

/// App state around `store`, as the app provides it.
fn app_with(store: Store) -> (AppState, SyncState) {
    let app = AppState::new(Settings {
        office_id: "a".into(),
        office_name: "สำนักงาน a".into(),
        ..Settings::default()
    });
    app.store.set(Some(store));
    let sync = SyncState {
        last_export: RwSignal::new(None),
        peers: RwSignal::new(None),
    };
    (app, sync)
}

#[wasm_bindgen_test]
async fn web_crypto_sha256_matches_the_domain() {
    for input in [&b""[..], b"abc", "ภาษาไทย".as_bytes(), &[7u8; 100_000][..]] {
        assert_eq!(
            digest::sha256_hex(input).await,
            canonical::sha256_hex(input),
            "{} bytes",
            input.len()
        );
    }
}

#[wasm_bindgen_test]
async fn conflicts_peers_and_export_time_survive_a_reload() {
    let (a, b) = two_sides();
    let merged = merge(&a, &b).dataset;
    assert!(!merged.conflicts.is_empty());
    let store = fresh("t-sync-stored").await;
    let mut cs = replace_all("import", &merged).unwrap();
    let mut peers = Peers::default();
    let text = bundle_bytes(&b, &office("b")).await;
    let bundle = mueang::domain::sync::verify_bytes(&text).unwrap();
    peers.note_received(&bundle);
    cs.set_meta(PEERS_KEY, &peers).unwrap();
    cs.set_meta(LAST_EXPORT_KEY, &t(9)).unwrap();
    store.apply(cs).await.expect("apply");

    // A new connection, as after a reload.
    store.close();
    let store = Store::open("t-sync-stored", || {}).await.unwrap();
    let back = load_dataset(&store).await.unwrap();
    assert_eq!(normalize(&back), normalize(&merged));
    assert_eq!(back.conflicts.cities.len(), 1);
    // Stored as one value, the way builds before the per-office entries did: read the
    // same, and reading writes nothing.
    assert_eq!(load_peers(&store).await.unwrap(), peers);
    assert_eq!(
        store.get_meta::<Peers>(PEERS_KEY).await.unwrap(),
        Some(peers.clone())
    );
    let entries = store
        .get_meta_with_prefix::<PeerState>(PEER_PREFIX)
        .await
        .unwrap();
    assert!(entries.is_empty(), "a read wrote {entries:?}");
    // The next save of b's peers writes b's own entry, which is read from then on.
    let b_id = OfficeId("b".into());
    let mut newer = peers.clone();
    newer.0.get_mut(&b_id).unwrap().office_name = "บี ใหม่".into();
    let mut cs = ChangeSet::new("import");
    save_peers(&mut cs, &newer, [&b_id]).unwrap();
    store.apply(cs).await.expect("apply");
    assert_eq!(load_peers(&store).await.unwrap(), newer);
    assert_eq!(last_export_at(&store).await.unwrap(), Some(t(9)));
}

#[wasm_bindgen_test]
async fn bundles_open_plain_locked_and_damaged() {
    let (_, b) = two_sides();
    let bytes = bundle_bytes(&b, &office("b")).await;
    let progress = Progress::new();
    let mut timings = Timings::default();
    let opened = open_bundle(text_of(&bytes), None, progress, &mut timings)
        .await
        .expect("opens");
    assert_eq!(opened.records(), &normalize(&b));
    assert!(timings.parse > 0.0);

    // Locked: asks, refuses the wrong passphrase clearly, opens with the right one.
    let text = String::from_utf8(bytes.clone()).unwrap();
    let locked = encrypt(&text, "ถูกต้อง").unwrap().into_bytes();
    let ask = open_bundle(text_of(&locked), None, progress, &mut timings).await;
    assert_eq!(ask.unwrap_err(), OpenError::NeedsPassphrase);
    match open_bundle(text_of(&locked), Some("ผิด"), progress, &mut timings).await {
        Err(OpenError::Bundle(e)) => {
            assert_eq!(e.code(), "wrong_passphrase");
            assert!(!e.message_th().is_empty() && !e.message_en().is_empty());
        }
        other => panic!("{other:?}"),
    }
    let unlocked = open_bundle(text_of(&locked), Some("ถูกต้อง"), progress, &mut timings)
        .await
        .expect("unlocks");
    assert_eq!(unlocked.records(), opened.records());

    // One changed letter: the checksum says so.
    let damaged = text.replacen("Edited in B", "Edited in C", 1).into_bytes();
    match open_bundle(text_of(&damaged), None, progress, &mut timings).await {
        Err(OpenError::Bundle(BundleError::ChecksumMismatch { .. })) => {}
        other => panic!("{other:?}"),
    }
    let junk = file_text(b"\xff\xfe not text".to_vec());
    assert_eq!(junk.unwrap_err(), OpenError::Bundle(BundleError::NotText));
}

#[wasm_bindgen_test]
async fn an_import_is_stored_whole_and_the_same_bundle_again_writes_nothing() {
    let (a, b) = two_sides();
    let store = fresh("t-sync-import").await;
    let (app, sync) = app_with(store.clone());
    // Office A's own data first.
    app.apply(replace_all("seed", &a).unwrap(), |ds| *ds = a.clone())
        .await
        .expect("seed");

    let bytes = bundle_bytes(&b, &office("b")).await;
    let progress = Progress::new();
    for round in 0..2 {
        let mut steps = Timings::default();
        let bundle = open_bundle(text_of(&bytes), None, progress, &mut steps)
            .await
            .unwrap();
        let outcome = app
            .dataset
            .with_untracked(|local| merge_bundles(local, &[&bundle]));
        let journal_before = store.journal().await.unwrap().len();
        let applied = apply_import(app, sync, &[&bundle], outcome, progress, &mut steps)
            .await
            .expect("saved");
        let journal_after = store.journal().await.unwrap().len();
        if round == 0 {
            // The deletion comes from b, the only office known here, which has it: the
            // tombstone is purged by the same import (docs/sync.md, "Purging tombstones").
            assert_eq!(applied.purged, 1, "b's deletion, purged at once");
            assert!(applied.written >= 2, "an update and a conflict");
            assert_eq!(journal_after, journal_before + 1, "one transaction");
        } else {
            assert_eq!(applied.written, 0);
            assert_eq!(journal_after, journal_before, "nothing written at all");
        }
    }
    let mut expected = merge(&a, &b).dataset;
    let known = load_peers(&store).await.unwrap();
    assert_eq!(
        mueang::domain::sync::purge_tombstones(&mut expected, &known).len(),
        1
    );
    let in_memory = app.dataset.get_untracked();
    assert_eq!(normalize(&in_memory), normalize(&expected));
    let stored = load_dataset(&store).await.unwrap();
    assert_eq!(normalize(&stored), normalize(&expected));
    let peers = load_peers(&store).await.unwrap();
    assert!(
        peers.get(&OfficeId("b".into())).is_some(),
        "B is now a known office"
    );
    // In its own entry: the next import from another office will not rewrite it.
    assert!(store
        .get_meta::<PeerState>(&mueang::sync::peer_key(&OfficeId("b".into())))
        .await
        .unwrap()
        .is_some());
}

#[wasm_bindgen_test]
async fn a_failing_import_leaves_the_store_exactly_as_it_was() {
    let (a, b) = two_sides();
    let store = fresh("t-sync-atomic").await;
    store.apply(replace_all("seed", &a).unwrap()).await.unwrap();
    let mut known = Peers::default();
    known.0.insert(OfficeId("c".into()), Default::default());
    let mut meta = ChangeSet::new("peers");
    save_peers(&mut meta, &known, known.0.keys()).unwrap();
    store.apply(meta).await.unwrap();
    let before = load_dataset(&store).await.unwrap();
    let journal = store.journal().await.unwrap().len();

    // Damage the chunk the import must edit in place, behind the storage layer's back.
    let id = a.cities[0].meta.id.to_string();
    let key = store.chunk_key_of("cities", &id).await.unwrap();
    corrupt_chunk("t-sync-atomic", &key).await;

    let merged = merge(&a, &b).dataset;
    let mut cs = ChangeSet::new("import");
    mueang::sync::import_changes(&mut cs, &a, &merged, None).unwrap();
    let mut peers = known.clone();
    peers.0.insert(OfficeId("b".into()), Default::default());
    save_peers(&mut cs, &peers, [&OfficeId("b".into())]).unwrap();
    match store.apply(cs).await {
        Err(StorageError::Corrupt(_)) => {}
        other => panic!("expected a refusal, got {:?}", other.map(|_| ())),
    }
    // Nothing of it was written: peers, journal and the other chunks are as they were.
    assert_eq!(load_peers(&store).await.unwrap(), known);
    assert_eq!(store.journal().await.unwrap().len(), journal);
    let projects_after: Vec<serde_json::Value> = store.load_kind("mous").await.unwrap();
    assert_eq!(projects_after.len(), before.mous.len());
    let cities_after = store
        .load_kind::<serde_json::Value>("conflicts.cities")
        .await
        .unwrap();
    assert!(cities_after.is_empty(), "no conflict version was stored");
}

/// Writes bytes that are not JSON over one chunk, with plain IndexedDB.
async fn corrupt_chunk(db: &str, key: &str) {
    use idb::{Factory, TransactionMode};
    use std::future::IntoFuture;
    let factory = Factory::new().unwrap();
    let db = factory.open(db, None).unwrap().into_future().await.unwrap();
    let tx = db
        .transaction(&["chunks"], TransactionMode::ReadWrite)
        .unwrap();
    let garbage = js_sys::Uint8Array::from(&b"{not json"[..]);
    tx.object_store("chunks")
        .unwrap()
        .put(&garbage, Some(&wasm_bindgen::JsValue::from_str(key)))
        .unwrap();
    tx.await.unwrap();
    db.close();
}

/// `/sync` opened by its address mounts before the database is open: the export panel's
/// office list must wait for it (it used to ask at once, showed "database not open" and
/// listed no offices until the page was reached by a link).
#[wasm_bindgen_test]
async fn the_office_list_is_read_once_the_database_opens() {
    let store = fresh("t-sync-peers-late").await;
    let (_, b) = two_sides();
    let bundle = mueang::domain::sync::verify_bytes(&bundle_bytes(&b, &office("b")).await).unwrap();
    let mut peers = Peers::default();
    peers.note_received(&bundle);
    let mut cs = ChangeSet::new("peers");
    cs.set_meta(PEERS_KEY, &peers).unwrap();
    store.apply(cs).await.expect("apply");

    let (app, sync) = app_with(store.clone());
    app.store.set(None);
    let el: web_sys::HtmlElement = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .create_element("div")
        .unwrap()
        .unchecked_into();
    // A second effect on the store, made after the one under test, runs after it: once it
    // has run, the one under test has seen "no store yet" and had its chance to act.
    let seen = RwSignal::new(false);
    let _h = leptos::mount::mount_to(el, move || {
        sync.load_peers_once_open(app);
        Effect::new(move |_| {
            app.store.track();
            seen.set(true);
        });
        view! { <p>"export panel"</p> }
    });
    wait_until("the effects' first run", || seen.get_untracked()).await;
    assert!(sync.peers.get_untracked().is_none());
    assert!(
        app.notices.get_untracked().is_empty(),
        "no error before the store opens"
    );

    app.store.set(Some(store));
    wait_until("the office list read from the store", || {
        sync.peers.get_untracked().is_some()
    })
    .await;
    assert_eq!(sync.peers.get_untracked(), Some(peers));
    assert!(app.notices.get_untracked().is_empty());
}
