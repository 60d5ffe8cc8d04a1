//! Issue 13 in a real browser: a bundle carrying a photo moves from office a to office b
//! through the import screen's opener (Web Crypto's hashing) and apply step — b then holds
//! the photo byte for byte with the project naming it; a copy whose photo was changed on
//! the way is refused and b keeps nothing; a bundle without its files shows "1 photo not
//! included" where it belongs.
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
use mueang::domain::sync::files::{files_to_send, FilesMode};
use mueang::storage::{self, NewBlob, Settings, Store};
use mueang::ui::state::AppState;
use mueang::ui::sync::pipeline::{apply_import, file_text, merge_bundles, open_bundle, Timings};
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
        apply_import(app, sync, &[bundle], outcome, progress, &mut t)
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
