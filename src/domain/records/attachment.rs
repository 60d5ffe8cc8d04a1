//! Attachments (หลักฐานแนบ): photos of the work and scanned papers (minutes, the signed MOU,
//! receipts) on projects, progress reports, meetings, MOUs and instalments.
//!
//! A record holds only references; the bytes are kept apart (a blob store named by the
//! SHA-256 of the bytes, so one file attached to three records is kept once) and travel
//! in a bundle's `attachments` section when the export includes them. Because the list is
//! a field of the record, adding or removing a file is an edit like any other: a new
//! version with its audit entry (who, office, when), merged and conflicted like the rest.
//!
//! Every value is held to a range like every field read from a file (`records::limits`):
//! a hash that is not 64 lowercase hex digits, a media type outside [`MEDIA_TYPES`], a size
//! of 0 or above [`MAX_ATTACHMENT_BYTES`], a file name too long, invisible or with a path
//! or control character, and more than [`MAX_ATTACHMENTS`] on one record are refused
//! with a Thai and English message, and reported by `value.out_of_range` if ever stored.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::domain::lang::counted;
use crate::domain::records::limits::{at, shown, Allowed, Check, MAX_NAME_CHARS};
use crate::domain::records::{Dataset, Instalment, Meeting, Mou, ProgressReport, Project};
use crate::domain::text::first_invisible;

/// The media types an attachment may have: photos (a tablet's camera writes JPEG; PNG and
/// WebP come from screenshots and phones) and scanned papers as PDF.
pub const MEDIA_TYPES: [&str; 4] = ["image/jpeg", "image/png", "image/webp", "application/pdf"];
/// The largest file kept: a multi-page scan. Photos are scaled to ~300 kB before they are
/// kept, so this bounds PDFs and a hostile size, not everyday use.
pub const MAX_ATTACHMENT_BYTES: u64 = 20 * 1024 * 1024;
/// Attachments on one record.
pub const MAX_ATTACHMENTS: u64 = 100;

/// A file attached to a record, by reference.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Attachment {
    /// SHA-256 of the file's bytes, 64 lowercase hex digits: the name it is kept under.
    #[serde(deserialize_with = "crate::domain::fast_de::line")]
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(regex(pattern = r"^[0-9a-f]{64}$"))
    )]
    pub sha256: String,
    /// One of `image/jpeg`, `image/png`, `image/webp`, `application/pdf`.
    #[serde(deserialize_with = "crate::domain::fast_de::line")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("enum" = ["image/jpeg", "image/png", "image/webp", "application/pdf"])))]
    pub media_type: String,
    /// The file's length in bytes, 1 to 20,971,520 (20 MB).
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(range(min = 1, max = 20_971_520))
    )]
    pub size: u64,
    /// The name shown and used when the file is saved again, e.g. `IMG_0412.jpg`; at most
    /// 300 characters, no `/`, `\`, control or invisible characters.
    #[serde(deserialize_with = "crate::domain::fast_de::line")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(length(min = 1, max = 300)))]
    pub file_name: String,
}

impl Attachment {
    /// Whether the file is a photo (shown as a picture) rather than a document.
    pub fn is_photo(&self) -> bool {
        self.media_type.starts_with("image/")
    }
}

/// Adds `file` to `list` unless a file with the same bytes is already there (attaching
/// the same photo twice keeps it once); says whether it was added.
pub fn add_once(list: &mut Vec<Attachment>, file: Attachment) -> bool {
    if list.iter().any(|a| a.sha256 == file.sha256) {
        return false;
    }
    list.push(file);
    true
}

/// Whether `s` is a SHA-256 as attachments name it: 64 lowercase hex digits.
pub fn is_sha256_hex(s: &str) -> bool {
    s.len() == 64
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// What about an attachment is out of range (see [`Allowed::Attachment`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttachmentRule {
    Sha256,
    MediaType,
    Size,
    /// A file name that is empty or holds a path separator or a control character.
    FileName,
}

pub(crate) fn allowed_th(rule: AttachmentRule) -> String {
    match rule {
        AttachmentRule::Sha256 => "ต้องเป็นรหัส SHA-256 ของไฟล์ (เลขฐานสิบหกตัวเล็ก 64 ตัว)".into(),
        AttachmentRule::MediaType => "ต้องเป็นรูปภาพ JPEG, PNG, WebP หรือเอกสาร PDF เท่านั้น".into(),
        AttachmentRule::Size => "ขนาดไฟล์ต้องมากกว่า 0 และไม่เกิน 20 MB".into(),
        AttachmentRule::FileName => {
            "ต้องมีชื่อไฟล์ และชื่อไฟล์ต้องไม่มีเครื่องหมาย / หรือ \\ หรืออักขระควบคุม".into()
        }
    }
}

pub(crate) fn allowed_en(rule: AttachmentRule) -> String {
    match rule {
        AttachmentRule::Sha256 => {
            "must be the file's SHA-256 (64 lowercase hexadecimal digits)".into()
        }
        AttachmentRule::MediaType => "must be a JPEG, PNG or WebP photo or a PDF document".into(),
        AttachmentRule::Size => "a file must be larger than 0 and at most 20 MB".into(),
        AttachmentRule::FileName => {
            "a file needs a name, and it may not hold /, \\ or control characters".into()
        }
    }
}

/// Checks a record's attachments against their ranges (called from each kind's `ranged!`).
pub(crate) fn check(c: &mut Check<'_>, list: &[Attachment]) {
    let n = list.len() as u64;
    c.count(|| "attachments".into(), n, 0..=MAX_ATTACHMENTS);
    let rule = |r| Allowed::Attachment(r);
    for (i, a) in list.iter().enumerate() {
        if !is_sha256_hex(&a.sha256) {
            c.report(
                || at("attachments", i, "sha256"),
                shown(&a.sha256),
                rule(AttachmentRule::Sha256),
            );
        }
        if !MEDIA_TYPES.contains(&a.media_type.as_str()) {
            c.report(
                || at("attachments", i, "media_type"),
                shown(&a.media_type),
                rule(AttachmentRule::MediaType),
            );
        }
        if !(1..=MAX_ATTACHMENT_BYTES).contains(&a.size) {
            c.report(
                || at("attachments", i, "size"),
                a.size.to_string(),
                rule(AttachmentRule::Size),
            );
        }
        c.text(
            || at("attachments", i, "file_name"),
            &a.file_name,
            MAX_NAME_CHARS,
        );
        let name_field = || name_at(i);
        if let Some(found) = first_invisible(&a.file_name) {
            c.report(name_field, shown(&a.file_name), Allowed::Visible { found });
        }
        let bad = |ch: char| ch == '/' || ch == '\\' || ch.is_control();
        if a.file_name.trim().is_empty() || a.file_name.chars().any(bad) {
            c.report(
                name_field,
                shown(&a.file_name),
                rule(AttachmentRule::FileName),
            );
        }
    }
}

fn name_at(i: usize) -> String {
    at("attachments", i, "file_name")
}

/// Every attachment live records of `ds` refer to, by hash (one entry per file however
/// many records hold it): what an export with attachments carries and Settings counts.
pub fn referenced(ds: &Dataset) -> BTreeMap<&str, &Attachment> {
    let mut out = BTreeMap::new();
    for_each_live(ds, |_, list| {
        for a in list {
            out.entry(a.sha256.as_str()).or_insert(a);
        }
    });
    out
}

/// Keeps in `ds` only the records (of the kinds that hold attachments) that `sent` does
/// not carry: what an office already holds when it is sent "only what it lacks".
pub fn retain_not_in(ds: &mut Dataset, sent: &Dataset) {
    use crate::domain::records::Record;
    fn keep<R: Record>(ds: &mut Dataset, sent: &Dataset) {
        let ids: std::collections::HashSet<_> = R::all(sent).iter().map(|r| r.meta().id).collect();
        R::all_mut(ds).retain(|r| !ids.contains(&r.meta().id));
    }
    keep::<Project>(ds, sent);
    keep::<ProgressReport>(ds, sent);
    keep::<Meeting>(ds, sent);
    keep::<Mou>(ds, sent);
    keep::<Instalment>(ds, sent);
}

/// Calls `f` with the kind and attachment list of every live record that can hold them.
pub fn for_each_live<'a>(
    ds: &'a Dataset,
    mut f: impl FnMut(crate::domain::records::RecordKind, &'a [Attachment]),
) {
    use crate::domain::records::Record;
    fn each<'a, R: Record>(
        ds: &'a Dataset,
        list: fn(&R) -> &[Attachment],
        f: &mut impl FnMut(crate::domain::records::RecordKind, &'a [Attachment]),
    ) {
        for r in R::all(ds).iter().filter(|r| !r.meta().deleted) {
            f(R::KIND, list(r));
        }
    }
    each::<Project>(ds, |r| r.attachments.as_slice(), &mut f);
    each::<ProgressReport>(ds, |r| r.attachments.as_slice(), &mut f);
    each::<Meeting>(ds, |r| r.attachments.as_slice(), &mut f);
    each::<Mou>(ds, |r| r.attachments.as_slice(), &mut f);
    each::<Instalment>(ds, |r| r.attachments.as_slice(), &mut f);
}

/// What the files of a record that this device does not hold are, said where they belong
/// (a bundle exported without attachments, or without those the office already had):
/// "ไม่ได้รับรูป 3 รูป" / "3 photos not included". `None` when nothing is missing.
pub fn missing_text(list: &[Attachment], held: impl Fn(&str) -> bool) -> Option<(String, String)> {
    let missing = list.iter().filter(|a| !held(&a.sha256));
    let (photos, documents) =
        missing.fold(
            (0, 0),
            |(p, d), a| {
                if a.is_photo() {
                    (p + 1, d)
                } else {
                    (p, d + 1)
                }
            },
        );
    let photos = (photos > 0).then(|| counted(photos, "รูป", "photo", "photos"));
    let documents = (documents > 0).then(|| counted(documents, "ฉบับ", "document", "documents"));
    let (th, en) = match (photos, documents) {
        (None, None) => return None,
        (Some(p), None) => (format!("ไม่ได้รับรูป {}", p.0), p.1),
        (None, Some(d)) => (format!("ไม่ได้รับเอกสาร {}", d.0), d.1),
        (Some(p), Some(d)) => (
            format!("ไม่ได้รับรูป {} และเอกสาร {}", p.0, d.0),
            format!("{} and {}", p.1, d.1),
        ),
    };
    Some((
        format!("{th} (ไม่ได้ส่งมากับชุดข้อมูล)"),
        format!("{en} not included (not sent with the bundle)"),
    ))
}

/// What attachments take on this device, for Settings.
pub fn usage_text(files: usize, bytes: u64) -> (String, String) {
    let (th, en) = counted(files, "ไฟล์", "file", "files");
    let size = crate::domain::file_size::size_text(bytes);
    (
        format!("ไฟล์แนบ (รูปถ่าย เอกสาร) {th} รวม {size}"),
        format!("Attachments (photos, documents): {en}, {size}"),
    )
}

#[cfg(test)]
#[path = "attachment_tests.rs"]
mod tests;
