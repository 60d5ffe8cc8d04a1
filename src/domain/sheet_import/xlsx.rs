//! The first worksheet of an XLSX workbook as text cells. Formulas come in as the values
//! Excel last calculated (the workbook keeps them), never as the formula's text.

use std::io::Cursor;

use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use chrono::{Duration, NaiveDate};

use super::decode::{Sheet, SheetError, Source, Table};

pub(super) fn read(bytes: &[u8]) -> Result<Sheet, SheetError> {
    let unreadable = |e: calamine::XlsxError| SheetError::Unreadable(e.to_string());
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).map_err(unreadable)?;
    let range = match book.worksheet_range_at(0) {
        Some(r) => r.map_err(unreadable)?,
        None => return Err(SheetError::Empty),
    };
    let first_row = range.start().map_or(0, |(r, _)| r as usize);
    let first_col = range.start().map_or(0, |(_, c)| c as usize);
    let mut table = Table::new(Source::Xlsx);
    let mut cells = Vec::new();
    for (i, row) in range.rows().enumerate() {
        cells.clear();
        // Columns left of the used range are empty: keep them, so column letters hold.
        cells.extend(std::iter::repeat_n(String::new(), first_col));
        cells.extend(row.iter().map(text));
        table.push(first_row + i + 1, cells.iter().map(String::as_str))?;
    }
    table.finish()
}

/// A cell as a person would type it: whole numbers without ".0", dates as day/month/BE
/// year (the form reads them back), errors as Excel shows them.
fn text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(n) => n.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        // A workbook stores numbers as doubles; Rust prints the shortest text that reads back
        // the same double (1500.5, not 1500.49999), and the column's parser takes it from
        // there as text, into Decimal for money.
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.into(),
        Data::DateTime(d) => {
            let days = d.as_f64().floor() as i64;
            // Excel's day 0 is 1899-12-30 (counting its 1900 leap-year bug).
            match NaiveDate::from_ymd_opt(1899, 12, 30)
                .and_then(|base| base.checked_add_signed(Duration::try_days(days)?))
            {
                Some(date) => crate::domain::dates::format_be_short(date),
                None => d.as_f64().to_string(),
            }
        }
        Data::Error(e) => e.to_string(),
    }
}
