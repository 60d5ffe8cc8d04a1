//! Reading a bundle: every check runs before any data is touched, and each failure is a
//! [`BundleError`] naming the problem. Never panics, whatever the input: serde_json stops
//! at 128 levels of nesting, and nothing here indexes or unwraps what a file says.
//!
//! Order of checks, chosen so the most useful message wins: text → JSON → format (an
//! encrypted envelope is recognised here) → schema version ("please update Mueang" before
//! anything else can fail) → manifest present → migration of older files → types (naming the
//! record and field) → ids, conflicts and version vectors → counts → checksum. The checksum
//! is computed on the records as written, before migration, since that is what was summed.

use std::cell::OnceCell;

use serde_json::Value;

use crate::domain::document::{Document, DocumentError, FORMAT_NAME, SCHEMA_VERSION, TYPED_SINCE};
// Long values quoted from a file are cut (`shown`), so one message cannot fill the screen.
use crate::domain::records::limits::{shown, MAX_FILE_BYTES};
use crate::domain::records::RecordKind;
use crate::domain::sync::bundle::Bundle;
use crate::domain::sync::canonical::{canonical_records, dataset_canonical, sha256_hex};
use crate::domain::sync::checks::{
    check_counts, check_export_fields, check_records, check_summary,
};
use crate::domain::sync::crypto::ENCRYPTED_FORMAT;
use crate::domain::sync::error::{BundleError, RecordLabel};
use crate::domain::sync::migrate::migrate;
#[cfg(doc)]
use crate::domain::sync::raw::records_text;
use crate::domain::sync::versions::sort_siblings;
use crate::domain::unique_keys::{self, ParseError, Step};

/// A file that passed every check but the checksum. [`Opening`](super::open::Opening) is
/// the only caller of the checksum steps: it decides what is hashed and what is accepted.
///
/// What to hash: first the file's own records text ([`records_text`]), which is the
/// canonical form for every file a Mueang exporter wrote; only if that does not match
/// [`Prepared::stated_sha256`], the [`Prepared::canonical_bytes`], computed from the types
/// on first use (they cost more than the parse for large bundles).
#[derive(Debug, Clone, PartialEq)]
pub struct Prepared {
    doc: Document,
    /// What the checksum covers; empty for a data file without a manifest. Computed on
    /// demand for current files; set at once for older ones (from the text as written).
    canonical: OnceCell<Vec<u8>>,
    /// Whether `canonical` is (to be) computed from the typed records, rather than from
    /// the text of an older file before it was migrated.
    canonical_from_types: bool,
    /// How the typed records were read from the text.
    read_by: Reader,
    /// The schema version the file was written in (a signature covers it as written).
    written_version: u32,
}

/// The two ways a file's text becomes typed records. Both refuse the same files (a test
/// holds them to it); they differ in speed and in how exactly an error is located.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reader {
    /// Straight into the types, one pass: the way every current file is tried first. The
    /// same typed reader loads stored records, so only text it accepted is stored as it came.
    Typed,
    /// Through a JSON tree (without repeated keys): names the record and field of an error,
    /// and migrates files of an older schema.
    Tree,
}

impl Prepared {
    fn new(mut doc: Document, read_by: Reader) -> Prepared {
        sort_siblings(&mut doc.records);
        Prepared {
            doc,
            canonical: OnceCell::new(),
            canonical_from_types: true,
            read_by,
            written_version: SCHEMA_VERSION,
        }
    }

    fn migrated(mut doc: Document, canonical: Vec<u8>, written_version: u32) -> Prepared {
        sort_siblings(&mut doc.records);
        Prepared {
            doc,
            canonical: OnceCell::from(canonical),
            canonical_from_types: false,
            read_by: Reader::Tree,
            written_version,
        }
    }

    /// The canonical bytes the checksum is defined on.
    pub fn canonical_bytes(&self) -> &[u8] {
        self.canonical.get_or_init(|| match self.doc.manifest {
            Some(_) => dataset_canonical(&self.doc.records),
            None => Vec::new(),
        })
    }

    /// The canonical bytes, taken out, if they were computed (the checksum was compared on
    /// them) from the typed records: each record's canonical text, as it would be written.
    pub fn take_canonical_from_types(&mut self) -> Option<Vec<u8>> {
        self.canonical
            .take()
            .filter(|c| self.canonical_from_types && !c.is_empty())
    }

    /// Whether the records were read by [`Reader::Typed`] from the text itself (not
    /// migrated): only then is each record's text the very text of a checked record.
    pub fn read_by_types(&self) -> bool {
        self.read_by == Reader::Typed
    }

    /// The checksum the manifest states, if there is a manifest.
    pub fn stated_sha256(&self) -> Option<&str> {
        self.doc.manifest.as_ref().map(|m| m.sha256.as_str())
    }

    /// How many records (of every kind, tombstones and conflict versions included) the
    /// file holds, e.g. to say how large an import is before merging it.
    pub fn record_count(&self) -> usize {
        let mut n = self.doc.records.total_len();
        self.doc.records.conflicts.for_each(|_| n += 1);
        n
    }

    /// Compares the manifest's checksum with `sha256_hex`, the SHA-256 of what it covers.
    /// Files are opened through [`Opening`](super::open::Opening), which calls this.
    pub fn finish(self, sha256_hex: &str) -> Result<Bundle, BundleError> {
        let written = self.written_version;
        let doc = self.finish_document(sha256_hex)?;
        Bundle::from_checked(doc, written).ok_or(BundleError::NoManifest)
    }

    fn finish_document(self, sha256_hex: &str) -> Result<Document, BundleError> {
        if let Some(m) = &self.doc.manifest {
            if m.sha256 != sha256_hex {
                return Err(BundleError::ChecksumMismatch {
                    stated: m.sha256.clone(),
                    computed: sha256_hex.to_string(),
                });
            }
        }
        Ok(self.doc)
    }
}

/// Every check of a bundle except comparing the checksum (see [`Prepared`]).
pub fn prepare(text: &str) -> Result<Prepared, BundleError> {
    read(text, true)
}

/// [`prepare`] by one reader only, for holding the two to the same verdicts. A file of an
/// older schema is refused by [`Reader::Typed`] (only the tree reader migrates).
pub fn prepare_by(text: &str, reader: Reader) -> Result<Prepared, BundleError> {
    check_size(text.len())?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match reader {
        Reader::Typed => read_typed(text, true).unwrap_or_else(|e| Err(invalid_text(&e))),
        Reader::Tree => read_tree(text, true),
    }
}

/// Verifies any Mueang data file: like a bundle, but a file without a manifest (a saved
/// data file rather than an exported bundle) is accepted without counts and checksum.
pub fn verify_data_file(text: &str) -> Result<Document, BundleError> {
    let prepared = read(text, false)?;
    let sum = sha256_hex(prepared.canonical_bytes());
    prepared.finish_document(&sum)
}

/// The fast way first: a current file parses straight into the types (one pass, no JSON
/// tree). Only if that fails, or the file is older, is it read as a tree to find out why
/// or to migrate it.
fn read(text: &str, require_manifest: bool) -> Result<Prepared, BundleError> {
    check_size(text.len())?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match read_typed(text, require_manifest) {
        Ok(checked) => checked,
        Err(_) => read_tree(text, require_manifest),
    }
}

/// The typed reader: `Err` if the text does not parse into a current document (the tree
/// reader says why), else the verdict of the checks.
#[allow(clippy::result_large_err)]
fn read_typed(
    text: &str,
    require_manifest: bool,
) -> Result<Result<Prepared, BundleError>, serde_json::Error> {
    let mut doc = serde_json::from_str::<Document>(text)?;
    if doc.format != FORMAT_NAME || !(TYPED_SINCE..=SCHEMA_VERSION).contains(&doc.schema_version) {
        return Err(serde::de::Error::custom("not a current Mueang document"));
    }
    let written = std::mem::replace(&mut doc.schema_version, SCHEMA_VERSION);
    if require_manifest && doc.manifest.is_none() {
        return Ok(Err(BundleError::NoManifest));
    }
    Ok(check_document(&doc).map(|()| Prepared {
        written_version: written,
        ..Prepared::new(doc, Reader::Typed)
    }))
}

/// A typed reader's refusal, for [`prepare_by`] (which has no tree to locate it in).
fn invalid_text(e: &serde_json::Error) -> BundleError {
    BundleError::Invalid {
        path: String::new(),
        detail: strip_position(&e.to_string()),
        record: None,
    }
}

/// Reads the file as JSON: names what is wrong with it, or migrates an older one. The
/// checksum of an older file is computed on its records as written, before migration.
fn read_tree(text: &str, require_manifest: bool) -> Result<Prepared, BundleError> {
    let value = match unique_keys::parse(text) {
        Ok(v) => v,
        Err(ParseError::Json(e)) => return Err(malformed(e)),
        Err(ParseError::Duplicate { at, key }) => return Err(duplicate_key(text, &at, key)),
    };
    let version = check_header(&value)?;
    let manifest_present = value.get("manifest").is_some();
    if require_manifest && !manifest_present {
        return Err(BundleError::NoManifest);
    }
    if version < SCHEMA_VERSION {
        let canonical = match (manifest_present, value.get("records")) {
            (true, Some(records)) => canonical_records(records),
            _ => Vec::new(),
        };
        let value = migrate(value, version).map_err(|detail| BundleError::MigrationFailed {
            from: version,
            detail,
        })?;
        let doc = typed(&value)?;
        check_document(&doc)?;
        return Ok(Prepared::migrated(doc, canonical, version));
    }
    // A current file the fast reader refused: the path-tracking reader says where. It reads
    // the JSON tree already parsed (one path-tracking instantiation for old and current
    // files alike keeps the browser build smaller; this is the error path, speed is moot).
    let doc = typed(&value)?;
    check_document(&doc)?;
    Ok(Prepared::new(doc, Reader::Tree))
}

/// A key named twice in one object: where, and in which record. The record is found in the
/// tree a lenient reader makes of the same text (this is the error path: speed is moot).
fn duplicate_key(text: &str, at: &[Step], key: String) -> BundleError {
    let mut path = String::new();
    for step in at {
        match step {
            Step::Key(k) if path.is_empty() => path.push_str(k),
            Step::Key(k) => path = format!("{path}.{k}"),
            Step::Index(i) => path = format!("{path}[{i}]"),
        }
    }
    let record = serde_json::from_str::<Value>(text)
        .ok()
        .and_then(|value| record_at(&value, at));
    BundleError::DuplicateKey {
        path,
        key: shown(&key),
        record,
    }
}

/// The checks beyond types, for every file: ids, conflicts, versions; for bundles, the
/// exporter and the counts.
fn check_document(doc: &Document) -> Result<(), BundleError> {
    check_records(&doc.records)?;
    if let Some(manifest) = &doc.manifest {
        check_export_fields(doc)?;
        check_counts(&doc.records, &manifest.counts)?;
        check_summary(&doc.records, manifest)?;
    }
    Ok(())
}

/// Format and schema version, read before trusting anything else.
fn check_header(value: &Value) -> Result<u32, BundleError> {
    let Some(obj) = value.as_object() else {
        return Err(DocumentError::NotMueang { found: None }.into());
    };
    match obj.get("format") {
        Some(Value::String(f)) if f == FORMAT_NAME => {}
        Some(Value::String(f)) if f == ENCRYPTED_FORMAT => return Err(BundleError::Encrypted),
        Some(Value::String(f)) => {
            return Err(DocumentError::NotMueang {
                found: Some(shown(f)),
            }
            .into())
        }
        Some(other) => {
            return Err(DocumentError::NotMueang {
                found: Some(shown(&other.to_string())),
            }
            .into())
        }
        None => return Err(DocumentError::NotMueang { found: None }.into()),
    }
    let version = obj
        .get("schema_version")
        .and_then(Value::as_u64)
        .ok_or(BundleError::BadSchemaVersion)?;
    if version > u64::from(SCHEMA_VERSION) {
        let found = u32::try_from(version).unwrap_or(u32::MAX);
        return Err(DocumentError::NewerVersion { found }.into());
    }
    // Fits: it is at most SCHEMA_VERSION.
    Ok(version as u32)
}

/// The typed document from JSON; an error names the path and, inside a record, the record.
fn typed(value: &Value) -> Result<Document, BundleError> {
    serde_path_to_error::deserialize(value).map_err(|e| invalid(value, e))
}

fn invalid(value: &Value, e: serde_path_to_error::Error<serde_json::Error>) -> BundleError {
    use serde_path_to_error::Segment;
    let steps: Vec<Step> = e
        .path()
        .iter()
        .map(|s| match s {
            Segment::Seq { index } => Step::Index(*index),
            Segment::Map { key } => Step::Key(key.clone()),
            Segment::Enum { variant } => Step::Key(variant.clone()),
            Segment::Unknown => Step::Key(String::new()),
        })
        .collect();
    BundleError::Invalid {
        path: e.path().to_string(),
        detail: strip_position(&e.inner().to_string()),
        record: record_at(value, &steps),
    }
}

/// The record a path such as `records.cities[3].name_th` (or `records.conflicts.cities[0]…`)
/// points into, with its id and a name from the file where they are readable.
fn record_at(value: &Value, path: &[Step]) -> Option<RecordLabel> {
    let (list_ptr, kind_key, index) = match path {
        [Step::Key(r), Step::Key(c), Step::Key(k), Step::Index(index), ..]
            if r == "records" && c == "conflicts" =>
        {
            (format!("/records/conflicts/{k}"), k, *index)
        }
        [Step::Key(r), Step::Key(k), Step::Index(index), ..] if r == "records" => {
            (format!("/records/{k}"), k, *index)
        }
        _ => return None,
    };
    let kind = RecordKind::from_key(kind_key)?;
    let record = value.pointer(&list_ptr)?.get(index)?;
    let text = |p: &str| record.pointer(p).and_then(Value::as_str).map(shown);
    let name = ["/name_th", "/title", "/name", "/code"]
        .iter()
        .find_map(|p| text(p));
    Some(RecordLabel {
        kind,
        id: text("/meta/id"),
        name,
    })
}

/// The size limit comes before any parsing: the largest file is refused at once.
pub(crate) fn check_size(bytes: usize) -> Result<(), BundleError> {
    if bytes > MAX_FILE_BYTES {
        return Err(BundleError::TooLarge { bytes });
    }
    Ok(())
}

fn malformed(e: serde_json::Error) -> BundleError {
    DocumentError::Malformed {
        line: e.line(),
        column: e.column(),
        detail: strip_position(&e.to_string()),
    }
    .into()
}

/// serde_json appends " at line L column C"; the path or position is given separately.
fn strip_position(s: &str) -> String {
    match s.rfind(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s.to_string(),
    }
}
