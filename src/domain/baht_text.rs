//! An amount in Thai words, as on cheques and transfer forms (Excel's `BAHTTEXT`).
//!
//! Layout follows LibreOffice's `ScInterpreter::ScBahtText` (sc/source/core/tool/interpr2.cxx),
//! which was written to match Excel:
//! - round to two decimals first, then read baht and satang as two separate numbers;
//! - zero is "ศูนย์บาทถ้วน"; satang alone drop the baht part ("เจ็ดสิบห้าสตางค์");
//! - digits go in blocks of six, each further block adding "ล้าน", so 10¹² is
//!   "หนึ่งล้านล้าน" and empty blocks say nothing;
//! - the tens digit 1 is "สิบ" (never "หนึ่งสิบ"), 2 is "ยี่สิบ";
//! - a negative amount starts with "ลบ".
//!
//! One deliberate difference: LibreOffice (and Google Sheets) say "เอ็ด" for a final 1 only
//! when the tens digit of the same six-digit block is non-zero, giving 101 → "หนึ่งร้อยหนึ่ง"
//! and 1,000,001 → "หนึ่งล้านหนึ่ง". The programme's specification asks for the usual spoken
//! reading instead, "เอ็ด" whenever any higher digit of the number is non-zero:
//! 101 → "หนึ่งร้อยเอ็ด", 1,000,001 → "หนึ่งล้านเอ็ด". A number that is just 1 (one baht, one
//! satang, one million) stays "หนึ่ง". Only amounts whose last digits are "01" with something
//! above them read differently; `tests/fixtures/baht_text/vectors.tsv` pins each case.
//!
//! Rounding is exact decimal, half away from zero (1.005 → 1.01). Spreadsheets round a binary
//! double, so on half-satang inputs they can land a satang away; amounts stored as [`Baht`]
//! never have more than two decimals, so this only matters for computed inputs.

use super::money::Baht;

const DIGITS: [&str; 10] = [
    "ศูนย์",
    "หนึ่ง",
    "สอง",
    "สาม",
    "สี่",
    "ห้า",
    "หก",
    "เจ็ด",
    "แปด",
    "เก้า",
];
/// Place names for the hundreds to hundred-thousands within a six-digit block.
const PLACES: [&str; 6] = ["", "สิบ", "ร้อย", "พัน", "หมื่น", "แสน"];

/// The amount in Thai words, ending in "บาทถ้วน" (exact baht) or "สตางค์".
///
/// ```
/// use mueang::domain::baht_text::baht_text;
/// use mueang::domain::money::Baht;
/// assert_eq!(baht_text(Baht::whole(1234)), "หนึ่งพันสองร้อยสามสิบสี่บาทถ้วน");
/// assert_eq!(baht_text(Baht::whole(350_000)), "สามแสนห้าหมื่นบาทถ้วน");
/// assert_eq!(baht_text(Baht::from_satang(12_075)), "หนึ่งร้อยยี่สิบบาทเจ็ดสิบห้าสตางค์");
/// assert_eq!(baht_text(Baht::from_satang(75)), "เจ็ดสิบห้าสตางค์");
/// assert_eq!(baht_text(Baht::ZERO), "ศูนย์บาทถ้วน");
/// ```
pub fn baht_text(amount: Baht) -> String {
    let canonical = amount.to_canonical_string();
    let (negative, unsigned) = match canonical.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, canonical.as_str()),
    };
    let (baht, satang) = unsigned.split_once('.').unwrap_or((unsigned, "00"));
    let baht = baht.trim_start_matches('0');
    let satang = satang.trim_start_matches('0');
    if baht.is_empty() && satang.is_empty() {
        return format!("{}บาทถ้วน", DIGITS[0]);
    }

    let mut out = String::new();
    if negative {
        out.push_str("ลบ");
    }
    if !baht.is_empty() {
        say_number(baht, &mut out);
        out.push_str("บาท");
    }
    if satang.is_empty() {
        out.push_str("ถ้วน");
    } else {
        say_block(satang, false, &mut out);
        out.push_str("สตางค์");
    }
    out
}

/// Reads a non-empty run of ASCII digits without leading zeros.
fn say_number(digits: &str, out: &mut String) {
    if digits.len() > 6 {
        let (millions, rest) = digits.split_at(digits.len() - 6);
        say_number(millions, out);
        out.push_str("ล้าน");
        say_block(rest, true, out);
    } else {
        say_block(digits, false, out);
    }
}

/// Reads up to six digits (leading zeros allowed, they say nothing). `has_higher` tells
/// whether a non-zero digit came before this block, which turns a final 1 into "เอ็ด".
fn say_block(block: &str, has_higher: bool, out: &mut String) {
    let mut seen_non_zero = has_higher;
    for (i, b) in block.bytes().enumerate() {
        let digit = usize::from(b.wrapping_sub(b'0'));
        if digit == 0 || digit > 9 {
            continue;
        }
        match block.len() - 1 - i {
            0 if digit == 1 && seen_non_zero => out.push_str("เอ็ด"),
            0 => out.push_str(DIGITS[digit]),
            1 => {
                match digit {
                    1 => {}
                    2 => out.push_str("ยี่"),
                    _ => out.push_str(DIGITS[digit]),
                }
                out.push_str(PLACES[1]);
            }
            place => {
                out.push_str(DIGITS[digit]);
                out.push_str(PLACES[place.min(5)]);
            }
        }
        seen_non_zero = true;
    }
}
