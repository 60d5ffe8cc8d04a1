//! The canonical form of a bundle's records and its SHA-256 checksum.
//!
//! The checksum is defined on JSON, not on Rust types, so any later Mueang (after schema
//! migrations) or any other tool can check a bundle as it was written:
//!
//! 1. take the `records` object of the file;
//! 2. write every object with its keys sorted (by UTF-8 bytes), no whitespace, strings and
//!    numbers as serde_json writes them;
//! 3. leave out record lists that are empty, and `conflicts` when it holds none (absent
//!    and empty mean the same, and the types write them either way);
//! 4. within each record list (`records.<kind>` and `records.conflicts.<kind>`), sort the
//!    records by `meta.id`, then by their canonical text (siblings share an id);
//! 5. SHA-256 of those UTF-8 bytes, written as 64 lowercase hex digits.
//!
//! Sorting makes the checksum independent of record order and of pretty-printing, so a file
//! re-indented by an editor still verifies while any changed value does not.

use serde::Serialize;
use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::domain::records::{Dataset, KindVisitor, Record, RecordKind};
use crate::domain::sorting::SortSmall;
use crate::domain::sync::canonical_ser::write_canonical;

/// The key under `records` that holds conflict siblings rather than one kind's records.
const CONFLICTS_KEY: &str = "conflicts";

/// Canonical text of any JSON value: sorted keys, no whitespace.
pub fn canonical_json(value: &Value) -> String {
    let mut out = Vec::new();
    write_value(&mut out, value);
    // Only whole UTF-8 strings and ASCII punctuation were written.
    String::from_utf8(out).unwrap_or_default()
}

/// Canonical text of anything serialisable, e.g. one record for a deterministic tie-break.
pub fn canonical_of<T: Serialize + ?Sized>(value: &T) -> String {
    let mut out = Vec::new();
    match write_canonical(&mut out, value) {
        Ok(()) => String::from_utf8(out).unwrap_or_default(),
        Err(_) => String::new(),
    }
}

/// Canonical bytes of a `records` object read from a file (steps 2–4 above).
pub fn canonical_records(records: &Value) -> Vec<u8> {
    let mut out = Vec::new();
    write_records(&mut out, records, true);
    out
}

/// The checksum of a `records` object as read from a file.
pub fn records_checksum(records: &Value) -> String {
    sha256_hex(&canonical_records(records))
}

/// Canonical bytes of typed records: the same bytes [`canonical_records`] gives for the
/// JSON these records serialise to, computed without building that JSON tree.
pub fn dataset_canonical(ds: &Dataset) -> Vec<u8> {
    let mut lists = Lists {
        ds,
        shown: Vec::new(),
        siblings: Vec::new(),
    };
    RecordKind::visit_all(&mut lists);
    let mut out = Vec::new();
    let mut top: Vec<(&str, Vec<u8>)> = lists.shown;
    if !lists.siblings.is_empty() {
        let mut nested = Vec::new();
        write_object(&mut nested, lists.siblings, extend);
        top.push((CONFLICTS_KEY, nested));
    }
    write_object(&mut out, top, extend);
    out
}

/// Each kind's records and conflict versions, as canonical record lists.
struct Lists<'a> {
    ds: &'a Dataset,
    shown: Vec<(&'static str, Vec<u8>)>,
    siblings: Vec<(&'static str, Vec<u8>)>,
}

impl KindVisitor for Lists<'_> {
    fn visit<R: Record>(&mut self) {
        for (records, into) in [
            (R::all(self.ds), &mut self.shown),
            (R::siblings(self.ds), &mut self.siblings),
        ] {
            if !records.is_empty() {
                into.push((R::KIND.key(), typed_list(records)));
            }
        }
    }
}

/// A record list sorted by id, and by canonical text among versions sharing an id.
fn typed_list<R: Record>(records: &[R]) -> Vec<u8> {
    let mut order: Vec<&R> = records.iter().collect();
    order.sort_by_key_small(|r| r.meta().id);
    let mut out = vec![b'['];
    for (i, run) in order
        .chunk_by(|a, b| a.meta().id == b.meta().id)
        .enumerate()
    {
        if i > 0 {
            out.push(b',');
        }
        if let [only] = run {
            let _ = write_canonical(&mut out, *only);
            if i == 0 {
                // Room for the rest at the first one's size: growing a list of 100,000
                // records by doubling copied it many times over.
                out.reserve(out.len() * order.len());
            }
            continue;
        }
        let mut texts: Vec<String> = run.iter().map(|r| canonical_of(*r)).collect();
        texts.sort();
        out.extend_from_slice(texts.join(",").as_bytes());
    }
    out.push(b']');
    out
}

/// Writes already canonical bytes.
fn extend(out: &mut Vec<u8>, bytes: Vec<u8>) {
    out.extend_from_slice(&bytes);
}

/// `{"key":<value>,...}` with keys sorted; `write` writes each value.
fn write_object<V>(
    out: &mut Vec<u8>,
    mut entries: Vec<(&str, V)>,
    mut write: impl FnMut(&mut Vec<u8>, V),
) {
    entries.sort_by(|a, b| a.0.cmp(b.0));
    out.push(b'{');
    for (i, (key, v)) in entries.into_iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        write_string(out, key);
        out.push(b':');
        write(out, v);
    }
    out.push(b'}');
}

/// The checksum an exporter writes into the manifest.
pub fn dataset_checksum(ds: &Dataset) -> String {
    sha256_hex(&dataset_canonical(ds))
}

/// SHA-256 as 64 lowercase hex digits.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// Writes a `records` object (or, when `top` is false, its `conflicts` object): record
/// lists are sorted, anything else is written as plain canonical JSON.
fn write_records(out: &mut Vec<u8>, value: &Value, top: bool) {
    let Value::Object(map) = value else {
        write_value(out, value);
        return;
    };
    // An empty list (or an empty `conflicts`) means the same as an absent one.
    let entries = map
        .iter()
        .filter(|(_, v)| !holds_nothing(v))
        .map(|(k, v)| (k.as_str(), (k.as_str(), v)))
        .collect();
    write_object(out, entries, |out, (key, value)| match value {
        Value::Array(records) => write_record_list(out, records),
        nested if top && key == CONFLICTS_KEY => write_records(out, nested, false),
        other => write_value(out, other),
    });
}

fn holds_nothing(value: &Value) -> bool {
    match value {
        Value::Array(items) => items.is_empty(),
        Value::Object(map) => map.values().all(holds_nothing),
        _ => false,
    }
}

fn write_record_list(out: &mut Vec<u8>, records: &[Value]) {
    let mut texts: Vec<(&str, String)> = records
        .iter()
        .map(|r| {
            let id = r
                .get("meta")
                .and_then(|m| m.get("id"))
                .and_then(Value::as_str)
                .unwrap_or("");
            (id, canonical_json(r))
        })
        .collect();
    texts.sort();
    write_array(out, texts, |out, (_, text)| {
        out.extend_from_slice(text.as_bytes())
    });
}

/// `[<item>,...]` in the order given; `write` writes each item.
fn write_array<V>(
    out: &mut Vec<u8>,
    items: impl IntoIterator<Item = V>,
    mut write: impl FnMut(&mut Vec<u8>, V),
) {
    out.push(b'[');
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        write(out, item);
    }
    out.push(b']');
}

fn write_value(out: &mut Vec<u8>, value: &Value) {
    match value {
        Value::Object(map) => {
            let entries = map.iter().map(|(k, v)| (k.as_str(), v)).collect();
            write_object(out, entries, write_value);
        }
        Value::Array(items) => write_array(out, items, write_value),
        // Scalars: serde_json's own writer, so escapes and number forms match it exactly.
        scalar => {
            let _ = serde_json::to_writer(&mut *out, scalar);
        }
    }
}

fn write_string(out: &mut Vec<u8>, s: &str) {
    let _ = serde_json::to_writer(&mut *out, s);
}

/// Bytes as lowercase hex digits (a digest as the file format writes it).
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(char::from(DIGITS[usize::from(b >> 4)]));
        s.push(char::from(DIGITS[usize::from(b & 0x0f)]));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn key_order_whitespace_and_record_order_do_not_matter() {
        let a = json!({"cities": [
            {"meta": {"id": "b"}, "name_th": "ข"},
            {"meta": {"id": "a"}, "name_th": "ก"}
        ]});
        let b: Value = serde_json::from_str(
            r#"{ "cities" : [ {"name_th":"ก","meta":{"id":"a"}},
                 {"name_th":"\u0e02","meta":{"id":"b"}} ] }"#,
        )
        .unwrap();
        assert_eq!(records_checksum(&a), records_checksum(&b));
        assert_eq!(
            String::from_utf8(canonical_records(&a)).unwrap(),
            r#"{"cities":[{"meta":{"id":"a"},"name_th":"ก"},{"meta":{"id":"b"},"name_th":"ข"}]}"#
        );
    }

    #[test]
    fn any_changed_value_changes_the_checksum() {
        let a = json!({"cities": [{"meta": {"id": "a"}, "n": "1"}]});
        let b = json!({"cities": [{"meta": {"id": "a"}, "n": "2"}]});
        assert_ne!(records_checksum(&a), records_checksum(&b));
        assert_eq!(records_checksum(&a).len(), 64);
    }

    #[test]
    fn empty_lists_count_as_absent() {
        let a =
            json!({"cities": [{"meta": {"id": "a"}}], "projects": [], "conflicts": {"cities": []}});
        let b = json!({"cities": [{"meta": {"id": "a"}}]});
        assert_eq!(records_checksum(&a), records_checksum(&b));
    }

    #[test]
    fn typed_records_give_the_same_bytes_as_their_json() {
        let mut ds = crate::domain::example::north_2561().records;
        ds.cities.reverse();
        for name in ["y", "x"] {
            let mut other = ds.cities[3].clone();
            other.name_en = name.into();
            ds.conflicts.cities.push(other);
        }
        let json = serde_json::to_value(&ds).unwrap();
        assert_eq!(dataset_canonical(&ds), canonical_records(&json));
        assert_eq!(dataset_checksum(&ds), records_checksum(&json));
    }

    #[test]
    fn conflict_siblings_are_sorted_too() {
        let a = json!({"conflicts": {"cities": [{"meta": {"id": "a"}, "n": 2}, {"meta": {"id": "a"}, "n": 1}]}});
        let b = json!({"conflicts": {"cities": [{"meta": {"id": "a"}, "n": 1}, {"meta": {"id": "a"}, "n": 2}]}});
        assert_eq!(records_checksum(&a), records_checksum(&b));
    }
}
