//! The corpus of bad bundles in `tests/fixtures/bad-bundles/`: each case is a folder with
//! `input.json` (or `input.bin`) and `expected.json` giving the error `code` and a piece of
//! the English (`en`) and Thai (`th`) message it must get, or `"valid": true` for edge cases
//! that must import (script tags in names, a byte-order mark, an old schema). Every case is
//! imported into a store holding the example data, which must be unchanged after a refusal.
//! Large and deep inputs are generated here rather than committed.

use std::path::{Path, PathBuf};

use mueang::domain::example::north_2561;
use mueang::domain::records::Dataset;
use mueang::domain::sync::canonical::sha256_hex;
use mueang::domain::sync::{
    file_text, import, prepare_by, unlock, verify, BundleError, Import, Reader,
};
use serde::Deserialize;

#[path = "fixtures/bad-bundles/cases.rs"]
mod cases;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/bad-bundles");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    code: Option<String>,
    en: Option<String>,
    th: Option<String>,
    #[serde(default)]
    valid: bool,
    passphrase: Option<String>,
    /// For valid cases: text that must come through unchanged as a city's Thai name.
    contains: Option<String>,
    /// For valid cases: how many city tombstones must arrive.
    deleted: Option<usize>,
    /// For valid cases: the city with this id is deleted here before the import.
    delete_first: Option<String>,
    /// For valid cases: what the preview must count, over all kinds.
    conflict: Option<usize>,
    restored: Option<usize>,
    /// For valid cases: texts that must be nowhere in what is stored after the import.
    absent: Option<Vec<String>>,
    /// For valid cases: the most versions (shown and in conflict) any city may keep.
    max_versions: Option<usize>,
    /// For valid cases: a finding the rules must give on the stored data.
    finding: Option<String>,
}

/// Deletes the city `id` in `store` as this office would: a stripped tombstone.
fn delete_here(store: &mut Dataset, id: &str) -> Result<(), String> {
    let here = mueang::domain::meta::Editor {
        office_id: mueang::domain::meta::OfficeId("here".into()),
        office_name: "here".into(),
        person: String::new(),
    };
    let at = chrono::DateTime::from_timestamp(1_530_000_000, 0).unwrap();
    let city = store
        .cities
        .iter_mut()
        .find(|c| c.meta.id.to_string() == id)
        .ok_or(format!("no city {id} to delete first"))?;
    city.meta.deleted = true;
    city.meta.touch(&here, at);
    mueang::domain::sync::purge::strip_tombstones(store);
    Ok(())
}

/// The checks of the valid cases on what the import stored.
fn check_stored(
    name: &str,
    exp: &Expected,
    imported: &Import,
    store: &Dataset,
) -> Result<(), String> {
    let p = imported.outcome.preview.total();
    for (what, want, got) in [
        ("conflict", exp.conflict, p.conflict),
        ("restored", exp.restored, p.restored),
    ] {
        if want.is_some_and(|n| n != got) {
            return Err(format!(
                "{name}: the preview counts {got} {what}, not {want:?}"
            ));
        }
    }
    let text = serde_json::to_string(store).unwrap();
    for secret in exp.absent.iter().flatten() {
        if text.contains(secret.as_str()) {
            return Err(format!("{name}: {secret:?} is stored"));
        }
    }
    if let Some(max) = exp.max_versions {
        let most = store
            .cities
            .iter()
            .map(|c| {
                1 + store
                    .conflicts
                    .cities
                    .iter()
                    .filter(|s| s.meta.id == c.meta.id)
                    .count()
            })
            .max()
            .unwrap_or(0);
        if most > max || most < 2 {
            return Err(format!(
                "{name}: a city keeps {most} versions (at most {max})"
            ));
        }
    }
    if let Some(code) = &exp.finding {
        let today = chrono::NaiveDate::from_ymd_opt(2018, 6, 1).unwrap();
        let findings = mueang::domain::rules::check(store, today);
        if !findings.iter().any(|f| f.rule.code() == code.as_str()) {
            return Err(format!("{name}: no {code} finding"));
        }
    }
    Ok(())
}

/// The store as the app keeps it: replaced only by a successful import.
fn import_into(
    store: &mut Dataset,
    bytes: &[u8],
    passphrase: Option<&str>,
) -> Result<Import, BundleError> {
    let imported = import(store, bytes, passphrase)?;
    *store = imported.outcome.dataset.clone();
    Ok(imported)
}

fn cases() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(DIR)
        .expect("the corpus folder exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs
}

fn input(dir: &Path) -> Vec<u8> {
    std::fs::read(dir.join("input.json"))
        .or_else(|_| std::fs::read(dir.join("input.bin")))
        .unwrap()
}

/// Runs one case; returns a description of what went wrong, if anything.
fn run_case(dir: &Path) -> Result<(), String> {
    let name = dir.file_name().unwrap().to_string_lossy().to_string();
    let exp: Expected =
        serde_json::from_str(&std::fs::read_to_string(dir.join("expected.json")).unwrap())
            .map_err(|e| format!("{name}: bad expected.json: {e}"))?;
    let mut original = north_2561().records;
    if let Some(id) = &exp.delete_first {
        delete_here(&mut original, id)?;
    }
    let mut store = original.clone();
    let result = import_into(&mut store, &input(dir), exp.passphrase.as_deref());
    match (result, exp.valid) {
        (Ok(imported), true) => {
            let cities = &imported.bundle.records().cities;
            if let Some(text) = &exp.contains {
                if !cities.iter().any(|c| &c.name_th == text) {
                    return Err(format!("{name}: the name did not come through as text"));
                }
                // And it survives another trip out and in, byte for byte.
                let again =
                    verify(&imported.bundle.to_json()).map_err(|e| format!("{name}: {e}"))?;
                if again.records() != imported.bundle.records() {
                    return Err(format!("{name}: not the same after a second trip"));
                }
            }
            if let Some(n) = exp.deleted {
                let found = cities.iter().filter(|c| c.meta.deleted).count();
                if found != n {
                    return Err(format!("{name}: {found} tombstones, expected {n}"));
                }
            }
            check_stored(&name, &exp, &imported, &store)
        }
        (Ok(_), false) => Err(format!("{name}: imported, but must be refused")),
        (Err(e), true) => Err(format!(
            "{name}: refused ({}: {}), but must import",
            e.code(),
            e.message_en()
        )),
        (Err(e), false) => {
            if store != original {
                return Err(format!("{name}: the store changed after a refused import"));
            }
            let code = exp.code.as_deref().unwrap_or("?");
            if e.code() != code {
                return Err(format!(
                    "{name}: code {} instead of {code}: {}",
                    e.code(),
                    e.message_en()
                ));
            }
            for (msg, want) in [(e.message_en(), &exp.en), (e.message_th(), &exp.th)] {
                let want = want
                    .as_deref()
                    .ok_or(format!("{name}: expected.json needs en and th"))?;
                if !msg.contains(want) {
                    return Err(format!("{name}: message {msg:?} lacks {want:?}"));
                }
            }
            Ok(())
        }
    }
}

#[test]
fn every_case_in_the_corpus_gets_its_message_and_leaves_the_store_alone() {
    let dirs = cases();
    let refused = dirs
        .iter()
        .filter(|d| {
            !std::fs::read_to_string(d.join("expected.json"))
                .unwrap()
                .contains("\"valid\"")
        })
        .count();
    assert!(
        refused >= 20,
        "the corpus must hold at least 20 bad bundles, has {refused}"
    );
    let failures: Vec<String> = dirs.iter().filter_map(|d| run_case(d).err()).collect();
    assert!(
        failures.is_empty(),
        "{} case(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The browser test reads the corpus from the embedded list: it must be the whole corpus.
#[test]
fn the_embedded_list_of_cases_is_the_corpus_folder() {
    let folders: Vec<String> = cases()
        .iter()
        .map(|d| d.file_name().unwrap().to_string_lossy().to_string())
        .collect();
    let listed: Vec<String> = cases::CASES.iter().map(|c| c.name.to_string()).collect();
    assert_eq!(
        listed, folders,
        "tests/fixtures/bad-bundles/cases.rs must list every folder, in order"
    );
    for case in cases::CASES {
        assert_eq!(
            case.input,
            input(&Path::new(DIR).join(case.name)),
            "{}",
            case.name
        );
    }
}

/// The typed reader (tried first) and the tree reader (the fallback) must refuse the same
/// files, or a file refused by one could be let in by the other; a file both accept must
/// give the same records. Older files are migrated by the tree reader only.
#[test]
fn both_readers_give_the_same_verdict_on_every_case() {
    let mut compared = 0;
    let mut failures = Vec::new();
    for case in cases::CASES {
        let exp: Expected = serde_json::from_str(case.expected).unwrap();
        let Ok(file) = file_text(case.input.to_vec()) else {
            continue;
        };
        let Ok(text) = unlock(file, exp.passphrase.as_deref()) else {
            continue;
        };
        let older = serde_json::from_str::<serde_json::Value>(text.trim_start_matches('\u{feff}'))
            .ok()
            .and_then(|v| v["schema_version"].as_u64())
            .is_some_and(|v| v < 1);
        if older {
            continue;
        }
        let verdict = |reader| {
            prepare_by(&text, reader).and_then(|p| {
                let sum = sha256_hex(p.canonical_bytes());
                p.finish(&sum)
            })
        };
        let (typed, tree) = (verdict(Reader::Typed), verdict(Reader::Tree));
        compared += 1;
        match (&typed, &tree) {
            (Ok(a), Ok(b)) if a.records() == b.records() => {}
            (Err(_), Err(_)) => {}
            _ => failures.push(format!(
                "{}: typed {:?}, tree {:?}",
                case.name,
                typed
                    .as_ref()
                    .map(|_| "accepted")
                    .map_err(BundleError::code),
                tree.as_ref().map(|_| "accepted").map_err(BundleError::code)
            )),
        }
    }
    assert!(compared >= 30, "only {compared} cases compared");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// What an import stores as it came (each record's text) is what was checked: every text
/// kept reads back, by the reader storage loads with, as exactly the record imported.
#[test]
fn kept_record_texts_read_back_as_the_records_checked() {
    let mut kept = 0;
    // The corpus is indented, so its checksums come from the types; an export is compact.
    let example = north_2561();
    let by = example.records.cities[0].meta.updated_by.clone();
    let export = mueang::domain::sync::export_full(&example.records, &by, chrono::Utc::now());
    let exported = export.to_json().into_bytes();
    let inputs = cases::CASES
        .iter()
        .map(|c| (c.name, c.input, c.expected))
        .chain([("an export", exported.as_slice(), "{}")]);
    for (name, input, expected) in inputs {
        let exp: Expected = serde_json::from_str(expected).unwrap();
        let Ok(b) = mueang::domain::sync::open(input, exp.passphrase.as_deref()) else {
            continue;
        };
        let Some(texts) = b.record_texts() else {
            continue;
        };
        for kind in mueang::domain::records::RecordKind::ALL {
            let Some(list) = texts.of_kind(kind.key()) else {
                continue;
            };
            let one_kind = format!("{{\"{}\":[{}]}}", kind.key(), list.join(","));
            let back: Dataset = serde_json::from_str(&one_kind)
                .unwrap_or_else(|e| panic!("{name}: a kept text does not load: {e}"));
            let (back, checked) = (
                serde_json::to_value(&back).unwrap(),
                serde_json::to_value(b.records()).unwrap(),
            );
            assert_eq!(
                back[kind.key()],
                checked[kind.key()],
                "{name}: {}",
                kind.key()
            );
            kept += list.len();
        }
    }
    assert!(kept > 0, "no case kept its record texts");
}

#[test]
fn a_valid_bundle_imports_and_changes_the_store() {
    let mut store = Dataset::default();
    let bytes = input(&Path::new(DIR).join("valid-minimal"));
    let imported = import_into(&mut store, &bytes, None).unwrap();
    assert_eq!(imported.outcome.preview.total().new, 4);
    assert_eq!(store.cities.len(), 1);
    // The same bundle again changes nothing.
    let again = import_into(&mut store, &bytes, None).unwrap();
    assert!(again.outcome.preview.changes_nothing());
    assert_eq!(again.outcome.preview.total().unchanged, 4);
}

/// The corpus checksums were computed by an independent implementation (Python's
/// `json.dumps(sort_keys=True, separators=(",", ":"), ensure_ascii=False)`), so this also
/// checks that the canonical form is what docs/sync.md says, not just what Rust does.
#[test]
fn corpus_checksums_come_from_an_independent_implementation() {
    let text = std::fs::read_to_string(Path::new(DIR).join("valid-minimal/input.json")).unwrap();
    let b = verify(&text).unwrap();
    let records: serde_json::Value =
        serde_json::from_str::<serde_json::Value>(&text).unwrap()["records"].clone();
    assert_eq!(
        b.manifest().sha256,
        mueang::domain::sync::canonical::records_checksum(&records)
    );
    // Empty lists the types add do not change it.
    assert_eq!(
        b.manifest().sha256,
        mueang::domain::sync::canonical::dataset_checksum(b.records())
    );
}

fn assert_refused(bytes: &[u8], code: &str) {
    let original = north_2561().records;
    let mut store = original.clone();
    let err = import_into(&mut store, bytes, None).unwrap_err();
    assert_eq!(err.code(), code, "{}", err.message_en());
    assert_eq!(store, original);
    assert!(!err.message_th().is_empty() && !err.message_en().is_empty());
}

#[test]
fn fifty_megabytes_of_junk_are_refused_without_trouble() {
    const SIZE: usize = 50 * 1024 * 1024;
    // Printable junk: not JSON.
    let mut x: u32 = 0x9e37_79b9;
    let junk: Vec<u8> = (0..SIZE)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            b' ' + (x % 94) as u8
        })
        .collect();
    assert_refused(&junk, "malformed");
    // Binary junk: not even text.
    let binary: Vec<u8> = junk.iter().map(|b| b.wrapping_mul(3)).collect();
    assert_refused(&binary, "not_text");
    // A real header followed by 50 MB of one endless string: cut short.
    let mut endless = br#"{"format":"mueang-data","schema_version":1,"manifest":{},"records":{"cities":[{"name_th":""#.to_vec();
    endless.extend(std::iter::repeat_n(b'a', SIZE));
    assert_refused(&endless, "malformed");
}

#[test]
fn nesting_a_hundred_thousand_deep_is_refused_without_overflowing_the_stack() {
    let depth = 100_000;
    let mut deep =
        String::from(r#"{"format":"mueang-data","schema_version":1,"records":{"cities":"#);
    deep.push_str(&"[".repeat(depth));
    deep.push_str(&"]".repeat(depth));
    deep.push_str("}}");
    assert_refused(deep.as_bytes(), "malformed");
    let objects = "{\"a\":".repeat(depth) + &"}".repeat(depth);
    assert_refused(objects.as_bytes(), "malformed");
}

#[test]
fn every_truncation_of_a_valid_bundle_is_refused() {
    let bytes = input(&Path::new(DIR).join("valid-minimal"));
    let text = String::from_utf8(bytes).unwrap();
    let cuts: Vec<usize> = (0..text.len())
        .step_by(97)
        .filter(|&i| text.is_char_boundary(i))
        .collect();
    for cut in cuts {
        let r = import(&Dataset::default(), &text.as_bytes()[..cut], None);
        assert!(r.is_err(), "a bundle cut at byte {cut} was accepted");
    }
}

#[test]
fn a_flipped_byte_never_panics_and_never_changes_the_records_silently() {
    let bytes = input(&Path::new(DIR).join("valid-minimal"));
    let original = verify(std::str::from_utf8(&bytes).unwrap()).unwrap();
    for i in (0..bytes.len()).step_by(13) {
        let mut damaged = bytes.clone();
        damaged[i] ^= 0x04;
        if let Ok(b) = mueang::domain::sync::verify_bytes(&damaged) {
            // Only bytes outside the records (spacing, the bundle id, the sender's name)
            // may change without a refusal.
            assert_eq!(
                b.records(),
                original.records(),
                "byte {i} changed the records unnoticed"
            );
        }
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 300, ..Default::default() })]

    /// Whatever arrives, reading it returns an answer; it never panics.
    #[test]
    fn any_input_gets_an_answer(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..400),
                                text in "\\PC{0,200}") {
        let _ = mueang::domain::sync::open(&bytes, Some("x"));
        let _ = mueang::domain::sync::open(text.as_bytes(), None);
        let wrapped = format!(r#"{{"format":"mueang-data","schema_version":1,"manifest":{text},"records":{{"cities":[{text}]}}}}"#);
        let _ = verify(&wrapped);
    }
}
