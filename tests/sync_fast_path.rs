//! The fast checksum path: an exported bundle writes its records last and in canonical
//! form, so a receiver can hash that slice of the file; anything else falls back to the
//! canonical bytes and gets the same answer.

use chrono::{DateTime, Duration, Utc};
use mueang::domain::example::north_2561;
use mueang::domain::meta::{Editor, OfficeId};
use mueang::domain::records::Dataset;
use mueang::domain::sync::canonical::{canonical_of, canonical_records, sha256_hex};
use mueang::domain::sync::{
    draft_full, export_full, merge, prepare, records_text, verify, Bundle, BundleError, Opening,
};

fn office(id: &str) -> Editor {
    Editor {
        office_id: OfficeId(id.into()),
        office_name: format!("สำนักงาน {id}"),
        person: "ทดสอบ".into(),
    }
}

fn t(minutes: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_517_800_000, 0).unwrap() + Duration::minutes(minutes)
}

/// The example with a three-way conflict and a tombstone, so every list is exercised.
fn with_conflict() -> Dataset {
    let base = north_2561().records;
    let mut sides = Vec::new();
    for (i, who) in ["a", "b", "c"].iter().enumerate() {
        let mut ds = base.clone();
        ds.cities[2].name_en = format!("side {who}");
        ds.cities[2].meta.touch(&office(who), t(i as i64));
        if i == 0 {
            ds.cities[5].meta.deleted = true;
            ds.cities[5].meta.touch(&office(who), t(0));
        }
        sides.push(ds);
    }
    let ab = merge(&sides[0], &sides[1]).dataset;
    merge(&ab, &sides[2]).dataset
}

#[test]
fn an_export_writes_its_records_canonically_and_last() {
    let ds = with_conflict();
    assert!(!ds.conflicts.is_empty());
    let bundle = export_full(&ds, &office("north"), t(9));
    let text = bundle.to_json();
    let raw = records_text(&text).expect("records are the last field");
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(raw.as_bytes(), canonical_records(&value["records"]));
    assert_eq!(sha256_hex(raw.as_bytes()), bundle.manifest().sha256);
    // Header fields are still there and read back.
    let back = verify(&text).unwrap();
    assert_eq!(back.exported_by(), &office("north"));
    assert_eq!(back.manifest(), bundle.manifest());
}

#[test]
fn a_bundle_reads_back_exactly_conflict_order_included() {
    let bundle = export_full(&with_conflict(), &office("north"), t(9));
    let back = verify(&bundle.to_json()).unwrap();
    assert_eq!(back.records(), bundle.records());
    // And a verified bundle written out again is the same file, checksum included.
    assert_eq!(back.to_json(), bundle.to_json());
}

#[test]
fn two_phase_export_equals_the_one_step_export() {
    let ds = with_conflict();
    let draft = draft_full(&ds, &office("north"), t(9));
    assert_eq!(
        draft.record_count(),
        mueang::domain::sync::normalize(&ds).total_len()
    );
    let sum = sha256_hex(draft.canonical_bytes());
    let two: Bundle = draft.finish(&sum);
    let one = export_full(&ds, &office("north"), t(9));
    assert_eq!(two.records(), one.records());
    assert_eq!(two.manifest().sha256, one.manifest().sha256);
}

#[test]
fn files_that_are_not_canonical_still_verify_by_the_slow_path() {
    let bundle = export_full(&with_conflict(), &office("north"), t(9));
    // Pretty-printed (fields in struct order, indented): the slice does not match.
    let pretty = bundle.to_json_pretty();
    let prepared = prepare(&pretty).unwrap();
    let raw = records_text(&pretty).unwrap();
    assert_ne!(
        Some(sha256_hex(raw.as_bytes()).as_str()),
        prepared.stated_sha256()
    );
    assert_eq!(verify(&pretty).unwrap().records(), bundle.records());
    // Records not last: still fine.
    let mut v: serde_json::Value = serde_json::from_str(&bundle.to_json()).unwrap();
    let records = v.as_object_mut().unwrap().remove("records").unwrap();
    let rest = serde_json::to_string(&v).unwrap();
    let text = format!("{{\"records\":{},{}", records, &rest[1..]);
    assert!(text.starts_with("{\"records\""));
    assert_eq!(verify(&text).unwrap().records(), bundle.records());
}

#[test]
fn a_damaged_record_is_refused_with_the_canonical_sum() {
    let bundle = export_full(&with_conflict(), &office("north"), t(9));
    let text = bundle.to_json().replacen("side b", "side B", 1);
    // The computed sum reported is the canonical one, not the slice's.
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let canonical = sha256_hex(&canonical_records(&value["records"]));
    match verify(&text).unwrap_err() {
        BundleError::ChecksumMismatch { stated, computed } => {
            assert_eq!(stated, bundle.manifest().sha256);
            assert_eq!(computed, canonical);
        }
        other => panic!("{other:?}"),
    }
}

/// Each kind's record texts, parsed back by the typed reader, in the bundle's typed order.
fn texts_read_back(bundle: &Bundle) -> Vec<String> {
    let texts = bundle.record_texts().expect("texts kept");
    let cities = texts.of_kind("cities").expect("cities kept");
    assert_eq!(cities.len(), bundle.records().cities.len());
    for (text, city) in cities.iter().zip(&bundle.records().cities) {
        let back: mueang::domain::records::City = serde_json::from_str(text).unwrap();
        assert_eq!(&back, city);
        assert_eq!(
            *text,
            canonical_of(city),
            "the canonical text is what is lent"
        );
    }
    cities.iter().map(|s| s.to_string()).collect()
}

#[test]
fn a_pretty_file_lends_the_canonical_texts_its_checksum_was_computed_on() {
    let bundle = export_full(&with_conflict(), &office("north"), t(9));
    let opened = verify(&bundle.to_json_pretty()).unwrap();
    assert_eq!(opened.records(), bundle.records());
    texts_read_back(&opened);
    // In another order than by id: each text still goes with its own record.
    let mut v: serde_json::Value = serde_json::from_str(&bundle.to_json_pretty()).unwrap();
    v["records"]["cities"].as_array_mut().unwrap().reverse();
    let reversed = verify(&serde_json::to_string_pretty(&v).unwrap()).unwrap();
    let first = &reversed.records().cities[0];
    assert_eq!(
        first.meta.id,
        bundle.records().cities.last().unwrap().meta.id
    );
    let texts = texts_read_back(&reversed);
    assert!(texts[0].contains(&first.meta.id.to_string()));
}

#[test]
fn a_pretty_file_summed_on_its_own_text_is_still_accepted_and_a_bad_one_refused() {
    let bundle = export_full(&with_conflict(), &office("north"), t(9));
    let pretty = bundle.to_json_pretty();
    // A writer that summed its own (indented) records text: hashed last, still accepted.
    let own = sha256_hex(records_text(&pretty).unwrap().as_bytes());
    let summed_own = pretty.replacen(&bundle.manifest().sha256, &own, 1);
    assert_ne!(summed_own, pretty);
    let opened = verify(&summed_own).unwrap();
    assert_eq!(opened.records(), bundle.records());
    // Neither sum matches: refused, showing the canonical sum.
    let damaged = pretty.replacen("side b", "side B", 1);
    let value: serde_json::Value = serde_json::from_str(&damaged).unwrap();
    match verify(&damaged).unwrap_err() {
        BundleError::ChecksumMismatch { stated, computed } => {
            assert_eq!(stated, bundle.manifest().sha256);
            assert_eq!(computed, sha256_hex(&canonical_records(&value["records"])));
        }
        other => panic!("{other:?}"),
    }
}

/// Opens `file` as the browser does: the records text hashed before the parse when it may
/// be canonical (`Opening::early_hash`), then whatever is still asked for. Returns the
/// result and how many hashes were asked for after the early one.
fn open_early(file: &str) -> (Result<Bundle, BundleError>, usize) {
    let file = std::sync::Arc::new(file.to_string());
    let early = Opening::early_hash(&file).map(sha256_hex);
    let mut opening = match Opening::new(file) {
        Ok(o) => o,
        Err(e) => return (Err(e), 0),
    };
    if let Some(sum) = early {
        opening.hashed_early(sum);
    }
    let mut later = 0;
    while let Some(bytes) = opening.to_hash() {
        let sum = sha256_hex(bytes);
        opening.hashed(sum);
        later += 1;
    }
    (opening.finish(), later)
}

/// The same verdict, records and kept texts as opening without the early hash.
fn same_as_without(file: &str) -> usize {
    let (early, later) = open_early(file);
    match (early, verify(file)) {
        (Ok(a), Ok(b)) => {
            assert_eq!(a.records(), b.records());
            assert_eq!(a.manifest(), b.manifest());
            let texts = |x: &Bundle| {
                ["cities", "projects"].map(|kind| {
                    x.record_texts()
                        .and_then(|t| t.of_kind(kind))
                        .map(|c| c.join("\n"))
                })
            };
            assert_eq!(texts(&a), texts(&b));
        }
        (a, b) => assert_eq!(a.err(), b.err()),
    }
    later
}

#[test]
fn hashing_the_records_text_before_the_parse_changes_no_verdict() {
    let bundle = export_full(&with_conflict(), &office("north"), t(9));
    let compact = bundle.to_json();
    // An exporter's file: its text hashed early is the checksum, nothing else is hashed.
    assert_eq!(
        Opening::early_hash(&compact),
        records_text(&compact).map(str::as_bytes)
    );
    assert_eq!(same_as_without(&compact), 0);
    // Its records' texts are kept, one for each record.
    let kept = open_early(&compact).0.unwrap();
    let cities = kept.record_texts().and_then(|t| t.of_kind("cities"));
    assert_eq!(cities.map(|c| c.len()), Some(kept.records().cities.len()));
    // Pretty-printed: nothing to start early; the canonical bytes as before.
    let pretty = bundle.to_json_pretty();
    assert_eq!(Opening::early_hash(&pretty), None);
    assert_eq!(same_as_without(&pretty), 1);
    // Damaged: the early sum does not match, the canonical bytes decide and refuse it.
    let damaged = compact.replacen("side b", "side B", 1);
    assert_eq!(same_as_without(&damaged), 1);
    assert!(matches!(
        open_early(&damaged).0,
        Err(BundleError::ChecksumMismatch { .. })
    ));
    // A data file without a manifest: the early sum is ignored.
    let data_file = serde_json::to_string(bundle.document()).unwrap();
    let mut no_manifest: serde_json::Value = serde_json::from_str(&data_file).unwrap();
    no_manifest.as_object_mut().unwrap().remove("manifest");
    same_as_without(&no_manifest.to_string());
    // And every file of the refusal corpus.
    let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/bad-bundles");
    let mut cases = 0;
    for dir in std::fs::read_dir(corpus).unwrap() {
        if let Ok(text) = std::fs::read_to_string(dir.unwrap().path().join("input.json")) {
            same_as_without(&text);
            cases += 1;
        }
    }
    assert!(cases > 10, "the corpus was read: {cases} cases");
}
