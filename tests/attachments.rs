//! Attachments on records (issue #13): file format v4, old files, hostile references and
//! their place in a record's history.

use chrono::{DateTime, Utc};
use mueang::domain::dates::FiscalYear;
use mueang::domain::document::{Document, SCHEMA_VERSION};
use mueang::domain::editing::audit::entry_for;
use mueang::domain::example::north_2561;
use mueang::domain::forms::meeting_form::new_meeting;
use mueang::domain::meta::{stable_id, RecordMeta};
use mueang::domain::meta::{Editor, OfficeId};
use mueang::domain::records::Project;
use mueang::domain::records::{Attachment, Dataset};
use mueang::domain::sync::{export_full, verify, verify_data_file};

fn office(id: &str) -> Editor {
    Editor {
        office_id: OfficeId(id.into()),
        office_name: format!("สำนักงาน {id}"),
        person: "ทดสอบ".into(),
    }
}

fn t0() -> DateTime<Utc> {
    DateTime::from_timestamp(1_517_800_000, 0).unwrap()
}

fn committed(path: &str) -> String {
    let full = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()))
}

fn photo(name: &str, digit: char) -> Attachment {
    Attachment {
        sha256: digit.to_string().repeat(64),
        media_type: "image/jpeg".into(),
        size: 281_344,
        file_name: name.into(),
    }
}

/// The example with a project and a meeting (it ships none).
fn example() -> Dataset {
    let mut ds = north_2561().records;
    let city = ds.cities[0].meta.id;
    let mut p = Project::new(RecordMeta::shipped("p"), city, FiscalYear(2561));
    p.title = "ปรับปรุงทางเดิน".into();
    p.proposer = "ชุมชนริมน้ำ".into();
    ds.projects.push(p);
    ds.meetings.push(new_meeting(
        RecordMeta::shipped("m"),
        stable_id("committee"),
    ));
    ds
}

#[test]
fn a_version_3_file_reads_unchanged_and_version_4_writes_the_same_records() {
    let text = committed("tests/fixtures/v3/north-2561.json");
    assert!(
        text.contains("\"schema_version\": 3"),
        "the fixture is version 3"
    );
    let example = north_2561();
    let doc = Document::parse(&text).unwrap();
    assert_eq!(doc.schema_version, SCHEMA_VERSION);
    assert_eq!(doc.records, example.records);
    assert_eq!(verify_data_file(&text).unwrap().records, example.records);
    let now = format!("{}\n", example.to_json());
    let v3 = now.replacen(
        &format!("\"schema_version\": {SCHEMA_VERSION}"),
        "\"schema_version\": 3",
        1,
    );
    assert_eq!(v3, text, "records without attachments keep their bytes");
}

#[test]
fn a_version_3_bundle_still_imports() {
    let b = export_full(&north_2561().records, &office("north"), t0());
    let v4 = b.to_json();
    let v3 = v4.replacen(
        &format!("\"schema_version\":{SCHEMA_VERSION}"),
        "\"schema_version\":3",
        1,
    );
    assert_ne!(v3, v4);
    assert_eq!(verify(&v3).unwrap().records(), b.records());
}

#[test]
fn a_bundle_with_attachments_verifies_and_carries_them() {
    let mut ds = example();
    ds.projects[0].attachments.push(photo("งานเทพื้น.jpg", 'a'));
    ds.meetings[0]
        .attachments
        .push(photo("รายชื่อผู้เข้าประชุม.jpg", 'b'));
    let b = export_full(&ds, &office("north"), t0());
    let back = verify(&b.to_json()).unwrap();
    assert_eq!(
        back.records().projects[0].attachments[0].file_name,
        "งานเทพื้น.jpg"
    );
    assert_eq!(back.records().projects, ds.projects);
    assert_eq!(back.records().meetings, ds.meetings);
}

/// Each hostile reference, exported by a tampered device (so its checksum is right), is
/// refused on import with a Thai and an English message naming the field.
#[test]
fn hostile_references_are_refused_with_a_message_in_both_languages() {
    type Spoil = fn(&mut Attachment);
    let cases: [(&str, Spoil); 6] = [
        ("sha256", |a| a.sha256 = "../../secret".into()),
        ("sha256", |a| a.sha256 = "A".repeat(64)),
        ("media_type", |a| a.media_type = "text/html".into()),
        ("size", |a| a.size = u64::MAX),
        ("size", |a| a.size = 0),
        ("file_name", |a| a.file_name = "a/b.jpg".into()),
    ];
    for (field, spoil) in cases {
        let mut ds = example();
        let mut a = photo("ok.jpg", 'c');
        spoil(&mut a);
        ds.instalments[0].attachments.push(a);
        let err = verify(&export_full(&ds, &office("x"), t0()).to_json()).unwrap_err();
        let (th, en) = (err.message_th(), err.message_en());
        let path = format!("attachments[0].{field}");
        assert!(en.contains(&path), "{field}: {en}");
        assert!(
            th.contains(&path) && th.contains("ค่าเกินขอบเขต"),
            "{field}: {th}"
        );
        assert!(en.len() < 500, "short: {en}");
    }
}

#[test]
fn a_megabyte_file_name_is_refused_while_reading_with_a_short_message() {
    let mut ds = north_2561().records;
    ds.mous[0]
        .attachments
        .push(photo(&"ก".repeat(400_000), 'd'));
    let err = verify(&export_full(&ds, &office("x"), t0()).to_json()).unwrap_err();
    assert!(
        err.message_en().contains("file_name"),
        "{}",
        err.message_en()
    );
    assert!(err.message_en().len() < 1_000);
}

#[test]
fn attaching_and_removing_a_file_is_one_change_each_in_the_records_history() {
    let before = example().projects[0].clone();
    let mut after = before.clone();
    after.attachments.push(photo("ก่อน.jpg", '1'));
    after.attachments.push(photo("หลัง.jpg", '2'));
    let who = office("north");
    after.meta.touch(&who, t0());
    let added = entry_for(Some(&before), &after, None);
    assert_eq!(added.editor, who);
    let shown: Vec<(&str, &str)> = added
        .changes
        .iter()
        .map(|c| (c.old.as_str(), c.new.as_str()))
        .collect();
    assert_eq!(shown, [("", "ก่อน.jpg"), ("", "หลัง.jpg")]);
    let mut removed = after.clone();
    removed.attachments.remove(0);
    let gone = entry_for(Some(&after), &removed, None);
    assert_eq!(
        gone.changes.len(),
        1,
        "the other file did not move: {gone:?}"
    );
    assert_eq!(
        (gone.changes[0].old.as_str(), gone.changes[0].new.as_str()),
        ("ก่อน.jpg", "")
    );
}
