//! Dates in the Buddhist Era and the Thai fiscal year.
//!
//! Staff write dates the Thai way ("3 ก.พ. 61", "3/2/2561"); files store ISO dates (CE).
//! [`parse_date`] reads the common forms; a year that looks wrong is parsed literally and
//! left for the rules engine ([`is_era_suspect`]) to flag, since silently "correcting" it
//! could hide a real mistake or invent one.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::thai_digits::to_ascii_digits;

/// Years are shown in the Buddhist Era: BE = CE + 543.
pub const BE_OFFSET: i32 = 543;

/// A four-digit year at or above this, with no era marker, is BE. CE 2400 is beyond any date
/// this programme records, and BE 2400 (CE 1857) is before it.
const BE_THRESHOLD: i32 = 2400;

/// Per month: Thai abbreviation, Thai name, English abbreviation, English name.
const MONTHS: [[&str; 4]; 12] = [
    ["ม.ค.", "มกราคม", "Jan", "January"],
    ["ก.พ.", "กุมภาพันธ์", "Feb", "February"],
    ["มี.ค.", "มีนาคม", "Mar", "March"],
    ["เม.ย.", "เมษายน", "Apr", "April"],
    ["พ.ค.", "พฤษภาคม", "May", "May"],
    ["มิ.ย.", "มิถุนายน", "Jun", "June"],
    ["ก.ค.", "กรกฎาคม", "Jul", "July"],
    ["ส.ค.", "สิงหาคม", "Aug", "August"],
    ["ก.ย.", "กันยายน", "Sep", "September"],
    ["ต.ค.", "ตุลาคม", "Oct", "October"],
    ["พ.ย.", "พฤศจิกายน", "Nov", "November"],
    ["ธ.ค.", "ธันวาคม", "Dec", "December"],
];
const TH_SHORT: usize = 0;
const TH_LONG: usize = 1;
const EN_SHORT: usize = 2;
const EN_LONG: usize = 3;

/// The Buddhist Era year of a date.
///
/// ```
/// use chrono::NaiveDate;
/// use mueang::domain::dates::be_year;
/// assert_eq!(be_year(NaiveDate::from_ymd_opt(2018, 2, 3).unwrap()), 2561);
/// ```
pub fn be_year(d: NaiveDate) -> i32 {
    d.year() + BE_OFFSET
}

fn month_index(d: NaiveDate) -> usize {
    d.month0() as usize
}

/// "3 ก.พ. 2561": the form used in Thai government letters and tables.
///
/// ```
/// use chrono::NaiveDate;
/// use mueang::domain::dates::format_be_short;
/// assert_eq!(format_be_short(NaiveDate::from_ymd_opt(2018, 2, 3).unwrap()), "3 ก.พ. 2561");
/// ```
pub fn format_be_short(d: NaiveDate) -> String {
    format!(
        "{} {} {}",
        d.day(),
        MONTHS[month_index(d)][TH_SHORT],
        be_year(d)
    )
}

/// "3 กุมภาพันธ์ 2561": the form for headings and signed documents.
///
/// ```
/// use chrono::NaiveDate;
/// use mueang::domain::dates::format_be_long;
/// assert_eq!(format_be_long(NaiveDate::from_ymd_opt(2018, 2, 3).unwrap()), "3 กุมภาพันธ์ 2561");
/// ```
pub fn format_be_long(d: NaiveDate) -> String {
    format!(
        "{} {} {}",
        d.day(),
        MONTHS[month_index(d)][TH_LONG],
        be_year(d)
    )
}

/// "3 Feb 2018": English, CE, day first so it cannot be misread as month/day.
///
/// ```
/// use chrono::NaiveDate;
/// use mueang::domain::dates::format_en;
/// assert_eq!(format_en(NaiveDate::from_ymd_opt(2018, 2, 3).unwrap()), "3 Feb 2018");
/// ```
pub fn format_en(d: NaiveDate) -> String {
    format!(
        "{} {} {}",
        d.day(),
        MONTHS[month_index(d)][EN_SHORT],
        d.year()
    )
}

/// True when the CE year is outside 1900..=2200, which for this programme almost always
/// means the era was mixed up (BE typed as CE or the reverse). Rule `date.era_suspect`.
///
/// ```
/// use chrono::NaiveDate;
/// use mueang::domain::dates::{is_era_suspect, parse_date};
/// assert!(!is_era_suspect(parse_date("3 ก.พ. 2561").unwrap()));
/// assert!(is_era_suspect(parse_date("3 Feb 2561 CE").unwrap()));
/// assert!(is_era_suspect(parse_date("3/2/1475").unwrap()));
/// ```
pub fn is_era_suspect(d: NaiveDate) -> bool {
    !(1900..=2200).contains(&d.year())
}

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
/// BE in the 2500s ("61" → 2561), or the 2000s with a CE marker. Odd years (1475, 3104) are
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
        input: shown(input),
    };

    let mut era = None;
    let mut tokens: Vec<Token<'_>> = Vec::new();
    for token in tokenize(&ascii) {
        match (token, era) {
            (Token::Word(w), Some(e)) if era_marker(w).is_some_and(|m| m != e) => {
                return Err(DateError::ConflictingEra {
                    input: shown(input),
                })
            }
            (Token::Word(w), _) if era_marker(w).is_some() => era = era_marker(w),
            _ => tokens.push(token),
        }
    }

    let (day, month, year) = match tokens.as_slice() {
        [Token::Num(d), Token::Word(m), Token::Num(y)]
        | [Token::Num(d), Token::Sep(_), Token::Word(m), Token::Sep(_), Token::Num(y)]
        | [Token::Word(m), Token::Num(d), Token::Num(y)]
        | [Token::Word(m), Token::Num(d), Token::Sep(','), Token::Num(y)] => {
            let month = month_from_name(m).ok_or_else(|| DateError::UnknownMonth {
                input: shown(input),
                month: m.to_string(),
            })?;
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
        input: shown(input),
        year: year.to_string(),
    })?;
    NaiveDate::from_ymd_opt(year, month, day).ok_or(DateError::NoSuchDate {
        input: shown(input),
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
    let found = MONTHS
        .iter()
        .position(|names| names.iter().any(|name| word_key(name) == key))?;
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

fn shown(input: &str) -> String {
    const MAX_CHARS: usize = 40;
    let t = input.trim();
    match t.char_indices().nth(MAX_CHARS) {
        Some((cut, _)) => format!("{}…", &t[..cut]),
        None => t.to_owned(),
    }
}

/// Why a typed date was refused. The UI shows these; variants are stable. `input` is what
/// was typed, trimmed and cut to 40 characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Nothing but spaces was given.
    Empty,
    /// Not in any accepted layout (wrong number of parts, unknown separators, letters where
    /// a number belongs).
    Unrecognised { input: String },
    /// The layout is right but the month word is not a Thai or English month.
    UnknownMonth { input: String, month: String },
    /// The year has neither four digits (2561, 2018) nor two (61).
    BadYear { input: String, year: String },
    /// Both a BE and a CE marker were given ("พ.ศ. 2018 CE").
    ConflictingEra { input: String },
    /// Well formed, but no such day exists (31 ก.พ., 29 Feb in a common year, month 13).
    /// `year` is CE.
    NoSuchDate {
        input: String,
        day: u32,
        month: u32,
        year: i32,
    },
}

impl DateError {
    /// A stable machine-readable name, for tests, logs and fixtures.
    pub fn code(&self) -> &'static str {
        match self {
            DateError::Empty => "empty",
            DateError::Unrecognised { .. } => "unrecognised",
            DateError::UnknownMonth { .. } => "unknown_month",
            DateError::BadYear { .. } => "bad_year",
            DateError::ConflictingEra { .. } => "conflicting_era",
            DateError::NoSuchDate { .. } => "no_such_date",
        }
    }

    /// The message for Thai-speaking staff.
    pub fn message_th(&self) -> String {
        const EXAMPLE: &str = "เช่น 3 ก.พ. 2561 หรือ 3/2/2561";
        match self {
            DateError::Empty => format!("กรุณากรอกวันที่ {EXAMPLE}"),
            DateError::Unrecognised { input } => {
                format!("\"{input}\" ไม่ใช่รูปแบบวันที่ที่รู้จัก กรุณากรอกวัน เดือน ปี {EXAMPLE}")
            }
            DateError::UnknownMonth { input, month } => {
                format!("\"{input}\": ไม่รู้จักเดือน \"{month}\" ใช้ชื่อเดือนเช่น ก.พ. กุมภาพันธ์ หรือ Feb")
            }
            DateError::BadYear { input, year } => format!(
                "\"{input}\": ปี \"{year}\" ต้องมีสี่หลัก (2561 หรือ 2018) หรือสองหลัก (61 หมายถึง 2561)"
            ),
            DateError::ConflictingEra { input } => {
                format!("\"{input}\" ระบุทั้ง พ.ศ. และ ค.ศ. กรุณาเลือกอย่างใดอย่างหนึ่ง")
            }
            DateError::NoSuchDate {
                input,
                day,
                month,
                year,
            } => match month_name(*month) {
                Some(_) if *day == 0 => format!("\"{input}\" ไม่มีวันที่ 0 วันที่เริ่มที่ 1"),
                Some(i) => format!(
                    "\"{input}\" ไม่มีอยู่จริง: เดือน{} พ.ศ. {} มีเพียง {} วัน",
                    MONTHS[i][TH_LONG],
                    year + BE_OFFSET,
                    days_in_month(*year, *month)
                ),
                None => format!("\"{input}\": ไม่มีเดือนที่ {month} เดือนมีตั้งแต่ 1 ถึง 12"),
            },
        }
    }

    /// The message in English; also what `Display` shows.
    pub fn message_en(&self) -> String {
        const EXAMPLE: &str = "e.g. 3 Feb 2018, 3 ก.พ. 2561 or 3/2/2561";
        match self {
            DateError::Empty => format!("Enter a date, {EXAMPLE}."),
            DateError::Unrecognised { input } => {
                format!(
                    "\"{input}\" is not a date layout we know. Write day, month, year, {EXAMPLE}."
                )
            }
            DateError::UnknownMonth { input, month } => format!(
                "\"{input}\": \"{month}\" is not a month. Use a name such as Feb, February or ก.พ."
            ),
            DateError::BadYear { input, year } => format!(
                "\"{input}\": the year \"{year}\" must have four digits (2561 or 2018) or two \
                 (61 means BE 2561)."
            ),
            DateError::ConflictingEra { input } => {
                format!("\"{input}\" is marked both BE and CE; keep only one.")
            }
            DateError::NoSuchDate {
                input,
                day,
                month,
                year,
            } => match month_name(*month) {
                Some(_) if *day == 0 => format!("\"{input}\": there is no day 0; days start at 1."),
                Some(i) => format!(
                    "\"{input}\" does not exist: {} {year} has only {} days.",
                    MONTHS[i][EN_LONG],
                    days_in_month(*year, *month)
                ),
                None => format!("\"{input}\": there is no month {month}; months run from 1 to 12."),
            },
        }
    }
}

fn month_name(month: u32) -> Option<usize> {
    (1..=12).contains(&month).then(|| month as usize - 1)
}

fn days_in_month(year: i32, month: u32) -> u32 {
    (28..=31)
        .rev()
        .find(|&d| NaiveDate::from_ymd_opt(year, month, d).is_some())
        .unwrap_or(28)
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_en())
    }
}

impl std::error::Error for DateError {}

/// A Thai government fiscal year, named by the BE year it ends in:
/// FY2561 runs from 1 Oct 2017 to 30 Sep 2018.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct FiscalYear(pub u16);

impl FiscalYear {
    /// ```
    /// use chrono::NaiveDate;
    /// use mueang::domain::dates::FiscalYear;
    /// let signing = NaiveDate::from_ymd_opt(2018, 2, 3).unwrap();
    /// assert_eq!(FiscalYear::containing(signing), FiscalYear(2561));
    /// ```
    pub fn containing(date: NaiveDate) -> FiscalYear {
        let ce_end = if date.month() >= 10 {
            date.year() + 1
        } else {
            date.year()
        };
        FiscalYear((ce_end + BE_OFFSET) as u16)
    }

    /// The CE year the fiscal year ends in.
    fn ce_end_year(self) -> i32 {
        i32::from(self.0) - BE_OFFSET
    }

    /// First day: 1 October of the previous CE year.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use mueang::domain::dates::FiscalYear;
    /// assert_eq!(FiscalYear(2561).start(), NaiveDate::from_ymd_opt(2017, 10, 1).unwrap());
    /// ```
    pub fn start(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.ce_end_year() - 1, 10, 1)
            .expect("every u16 fiscal year lies within chrono's range of years")
    }

    /// Last day: 30 September.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use mueang::domain::dates::FiscalYear;
    /// assert_eq!(FiscalYear(2561).end(), NaiveDate::from_ymd_opt(2018, 9, 30).unwrap());
    /// ```
    pub fn end(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.ce_end_year(), 9, 30)
            .expect("every u16 fiscal year lies within chrono's range of years")
    }

    /// ```
    /// use chrono::NaiveDate;
    /// use mueang::domain::dates::FiscalYear;
    /// let fy = FiscalYear(2561);
    /// assert!(fy.contains(NaiveDate::from_ymd_opt(2018, 4, 30).unwrap()));
    /// assert!(!fy.contains(NaiveDate::from_ymd_opt(2018, 10, 1).unwrap()));
    /// ```
    pub fn contains(self, d: NaiveDate) -> bool {
        self.start() <= d && d <= self.end()
    }

    /// "ปีงบประมาณ 2561".
    pub fn label_th(self) -> String {
        format!("ปีงบประมาณ {}", self.0)
    }

    /// "FY2561 (Oct 2017 – Sep 2018)": English readers need the CE span spelled out.
    pub fn label_en(self) -> String {
        format!(
            "FY{} (Oct {} – Sep {})",
            self.0,
            self.ce_end_year() - 1,
            self.ce_end_year()
        )
    }
}

/// The bare BE year, "2561".
impl fmt::Display for FiscalYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}
