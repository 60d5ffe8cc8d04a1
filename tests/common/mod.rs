//! Helpers shared by the table-driven tests.

#![allow(dead_code)] // each test crate uses a different part

/// Rows of `tests/fixtures/{folder}/{name}`: tab-separated fields with their line numbers,
/// `#` comments and blank lines skipped. Fields are not trimmed, because spaces inside an
/// input are part of what is tested. A fixture with no rows fails, so a table emptied by
/// mistake cannot pass silently.
pub fn tsv_rows(folder: &str, name: &str) -> Vec<(usize, Vec<String>)> {
    let path = format!(
        "{}/tests/fixtures/{folder}/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let rows: Vec<_> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| (i + 1, l.split('\t').map(str::to_owned).collect()))
        .collect();
    assert!(!rows.is_empty(), "{path} has no rows");
    rows
}

/// Helpers for the browser tests (`tests/web_*.rs`).
#[cfg(target_arch = "wasm32")]
pub mod browser {
    /// How long [`wait_until`] waits by default: far longer than any state change here
    /// takes, so only a state that never comes reaches it.
    pub const WAIT_MS: f64 = 5_000.0;

    /// Resolves on the page's next animation frame, after the tasks and effects queued so
    /// far (IndexedDB callbacks, Leptos' effects, timers) have had their turn.
    pub async fn next_frame() {
        let p = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window()
                .unwrap()
                .request_animation_frame(&resolve)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
    }

    /// Checks `cond` once per frame until it holds; fails naming `what` after
    /// [`WAIT_MS`]. A wait for the state a test expects, so a slow machine only makes it
    /// slower, never wrong (a fixed sleep would assert before the state arrived).
    pub async fn wait_until(what: &str, mut cond: impl FnMut() -> bool) {
        let start = js_sys::Date::now();
        while !cond() {
            let waited = js_sys::Date::now() - start;
            assert!(waited < WAIT_MS, "waited {waited} ms for {what}");
            next_frame().await;
        }
    }

    /// Every entry of every object store of database `name`, as (store, key, value), the
    /// value as its exact bytes (`b:` a Uint8Array or ArrayBuffer, `s:` a string, `j:` the
    /// JSON of anything else), read on a connection of its own. Two dumps are equal only
    /// if IndexedDB holds byte for byte the same.
    pub async fn dump(name: &str) -> Vec<(String, String, Vec<u8>)> {
        use idb::{Factory, TransactionMode};
        let db = Factory::new()
            .unwrap()
            .open(name, None)
            .unwrap()
            .await
            .unwrap();
        let mut out = Vec::new();
        for store_name in db.store_names() {
            let tx = db
                .transaction(&[store_name.as_str()], TransactionMode::ReadOnly)
                .unwrap();
            let store = tx.object_store(&store_name).unwrap();
            let keys = store.get_all_keys(None, None).unwrap().await.unwrap();
            let values = store.get_all(None, None).unwrap().await.unwrap();
            assert_eq!(keys.len(), values.len());
            for (k, v) in keys.iter().zip(values) {
                let key = k
                    .as_string()
                    .or_else(|| k.as_f64().map(|n| n.to_string()))
                    .unwrap_or_else(|| format!("{k:?}"));
                out.push((store_name.clone(), key, value_bytes(&v)));
            }
        }
        db.close();
        out
    }

    fn value_bytes(v: &wasm_bindgen::JsValue) -> Vec<u8> {
        use wasm_bindgen::JsCast;
        if let Some(s) = v.as_string() {
            return [b"s:".as_slice(), s.as_bytes()].concat();
        }
        if v.is_instance_of::<js_sys::Uint8Array>() || v.is_instance_of::<js_sys::ArrayBuffer>() {
            return [b"b:".as_slice(), &js_sys::Uint8Array::new(v).to_vec()].concat();
        }
        let json = js_sys::JSON::stringify(v)
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_default();
        [b"j:".as_slice(), json.as_bytes()].concat()
    }

    /// Writes `bytes` as they are under `key` in the `chunks` store of database `name`,
    /// past the app's write path: how a damaged entry gets there (a crash mid-write in an
    /// older browser, a disk error, another program).
    pub async fn put_raw_chunk(name: &str, key: &str, bytes: &[u8]) {
        use idb::{Factory, TransactionMode};
        let db = Factory::new()
            .unwrap()
            .open(name, None)
            .unwrap()
            .await
            .unwrap();
        let tx = db
            .transaction(&["chunks"], TransactionMode::ReadWrite)
            .unwrap();
        let value: wasm_bindgen::JsValue = js_sys::Uint8Array::from(bytes).into();
        tx.object_store("chunks")
            .unwrap()
            .put(&value, Some(&wasm_bindgen::JsValue::from_str(key)))
            .unwrap()
            .await
            .unwrap();
        assert!(tx.await.unwrap().is_committed());
        db.close();
    }

    /// A verified full bundle of `ds` exported by office b, opened as the import screen
    /// opens files (Web Crypto's hashing).
    pub async fn bundle_from_b(
        ds: &mueang::domain::records::Dataset,
    ) -> mueang::domain::sync::Bundle {
        use mueang::ui::sync::pipeline::{file_text, open_bundle, Timings};
        let who = mueang::domain::meta::Editor {
            office_id: mueang::domain::meta::OfficeId("b".into()),
            office_name: "สำนักงาน b".into(),
            person: "ทดสอบ".into(),
        };
        let at = chrono::DateTime::from_timestamp(1_517_800_000, 0).unwrap();
        let draft = mueang::domain::sync::draft_full(ds, &who, at);
        let sum = mueang::sync::digest::sha256_hex(draft.canonical_bytes()).await;
        let bytes = draft.finish(&sum).to_json().into_bytes();
        let mut t = Timings::default();
        let progress = mueang::ui::sync::progress::Progress::new();
        open_bundle(file_text(bytes).unwrap(), None, progress, &mut t)
            .await
            .expect("opens")
    }

    /// Imports `ds` as a bundle from office b into `app`, as the import screen does once
    /// the person confirms. True if it was stored.
    pub async fn import_from_b(
        app: mueang::ui::state::AppState,
        ds: &mueang::domain::records::Dataset,
    ) -> bool {
        use leptos::prelude::*;
        use mueang::ui::sync::pipeline::{apply_import, merge_bundles, Timings};
        let bundle = bundle_from_b(ds).await;
        let outcome = app
            .dataset
            .with_untracked(|local| merge_bundles(local, &[&bundle]));
        let sync = mueang::ui::sync::context::SyncState {
            last_export: RwSignal::new(None),
            peers: RwSignal::new(None),
        };
        let mut t = Timings::default();
        let progress = mueang::ui::sync::progress::Progress::new();
        apply_import(app, sync, &[&bundle], outcome, progress, &mut t)
            .await
            .is_some()
    }
}

/// A path in a per-process scratch folder named after the test file (`prefix`), so
/// parallel test binaries never share one.
#[cfg(not(target_arch = "wasm32"))]
pub fn scratch(prefix: &str, name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("mueang-{prefix}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

/// The `mueang` command run in-process: exit code, stdout, stderr.
#[cfg(not(target_arch = "wasm32"))]
pub fn mueang(args: &[&str]) -> (u8, String, String) {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = mueang::cli::run(
        std::iter::once("mueang").chain(args.iter().copied()),
        &mut out,
        &mut err,
    );
    (
        code,
        String::from_utf8(out).unwrap(),
        String::from_utf8(err).unwrap(),
    )
}
