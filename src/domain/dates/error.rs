//! Why a typed date was refused, in Thai and English.

use std::fmt;

use chrono::NaiveDate;

use super::{BE_OFFSET, EN_LONG, MONTHS, TH_LONG};

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
        self.messages().0
    }

    /// The message in English; also what `Display` shows.
    pub fn message_en(&self) -> String {
        self.messages().1
    }

    /// Thai and English side by side, so that a change to one is made to the other.
    fn messages(&self) -> (String, String) {
        const EXAMPLE_TH: &str = "เช่น 3 ก.พ. 2561 หรือ 3/2/2561";
        const EXAMPLE_EN: &str = "e.g. 3 Feb 2018, 3 ก.พ. 2561 or 3/2/2561";
        match self {
            DateError::Empty => (
                format!("กรุณากรอกวันที่ {EXAMPLE_TH}"),
                format!("Enter a date, {EXAMPLE_EN}."),
            ),
            DateError::Unrecognised { input } => (
                format!("\"{input}\" ไม่ใช่รูปแบบวันที่ที่รู้จัก กรุณากรอกวัน เดือน ปี {EXAMPLE_TH}"),
                format!(
                    "\"{input}\" is not a date layout we know. Write day, month, year, {EXAMPLE_EN}."
                ),
            ),
            DateError::UnknownMonth { input, month } => (
                format!("\"{input}\": ไม่รู้จักเดือน \"{month}\" ใช้ชื่อเดือนเช่น ก.พ. กุมภาพันธ์ หรือ Feb"),
                format!(
                    "\"{input}\": \"{month}\" is not a month. Use a name such as Feb, February or ก.พ."
                ),
            ),
            DateError::BadYear { input, year } => (
                format!(
                    "\"{input}\": ปี \"{year}\" ต้องมีสี่หลัก (2561 หรือ 2018) หรือสองหลัก (61 หมายถึง 2561)"
                ),
                format!(
                    "\"{input}\": the year \"{year}\" must have four digits (2561 or 2018) or two \
                     (61 means BE 2561)."
                ),
            ),
            DateError::ConflictingEra { input } => (
                format!("\"{input}\" ระบุทั้ง พ.ศ. และ ค.ศ. กรุณาเลือกอย่างใดอย่างหนึ่ง"),
                format!("\"{input}\" is marked both BE and CE; keep only one."),
            ),
            DateError::NoSuchDate {
                input,
                day,
                month,
                year,
            } => match month_name(*month) {
                Some(_) if *day == 0 => (
                    format!("\"{input}\" ไม่มีวันที่ 0 วันที่เริ่มที่ 1"),
                    format!("\"{input}\": there is no day 0; days start at 1."),
                ),
                Some(i) => {
                    let days = days_in_month(*year, *month);
                    (
                        format!(
                            "\"{input}\" ไม่มีอยู่จริง: เดือน{} พ.ศ. {} มีเพียง {days} วัน",
                            MONTHS[i][TH_LONG],
                            year + BE_OFFSET,
                        ),
                        format!(
                            "\"{input}\" does not exist: {} {year} has only {days} days.",
                            MONTHS[i][EN_LONG],
                        ),
                    )
                }
                None => (
                    format!("\"{input}\": ไม่มีเดือนที่ {month} เดือนมีตั้งแต่ 1 ถึง 12"),
                    format!("\"{input}\": there is no month {month}; months run from 1 to 12."),
                ),
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
