//! Saving records in a real browser: a save writes the record with its audit entry in one
//! transaction (then undo as a new audited change), a shipped province saved before it is
//! stored keeps the edit, and two tabs saving the same record at once both land in its
//! audit log.
#![cfg(target_arch = "wasm32")]

use std::future::Future;
use std::task::Poll;

use leptos::prelude::*;
use mueang::domain::dates::FiscalYear;
use mueang::domain::editing::save_plan::SaveAction;
use mueang::domain::editing::{AuditAction, AuditLog, AUDIT_KIND};
use mueang::domain::example::north_2561;
use mueang::domain::meta::{stable_id, Editor, OfficeId, RecordMeta};
use mueang::domain::money::Baht;
use mueang::domain::records::{Category, Dataset, Project, Record};
use mueang::storage::{self, Settings, Store};
use mueang::ui::edit::save::store_version;
use mueang::ui::state::AppState;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The app state of one tab: its own connection to `db`, as office `office-t`.
async fn tab(db: &str, person: &str) -> (AppState, Store) {
    let store = Store::open(db, || {}).await.unwrap();
    let app = AppState::new(Settings {
        office_id: "office-t".into(),
        office_name: "สำนักงานทดสอบ".into(),
        person: person.into(),
        ..Settings::default()
    });
    app.store.set(Some(store.clone()));
    (app, store)
}

#[wasm_bindgen_test]
async fn a_save_writes_the_record_and_its_audit_entry_together_and_undo_is_audited() {
    const DB: &str = "mueang-test-forms";
    storage::delete_database(DB).await.unwrap();
    let (app, store) = tab(DB, "สมศรี").await;

    let city = north_2561().records.cities[0].clone();
    let editor = Editor {
        office_id: OfficeId("x".into()),
        office_name: String::new(),
        person: String::new(),
    };
    let mut p = Project::new(
        RecordMeta::new(stable_id("p1"), &editor, chrono::Utc::now()),
        city.meta.id,
        FiscalYear(2561),
    );
    p.title = "ซ่อมบ้าน".into();
    p.proposer = "ชุมชนริมน้ำ".into();
    p.category = Category::Housing;
    p.amount_requested = Some(Baht::whole(40_000));
    let (saved, previous) = store_version(app, p.clone(), SaveAction::Save)
        .await
        .unwrap();
    assert!(previous.is_none());
    assert_eq!(saved.meta.updated_by.person, "สมศรี");
    assert_eq!(saved.meta.version.get(&OfficeId("office-t".into())), 1);

    // Memory and disk agree, and the shipped provinces came along with the first save.
    let on_disk: Dataset = store
        .load_grouped(&mueang::ui::state::kind_keys())
        .await
        .unwrap();
    assert_eq!(on_disk.projects, vec![saved.clone()]);
    assert_eq!(on_disk.provinces.len(), 77);
    assert_eq!(app.dataset.get_untracked().projects, vec![saved.clone()]);

    let mut edited = saved.clone();
    edited.amount_requested = Some(Baht::whole(45_000));
    let (saved2, _) = store_version(app, edited, SaveAction::Save).await.unwrap();
    assert_eq!(saved2.meta.version.get(&OfficeId("office-t".into())), 2);
    // Undo: the previous content, as a new audited version.
    let (undone, _) = store_version(app, saved.clone(), SaveAction::Undo)
        .await
        .unwrap();
    assert_eq!(undone.amount_requested, Some(Baht::whole(40_000)));
    assert_eq!(undone.meta.version.get(&OfficeId("office-t".into())), 3);

    let log: AuditLog = store
        .get(AUDIT_KIND, &saved.meta.id.to_string())
        .await
        .unwrap()
        .unwrap();
    let actions: Vec<AuditAction> = log.entries.iter().map(|e| e.action).collect();
    assert_eq!(
        actions,
        vec![
            AuditAction::Created,
            AuditAction::Edited,
            AuditAction::Undone
        ]
    );
    let edit = &log.entries[1];
    assert_eq!(edit.editor.office_name, "สำนักงานทดสอบ");
    assert_eq!(edit.changes.len(), 1);
    assert_eq!(edit.changes[0].field, "amount_requested");
    assert_eq!(
        (edit.changes[0].old.as_str(), edit.changes[0].new.as_str()),
        ("40000.00", "45000.00")
    );
    store.close();
}

/// Polls both futures until both are done, as two tabs run side by side.
async fn both<A: Future, B: Future>(a: A, b: B) -> (A::Output, B::Output) {
    let (mut a, mut b) = (Box::pin(a), Box::pin(b));
    let (mut ra, mut rb) = (None, None);
    std::future::poll_fn(|cx| {
        if ra.is_none() {
            if let Poll::Ready(v) = a.as_mut().poll(cx) {
                ra = Some(v);
            }
        }
        if rb.is_none() {
            if let Poll::Ready(v) = b.as_mut().poll(cx) {
                rb = Some(v);
            }
        }
        match (ra.take(), rb.take()) {
            (Some(x), Some(y)) => Poll::Ready((x, y)),
            (x, y) => {
                (ra, rb) = (x, y);
                Poll::Pending
            }
        }
    })
    .await
}

/// Two tabs (two connections) save the same record at the same moment: each entry lands in
/// the audit log, because each is added to the log inside its own write transaction.
#[wasm_bindgen_test]
async fn two_tabs_saving_the_same_record_at_once_both_land_in_its_audit_log() {
    const DB: &str = "mueang-test-forms-race";
    storage::delete_database(DB).await.unwrap();
    let (one, store) = tab(DB, "สมศรี").await;
    let (two, other) = tab(DB, "สมชาย").await;
    let city = north_2561().records.cities[0].clone();
    let (created, _) = store_version(one, city, SaveAction::Save).await.unwrap();
    // The second tab has followed the first (as `ui::tabs` makes it).
    two.dataset
        .update(|ds| ds.upsert(created.clone().into_any()));
    let mut a = created.clone();
    a.name_en = "Tab one".into();
    let mut b = created.clone();
    b.name_th = "แท็บสอง".into();
    let (ra, rb) = both(
        store_version(one, a, SaveAction::Save),
        store_version(two, b, SaveAction::Save),
    )
    .await;
    assert!(ra.is_some() && rb.is_some(), "both saves were written");

    let log: AuditLog = store
        .get(AUDIT_KIND, &created.meta.id.to_string())
        .await
        .unwrap()
        .unwrap();
    let entries: Vec<(AuditAction, &str, Vec<&str>)> = log
        .entries
        .iter()
        .map(|e| {
            let fields = e.changes.iter().map(|c| c.field.as_str()).collect();
            (e.action, e.editor.person.as_str(), fields)
        })
        .collect();
    assert_eq!(entries.len(), 3, "{entries:?}");
    assert_eq!(entries[0].0, AuditAction::Created);
    assert!(entries.contains(&(AuditAction::Edited, "สมศรี", vec!["name_en"])));
    assert!(entries.contains(&(AuditAction::Edited, "สมชาย", vec!["name_th"])));
    store.close();
    other.close();
}

#[wasm_bindgen_test]
async fn a_shipped_province_saved_before_it_is_stored_keeps_the_edit() {
    const DB: &str = "mueang-test-forms-province";
    storage::delete_database(DB).await.unwrap();
    let (app, store) = tab(DB, "").await;
    let mut krabi = mueang::domain::reference::provinces()
        .into_iter()
        .find(|p| p.code == "TH-81")
        .unwrap();
    krabi.region_id = mueang::domain::reference::region_id("north");
    let (saved, previous) = store_version(app, krabi.clone(), SaveAction::Save)
        .await
        .unwrap();
    assert_eq!(
        previous.unwrap().region_id,
        mueang::domain::reference::region_id("south")
    );
    assert_eq!(
        saved.meta.created_at, krabi.meta.created_at,
        "an edit of the shipped record"
    );
    let on_disk: Dataset = store
        .load_grouped(&mueang::ui::state::kind_keys())
        .await
        .unwrap();
    let stored = on_disk
        .provinces
        .iter()
        .find(|p| p.code == "TH-81")
        .unwrap();
    assert_eq!(
        stored.region_id,
        mueang::domain::reference::region_id("north")
    );
    assert_eq!(on_disk.provinces.len(), 77);
    let log: AuditLog = store
        .get(AUDIT_KIND, &saved.meta.id.to_string())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(log.entries[0].action, AuditAction::Edited);
    assert_eq!(log.entries[0].changes[0].field, "region_id");
    store.close();
}
