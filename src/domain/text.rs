//! Names as people see them. Two names that print the same must compare the same, or a
//! look-alike city slips past `record.duplicate`: Thai can be typed in more than one way
//! (ํ + า for ำ, เ + เ for แ), Unicode has composed and decomposed forms, and invisible
//! characters (zero-width, bidi controls) change the bytes without changing the print.

use std::borrow::Cow;

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Zero-width and bidirectional control characters: invisible on screen, but they end up
/// on printed MOUs and in CSV cells (where bidi controls can reorder what a reader sees).
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

/// The first invisible character in `s`, for a message naming it.
pub fn first_invisible(s: &str) -> Option<char> {
    // Every one is encoded starting with E2 or EF: most names have neither and are not
    // decoded (this runs for every name of every import).
    memchr::memchr2(0xE2, 0xEF, s.as_bytes())?;
    s.chars().find(|&c| is_invisible(c))
}

/// The form names are compared in: [`canonical`], then runs of white space made one space
/// and trimmed, and letters lower-cased.
///
/// ```
/// use mueang::domain::text::normalise_name;
/// assert_eq!(normalise_name("เทศบาลนครลำปาง"), normalise_name("เทศบาลนครล\u{0e4d}\u{0e32}ปาง"));
/// assert_eq!(normalise_name("เเม่สอด"), normalise_name("แม่สอด"));
/// assert_eq!(normalise_name(" Mae\u{200b}  Sot "), "mae sot");
/// ```
pub fn normalise_name(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    normalise_name_into(s, |c| c, true, &mut out);
    out
}

/// [`normalise_name`] appended to `out`, each character first through `map` (which must
/// map no character to white space or to a Thai mark), and white space dropped instead of
/// made one space when `spaces` is false: for indexes that fold many names into one buffer
/// without a `String` each.
///
/// ```
/// use mueang::domain::text::normalise_name_into;
/// let mut out = String::from("|");
/// normalise_name_into("  Mae\u{200b}  SOT ", |c| c, true, &mut out);
/// normalise_name_into(" 12 / 3 ", |c| c, false, &mut out);
/// assert_eq!(out, "|mae sot12/3");
/// ```
pub fn normalise_name_into(s: &str, map: impl Fn(char) -> char, spaces: bool, out: &mut String) {
    let text = match plain_thai_or_ascii(s) {
        true => Cow::Borrowed(s),
        false => canonical(s),
    };
    let start = out.len();
    let mut space = false;
    for c in text.chars().map(map) {
        if c.is_whitespace() {
            space = spaces && out.len() > start;
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
}

/// The canonical combining class of the Thai marks that have one; every other Thai and
/// ASCII character has 0.
fn thai_ccc(c: char) -> u8 {
    match c {
        '\u{0E38}' | '\u{0E39}' => 103,
        '\u{0E3A}' => 9,
        '\u{0E48}'..='\u{0E4B}' => 107,
        _ => 0,
    }
}

/// Text of ASCII and Thai only, marks in canonical order, no look-alike pair: already
/// [`canonical`], which nearly every name and house number is, told in one pass without
/// [`canonical`]'s Unicode tables (the household list normalises 100,000 of them).
fn plain_thai_or_ascii(s: &str) -> bool {
    let (mut prev, mut prev_ccc) = ('\0', 0u8);
    for c in s.chars() {
        if c.is_ascii() {
            prev_ccc = 0;
        } else if ('\u{0E00}'..='\u{0E7F}').contains(&c) {
            let ccc = thai_ccc(c);
            let pair = matches!(
                (prev, c),
                ('\u{0E4D}', '\u{0E32}') | ('\u{0E40}', '\u{0E40}')
            );
            if pair || (ccc != 0 && ccc < prev_ccc) {
                return false;
            }
            prev_ccc = ccc;
        } else {
            return false;
        }
        prev = c;
    }
    true
}

/// NFC, invisible characters removed, and the Thai spellings that print alike made one
/// (NIKHAHIT + SARA AA → SARA AM, SARA E + SARA E → SARA AE). Borrows text that is already
/// in this form, which is nearly all of it.
pub fn canonical(s: &str) -> Cow<'_, str> {
    // SARA E starts most Thai words, so look for the pairs themselves, not either mark.
    let settled = is_nfc_quick(s.chars()) == IsNormalized::Yes
        && !s.contains("\u{0E4D}\u{0E32}")
        && !s.contains("\u{0E40}\u{0E40}")
        && first_invisible(s).is_none();
    if settled {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for c in s.nfc().filter(|&c| !is_invisible(c)) {
        match (out.chars().next_back(), c) {
            (Some('\u{0E4D}'), '\u{0E32}') => {
                out.pop();
                out.push('\u{0E33}');
            }
            (Some('\u{0E40}'), '\u{0E40}') => {
                out.pop();
                out.push('\u{0E41}');
            }
            _ => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Typed text as quoted back in a message (a date or an amount that cannot be read): long
/// pastes are cut so the message stays readable.
pub fn quoted_input(input: &str) -> String {
    const MAX_CHARS: usize = 40;
    let t = input.trim();
    match t.char_indices().nth(MAX_CHARS) {
        Some((cut, _)) => format!("{}…", &t[..cut]),
        None => t.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn look_alikes_compare_equal() {
        let pairs = [
            ("เทศบาลนครลำปาง", "เทศบาลนครล\u{0e4d}\u{0e32}ปาง"),
            ("แม่สอด", "\u{0e40}\u{0e40}ม่สอด"),
            ("แม่สอด", "แม่\u{200b}สอด"),
            ("แม่สอด", "\u{202e}แม่สอด\u{202c}"),
            ("แม่สอด", "  แม่สอด\u{feff} "),
            ("Mae Sot", "mae   SOT"),
            ("Café", "Cafe\u{0301}"),
            ("น้ำ", "น\u{0e49}\u{0e4d}\u{0e32}"),
            // A tone mark typed before a lower vowel: NFC puts the vowel first.
            ("กุ่ม", "ก\u{0e48}\u{0e38}ม"),
        ];
        for (a, b) in pairs {
            assert_eq!(normalise_name(a), normalise_name(b), "{a:?} vs {b:?}");
        }
    }

    #[test]
    fn different_names_stay_different() {
        let pairs = [
            ("แม่สอด", "แม่สาย"),
            ("เทศบาลนครลำปาง", "เทศบาลเมืองลำปาง"),
            ("เมือง", "เมีอง"),
            ("Mae Sot", "MaeSot"),
        ];
        for (a, b) in pairs {
            assert_ne!(normalise_name(a), normalise_name(b), "{a:?} vs {b:?}");
        }
    }

    #[test]
    fn invisible_characters_are_found() {
        assert_eq!(first_invisible("แม่\u{200d}สอด"), Some('\u{200d}'));
        assert_eq!(first_invisible("a\u{2067}b"), Some('\u{2067}'));
        assert_eq!(first_invisible("แม่สอด"), None);
        // Thai combining marks are not invisible controls.
        assert_eq!(first_invisible("น้ำ"), None);
    }
}
