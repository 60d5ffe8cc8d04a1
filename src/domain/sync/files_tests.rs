use std::collections::{BTreeMap, BTreeSet};

use super::*;
use crate::domain::example::north_2561;
use crate::domain::meta::{Editor, OfficeId, RecordMeta};
use crate::domain::records::Attachment;
use crate::domain::records::Project;
use crate::domain::sync::{encrypt, export_full, open, verify, Bundle};

pub(crate) fn office() -> Editor {
    Editor {
        office_id: OfficeId("north".into()),
        office_name: "สำนักงานภาคเหนือ".into(),
        person: "ทดสอบ".into(),
    }
}

/// The example with one project holding a photo and a PDF, and their bytes.
pub(crate) fn with_files() -> (Dataset, BTreeMap<String, Vec<u8>>) {
    let mut ds = north_2561().records;
    let city = ds.cities[0].meta.id;
    let fy = crate::domain::dates::FiscalYear(2561);
    let mut p = Project::new(RecordMeta::shipped("p"), city, fy);
    p.title = "ลานกีฬา".into();
    p.proposer = "ชุมชน".into();
    let mut blobs = BTreeMap::new();
    for (name, media_type, bytes) in [
        ("ลาน.jpg", "image/jpeg", vec![0xFF, 0xD8, 1, 2, 3, 4, 5]),
        ("รายงาน.pdf", "application/pdf", b"%PDF-1.4 report".to_vec()),
    ] {
        let sha256 = sha256_hex(&bytes);
        p.attachments.push(Attachment {
            sha256: sha256.clone(),
            media_type: media_type.into(),
            size: bytes.len() as u64,
            file_name: name.into(),
        });
        blobs.insert(sha256, bytes);
    }
    ds.projects.push(p);
    (ds, blobs)
}

fn bundle(
    ds: &Dataset,
    blobs: &BTreeMap<String, Vec<u8>>,
    mode: FilesMode,
    held: &BTreeSet<String>,
) -> Bundle {
    let (files, note) = files_to_send(ds, mode, held, |sha| blobs.get(sha).cloned());
    export_full(
        ds,
        &office(),
        chrono::DateTime::from_timestamp(1_517_800_000, 0).unwrap(),
    )
    .with_files(files, note)
}

#[test]
fn carried_files_arrive_checked_with_their_bytes() {
    let (ds, blobs) = with_files();
    let text = bundle(&ds, &blobs, FilesMode::Included, &BTreeSet::new()).to_json();
    let back = verify(&text).unwrap();
    let got: BTreeMap<String, Vec<u8>> = back
        .files()
        .iter()
        .map(|f| (f.sha256.clone(), f.bytes.clone()))
        .collect();
    assert_eq!(got, blobs);
    let note = back.manifest().attachments.unwrap();
    assert_eq!(
        (note.mode, note.files, note.not_carried),
        (FilesMode::Included, 2, 0)
    );
    assert!(
        back.document().attachments.is_empty(),
        "the text is not kept beside the bytes"
    );
    let (files_at, records_at) = (text.find("\"attachments\":"), text.rfind("\"records\":"));
    assert!(files_at.unwrap() < records_at.unwrap(), "records stay last");
}

#[test]
fn left_out_or_already_held_files_are_not_carried_and_the_manifest_says_so() {
    let (ds, blobs) = with_files();
    let back =
        verify(&bundle(&ds, &blobs, FilesMode::LeftOut, &BTreeSet::new()).to_json()).unwrap();
    assert!(back.files().is_empty());
    let note = back.manifest().attachments.unwrap();
    assert_eq!(
        (note.mode, note.files, note.not_carried),
        (FilesMode::LeftOut, 0, 2)
    );

    let held: BTreeSet<String> = blobs.keys().take(1).cloned().collect();
    let back = verify(&bundle(&ds, &blobs, FilesMode::Included, &held).to_json()).unwrap();
    assert_eq!(back.files().len(), 1, "only what the other office lacks");
    assert!(!held.contains(&back.files()[0].sha256));
    assert_eq!(back.manifest().attachments.unwrap().not_carried, 1);
}

/// Changes the first carried file of a bundle's JSON with `spoil`.
fn tampered(text: &str, spoil: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut v: serde_json::Value = serde_json::from_str(text).unwrap();
    spoil(&mut v["attachments"][0]);
    v.to_string()
}

#[test]
fn a_file_whose_bytes_do_not_match_is_refused_and_nothing_is_kept() {
    let (ds, blobs) = with_files();
    let text = bundle(&ds, &blobs, FilesMode::Included, &BTreeSet::new()).to_json();
    let b64 = |b: &[u8]| base64::engine::general_purpose::STANDARD.encode(b);
    let cases: Vec<(String, &str)> = vec![
        (
            tampered(&text, |f| {
                let engine = base64::engine::general_purpose::STANDARD;
                let mut bytes = engine.decode(f["data"].as_str().unwrap()).unwrap();
                bytes[0] ^= 1;
                f["data"] = b64(&bytes).into();
            }),
            "รหัสตรวจสอบ",
        ),
        (
            tampered(&text, |f| f["data"] = "not base64!".into()),
            "อ่านไฟล์แนบ",
        ),
        (
            tampered(&text, |f| f["size"] = 3.into()),
            "ไม่มีรายการใดอ้างถึง",
        ),
        (
            tampered(&text, |f| f["media_type"] = "text/html".into()),
            "ไม่มีรายการใดอ้างถึง",
        ),
        (
            tampered(&text, |f| {
                f["sha256"] = sha256_hex(b"x").into();
                f["data"] = b64(b"x").into();
                f["size"] = 1.into();
            }),
            "ไม่มีรายการใดอ้างถึง",
        ),
    ];
    for (bad, th) in cases {
        let err = verify(&bad).unwrap_err();
        assert_eq!(err.code(), "attachment_refused", "{}", err.message_en());
        assert!(err.message_th().contains(th), "{}", err.message_th());
        assert!(
            err.message_en().contains("nothing is imported"),
            "{}",
            err.message_en()
        );
    }
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["attachments"].as_array_mut().unwrap().pop();
    assert_eq!(
        verify(&v.to_string()).unwrap_err().code(),
        "attachment_refused",
        "one missing"
    );
}

#[test]
fn a_locked_bundle_locks_its_files_too() {
    let (ds, blobs) = with_files();
    let text = bundle(&ds, &blobs, FilesMode::Included, &BTreeSet::new()).to_json();
    let locked = encrypt(&text, "รหัสผ่านยาวพอสมควร 2561").unwrap();
    let pdf = base64::engine::general_purpose::STANDARD.encode(b"%PDF-1.4 report");
    assert!(text.contains(&pdf) && !locked.contains(&pdf));
    let back = open(locked.as_bytes(), Some("รหัสผ่านยาวพอสมควร 2561")).unwrap();
    assert_eq!(back.files().len(), 2);
}
