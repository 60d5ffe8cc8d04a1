//! Attachments in a bundle: an export may carry the files its records name (photos,
//! scanned PDFs) or leave them out, and the manifest says which (`attachments`). Carried
//! files sit in the document's top-level `attachments` list, each its SHA-256, media type,
//! size and bytes (base64), before the records (the records stay last: their text is what
//! the checksum covers). A locked bundle is encrypted whole, so its files are too.
//!
//! On opening, every carried file is checked before anything is kept: its bytes must hash
//! to its name, its size and media type must be those the records give it, and a record
//! must name it; one that does not is refused with a message and nothing is stored. A file
//! the receiving office already holds is never sent again to it: an export "only what the
//! other office lacks" leaves out files that office is known to hold ([`files_to_send`]).

use std::collections::BTreeSet;

use base64::Engine as _;
use serde::{Deserialize, Serialize};

use crate::domain::records::attachment::{referenced, MAX_ATTACHMENT_BYTES};
use crate::domain::records::limits::shown;
use crate::domain::records::Dataset;
use crate::domain::sync::bundle::Bundle;
use crate::domain::sync::canonical::sha256_hex;
use crate::domain::sync::error::BundleError;

/// Whether a bundle carries the files its records name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum FilesMode {
    /// Every file the records name, except those the receiving office already holds.
    Included,
    /// None: the receiving office sees "3 photos not included" where they belong.
    LeftOut,
}

/// The manifest's word on attachments (absent: the bundle predates them or names none).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FilesNote {
    pub mode: FilesMode,
    /// Files carried in `attachments`.
    pub files: usize,
    /// Files the records name that were not carried (left out, or already held there).
    #[serde(default)]
    pub not_carried: usize,
}

/// One carried file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BundleFile {
    /// SHA-256 of the bytes, 64 lowercase hex digits.
    pub sha256: String,
    pub media_type: String,
    pub size: u64,
    /// The bytes, standard base64 with padding.
    pub data: String,
}

/// A carried file that passed every check, ready for the blob store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedFile {
    pub sha256: String,
    pub media_type: String,
    pub bytes: Vec<u8>,
}

/// Why a carried file is refused (the whole bundle is refused with it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileRefusal {
    /// Its bytes do not hash to its name: changed or damaged on the way.
    HashMismatch { sha256: String },
    /// Its bytes are not base64, or not the size it states.
    BadData { sha256: String },
    /// No record in the bundle names it, or names it with another size or type.
    NotNamed { sha256: String },
    /// Larger than any attachment may be.
    TooBig { sha256: String },
    /// Files carried though the manifest says they were left out, or counts that differ.
    ManifestDiffers,
}

impl FileRefusal {
    pub fn th(&self) -> String {
        match self {
            FileRefusal::HashMismatch { sha256 } => format!(
                "ไฟล์แนบ {} ไม่ตรงกับรหัสตรวจสอบ ไฟล์อาจถูกแก้ไขหรือเสียหายระหว่างส่ง จึงไม่นำเข้าทั้งชุด กรุณาขอไฟล์ใหม่จากผู้ส่ง",
                short(sha256)
            ),
            FileRefusal::BadData { sha256 } => format!(
                "อ่านไฟล์แนบ {} ในชุดข้อมูลไม่ได้ หรือขนาดไม่ตรงกับที่ระบุ จึงไม่นำเข้าทั้งชุด",
                short(sha256)
            ),
            FileRefusal::NotNamed { sha256 } => format!(
                "ชุดข้อมูลมีไฟล์แนบ {} ที่ไม่มีรายการใดอ้างถึง หรืออ้างถึงด้วยขนาดหรือชนิดอื่น จึงไม่นำเข้าทั้งชุด",
                short(sha256)
            ),
            FileRefusal::TooBig { sha256 } => {
                format!("ไฟล์แนบ {} ใหญ่เกิน 20 MB จึงไม่นำเข้าทั้งชุด", short(sha256))
            }
            FileRefusal::ManifestDiffers => "จำนวนไฟล์แนบในชุดข้อมูลไม่ตรงกับที่ระบุไว้ ไฟล์อาจไม่ครบ จึงไม่นำเข้าทั้งชุด".into(),
        }
    }

    pub fn en(&self) -> String {
        match self {
            FileRefusal::HashMismatch { sha256 } => format!(
                "Attachment {} does not match its checksum: it was changed or damaged on the way, so nothing is imported. Ask the sender for a new copy.",
                short(sha256)
            ),
            FileRefusal::BadData { sha256 } => format!(
                "Attachment {} in the bundle cannot be read or is not the size it states, so nothing is imported.",
                short(sha256)
            ),
            FileRefusal::NotNamed { sha256 } => format!(
                "The bundle carries attachment {}, which no record names (or names with another size or type), so nothing is imported.",
                short(sha256)
            ),
            FileRefusal::TooBig { sha256 } => format!(
                "Attachment {} is larger than 20 MB, so nothing is imported.",
                short(sha256)
            ),
            FileRefusal::ManifestDiffers => "The number of attachments differs from what the bundle states: it may be incomplete, so nothing is imported.".into(),
        }
    }
}

fn short(sha256: &str) -> String {
    shown(&sha256.chars().take(12).collect::<String>())
}

/// A file an export carries, before its bytes are read: what its entry in `attachments`
/// says besides `data`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileEntry {
    pub sha256: String,
    pub media_type: String,
    pub size: u64,
}

impl FileEntry {
    /// The entry with its bytes, as the whole-text writer holds it.
    pub fn with_bytes(self, bytes: &[u8]) -> BundleFile {
        BundleFile {
            sha256: self.sha256,
            media_type: self.media_type,
            size: self.size,
            data: base64::engine::general_purpose::STANDARD.encode(bytes),
        }
    }
}

/// The files an export carries: those the live records of `records` name, minus those the
/// receiving office is known to hold (`held_there`), each as large as `size_of` says (a
/// file this office lacks itself, `None`, is not carried either). With
/// [`FilesMode::LeftOut`], none. Nothing is read: the streaming writer reads one file at a
/// time (`files_section`), [`files_to_send`] all at once.
pub fn files_to_carry(
    records: &Dataset,
    mode: FilesMode,
    held_there: &BTreeSet<String>,
    mut size_of: impl FnMut(&str) -> Option<u64>,
) -> (Vec<FileEntry>, FilesNote) {
    let named = referenced(records);
    let mut files = Vec::new();
    if mode == FilesMode::Included {
        for (sha, a) in &named {
            if held_there.contains(*sha) {
                continue;
            }
            if let Some(size) = size_of(sha) {
                files.push(FileEntry {
                    sha256: (*sha).to_owned(),
                    media_type: a.media_type.clone(),
                    size,
                });
            }
        }
    }
    let note = FilesNote {
        mode,
        files: files.len(),
        not_carried: named.len() - files.len(),
    };
    (files, note)
}

/// [`files_to_carry`] with every file's bytes, read by `bytes_of`, in the entries: for the
/// whole-text writer (a locked bundle is encrypted whole, and the command line).
pub fn files_to_send(
    records: &Dataset,
    mode: FilesMode,
    held_there: &BTreeSet<String>,
    mut bytes_of: impl FnMut(&str) -> Option<Vec<u8>>,
) -> (Vec<BundleFile>, FilesNote) {
    let mut read = std::collections::BTreeMap::new();
    let (entries, note) = files_to_carry(records, mode, held_there, |sha| {
        let bytes = bytes_of(sha)?;
        let size = bytes.len() as u64;
        read.insert(sha.to_owned(), bytes);
        Some(size)
    });
    let files = entries
        .into_iter()
        .map(|e| {
            let bytes = read.remove(&e.sha256).unwrap_or_default();
            e.with_bytes(&bytes)
        })
        .collect();
    (files, note)
}

/// How many files the manifest says are carried.
fn stated_files(note: Option<&FilesNote>) -> usize {
    note.map_or(0, |n| match n.mode {
        FilesMode::Included => n.files,
        FilesMode::LeftOut => 0,
    })
}

/// Checks every carried file against the records and the manifest (see the module notes).
pub fn check_files(
    records: &Dataset,
    files: &[BundleFile],
    note: Option<&FilesNote>,
) -> Result<Vec<CheckedFile>, FileRefusal> {
    if stated_files(note) != files.len() {
        return Err(FileRefusal::ManifestDiffers);
    }
    let mut check = FileCheck::new(records);
    let mut out = Vec::with_capacity(files.len());
    for f in files {
        let unhashed = check.entry(f)?;
        let sum = sha256_hex(unhashed.bytes());
        out.push(unhashed.hashed(&sum)?);
    }
    Ok(out)
}

/// The checks of carried files one at a time, for a reader that holds one file at once
/// (`files_section`): named by a record with the same size and media type, not twice, not
/// too big, base64 of the stated size; then, once hashed, its bytes must hash to its name.
/// [`check_files`] is this over a whole list.
pub struct FileCheck<'a> {
    named: std::collections::BTreeMap<&'a str, &'a crate::domain::records::Attachment>,
    seen: BTreeSet<String>,
}

impl<'a> FileCheck<'a> {
    pub fn new(records: &'a Dataset) -> FileCheck<'a> {
        FileCheck {
            named: referenced(records),
            seen: BTreeSet::new(),
        }
    }

    /// Checks one entry and decodes its bytes, still to be hashed ([`Unhashed::hashed`]).
    pub fn entry(&mut self, f: &BundleFile) -> Result<Unhashed, FileRefusal> {
        let sha256 = f.sha256.clone();
        let Some(a) = self.named.get(f.sha256.as_str()) else {
            return Err(FileRefusal::NotNamed { sha256 });
        };
        if a.size != f.size || a.media_type != f.media_type || !self.seen.insert(sha256.clone()) {
            return Err(FileRefusal::NotNamed { sha256 });
        }
        if f.size > MAX_ATTACHMENT_BYTES || f.data.len() as u64 > MAX_ATTACHMENT_BYTES / 3 * 4 + 4 {
            return Err(FileRefusal::TooBig { sha256 });
        }
        let Ok(bytes) = base64::engine::general_purpose::STANDARD.decode(&f.data) else {
            return Err(FileRefusal::BadData { sha256 });
        };
        if bytes.len() as u64 != f.size {
            return Err(FileRefusal::BadData { sha256 });
        }
        Ok(Unhashed(CheckedFile {
            sha256,
            media_type: f.media_type.clone(),
            bytes,
        }))
    }
}

/// A carried file that passed every check but its hash: the caller hashes
/// [`Unhashed::bytes`] (Web Crypto in the browser) and hands the sum back.
#[derive(Debug)]
pub struct Unhashed(CheckedFile);

impl Unhashed {
    pub fn bytes(&self) -> &[u8] {
        &self.0.bytes
    }

    /// The file, if `sha256_hex` (of [`Unhashed::bytes`]) is its name.
    pub fn hashed(self, sha256_hex: &str) -> Result<CheckedFile, FileRefusal> {
        if sha256_hex != self.0.sha256 {
            return Err(FileRefusal::HashMismatch {
                sha256: self.0.sha256,
            });
        }
        Ok(self.0)
    }
}

/// Checked files: bytes, not part of a bundle's identity (its records name them by hash).
#[derive(Clone, Default, Debug)]
pub(crate) struct FilesCache(pub(crate) Vec<CheckedFile>);

impl PartialEq for FilesCache {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Bundle {
    /// The bundle with `files` carried and the manifest saying so (before it is signed:
    /// the signature covers the manifest).
    pub fn with_files(mut self, files: Vec<BundleFile>, note: FilesNote) -> Bundle {
        self.manifest.attachments = Some(note);
        if let Some(m) = self.document.manifest.as_mut() {
            m.attachments = Some(note);
        }
        self.document.attachments = files;
        self
    }

    /// Checks the carried files (see `sync::files`) and takes them out of the document,
    /// so their text is not held beside their bytes. With `apart`, the reader took the
    /// `attachments` section out of the text before parsing (`files_section`) and found
    /// that many entries, which it checks itself one at a time ([`FileCheck`]): here only
    /// their number is compared with the manifest, and the text must hold no other section.
    pub(crate) fn check_carried_files(
        mut self,
        apart: Option<usize>,
    ) -> Result<Bundle, BundleError> {
        let files = std::mem::take(&mut self.document.attachments);
        let note = self.manifest.attachments.as_ref();
        if let Some(found) = apart {
            if !files.is_empty() || stated_files(note) != found {
                return Err(BundleError::Attachment(FileRefusal::ManifestDiffers));
            }
            return Ok(self);
        }
        let checked =
            check_files(&self.document.records, &files, note).map_err(BundleError::Attachment)?;
        self.files = FilesCache(checked);
        Ok(self)
    }

    /// The files this bundle carried, checked (empty until opened by `Opening::finish`).
    pub fn files(&self) -> &[CheckedFile] {
        &self.files.0
    }
}

#[cfg(test)]
#[path = "files_tests.rs"]
pub(crate) mod tests;
