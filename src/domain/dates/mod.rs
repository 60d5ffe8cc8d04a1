//! Dates in the Buddhist Era and the Thai fiscal year.
//!
//! Staff write dates the Thai way ("3 ก.พ. 61", "3/2/2561"); files store ISO dates (CE).
//! [`parse_date`] reads the common forms; a year that looks wrong is parsed literally and
//! left for the rules engine ([`is_era_suspect`]) to flag, since silently "correcting" it
//! could hide a real mistake or invent one.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

mod error;
mod parse;

pub use error::DateError;
pub use parse::parse_date;

/// Years are shown in the Buddhist Era: BE = CE + 543.
pub const BE_OFFSET: i32 = 543;

/// A four-digit year at or above this, with no era marker, is BE. CE 2400 is beyond any date
/// this programme records, and BE 2400 (CE 1857) is before it.
pub(crate) const BE_THRESHOLD: i32 = 2400;

/// Per month: Thai abbreviation, Thai name, English abbreviation, English name.
pub(crate) const MONTHS: [[&str; 4]; 12] = [
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
pub(crate) const TH_SHORT: usize = 0;
pub(crate) const TH_LONG: usize = 1;
pub(crate) const EN_SHORT: usize = 2;
pub(crate) const EN_LONG: usize = 3;

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

/// "3 กุมภาพันธ์ พ.ศ. 2561": printed documents name the era before the year, as Thai
/// official letters do.
///
/// ```
/// use chrono::NaiveDate;
/// use mueang::domain::dates::format_be_document;
/// assert_eq!(format_be_document(NaiveDate::from_ymd_opt(2018, 2, 3).unwrap()), "3 กุมภาพันธ์ พ.ศ. 2561");
/// ```
pub fn format_be_document(d: NaiveDate) -> String {
    format!(
        "{} {} พ.ศ. {}",
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

    /// "ปีงบประมาณ พ.ศ. 2561": the form for printed documents.
    pub fn label_th_document(self) -> String {
        format!("ปีงบประมาณ พ.ศ. {}", self.0)
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
