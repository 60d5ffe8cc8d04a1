//! Faster reading of the timestamps and dates every record carries, and text read with its
//! length limit checked first.
//!
//! chrono parses through its general format machinery: profiling a 100,000-record import
//! in the browser put a third of the parse time in it (two timestamps per record, four
//! dates per project). The forms Mueang writes — `2018-02-03T06:00:00Z` and `2018-02-03` —
//! are read here directly; anything else (offsets, fractions, a space for `T`, an invalid
//! date) goes to chrono exactly as before, so what is accepted and every error message are
//! unchanged. Only reading is affected: writing stays chrono's.

use std::fmt;

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone, Utc};
use serde::de::{self, Deserializer, Visitor};

use crate::domain::records::limits::{shown, too_long, MAX_NAME_CHARS, MAX_TEXT_CHARS};

/// `#[serde(deserialize_with = "crate::domain::fast_de::utc")]` for `DateTime<Utc>`.
pub fn utc<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
    d.deserialize_str(UtcVisitor)
}

/// `#[serde(deserialize_with = "crate::domain::fast_de::date")]` for `NaiveDate`.
pub fn date<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    d.deserialize_str(DateVisitor)
}

/// `#[serde(deserialize_with = "crate::domain::fast_de::line")]` for a name, title or other
/// one-line text: at most [`MAX_NAME_CHARS`] characters.
pub fn line<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    d.deserialize_string(Limited(MAX_NAME_CHARS))
}

/// `#[serde(deserialize_with = "crate::domain::fast_de::text")]` for free text: at most
/// [`MAX_TEXT_CHARS`] characters.
pub fn text<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    d.deserialize_string(Limited(MAX_TEXT_CHARS))
}

/// Refuses text over its limit while reading it, before it is copied: the message gives
/// the length and the first 40 characters, never the whole value (a 10 MB name once took
/// seconds to refuse and filled the screen).
struct Limited(usize);

impl Limited {
    fn check<E: de::Error>(&self, s: &str) -> Result<(), E> {
        match too_long(s, self.0) {
            None => Ok(()),
            Some(len) => Err(E::custom(format!(
                "text of {len} characters, at most {} allowed: \"{}\"",
                self.0,
                shown(s)
            ))),
        }
    }
}

impl Visitor<'_> for Limited {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "a string of at most {} characters", self.0)
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<String, E> {
        self.check(s)?;
        Ok(s.to_owned())
    }

    fn visit_string<E: de::Error>(self, s: String) -> Result<String, E> {
        self.check(&s)?;
        Ok(s)
    }
}

struct UtcVisitor;

impl Visitor<'_> for UtcVisitor {
    type Value = DateTime<Utc>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        // chrono's own wording, so messages do not change.
        f.write_str("an RFC 3339 formatted date and time string")
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<DateTime<Utc>, E> {
        if let Some(t) = quick_utc(s) {
            return Ok(t);
        }
        s.parse::<DateTime<FixedOffset>>()
            .map(|t| t.with_timezone(&Utc))
            .map_err(E::custom)
    }
}

struct DateVisitor;

impl Visitor<'_> for DateVisitor {
    type Value = NaiveDate;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a formatted date string")
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<NaiveDate, E> {
        if let Some(d) = quick_date(s) {
            return Ok(d);
        }
        s.parse::<NaiveDate>().map_err(E::custom)
    }
}

/// Two ASCII digits at `b[i..i+2]`.
fn two(b: &[u8], i: usize) -> Option<u32> {
    let (x, y) = (*b.get(i)?, *b.get(i + 1)?);
    (x.is_ascii_digit() && y.is_ascii_digit())
        .then(|| u32::from(x - b'0') * 10 + u32::from(y - b'0'))
}

/// `YYYY-MM-DD` exactly.
fn quick_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year = two(b, 0)? * 100 + two(b, 2)?;
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, two(b, 5)?, two(b, 8)?)
}

/// `YYYY-MM-DDTHH:MM:SSZ` exactly (what Mueang writes for whole seconds).
fn quick_utc(s: &str) -> Option<DateTime<Utc>> {
    let b = s.as_bytes();
    if b.len() != 20 || b[10] != b'T' || b[13] != b':' || b[16] != b':' || b[19] != b'Z' {
        return None;
    }
    let date = quick_date(s.get(..10)?)?;
    let (h, m, sec) = (two(b, 11)?, two(b, 14)?, two(b, 17)?);
    // Leap seconds (60) and other oddities go to chrono.
    let time = date.and_hms_opt(h, m, sec)?;
    Some(Utc.from_utc_datetime(&time))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize, PartialEq)]
    struct T {
        #[serde(deserialize_with = "utc")]
        at: DateTime<Utc>,
        #[serde(deserialize_with = "date")]
        on: NaiveDate,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    struct Chrono {
        at: DateTime<Utc>,
        on: NaiveDate,
    }

    /// Same values and the same errors as chrono's own readers, for every case.
    #[test]
    fn agrees_with_chrono_everywhere() {
        let cases = [
            ("2018-02-03T06:00:00Z", "2018-02-03"),
            ("2018-02-03T06:00:00.123Z", "2016-02-29"),
            ("2018-02-03T13:00:00+07:00", "2561-02-03"),
            ("2018-02-03 06:00:00z", "0999-12-31"),
            ("2018-02-30T06:00:00Z", "2018-02-30"),
            ("2018-02-03T24:00:00Z", "2018-2-3"),
            ("2016-12-31T23:59:60Z", "20180203"),
            ("not a time", "not a date"),
            ("", ""),
            ("2018-02-03T06:00:00", "2018-13-01"),
        ];
        for (at, on) in cases {
            let json = format!(r#"{{"at":"{at}","on":"{on}"}}"#);
            let fast = serde_json::from_str::<T>(&json).map(|t| (t.at, t.on));
            let slow = serde_json::from_str::<Chrono>(&json).map(|t| (t.at, t.on));
            match (fast, slow) {
                (Ok(a), Ok(b)) => assert_eq!(a, b, "{json}"),
                (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string(), "{json}"),
                (a, b) => panic!("{json}: {a:?} vs {b:?}"),
            }
        }
        let wrong_type = r#"{"at":5,"on":"2018-02-03"}"#;
        assert_eq!(
            serde_json::from_str::<T>(wrong_type)
                .unwrap_err()
                .to_string(),
            serde_json::from_str::<Chrono>(wrong_type)
                .unwrap_err()
                .to_string()
        );
    }
}
