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

fn bucket_key(kind: &str, bucket: u32) -> String {
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

/// The chunks of a whole kind, written straight to their bytes (a whole-kind replace, as an
/// import does): one serialisation per record, no per-record allocation, no re-parse.
pub struct ChunkWriter<'k> {
    kind: &'k str,
    fanout: u32,
    /// By chunk: its bytes so far (empty: no record yet).
    buckets: Vec<Vec<u8>>,
    count: usize,
    /// Whether `finish` may lower the fan-out to suit the size (sizes were not known).
    adaptive: bool,
}

/// A kind written by [`ChunkWriter`]: its fan-out, chunks (key → bytes of a JSON object),
/// and how many records they hold.
#[derive(Debug, Clone, PartialEq)]
pub struct WrittenKind {
    pub fanout: u32,
    pub chunks: BTreeMap<String, Vec<u8>>,
    pub count: usize,
}

/// Bytes a record adds to its chunk beyond its JSON: the id, its quotes, `:` and `,`.
fn entry_overhead(id: &str) -> usize {
    id.len() + 4
}

impl<'k> ChunkWriter<'k> {
    /// A writer for records whose size is not known in advance: written over [`BUCKETS`]
    /// chunks, joined into fewer at [`ChunkWriter::finish`] if the kind turns out small.
    pub fn new(kind: &'k str) -> ChunkWriter<'k> {
        ChunkWriter {
            kind,
            fanout: BUCKETS,
            buckets: vec![Vec::new(); BUCKETS as usize],
            count: 0,
            adaptive: true,
        }
    }

    /// A writer for records whose (id, JSON length) are all known: picks the fan-out for
    /// their total and sizes each chunk exactly, so nothing is copied twice.
    pub fn sized<'a>(
        kind: &'k str,
        records: impl Iterator<Item = (&'a str, usize)> + Clone,
    ) -> ChunkWriter<'k> {
        let total: usize = records
            .clone()
            .map(|(id, len)| len + entry_overhead(id))
            .sum();
        let fanout = fanout_for(total);
        let mut sizes = vec![0usize; fanout as usize];
        for (id, len) in records {
            sizes[(bucket_of(id) % fanout) as usize] += len + entry_overhead(id);
        }
        ChunkWriter {
            kind,
            fanout,
            // Each entry's `,` is the first one's `{`; then the closing `}`. (An id that
            // needs escaping only makes its chunk grow once.)
            buckets: sizes
                .into_iter()
                .map(|n| {
                    if n == 0 {
                        Vec::new()
                    } else {
                        Vec::with_capacity(n + 1)
                    }
                })
                .collect(),
            count: 0,
            adaptive: false,
        }
    }

    /// Adds the record `id`, its JSON written by `write`. Ids must be unique in a kind.
    pub fn add(
        &mut self,
        id: &str,
        write: impl FnOnce(&mut Vec<u8>) -> serde_json::Result<()>,
    ) -> serde_json::Result<()> {
        let buf = &mut self.buckets[(bucket_of(id) % self.fanout) as usize];
        buf.push(if buf.is_empty() { b'{' } else { b',' });
        serde_json::to_writer(&mut *buf, id)?;
        buf.push(b':');
        self.count += 1;
        write(buf)
    }

    pub fn finish(mut self) -> WrittenKind {
        if self.adaptive {
            let total = self.buckets.iter().map(Vec::len).sum();
            let fanout = fanout_for(total);
            if fanout < self.fanout {
                self.buckets = join_buckets(self.buckets, fanout);
                self.fanout = fanout;
            }
        }
        let kind = self.kind;
        let chunks = (0..self.fanout)
            .zip(self.buckets)
            .filter(|(_, buf)| !buf.is_empty())
            .map(|(bucket, mut buf)| {
                buf.push(b'}');
                (bucket_key(kind, bucket), buf)
            })
            .collect();
        WrittenKind {
            fanout: self.fanout,
            chunks,
            count: self.count,
        }
    }
}

/// Joins open chunk bodies (`{` and entries, no closing brace) bucket `b` into `b % fanout`.
fn join_buckets(buckets: Vec<Vec<u8>>, fanout: u32) -> Vec<Vec<u8>> {
    let mut joined: Vec<Vec<u8>> = vec![Vec::new(); fanout as usize];
    for (b, body) in buckets.into_iter().enumerate() {
        if body.is_empty() {
            continue;
        }
        let out = &mut joined[b % fanout as usize];
        if out.is_empty() {
            *out = body;
        } else {
            out.push(b',');
            out.extend_from_slice(&body[1..]);
        }
    }
    joined
}

/// Spreads a kind's chunks (their bytes, as stored) over the fan-out its size calls for, at
/// least `at_least`: for a kind whose chunks grew too large through edits.
pub fn respread<'a>(
    kind: &str,
    stored: impl IntoIterator<Item = &'a [u8]>,
    at_least: u32,
) -> Result<WrittenKind, serde_json::Error> {
    let mut records: Vec<(String, Box<RawValue>)> = Vec::new();
    for bytes in stored {
        records.extend(parse_chunk(Some(bytes))?);
    }
    let sizes = records.iter().map(|(id, r)| (id.as_str(), r.get().len()));
    let mut w = ChunkWriter::sized(kind, sizes);
    if w.fanout < at_least {
        w = ChunkWriter {
            fanout: at_least,
            buckets: vec![Vec::new(); at_least as usize],
            ..w
        };
    }
    for (id, r) in &records {
        w.add(id, |out| {
            out.extend_from_slice(r.get().as_bytes());
            Ok(())
        })?;
    }
    Ok(w.finish())
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
        assert_eq!(bucket_of(""), (0x81 ^ 0x1c ^ 0x9d ^ 0xc5) % 256);
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
                if id.starts_with('c') {
                    assert_eq!(json.get(), format!(r#"{{"i":{}}}"#, &id[1..]));
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

    /// Records of `bytes` each, ids `r0`, `r1`, ...
    fn records(n: usize, bytes: usize) -> Vec<(String, String)> {
        (0..n)
            .map(|i| (format!("r{i}"), format!("\"{}\"", "x".repeat(bytes - 2))))
            .collect()
    }

    /// Every record of `chunks` by id, checking each sits in the chunk its id names.
    fn read_back(kind: &str, w: &WrittenKind) -> BTreeMap<String, String> {
        let mut all = BTreeMap::new();
        for (key, bytes) in &w.chunks {
            for (id, json) in parse_chunk(Some(bytes)).unwrap() {
                assert_eq!(&chunk_key(kind, &id, w.fanout), key, "{id} misplaced");
                all.insert(id, json.get().to_string());
            }
        }
        all
    }

    #[test]
    fn a_kind_is_written_in_chunks_of_about_the_target_size() {
        for (n, bytes) in [(10, 100), (5_000, 500), (20_000, 700)] {
            let recs = records(n, bytes);
            let expected = fanout_for(recs.iter().map(|(id, j)| id.len() + 4 + j.len()).sum());
            let mut typed = ChunkWriter::new("k");
            let sizes = recs.iter().map(|(id, j)| (id.as_str(), j.len()));
            let mut sized = ChunkWriter::sized("k", sizes);
            for (id, json) in &recs {
                typed
                    .add(id, |out| {
                        out.extend_from_slice(json.as_bytes());
                        Ok(())
                    })
                    .unwrap();
                sized
                    .add(id, |out| {
                        out.extend_from_slice(json.as_bytes());
                        Ok(())
                    })
                    .unwrap();
            }
            let (typed, sized) = (typed.finish(), sized.finish());
            // Both ways make the same chunks (records within a joined chunk may be ordered
            // differently, which JSON objects do not mind).
            assert_eq!(typed.fanout, sized.fanout);
            assert_eq!(
                typed.chunks.keys().collect::<Vec<_>>(),
                sized.chunks.keys().collect::<Vec<_>>()
            );
            assert_eq!(read_back("k", &typed), read_back("k", &sized));
            assert_eq!(sized.fanout, expected, "{n} records of {bytes} bytes");
            assert_eq!(sized.count, n);
            for bytes in sized.chunks.values() {
                assert!(bytes.len() <= 2 * TARGET_CHUNK_BYTES || sized.fanout == BUCKETS);
                assert_eq!(bytes.capacity(), bytes.len(), "sized exactly: never grown");
            }
            let back = read_back("k", &sized);
            assert_eq!(back.len(), n);
            assert!(recs.iter().all(|(id, j)| &back[id] == j));
        }
    }

    #[test]
    fn an_outgrown_kind_is_spread_over_more_chunks() {
        let recs = records(3_000, 400);
        let mut w = ChunkWriter::new("k");
        for (id, json) in &recs {
            w.add(id, |out| {
                out.extend_from_slice(json.as_bytes());
                Ok(())
            })
            .unwrap();
        }
        let before = w.finish();
        // As if every record had been added to one chunk through edits.
        let mut one: Chunk = Chunk::new();
        for (id, json) in &recs {
            one.insert(id.clone(), RawValue::from_string(json.clone()).unwrap());
        }
        let one = WrittenKind {
            fanout: 1,
            chunks: BTreeMap::from([("k/00".to_string(), write_chunk(&one).unwrap().unwrap())]),
            count: recs.len(),
        };
        assert_eq!(one.chunks.len(), 1);
        let spread = respread("k", one.chunks.values().map(Vec::as_slice), 2).unwrap();
        assert_eq!(spread.fanout, before.fanout);
        assert_eq!(read_back("k", &spread), read_back("k", &before));
        // Even a kind whose size does not call for more chunks gets at least `at_least`.
        let small = records(10, 50);
        let mut w = ChunkWriter::new("k");
        for (id, json) in &small {
            w.add(id, |out| {
                out.extend_from_slice(json.as_bytes());
                Ok(())
            })
            .unwrap();
        }
        let small = w.finish();
        let spread = respread("k", small.chunks.values().map(Vec::as_slice), 4).unwrap();
        assert_eq!(spread.fanout, 4);
        assert_eq!(read_back("k", &spread), read_back("k", &small));
    }
}
