//! File format v1: one JSON document holding records of every kind.
//!
//! ```json
//! { "format": "mueang-data", "schema_version": 1, "records": { "cities": [ ... ] } }
//! ```
//! Exported bundles (the sync issue) are documents of this format with a manifest.

use std::collections::HashSet;
use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::meta::{Editor, RecordId};
use crate::domain::records::limits::shown;
use crate::domain::records::{Dataset, RecordKind};
use crate::domain::rules::{kind_en, kind_th};
use crate::domain::sync::manifest::Manifest;

/// The `format` value that identifies a Mueang file.
pub const FORMAT_NAME: &str = "mueang-data";
/// The schema version this build writes and the newest it reads.
pub const SCHEMA_VERSION: u32 = 4;
/// The oldest schema version the current types read as it is: every step since only added
/// optional fields or kinds (see `sync::migrate`), so such a file takes the fast typed reader and
/// its records are stored as the file wrote them.
pub const TYPED_SINCE: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// Always `"mueang-data"`.
    pub format: String,
    pub schema_version: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exported_at: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exported_by: Option<Editor>,
    /// Present in bundles exported for another office (see `sync`): id, counts, checksum.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub manifest: Option<Manifest>,
    /// The exporting device's Ed25519 signature of the header (docs/file-format.md,
    /// "Signature"); absent in unsigned bundles and plain data files.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature: Option<crate::domain::sync::signature::Signature>,
    /// In bundles exported with attachments: the files the records name (see
    /// `sync::files`); checked on opening, then moved out of the document.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<crate::domain::sync::files::BundleFile>,
    pub records: Dataset,
}

/// Why a file could not be read. Each variant has a Thai and an English message.
#[derive(Debug, Clone, PartialEq)]
pub enum DocumentError {
    /// Not JSON at all, or cut short (a truncated download).
    Malformed {
        line: usize,
        column: usize,
        detail: String,
    },
    /// JSON, but not a Mueang file.
    NotMueang { found: Option<String> },
    /// Written by a newer Mueang: the person must update before importing.
    NewerVersion { found: u32 },
    /// A Mueang file whose content does not fit the schema, e.g. an unknown field or a
    /// negative amount; `path` points at it, e.g. `records.cities[3].name_th`.
    Invalid { path: String, detail: String },
    /// Two records of one kind share an id.
    DuplicateId { kind: RecordKind, id: RecordId },
}

impl DocumentError {
    pub fn message_th(&self) -> String {
        self.messages().0
    }

    pub fn message_en(&self) -> String {
        self.messages().1
    }

    /// The message in Thai and in English, side by side so that each says the same.
    fn messages(&self) -> (String, String) {
        match self {
            DocumentError::Malformed { line, column, detail } => (
                format!("ไฟล์ไม่ใช่ JSON ที่สมบูรณ์ (บรรทัด {line} ตำแหน่ง {column}): {detail} — ไฟล์อาจเสียหายหรือดาวน์โหลดไม่ครบ"),
                format!("The file is not complete JSON (line {line}, column {column}): {detail}. It may be damaged or only partly downloaded."),
            ),
            DocumentError::NotMueang { found: Some(f) } => (
                format!("ไฟล์นี้ไม่ใช่ข้อมูลของเมือง (รูปแบบ \"{f}\")"),
                format!("This is not a Mueang file (format \"{f}\")."),
            ),
            DocumentError::NotMueang { found: None } => (
                "ไฟล์นี้ไม่ใช่ข้อมูลของเมือง (ไม่มีช่อง format)".to_string(),
                "This is not a Mueang file (it has no format field).".to_string(),
            ),
            DocumentError::NewerVersion { found } => (
                format!("ไฟล์นี้สร้างจากเมืองรุ่นใหม่กว่า (สคีมา {found} แต่รุ่นนี้อ่านได้ถึง {SCHEMA_VERSION}) กรุณาอัปเดตเมืองก่อนนำเข้า"),
                format!("This file comes from a newer Mueang (schema {found}; this one reads up to {SCHEMA_VERSION}). Please update Mueang, then import it."),
            ),
            DocumentError::Invalid { path, detail } => (
                format!("ข้อมูลไม่ถูกต้องที่ {path}: {detail}"),
                format!("Invalid data at {path}: {detail}"),
            ),
            DocumentError::DuplicateId { kind, id } => (
                format!("พบรหัสรายการซ้ำในข้อมูล{}: {id}", kind_th(*kind)),
                format!("The same record id appears twice among the {} records: {id}", kind_en(*kind)),
            ),
        }
    }
}

impl fmt::Display for DocumentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_en())
    }
}

impl std::error::Error for DocumentError {}

/// Only the fields that say what a file is, read before trusting the rest of it.
#[derive(Deserialize)]
struct Header {
    format: Option<serde_json::Value>,
    schema_version: Option<serde_json::Value>,
}

impl Document {
    pub fn new(records: Dataset) -> Document {
        Document {
            format: FORMAT_NAME.to_string(),
            schema_version: SCHEMA_VERSION,
            exported_at: None,
            exported_by: None,
            manifest: None,
            signature: None,
            attachments: Vec::new(),
            records,
        }
    }

    /// Reads a file's text. Never panics: broken JSON, another format, a newer schema,
    /// content that does not fit the schema and duplicate ids each get their own error.
    pub fn parse(text: &str) -> Result<Document, DocumentError> {
        let header: Header = serde_json::from_str(text).map_err(malformed)?;
        match header.format {
            Some(serde_json::Value::String(f)) if f == FORMAT_NAME => {}
            // Cut: a file's `format` can be megabytes long.
            Some(serde_json::Value::String(f)) => {
                return Err(DocumentError::NotMueang {
                    found: Some(shown(&f)),
                })
            }
            Some(other) => {
                return Err(DocumentError::NotMueang {
                    found: Some(shown(&other.to_string())),
                })
            }
            None => return Err(DocumentError::NotMueang { found: None }),
        }
        if let Some(found) = header.schema_version.as_ref().and_then(|v| v.as_u64()) {
            if found > u64::from(SCHEMA_VERSION) {
                return Err(DocumentError::NewerVersion {
                    found: u32::try_from(found).unwrap_or(u32::MAX),
                });
            }
            if found < u64::from(SCHEMA_VERSION) {
                // Fits: it is below SCHEMA_VERSION.
                return Document::parse_older(text, found as u32);
            }
        }
        // Through a `Value`, like older files and bundles: one path-tracking decoder of
        // `Document` in the wasm instead of one per input type (~50 kB).
        let value: serde_json::Value = serde_json::from_str(text).map_err(malformed)?;
        Document::from_value(&value)
    }

    /// A file from an older Mueang: migrated as JSON one schema version at a time (see
    /// `sync::migrate`), then read as the current format.
    fn parse_older(text: &str, from: u32) -> Result<Document, DocumentError> {
        let value: serde_json::Value = serde_json::from_str(text).map_err(malformed)?;
        let value = crate::domain::sync::migrate::migrate(value, from).map_err(|detail| {
            DocumentError::Invalid {
                path: "schema_version".into(),
                detail: format!("cannot migrate from schema {from}: {detail}"),
            }
        })?;
        Document::from_value(&value)
    }

    /// The typed document from parsed JSON; an error names the path that does not fit.
    fn from_value(value: &serde_json::Value) -> Result<Document, DocumentError> {
        let doc: Document =
            serde_path_to_error::deserialize(value).map_err(|e| DocumentError::Invalid {
                path: e.path().to_string(),
                detail: strip_position(&e.inner().to_string()),
            })?;
        doc.check_unique_ids()?;
        Ok(doc)
    }

    /// Pretty JSON, the way files are written for people to diff and e-mail.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a Document always serialises")
    }

    fn check_unique_ids(&self) -> Result<(), DocumentError> {
        let mut seen: HashSet<(RecordKind, RecordId)> = HashSet::new();
        let mut dup = None;
        self.records.for_each(|r| {
            if dup.is_none() && !seen.insert((r.kind(), r.meta().id)) {
                dup = Some(DocumentError::DuplicateId {
                    kind: r.kind(),
                    id: r.meta().id,
                });
            }
        });
        dup.map_or(Ok(()), Err)
    }
}

fn malformed(e: serde_json::Error) -> DocumentError {
    DocumentError::Malformed {
        line: e.line(),
        column: e.column(),
        detail: strip_position(&e.to_string()),
    }
}

/// serde_json appends " at line L column C"; the path already says where.
fn strip_position(s: &str) -> String {
    match s.rfind(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s.to_string(),
    }
}
