//! Writing a whole kind's chunks at once (an import, loading the example data, spreading a
//! kind that outgrew its chunks): each record serialised once, straight into the bytes of
//! its chunk, with the fan-out the kind's size calls for (see [`super::chunks`]).

use std::collections::BTreeMap;

use serde_json::value::RawValue;

use super::chunks::{bucket_key, bucket_of, fanout_for, parse_chunk, BUCKETS};

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::chunks::{chunk_key, write_chunk, Chunk, TARGET_CHUNK_BYTES};

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
