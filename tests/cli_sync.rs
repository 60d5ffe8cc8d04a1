//! `mueang merge` and `mueang diff`, run in-process on the fixture bundles.

use std::path::PathBuf;

mod common;

use mueang::domain::sync::canonical::sha256_hex;
use mueang::domain::sync::{list_conflicts, records_text, verify};

const FIX: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/bad-bundles");

fn fixture(case: &str) -> String {
    format!("{FIX}/{case}/input.json")
}

fn scratch(name: &str) -> PathBuf {
    common::scratch("cli-sync", name)
}

use common::mueang;

#[test]
fn merge_writes_a_verified_bundle_and_prints_the_preview_and_conflicts() {
    let out = scratch("merged.json");
    let o = out.to_str().unwrap();
    let (code, stdout, stderr) = mueang(&[
        "merge",
        &fixture("valid-minimal"),
        &fixture("script-tags-in-names"),
        "-o",
        o,
        "--office",
        "national",
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("cities"), "{stdout}");
    assert!(stdout.contains("records in conflict"), "{stdout}");
    let merged = verify(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(merged.exported_by().office_id.0, "national");
    // The hand-edited names share a version with the originals: both are kept.
    assert_eq!(list_conflicts(merged.records()).len(), 2);

    // The other order gives the same data.
    let out2 = scratch("merged-2.json");
    let (code, _, _) = mueang(&[
        "merge",
        &fixture("script-tags-in-names"),
        &fixture("valid-minimal"),
        "-o",
        out2.to_str().unwrap(),
    ]);
    assert_eq!(code, 0);
    assert_eq!(
        verify(&std::fs::read_to_string(&out2).unwrap())
            .unwrap()
            .records(),
        merged.records()
    );
}

#[test]
fn merge_compact_writes_the_app_s_canonical_form_with_the_same_data() {
    let pretty = scratch("merged-pretty.json");
    let compact = scratch("merged-compact.json");
    let input = fixture("valid-minimal");
    for (out, extra) in [(&pretty, None), (&compact, Some("--compact"))] {
        let mut args = vec!["merge", &input];
        args.extend(["-o", out.to_str().unwrap()]);
        args.extend(extra);
        let (code, _, stderr) = mueang(&args);
        assert_eq!(code, 0, "{stderr}");
    }
    let pretty = std::fs::read_to_string(&pretty).unwrap();
    let compact = std::fs::read_to_string(&compact).unwrap();
    assert!(pretty.contains("\n  "), "the default stays indented");
    assert!(!compact.contains('\n'), "compact JSON has no line breaks");
    // Its records text is what the checksum covers, so an import hashes it as it is.
    let bundle = verify(&compact).unwrap();
    let records = records_text(&compact).unwrap();
    assert_eq!(sha256_hex(records.as_bytes()), bundle.manifest().sha256);
    assert_eq!(bundle.records(), verify(&pretty).unwrap().records());
}

#[test]
fn merge_writes_nothing_if_any_input_is_refused() {
    let out = scratch("never.json");
    let (code, _, stderr) = mueang(&[
        "merge",
        &fixture("valid-minimal"),
        &fixture("checksum-mismatch"),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(stderr.contains("checksum"), "{stderr}");
    assert!(stderr.contains("ไม่ตรงกับค่าตรวจสอบ"), "{stderr}");
    assert!(!out.exists());
}

#[test]
fn merge_opens_encrypted_inputs_with_the_passphrase() {
    let out = scratch("from-locked.json");
    let locked = fixture("encrypted-right-passphrase");
    let o = out.to_str().unwrap();
    let (code, _, stderr) = mueang(&["merge", &locked, "-o", o, "--passphrase", "ผิด"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("Wrong passphrase"), "{stderr}");
    let (code, _, stderr) = mueang(&["merge", &locked, "-o", o, "--passphrase", "ถูกต้อง-right"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(verify(&std::fs::read_to_string(&out).unwrap()).is_ok());
}

#[test]
fn diff_lists_differences_per_kind_and_exits_zero() {
    let (code, stdout, stderr) = mueang(&[
        "diff",
        &fixture("valid-minimal"),
        &fixture("script-tags-in-names"),
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("differing / ต่างกัน"), "{stdout}");
    let (code, stdout, _) = mueang(&["diff", &fixture("valid-minimal"), &fixture("valid-minimal")]);
    assert_eq!(code, 0);
    assert!(stdout.contains("The data is the same"), "{stdout}");
    let (code, stdout, _) = mueang(&[
        "diff",
        "--json",
        &fixture("valid-minimal"),
        &fixture("script-tags-in-names"),
    ]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["cities"]["differing"].as_array().unwrap().len(), 1);
    assert_eq!(v["regions"]["same"], 1);
    let (code, _, stderr) = mueang(&["diff", &fixture("valid-minimal"), &fixture("truncated")]);
    assert_eq!(code, 2);
    assert!(stderr.contains("partly downloaded"));
}
