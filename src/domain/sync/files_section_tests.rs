use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use base64::Engine as _;

use super::*;
use crate::domain::records::Dataset;
use crate::domain::sync::canonical::sha256_hex;
use crate::domain::sync::files::tests::{office, with_files};
use crate::domain::sync::files::{
    files_to_carry, files_to_send, CheckedFile, FileCheck, FileRefusal, FilesMode,
};
use crate::domain::sync::{encrypt, export_full, verify, Opening};

fn at() -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp(1_517_800_000, 0).unwrap()
}

/// The old writer: every file's base64 inside one string.
fn whole_text(ds: &Dataset, blobs: &BTreeMap<String, Vec<u8>>, mode: FilesMode) -> String {
    let (files, note) = files_to_send(ds, mode, &BTreeSet::new(), |s| blobs.get(s).cloned());
    export_full(ds, &office(), at())
        .with_files(files, note)
        .to_json()
}

/// The streaming writer, as the browser runs it (parts joined here instead of in a Blob).
fn streamed_text(ds: &Dataset, blobs: &BTreeMap<String, Vec<u8>>, mode: FilesMode) -> String {
    let (entries, note) = files_to_carry(ds, mode, &BTreeSet::new(), |s| {
        blobs.get(s).map(|b| b.len() as u64)
    });
    let bundle = export_full(ds, &office(), at()).with_files(Vec::new(), note);
    let around = bundle.json_around_files();
    let mut out = around.head().to_string();
    for (i, e) in entries.iter().enumerate() {
        out.push_str(&entry_part(i, e, &blobs[&e.sha256]));
    }
    if !entries.is_empty() {
        out.push_str(SECTION_CLOSE);
    }
    out.push_str(around.tail());
    out
}

/// The file without the section, as the browser reads it.
fn rest(section: &FilesSection, file: &[u8]) -> Vec<u8> {
    let (a, b) = (section.cut.start as usize, section.cut.end as usize);
    [&file[..a], &file[b..]].concat()
}

fn scan(file: &[u8], piece: usize) -> Scanned {
    let mut s = SectionScan::new();
    for chunk in file.chunks(piece) {
        if s.feed(chunk) != Scanned::More {
            break;
        }
    }
    s.finish()
}

/// What the browser does with a file: scan it, open the rest, then check each entry on its
/// own; a file the scan leaves whole is opened whole.
fn open_streamed(file: &[u8], piece: usize) -> Result<Vec<CheckedFile>, BundleError> {
    let section = match scan(file, piece) {
        Scanned::Section(s) => s,
        _ => return verify(std::str::from_utf8(file).unwrap()).map(|b| b.files().to_vec()),
    };
    let rest = String::from_utf8(rest(&section, file)).map_err(|_| BundleError::NotText)?;
    let mut opening = Opening::new(Arc::new(rest))?;
    opening.files_apart(section.entries.len());
    let bundle = opening.finish()?;
    assert!(bundle.files().is_empty(), "the entries are checked apart");
    let mut check = FileCheck::new(bundle.records());
    let mut out = Vec::new();
    for (i, r) in section.entries.iter().enumerate() {
        let entry = parse_entry(i, &file[r.start as usize..r.end as usize])?;
        let unhashed = check.entry(&entry).map_err(BundleError::Attachment)?;
        let sum = sha256_hex(unhashed.bytes());
        out.push(unhashed.hashed(&sum).map_err(BundleError::Attachment)?);
    }
    Ok(out)
}

#[test]
fn the_streaming_writer_writes_the_old_writers_bytes() {
    let (ds, blobs) = with_files();
    for mode in [FilesMode::Included, FilesMode::LeftOut] {
        let old = whole_text(&ds, &blobs, mode);
        // The bundle id is random: compare with it made the same.
        let new = streamed_text(&ds, &blobs, mode);
        let id = |t: &str| verify(t).unwrap().manifest().bundle_id.to_string();
        assert_eq!(new.replace(&id(&new), &id(&old)), old, "{mode:?}");
    }
    let none = crate::domain::example::north_2561().records;
    let old = whole_text(&none, &BTreeMap::new(), FilesMode::Included);
    let new = streamed_text(&none, &BTreeMap::new(), FilesMode::Included);
    let id = |t: &str| verify(t).unwrap().manifest().bundle_id.to_string();
    assert_eq!(new.replace(&id(&new), &id(&old)), old, "no files named");
}

#[test]
fn the_section_is_found_in_any_pieces_and_reads_back_as_the_whole_reader_does() {
    let (ds, blobs) = with_files();
    let text = whole_text(&ds, &blobs, FilesMode::Included);
    let whole: Vec<CheckedFile> = verify(&text).unwrap().files().to_vec();
    assert_eq!(whole.len(), 2);
    let pretty = {
        let (files, note) = files_to_send(&ds, FilesMode::Included, &BTreeSet::new(), |s| {
            blobs.get(s).cloned()
        });
        export_full(&ds, &office(), at())
            .with_files(files, note)
            .to_json_pretty()
    };
    for file in [text.clone(), format!("\u{feff}{text}"), pretty] {
        for piece in [1, 2, 3, 7, 64, 4096, file.len()] {
            let Scanned::Section(s) = scan(file.as_bytes(), piece) else {
                panic!("no section in pieces of {piece}");
            };
            assert_eq!(s.entries.len(), 2);
            let cut = &file[s.cut.start as usize..s.cut.end as usize];
            assert!(
                cut.starts_with("\"attachments\"") && cut.ends_with(','),
                "{cut:.40}"
            );
            for r in &s.entries {
                let e = &file[r.start as usize..r.end as usize];
                assert!(e.starts_with('{') && e.ends_with('}'));
            }
            assert_eq!(open_streamed(file.as_bytes(), piece).unwrap(), whole);
        }
    }
}

#[test]
fn files_without_a_section_are_read_whole() {
    let (ds, blobs) = with_files();
    let left_out = whole_text(&ds, &blobs, FilesMode::LeftOut);
    let text = whole_text(&ds, &blobs, FilesMode::Included);
    let locked = encrypt(&text, "รหัสผ่านยาวพอสมควร 2561").unwrap();
    let plain = crate::domain::document::Document::new(ds.clone()).to_json();
    // Records before the files: another writer's layout, left to the whole reader.
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let files = v.as_object_mut().unwrap().remove("attachments").unwrap();
    let mut reordered = v.to_string();
    reordered.pop();
    reordered.push_str(&format!(",\"attachments\":{files}}}"));
    for file in [left_out, locked, plain, reordered.clone()] {
        assert_eq!(scan(file.as_bytes(), 5), Scanned::Whole, "{file:.60}");
    }
    assert_eq!(open_streamed(reordered.as_bytes(), 5).unwrap().len(), 2);
}

#[test]
fn a_truncated_or_malformed_section_is_left_to_the_whole_reader_which_refuses_it() {
    let (ds, blobs) = with_files();
    let text = whole_text(&ds, &blobs, FilesMode::Included);
    let Scanned::Section(s) = scan(text.as_bytes(), 4096) else {
        panic!("no section");
    };
    // Cut anywhere inside the section (a download that stopped).
    for end in (s.cut.start..s.cut.end).step_by(7) {
        let cut = &text.as_bytes()[..end as usize];
        assert_eq!(scan(cut, 13), Scanned::Whole, "cut at {end}");
        assert!(verify(&String::from_utf8_lossy(cut)).is_err());
    }
    let malformed = [
        text.replacen("\"attachments\":[{", "\"attachments\":[}{", 1),
        text.replacen("\"attachments\":[", "\"attachments\":[1,", 1),
        text.replacen("\"attachments\":[", "\"attachments\":{", 1),
        text.replacen("\"attachments\":[{", "\"attachments\":[{}, {", 1),
        text.replacen("\"attachments\":[{", "\"attachments\":[{\"x\":[[[[}", 1),
        // The manifest names `attachments` too: only the section's key is spelled with an escape.
        text.replacen("\"attachments\":[", "\"attachm\\u0065nts\":[", 1),
    ];
    for bad in &malformed {
        assert_eq!(scan(bad.as_bytes(), 3), Scanned::Whole, "{bad:.120}");
    }
    let deep = text.replacen(
        "\"attachments\":[{",
        &format!(
            "\"attachments\":[{{\"x\":{}1{},",
            "[".repeat(200),
            "]".repeat(200)
        ),
        1,
    );
    assert_eq!(
        scan(deep.as_bytes(), 4096),
        Scanned::Whole,
        "deeper than serde reads"
    );
    let huge = text.replacen(
        "\"data\":\"",
        &format!("\"data\":\"{}", "A".repeat(MAX_ENTRY_BYTES as usize)),
        1,
    );
    assert_eq!(
        scan(huge.as_bytes(), 1 << 20),
        Scanned::Whole,
        "an entry too large"
    );
    assert!(verify(&huge).is_err());
}

/// The first carried entry of a bundle's text changed by `spoil`, the layout kept.
fn spoiled(text: &str, spoil: impl FnOnce(&mut serde_json::Value)) -> String {
    let Scanned::Section(s) = scan(text.as_bytes(), 4096) else {
        panic!("no section");
    };
    let r = s.entries[0].start as usize..s.entries[0].end as usize;
    let mut entry: serde_json::Value = serde_json::from_str(&text[r.clone()]).unwrap();
    spoil(&mut entry);
    format!("{}{}{}", &text[..r.start], entry, &text[r.end..])
}

#[test]
fn hostile_entries_are_refused_as_the_whole_reader_refuses_them() {
    let (ds, blobs) = with_files();
    let text = whole_text(&ds, &blobs, FilesMode::Included);
    let b64 = |b: &[u8]| base64::engine::general_purpose::STANDARD.encode(b);
    let engine = base64::engine::general_purpose::STANDARD;
    let cases: Vec<(String, &str)> = vec![
        (
            spoiled(&text, |f| {
                let mut bytes = engine.decode(f["data"].as_str().unwrap()).unwrap();
                bytes[0] ^= 1;
                f["data"] = b64(&bytes).into();
            }),
            "attachment_refused",
        ),
        (
            spoiled(&text, |f| f["data"] = "not base64!".into()),
            "attachment_refused",
        ),
        (
            spoiled(&text, |f| f["size"] = 3.into()),
            "attachment_refused",
        ),
        (
            spoiled(&text, |f| f["media_type"] = "text/html".into()),
            "attachment_refused",
        ),
        (
            spoiled(&text, |f| {
                f["sha256"] = sha256_hex(b"x").into();
                f["data"] = b64(b"x").into();
                f["size"] = 1.into();
            }),
            "attachment_refused",
        ),
        (spoiled(&text, |f| f["size"] = (-1).into()), "invalid"),
        (spoiled(&text, |f| f["extra"] = 1.into()), "invalid"),
        (spoiled(&text, |f| f["size"] = "7".into()), "invalid"),
    ];
    for (bad, code) in cases {
        assert!(
            matches!(scan(bad.as_bytes(), 9), Scanned::Section(_)),
            "{bad:.80}"
        );
        let streamed = open_streamed(bad.as_bytes(), 9).unwrap_err();
        let whole = verify(&bad).unwrap_err();
        assert_eq!(streamed.code(), code, "{}", streamed.message_en());
        assert_eq!(whole.code(), code, "{}", whole.message_en());
        if code == "attachment_refused" {
            assert_eq!(streamed, whole, "the same refusal either way");
        }
    }
}

#[test]
fn a_missing_doubled_or_second_section_is_refused() {
    let (ds, blobs) = with_files();
    let text = whole_text(&ds, &blobs, FilesMode::Included);
    let Scanned::Section(s) = scan(text.as_bytes(), 4096) else {
        panic!("no section");
    };
    let (a, b) = (&s.entries[0], &s.entries[1]);
    let first = &text[a.start as usize..a.end as usize];
    let second = &text[b.start as usize..b.end as usize];
    let refused = |file: &str| open_streamed(file.as_bytes(), 11).unwrap_err();
    let one_missing = text.replacen(&format!("{first},"), "", 1);
    assert_eq!(
        refused(&one_missing),
        BundleError::Attachment(FileRefusal::ManifestDiffers)
    );
    let doubled = text.replacen(second, &format!("{second},{second}"), 1);
    assert_eq!(
        refused(&doubled),
        BundleError::Attachment(FileRefusal::ManifestDiffers)
    );
    let swapped = text.replacen(second, first, 1);
    assert!(matches!(
        refused(&swapped),
        BundleError::Attachment(FileRefusal::NotNamed { .. })
    ));
    // A second section after the records: the first is read apart, the second is not let by.
    let mut twice = text.clone();
    twice.pop();
    twice.push_str(&format!(",\"attachments\":[{first}]}}"));
    assert!(matches!(scan(twice.as_bytes(), 11), Scanned::Section(_)));
    assert!(open_streamed(twice.as_bytes(), 11).is_err());
    // Even an empty one, spelled with an escape: the whole reader refuses a field named twice.
    let mut empty = text.clone();
    empty.pop();
    empty.push_str(",\"attachm\\u0065nts\":[]}");
    assert!(verify(&empty).is_err());
    assert_eq!(
        open_streamed(empty.as_bytes(), 11).unwrap_err(),
        BundleError::Attachment(FileRefusal::ManifestDiffers)
    );
}

mod changed_bytes {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        /// A byte of the section changed or dropped: the streamed reader accepts the file
        /// exactly when the whole-text reader does.
        #[test]
        fn either_reader_accepts_the_same_files(
            at in any::<prop::sample::Index>(),
            byte in any::<u8>(),
            drop_it in any::<bool>(),
            piece in 1usize..97,
        ) {
            let (ds, blobs) = with_files();
            let text = whole_text(&ds, &blobs, FilesMode::Included);
            let Scanned::Section(s) = scan(text.as_bytes(), 4096) else {
                panic!("no section");
            };
            let mut bytes = text.into_bytes();
            let i = s.cut.start as usize + at.index((s.cut.end - s.cut.start) as usize);
            if drop_it {
                bytes.remove(i);
            } else {
                bytes[i] = byte;
            }
            let Ok(changed) = std::str::from_utf8(&bytes) else {
                return Ok(());
            };
            let whole = verify(changed).map(|b| b.files().to_vec());
            let streamed = open_streamed(&bytes, piece);
            prop_assert_eq!(streamed.is_ok(), whole.is_ok(), "{:?} / {:?}", streamed, whole);
            if let (Ok(a), Ok(b)) = (streamed, whole) {
                prop_assert_eq!(a, b);
            }
        }
    }
}
