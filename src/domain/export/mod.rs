//! Exports for spreadsheets: every list and report as a [`Table`], and a table as CSV bytes
//! that Excel opens with Thai intact. Pure functions; the UI only offers the download.
//!
//! Conventions (details in `docs/reports.md`):
//! - UTF-8 with a byte-order mark, CRLF line ends: Excel on Windows otherwise reads Thai as
//!   mojibake.
//! - One header row, each cell "Thai / English" (e.g. "ชื่อเมือง / City name"), so filters
//!   and pivot tables work and both readers find their column.
//! - Amounts as plain numbers with two decimals ("350000.00"), no separators or units.
//! - Each date as two columns: ISO ("2018-02-03") for sorting and formulas, BE
//!   ("3 ก.พ. 2561") for Thai readers.
//! - Text that a spreadsheet would run as a formula (starting with = + - @, tab or CR) gets
//!   a leading apostrophe.
//!
//! XLSX is not offered: see `docs/reports.md` for the measurement.

mod csv;
mod lists;
mod lookup;
mod people;
mod report_tables;
mod survey;
mod table;

pub use self::csv::{to_csv, BOM};
pub use lists::{cities, grants, instalments, projects};
pub use people::{committee_members, meetings, mous, Contacts};
pub use report_tables::{dashboard_rows, findings, reconciliations};
pub use survey::{communities, households};
pub use table::{guard_formula, Cell, Column, DateForm, Table};
