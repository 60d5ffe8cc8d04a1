//! How records are laid out in IndexedDB, as plain Rust so it is tested natively.
//!
//! Records are not stored one per IndexedDB entry: a structured `put` costs ~0.05 ms, so
//! 100,000 of them would take ~5 s. Instead each record kind is split into chunks by a hash
//! of the record id, and each chunk is one JSON object `{"<id>": <record>, ...}`, stored as
//! UTF-8 bytes (not a JS string: no UTF-16 conversion either way) under the key
//! `"<kind>/<bucket>"`. A single edit rewrites one chunk.
//!
//! How many chunks a kind has (its *fan-out*, a power of two up to [`BUCKETS`]) follows its
//! size, so that chunks are ~[`TARGET_CHUNK_BYTES`]: Chromium spends ~0.15 ms per entry
//! written however small, so 1,500 chunks of 10–40 KB took 190 ms longer to commit than
//! the same 69 MB in 256 chunks (measured in docs/sync.md). A kind written whole (an
//! import) gets the fan-out its size calls for; a kind that outgrows its fan-out through
//! edits is spread again ([`Plan::outgrown`](super::changes::Plan)). The fan-out of each
//! kind is kept in the [`Layout`], stored with the chunks in the same transaction; a kind
//! missing from it has [`BUCKETS`], the only layout before layouts were kept.
//!
//! Records inside a chunk are kept as raw JSON ([`RawValue`]), so editing one record never
//! re-parses or re-serialises the others.

use std::collections::BTreeMap;

use serde_json::value::RawValue;

pub use super::chunk_writer::{respread, ChunkWriter, WrittenKind};

/// The most chunks a kind has. Changing it (or [`bucket_of`]) moves every record: that
/// needs a schema migration that re-buckets the data.
pub const BUCKETS: u32 = 256;

/// The size a kind's fan-out aims its chunks at.
pub const TARGET_CHUNK_BYTES: usize = 192 * 1024;

/// A chunk edited past this size spreads its kind over more chunks (if it can).
pub const MAX_CHUNK_BYTES: usize = 1024 * 1024;

/// The records of one chunk, by id, as raw JSON.
pub type Chunk = BTreeMap<String, Box<RawValue>>;

/// Each kind's fan-out (see the module notes); a kind not in it has [`BUCKETS`].
pub type Layout = BTreeMap<String, u32>;

/// The `meta` key the [`Layout`] is stored under.
pub const LAYOUT_KEY: &str = "storage.layout";

/// The fan-out of `kind` in `layout`.
pub fn fanout(layout: &Layout, kind: &str) -> u32 {
    layout.get(kind).copied().unwrap_or(BUCKETS)
}

/// The fan-out for a kind of `bytes` in all: the fewest chunks (a power of two) of at most
/// [`TARGET_CHUNK_BYTES`] each, and at most [`BUCKETS`].
pub fn fanout_for(bytes: usize) -> u32 {
    let mut n = 1;
    while n < BUCKETS && bytes > TARGET_CHUNK_BYTES * n as usize {
        n *= 2;
    }
    n
}

/// The bucket of a record id among [`BUCKETS`]: FNV-1a over its bytes, folded to 8 bits.
/// Stable across versions and platforms, unlike `std`'s hasher, because stored data depends
/// on it. (FNV's low bits alone spread badly: sequential hex ids filled only 64 of 256
/// buckets.) With a smaller fan-out `n` (a power of two), the chunk is `bucket_of(id) % n`.
pub fn bucket_of(id: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in id.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    (h ^ (h >> 8) ^ (h >> 16) ^ (h >> 24)) % BUCKETS
}

/// The IndexedDB key of the chunk holding `id` among the records of `kind`, whose fan-out
/// is `fanout`.
pub fn chunk_key(kind: &str, id: &str, fanout: u32) -> String {
    bucket_key(kind, bucket_of(id) % fanout.clamp(1, BUCKETS))
}

pub(super) fn bucket_key(kind: &str, bucket: u32) -> String {
    format!("{kind}/{bucket:02x}")
}

/// The first and last possible chunk keys of a kind, for an IndexedDB key range.
/// `~` sorts after every hex digit.
pub fn kind_range(kind: &str) -> (String, String) {
    (format!("{kind}/"), format!("{kind}/~"))
}

/// The kind named in a chunk key (`"cities/0a"` → `"cities"`).
pub fn kind_of_key(key: &str) -> Option<&str> {
    key.rsplit_once('/').map(|(kind, _)| kind)
}

/// Whether a kind name is usable in chunk keys: non-empty ASCII without `/` or `~`.
pub fn valid_kind(kind: &str) -> bool {
    !kind.is_empty()
        && kind
            .bytes()
            .all(|b| b.is_ascii_graphic() && b != b'/' && b != b'~')
}

/// Parses a stored chunk (UTF-8 JSON). An absent chunk is empty.
pub fn parse_chunk(bytes: Option<&[u8]>) -> Result<Chunk, serde_json::Error> {
    match bytes {
        None => Ok(Chunk::new()),
        Some(b) => serde_json::from_slice(b),
    }
}

/// Serialises a chunk for storage; `None` means the chunk is empty and its entry is deleted.
pub fn write_chunk(chunk: &Chunk) -> Result<Option<Vec<u8>>, serde_json::Error> {
    if chunk.is_empty() {
        Ok(None)
    } else {
        serde_json::to_vec(chunk).map(Some)
    }
}

/// Builds `{"kind": [records...], ...}` from stored chunks given as (kind, bytes), so a
/// caller can deserialise every kind at once into its own dataset type without this layer
/// knowing it. `kinds` lists the kinds to include (each appears, possibly as `[]`).
pub fn grouped_json<'a>(
    kinds: &[&str],
    chunks: impl IntoIterator<Item = (&'a str, &'a [u8])>,
) -> Result<String, serde_json::Error> {
    let mut by_kind: BTreeMap<&str, Vec<Chunk>> = kinds.iter().map(|k| (*k, Vec::new())).collect();
    for (kind, bytes) in chunks {
        if let Some(list) = by_kind.get_mut(kind) {
            list.push(serde_json::from_slice(bytes)?);
        }
    }
    let mut out = String::from("{");
    for (i, (kind, chunks)) in by_kind.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&serde_json::to_string(kind)?);
        out.push_str(":[");
        let mut first = true;
        for record in chunks.iter().flat_map(|c| c.values()) {
            if !first {
                out.push(',');
            }
            first = false;
            out.push_str(record.get());
        }
        out.push(']');
    }
    out.push('}');
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(s: &str) -> Box<RawValue> {
        RawValue::from_string(s.to_string()).unwrap()
    }

    #[test]
    fn buckets_are_stable_and_spread() {
        // Fixed values: stored data depends on them, so they must never change.
        // FNV-1a's offset basis 0x811c9dc5 folded to a byte (0x81 ^ 0x1c ^ 0x9d ^ 0xc5):
        // the empty key's bucket.
        const EMPTY: u32 = 0xc5;
        assert_eq!(bucket_of(""), EMPTY);
        assert_eq!(bucket_of("a"), bucket_of("a"));
        assert_eq!(
            chunk_key("cities", "a", BUCKETS),
            format!("cities/{:02x}", bucket_of("a"))
        );
        assert_eq!(
            chunk_key("cities", "a", 16),
            format!("cities/{:02x}", bucket_of("a") % 16)
        );
        // Sequential uuid-like ids (what imports and tests make) must spread evenly too.
        for make in [
            |i: u32| format!("id-{i}"),
            |i: u32| format!("{i:08x}-1111-4222-8333-{i:012x}"),
        ] {
            let mut counts = [0u32; 256];
            for i in 0..25_600 {
                counts[bucket_of(&make(i)) as usize] += 1;
            }
            let (min, max) = (counts.iter().min().unwrap(), counts.iter().max().unwrap());
            assert!(*min > 50 && *max < 150, "uneven buckets: {min}..{max}");
        }
    }

    #[test]
    fn kind_range_covers_its_keys_only() {
        let (lo, hi) = kind_range("cities");
        for id in ["x", "y", "zzz"] {
            let k = chunk_key("cities", id, BUCKETS);
            assert!(lo < k && k < hi);
        }
        let other = chunk_key("cities_extra", "x", 1);
        assert!(!(lo < other && other < hi));
        assert_eq!(kind_of_key("cities/0a"), Some("cities"));
    }

    #[test]
    fn kind_names_checked() {
        assert!(valid_kind("province_grants"));
        assert!(!valid_kind(""));
        assert!(!valid_kind("a/b"));
        assert!(!valid_kind("a~"));
        assert!(!valid_kind("a b"));
    }

    #[test]
    fn chunk_round_trip_keeps_raw_records() {
        let mut c = parse_chunk(None).unwrap();
        assert!(write_chunk(&c).unwrap().is_none());
        c.insert("b".into(), raw(r#"{"n": 2}"#));
        c.insert("a".into(), raw(r#"{"n":1}"#));
        let bytes = write_chunk(&c).unwrap().unwrap();
        assert_eq!(bytes, br#"{"a":{"n":1},"b":{"n": 2}}"#);
        let back = parse_chunk(Some(&bytes)).unwrap();
        assert_eq!(back["b"].get(), r#"{"n": 2}"#);
    }

    #[test]
    fn written_chunks_parse_back_and_group() {
        let mut w = ChunkWriter::new("cities");
        for i in 0..10 {
            w.add(&format!("c{i}"), |out| {
                serde_json::to_writer(out, &serde_json::json!({ "i": i }))
            })
            .unwrap();
        }
        w.add("odd \"id\"", |out| serde_json::to_writer(out, &1))
            .unwrap();
        let WrittenKind {
            fanout,
            chunks,
            count,
        } = w.finish();
        assert_eq!(count, 11);
        assert_eq!(fanout, 1, "a few bytes make one chunk");
        assert_eq!(chunks.len(), 1);
        let mut seen = 0;
        for (key, bytes) in &chunks {
            let chunk = parse_chunk(Some(bytes)).unwrap();
            for (id, json) in &chunk {
                assert_eq!(
                    &chunk_key("cities", id, fanout),
                    key,
                    "each record sits in its own bucket"
                );
                if let Some(n) = id.strip_prefix('c') {
                    assert_eq!(json.get(), format!(r#"{{"i":{n}}}"#));
                }
            }
            seen += chunk.len();
        }
        assert_eq!(seen, 11);
        let texts: Vec<(String, Vec<u8>)> = chunks
            .into_iter()
            .chain([("ignored/00".to_string(), br#"{"x":1}"#.to_vec())])
            .collect();
        let json = grouped_json(
            &["cities", "projects"],
            texts
                .iter()
                .map(|(k, t)| (kind_of_key(k).unwrap(), t.as_slice())),
        )
        .unwrap();
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["cities"].as_array().unwrap().len(), 11);
        assert_eq!(v["projects"].as_array().unwrap().len(), 0);
        assert!(v.get("ignored").is_none());
    }

    #[test]
    fn fanout_follows_the_size_of_a_kind() {
        assert_eq!(fanout_for(0), 1);
        assert_eq!(fanout_for(TARGET_CHUNK_BYTES), 1);
        assert_eq!(fanout_for(TARGET_CHUNK_BYTES + 1), 2);
        assert_eq!(fanout_for(16 * TARGET_CHUNK_BYTES), 16);
        assert_eq!(fanout_for(usize::MAX / 2), BUCKETS);
        let layout = Layout::from([("cities".to_string(), 16)]);
        assert_eq!(fanout(&layout, "cities"), 16);
        assert_eq!(
            fanout(&layout, "projects"),
            BUCKETS,
            "the layout before layouts"
        );
    }
}
