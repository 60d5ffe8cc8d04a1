//! The whole bad-bundle corpus (`tests/fixtures/bad-bundles/`, embedded through its one
//! list, `cases.rs`) through the app's own import in headless Chromium: the browser opens
//! files with Web Crypto's hashing and keeps record texts, so it must refuse exactly what
//! the native opener refuses, with the same code, and leave IndexedDB as it was.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use mueang::domain::example::north_2561;
use mueang::domain::sync::normalize;
use mueang::storage::{self, Settings, Store};
use mueang::sync::{load_dataset, load_peers};
use mueang::ui::records::replace_all;
use mueang::ui::state::AppState;
use mueang::ui::sync::context::SyncState;
use mueang::ui::sync::pipeline::{
    apply_import, file_text, merge_bundles, open_bundle, OpenError, Timings,
};
use mueang::ui::sync::progress::Progress;
use wasm_bindgen_test::*;

#[path = "fixtures/bad-bundles/cases.rs"]
mod cases;

wasm_bindgen_test_configure!(run_in_browser);

async fn app_on(name: &str) -> (AppState, SyncState, Store) {
    storage::delete_database(name).await.expect("delete");
    let store = Store::open(name, || {}).await.expect("open");
    let app = AppState::new(Settings {
        office_id: "a".into(),
        office_name: "สำนักงาน a".into(),
        ..Settings::default()
    });
    app.store.set(Some(store.clone()));
    let sync = SyncState {
        last_export: RwSignal::new(None),
        peers: RwSignal::new(None),
    };
    (app, sync, store)
}

#[wasm_bindgen_test]
async fn every_bad_bundle_is_refused_by_the_app_and_indexeddb_is_unchanged() {
    let (app, _, store) = app_on("t-corpus").await;
    let example = north_2561().records;
    app.apply(replace_all("seed", &example).unwrap(), |ds| {
        *ds = example.clone()
    })
    .await
    .expect("seed");
    let before = normalize(&load_dataset(&store).await.unwrap());
    let journal = store.journal().await.unwrap().len();

    let (mut refused, mut imported) = (0, 0);
    for case in cases::CASES {
        let exp: serde_json::Value = serde_json::from_str(case.expected).unwrap();
        let passphrase = exp["passphrase"].as_str();
        let mut t = Timings::default();
        let opened = match file_text(case.input.to_vec()) {
            Ok(file) => open_bundle(file, passphrase, Progress::new(), &mut t).await,
            Err(e) => Err(e),
        };
        if exp["valid"] == true {
            // Imported into a device of its own, and read back from IndexedDB as merged.
            let bundle = opened.unwrap_or_else(|e| panic!("{}: refused: {e:?}", case.name));
            let (app2, sync2, store2) = app_on("t-corpus-valid").await;
            let outcome = app2
                .dataset
                .with_untracked(|local| merge_bundles(local, &[&bundle]));
            let merged = outcome.dataset.clone();
            let mut t = Timings::default();
            apply_import(app2, sync2, &[bundle], outcome, Progress::new(), &mut t)
                .await
                .unwrap_or_else(|| panic!("{}: not saved", case.name));
            let stored = load_dataset(&store2).await.unwrap();
            assert_eq!(normalize(&stored), normalize(&merged), "{}", case.name);
            store2.close();
            imported += 1;
            continue;
        }
        let code = match opened {
            Ok(_) => panic!("{}: imported, but must be refused", case.name),
            Err(OpenError::NeedsPassphrase) => "encrypted",
            Err(OpenError::Bundle(e)) => e.code(),
        };
        assert_eq!(Some(code), exp["code"].as_str(), "{}", case.name);
        refused += 1;
    }
    assert_eq!(refused + imported, cases::CASES.len());
    assert!(
        refused >= 20 && imported >= 3,
        "{refused} refused, {imported} imported"
    );

    let after = normalize(&load_dataset(&store).await.unwrap());
    assert_eq!(after, before, "IndexedDB changed");
    assert_eq!(
        store.journal().await.unwrap().len(),
        journal,
        "something was written"
    );
    assert_eq!(load_peers(&store).await.unwrap(), Default::default());
}
