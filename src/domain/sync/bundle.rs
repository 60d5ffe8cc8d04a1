//! A bundle: a file-format document that carries a manifest, made by an export.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use serde::Serialize;
use uuid::Uuid;

use crate::domain::document::Document;
use crate::domain::document::SCHEMA_VERSION;
use crate::domain::meta::{Editor, OfficeId, RecordId};
use crate::domain::records::survey::{count_personal_data, leave_out_personal_data};
use crate::domain::records::{Dataset, KindVisitor, Record, RecordKind};
use crate::domain::sync::canonical::{dataset_canonical, sha256_hex};
use crate::domain::sync::files::{BundleFile, FilesCache};
use crate::domain::sync::manifest::{count_records, BundleScope, Manifest, PersonalData};
use crate::domain::sync::merge::normalize;
use crate::domain::sync::peers::PeerState;
use crate::domain::sync::record_texts::RecordTexts;
use crate::domain::sync::signature::Signature;

/// A verified or freshly exported bundle. Unlike a plain [`Document`], its manifest, time and
/// exporting office are always present.
#[derive(Debug, Clone, PartialEq)]
pub struct Bundle {
    pub(super) document: Document,
    pub(super) manifest: Manifest,
    exported_by: Editor,
    exported_at: DateTime<Utc>,
    /// Whether the manifest's checksum was computed from these typed records. A verified
    /// file's checksum covers its text, which may omit defaulted fields the types would
    /// write, so it is recomputed before such a bundle is written out again.
    checksum_from_types: bool,
    /// The canonical records of a fresh export, kept so `to_json` does not compute them again.
    canonical: CanonicalCache,
    /// The schema version the file was written in: an older file is migrated on opening,
    /// but its signature covers the header as it was signed.
    written_version: u32,
    /// Each record's text as the file had it (a verified current-schema file), for storing
    /// as it came. Not part of a bundle's identity.
    texts: TextsCache,
    pub(super) files: FilesCache,
}

#[derive(Clone, Default, Debug)]
struct TextsCache(Option<Arc<RecordTexts>>);

impl PartialEq for TextsCache {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

/// Canonical bytes derived from the records: not part of a bundle's identity (always equal)
/// and too large to print.
#[derive(Clone, Default)]
struct CanonicalCache(Option<Arc<Vec<u8>>>);

impl PartialEq for CanonicalCache {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl std::fmt::Debug for CanonicalCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.0 {
            Some(c) => write!(f, "<{} canonical bytes>", c.len()),
            None => f.write_str("<not computed>"),
        }
    }
}

/// An export whose checksum is still to be computed: the browser hashes
/// [`ExportDraft::canonical_bytes`] with Web Crypto (several times faster than SHA-256 in
/// wasm), then calls [`ExportDraft::finish`]. [`export_full`] and [`export_since`] do both.
pub struct ExportDraft {
    records: Dataset,
    scope: BundleScope,
    to: Option<OfficeId>,
    editor: Editor,
    now: DateTime<Utc>,
    canonical: Vec<u8>,
    personal_data: Option<PersonalData>,
}

impl ExportDraft {
    fn new(
        records: Dataset,
        scope: BundleScope,
        to: Option<OfficeId>,
        editor: &Editor,
        now: DateTime<Utc>,
    ) -> ExportDraft {
        let canonical = dataset_canonical(&records);
        ExportDraft {
            records,
            scope,
            to,
            editor: editor.clone(),
            now,
            canonical,
            personal_data: None,
        }
    }

    /// The summary without personal data: names, phones and contacts emptied, each version
    /// naming what it lost (`meta.left_out`), the manifest saying `personal_data: left_out`.
    pub fn without_personal_data(mut self) -> ExportDraft {
        leave_out_personal_data(&mut self.records);
        self.canonical = dataset_canonical(&self.records);
        self.personal_data = Some(PersonalData::LeftOut);
        self
    }

    /// How many personal values (names, phones, contacts) the bundle would carry.
    pub fn personal_values(&self) -> usize {
        count_personal_data(&self.records)
    }

    /// What the checksum covers.
    pub fn canonical_bytes(&self) -> &[u8] {
        &self.canonical
    }

    /// How many records (tombstones included) the bundle will hold.
    pub fn record_count(&self) -> usize {
        self.records.total_len()
    }

    /// The bundle, with `sha256_hex` (SHA-256 of [`ExportDraft::canonical_bytes`], lowercase
    /// hex) as its checksum.
    pub fn finish(self, sha256_hex: &str) -> Bundle {
        Bundle::new(self, sha256_hex.to_string())
    }

    /// [`ExportDraft::finish`] with the checksum computed here.
    pub fn finish_native(self) -> Bundle {
        let sum = sha256_hex(&self.canonical);
        self.finish(&sum)
    }
}

impl std::fmt::Debug for ExportDraft {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ExportDraft")
            .field("scope", &self.scope)
            .field("to", &self.to)
            .field("records", &self.records.total_len())
            .field("canonical_bytes", &self.canonical.len())
            .finish()
    }
}

/// The header fields of a bundle, written before the canonical records.
#[derive(Serialize)]
struct Head<'a> {
    format: &'a str,
    schema_version: u32,
    exported_at: DateTime<Utc>,
    exported_by: &'a Editor,
    manifest: &'a Manifest,
    #[serde(skip_serializing_if = "Option::is_none")]
    signature: Option<&'a Signature>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    attachments: &'a [BundleFile],
}

impl Bundle {
    /// Wraps a document whose manifest and export fields were checked by the caller.
    pub(crate) fn from_checked(document: Document, written_version: u32) -> Option<Bundle> {
        Some(Bundle {
            written_version,
            manifest: document.manifest.clone()?,
            exported_by: document.exported_by.clone()?,
            exported_at: document.exported_at?,
            document,
            checksum_from_types: false,
            canonical: CanonicalCache::default(),
            texts: TextsCache::default(),
            files: FilesCache::default(),
        })
    }

    fn new(draft: ExportDraft, sha256: String) -> Bundle {
        let ExportDraft {
            records,
            scope,
            to,
            editor,
            now,
            canonical,
            personal_data,
        } = draft;
        let manifest = Manifest {
            bundle_id: Uuid::new_v4(),
            scope,
            to_office: to,
            counts: count_records(&records),
            sha256,
            personal_data,
            attachments: None,
        };
        let mut document = Document::new(records);
        document.exported_at = Some(now);
        document.exported_by = Some(editor.clone());
        document.manifest = Some(manifest.clone());
        Bundle {
            document,
            manifest,
            exported_by: editor,
            exported_at: now,
            checksum_from_types: true,
            canonical: CanonicalCache(Some(Arc::new(canonical))),
            written_version: SCHEMA_VERSION,
            texts: TextsCache::default(),
            files: FilesCache::default(),
        }
    }

    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    pub fn exported_by(&self) -> &Editor {
        &self.exported_by
    }

    pub fn exported_at(&self) -> DateTime<Utc> {
        self.exported_at
    }

    /// The schema version the file was written in (this build's for a fresh export).
    pub fn written_version(&self) -> u32 {
        self.written_version
    }

    /// The exporting device's signature, if the bundle is signed (see `signature.rs`).
    pub fn signature(&self) -> Option<&Signature> {
        self.document.signature.as_ref()
    }

    /// The bundle signed: `signature` must be of [`signature::signed_bytes`](crate::domain::sync::signature::signed_bytes) of this bundle.
    pub fn with_signature(mut self, signature: Signature) -> Bundle {
        self.document.signature = Some(signature);
        self
    }

    pub fn records(&self) -> &Dataset {
        &self.document.records
    }

    /// Keeps each record's text from the verified file (see [`RecordTexts`]). The caller
    /// vouches that `texts` is the records text the typed records were read from, unmigrated.
    pub fn with_record_texts(mut self, texts: RecordTexts) -> Bundle {
        self.texts = TextsCache(Some(Arc::new(texts)));
        self
    }

    /// Each record's text as the file had it, if kept.
    pub fn record_texts(&self) -> Option<&RecordTexts> {
        self.texts.0.as_deref()
    }

    pub fn into_records(self) -> Dataset {
        self.document.records
    }

    pub fn document(&self) -> &Document {
        &self.document
    }

    /// Compact JSON: bundles travel by LINE and e-mail, where size matters more than looks.
    ///
    /// The records are written last and in canonical form (sorted keys and records, empty
    /// lists left out), the very bytes the checksum covers: a receiver can then verify by
    /// hashing that slice of the file (`records_text`) instead of rebuilding it.
    pub fn to_json(&self) -> String {
        let (canonical, sha256) = match &self.canonical.0 {
            Some(c) => (std::borrow::Cow::Borrowed(c.as_slice()), None),
            None => {
                let c = dataset_canonical(&self.document.records);
                let sum = (!self.checksum_from_types).then(|| sha256_hex(&c));
                (std::borrow::Cow::Owned(c), sum)
            }
        };
        let mut manifest = std::borrow::Cow::Borrowed(&self.manifest);
        if let Some(sum) = sha256 {
            manifest.to_mut().sha256 = sum;
        }
        let head = Head {
            format: &self.document.format,
            schema_version: self.document.schema_version,
            exported_at: self.exported_at,
            exported_by: &self.exported_by,
            manifest: &manifest,
            signature: self.document.signature.as_ref(),
            attachments: &self.document.attachments,
        };
        let Ok(mut out) = serde_json::to_vec(&head) else {
            return String::new();
        };
        // `{...}` → `{...,"records":<canonical>}`
        out.pop();
        out.reserve(canonical.len() + 12);
        out.extend_from_slice(b",\"records\":");
        out.extend_from_slice(&canonical);
        out.push(b'}');
        String::from_utf8(out).unwrap_or_default()
    }

    /// Indented JSON, for files people will open (the command line writes this).
    pub fn to_json_pretty(&self) -> String {
        self.writable().to_json()
    }

    fn writable(&self) -> std::borrow::Cow<'_, Document> {
        if self.checksum_from_types {
            return std::borrow::Cow::Borrowed(&self.document);
        }
        let mut doc = self.document.clone();
        if let Some(m) = doc.manifest.as_mut() {
            m.sha256 = sha256_hex(&dataset_canonical(&doc.records));
        }
        std::borrow::Cow::Owned(doc)
    }
}

/// Everything the office holds, tombstones and conflicts included, in canonical order.
pub fn export_full(ds: &Dataset, editor: &Editor, now: DateTime<Utc>) -> Bundle {
    draft_full(ds, editor, now).finish_native()
}

/// [`export_full`] before the checksum, for hashing elsewhere (Web Crypto).
pub fn draft_full(ds: &Dataset, editor: &Editor, now: DateTime<Utc>) -> ExportDraft {
    ExportDraft::new(normalize(ds), BundleScope::Full, None, editor, now)
}

/// Only what office `to` is not known to hold (see [`PeerState`]): every record with a
/// version the peer has neither sent us nor been sent, all versions of such a record, and
/// every tombstone, so that the peer learns which deletions we have seen.
pub fn export_since(
    ds: &Dataset,
    to: &OfficeId,
    peer: &PeerState,
    editor: &Editor,
    now: DateTime<Utc>,
) -> Bundle {
    draft_since(ds, to, peer, editor, now).finish_native()
}

/// [`export_since`] before the checksum, for hashing elsewhere (Web Crypto).
pub fn draft_since(
    ds: &Dataset,
    to: &OfficeId,
    peer: &PeerState,
    editor: &Editor,
    now: DateTime<Utc>,
) -> ExportDraft {
    let mut pick = Since {
        from: ds,
        peer,
        out: Dataset::default(),
    };
    RecordKind::visit_all(&mut pick);
    ExportDraft::new(
        normalize(&pick.out),
        BundleScope::Since,
        Some(to.clone()),
        editor,
        now,
    )
}

struct Since<'a> {
    from: &'a Dataset,
    peer: &'a PeerState,
    out: Dataset,
}

impl KindVisitor for Since<'_> {
    fn visit<R: Record>(&mut self) {
        let mut siblings: HashMap<RecordId, Vec<&R>> = HashMap::new();
        for s in R::siblings(self.from) {
            siblings.entry(s.meta().id).or_default().push(s);
        }
        for shown in R::all(self.from) {
            let id = shown.meta().id;
            let others = siblings.get(&id).map(Vec::as_slice).unwrap_or_default();
            let unknown = std::iter::once(shown)
                .chain(others.iter().copied())
                .any(|v| !self.peer.knows(R::KIND, id, &v.meta().version));
            if shown.meta().deleted || unknown {
                R::all_mut(&mut self.out).push(shown.clone());
                R::siblings_mut(&mut self.out).extend(others.iter().map(|s| (*s).clone()));
            }
        }
    }
}
