//! Opening a bundle: the one place that decides whether a file is accepted, for the app,
//! the command line, the bench and the tests alike.
//!
//! The steps: bytes → text (an optional byte-order mark from Windows editors is skipped) →
//! unlock (if locked with a passphrase) → parse and check every record ([`Opening::new`]) →
//! checksum → a [`Bundle`] ([`Opening::finish`]). Only the hashing is left to the caller,
//! because the browser hashes with Web Crypto, which is asynchronous and several times
//! faster than SHA-256 in wasm: it asks [`Opening::to_hash`] what to hash, hands the sum to
//! [`Opening::hashed`], and repeats until there is nothing left to hash. [`open_file`] does
//! the same with a hash function given to it (native SHA-256 in [`open`] and [`verify`]).
//!
//! The checksum is tried on the file's own records text first (every file the app exports
//! has its records last and canonical), then on the canonical bytes of the types. A records
//! text that cannot be canonical (whitespace after its first brace: pretty-printed, as
//! `mueang merge` writes) is tried last instead, so that a large file is not hashed twice;
//! the same files are accepted either way. A bundle keeps each record's text (see
//! [`RecordTexts`]) only when that text is what the checksum vouched for *and* what the
//! typed reader, the one storage loads records with, accepted, or is the canonical text the
//! checksum was computed on from the typed records: what is stored is what was checked.

use std::sync::Arc;

use crate::domain::records::Dataset;
use crate::domain::sync::bundle::Bundle;
use crate::domain::sync::canonical::sha256_hex;
use crate::domain::sync::crypto::{decrypt, is_encrypted};
use crate::domain::sync::error::BundleError;
use crate::domain::sync::files::FileRefusal;
use crate::domain::sync::merge::{merge, MergeOutcome};
use crate::domain::sync::raw::{has_top_level_key, records_text};
use crate::domain::sync::record_texts::RecordTexts;
use crate::domain::sync::verify::{prepare, Prepared};

/// A chosen file's text, shared: a verified bundle keeps each record's slice of it (see
/// [`RecordTexts`]) instead of a copy.
pub type FileText = Arc<String>;

/// A file's bytes as text, or why it is not a bundle.
pub fn file_text(bytes: Vec<u8>) -> Result<FileText, BundleError> {
    crate::domain::sync::verify::check_size(bytes.len())?;
    String::from_utf8(bytes)
        .map(Arc::new)
        .map_err(|_| BundleError::NotText)
}

/// Whether the file is locked with a passphrase (see [`unlock`]).
pub fn is_locked(file: &str) -> bool {
    is_encrypted(without_bom(file))
}

/// The file's text, decrypted if it is locked. A locked file without a passphrase (or with
/// an empty one) is refused with [`BundleError::Encrypted`], so the caller can ask for one.
pub fn unlock(file: FileText, passphrase: Option<&str>) -> Result<FileText, BundleError> {
    if !is_locked(&file) {
        return Ok(file);
    }
    let passphrase = passphrase
        .filter(|p| !p.is_empty())
        .ok_or(BundleError::Encrypted)?;
    Ok(Arc::new(decrypt(without_bom(&file), passphrase)?))
}

/// A file being opened: parsed and checked, its checksum still to be compared.
#[derive(Debug)]
pub struct Opening {
    file: FileText,
    prepared: Prepared,
    hashing: Hashing,
    /// The records text is to be hashed after the canonical bytes, if they do not match.
    text_last: bool,
    /// Entries of an `attachments` section read apart from this text (`files_section`).
    files_apart: Option<usize>,
}

#[derive(Debug, Clone, PartialEq)]
enum Hashing {
    /// The file's own records text is to be hashed.
    RecordsText,
    /// The canonical bytes of the typed records are to be hashed.
    Canonical,
    /// The records text is to be hashed, the canonical bytes having given `canonical`,
    /// which is not the stated checksum.
    TextAfter { canonical: String },
    /// The checksum to compare with the manifest's, and whether the records text gave it.
    Done { sum: String, by_text: bool },
}

impl Opening {
    /// Parses `file` (unlocked, see [`unlock`]) and runs every check but the checksum.
    pub fn new(file: FileText) -> Result<Opening, BundleError> {
        if is_locked(&file) {
            return Err(BundleError::Encrypted);
        }
        let prepared = prepare(without_bom(&file))?;
        let text = records_text(&file).filter(|_| prepared.stated_sha256().is_some());
        let text_last = text.is_some_and(|t| !may_be_canonical(t));
        let hashing = if text.is_some() && !text_last {
            Hashing::RecordsText
        } else {
            Hashing::Canonical
        };
        Ok(Opening {
            file,
            prepared,
            hashing,
            text_last,
            files_apart: None,
        })
    }

    /// What a caller may start hashing before [`Opening::new`], so that the hash runs while
    /// the file is parsed (the browser's Web Crypto hashes off the main thread): the file's
    /// own records text when it may be canonical, which is what [`Opening::to_hash`] asks
    /// for first. Its sum goes to [`Opening::hashed_early`]. `file` is unlocked text.
    pub fn early_hash(file: &str) -> Option<&[u8]> {
        records_text(file)
            .filter(|t| may_be_canonical(t))
            .map(str::as_bytes)
    }

    /// The SHA-256 of what [`Opening::early_hash`] gave for this file: taken as the answer
    /// to the first [`Opening::to_hash`] if that asks for the same text, ignored otherwise
    /// (no manifest, or the file is hashed another way), so the verdict is the same as
    /// without it.
    pub fn hashed_early(&mut self, sha256_hex: String) {
        if self.hashing == Hashing::RecordsText {
            self.hashed(sha256_hex);
        }
    }

    /// How many records (tombstones and conflict versions included) the file holds.
    pub fn record_count(&self) -> usize {
        self.prepared.record_count()
    }

    /// The checksum the manifest states, if the file has a manifest. The fuzz target hands
    /// it back to [`Opening::hashed`] so that mutated files reach the checks after it.
    pub fn stated_sha256(&self) -> Option<&str> {
        self.prepared.stated_sha256()
    }

    /// The file's `attachments` section was taken out of its text and held `entries`
    /// files, which the reader checks one at a time ([`crate::domain::sync::files::FileCheck`]):
    /// [`Opening::finish`] then compares only their number with the manifest.
    pub fn files_apart(&mut self, entries: usize) {
        self.files_apart = Some(entries);
    }

    /// What to hash next with SHA-256, or `None` once the checksum is known.
    pub fn to_hash(&self) -> Option<&[u8]> {
        match self.hashing {
            Hashing::RecordsText | Hashing::TextAfter { .. } => {
                records_text(&self.file).map(str::as_bytes)
            }
            Hashing::Canonical => Some(self.prepared.canonical_bytes()),
            Hashing::Done { .. } => None,
        }
    }

    /// The SHA-256 (lowercase hex) of what [`Opening::to_hash`] gave.
    pub fn hashed(&mut self, sha256_hex: String) {
        let stated = self.prepared.stated_sha256() == Some(&sha256_hex);
        self.hashing = match std::mem::replace(&mut self.hashing, Hashing::Canonical) {
            Hashing::RecordsText | Hashing::TextAfter { .. } if stated => Hashing::Done {
                sum: sha256_hex,
                by_text: true,
            },
            // Another writer, re-indented, or damaged: the canonical bytes decide.
            Hashing::RecordsText => Hashing::Canonical,
            Hashing::Canonical if self.text_last && !stated => Hashing::TextAfter {
                canonical: sha256_hex,
            },
            // Neither matched: the canonical sum is the one a refusal shows.
            Hashing::TextAfter { canonical } => Hashing::Done {
                sum: canonical,
                by_text: false,
            },
            Hashing::Canonical | Hashing::Done { .. } => Hashing::Done {
                sum: sha256_hex,
                by_text: false,
            },
        };
    }

    /// The verified bundle, or why it is refused. Whatever was not hashed yet is hashed here.
    pub fn finish(mut self) -> Result<Bundle, BundleError> {
        while let Some(bytes) = self.to_hash() {
            let sum = sha256_hex(bytes);
            self.hashed(sum);
        }
        let Hashing::Done { sum, by_text } = self.hashing else {
            return Err(BundleError::NoManifest);
        };
        // A second `attachments` field left in the text beside the one read apart: the
        // whole-text reader refuses a field named twice, and so is this refused.
        if self.files_apart.is_some() && has_top_level_key(&self.file, "attachments") {
            return Err(BundleError::Attachment(FileRefusal::ManifestDiffers));
        }
        let keep_texts = by_text && self.prepared.read_by_types();
        let canonical = (!by_text)
            .then(|| self.prepared.take_canonical_from_types())
            .flatten();
        let bundle = self
            .prepared
            .finish(&sum)?
            .check_carried_files(self.files_apart)?;
        let texts = match canonical {
            Some(bytes) => RecordTexts::canonical(bytes, bundle.records()),
            None => keep_texts
                .then(|| RecordTexts::in_file(self.file))
                .flatten(),
        };
        Ok(match texts {
            Some(texts) => bundle.with_record_texts(texts),
            None => bundle,
        })
    }
}

/// Opens `file` with `hash` (SHA-256 as lowercase hex) for the checksum.
pub fn open_file(
    file: FileText,
    passphrase: Option<&str>,
    mut hash: impl FnMut(&[u8]) -> String,
) -> Result<Bundle, BundleError> {
    let mut opening = Opening::new(unlock(file, passphrase)?)?;
    while let Some(bytes) = opening.to_hash() {
        let sum = hash(bytes);
        opening.hashed(sum);
    }
    opening.finish()
}

/// Opens a chosen file's bytes (see [`open_file`]), hashing here.
pub fn open(bytes: &[u8], passphrase: Option<&str>) -> Result<Bundle, BundleError> {
    open_file(file_text(bytes.to_vec())?, passphrase, sha256_hex)
}

/// Verifies a bundle's text: it must be a Mueang document with a manifest whose counts and
/// checksum match its records.
pub fn verify(text: &str) -> Result<Bundle, BundleError> {
    open_file(Arc::new(text.to_string()), None, sha256_hex)
}

/// [`verify`] for a file's bytes.
pub fn verify_bytes(bytes: &[u8]) -> Result<Bundle, BundleError> {
    open(bytes, None)
}

/// A verified bundle and what merging it into the local data would do.
#[derive(Debug, Clone, PartialEq)]
pub struct Import {
    pub bundle: Bundle,
    pub outcome: MergeOutcome,
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

/// Whether a records text could be canonical: canonical JSON has no whitespace, so an
/// object's first brace is followed by a key's quote or by its closing brace.
fn may_be_canonical(records: &str) -> bool {
    matches!(records.as_bytes(), [b'{', b'"' | b'}', ..])
}

fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}
