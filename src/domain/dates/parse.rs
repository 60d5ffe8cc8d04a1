//! Reading dates as staff type them, in either era.

use chrono::NaiveDate;

use super::{DateError, BE_OFFSET, BE_THRESHOLD, MONTHS};
use crate::domain::text::quoted_input;
use crate::domain::thai_digits::to_ascii_digits;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Era {
    Be,
    Ce,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Token<'a> {
    Num(&'a str),
    Word(&'a str),
    Sep(char),
}

/// Reads a date as staff type it.
///
/// Accepts "3 ก.พ. 2561", "3 ก.พ. 61", "3 กุมภาพันธ์ 2561", "3 Feb 2018", "Feb 3, 2018",
/// "3 February 2018", "3/2/2561", "3/2/61" (day first, the Thai convention; "-" or "." may
/// replace "/"), "2018-02-03" (ISO, year first), Thai digits anywhere, extra spaces, and an
/// era marker ("พ.ศ.", "ค.ศ.", "BE", "CE", "AD") anywhere, which decides the era.
///
/// Without a marker, a four-digit year is BE from 2400 up and CE below; a two-digit year is
/// BE in the 2500s ("61" → 2561), or the 2000s with a CE marker or an English month name
/// ("3 Feb 18" → 2018). Odd years (1475, 3104) are
/// taken literally; see [`is_era_suspect`].
///
/// ```
/// use chrono::NaiveDate;
/// use mueang::domain::dates::parse_date;
/// let day = NaiveDate::from_ymd_opt(2018, 2, 3).unwrap();
/// assert_eq!(parse_date("3 ก.พ. 61"), Ok(day));
/// assert_eq!(parse_date("๓/๒/๒๕๖๑"), Ok(day));
/// assert_eq!(parse_date("2018-02-03"), Ok(day));
/// assert!(parse_date("31 ก.พ. 2561").is_err());
/// ```
pub fn parse_date(input: &str) -> Result<NaiveDate, DateError> {
    let ascii = to_ascii_digits(input.trim());
    if ascii.is_empty() {
        return Err(DateError::Empty);
    }
    let unrecognised = || DateError::Unrecognised {
        input: quoted_input(input),
    };

    let mut era = None;
    let mut tokens: Vec<Token<'_>> = Vec::new();
    for token in tokenize(&ascii) {
        match (token, era) {
            (Token::Word(w), Some(e)) if era_marker(w).is_some_and(|m| m != e) => {
                return Err(DateError::ConflictingEra {
                    input: quoted_input(input),
                })
            }
            (Token::Word(w), _) if era_marker(w).is_some() => era = era_marker(w),
            // "วันที่ 3 ก.พ. 2561": the word for "date" is what staff type before it.
            (Token::Word(w), _) if word_key(w) == "วันที่" => {}
            _ => tokens.push(token),
        }
    }

    let (day, month, year) = match tokens.as_slice() {
        [Token::Num(d), Token::Word(m), Token::Num(y)]
        | [Token::Num(d), Token::Sep(_), Token::Word(m), Token::Sep(_), Token::Num(y)]
        | [Token::Word(m), Token::Num(d), Token::Num(y)]
        | [Token::Word(m), Token::Num(d), Token::Sep(','), Token::Num(y)] => {
            let month = month_from_name(m).ok_or_else(|| DateError::UnknownMonth {
                input: quoted_input(input),
                month: m.to_string(),
            })?;
            // Someone who writes "3 Feb 18" means 2018: two-digit BE years go with Thai
            // month names, two-digit CE years with English ones.
            if m.is_ascii() && y.len() == 2 {
                era = era.or(Some(Era::Ce));
            }
            (*d, month, *y)
        }
        [Token::Num(a), Token::Sep(s1), Token::Num(m), Token::Sep(s2), Token::Num(b)]
            if s1 == s2 && *s1 != ',' =>
        {
            let (d, y) = if a.len() == 4 { (*b, *a) } else { (*a, *b) };
            let month = small_number(m).ok_or_else(unrecognised)?;
            (d, month, y)
        }
        _ => return Err(unrecognised()),
    };
    let day = small_number(day).ok_or_else(unrecognised)?;
    let year = resolve_year(year, era).ok_or_else(|| DateError::BadYear {
        input: quoted_input(input),
        year: year.to_string(),
    })?;
    NaiveDate::from_ymd_opt(year, month, day).ok_or(DateError::NoSuchDate {
        input: quoted_input(input),
        day,
        month,
        year,
    })
}

/// Splits into numbers, words and separators. A "." right after a letter belongs to the
/// word ("ก.พ.", "B.E."); anywhere else it separates ("3.2.61"). Words split only by spaces
/// are joined ("ก. พ." is one month name) unless either is an era marker.
fn tokenize(s: &str) -> Vec<Token<'_>> {
    let is_sep = |c: char| matches!(c, '/' | '-' | ',' | '.');
    let mut out = Vec::new();
    let mut last_word_start = 0;
    let mut chars = s.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        if is_sep(c) {
            out.push(Token::Sep(c));
            continue;
        }
        let digit = c.is_ascii_digit();
        let mut end = start + c.len_utf8();
        while let Some(&(i, n)) = chars.peek() {
            let same = if digit {
                n.is_ascii_digit()
            } else {
                !n.is_whitespace() && !n.is_ascii_digit() && (n == '.' || !is_sep(n))
            };
            if !same {
                break;
            }
            end = i + n.len_utf8();
            chars.next();
        }
        let text = &s[start..end];
        if digit {
            out.push(Token::Num(text));
            continue;
        }
        match out.last_mut() {
            Some(Token::Word(prev)) if era_marker(prev).is_none() && era_marker(text).is_none() => {
                *prev = &s[last_word_start..end];
            }
            _ => {
                last_word_start = start;
                out.push(Token::Word(text));
            }
        }
    }
    out
}

/// Lower-case, without dots and spaces: "ก.พ." and "กพ" and "Feb." all compare alike.
fn word_key(w: &str) -> String {
    w.chars()
        .filter(|c| *c != '.' && !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

fn era_marker(w: &str) -> Option<Era> {
    match word_key(w).as_str() {
        "พศ" | "be" => Some(Era::Be),
        "คศ" | "ce" | "ad" => Some(Era::Ce),
        _ => None,
    }
}

/// Month number (1–12) from any Thai or English name or abbreviation, dots optional.
fn month_from_name(w: &str) -> Option<u32> {
    let key = word_key(w);
    if key == "sept" {
        return Some(9);
    }
    // Spoken Thai drops the ending: "กุมภา", "มีนา", "เมษา" (at least four letters, which
    // no two month names share).
    let spoken = |long: &str| key.chars().count() >= 4 && word_key(long).starts_with(&key);
    let found = MONTHS.iter().position(|names| {
        names.iter().any(|name| word_key(name) == key) || spoken(names[super::TH_LONG])
    })?;
    u32::try_from(found + 1).ok()
}

/// A day or month: one or two digits.
fn small_number(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 2 {
        return None;
    }
    s.parse().ok()
}

/// The CE year for a typed year, or `None` if it has neither two nor four digits.
fn resolve_year(digits: &str, era: Option<Era>) -> Option<i32> {
    let n: i32 = digits.parse().ok()?;
    match (digits.len(), era) {
        (2, Some(Era::Ce)) => Some(2000 + n),
        (2, _) => Some(2500 + n - BE_OFFSET),
        (4, Some(Era::Ce)) => Some(n),
        (4, Some(Era::Be)) => Some(n - BE_OFFSET),
        (4, None) if n >= BE_THRESHOLD => Some(n - BE_OFFSET),
        (4, None) => Some(n),
        _ => None,
    }
}
