//! Issue 10, part 5 (tombstones), in a real browser: a record deleted in the app is stored
//! as a tombstone holding only what sync needs — no name, no account, no phone number, in
//! the record or in its audit log — and once every known office has an old deletion, the
//! import that shows it purges the tombstone from IndexedDB (a fresh one stays a month).
#![cfg(target_arch = "wasm32")]

mod common;
use common::browser::{dump, import_from_b};
use leptos::prelude::*;
use mueang::domain::editing::save_plan::SaveAction;
use mueang::domain::example::north_2561;
use mueang::domain::meta::{Editor, OfficeId};
use mueang::domain::records::{City, ReceivingAccount, Record};
use mueang::domain::sync::purge::strip_tombstone;
use mueang::domain::sync::{merge, normalize};
use mueang::storage::{self, ChangeSet, Settings, Store};
use mueang::sync::load_dataset;
use mueang::ui::edit::save::store_version;
use mueang::ui::records::{put_record, replace_all};
use mueang::ui::state::AppState;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const DB: &str = "t-tombstone";

/// Every stored byte of IndexedDB as text, for looking for what must not be there.
async fn everything_stored() -> String {
    dump(DB)
        .await
        .into_iter()
        .map(|(s, k, v)| format!("{s} {k} {}\n", String::from_utf8_lossy(&v)))
        .collect()
}

#[wasm_bindgen_test]
async fn a_deletion_stores_no_personal_data_and_is_purged_once_every_office_has_it() {
    storage::delete_database(DB).await.unwrap();
    let store = Store::open(DB, || {}).await.unwrap();
    let mut example = normalize(&north_2561().records);
    // A city with what PDPA protects: the account's number and its signers' names.
    let secret_number = "123-4-56789-0";
    let signer = "นางสมใจ ลงนาม";
    example.cities[0].account = Some(ReceivingAccount {
        account_name: "เครือข่ายองค์กรชุมชนเมืองทดสอบ".into(),
        bank: "ธนาคารทดสอบ".into(),
        branch: String::new(),
        number: secret_number.into(),
        signers: vec![signer.into()],
    });
    let city = example.cities[0].clone();
    store
        .apply(replace_all("seed", &example).unwrap())
        .await
        .unwrap();
    let app = AppState::new(Settings {
        office_id: "a".into(),
        office_name: "สำนักงาน a".into(),
        person: "ผู้ลบ ทดสอบ".into(),
        ..Settings::default()
    });
    app.store.set(Some(store.clone()));
    app.dataset.set(load_dataset(&store).await.unwrap());

    // Edit it once (the audit log now holds the values), then delete it in the app.
    let mut edited = city.clone();
    edited.name_en = "Renamed Before Deletion".into();
    store_version(app, edited, SaveAction::Save)
        .await
        .expect("saved");
    let before = everything_stored().await;
    assert!(before.contains(secret_number) && before.contains("Renamed Before Deletion"));
    let current = app
        .dataset
        .with_untracked(|ds| ds.get::<City>(city.meta.id).cloned())
        .unwrap();
    let (gone, _) = store_version(app, current, SaveAction::Delete)
        .await
        .expect("deleted");
    assert!(gone.meta.deleted);

    let stored = everything_stored().await;
    for secret in [
        secret_number,
        signer,
        city.name_th.as_str(),
        city.name_en.as_str(),
        "Renamed Before Deletion",
    ] {
        assert!(!stored.contains(secret), "{secret:?} is still stored");
    }
    let back = load_dataset(&store).await.unwrap();
    let tomb = back
        .get::<City>(city.meta.id)
        .expect("the tombstone is stored");
    assert!(tomb.meta.deleted && tomb.name_th.is_empty() && tomb.account.is_none());
    assert!(
        tomb.meta.updated_by.person.is_empty(),
        "nor who deleted it, by name"
    );
    assert_eq!(tomb.province_id, city.province_id, "what sync needs stays");

    // A deletion made long ago (2018) that b holds too, beside the one just made.
    let mut old = example.cities[1].clone();
    old.meta.deleted = true;
    old.meta.touch(
        &Editor {
            office_id: OfficeId("a".into()),
            office_name: "สำนักงาน a".into(),
            person: String::new(),
        },
        chrono::DateTime::from_timestamp(1_530_000_000, 0).unwrap(),
    );
    let old = strip_tombstone(&old).unwrap();
    let mut cs = ChangeSet::new("old deletion");
    put_record(&mut cs, &old).unwrap();
    let stored_old = old.clone();
    app.apply(cs, move |ds| ds.upsert(stored_old.into_any()))
        .await
        .expect("stored");

    // Office b's next bundle holds both deletions (it merged a's export), and b is the only
    // office known here: the import purges the old one in the same transaction, and keeps
    // the fresh one for PURGE_AFTER_DAYS (an office not known yet may still need it).
    let at_b = merge(&example, &app.dataset.get_untracked()).dataset;
    for id in [city.meta.id, old.meta.id] {
        assert!(at_b.get::<City>(id).is_some_and(|c| c.meta.deleted));
    }
    assert!(import_from_b(app, &at_b).await);
    let after = load_dataset(&store).await.unwrap();
    assert!(after.get::<City>(old.meta.id).is_none(), "purged");
    assert!(app
        .dataset
        .with_untracked(|ds| ds.get::<City>(old.meta.id).is_none()));
    assert!(
        after
            .get::<City>(city.meta.id)
            .is_some_and(|c| c.meta.deleted),
        "a fresh deletion stays"
    );
    assert_eq!(after.cities.len(), example.cities.len() - 1);
}
