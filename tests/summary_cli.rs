//! `mueang check` and `mueang merge` read a summary without personal data and say that
//! names and phone numbers were left out; the e2e fixture (a fictional survey) holds names
//! and its summary none.

use std::path::PathBuf;

mod common;

use chrono::DateTime;
use mueang::domain::meta::Editor;
use mueang::domain::records::survey::count_personal_data;
use mueang::domain::sync::{draft_full, open};

const SURVEY: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/privacy/demo-survey-30.json"
);

fn scratch(name: &str) -> PathBuf {
    common::scratch("summary-cli", name)
}

use common::mueang;

/// The fixture's summary, written to a file.
fn summary_file() -> PathBuf {
    let bytes = std::fs::read(SURVEY).unwrap();
    let survey = open(&bytes, None).expect("the e2e fixture opens");
    assert_eq!(survey.records().households.len(), 30);
    assert!(survey
        .records()
        .households
        .iter()
        .all(|h| !h.head_name.is_empty()));
    assert!(
        count_personal_data(survey.records()) >= 60,
        "names and surveyors at least"
    );
    let at = DateTime::from_timestamp(1_517_800_000, 0).unwrap();
    let summary = draft_full(survey.records(), &Editor::office("codi-demo"), at)
        .without_personal_data()
        .finish_native();
    assert_eq!(count_personal_data(summary.records()), 0);
    let path = scratch("summary.json");
    std::fs::write(&path, summary.to_json()).unwrap();
    path
}

#[test]
fn check_and_merge_say_personal_data_was_left_out() {
    let file = summary_file();
    let f = file.to_str().unwrap();
    let (_, _, stderr) = mueang(&["check", f]);
    assert!(stderr.contains("ชื่อและเบอร์โทรไม่ได้รวมมา"), "{stderr}");
    assert!(
        stderr.contains("names and phone numbers not included"),
        "{stderr}"
    );
    let out = scratch("merged.json");
    let (code, _, stderr) = mueang(&["merge", SURVEY, f, "-o", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        stderr
            .matches("names and phone numbers not included")
            .count(),
        1
    );
    // Merged with the survey it came from, every name is kept.
    let merged = open(&std::fs::read(&out).unwrap(), None).unwrap();
    assert!(merged
        .records()
        .households
        .iter()
        .all(|h| !h.head_name.is_empty() && h.meta.left_out.is_empty()));
    // A whole bundle says nothing of the kind.
    let (_, _, stderr) = mueang(&["check", SURVEY]);
    assert!(!stderr.contains("not included"), "{stderr}");
}

#[test]
fn a_summary_that_holds_names_or_an_unknown_left_out_field_is_refused() {
    let survey = open(&std::fs::read(SURVEY).unwrap(), None).unwrap();
    let at = DateTime::from_timestamp(1_517_800_000, 0).unwrap();
    let text = draft_full(survey.records(), &Editor::office("codi-demo"), at)
        .without_personal_data()
        .finish_native()
        .to_json();
    // A name put back into a summary (its checksum recomputed, as a forger would).
    let mut doc: mueang::domain::document::Document = serde_json::from_str(&text).unwrap();
    doc.records.households[0].head_name = "นางสมมติ ใส่กลับ".into();
    doc.manifest.as_mut().unwrap().sha256 = mueang::domain::sync::canonical::sha256_hex(
        &mueang::domain::sync::canonical::dataset_canonical(&doc.records),
    );
    let e = open(serde_json::to_string(&doc).unwrap().as_bytes(), None).unwrap_err();
    assert!(
        e.message_en().contains("yet it holds names"),
        "{}",
        e.message_en()
    );
    assert!(e.message_th().contains("ยังมีชื่อ"), "{}", e.message_th());
    // A field that is not personal data named as left out.
    let mut doc: mueang::domain::document::Document = serde_json::from_str(&text).unwrap();
    doc.records.households[0].meta.left_out = vec!["members".into()];
    doc.manifest.as_mut().unwrap().sha256 = mueang::domain::sync::canonical::sha256_hex(
        &mueang::domain::sync::canonical::dataset_canonical(&doc.records),
    );
    let e = open(serde_json::to_string(&doc).unwrap().as_bytes(), None).unwrap_err();
    assert!(
        e.message_en().contains("not personal data"),
        "{}",
        e.message_en()
    );
}
