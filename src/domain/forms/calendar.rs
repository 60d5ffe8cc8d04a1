//! The month grid of the Buddhist-Era date picker: which day sits in which cell, and the
//! Thai and English names the picker shows. Weeks start on Sunday, as Thai calendars do.

use chrono::{Datelike, Months, NaiveDate};

use crate::domain::dates::{BE_OFFSET, MONTHS};

/// Short weekday names, Sunday first: (Thai, English).
pub const WEEKDAYS: [(&str, &str); 7] = [
    ("อา", "Su"),
    ("จ", "Mo"),
    ("อ", "Tu"),
    ("พ", "We"),
    ("พฤ", "Th"),
    ("ศ", "Fr"),
    ("ส", "Sa"),
];

/// A month shown by the picker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthView {
    /// The first day of the month.
    pub first: NaiveDate,
}

impl MonthView {
    /// The month containing `d`.
    pub fn of(d: NaiveDate) -> MonthView {
        MonthView {
            first: d.with_day(1).unwrap_or(d),
        }
    }

    pub fn next(self) -> MonthView {
        MonthView::of(
            self.first
                .checked_add_months(Months::new(1))
                .unwrap_or(self.first),
        )
    }

    pub fn previous(self) -> MonthView {
        MonthView::of(
            self.first
                .checked_sub_months(Months::new(1))
                .unwrap_or(self.first),
        )
    }

    /// The same month in another BE year (the year picker).
    pub fn with_be_year(self, be: i32) -> MonthView {
        MonthView::of(self.first.with_year(be - BE_OFFSET).unwrap_or(self.first))
    }

    /// The same year, another month (1–12).
    pub fn with_month(self, month: u32) -> MonthView {
        MonthView::of(self.first.with_month(month).unwrap_or(self.first))
    }

    pub fn be_year(self) -> i32 {
        self.first.year() + BE_OFFSET
    }

    /// "กุมภาพันธ์ 2561" or "February 2018".
    pub fn title(self, thai: bool) -> String {
        let m = self.first.month0() as usize;
        if thai {
            format!("{} {}", MONTHS[m][1], self.be_year())
        } else {
            format!("{} {}", MONTHS[m][3], self.first.year())
        }
    }

    /// Whole weeks covering the month: `None` for the cells before the 1st and after the
    /// last day.
    pub fn weeks(self) -> Vec<[Option<NaiveDate>; 7]> {
        let lead = self.first.weekday().num_days_from_sunday() as usize;
        let mut cells: Vec<Option<NaiveDate>> = vec![None; lead];
        let mut d = self.first;
        while d.month() == self.first.month() {
            cells.push(Some(d));
            match d.succ_opt() {
                Some(n) => d = n,
                None => break,
            }
        }
        while cells.len() % 7 != 0 {
            cells.push(None);
        }
        cells
            .chunks(7)
            .map(|w| [w[0], w[1], w[2], w[3], w[4], w[5], w[6]])
            .collect()
    }
}

/// Month names for the month picker: (Thai, English), January first.
pub fn month_names() -> [(&'static str, &'static str); 12] {
    std::array::from_fn(|i| (MONTHS[i][1], MONTHS[i][3]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn february_2561_starts_on_thursday() {
        let m = MonthView::of(NaiveDate::from_ymd_opt(2018, 2, 3).unwrap());
        assert_eq!(m.title(true), "กุมภาพันธ์ 2561");
        assert_eq!(m.title(false), "February 2018");
        let weeks = m.weeks();
        assert_eq!(weeks[0][4], NaiveDate::from_ymd_opt(2018, 2, 1));
        assert_eq!(weeks[0][3], None);
        let days: usize = weeks.iter().flatten().filter(|d| d.is_some()).count();
        assert_eq!(days, 28);
        assert!(weeks.iter().all(|w| w.len() == 7));
    }

    #[test]
    fn navigation_and_be_years() {
        let m = MonthView::of(NaiveDate::from_ymd_opt(2018, 1, 31).unwrap());
        assert_eq!(m.previous().title(true), "ธันวาคม 2560");
        assert_eq!(m.next().title(true), "กุมภาพันธ์ 2561");
        assert_eq!(m.with_be_year(2562).be_year(), 2562);
        assert_eq!(m.with_month(12).title(false), "December 2018");
        assert_eq!(month_names()[1].0, "กุมภาพันธ์");
    }
}
