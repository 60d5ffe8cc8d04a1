//! Issue 10, part 8, in a real browser: an import stopped midway — the quota used up after
//! some chunks were written, or the transaction aborted as when the tab is killed — leaves
//! IndexedDB byte for byte as it was: every object store (chunks, meta, journal) is dumped
//! before and after and compared. The stop comes from the storage layer's fault seam
//! (`storage::fault`, debug builds only), placed between two chunk writes of the one
//! import transaction, after a kind was cleared for writing whole.
#![cfg(target_arch = "wasm32")]

mod common;
use common::browser::{dump, import_from_b};
use leptos::prelude::*;
use mueang::domain::example::north_2561;
use mueang::domain::meta::{Editor, OfficeId, RecordId};
use mueang::domain::records::Dataset;
use mueang::domain::sync::normalize;
use mueang::storage::fault::{inject, Fault};
use mueang::storage::{self, Settings, Store};
use mueang::sync::load_dataset;
use mueang::ui::i18n::Msg;
use mueang::ui::records::replace_all;
use mueang::ui::state::AppState;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const DB: &str = "t-abort";

/// The example as office b edited it: every city, instalment and grant changed (so those
/// kinds are written whole), one city more, one deleted.
fn edited_by_b(base: &Dataset) -> Dataset {
    let b = Editor {
        office_id: OfficeId("b".into()),
        office_name: "สำนักงาน b".into(),
        person: "ทดสอบ".into(),
    };
    let at = chrono::DateTime::from_timestamp(1_600_000_000, 0).unwrap();
    let mut ds = base.clone();
    for c in &mut ds.cities {
        c.name_en.push_str(" (b)");
        c.meta.touch(&b, at);
    }
    for i in &mut ds.instalments {
        i.meta.touch(&b, at);
    }
    for g in &mut ds.committee_grants {
        g.meta.touch(&b, at);
    }
    for g in &mut ds.province_grants {
        g.meta.touch(&b, at);
    }
    let mut extra = ds.cities[0].clone();
    extra.meta.id = RecordId::new_v4();
    ds.cities.push(extra);
    ds.mous[0].meta.deleted = true;
    ds.mous[0].meta.touch(&b, at);
    ds
}

#[wasm_bindgen_test]
async fn an_import_stopped_midway_leaves_indexeddb_byte_identical() {
    storage::delete_database(DB).await.unwrap();
    let store = Store::open(DB, || {}).await.unwrap();
    let example = normalize(&north_2561().records);
    store
        .apply(replace_all("seed", &example).unwrap())
        .await
        .unwrap();
    let app = AppState::new(Settings {
        office_id: "a".into(),
        office_name: "สำนักงาน a".into(),
        ..Settings::default()
    });
    app.store.set(Some(store.clone()));
    app.dataset.set(load_dataset(&store).await.unwrap());
    let incoming = edited_by_b(&example);
    let before = dump(DB).await;
    assert!(before.iter().any(|(s, _, _)| s == "journal"));
    assert!(before.iter().any(|(s, _, _)| s == "meta"));
    let memory = app.dataset.get_untracked();

    for fault in [
        Fault::QuotaAfter(0),
        Fault::QuotaAfter(2),
        Fault::KilledAfter(1),
        Fault::KilledAfter(3),
    ] {
        app.notices.set(Vec::new());
        inject(fault);
        assert!(!import_from_b(app, &incoming).await, "{fault:?}: must fail");
        assert_eq!(dump(DB).await, before, "{fault:?}: IndexedDB changed");
        assert_eq!(
            app.dataset.get_untracked(),
            memory,
            "{fault:?}: memory changed"
        );
        if matches!(fault, Fault::QuotaAfter(_)) {
            let told = app
                .notices
                .with_untracked(|n| n.iter().any(|n| n.msg == Msg::ErrQuotaExceeded));
            assert!(told, "{fault:?}: the person is told the storage is full");
        }
    }

    // The same import without a fault is stored: the comparison above could fail.
    assert!(import_from_b(app, &incoming).await);
    let after = dump(DB).await;
    assert_ne!(after, before);
    assert!(load_dataset(&store)
        .await
        .unwrap()
        .cities
        .iter()
        .any(|c| c.name_en.ends_with(" (b)")));
}
