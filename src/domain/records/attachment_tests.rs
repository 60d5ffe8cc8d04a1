use super::*;
use crate::domain::example::north_2561;
use crate::domain::records::limits::{OutOfRange, Ranged};

fn photo(hash_digit: char) -> Attachment {
    Attachment {
        sha256: hash_digit.to_string().repeat(64),
        media_type: "image/jpeg".into(),
        size: 240_000,
        file_name: "ความคืบหน้า-1.jpg".into(),
    }
}

/// The example with a project, a meeting and a progress report (it ships none).
fn example() -> Dataset {
    use crate::domain::meta::{stable_id, RecordMeta};
    use crate::domain::records::Meeting;
    use crate::domain::records::Project;
    let mut ds = north_2561().records;
    let city = ds.cities[0].meta.id;
    for n in 0..2 {
        let meta = RecordMeta::shipped(&format!("test-project-{n}"));
        let mut p = Project::new(meta, city, crate::domain::dates::FiscalYear(2561));
        p.title = "ปรับปรุงทางเดิน".into();
        p.proposer = "ชุมชนริมน้ำ".into();
        ds.projects.push(p);
    }
    let meta = RecordMeta::shipped("test-meeting");
    ds.meetings.push(Meeting::new(meta, stable_id("committee")));
    let meta = RecordMeta::shipped("test-report");
    ds.progress_reports
        .push(ProgressReport::new(meta, ds.projects[0].meta.id));
    ds
}

fn problems<R: Ranged>(r: &R) -> Vec<OutOfRange> {
    let mut v = Vec::new();
    r.out_of_range(&mut |p| v.push(p));
    v
}

#[test]
fn a_well_formed_attachment_is_in_range_on_every_kind_that_holds_them() {
    let mut ds = example();
    ds.projects[0].attachments.push(photo('a'));
    ds.meetings[0].attachments.push(photo('b'));
    ds.mous[0].attachments.push(photo('c'));
    ds.instalments[0].attachments.push(photo('d'));
    ds.progress_reports[0].attachments.push(photo('a'));
    let mut found = Vec::new();
    ds.for_each(|r| r.out_of_range(&mut |p| found.push(p)));
    assert_eq!(found, []);
    assert_eq!(referenced(&ds).len(), 4);
}

#[test]
fn hostile_values_are_each_refused_with_their_field_and_what_is_allowed() {
    let mut p = example().projects[0].clone();
    let mut bad = photo('a');
    bad.sha256 = "A".repeat(64);
    bad.media_type = "text/html".into();
    bad.size = MAX_ATTACHMENT_BYTES + 1;
    bad.file_name = "../../etc/passwd\u{0}".into();
    p.attachments.push(bad);
    let mut zero = photo('b');
    zero.size = 0;
    zero.sha256 = "b".repeat(63);
    zero.file_name = "x".repeat(301);
    p.attachments.push(zero);
    let found = problems(&p);
    let fields: Vec<&str> = found.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "attachments[0].sha256",
            "attachments[0].media_type",
            "attachments[0].size",
            "attachments[0].file_name",
            "attachments[1].sha256",
            "attachments[1].size",
            "attachments[1].file_name",
        ]
    );
    assert_eq!(
        found[1].allowed,
        Allowed::Attachment(AttachmentRule::MediaType)
    );
    assert_eq!(found[6].allowed, Allowed::Length { max: 300 });
    for f in &found {
        assert!(
            !f.allowed.th().is_empty() && f.allowed.en().is_ascii(),
            "{f:?}"
        );
        assert!(f.value.chars().count() <= 60, "{f:?}");
    }
    assert!(found[1].allowed.th().contains("PDF"));
}

#[test]
fn too_many_attachments_on_one_record_are_refused() {
    let mut m = example().mous[0].clone();
    for i in 0..=MAX_ATTACHMENTS {
        let mut a = photo('0');
        a.sha256 = format!("{i:064x}");
        m.attachments.push(a);
    }
    let found = problems(&m);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].field, "attachments");
    m.attachments.pop();
    assert!(problems(&m).is_empty());
}

#[test]
fn the_same_file_is_attached_once_and_known_once_across_records() {
    let mut list = vec![photo('a')];
    assert!(!add_once(&mut list, photo('a')), "same bytes, same file");
    assert!(add_once(&mut list, photo('b')));
    assert_eq!(list.len(), 2);
    let mut ds = example();
    ds.projects[0].attachments = list.clone();
    ds.projects[1].attachments = list;
    ds.progress_reports.clear();
    assert_eq!(referenced(&ds).len(), 2);
    ds.projects[0].meta.deleted = true;
    ds.projects[1].attachments.pop();
    let left: Vec<&str> = referenced(&ds).into_keys().collect();
    assert_eq!(
        left,
        ["a".repeat(64)],
        "a deleted record's files are not counted"
    );
}

#[test]
fn only_lowercase_hex_of_the_right_length_is_a_hash() {
    assert!(is_sha256_hex(&"0123456789abcdef".repeat(4)));
    assert!(!is_sha256_hex(&"0123456789ABCDEF".repeat(4)));
    assert!(!is_sha256_hex(&"g".repeat(64)));
    assert!(!is_sha256_hex(&"a".repeat(65)));
    assert!(!is_sha256_hex(""));
}

#[test]
fn records_without_attachments_keep_their_bytes_and_with_them_read_back_equal() {
    let mut p = example().projects[0].clone();
    let before = serde_json::to_string(&p).unwrap();
    assert!(!before.contains("attachments"));
    p.attachments.push(photo('e'));
    let text = serde_json::to_string(&p).unwrap();
    let back: crate::domain::records::Project = serde_json::from_str(&text).unwrap();
    assert_eq!(back, p);
}

#[test]
fn missing_files_are_counted_where_they_belong_in_both_languages() {
    let mut pdf = photo('c');
    pdf.media_type = "application/pdf".into();
    let list = vec![photo('a'), photo('b'), pdf, photo('d')];
    let held = |sha: &str| sha.starts_with('d');
    let (th, en) = missing_text(&list, held).unwrap();
    assert_eq!(th, "ไม่ได้รับรูป 2 รูป และเอกสาร 1 ฉบับ (ไม่ได้ส่งมากับชุดข้อมูล)");
    assert_eq!(
        en,
        "2 photos and 1 document not included (not sent with the bundle)"
    );
    let (_, en) = missing_text(&list[..1], held).unwrap();
    assert_eq!(en, "1 photo not included (not sent with the bundle)");
    assert_eq!(missing_text(&list, |_| true), None);
    let (th, en) = usage_text(3, 900 * 1024);
    assert_eq!(th, "ไฟล์แนบ (รูปถ่าย เอกสาร) 3 ไฟล์ รวม 900 kB");
    assert_eq!(en, "Attachments (photos, documents): 3 files, 900 kB");
}
