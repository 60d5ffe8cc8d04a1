//! The measurements of `make bench`, run in the page `/sync?bench` (see tests/e2e/bench/):
//!
//! 1. the whole import of a bundle into this (empty) device, step by step, through the same
//!    functions the import screen uses (read, parse and check, hash, merge, plan, write);
//! 2. the same bundle again (the no-op re-import: everything checked, nothing written);
//! 3. the naive way in the same page: one IndexedDB `put` per record (a structured object),
//!    all in one transaction, into a separate database.
//!
//! Times only; the Node script prints them and the ratios, and never asserts them.

use std::future::IntoFuture;

use idb::{DatabaseEvent, Factory, ObjectStoreParams, TransactionMode};
use leptos::prelude::*;
use serde::Serialize;
use wasm_bindgen::JsValue;

use crate::domain::records::{Dataset, KindVisitor, Record, RecordKind};
use crate::sync::files::read_file;
use crate::ui::state::AppState;
use crate::ui::sync::context::SyncState;
use crate::ui::sync::pipeline::{
    apply_import, file_text, merge_bundles, open_bundle, FileText, Timings,
};
use crate::ui::sync::progress::{now, Progress};

const NAIVE_DB: &str = "mueang-bench-naive";
const NAIVE_STORE: &str = "records";

#[derive(Debug, Default, Serialize)]
struct Run {
    steps: Timings,
    /// Wall time from the bytes to the in-memory dataset, yields for painting included.
    wall: f64,
    written: usize,
    changed: bool,
}

#[derive(Debug, Default, Serialize)]
struct Naive {
    /// Serialising each record on its own and `JSON.parse` into a structured object.
    to_objects: f64,
    /// One `put` per record, then the commit.
    puts_and_commit: f64,
    total: f64,
}

#[derive(Debug, Default, Serialize)]
struct Report {
    records: usize,
    bytes: usize,
    read_ms: f64,
    import_empty: Run,
    reimport: Run,
    naive: Naive,
    error: Option<String>,
}

/// Runs every measurement on `file` (only the first import when `only_import`, for
/// profiling); returns the report as JSON (or an `error`).
pub async fn run_bench(
    app: AppState,
    sync: SyncState,
    file: web_sys::File,
    only_import: bool,
) -> String {
    let mut report = Report::default();
    if let Err(e) = measure(app, sync, file, only_import, &mut report).await {
        report.error = Some(e);
    }
    serde_json::to_string(&report).unwrap_or_default()
}

async fn measure(
    app: AppState,
    sync: SyncState,
    file: web_sys::File,
    only_import: bool,
    report: &mut Report,
) -> Result<(), String> {
    let start = now();
    let bytes = read_file(&file).await?;
    report.read_ms = now() - start;
    report.bytes = bytes.len();

    // A copy for the second import, made before the clock starts.
    report.import_empty = import_once(app, sync, bytes.clone()).await?;
    report.records = app.dataset.with_untracked(Dataset::total_len);
    if only_import {
        return Ok(());
    }
    report.reimport = import_once(app, sync, bytes).await?;

    let records = app.dataset.with_untracked(|ds| {
        let mut all = Records(Vec::new());
        let mut v = Collect { ds, out: &mut all };
        RecordKind::visit_all(&mut v);
        all
    });
    report.naive = naive(records).await.map_err(|e| format!("naive: {e:?}"))?;
    Ok(())
}

/// One import as the import screen does it (without the person's click).
async fn import_once(app: AppState, sync: SyncState, bytes: Vec<u8>) -> Result<Run, String> {
    let progress = Progress::new();
    progress.start();
    let start = now();
    let mut steps = Timings::default();
    let file: FileText = file_text(bytes).map_err(|e| format!("{e:?}"))?;
    let bundle = open_bundle(file, None, progress, &mut steps)
        .await
        .map_err(|e| format!("{e:?}"))?;
    let t = now();
    let outcome = app
        .dataset
        .with_untracked(|local| merge_bundles(local, &[&bundle]));
    steps.merge = now() - t;
    let changed = !outcome.preview.changes_nothing();
    let applied = apply_import(app, sync, &[&bundle], outcome, progress, &mut steps)
        .await
        .ok_or("the import was not saved")?;
    // The import screen lets go of the bundle once saved: that is part of the import's time.
    drop(bundle);
    progress.finish();
    Ok(Run {
        steps,
        wall: now() - start,
        written: applied.written,
        changed,
    })
}

/// Each record as (id, its own JSON).
struct Records(Vec<(String, String)>);

struct Collect<'a> {
    ds: &'a Dataset,
    out: &'a mut Records,
}

impl KindVisitor for Collect<'_> {
    fn visit<R: Record>(&mut self) {
        for r in R::all(self.ds) {
            if let Ok(json) = serde_json::to_string(r) {
                let key = format!("{}/{}", R::KIND.key(), r.meta().id);
                self.out.0.push((key, json));
            }
        }
    }
}

/// The naive way: one structured `put` per record in one transaction.
async fn naive(records: Records) -> Result<Naive, idb::Error> {
    let factory = Factory::new()?;
    factory.delete(NAIVE_DB)?.await?;
    let mut request = factory.open(NAIVE_DB, Some(1))?;
    request.on_upgrade_needed(|event| {
        if let Ok(db) = event.database() {
            let _ = db.create_object_store(NAIVE_STORE, ObjectStoreParams::new());
        }
    });
    let db = request.into_future().await?;

    let start = now();
    let objects: Vec<(JsValue, JsValue)> = records
        .0
        .iter()
        .filter_map(|(k, json)| {
            js_sys::JSON::parse(json)
                .ok()
                .map(|o| (JsValue::from_str(k), o))
        })
        .collect();
    let to_objects = now() - start;

    let start = now();
    let tx = db.transaction(&[NAIVE_STORE], TransactionMode::ReadWrite)?;
    let store = tx.object_store(NAIVE_STORE)?;
    for (key, value) in &objects {
        store.put(value, Some(key))?;
    }
    tx.await?;
    let puts_and_commit = now() - start;
    db.close();
    Ok(Naive {
        to_objects,
        puts_and_commit,
        total: to_objects + puts_and_commit,
    })
}
