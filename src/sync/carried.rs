//! A bundle's carried files (photos, PDFs) in and out of a bundle file one at a time, so a
//! bundle with 200 photos never has them all in wasm memory (the format logic is in
//! `domain::sync::files_section`; this only reads and writes Blobs).
//!
//! Export: the text without its files is made in wasm; each file is read from the blob
//! store, written as its entry (base64) and added to the download `Blob` at once, so wasm
//! holds one file at a time and the page one more part.
//!
//! Import: the chosen `File` is scanned in pieces for its `attachments` section; the rest
//! (header and records) is read into wasm and opened as any file; then each entry is read
//! from the `File`, checked (SHA-256 by Web Crypto) and made a `Blob`, one at a time. A
//! locked bundle, or any file not laid out as an exporter writes it, is read whole as before.

use std::collections::BTreeSet;

use js_sys::{Array, Uint8Array};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, File};

use crate::domain::records::limits::MAX_FILE_BYTES;
use crate::domain::records::Dataset;
use crate::domain::sync::files::{FileCheck, FileEntry};
use crate::domain::sync::files_section::{
    entry_part, parse_entry, FilesSection, JsonAround, Scanned, SectionScan, SECTION_CLOSE,
};
use crate::domain::sync::BundleError;
use crate::storage::NewBlob;
use crate::sync::files::{js_error_text, read_file, JSON_TYPE};

/// How much of a chosen file the scan reads at once.
const PIECE: u64 = 4 * 1024 * 1024;

/// The bytes of `blob` from `start` to `end`, into `buf` (its allocation reused).
async fn read_range_into(
    blob: &Blob,
    start: u64,
    end: u64,
    buf: &mut Vec<u8>,
) -> Result<(), String> {
    let part = blob
        .slice_with_f64_and_f64(start as f64, end as f64)
        .map_err(|e| js_error_text(&e))?;
    let buffer = JsFuture::from(part.array_buffer())
        .await
        .map_err(|e| js_error_text(&e))?;
    let view = Uint8Array::new(&buffer);
    buf.resize(view.length() as usize, 0);
    view.copy_to(buf);
    Ok(())
}

async fn read_range(blob: &Blob, start: u64, end: u64) -> Result<Vec<u8>, String> {
    let mut buf = Vec::new();
    read_range_into(blob, start, end, &mut buf).await?;
    Ok(buf)
}

/// The bytes of a kept file (for a locked bundle, whose text holds its files).
pub async fn blob_bytes(blob: &Blob) -> Result<Vec<u8>, String> {
    read_range(blob, 0, blob.size() as u64).await
}

/// A `Blob` of `parts` (Blobs and byte arrays), typed as JSON.
fn json_blob_of(parts: &Array) -> Result<Blob, String> {
    let options = BlobPropertyBag::new();
    options.set_type(JSON_TYPE);
    Blob::new_with_u8_array_sequence_and_options(parts, &options).map_err(|e| js_error_text(&e))
}

/// `blob` followed by `text`: the browser keeps `blob` by reference, so only `text` is
/// copied, once, out of wasm memory.
fn append(blob: &Blob, text: &str) -> Result<Blob, String> {
    json_blob_of(&Array::of2(blob, &Uint8Array::from(text.as_bytes())))
}

/// The bundle file: `around` with each carried file's entry (read from its kept `Blob`) in
/// the section, one file in wasm at a time. The bytes are those of `Bundle::to_json` with
/// the files in it.
pub async fn write_bundle(
    around: JsonAround,
    carried: Vec<(FileEntry, Blob)>,
) -> Result<Blob, String> {
    let mut out = json_blob_of(&Array::of1(&Uint8Array::from(around.head().as_bytes())))?;
    let any = !carried.is_empty();
    for (i, (entry, blob)) in carried.into_iter().enumerate() {
        let bytes = blob_bytes(&blob).await?;
        out = append(&out, &entry_part(i, &entry, &bytes))?;
    }
    if any {
        out = append(&out, SECTION_CLOSE)?;
    }
    append(&out, around.tail())
}

/// A chosen bundle file whose `attachments` section is read apart, one entry at a time.
#[derive(Clone)]
pub struct Apart {
    file: Blob,
    section: FilesSection,
}

impl Apart {
    /// How many entries the section holds (for `Opening::files_apart`).
    pub fn entries(&self) -> usize {
        self.section.entries.len()
    }
}

/// A chosen file read for opening: its text without the files section (the whole file
/// when there is none to take apart), and that section's place if there is one.
pub struct Chosen {
    pub bytes: Vec<u8>,
    pub apart: Option<Apart>,
}

/// Reads a chosen file for opening (see the module notes).
pub async fn read_chosen(file: &File) -> Result<Chosen, String> {
    let whole = || async {
        Ok(Chosen {
            bytes: read_file(file).await?,
            apart: None,
        })
    };
    let size = file.size() as u64;
    // Refused as too large by the opener, as before.
    if size > MAX_FILE_BYTES as u64 {
        return whole().await;
    }
    let mut scan = SectionScan::new();
    let mut piece = Vec::new();
    let mut at = 0;
    let mut found = Scanned::More;
    while at < size && found == Scanned::More {
        let end = (at + PIECE).min(size);
        read_range_into(file, at, end, &mut piece).await?;
        at = end;
        found = scan.feed(&piece);
    }
    drop(piece);
    if found == Scanned::More {
        found = scan.finish();
    }
    let Scanned::Section(section) = found else {
        return whole().await;
    };
    let mut bytes = read_range(file, 0, section.cut.start).await?;
    bytes.extend_from_slice(&read_range(file, section.cut.end, size).await?);
    Ok(Chosen {
        bytes,
        apart: Some(Apart {
            file: file.clone().into(),
            section,
        }),
    })
}

/// Why the files read apart were not taken.
#[derive(Debug)]
pub enum ApartError {
    /// The browser could not read the file (moved, changed since it was chosen).
    Read(String),
    /// A file failed its checks: the whole bundle is refused.
    Refused(BundleError),
}

/// Reads, checks and keeps as `Blob`s the entries of `apart`, one at a time, against the
/// opened bundle's `records` (its manifest's count was compared when it was opened).
/// Every entry is checked; only those this device does not hold (`held`) are kept.
/// `each(done, of)` is awaited after each file (the progress bar's count).
pub async fn check_apart<F: std::future::Future<Output = ()>>(
    apart: &Apart,
    records: &Dataset,
    held: &BTreeSet<String>,
    each: impl Fn(usize, usize) -> F,
) -> Result<Vec<NewBlob>, ApartError> {
    let refused = |e| ApartError::Refused(BundleError::Attachment(e));
    let mut check = FileCheck::new(records);
    let mut out = Vec::new();
    let mut text = Vec::new();
    for (i, r) in apart.section.entries.iter().enumerate() {
        read_range_into(&apart.file, r.start, r.end, &mut text)
            .await
            .map_err(ApartError::Read)?;
        let entry = parse_entry(i, &text).map_err(ApartError::Refused)?;
        let unhashed = check.entry(&entry).map_err(refused)?;
        drop(entry);
        let sum = crate::sync::digest::sha256_hex(unhashed.bytes()).await;
        let file = unhashed.hashed(&sum).map_err(refused)?;
        if !held.contains(&file.sha256) {
            out.push(NewBlob::from_bytes(
                file.sha256,
                &file.media_type,
                &file.bytes,
            ));
        }
        each(i + 1, apart.section.entries.len()).await;
    }
    Ok(out)
}
