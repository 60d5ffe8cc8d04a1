//! Where a bundle's records are in its text, for the fast checksum path.
//!
//! A Mueang exporter writes `records` last and in canonical form (see `canonical.rs`), so
//! for its files the checksum is simply the SHA-256 of the text after `"records":`. Hashing
//! that slice skips rebuilding the canonical bytes from the types, which was most of the
//! cost of verifying 100,000 records. If the slice does not hash to the stated checksum
//! (another writer, a re-indented file, a damaged one), verification falls back to the
//! canonical bytes, so the result is the same; only the time differs.

/// The text of the top-level `records` value when it is the document's last field, else
/// `None`. Never panics; meant for text that already parsed as a document.
pub fn records_text(text: &str) -> Option<&str> {
    let (text, mut fields) = TopLevel::of(text)?;
    let at = fields.find(|(raw, _)| *raw == "\"records\"")?.1;
    // Ends with the document's closing brace: whatever lies between is the value (if
    // another field followed, the slice will not hash to the checksum).
    let rest = text.get(at..)?.trim_end();
    rest.strip_suffix('}').map(str::trim_end)
}

/// Whether the document's top level names `key`, however it is spelled (escapes
/// included). Never panics; `false` for text that is not an object.
pub(crate) fn has_top_level_key(text: &str, key: &str) -> bool {
    TopLevel::of(text).is_some_and(|(_, mut fields)| {
        fields.any(|(raw, _)| {
            let plain = &raw[1..raw.len() - 1];
            plain == key
                || (plain.contains('\\')
                    && serde_json::from_str::<String>(raw).is_ok_and(|k| k == key))
        })
    })
}

/// The top-level fields of a document, in order: each key as written (quotes and escapes
/// included) and where its value starts. A value is skipped only when the next field is
/// asked for, so stopping at a key never walks its (perhaps very large) value. Ends at the
/// last field, or at the first thing that is not a field.
struct TopLevel<'t> {
    text: &'t str,
    at: Option<usize>,
}

impl<'t> TopLevel<'t> {
    /// The text without a BOM, and its fields; `None` when it is not an object.
    fn of(text: &'t str) -> Option<(&'t str, TopLevel<'t>)> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let i = skip_ws(text.as_bytes(), 0);
        (text.as_bytes().get(i) == Some(&b'{')).then_some((text, TopLevel { text, at: None }))
    }
}

impl<'t> Iterator for TopLevel<'t> {
    type Item = (&'t str, usize);

    fn next(&mut self) -> Option<Self::Item> {
        let b = self.text.as_bytes();
        let mut i = match self.at.take() {
            // The first field: just after the opening brace.
            None => skip_ws(b, 0) + 1,
            Some(value) => {
                let end = skip_ws(b, value_end(b, value)?);
                if b.get(end) != Some(&b',') {
                    return None;
                }
                end + 1
            }
        };
        i = skip_ws(b, i);
        let key_end = string_end(b, i)?;
        let raw = self.text.get(i..key_end)?;
        i = skip_ws(b, key_end);
        if b.get(i) != Some(&b':') {
            return None;
        }
        let value = skip_ws(b, i + 1);
        self.at = Some(value);
        Some((raw, value))
    }
}

pub(super) fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while matches!(b.get(i), Some(b' ' | b'\n' | b'\r' | b'\t')) {
        i += 1;
    }
    i
}

/// The index just past the string starting at `i` (which must be `"`).
pub(super) fn string_end(b: &[u8], i: usize) -> Option<usize> {
    if b.get(i) != Some(&b'"') {
        return None;
    }
    let mut j = i + 1;
    // Most of a bundle is text inside strings: jump from quote or backslash to the next.
    loop {
        j += memchr::memchr2(b'"', b'\\', b.get(j..)?)?;
        match b[j] {
            b'\\' => j += 2,
            _ => return Some(j + 1),
        }
    }
}

/// The index just past the JSON value starting at `i`.
pub(super) fn value_end(b: &[u8], i: usize) -> Option<usize> {
    match b.get(i)? {
        b'"' => string_end(b, i),
        &open @ (b'{' | b'[') => {
            // In valid JSON (the text already parsed) the braces outside strings balance
            // on their own, and so do the brackets: only the value's own kind is counted,
            // which lets memchr jump over everything else (most of a record's bytes).
            let close = if open == b'{' { b'}' } else { b']' };
            let mut depth = 0usize;
            let mut j = i;
            loop {
                j += memchr::memchr3(b'"', open, close, b.get(j..)?)?;
                match b[j] {
                    b'"' => {
                        j = string_end(b, j)?;
                        continue;
                    }
                    c if c == open => depth += 1,
                    _ => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(j + 1);
                        }
                    }
                }
                j += 1;
            }
        }
        _ => {
            let mut j = i;
            while !matches!(
                b.get(j),
                None | Some(b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t')
            ) {
                j += 1;
            }
            Some(j)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_last_records_value() {
        let text = r#"{"format":"x","manifest":{"counts":{"cities":{"records":1}},"s":"a\"}"},"records":{"cities":[{"a":"}"}]}}"#;
        assert_eq!(records_text(text), Some(r#"{"cities":[{"a":"}"}]}"#));
        let spaced = "\u{feff} { \"n\" : -1.5e3 , \"l\":[1,[2]], \"records\" : {} } \n";
        assert_eq!(records_text(spaced), Some("{}"));
    }

    #[test]
    fn records_not_last_gives_a_slice_that_includes_the_rest() {
        // The caller hashes it; it will not match, and the canonical path takes over.
        let text = r#"{"records":{},"format":"x"}"#;
        assert_eq!(records_text(text), Some(r#"{},"format":"x""#));
    }

    #[test]
    fn a_top_level_key_is_found_however_spelled_and_only_at_the_top() {
        let text = r#"{"a":{"attachments":[]},"b":"\"attachments\"","records":{}}"#;
        assert!(!has_top_level_key(text, "attachments"));
        assert!(has_top_level_key(text, "records"));
        let escaped = r#"{"a":1,"attachm\u0065nts":[],"records":{}}"#;
        assert!(has_top_level_key(escaped, "attachments"));
        for broken in ["", "[]", "{", r#"{"a""#, r#"{"a":"#, r#"{"a":1 "b":2}"#] {
            assert!(!has_top_level_key(broken, "a2"), "{broken:?}");
        }
    }

    #[test]
    fn anything_else_is_none_without_panicking() {
        for text in [
            "",
            "[]",
            "{",
            r#"{"a""#,
            r#"{"a":"#,
            r#"{"a":{"#,
            r#"{"a":1 "records":{}}"#,
            r#"{"rec\u006frds":{}}"#,
            r#"{"a":"\"#,
        ] {
            assert_eq!(records_text(text), None, "{text:?}");
        }
    }
}
