//! A bundle: a file-format document that carries a manifest, made by an export.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::domain::document::Document;
use crate::domain::meta::{Editor, OfficeId, RecordId};
use crate::domain::records::{Dataset, KindVisitor, Record, RecordKind};
use crate::domain::sync::canonical::dataset_checksum;
use crate::domain::sync::manifest::{count_records, BundleScope, Manifest};
use crate::domain::sync::merge::normalize;
use crate::domain::sync::peers::PeerState;

/// A verified or freshly exported bundle. Unlike a plain [`Document`], its manifest, time and
/// exporting office are always present.
#[derive(Debug, Clone, PartialEq)]
pub struct Bundle {
    document: Document,
    manifest: Manifest,
    exported_by: Editor,
    exported_at: DateTime<Utc>,
    /// Whether the manifest's checksum was computed from these typed records. A verified
    /// file's checksum covers its text, which may omit defaulted fields the types would
    /// write, so it is recomputed before such a bundle is written out again.
    checksum_from_types: bool,
}

impl Bundle {
    /// Wraps a document whose manifest and export fields were checked by the caller.
    pub(crate) fn from_checked(document: Document) -> Option<Bundle> {
        Some(Bundle {
            manifest: document.manifest.clone()?,
            exported_by: document.exported_by.clone()?,
            exported_at: document.exported_at?,
            document,
            checksum_from_types: false,
        })
    }

    fn new(
        records: Dataset,
        scope: BundleScope,
        to: Option<OfficeId>,
        editor: &Editor,
        now: DateTime<Utc>,
    ) -> Bundle {
        let manifest = Manifest {
            bundle_id: Uuid::new_v4(),
            scope,
            to_office: to,
            counts: count_records(&records),
            sha256: dataset_checksum(&records),
        };
        let mut document = Document::new(records);
        document.exported_at = Some(now);
        document.exported_by = Some(editor.clone());
        document.manifest = Some(manifest.clone());
        Bundle {
            document,
            manifest,
            exported_by: editor.clone(),
            exported_at: now,
            checksum_from_types: true,
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

    pub fn records(&self) -> &Dataset {
        &self.document.records
    }

    pub fn into_records(self) -> Dataset {
        self.document.records
    }

    pub fn document(&self) -> &Document {
        &self.document
    }

    /// Compact JSON: bundles travel by LINE and e-mail, where size matters more than looks.
    pub fn to_json(&self) -> String {
        serde_json::to_string(&*self.writable()).unwrap_or_default()
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
            m.sha256 = dataset_checksum(&doc.records);
        }
        std::borrow::Cow::Owned(doc)
    }

    /// A file name that says whose data it is and when: `mueang-<office>-<yyyy-mm-dd>.json`,
    /// with anything but letters (Thai included), digits and `-` replaced, so it is safe on
    /// every file system and in chat apps.
    pub fn file_name(&self) -> String {
        let by = &self.exported_by;
        let who = if by.office_name.trim().is_empty() {
            &by.office_id.0
        } else {
            &by.office_name
        };
        let mut safe: String = who
            .trim()
            .chars()
            .map(|c| {
                if c.is_alphanumeric() || c == '-' || is_thai_mark(c) {
                    c
                } else {
                    '-'
                }
            })
            .take(40)
            .collect();
        while safe.contains("--") {
            safe = safe.replace("--", "-");
        }
        let safe = safe.trim_matches('-');
        let safe = if safe.is_empty() { "office" } else { safe };
        format!("mueang-{safe}-{}.json", self.exported_at.format("%Y-%m-%d"))
    }
}

/// Thai vowel and tone marks are not "alphanumeric" in Unicode but belong in a name.
fn is_thai_mark(c: char) -> bool {
    ('\u{0E31}'..='\u{0E4E}').contains(&c)
}

/// Everything the office holds, tombstones and conflicts included, in canonical order.
pub fn export_full(ds: &Dataset, editor: &Editor, now: DateTime<Utc>) -> Bundle {
    Bundle::new(normalize(ds), BundleScope::Full, None, editor, now)
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
    let mut pick = Since {
        from: ds,
        peer,
        out: Dataset::default(),
    };
    RecordKind::visit_all(&mut pick);
    Bundle::new(
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
