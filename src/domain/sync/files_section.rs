//! A bundle's `attachments` section written and read one file at a time, so 200 photos
//! are never all in memory at once (issue #13). The bytes are the documented format, the
//! very text [`Bundle::to_json`] writes with the files in it, so old readers read it.
//!
//! Writing: [`Bundle::json_around_files`] is the text without the section, cut where it
//! goes (just before `"records"`); the writer puts [`SECTION_OPEN`], each entry
//! ([`entry_head`], the base64 of the bytes, [`ENTRY_CLOSE`], [`ENTRY_SEPARATOR`] between),
//! then [`SECTION_CLOSE`] between the two halves.
//!
//! Reading: [`SectionScan`] is fed the file's bytes in order, piece by piece, and finds
//! where the section is: the bytes to leave out of the text (the key, its array and the
//! comma after it) and each entry's place. The rest, a document with no section, is opened
//! as any file ([`crate::domain::sync::Opening::files_apart`]); then each entry is read
//! from the file, parsed ([`parse_entry`]) and checked ([`FileCheck`]) on its own. The
//! scan takes the section apart only when it is laid out as an exporter writes it: at the
//! top level, after nothing but the header fields, a well-formed array of objects followed
//! by another field. Anything else (a locked file, a plain data file, a file with no
//! section, an unusual, damaged or truncated one) is [`Scanned::Whole`]: the whole text is
//! read and parsed as before, with every check and message it had.

use std::ops::Range;

use crate::domain::document::DocumentError;
use crate::domain::records::attachment::MAX_ATTACHMENT_BYTES;
use crate::domain::sync::bundle::Bundle;
use crate::domain::sync::error::BundleError;
use crate::domain::sync::files::{BundleFile, FileEntry};
use crate::domain::sync::raw::records_text;

/// Between the header and `"records"` when files are carried.
pub const SECTION_OPEN: &str = ",\"attachments\":[";
pub const SECTION_CLOSE: &str = "]";
pub const ENTRY_SEPARATOR: &str = ",";
/// After an entry's base64.
pub const ENTRY_CLOSE: &str = "\"}";

/// Fewer bytes than the smallest entry (`{"sha256":"<64 hex>",…}`): a shorter one is not
/// a file, and the scan leaves such a file to the whole-text reader.
const MIN_ENTRY_BYTES: u64 = 64;
/// More than the largest entry can be (20 MB as base64, and its other fields).
pub const MAX_ENTRY_BYTES: u64 = MAX_ATTACHMENT_BYTES / 3 * 4 + 4 + 64 * 1024;
/// Deeper than serde_json reads; the scan leaves such a file to it.
const MAX_DEPTH: usize = 128;
/// The fields a bundle writes before its `attachments`.
const HEADER_KEYS: [&[u8]; 6] = [
    b"format",
    b"schema_version",
    b"exported_at",
    b"exported_by",
    b"manifest",
    b"signature",
];

/// A bundle's JSON without its files, and where [`SECTION_OPEN`] … [`SECTION_CLOSE`] go.
pub struct JsonAround {
    text: String,
    at: usize,
}

impl JsonAround {
    /// Everything before the section.
    pub fn head(&self) -> &str {
        &self.text[..self.at]
    }

    /// Everything after it: `,"records":…}`.
    pub fn tail(&self) -> &str {
        &self.text[self.at..]
    }
}

impl Bundle {
    /// [`Bundle::to_json`] of a bundle whose carried files are written apart (it holds
    /// only their note, [`Bundle::with_files`] with no files), cut where they go. With no
    /// files to write, `head` + `tail` is the whole text.
    pub fn json_around_files(&self) -> JsonAround {
        let text = self.to_json();
        // `to_json` writes `,"records":` then the records, last.
        let at = records_text(&text)
            .map(|r| r.as_ptr() as usize - text.as_ptr() as usize)
            .and_then(|end| text[..end].rfind(",\"records\":"))
            .unwrap_or(text.len());
        JsonAround { text, at }
    }
}

/// An entry's text up to its base64: `{"sha256":…,"media_type":…,"size":…,"data":"`.
pub fn entry_head(entry: &FileEntry) -> String {
    let empty = entry.clone().with_bytes(&[]);
    let mut text = serde_json::to_string(&empty).unwrap_or_default();
    // `data` is the last field and was written empty: `…,"data":""}`.
    text.truncate(text.len().saturating_sub(ENTRY_CLOSE.len()));
    text
}

/// Entry `index` of the section with what goes before it (the section's opening, or the
/// comma after the entry before): the writer's part for one file.
pub fn entry_part(index: usize, entry: &FileEntry, bytes: &[u8]) -> String {
    use base64::Engine as _;
    let before = if index == 0 {
        SECTION_OPEN
    } else {
        ENTRY_SEPARATOR
    };
    let mut out = String::with_capacity(before.len() + 200 + bytes.len() / 3 * 4 + 4);
    out.push_str(before);
    out.push_str(&entry_head(entry));
    base64::engine::general_purpose::STANDARD.encode_string(bytes, &mut out);
    out.push_str(ENTRY_CLOSE);
    out
}

/// An entry's text as read from the file, with its place among the entries for messages.
pub fn parse_entry(index: usize, text: &[u8]) -> Result<BundleFile, BundleError> {
    serde_json::from_slice(text).map_err(|e| {
        BundleError::Document(DocumentError::Invalid {
            path: format!("attachments[{index}]"),
            detail: e.to_string(),
        })
    })
}

/// Where a file's `attachments` section is (byte offsets in the file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilesSection {
    /// Left out of the text that is parsed: the key, its array and the comma after it.
    pub cut: Range<u64>,
    /// Each entry, `{` to `}`.
    pub entries: Vec<Range<u64>>,
}

/// What the scan found so far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scanned {
    /// Feed it more.
    More,
    /// Read the whole text: there is no section to take apart, or not one laid out as a
    /// writer of this format lays it out.
    Whole,
    Section(FilesSection),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum St {
    /// Before `{` (a byte-order mark may come first).
    #[default]
    Start,
    /// After `{` or `,`: a key's `"`.
    Key,
    /// In a key.
    InKey,
    Colon,
    /// A header field's value, skipped.
    Value,
    Skipping,
    /// After a header value: `,`.
    AfterValue,
    /// `:` after `"attachments"`.
    SectionColon,
    SectionOpen,
    /// After `[`: an entry or `]`.
    FirstEntry,
    /// After `,` between entries.
    NextEntry,
    InEntry,
    /// After an entry: `,` or `]`.
    AfterEntry,
    /// After `]`: the `,` before the next field.
    AfterSection,
}

/// Finds a file's `attachments` section, fed the file's bytes in order (see the module
/// notes). Holds only the entries' places and a few bytes of state.
#[derive(Debug, Default)]
pub struct SectionScan {
    st: St,
    /// Offset in the file of the next byte fed.
    pos: u64,
    key: Vec<u8>,
    key_escaped: bool,
    /// Open brackets of the value being skipped (or the entry), and whether in a string.
    stack: Vec<u8>,
    in_str: bool,
    escaped: bool,
    cut_start: u64,
    entry_start: u64,
    entries: Vec<Range<u64>>,
    done: Option<Scanned>,
}

impl SectionScan {
    pub fn new() -> SectionScan {
        SectionScan::default()
    }

    /// Feeds the next bytes of the file. Once the answer is not [`Scanned::More`], it
    /// stays the same whatever is fed after.
    pub fn feed(&mut self, chunk: &[u8]) -> Scanned {
        if let Some(done) = &self.done {
            return done.clone();
        }
        let found = self.run(chunk);
        self.pos += chunk.len() as u64;
        if found != Scanned::More {
            self.done = Some(found.clone());
        } else if self.st == St::InEntry && self.pos - self.entry_start > MAX_ENTRY_BYTES {
            self.done = Some(Scanned::Whole);
            return Scanned::Whole;
        }
        found
    }

    /// The file ended: if nothing was found yet, it is read whole (the parser says what is
    /// wrong with a file that ends inside its section).
    pub fn finish(self) -> Scanned {
        match self.done {
            Some(Scanned::Section(s)) => Scanned::Section(s),
            _ => Scanned::Whole,
        }
    }

    fn run(&mut self, b: &[u8]) -> Scanned {
        let mut i = 0;
        while i < b.len() {
            let at = self.pos + i as u64;
            let c = b[i];
            let ws = matches!(c, b' ' | b'\n' | b'\r' | b'\t');
            match self.st {
                St::Start if at < 3 && c == [0xEF, 0xBB, 0xBF][at as usize] => {}
                St::Start if ws => {}
                St::Start if c == b'{' => self.st = St::Key,
                St::Key | St::Colon | St::Value | St::AfterValue if ws => {}
                St::Key if c == b'"' => {
                    self.cut_start = at;
                    self.key.clear();
                    self.key_escaped = false;
                    self.st = St::InKey;
                }
                St::InKey => match c {
                    b'"' if !self.escaped => {
                        self.st = if self.key_escaped {
                            return Scanned::Whole;
                        } else if self.key == b"attachments" {
                            St::SectionColon
                        } else if HEADER_KEYS.contains(&self.key.as_slice()) {
                            St::Colon
                        } else {
                            // `records` or a field no exporter writes before its files.
                            return Scanned::Whole;
                        };
                    }
                    b'\\' => {
                        self.key_escaped = true;
                        self.escaped = !self.escaped;
                    }
                    _ => {
                        self.escaped = false;
                        if self.key.len() < 32 {
                            self.key.push(c);
                        }
                    }
                },
                St::Colon if c == b':' => self.st = St::Value,
                St::Value => {
                    self.st = St::Skipping;
                    continue;
                }
                St::Skipping | St::InEntry => {
                    let Some(end) = self.nested(b, &mut i) else {
                        return Scanned::Whole;
                    };
                    if end {
                        if self.st == St::InEntry {
                            let range = self.entry_start..self.pos + i as u64;
                            let len = range.end - range.start;
                            if !(MIN_ENTRY_BYTES..=MAX_ENTRY_BYTES).contains(&len) {
                                return Scanned::Whole;
                            }
                            self.entries.push(range);
                            self.st = St::AfterEntry;
                        } else {
                            self.st = St::AfterValue;
                        }
                    }
                    continue;
                }
                St::AfterValue if c == b',' => self.st = St::Key,
                St::SectionColon
                | St::SectionOpen
                | St::FirstEntry
                | St::NextEntry
                | St::AfterEntry
                | St::AfterSection
                    if ws => {}
                St::SectionColon if c == b':' => self.st = St::SectionOpen,
                St::SectionOpen if c == b'[' => self.st = St::FirstEntry,
                St::FirstEntry if c == b']' => self.st = St::AfterSection,
                St::FirstEntry | St::NextEntry if c == b'{' => {
                    self.entry_start = at;
                    self.st = St::InEntry;
                    continue;
                }
                St::AfterEntry if c == b',' => self.st = St::NextEntry,
                St::AfterEntry if c == b']' => self.st = St::AfterSection,
                St::AfterSection if c == b',' => {
                    return Scanned::Section(FilesSection {
                        cut: self.cut_start..at + 1,
                        entries: std::mem::take(&mut self.entries),
                    });
                }
                // Anything else: not laid out as an exporter writes it.
                _ => return Scanned::Whole,
            }
            i += 1;
        }
        Scanned::More
    }

    /// Skips a JSON value from `b[*i]` on (strings, brackets matched; scalars up to the
    /// next delimiter), carrying its state across pieces. `Some(true)` when it ended (`*i`
    /// just past it), `Some(false)` when the piece ran out, `None` when it is malformed.
    fn nested(&mut self, b: &[u8], i: &mut usize) -> Option<bool> {
        let scalar = |c: u8| {
            !matches!(c, b'"' | b'{' | b'[' | b'}' | b']' | b',')
                && !matches!(c, b' ' | b'\n' | b'\r' | b'\t')
        };
        while *i < b.len() {
            if self.in_str {
                if self.escaped {
                    self.escaped = false;
                    *i += 1;
                    continue;
                }
                // Most of a bundle is text inside strings: jump to the next quote or backslash.
                let Some(k) = memchr::memchr2(b'"', b'\\', &b[*i..]) else {
                    *i = b.len();
                    return Some(false);
                };
                *i += k + 1;
                if b[*i - 1] == b'\\' {
                    self.escaped = true;
                } else {
                    self.in_str = false;
                    if self.stack.is_empty() {
                        return Some(true);
                    }
                }
                continue;
            }
            let c = b[*i];
            match c {
                b'"' => self.in_str = true,
                b'{' | b'[' => {
                    if self.stack.len() >= MAX_DEPTH {
                        return None;
                    }
                    self.stack.push(if c == b'{' { b'}' } else { b']' });
                }
                b'}' | b']' => {
                    if self.stack.pop() != Some(c) {
                        return None;
                    }
                    if self.stack.is_empty() {
                        *i += 1;
                        return Some(true);
                    }
                }
                // A scalar at the top of the value ends before its delimiter.
                _ if self.stack.is_empty() && !scalar(c) => return Some(true),
                _ => {}
            }
            *i += 1;
        }
        Some(false)
    }
}

#[cfg(test)]
#[path = "files_section_tests.rs"]
mod tests;
