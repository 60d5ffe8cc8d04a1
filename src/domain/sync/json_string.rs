//! A JSON string written exactly as serde_json writes it (only `"`, `\` and control
//! characters escaped), eight bytes at a time: a survey's text is mostly Thai, which needs no
//! escape, and serde_json's byte-by-byte loop was the largest cost of the canonical bytes of
//! 100,000 households in the browser build (optimised for size).

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// Whether any byte of `x` is below 0x20, a quote or a backslash. Exact: every flag comes
/// from a byte that is zero (after the xor) or below 0x20, with no borrow between bytes
/// that are not.
fn needs_escape(x: u64) -> bool {
    let zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGHS;
    let below_space = x.wrapping_sub(ONES * 0x20) & !x & HIGHS;
    (below_space | zero(x ^ (ONES * u64::from(b'"'))) | zero(x ^ (ONES * u64::from(b'\\')))) != 0
}

/// Appends `s` as a quoted JSON string.
pub(super) fn write_string(out: &mut Vec<u8>, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let b = s.as_bytes();
    out.reserve(b.len() + 2);
    out.push(b'"');
    let mut clean = 0;
    let mut i = 0;
    while i < b.len() {
        if let Some(chunk) = b.get(i..i + 8) {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            if !needs_escape(u64::from_le_bytes(word)) {
                i += 8;
                continue;
            }
        }
        let end = (i + 8).min(b.len());
        for (j, &c) in b.iter().enumerate().take(end).skip(i) {
            let escaped: &[u8] = match c {
                b'"' => b"\\\"",
                b'\\' => b"\\\\",
                b'\n' => b"\\n",
                b'\r' => b"\\r",
                b'\t' => b"\\t",
                0x08 => b"\\b",
                0x0c => b"\\f",
                0..=0x1f => &[
                    b'\\',
                    b'u',
                    b'0',
                    b'0',
                    HEX[usize::from(c >> 4)],
                    HEX[usize::from(c & 0xf)],
                ],
                _ => continue,
            };
            out.extend_from_slice(&b[clean..j]);
            out.extend_from_slice(escaped);
            clean = j + 1;
        }
        i = end;
    }
    out.extend_from_slice(&b[clean..]);
    out.push(b'"');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ours(s: &str) -> String {
        let mut out = Vec::new();
        write_string(&mut out, s);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn every_ascii_byte_in_every_position_as_serde_json_writes_it() {
        for c in 0u8..0x80 {
            for pad in 0..17 {
                let s = format!("{}{}ก{}", "a".repeat(pad), c as char, "ข".repeat(pad % 5));
                assert_eq!(
                    ours(&s),
                    serde_json::to_string(&s).unwrap(),
                    "{c:#x} at {pad}"
                );
            }
        }
    }

    #[test]
    fn thai_and_mixed_text_as_serde_json_writes_it() {
        for s in [
            "",
            "ชุมชนริมคลอง \"บ้านมั่นคง\" \\ 2561\n\t\u{1}\u{1f}\u{7f}\u{2028}",
            "0123456789abcdef\"",
            "เจ็ดอักษร\u{0}",
        ] {
            assert_eq!(ours(s), serde_json::to_string(s).unwrap());
        }
    }
}
