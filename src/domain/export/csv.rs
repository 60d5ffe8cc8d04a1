//! A table as CSV bytes for Excel: UTF-8 with a byte-order mark, CRLF, one bilingual
//! header row, plain numbers, and the formula guard on text.

use ::csv::{Terminator, WriterBuilder};

use super::table::{Column, Table};

/// The UTF-8 byte-order mark. Excel takes a CSV without it for the Windows code page and
/// shows Thai as mojibake; with it, Thai opens correctly on a double-click.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The table as CSV bytes.
///
/// ```
/// use mueang::domain::export::{to_csv, Cell, Column, Table, BOM};
/// use mueang::domain::money::Baht;
/// let mut t = Table::new("demo", vec![Column::new("ชื่อเมือง", "City"), Column::new("วงเงิน", "Amount")]);
/// t.push(vec![Cell::text("เทศบาลนครแม่สอด"), Cell::Amount(Baht::whole(350_000))]);
/// let bytes = to_csv(&t);
/// assert!(bytes.starts_with(BOM));
/// let text = std::str::from_utf8(&bytes[BOM.len()..]).unwrap();
/// assert_eq!(text, "ชื่อเมือง / City,วงเงิน / Amount\r\nเทศบาลนครแม่สอด,350000.00\r\n");
/// ```
pub fn to_csv(table: &Table) -> Vec<u8> {
    let mut w = WriterBuilder::new()
        // RFC 4180 line ends, which every spreadsheet reads.
        .terminator(Terminator::CRLF)
        // Widths are checked when rows are added; a mismatch must not lose the export.
        .flexible(true)
        .from_writer(BOM.to_vec());
    // Writing to a Vec cannot fail: the csv crate only reports I/O errors once `flexible`
    // is set, and memory has none.
    let header: Vec<String> = table.columns.iter().map(Column::header).collect();
    w.write_record(&header)
        .expect("writing CSV to memory cannot fail");
    for row in &table.rows {
        w.write_record(row.iter().map(|c| c.render()))
            .expect("writing CSV to memory cannot fail");
    }
    w.into_inner().expect("flushing CSV to memory cannot fail")
}
