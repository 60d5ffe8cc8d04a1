//! Why a bundle was refused. Every variant names the problem in Thai and English and, where
//! it can, the record (kind, id, name) and the field, so a person can tell the sender what
//! to fix. A refused bundle has changed nothing.

use std::fmt;

use crate::domain::document::DocumentError;
use crate::domain::meta::RecordId;
use crate::domain::records::limits::{self, Allowed};
use crate::domain::records::RecordKind;
use crate::domain::rules::{kind_en, kind_th};
use crate::domain::sync::crypto::CryptoError;

/// A record named in an error: its kind, and its id and name where the file had them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordLabel {
    pub kind: RecordKind,
    pub id: Option<String>,
    pub name: Option<String>,
}

impl RecordLabel {
    /// " (ข้อมูลเมือง รหัส c1 \"…\")" and " (city record c1 \"…\")".
    fn texts(&self) -> (String, String) {
        let name = self
            .name
            .as_ref()
            .map_or(String::new(), |n| format!(" \"{n}\""));
        let (id_th, id_en) = self.id.as_ref().map_or_else(Default::default, |id| {
            (format!(" รหัส {id}"), format!(" {id}"))
        });
        (
            format!(" (ข้อมูล{}{id_th}{name})", kind_th(self.kind)),
            format!(" ({} record{id_en}{name})", kind_en(self.kind)),
        )
    }
}

/// The record's label in both languages, empty when no record is named.
fn labels(l: &Option<RecordLabel>) -> (String, String) {
    l.as_ref().map(RecordLabel::texts).unwrap_or_default()
}

/// Why a value is impossible (see [`BundleError::Impossible`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Impossibility {
    /// A version vector names an office whose id is empty.
    EmptyOfficeInVersion,
    /// A version vector does not count an edit by the office in `updated_by`, though every
    /// edit bumps the editing office's count.
    EditorNotCounted,
    /// A count above [`MAX_COUNTER`](crate::domain::meta::MAX_COUNTER): accepting it would
    /// bring the count within reach of overflowing.
    CounterAboveCeiling,
    /// More offices than [`MAX_OFFICES`](crate::domain::meta::MAX_OFFICES) in one vector.
    TooManyOffices,
    /// `meta.left_out` names a field that is not personal data of the record's kind.
    NotPersonalField,
    /// A summary without personal data that holds some.
    PersonalDataInSummary,
}

impl Impossibility {
    /// The reason in Thai and in English.
    fn texts(self) -> (&'static str, &'static str) {
        match self {
            Impossibility::EmptyOfficeInVersion => (
                "เวกเตอร์เวอร์ชันมีสำนักงานที่ไม่มีรหัส",
                "the version vector names an office with an empty id",
            ),
            Impossibility::EditorNotCounted => (
                "ประวัติการแก้ไขไม่นับการแก้ไขของสำนักงานที่แก้ไขล่าสุด",
                "the version vector does not count an edit by the office in updated_by",
            ),
            Impossibility::CounterAboveCeiling => (
                "จำนวนครั้งที่แก้ไขในเวกเตอร์เวอร์ชันเกินเพดาน 9,007,199,254,740,991 ซึ่งไม่มีทางเกิดจากการแก้ไขจริง",
                "an edit count in the version vector is above the ceiling 9,007,199,254,740,991, which no real history reaches",
            ),
            Impossibility::TooManyOffices => (
                "เวกเตอร์เวอร์ชันระบุสำนักงานเกิน 1,000 แห่ง",
                "the version vector names more than 1,000 offices",
            ),
            Impossibility::NotPersonalField => (
                "รายการนี้บอกว่าไม่ได้รวมข้อมูลช่องหนึ่งมา แต่ช่องนั้นไม่ใช่ข้อมูลส่วนบุคคล",
                "the record says a field was left out, but that field is not personal data",
            ),
            Impossibility::PersonalDataInSummary => (
                "ไฟล์บอกว่าเป็นสรุปโดยไม่มีข้อมูลส่วนบุคคล แต่ยังมีชื่อ เบอร์โทร หรือช่องทางติดต่ออยู่",
                "the file says it is a summary without personal data, yet it holds names, phone numbers or contacts",
            ),
        }
    }
}

/// Where a value out of its range is: `path` points at it (`records.cities[0].name_th`),
/// `value` is shown cut to 40 characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutOfRangeAt {
    pub path: String,
    pub value: String,
    pub allowed: Allowed,
    pub record: Option<RecordLabel>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum BundleError {
    /// The bytes are not UTF-8 text (an image, a zip, a damaged download).
    NotText,
    /// Broken JSON, another format, a newer schema or a duplicate id: the document layer's
    /// errors, with its messages.
    Document(DocumentError),
    /// Content that does not fit the schema (unknown field, wrong type, negative amount…);
    /// `path` points at it, e.g. `records.cities[3].budgets[0].approved_ceiling`.
    Invalid {
        path: String,
        detail: String,
        record: Option<RecordLabel>,
    },
    /// A Mueang data file, but not an exported bundle: it has no manifest to check it by.
    NoManifest,
    /// The bundle is locked with a passphrase, and none was given.
    Encrypted,
    /// Decryption failed: wrong passphrase, damaged file or unreadable envelope.
    Crypto(CryptoError),
    /// The records differ from what the manifest's checksum says: changed after export.
    ChecksumMismatch { stated: String, computed: String },
    /// The manifest's count for a kind differs from the records present; `what` is
    /// "records", "deleted records" or "conflict versions".
    CountMismatch {
        kind: RecordKind,
        what: &'static str,
        stated: usize,
        found: usize,
    },
    /// A conflict version whose record is not in the bundle.
    SiblingWithoutRecord { kind: RecordKind, id: RecordId },
    /// A value no Mueang writes, e.g. a version vector that does not count its own editor.
    Impossible {
        path: String,
        reason: Impossibility,
        record: Option<RecordLabel>,
    },
    /// `schema_version` is missing or not a whole number.
    BadSchemaVersion,
    /// An object names the same key twice (`path` is the object, e.g.
    /// `records.cities[0].meta.version`). JSON readers disagree on which value counts, so
    /// no reader here accepts it.
    DuplicateKey {
        path: String,
        key: String,
        record: Option<RecordLabel>,
    },
    /// A bundle must say which office exported it and when; `field` is the missing one.
    MissingExportField { field: &'static str },
    /// An older file that could not be brought up to date.
    MigrationFailed { from: u32, detail: String },
    /// A value outside the range the programme makes sense in (see `records::limits`).
    OutOfRange(Box<OutOfRangeAt>),
    /// The file is larger than [`limits::MAX_FILE_BYTES`]; refused before reading it.
    TooLarge { bytes: usize },
    /// More records of one kind than [`limits::MAX_RECORDS_PER_KIND`].
    TooManyRecords { kind: RecordKind, count: usize },
    /// The signature does not verify (or cannot be read: `reason` names the part). The
    /// bundle was changed after it was signed, or was not signed by the key it carries.
    BadSignature { reason: &'static str },
    /// A carried attachment that fails its checks (`sync::files`).
    Attachment(crate::domain::sync::files::FileRefusal),
}

impl BundleError {
    /// A stable short code, for tests and logs.
    pub fn code(&self) -> &'static str {
        match self {
            BundleError::NotText => "not_text",
            BundleError::Document(d) => match d {
                DocumentError::Malformed { .. } => "malformed",
                DocumentError::NotMueang { .. } => "not_mueang",
                DocumentError::NewerVersion { .. } => "newer_version",
                DocumentError::Invalid { .. } => "invalid",
                DocumentError::DuplicateId { .. } => "duplicate_id",
            },
            BundleError::Invalid { .. } => "invalid",
            BundleError::NoManifest => "no_manifest",
            BundleError::Encrypted => "encrypted",
            BundleError::Crypto(c) => c.code(),
            BundleError::ChecksumMismatch { .. } => "checksum_mismatch",
            BundleError::CountMismatch { .. } => "count_mismatch",
            BundleError::SiblingWithoutRecord { .. } => "sibling_without_record",
            BundleError::Impossible { .. } => "impossible_value",
            BundleError::BadSchemaVersion => "bad_schema_version",
            BundleError::DuplicateKey { .. } => "duplicate_key",
            BundleError::MissingExportField { .. } => "missing_export_field",
            BundleError::MigrationFailed { .. } => "migration_failed",
            BundleError::OutOfRange(_) => "out_of_range",
            BundleError::TooLarge { .. } => "too_large",
            BundleError::TooManyRecords { .. } => "too_many_records",
            BundleError::BadSignature { .. } => "bad_signature",
            BundleError::Attachment(_) => "attachment_refused",
        }
    }

    pub fn message_th(&self) -> String {
        self.messages().0
    }

    pub fn message_en(&self) -> String {
        self.messages().1
    }

    /// The message in Thai and in English, side by side so that each says the same.
    fn messages(&self) -> (String, String) {
        let both = |th: &str, en: &str| (th.to_owned(), en.to_owned());
        match self {
            BundleError::NotText => both(
                "ไฟล์นี้ไม่ใช่ไฟล์ข้อความ (อาจเป็นรูปภาพ ไฟล์บีบอัด หรือไฟล์เสีย) จึงไม่ใช่ข้อมูลของเมือง",
                "This file is not text (perhaps an image, a zip or a damaged file), so it is not Mueang data.",
            ),
            BundleError::Document(d) => (d.message_th(), d.message_en()),
            BundleError::Invalid { path, detail, record } => {
                let (th, en) = labels(record);
                (
                    format!("ข้อมูลไม่ถูกต้องที่ {path}{th}: {detail}"),
                    format!("Invalid data at {path}{en}: {detail}"),
                )
            }
            BundleError::NoManifest => both(
                "ไฟล์นี้เป็นข้อมูลของเมือง แต่ไม่ใช่ชุดข้อมูลที่ส่งออกเพื่อแลกเปลี่ยน (ไม่มีส่วน manifest จึงตรวจสอบความครบถ้วนไม่ได้) กรุณาให้ผู้ส่งใช้คำสั่งส่งออกข้อมูล",
                "This is a Mueang data file but not a bundle exported for sharing: it has no manifest, so it cannot be checked. Ask the sender to use Export.",
            ),
            BundleError::Encrypted => both(
                "ไฟล์นี้ถูกล็อกด้วยรหัสผ่าน กรุณาใส่รหัสผ่านที่ได้รับจากผู้ส่ง",
                "This bundle is locked with a passphrase. Enter the passphrase the sender gave you.",
            ),
            BundleError::Crypto(c) => (c.message_th(), c.message_en()),
            BundleError::ChecksumMismatch { .. } => both(
                "ข้อมูลในไฟล์ไม่ตรงกับค่าตรวจสอบ (checksum) ที่บันทึกไว้ตอนส่งออก ไฟล์อาจถูกแก้ไขหรือเสียหายระหว่างส่ง กรุณาขอไฟล์ใหม่จากผู้ส่ง",
                "The data does not match the checksum recorded at export: the file was changed or damaged on the way. Ask the sender for a new copy.",
            ),
            BundleError::CountMismatch { kind, what, stated, found } => (
                format!(
                    "จำนวน{}ในข้อมูล{} ไม่ตรงกับที่ระบุไว้ (ระบุ {stated} รายการ พบ {found} รายการ) ไฟล์อาจไม่ครบ",
                    what_th(what),
                    kind_th(*kind)
                ),
                format!(
                    "The number of {} {what} differs from the manifest (stated {stated}, found {found}); the file may be incomplete.",
                    kind_en(*kind)
                ),
            ),
            BundleError::SiblingWithoutRecord { kind, id } => (
                format!(
                    "พบข้อมูลขัดแย้งของรายการ {id} ในข้อมูล{} แต่ไม่พบรายการนั้นในไฟล์",
                    kind_th(*kind)
                ),
                format!(
                    "A conflict version of {} record {id} is present, but the record itself is not.",
                    kind_en(*kind)
                ),
            ),
            BundleError::Impossible { path, reason, record } => {
                let ((th, en), (why_th, why_en)) = (labels(record), reason.texts());
                (
                    format!("ค่าที่เป็นไปไม่ได้ที่ {path}{th}: {why_th}"),
                    format!("Impossible value at {path}{en}: {why_en}"),
                )
            }
            BundleError::DuplicateKey { path, key, record } => {
                let ((th, en), (at_th, at_en)) = (labels(record), place(path));
                (
                    format!("ช่อง \"{key}\" ซ้ำกันสองครั้งใน{at_th}{th}: ไม่ทราบว่าค่าใดถูกต้อง กรุณาขอไฟล์ใหม่จากผู้ส่ง"),
                    format!("The key \"{key}\" appears twice in {at_en}{en}: which value is meant is unclear. Ask the sender for a new copy."),
                )
            }
            BundleError::BadSchemaVersion => both(
                "ไม่มีหมายเลขรุ่นของรูปแบบไฟล์ หรือไม่ใช่จำนวนเต็ม",
                "The schema_version field is missing or not a whole number.",
            ),
            BundleError::MissingExportField { field } => (
                format!("ชุดข้อมูลไม่มีช่อง {field} ซึ่งต้องระบุว่าสำนักงานใดส่งออกและเมื่อใด"),
                format!("The bundle lacks {field}: it must say which office exported it and when."),
            ),
            BundleError::MigrationFailed { from, detail } => (
                format!("แปลงไฟล์จากเมืองรุ่นเก่า (สคีมา {from}) ไม่สำเร็จ: {detail}"),
                format!("Could not bring this file from an older Mueang (schema {from}) up to date: {detail}"),
            ),
            BundleError::OutOfRange(at) => {
                let (th, en) = labels(&at.record);
                let value = &at.value;
                (
                    format!("ค่าเกินขอบเขตที่ {}{th}: \"{value}\" {}", at.path, at.allowed.th()),
                    format!("Value out of range at {}{en}: \"{value}\" {}", at.path, at.allowed.en()),
                )
            }
            BundleError::TooLarge { bytes } => {
                let (mb, most) = (bytes / MB, limits::MAX_FILE_BYTES / MB);
                (
                    format!("ไฟล์ใหญ่เกินไป ({mb} MB) ไฟล์ของเมืองมีขนาดได้ไม่เกิน {most} MB"),
                    format!("The file is too large ({mb} MB); a Mueang file may be at most {most} MB."),
                )
            }
            BundleError::TooManyRecords { kind, count } => {
                let most = limits::MAX_RECORDS_PER_KIND;
                (
                    format!(
                        "มีข้อมูล{} มากเกินไป ({count} รายการ) มีได้ไม่เกิน {most} รายการต่อประเภท",
                        kind_th(*kind)
                    ),
                    format!(
                        "Too many {} records ({count}); a file may hold at most {most} of one kind.",
                        kind_en(*kind)
                    ),
                )
            }
            BundleError::Attachment(r) => (r.th(), r.en()),
            BundleError::BadSignature { .. } => both(
                "ลายเซ็นของไฟล์นี้ไม่ถูกต้อง: ไฟล์ถูกแก้ไขหลังส่งออก หรือไม่ได้มาจากเครื่องที่ลงชื่อไว้ จึงไม่นำเข้า กรุณาขอไฟล์ใหม่จากผู้ส่ง",
                "This bundle's signature is not valid: it was changed after export, or it did not come from the device that signed it, so it is not imported. Ask the sender for a new copy.",
            ),
        }
    }
}

const MB: usize = 1024 * 1024;

/// Where in the file `path` is: the header when it is empty.
fn place(path: &str) -> (String, String) {
    if path.is_empty() {
        ("ส่วนหัวของไฟล์".into(), "the file's header".into())
    } else {
        (format!(" {path}"), path.to_string())
    }
}

fn what_th(what: &str) -> &'static str {
    match what {
        "records" => "รายการ",
        "deleted records" => "รายการที่ลบ",
        _ => "ข้อมูลขัดแย้ง",
    }
}

impl From<DocumentError> for BundleError {
    fn from(e: DocumentError) -> BundleError {
        BundleError::Document(e)
    }
}

impl From<CryptoError> for BundleError {
    fn from(e: CryptoError) -> BundleError {
        BundleError::Crypto(e)
    }
}

impl fmt::Display for BundleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_en())
    }
}

impl std::error::Error for BundleError {}
