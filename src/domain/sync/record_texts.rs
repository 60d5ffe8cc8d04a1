//! Each record's own text in a verified bundle, so an import can store it as it came.
//!
//! Storing records means writing them as JSON. For an import into an empty store, that JSON
//! already exists: it is the bundle's records text, which the checksum has just vouched for
//! and the types were just read from. Serialising 100,000 records again (mostly Thai text,
//! escaped byte by byte) was the largest step of such an import. The texts are used only
//! where the merged records are equal to the bundle's, record for record, so what is stored
//! always reads back as exactly the records merged (see `sync::plan` in the browser layer).

use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;

use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;

/// The records text of a bundle, and where each record of each kind lies in it, in file
/// order (the order the bundle's typed lists have too).
#[derive(Default)]
pub struct RecordTexts {
    text: String,
    kinds: BTreeMap<String, Vec<Range<usize>>>,
}

impl RecordTexts {
    /// Reads `records`, the text of a bundle's `records` object. `None` if it is not an
    /// object of arrays as Mueang writes it (then nothing is taken from the file's text).
    pub fn read(records: &str) -> Option<RecordTexts> {
        let lists: BTreeMap<&str, KindTexts<'_>> = serde_json::from_str(records).ok()?;
        let base = records.as_ptr() as usize;
        let kinds = lists
            .into_iter()
            .filter_map(|(kind, texts)| {
                let ranges = texts
                    .0?
                    .iter()
                    .map(|raw| {
                        let start = raw.get().as_ptr() as usize - base;
                        start..start + raw.get().len()
                    })
                    .collect();
                Some((kind.to_string(), ranges))
            })
            .collect();
        Some(RecordTexts {
            text: records.to_string(),
            kinds,
        })
    }

    /// The texts of the records of `kind` (its key, e.g. `"cities"`), in file order; `None`
    /// if the file has no list of that kind.
    pub fn of_kind(&self, kind: &str) -> Option<Vec<&str>> {
        let ranges = self.kinds.get(kind)?;
        ranges.iter().map(|r| self.text.get(r.clone())).collect()
    }
}

impl fmt::Debug for RecordTexts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<record texts: {} bytes, {} kinds>", self.text.len(), self.kinds.len())
    }
}

/// One value of the records object: a kind's list (its records' texts), or anything else
/// (`conflicts`), skipped.
struct KindTexts<'de>(Option<Vec<&'de RawValue>>);

impl<'de> Deserialize<'de> for KindTexts<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct ListOrOther;

        impl<'de> Visitor<'de> for ListOrOther {
            type Value = KindTexts<'de>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list of records or another value")
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut texts = Vec::with_capacity(seq.size_hint().unwrap_or(0));
                while let Some(raw) = seq.next_element::<&'de RawValue>()? {
                    texts.push(raw);
                }
                Ok(KindTexts(Some(texts)))
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(KindTexts(None))
            }
        }

        d.deserialize_any(ListOrOther)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_record_text_in_file_order_and_other_values_skipped() {
        let records = r#"{"cities":[{"a":1},{"b":"x\"y"}],"conflicts":{"cities":[{"c":2}]},"projects":[]}"#;
        let t = RecordTexts::read(records).unwrap();
        assert_eq!(t.of_kind("cities").unwrap(), vec![r#"{"a":1}"#, r#"{"b":"x\"y"}"#]);
        assert_eq!(t.of_kind("projects").unwrap(), Vec::<&str>::new());
        assert!(t.of_kind("conflicts").is_none(), "not a list of records");
        assert!(t.of_kind("mous").is_none());
    }

    #[test]
    fn text_that_is_not_an_object_of_lists_gives_none() {
        assert!(RecordTexts::read("[1,2]").is_none());
        assert!(RecordTexts::read(r#"{"cities":[1,2"#).is_none());
    }
}
