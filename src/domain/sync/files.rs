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

/// The files an export carries: those the live records of `records` name, minus those the
/// receiving office is known to hold (`held_there`), read by `bytes_of` (a file this
/// office lacks itself is not carried either). With [`FilesMode::LeftOut`], none.
pub fn files_to_send(
    records: &Dataset,
    mode: FilesMode,
    held_there: &BTreeSet<String>,
    mut bytes_of: impl FnMut(&str) -> Option<Vec<u8>>,
) -> (Vec<BundleFile>, FilesNote) {
    let named = referenced(records);
    let mut files = Vec::new();
    if mode == FilesMode::Included {
        for (sha, a) in &named {
            if held_there.contains(*sha) {
                continue;
            }
            if let Some(bytes) = bytes_of(sha) {
                files.push(BundleFile {
                    sha256: (*sha).to_owned(),
                    media_type: a.media_type.clone(),
                    size: bytes.len() as u64,
                    data: base64::engine::general_purpose::STANDARD.encode(&bytes),
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

/// Checks every carried file against the records and the manifest (see the module notes).
pub fn check_files(
    records: &Dataset,
    files: &[BundleFile],
    note: Option<&FilesNote>,
) -> Result<Vec<CheckedFile>, FileRefusal> {
    let stated = note.map_or(0, |n| match n.mode {
        FilesMode::Included => n.files,
        FilesMode::LeftOut => 0,
    });
    if stated != files.len() {
        return Err(FileRefusal::ManifestDiffers);
    }
    let named = referenced(records);
    let mut seen = BTreeSet::new();
    let mut out = Vec::with_capacity(files.len());
    for f in files {
        let sha256 = f.sha256.clone();
        let Some(a) = named.get(f.sha256.as_str()) else {
            return Err(FileRefusal::NotNamed { sha256 });
        };
        if a.size != f.size || a.media_type != f.media_type || !seen.insert(&f.sha256) {
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
        if sha256_hex(&bytes) != f.sha256 {
            return Err(FileRefusal::HashMismatch { sha256 });
        }
        out.push(CheckedFile {
            sha256,
            media_type: f.media_type.clone(),
            bytes,
        });
    }
    Ok(out)
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
    /// so their text is not held beside their bytes.
    pub(crate) fn check_carried_files(mut self) -> Result<Bundle, BundleError> {
        let files = std::mem::take(&mut self.document.attachments);
        let note = self.manifest.attachments.as_ref();
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
mod tests;
