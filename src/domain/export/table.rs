//! A table as exports see it: typed cells under bilingual headers. CSV is one rendering;
//! a future XLSX writer would take the same tables, one sheet each.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::domain::dates::format_be_short;
use crate::domain::meta::RecordId;
use crate::domain::money::Baht;

/// A column header in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub th: &'static str,
    pub en: &'static str,
    /// For the two columns of a date: which form this one holds.
    pub date: Option<DateForm>,
}

/// A date is exported twice: ISO to sort and compute with, BE for Thai readers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateForm {
    Iso,
    Be,
}

impl Column {
    pub const fn new(th: &'static str, en: &'static str) -> Column {
        Column { th, en, date: None }
    }

    /// The ISO and BE columns of one date.
    pub const fn date_pair(th: &'static str, en: &'static str) -> [Column; 2] {
        [
            Column {
                th,
                en,
                date: Some(DateForm::Iso),
            },
            Column {
                th,
                en,
                date: Some(DateForm::Be),
            },
        ]
    }

    /// "ชื่อเมือง / City name"; for dates "วันที่โอน (ค.ศ.) / Transferred (ISO)" and
    /// "วันที่โอน (พ.ศ.) / Transferred (BE)". One header row serves both readers.
    pub fn header(&self) -> String {
        match self.date {
            None => format!("{} / {}", self.th, self.en),
            Some(DateForm::Iso) => format!("{} (ค.ศ.) / {} (ISO)", self.th, self.en),
            Some(DateForm::Be) => format!("{} (พ.ศ.) / {} (BE)", self.th, self.en),
        }
    }
}

/// One cell. Typed, so each export decides how a kind of value is written once.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    /// Written as "350000.00"; negative differences as "-190000.00".
    Amount(Baht),
    Count(i64),
    /// A fraction such as 0.70, written "0.70".
    Share(Decimal),
    /// ISO date, "2018-02-03".
    Date(NaiveDate),
    /// Buddhist Era date, "3 ก.พ. 2561".
    DateBe(NaiveDate),
    Id(RecordId),
    Empty,
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    pub fn amount(a: Option<Baht>) -> Cell {
        a.map_or(Cell::Empty, Cell::Amount)
    }

    pub fn count(n: usize) -> Cell {
        Cell::Count(i64::try_from(n).unwrap_or(i64::MAX))
    }

    /// The two cells of a date column pair: ISO, then BE.
    pub fn date_pair(d: Option<NaiveDate>) -> [Cell; 2] {
        match d {
            Some(d) => [Cell::Date(d), Cell::DateBe(d)],
            None => [Cell::Empty, Cell::Empty],
        }
    }

    /// The cell as written to a text format, formula guard applied to free text.
    pub fn render(&self) -> String {
        match self {
            Cell::Text(s) => guard_formula(s),
            Cell::Amount(a) => a.to_canonical_string(),
            Cell::Count(n) => n.to_string(),
            Cell::Share(s) => format!("{:.2}", s),
            Cell::Date(d) => d.format("%Y-%m-%d").to_string(),
            Cell::DateBe(d) => format_be_short(*d),
            Cell::Id(id) => id.to_string(),
            Cell::Empty => String::new(),
        }
    }
}

/// Text that a spreadsheet would take for a formula gets a leading apostrophe, which Excel,
/// LibreOffice and Google Sheets show as plain text (OWASP's advice for CSV injection). A
/// committee member named "=HYPERLINK(…)" must not become a link on a partner's computer.
///
/// ```
/// use mueang::domain::export::guard_formula;
/// assert_eq!(guard_formula("=1+1"), "'=1+1");
/// assert_eq!(guard_formula("@SUM(A1)"), "'@SUM(A1)");
/// assert_eq!(guard_formula("-5"), "'-5");
/// assert_eq!(guard_formula("เทศบาลนครแม่สอด"), "เทศบาลนครแม่สอด");
/// ```
pub fn guard_formula(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_owned()
    }
}

/// A list or report ready to export.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Short English name for the file, e.g. "cities" → `mueang-cities-2561.csv`.
    pub name: &'static str,
    pub columns: Vec<Column>,
    /// Every row has exactly `columns.len()` cells.
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    pub fn new(name: &'static str, columns: Vec<Column>) -> Table {
        Table {
            name,
            columns,
            rows: Vec::new(),
        }
    }

    /// Adds a row. A row of the wrong width is a bug in the export that built it.
    pub fn push(&mut self, row: Vec<Cell>) {
        debug_assert_eq!(
            row.len(),
            self.columns.len(),
            "row width in table {}",
            self.name
        );
        self.rows.push(row);
    }
}
