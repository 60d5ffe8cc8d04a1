//! The whole bad-bundle corpus (`tests/fixtures/bad-bundles/`, embedded through its one
//! list, `cases.rs`) through the app's own import in headless Chromium: the browser opens
//! files with Web Crypto's hashing and keeps record texts, so it must refuse exactly what
//! the native opener refuses, with the same code, and leave IndexedDB as it was.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use mueang::domain::example::north_2561;
use mueang::domain::meta::{Editor, OfficeId};
use mueang::domain::sync::purge::strip_tombstones;
use mueang::domain::sync::{normalize, purge_tombstones};
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

mod common;
use common::browser::dump;

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
    let bytes_before = dump("t-corpus").await;

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
            let bundle = opened.unwrap_or_else(|e| panic!("{}: refused: {e:?}", case.name));
            import_valid(case.name, &exp, bundle).await;
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
        dump("t-corpus").await,
        bytes_before,
        "not byte for byte as it was"
    );
    assert_eq!(
        store.journal().await.unwrap().len(),
        journal,
        "something was written"
    );
    assert_eq!(load_peers(&store).await.unwrap(), Default::default());
}

/// A valid case imported into a device of its own holding the example (the city named by
/// `delete_first` deleted there first), and read back from IndexedDB as merged — less the
/// tombstones the import purged, every known office having them — with the checks its
/// `expected.json` asks for.
async fn import_valid(name: &str, exp: &serde_json::Value, bundle: mueang::domain::sync::Bundle) {
    const DB: &str = "t-corpus-valid";
    let (app, sync, store) = app_on(DB).await;
    let mut local = north_2561().records;
    if let Some(id) = exp["delete_first"].as_str() {
        let city = local
            .cities
            .iter_mut()
            .find(|c| c.meta.id.to_string() == id)
            .unwrap_or_else(|| panic!("{name}: no city {id}"));
        city.meta.deleted = true;
        city.meta.touch(
            &Editor {
                office_id: OfficeId("a".into()),
                office_name: "a".into(),
                person: String::new(),
            },
            chrono::DateTime::from_timestamp(1_530_000_000, 0).unwrap(),
        );
        strip_tombstones(&mut local);
    }
    let seed = local.clone();
    app.apply(replace_all("seed", &local).unwrap(), move |ds| *ds = seed)
        .await
        .expect("seed");
    let outcome = app
        .dataset
        .with_untracked(|local| merge_bundles(local, &[&bundle]));
    let p = outcome.preview.total();
    for (what, got) in [("conflict", p.conflict), ("restored", p.restored)] {
        if let Some(want) = exp[what].as_u64() {
            assert_eq!(got as u64, want, "{name}: {what} in the preview");
        }
    }
    let mut merged = outcome.dataset.clone();
    let mut t = Timings::default();
    apply_import(app, sync, &[&bundle], outcome, Progress::new(), &mut t)
        .await
        .unwrap_or_else(|| panic!("{name}: not saved"));
    purge_tombstones(&mut merged, &load_peers(&store).await.unwrap());
    let stored = load_dataset(&store).await.unwrap();
    assert_eq!(normalize(&stored), normalize(&merged), "{name}");
    let everything: String = dump(DB)
        .await
        .into_iter()
        .map(|(_, _, v)| String::from_utf8_lossy(&v).into_owned())
        .collect();
    for secret in exp["absent"].as_array().into_iter().flatten() {
        let secret = secret.as_str().unwrap();
        assert!(!everything.contains(secret), "{name}: {secret:?} is stored");
    }
    if let Some(max) = exp["max_versions"].as_u64() {
        let most = stored
            .cities
            .iter()
            .map(|c| {
                1 + stored
                    .conflicts
                    .cities
                    .iter()
                    .filter(|s| s.meta.id == c.meta.id)
                    .count()
            })
            .max()
            .unwrap_or(0) as u64;
        assert!(
            (2..=max).contains(&most),
            "{name}: a city keeps {most} versions"
        );
    }
    if let Some(code) = exp["finding"].as_str() {
        let today = chrono::NaiveDate::from_ymd_opt(2018, 6, 1).unwrap();
        let findings = mueang::domain::rules::check(&stored, today);
        assert!(
            findings.iter().any(|f| f.rule.code() == code),
            "{name}: no {code}"
        );
    }
    store.close();
}
