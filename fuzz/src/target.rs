//! The fuzz target's body, shared by the fuzzer (`fuzz/fuzz_targets/open_merge_rules.rs`)
//! and the native replay of the committed corpus (`tests/fuzz_corpus.rs`), so `cargo test`
//! runs every input the fuzzer kept through exactly what was fuzzed. It uses only the
//! library's public API and is not part of the app: the release wasm never contains it.
//!
//! One input is a file's bytes. It goes through:
//! 1. the opener exactly as the app and `mueang check` use it (checksum enforced);
//! 2. the opener again with the checksum taken as stated, because a mutation almost never
//!    keeps a SHA-256 right: without this the fuzzer would stop at the checksum and never
//!    reach the checks after it, the merge or the rules;
//! 3. merge into a small office (the valid-minimal fixture, whose ids real bundles share),
//!    and again (merge is idempotent: the second changes nothing);
//! 4. the rules and the dashboard, reconciliation and CSV over the merged data;
//! 5. a full export of the merged data, which must verify and read back the same.
//!
//! Passes when nothing panics and those laws hold. Locked files are tried without a
//! passphrase: PBKDF2's 600,000 rounds would make one run take a third of a second.

use std::sync::{Arc, OnceLock};

use chrono::{DateTime, NaiveDate};
use mueang::domain::meta::Editor;
use mueang::domain::records::Dataset;
use mueang::domain::reports::{dashboard, fiscal_years, reconcile_all, Scope};
use mueang::domain::rules::check;
use mueang::domain::sync::{export_full, file_text, merge, open, verify, Opening};
use mueang::domain::{export, sync::Bundle};

const LOCAL: &[u8] = include_bytes!("../../tests/fixtures/bad-bundles/valid-minimal/input.json");

fn local() -> &'static Dataset {
    static LOCAL_DATA: OnceLock<Dataset> = OnceLock::new();
    LOCAL_DATA.get_or_init(|| {
        open(LOCAL, None)
            .expect("the valid-minimal fixture opens")
            .into_records()
    })
}

/// Runs one input; panics on a crash or a broken law.
pub fn run(data: &[u8]) {
    let strict = open(data, None);
    let Some(bundle) = open_trusting_checksum(data) else {
        assert!(
            strict.is_err(),
            "the checksum-trusting opener refused a file the real one accepted"
        );
        return;
    };
    if let Ok(accepted) = &strict {
        assert_eq!(accepted.records(), bundle.records());
    }
    let incoming = bundle.records();

    let once = merge(local(), incoming);
    let twice = merge(&once.dataset, incoming);
    assert!(
        twice.dataset == once.dataset,
        "merging the same bundle twice changed the data"
    );

    rules_and_reports(&once.dataset);
    export_round_trip(&once.dataset, &bundle);
}

/// The opener with the checksum taken as the manifest states it.
fn open_trusting_checksum(data: &[u8]) -> Option<Bundle> {
    let file = file_text(data.to_vec()).ok()?;
    let mut opening = Opening::new(Arc::clone(&file)).ok()?;
    while opening.to_hash().is_some() {
        let stated = opening.stated_sha256().unwrap_or_default().to_string();
        opening.hashed(stated);
    }
    opening.finish().ok()
}

fn rules_and_reports(ds: &Dataset) {
    let today = NaiveDate::from_ymd_opt(2018, 4, 1).expect("a date");
    let findings = check(ds, today);
    let _ = export::to_csv(&export::findings(ds, &findings));
    // At most three years: a file can name many, and each costs a full pass.
    for fy in fiscal_years(ds).into_iter().take(3) {
        let scope = Scope::country(fy);
        let d = dashboard(ds, scope, today, 30);
        let _ = export::to_csv(&export::dashboard_rows(&d));
        let _ = export::to_csv(&export::reconciliations(&reconcile_all(ds, scope)));
        let _ = export::to_csv(&export::projects(ds, scope));
    }
}

fn export_round_trip(ds: &Dataset, from: &Bundle) {
    let editor: Editor = from.exported_by().clone();
    let now = DateTime::from_timestamp(1_522_540_800, 0).expect("a time");
    let text = export_full(ds, &editor, now).to_json();
    match verify(&text) {
        Ok(back) => assert!(back.records() == ds, "an export read back differently"),
        Err(e) => panic!("an export of accepted data does not verify: {e:?}"),
    }
}
