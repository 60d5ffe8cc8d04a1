//! Issue 13 in a real browser: a bundle carrying a photo moves from office a to office b
//! through the import screen's opener (Web Crypto's hashing) and apply step — b then holds
//! the photo byte for byte with the project naming it; a copy whose photo was changed on
//! the way is refused and b keeps nothing; a bundle without its files shows "1 photo not
//! included" where it belongs; the same bundle written and read one file at a time
//! (`sync::carried`) is the same bytes and arrives the same way.
#![cfg(target_arch = "wasm32")]

use std::collections::BTreeSet;

use base64::Engine as _;
use leptos::prelude::*;
use mueang::domain::example::north_2561;
use mueang::domain::meta::{Editor, OfficeId, RecordMeta};
use mueang::domain::records::attachment::missing_text;
use mueang::domain::records::Project;
use mueang::domain::records::{Attachment, Dataset};
use mueang::domain::sync::canonical::sha256_hex;
use mueang::domain::sync::draft_full;
use mueang::domain::sync::files::{files_to_carry, files_to_send, FilesMode};
use mueang::storage::{self, NewBlob, Settings, Store};
use mueang::sync::carried::{check_apart, read_chosen, write_bundle};
use mueang::ui::state::AppState;
use mueang::ui::sync::pipeline::{
    apply_import, apply_import_with, file_text, merge_bundles, open_bundle, open_bundle_apart,
    Timings,
};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn office(id: &str) -> Editor {
    Editor {
        office_id: OfficeId(id.into()),
        office_name: format!("สำนักงาน {id}"),
        person: "ทดสอบ".into(),
    }
}

/// Office a's data: the example and a project with one photo, and the photo's bytes.
fn office_a() -> (Dataset, Vec<u8>) {
    let photo: Vec<u8> = (0..250_000u32).map(|i| (i * 7 % 253) as u8).collect();
    let mut ds = north_2561().records;
    let city = ds.cities[0].meta.id;
    let fy = mueang::domain::dates::FiscalYear(2561);
    let mut p = Project::new(RecordMeta::shipped("with-photo"), city, fy);
    p.title = "ลานกีฬาชุมชน".into();
    p.proposer = "ชุมชนริมเมย".into();
    p.attachments.push(Attachment {
        sha256: sha256_hex(&photo),
        media_type: "image/jpeg".into(),
        size: photo.len() as u64,
        file_name: "ลานกีฬา.jpg".into(),
    });
    ds.projects.push(p);
    (ds, photo)
}

/// Office a's bundle, its photo read from a's blob store unless `mode` leaves it out.
async fn export_from_a(ds: &Dataset, a: &Store, mode: FilesMode) -> Vec<u8> {
    let sha = ds.projects[0].attachments[0].sha256.clone();
    let kept = a.blob_bytes(&sha).await.unwrap();
    let (files, note) = files_to_send(ds, mode, &BTreeSet::new(), |s| {
        (s == sha).then(|| kept.clone()).flatten()
    });
    let at = chrono::DateTime::from_timestamp(1_517_800_000, 0).unwrap();
    let draft = draft_full(ds, &office("a"), at);
    let sum = mueang::sync::digest::sha256_hex(draft.canonical_bytes()).await;
    draft
        .finish(&sum)
        .with_files(files, note)
        .to_json()
        .into_bytes()
}

async fn office_b(db: &str) -> (AppState, Store) {
    storage::delete_database(db).await.unwrap();
    let store = Store::open(db, || {}).await.unwrap();
    let app = AppState::new(Settings {
        office_id: "b".into(),
        office_name: "สำนักงาน b".into(),
        ..Settings::default()
    });
    app.store.set(Some(store.clone()));
    (app, store)
}

async fn import(app: AppState, bytes: Vec<u8>) -> Result<bool, String> {
    let mut t = Timings::default();
    let progress = mueang::ui::sync::progress::Progress::new();
    let bundle = open_bundle(file_text(bytes).unwrap(), None, progress, &mut t)
        .await
        .map_err(|e| format!("{e:?}"))?;
    let outcome = app
        .dataset
        .with_untracked(|local| merge_bundles(local, &[&bundle]));
    let sync = mueang::ui::sync::context::SyncState {
        last_export: RwSignal::new(None),
        peers: RwSignal::new(None),
    };
    Ok(
        apply_import(app, sync, &[&bundle], outcome, progress, &mut t)
            .await
            .is_some(),
    )
}

#[wasm_bindgen_test]
async fn a_bundle_with_a_photo_moves_between_two_offices() {
    storage::delete_database("t-files-a").await.unwrap();
    let a = Store::open("t-files-a", || {}).await.unwrap();
    let (ds, photo) = office_a();
    let sha = sha256_hex(&photo);
    a.put_blobs(vec![NewBlob::from_bytes(sha.clone(), "image/jpeg", &photo)])
        .await
        .unwrap();
    let bundle = export_from_a(&ds, &a, FilesMode::Included).await;

    // Changed on the way: one byte of the photo differs. Refused; b keeps nothing.
    let (app, b) = office_b("t-files-b").await;
    let mut text = String::from_utf8(bundle.clone()).unwrap();
    let engine = base64::engine::general_purpose::STANDARD;
    let at = text.find("\"data\":\"").unwrap() + 8;
    let end = at + text[at..].find('"').unwrap();
    let mut bytes = engine.decode(&text[at..end]).unwrap();
    bytes[100] ^= 1;
    text.replace_range(at..end, &engine.encode(&bytes));
    let refused = import(app, text.into_bytes()).await.unwrap_err();
    assert!(refused.contains("HashMismatch"), "{refused}");
    assert!(b.blob_keys().await.unwrap().is_empty());
    assert!(app.dataset.with_untracked(|d| d.projects.is_empty()));

    // As sent: b holds the photo byte for byte, and the project naming it.
    assert_eq!(import(app, bundle).await, Ok(true));
    assert_eq!(b.blob_bytes(&sha).await.unwrap(), Some(photo));
    let names = app
        .dataset
        .with_untracked(|d| d.projects[0].attachments.clone());
    assert_eq!(names[0].file_name, "ลานกีฬา.jpg");
    let held = b.blob_keys().await.unwrap();
    assert_eq!(missing_text(&names, |s| held.contains(s)), None);
    a.close();
    b.close();
}

#[wasm_bindgen_test]
async fn a_bundle_without_its_files_says_what_was_not_included() {
    storage::delete_database("t-files-a2").await.unwrap();
    let a = Store::open("t-files-a2", || {}).await.unwrap();
    let (ds, photo) = office_a();
    a.put_blobs(vec![NewBlob::from_bytes(
        sha256_hex(&photo),
        "image/jpeg",
        &photo,
    )])
    .await
    .unwrap();
    let bundle = export_from_a(&ds, &a, FilesMode::LeftOut).await;
    assert!(bundle.len() < photo.len(), "the photo stayed at home");
    let (app, c) = office_b("t-files-c").await;
    assert_eq!(import(app, bundle).await, Ok(true));
    assert!(c.blob_keys().await.unwrap().is_empty());
    let names = app
        .dataset
        .with_untracked(|d| d.projects[0].attachments.clone());
    let held = c.blob_keys().await.unwrap();
    let (th, en) = missing_text(&names, |s| held.contains(s)).unwrap();
    assert!(th.starts_with("ไม่ได้รับรูป 1 รูป"), "{th}");
    assert!(en.starts_with("1 photo not included"), "{en}");
    a.close();
    c.close();
}

/// A `File` holding `bytes`, as the person would choose it.
fn chosen(bytes: &[u8]) -> web_sys::File {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    web_sys::File::new_with_u8_array_sequence(&parts, "bundle.json").unwrap()
}

/// The import screen's way with a chosen file: its files read apart, one at a time.
async fn import_apart(app: AppState, store: &Store, bytes: &[u8]) -> Result<bool, String> {
    let chosen = read_chosen(&chosen(bytes)).await?;
    let apart = chosen.apart.ok_or("the section was not found")?;
    let mut t = Timings::default();
    let progress = mueang::ui::sync::progress::Progress::new();
    let file = file_text(chosen.bytes).unwrap();
    let bundle = open_bundle_apart(file, None, Some(apart.entries()), progress, &mut t)
        .await
        .map_err(|e| format!("{e:?}"))?;
    let held = store.blob_keys().await.unwrap();
    let files = check_apart(&apart, bundle.records(), &held, |_, _| async {})
        .await
        .map_err(|e| format!("{e:?}"))?;
    let outcome = app
        .dataset
        .with_untracked(|local| merge_bundles(local, &[&bundle]));
    let sync = mueang::ui::sync::context::SyncState {
        last_export: RwSignal::new(None),
        peers: RwSignal::new(None),
    };
    let applied = apply_import_with(app, sync, &[&bundle], files, outcome, progress, &mut t).await;
    Ok(applied.is_some())
}

#[wasm_bindgen_test]
async fn a_bundle_written_and_read_one_file_at_a_time_is_the_same_bundle() {
    storage::delete_database("t-files-a3").await.unwrap();
    let a = Store::open("t-files-a3", || {}).await.unwrap();
    let (ds, photo) = office_a();
    let sha = sha256_hex(&photo);
    a.put_blobs(vec![NewBlob::from_bytes(sha.clone(), "image/jpeg", &photo)])
        .await
        .unwrap();
    // The streaming writer, the photo read from a's store as a Blob: the old writer's bytes.
    let old = export_from_a(&ds, &a, FilesMode::Included).await;
    let (entries, note) = files_to_carry(&ds, FilesMode::Included, &BTreeSet::new(), |_| {
        Some(photo.len() as u64)
    });
    let at = chrono::DateTime::from_timestamp(1_517_800_000, 0).unwrap();
    let draft = draft_full(&ds, &office("a"), at);
    let sum = mueang::sync::digest::sha256_hex(draft.canonical_bytes()).await;
    let bundle = draft.finish(&sum).with_files(Vec::new(), note);
    let kept = a.blob(&sha).await.unwrap().unwrap();
    let carried = entries.into_iter().map(|e| (e, kept.clone())).collect();
    let written = write_bundle(bundle.json_around_files(), carried)
        .await
        .unwrap();
    let new = mueang::sync::carried::blob_bytes(&written).await.unwrap();
    let id = |b: &[u8]| {
        let text = String::from_utf8(b.to_vec()).unwrap();
        let at = text.find("\"bundle_id\":\"").unwrap() + 13;
        text[at..at + 36].to_string()
    };
    let same_id = String::from_utf8(new.clone())
        .unwrap()
        .replace(&id(&new), &id(&old));
    assert_eq!(same_id.as_bytes(), old.as_slice());

    // Changed on the way: refused while its files are checked, b keeps nothing.
    let (app, b) = office_b("t-files-b3").await;
    let mut text = String::from_utf8(new.clone()).unwrap();
    let engine = base64::engine::general_purpose::STANDARD;
    let at = text.find("\"data\":\"").unwrap() + 8;
    let end = at + text[at..].find('"').unwrap();
    let mut bytes = engine.decode(&text[at..end]).unwrap();
    bytes[7] ^= 1;
    text.replace_range(at..end, &engine.encode(&bytes));
    let refused = import_apart(app, &b, text.as_bytes()).await.unwrap_err();
    assert!(refused.contains("HashMismatch"), "{refused}");
    assert!(b.blob_keys().await.unwrap().is_empty());
    assert!(app.dataset.with_untracked(|d| d.projects.is_empty()));

    // As written: b holds the photo byte for byte, and the project naming it.
    assert_eq!(import_apart(app, &b, &new).await, Ok(true));
    assert_eq!(b.blob_bytes(&sha).await.unwrap(), Some(photo));
    assert_eq!(app.dataset.with_untracked(|d| d.projects.len()), 1);
    a.close();
    b.close();
}
