//! Thai digits (๐๑๒๓๔๕๖๗๘๙, U+0E50..U+0E59).
//!
//! Staff type amounts and dates in either script, often mixed within one field (a phone
//! keyboard switches layouts mid-number), so parsers fold everything to ASCII first.

use std::borrow::Cow;

const THAI_ZERO: u32 = 0x0E50;

/// The ASCII digit for a Thai digit, or `None` for any other character.
///
/// ```
/// use mueang::domain::thai_digits::thai_digit_value;
/// assert_eq!(thai_digit_value('๓'), Some('3'));
/// assert_eq!(thai_digit_value('3'), None);
/// ```
pub fn thai_digit_value(c: char) -> Option<char> {
    let offset = (c as u32).checked_sub(THAI_ZERO)?;
    if offset < 10 {
        char::from_digit(offset, 10)
    } else {
        None
    }
}

/// Replaces every Thai digit with its ASCII digit; leaves all other characters alone.
/// Borrows when there is nothing to replace, which is the common case.
///
/// ```
/// use mueang::domain::thai_digits::to_ascii_digits;
/// assert_eq!(to_ascii_digits("๓๕๐,๐๐๐ บาท"), "350,000 บาท");
/// assert_eq!(to_ascii_digits("3 ก.พ. ๖1"), "3 ก.พ. 61");
/// ```
pub fn to_ascii_digits(input: &str) -> Cow<'_, str> {
    if !input.chars().any(|c| thai_digit_value(c).is_some()) {
        return Cow::Borrowed(input);
    }
    Cow::Owned(
        input
            .chars()
            .map(|c| thai_digit_value(c).unwrap_or(c))
            .collect(),
    )
}

/// Replaces every ASCII digit with its Thai digit, for documents that use Thai numerals.
///
/// ```
/// use mueang::domain::thai_digits::to_thai_digits;
/// assert_eq!(to_thai_digits("3 ก.พ. 2561"), "๓ ก.พ. ๒๕๖๑");
/// ```
pub fn to_thai_digits(input: &str) -> String {
    input
        .chars()
        .map(|c| match c.to_digit(10) {
            Some(d) if c.is_ascii_digit() => char::from_u32(THAI_ZERO + d).unwrap_or(c),
            _ => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_ten_digits_round_trip() {
        let thai = "๐๑๒๓๔๕๖๗๘๙";
        assert_eq!(to_ascii_digits(thai), "0123456789");
        assert_eq!(to_thai_digits("0123456789"), thai);
    }

    #[test]
    fn neighbours_of_the_block_are_not_digits() {
        // U+0E4F (fongman) and U+0E5A (angkhankhu) sit either side of the digit block.
        assert_eq!(thai_digit_value('\u{0E4F}'), None);
        assert_eq!(thai_digit_value('\u{0E5A}'), None);
        assert_eq!(thai_digit_value('ก'), None);
    }
}
