//! Wording shared by the rules: amounts, dates and record names in Thai and English, and
//! the name normalisation that duplicate detection relies on.

use chrono::NaiveDate;

use crate::domain::dates::{format_be_short, format_en, FiscalYear};
use crate::domain::meta::RecordId;
use crate::domain::money::Baht;
use crate::domain::records::City;
use crate::domain::text::canonical;

use super::context::Ctx;

pub fn baht_th(b: Baht) -> String {
    format!("{} บาท", b.format_whole_if_round())
}

pub fn baht_en(b: Baht) -> String {
    format!("{} baht", b.format_whole_if_round())
}

/// "1 transfer", "2 transfers": Thai needs no plural, English does.
pub fn count_en(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

pub fn date_th(d: NaiveDate) -> String {
    format_be_short(d)
}

pub fn date_en(d: NaiveDate) -> String {
    format_en(d)
}

/// A city as Thai readers know it, with a fallback that still lets staff find the record.
pub fn city_th(ctx: &Ctx<'_>, id: RecordId) -> String {
    match ctx.city(id) {
        Some(c) if !c.name_th.trim().is_empty() => c.name_th.clone(),
        _ => format!("เมือง {id}"),
    }
}

pub fn city_en(ctx: &Ctx<'_>, id: RecordId) -> String {
    ctx.city(id)
        .map_or_else(|| format!("city {id}"), city_name_en)
}

/// What a city's year adds up to, over a limit (`city.cap`, `transfer.exceeds_approved`):
/// "<city> <year>: <what> รวม <total> เกิน<limit> อยู่ <excess>" and
/// "<city>, FY<year>: <what> add up to <total>, <excess> above <limit>.".
pub fn city_year_over(
    ctx: &Ctx<'_>,
    city: RecordId,
    fy: FiscalYear,
    (what_th, what_en): (String, String),
    total: Baht,
    (limit_th, limit_en): (String, String),
    excess: Baht,
) -> (String, String) {
    let th = format!(
        "{} {}: {what_th} รวม {} เกิน{limit_th} อยู่ {}",
        city_th(ctx, city),
        fy.label_th(),
        baht_th(total),
        baht_th(excess)
    );
    let en = format!(
        "{}, FY{fy}: {what_en} add up to {}, {} above {limit_en}.",
        city_en(ctx, city),
        baht_en(total),
        baht_en(excess)
    );
    (th, en)
}

/// English name, else the Thai one: many records only have the official Thai name.
pub fn city_name_en(c: &City) -> String {
    match (c.name_en.trim(), c.name_th.trim()) {
        ("", "") => format!("city {}", c.meta.id),
        ("", th) => th.to_string(),
        (en, _) => en.to_string(),
    }
}

/// Written-out forms of unit-type abbreviations that staff use interchangeably.
const UNIT_ABBREVIATIONS: [(&str, &str); 4] = [
    ("อบต.", "องค์การบริหารส่วนตำบล"),
    ("ทน.", "เทศบาลนคร"),
    ("ทม.", "เทศบาลเมือง"),
    ("ทต.", "เทศบาลตำบล"),
];

/// Titles that do not tell two people apart; longest first so "นางสาว" wins over "นาง".
const HONORIFICS: [&str; 10] = [
    "นางสาว",
    "น.ส.",
    "นาง",
    "นาย",
    "ด.ช.",
    "ด.ญ.",
    "mrs.",
    "miss",
    "mr.",
    "ms.",
];

/// Spaces and case differ between two typings of one name; they never tell names apart.
/// Zero-width spaces (which Thai text uses between words) count as spaces. Only ASCII is
/// case-folded: Thai has no case.
///
/// Works on bytes and copies untouched runs whole: decoding every Thai character made
/// duplicate detection the slowest rule. Every non-ASCII space starts with one of the lead
/// bytes C2, E1, E2 or E3, so only those characters are decoded.
fn push_squashed(s: &str, buf: &mut String) {
    let bytes = s.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (skip, lower) = match b {
            b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ' => (1, None),
            b'A'..=b'Z' => (1, Some(char::from(b.to_ascii_lowercase()))),
            0xC2 | 0xE1 | 0xE2 | 0xE3 => match s[i..].chars().next() {
                Some(c) if c.is_whitespace() || c == '\u{200B}' => (c.len_utf8(), None),
                Some(c) => {
                    i += c.len_utf8();
                    continue;
                }
                None => break,
            },
            _ => {
                i += 1;
                continue;
            }
        };
        buf.push_str(&s[start..i]);
        buf.extend(lower);
        i += skip;
        start = i;
    }
    buf.push_str(&s[start..]);
}

/// Appends the comparison form of a unit's name to `buf`, so many names can share one
/// buffer: "อบต. หนองบัว" and "องค์การบริหารส่วนตำบลหนองบัว" give the same text.
pub fn push_place_key(name: &str, buf: &mut String) {
    let start = buf.len();
    push_squashed(&canonical(name), buf);
    for (short, long) in UNIT_ABBREVIATIONS {
        if buf[start..].starts_with(short) {
            buf.replace_range(start..start + short.len(), long);
            return;
        }
    }
}

/// Appends the comparison form of a person's name to `buf`: "นางมณีพรรณ โคตรบุตร" and
/// "มณีพรรณ  โคตรบุตร" give the same text. A name that is only a title is kept whole.
pub fn push_person_key(name: &str, buf: &mut String) {
    let start = buf.len();
    push_squashed(&canonical(name), buf);
    for title in HONORIFICS {
        if buf.len() - start > title.len() && buf[start..].starts_with(title) {
            buf.replace_range(start..start + title.len(), "");
            return;
        }
    }
}

#[cfg(test)]
fn normalise_place_name(name: &str) -> String {
    let mut buf = String::new();
    push_place_key(name, &mut buf);
    buf
}

#[cfg(test)]
fn normalise_person_name(name: &str) -> String {
    let mut buf = String::new();
    push_person_key(name, &mut buf);
    buf
}

/// Empty or only spaces. Text that starts with a visible ASCII character, or with a
/// character of U+0800–U+0FFF (Thai among them; lead byte E0, no spaces there), is
/// decided from its first byte: this runs for every required field of every record.
pub fn is_blank(s: &str) -> bool {
    match s.as_bytes().first() {
        None => true,
        Some(&b) if (0x21..0x80).contains(&b) || b == 0xE0 => false,
        Some(_) => s.trim().is_empty(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_means_empty_or_only_spaces() {
        for s in ["", "   ", "\u{00A0}", "\t\n", "\u{3000} "] {
            assert!(is_blank(s), "{s:?}");
        }
        for s in ["ก", " ก", "a", "\u{00A0}x", "é", "—"] {
            assert!(!is_blank(s), "{s:?}");
        }
    }

    #[test]
    fn look_alike_spellings_normalise_alike() {
        assert_eq!(
            normalise_place_name("เทศบาลนครลำปาง"),
            normalise_place_name("เทศบาลนครล\u{0e4d}\u{0e32}ปาง\u{200d}")
        );
        assert_eq!(
            normalise_person_name("นางแก้ว"),
            normalise_person_name("นาง\u{0e40}\u{0e40}ก\u{202e}้ว")
        );
    }

    #[test]
    fn abbreviated_and_spaced_unit_names_normalise_alike() {
        assert_eq!(
            normalise_place_name("อบต. หนองบัว"),
            normalise_place_name("องค์การบริหารส่วนตำบลหนองบัว")
        );
        assert_ne!(
            normalise_place_name("ทม.น่าน"),
            normalise_place_name("เทศบาลตำบลน่าน")
        );
    }

    #[test]
    fn titles_and_spaces_do_not_tell_people_apart() {
        assert_eq!(
            normalise_person_name("นางมณีพรรณ โคตรบุตร"),
            normalise_person_name(" มณีพรรณ  โคตรบุตร")
        );
        assert_eq!(
            normalise_person_name("Mr. Siam N"),
            normalise_person_name("siam n")
        );
        assert_ne!(
            normalise_person_name("นางสาวเอ"),
            normalise_person_name("นายบี")
        );
    }
}
