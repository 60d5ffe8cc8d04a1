//! Each record's own text in a verified bundle, so an import can store it as it came.
//!
//! Storing records means writing them as JSON. For an import into an empty store, that JSON
//! already exists: it is the bundle's records text, which the checksum has just vouched for
//! and the types were just read from. Serialising 100,000 records again (mostly Thai text,
//! escaped byte by byte) was the largest step of such an import. The texts are used only
//! where the merged records are equal to the bundle's, record for record, so what is stored
//! always reads back as exactly the records merged (see `sync::plan` in the browser layer).
//!
//! A file whose records text is not canonical (pretty-printed, e.g. by `mueang merge`) is
//! checked against the canonical bytes computed from its typed records; those bytes hold
//! every record's canonical text, which is what serialising the record again would store,
//! so they are lent instead ([`RecordTexts::canonical`]), reordered to the typed lists.

use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;
use std::sync::Arc;

use super::raw::{records_text, skip_ws, string_end, value_end};
use crate::domain::meta::RecordId;
use crate::domain::records::{Dataset, KindVisitor, Record, RecordKind};

/// The records text of a bundle, and where each record of each kind lies in it, in file
/// order (the order the bundle's typed lists have too).
#[derive(Default)]
pub struct RecordTexts {
    /// The whole file's text, shared rather than copied (69 MB for 100,000 records).
    text: Arc<String>,
    /// Ranges in `text`.
    kinds: BTreeMap<String, Vec<Range<usize>>>,
}

impl RecordTexts {
    /// Reads the records of `file`, a bundle's whole text, which must already have parsed
    /// as a bundle (it was verified): only its structure is scanned here, a few times
    /// faster than parsing it again. `None` if its records are not an object of arrays as
    /// Mueang writes them (then nothing is taken from the file's text).
    pub fn in_file(file: Arc<String>) -> Option<RecordTexts> {
        let records = records_text(&file)?;
        // Where the records slice starts in the file (it is a sub-slice of it).
        let start = records.as_ptr() as usize - file.as_ptr() as usize;
        let end = start + records.len();
        RecordTexts::scan(file, start..end)
    }

    /// Reads `records`, the text of a bundle's `records` object (see [`RecordTexts::in_file`]).
    pub fn read(records: &str) -> Option<RecordTexts> {
        let len = records.len();
        RecordTexts::scan(Arc::new(records.to_string()), 0..len)
    }

    /// The texts in `canonical`, the canonical bytes computed from `records` (the typed
    /// records of a verified bundle, see `canonical::dataset_canonical`), each kind's put
    /// back in the order of its typed list. A kind whose canonical list does not map one to
    /// one onto its typed list (ids repeated, counts differing) is left out: its records
    /// are serialised again when stored, as without texts.
    pub fn canonical(canonical: Vec<u8>, records: &Dataset) -> Option<RecordTexts> {
        let text = Arc::new(String::from_utf8(canonical).ok()?);
        let len = text.len();
        let mut texts = RecordTexts::scan(text, 0..len)?;
        let mut reorder = InTypedOrder {
            records,
            kinds: std::mem::take(&mut texts.kinds),
            into: BTreeMap::new(),
        };
        RecordKind::visit_all(&mut reorder);
        texts.kinds = reorder.into;
        Some(texts)
    }

    fn scan(text: Arc<String>, within: Range<usize>) -> Option<RecordTexts> {
        let b = text.as_bytes().get(..within.end)?;
        let records = &text[..within.end];
        let mut kinds = BTreeMap::new();
        let mut i = skip_ws(b, within.start);
        if b.get(i) != Some(&b'{') {
            return None;
        }
        i = skip_ws(b, i + 1);
        if b.get(i) == Some(&b'}') {
            return Some(RecordTexts {
                text,
                kinds: BTreeMap::new(),
            });
        }
        loop {
            let key_end = string_end(b, i)?;
            let key = records
                .get(i + 1..key_end - 1)
                .filter(|k| !k.contains('\\'))?;
            i = skip_ws(b, key_end);
            if b.get(i) != Some(&b':') {
                return None;
            }
            i = skip_ws(b, i + 1);
            if b.get(i) == Some(&b'[') {
                let mut ranges = Vec::new();
                i = skip_ws(b, i + 1);
                if b.get(i) != Some(&b']') {
                    loop {
                        let end = value_end(b, i)?;
                        if b.get(i) != Some(&b'{') {
                            return None;
                        }
                        ranges.push(i..end);
                        i = skip_ws(b, end);
                        match b.get(i)? {
                            b',' => i = skip_ws(b, i + 1),
                            b']' => break,
                            _ => return None,
                        }
                    }
                }
                i += 1;
                kinds.insert(key.to_string(), ranges);
            } else {
                i = value_end(b, i)?;
            }
            i = skip_ws(b, i);
            match b.get(i)? {
                b',' => i = skip_ws(b, i + 1),
                b'}' => break,
                _ => return None,
            }
        }
        Some(RecordTexts { text, kinds })
    }

    /// The texts of the records of `kind` (its key, e.g. `"cities"`), in file order; `None`
    /// if the file has no list of that kind.
    pub fn of_kind(&self, kind: &str) -> Option<Vec<&str>> {
        let ranges = self.kinds.get(kind)?;
        ranges.iter().map(|r| self.text.get(r.clone())).collect()
    }
}

/// Moves each kind's canonical ranges (sorted by id) into the order of its typed list.
struct InTypedOrder<'a> {
    records: &'a Dataset,
    kinds: BTreeMap<String, Vec<Range<usize>>>,
    into: BTreeMap<String, Vec<Range<usize>>>,
}

impl KindVisitor for InTypedOrder<'_> {
    fn visit<R: Record>(&mut self) {
        let key = R::KIND.key();
        let Some(sorted) = self.kinds.remove(key) else {
            return;
        };
        let list = R::all(self.records);
        if sorted.len() != list.len() {
            return;
        }
        // The canonical list is sorted by id (a stable sort of the typed list); with every
        // id once, its k-th record is the typed list's `order[k]`-th.
        let mut order: Vec<usize> = (0..list.len()).collect();
        order.sort_by_key(|&i| list[i].meta().id);
        let ids = |k: usize| -> RecordId { list[order[k]].meta().id };
        if (1..order.len()).any(|k| ids(k - 1) == ids(k)) {
            return;
        }
        let mut ranges = vec![0..0; list.len()];
        for (k, range) in sorted.into_iter().enumerate() {
            ranges[order[k]] = range;
        }
        self.into.insert(key.to_string(), ranges);
    }
}

impl fmt::Debug for RecordTexts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "<record texts: {} bytes, {} kinds>",
            self.text.len(),
            self.kinds.len()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
    use serde_json::value::RawValue;

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

    /// The same reading by serde_json (a full parse): the oracle for the scanner.
    fn by_serde(records: &str) -> BTreeMap<String, Vec<String>> {
        let lists: BTreeMap<&str, KindTexts<'_>> = serde_json::from_str(records).unwrap();
        lists
            .into_iter()
            .filter_map(|(k, t)| {
                Some((
                    k.to_string(),
                    t.0?.iter().map(|r| r.get().to_string()).collect(),
                ))
            })
            .collect()
    }

    fn by_scan(records: &str) -> BTreeMap<String, Vec<String>> {
        let t = RecordTexts::read(records).unwrap();
        t.kinds
            .keys()
            .map(|k| {
                (
                    k.clone(),
                    t.of_kind(k)
                        .unwrap()
                        .iter()
                        .map(|s| s.to_string())
                        .collect(),
                )
            })
            .collect()
    }

    #[test]
    fn the_scan_agrees_with_a_full_parse() {
        use crate::domain::example::north_2561;
        let bundle = crate::domain::sync::export_full(
            &north_2561().records,
            &north_2561().records.cities[0].meta.updated_by,
            chrono::DateTime::from_timestamp(1_517_637_600, 0).unwrap(),
        );
        let json = bundle.to_json();
        let records = crate::domain::sync::records_text(&json).unwrap();
        assert_eq!(by_scan(records), by_serde(records));
        assert!(by_scan(records)["cities"].len() == 12);
        let tricky = r#" { "cities" : [ {"n":"a\\\"]}[,"} , {"x":[1,{"y":"}"}],"z":null} ] ,
            "conflicts":{"cities":[{"q":"]"}]}, "mous":[ ] } "#;
        assert_eq!(by_scan(tricky), by_serde(tricky));
        assert_eq!(by_scan(tricky)["cities"].len(), 2);
    }

    #[test]
    fn each_record_text_in_file_order_and_other_values_skipped() {
        let records =
            r#"{"cities":[{"a":1},{"b":"x\"y"}],"conflicts":{"cities":[{"c":2}]},"projects":[]}"#;
        let t = RecordTexts::read(records).unwrap();
        assert_eq!(
            t.of_kind("cities").unwrap(),
            vec![r#"{"a":1}"#, r#"{"b":"x\"y"}"#]
        );
        assert_eq!(t.of_kind("projects").unwrap(), Vec::<&str>::new());
        assert!(t.of_kind("conflicts").is_none(), "not a list of records");
        assert!(t.of_kind("mous").is_none());
    }

    #[test]
    fn the_texts_of_a_whole_file_are_its_own_slices() {
        let file = "\u{feff}{\"format\":\"x\",\"records\":{\"cities\":[{\"a\":1},{\"b\":2}]}}\n";
        let shared = Arc::new(file.to_string());
        let t = RecordTexts::in_file(Arc::clone(&shared)).unwrap();
        let texts = t.of_kind("cities").unwrap();
        assert_eq!(texts, vec![r#"{"a":1}"#, r#"{"b":2}"#]);
        // Not copies: slices of the shared file text.
        let range = shared.as_ptr() as usize..shared.as_ptr() as usize + shared.len();
        assert!(texts.iter().all(|s| range.contains(&(s.as_ptr() as usize))));
        assert!(RecordTexts::in_file(Arc::new("{\"records\":[1]}".into())).is_none());
    }

    #[test]
    fn text_that_is_not_an_object_of_lists_gives_none() {
        assert!(RecordTexts::read("[1,2]").is_none());
        assert!(RecordTexts::read(r#"{"cities":[1,2"#).is_none());
    }
}
