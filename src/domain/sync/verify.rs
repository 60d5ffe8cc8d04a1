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

use crate::domain::document::{Document, DocumentError, FORMAT_NAME, SCHEMA_VERSION};
// Long values quoted from a file are cut (`shown`), so one message cannot fill the screen.
use crate::domain::records::limits::{shown, MAX_FILE_BYTES};
use crate::domain::records::{Dataset, RecordKind};
use crate::domain::sync::bundle::Bundle;
use crate::domain::sync::canonical::{canonical_records, dataset_canonical, sha256_hex};
use crate::domain::sync::checks::{check_counts, check_export_fields, check_records};
use crate::domain::sync::crypto::{decrypt, is_encrypted, ENCRYPTED_FORMAT};
use crate::domain::sync::error::{BundleError, RecordLabel};
use crate::domain::sync::merge::{merge, MergeOutcome};
use crate::domain::sync::migrate::migrate;
use crate::domain::sync::raw::records_text;
use crate::domain::sync::versions::sort_siblings;

/// A verified bundle and what merging it into the local data would do.
#[derive(Debug, Clone, PartialEq)]
pub struct Import {
    pub bundle: Bundle,
    pub outcome: MergeOutcome,
}

/// A bundle that passed every check but the checksum comparison. The browser can hash
/// with Web Crypto (much faster than SHA-256 in wasm) and call [`Prepared::finish`];
/// [`verify`] does both natively.
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
    /// Read from an older schema's file, migrated: its records text is not what the typed
    /// records were read from.
    migrated: bool,
}

impl Prepared {
    fn new(mut doc: Document) -> Prepared {
        sort_siblings(&mut doc.records);
        Prepared {
            doc,
            canonical: OnceCell::new(),
            migrated: false,
        }
    }

    fn with_canonical(mut doc: Document, canonical: Vec<u8>) -> Prepared {
        sort_siblings(&mut doc.records);
        Prepared {
            doc,
            canonical: OnceCell::from(canonical),
            migrated: true,
        }
    }

    /// The canonical bytes the checksum is defined on.
    pub fn canonical_bytes(&self) -> &[u8] {
        self.canonical.get_or_init(|| match self.doc.manifest {
            Some(_) => dataset_canonical(&self.doc.records),
            None => Vec::new(),
        })
    }

    /// Whether the file was of an older schema (read through a migration).
    pub fn is_migrated(&self) -> bool {
        self.migrated
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

    /// Compares the manifest's checksum with `sha256_hex`, the SHA-256 of
    /// [`Prepared::canonical_bytes`] in lowercase hex.
    pub fn finish(self, sha256_hex: &str) -> Result<Bundle, BundleError> {
        let doc = self.finish_document(sha256_hex)?;
        Bundle::from_checked(doc).ok_or(BundleError::NoManifest)
    }

    /// [`Prepared::finish`] with the checksum computed here; `text` is the text this was
    /// prepared from, whose records slice is tried first (see [`Prepared`]).
    pub fn finish_native(self, text: &str) -> Result<Bundle, BundleError> {
        if let (Some(stated), Some(raw)) = (self.stated_sha256(), records_text(text)) {
            let sum = sha256_hex(raw.as_bytes());
            if sum == stated {
                return self.finish(&sum);
            }
        }
        let sum = sha256_hex(self.canonical_bytes());
        self.finish(&sum)
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

/// Verifies the bytes of a chosen file (UTF-8, an optional byte-order mark from Windows
/// editors) as a bundle.
pub fn verify_bytes(bytes: &[u8]) -> Result<Bundle, BundleError> {
    verify(as_text(bytes)?)
}

/// Verifies a bundle's text: it must be a Mueang document with a manifest whose counts and
/// checksum match its records.
pub fn verify(text: &str) -> Result<Bundle, BundleError> {
    prepare(text)?.finish_native(text)
}

/// Every check of [`verify`] except comparing the checksum.
pub fn prepare(text: &str) -> Result<Prepared, BundleError> {
    read(text, true)
}

/// Verifies any Mueang data file: like [`verify`], but a file without a manifest (a saved
/// data file rather than an exported bundle) is accepted without counts and checksum.
pub fn verify_data_file(text: &str) -> Result<Document, BundleError> {
    let prepared = read(text, false)?;
    let sum = sha256_hex(prepared.canonical_bytes());
    prepared.finish_document(&sum)
}

/// Opens a chosen file: decrypts it first if it is locked (`passphrase` needed), then
/// verifies it.
pub fn open(bytes: &[u8], passphrase: Option<&str>) -> Result<Bundle, BundleError> {
    let text = as_text(bytes)?;
    let locked = is_encrypted(text);
    let result = if locked {
        Err(BundleError::Encrypted)
    } else {
        verify(text)
    };
    match (result, passphrase) {
        (Err(BundleError::Encrypted), Some(p)) => verify(&decrypt(text, p)?),
        (other, _) => other,
    }
}

/// Opens and verifies a file, then computes the merge with `local`. Nothing is written:
/// the caller stores `outcome.dataset` (in one transaction) once the person confirms, so a
/// refused or cancelled import leaves the data exactly as it was.
pub fn import(
    local: &Dataset,
    bytes: &[u8],
    passphrase: Option<&str>,
) -> Result<Import, BundleError> {
    let bundle = open(bytes, passphrase)?;
    let outcome = merge(local, bundle.records());
    Ok(Import { bundle, outcome })
}

fn as_text(bytes: &[u8]) -> Result<&str, BundleError> {
    check_size(bytes.len())?;
    let text = std::str::from_utf8(bytes).map_err(|_| BundleError::NotText)?;
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text))
}

/// The fast way first: a current file parses straight into the types (one pass, no JSON
/// tree). Only if that fails, or the file is older, is it read as JSON to find out why or
/// to migrate it.
fn read(text: &str, require_manifest: bool) -> Result<Prepared, BundleError> {
    check_size(text.len())?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match serde_json::from_str::<Document>(text) {
        Ok(doc) if doc.format == FORMAT_NAME && doc.schema_version == SCHEMA_VERSION => {
            if require_manifest && doc.manifest.is_none() {
                return Err(BundleError::NoManifest);
            }
            check_document(&doc)?;
            Ok(Prepared::new(doc))
        }
        _ => read_slowly(text, require_manifest),
    }
}

/// Reads the file as JSON: names what is wrong with it, or migrates an older one. The
/// checksum of an older file is computed on its records as written, before migration.
fn read_slowly(text: &str, require_manifest: bool) -> Result<Prepared, BundleError> {
    let value: Value = serde_json::from_str(text).map_err(malformed)?;
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
        return Ok(Prepared::with_canonical(doc, canonical));
    }
    // A current file the fast reader refused: the path-tracking reader says where. It reads
    // the JSON tree already parsed (one path-tracking instantiation for old and current
    // files alike keeps the browser build smaller; this is the error path, speed is moot).
    let doc = typed(&value)?;
    check_document(&doc)?;
    Ok(Prepared::new(doc))
}

/// The checks beyond types, for every file: ids, conflicts, versions; for bundles, the
/// exporter and the counts.
fn check_document(doc: &Document) -> Result<(), BundleError> {
    check_records(&doc.records)?;
    if let Some(manifest) = &doc.manifest {
        check_export_fields(doc)?;
        check_counts(&doc.records, &manifest.counts)?;
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
    BundleError::Invalid {
        path: e.path().to_string(),
        detail: strip_position(&e.inner().to_string()),
        record: record_at(value, e.path()),
    }
}

/// The record a path such as `records.cities[3].name_th` (or `records.conflicts.cities[0]…`)
/// points into, with its id and a name from the file where they are readable.
fn record_at(value: &Value, path: &serde_path_to_error::Path) -> Option<RecordLabel> {
    use serde_path_to_error::Segment;
    let segs: Vec<&Segment> = path.iter().collect();
    let (list_ptr, kind_key, index) = match segs.as_slice() {
        [Segment::Map { key: r }, Segment::Map { key: c }, Segment::Map { key: k }, Segment::Seq { index }, ..]
            if r == "records" && c == "conflicts" =>
        {
            (format!("/records/conflicts/{k}"), k, *index)
        }
        [Segment::Map { key: r }, Segment::Map { key: k }, Segment::Seq { index }, ..]
            if r == "records" =>
        {
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
fn check_size(bytes: usize) -> Result<(), BundleError> {
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
