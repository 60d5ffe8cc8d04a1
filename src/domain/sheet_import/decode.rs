//! A file's bytes as a table of text cells. Excel on a Thai Windows saves "CSV" in the
//! system's code page, windows-874 (TIS-620 plus a few signs), "CSV UTF-8" with a BOM, and
//! "Unicode text" as UTF-16 LE with a BOM, separated by tabs; XLSX is a zip of XML.
//! Which one a file is comes from its first bytes, never from its name (a renamed file
//! says nothing).

use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_874};

use super::limits::{MAX_CELL_CHARS, MAX_COLUMNS, MAX_FILE_BYTES, MAX_ROWS};
use crate::domain::file_size::megabytes;
use crate::domain::lang::counted;

/// How the file was read, shown on the mapping screen so a wrong guess can be seen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Utf8,
    Utf8Bom,
    Utf16,
    Windows874,
    Xlsx,
}

impl Source {
    pub fn label(self) -> (&'static str, &'static str) {
        match self {
            Source::Utf8 => ("CSV (UTF-8)", "CSV (UTF-8)"),
            Source::Utf8Bom => ("CSV UTF-8 ของ Excel", "Excel's CSV UTF-8"),
            Source::Utf16 => (
                "ข้อความ Unicode ของ Excel (คั่นด้วยแท็บ)",
                "Excel's Unicode text (tab-separated)",
            ),
            Source::Windows874 => (
                "CSV ภาษาไทยของ Windows (TIS-620/windows-874)",
                "Thai Windows CSV (TIS-620/windows-874)",
            ),
            Source::Xlsx => ("สมุดงาน Excel (.xlsx)", "Excel workbook (.xlsx)"),
        }
    }
}

/// A file read as rows of text. `rows[i]` is the spreadsheet's row `lines[i]` (1-based, as
/// Excel numbers them); blank rows are left out, as nothing was typed in them.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub source: Source,
    pub rows: Vec<Vec<String>>,
    pub lines: Vec<usize>,
}

/// Why a file cannot be read. Nothing is stored from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SheetError {
    Empty,
    TooLarge {
        bytes: usize,
    },
    /// Not text: a picture, a program, a document renamed `.csv`.
    NotText,
    /// The old binary Excel format (.xls).
    OldExcel,
    TooManyRows {
        rows: usize,
    },
    TooManyColumns {
        columns: usize,
    },
    CellTooLong {
        line: usize,
        column: usize,
        chars: usize,
    },
    /// The CSV or the workbook could not be read; the reader's words.
    Unreadable(String),
}

impl SheetError {
    /// The message in Thai and English.
    pub fn texts(&self) -> (String, String) {
        match self {
            SheetError::Empty => (
                "ไฟล์นี้ว่างเปล่า ไม่มีข้อมูลให้นำเข้า".into(),
                "This file is empty: there is nothing to bring in.".into(),
            ),
            SheetError::TooLarge { bytes } => (
                format!(
                    "ไฟล์ใหญ่ {} MB เกินขนาดที่รับได้ {} MB กรุณาแบ่งเป็นหลายไฟล์",
                    megabytes(*bytes as u64),
                    MAX_FILE_BYTES / 1_048_576
                ),
                format!(
                    "The file is {} MB, over the {} MB limit. Split it into several files.",
                    megabytes(*bytes as u64),
                    MAX_FILE_BYTES / 1_048_576
                ),
            ),
            SheetError::NotText => (
                "ไฟล์นี้ไม่ใช่ตารางข้อมูล (CSV หรือ Excel) อาจเป็นรูปภาพหรือไฟล์ชนิดอื่นที่เปลี่ยนชื่อมา".into(),
                "This file is not a spreadsheet (CSV or Excel): it may be a picture or another \
                 kind of file renamed."
                    .into(),
            ),
            SheetError::OldExcel => (
                "ไฟล์ Excel แบบเก่า (.xls) นำเข้าไม่ได้ กรุณาเปิดใน Excel แล้วบันทึกเป็น .xlsx หรือ CSV".into(),
                "Old Excel files (.xls) cannot be read. Open it in Excel and save it as .xlsx or \
                 CSV."
                    .into(),
            ),
            SheetError::TooManyRows { rows } => {
                let (th, en) = counted(*rows, "แถว", "row", "rows");
                let (max_th, max_en) = counted(MAX_ROWS, "แถว", "row", "rows");
                (
                    format!("ไฟล์มีมากกว่า {th} รับได้ไม่เกิน {max_th} ต่อไฟล์ กรุณาแบ่งเป็นหลายไฟล์"),
                    format!(
                        "The file has more than {en}; at most {max_en} per file. Split it into \
                         several files."
                    ),
                )
            }
            SheetError::TooManyColumns { columns } => (
                format!("ไฟล์มี {columns} คอลัมน์ รับได้ไม่เกิน {MAX_COLUMNS} คอลัมน์"),
                format!("The file has {columns} columns; at most {MAX_COLUMNS}."),
            ),
            SheetError::CellTooLong {
                line,
                column,
                chars,
            } => {
                let (th, en) = counted(*chars, "ตัวอักษร", "character", "characters");
                (
                    format!(
                        "แถวที่ {line} คอลัมน์ที่ {column} ยาว {th} เกิน {MAX_CELL_CHARS} ตัวอักษรที่รับได้ \
                         ไฟล์นี้อาจไม่ใช่แบบสำรวจ"
                    ),
                    format!(
                        "Row {line}, column {column} holds {en}, over the {MAX_CELL_CHARS} a cell \
                         may hold. This may not be a survey sheet."
                    ),
                )
            }
            SheetError::Unreadable(why) => (
                format!("อ่านไฟล์นี้ไม่ได้ ({why})"),
                format!("This file could not be read ({why})."),
            ),
        }
    }
}

/// Reads a CSV, UTF-16 text or XLSX file.
pub fn decode(bytes: &[u8]) -> Result<Sheet, SheetError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(SheetError::TooLarge { bytes: bytes.len() });
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return super::xlsx::read(bytes);
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(SheetError::OldExcel);
    }
    let (text, source) = text_of(bytes);
    if text.trim().is_empty() {
        return Err(SheetError::Empty);
    }
    if !looks_like_text(&text) {
        return Err(SheetError::NotText);
    }
    let delimiter = if source == Source::Utf16 {
        b'\t'
    } else {
        sniff_delimiter(&text)
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut table = Table::new(source);
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| SheetError::Unreadable(e.to_string()))?;
        table.push(i + 1, record.iter())?;
    }
    table.finish()
}

/// Collects rows, keeping to the limits as it goes (a 200,000-row file stops at the limit
/// rather than being held whole).
pub(super) struct Table {
    sheet: Sheet,
}

impl Table {
    pub(super) fn new(source: Source) -> Table {
        Table {
            sheet: Sheet {
                source,
                rows: Vec::new(),
                lines: Vec::new(),
            },
        }
    }

    pub(super) fn push<'a>(
        &mut self,
        line: usize,
        cells: impl Iterator<Item = &'a str>,
    ) -> Result<(), SheetError> {
        let mut row = Vec::new();
        for (c, cell) in cells.enumerate() {
            if c >= MAX_COLUMNS {
                if cell.trim().is_empty() {
                    continue;
                }
                return Err(SheetError::TooManyColumns { columns: c + 1 });
            }
            let chars = cell.chars().count();
            if chars > MAX_CELL_CHARS {
                return Err(SheetError::CellTooLong {
                    line,
                    column: c + 1,
                    chars,
                });
            }
            row.push(cell.to_owned());
        }
        // Excel pads rows with empty cells to the widest row: trailing blanks say nothing.
        while row.last().is_some_and(|c| c.trim().is_empty()) {
            row.pop();
        }
        if row.is_empty() {
            return Ok(());
        }
        // The header row plus MAX_ROWS rows under it.
        if self.sheet.rows.len() > MAX_ROWS {
            return Err(SheetError::TooManyRows { rows: MAX_ROWS });
        }
        self.sheet.rows.push(row);
        self.sheet.lines.push(line);
        Ok(())
    }

    pub(super) fn finish(self) -> Result<Sheet, SheetError> {
        if self.sheet.rows.is_empty() {
            return Err(SheetError::Empty);
        }
        Ok(self.sheet)
    }
}

/// The text of a file and the encoding it was in: a BOM says, else valid UTF-8 is UTF-8,
/// else it is the Thai Windows code page (every byte decodes there, so junk is caught by
/// [`looks_like_text`] afterwards).
fn text_of(bytes: &[u8]) -> (String, Source) {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return (String::from_utf8_lossy(rest).into_owned(), Source::Utf8Bom);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        let (text, _) = UTF_16LE.decode_without_bom_handling(rest);
        return (text.into_owned(), Source::Utf16);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let (text, _) = UTF_16BE.decode_without_bom_handling(rest);
        return (text.into_owned(), Source::Utf16);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_owned(), Source::Utf8),
        Err(_) => {
            let (text, _) = WINDOWS_874.decode_without_bom_handling(bytes);
            (text.into_owned(), Source::Windows874)
        }
    }
}

/// Text has no NUL and almost no other control characters or undecodable bytes; a
/// picture or a program renamed `.csv` has many.
fn looks_like_text(text: &str) -> bool {
    let mut odd = 0usize;
    let mut all = 0usize;
    for c in text.chars().take(64 * 1024) {
        all += 1;
        if c == '\0' {
            return false;
        }
        if c == '\u{FFFD}' || (c.is_control() && !matches!(c, '\t' | '\r' | '\n')) {
            odd += 1;
        }
    }
    odd * 100 <= all
}

/// The separator of the first line: the most frequent of comma, tab and semicolon outside
/// quotes (Excel in some locales writes semicolons); a comma when there is none.
fn sniff_delimiter(text: &str) -> u8 {
    let mut counts = [(b',', 0usize), (b'\t', 0), (b';', 0)];
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '\n' if !quoted => break,
            '"' => quoted = !quoted,
            ',' if !quoted => counts[0].1 += 1,
            '\t' if !quoted => counts[1].1 += 1,
            ';' if !quoted => counts[2].1 += 1,
            _ => {}
        }
    }
    let best = counts.iter().max_by_key(|(_, n)| *n).copied();
    match best {
        Some((d, n)) if n > 0 => d,
        _ => b',',
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_are_told_by_their_first_bytes() {
        let thai = "บ้านเลขที่,สมาชิก\n12/3,4\n";
        let (cp874, _, _) = WINDOWS_874.encode(thai);
        let s = decode(&cp874).unwrap();
        assert_eq!(s.source, Source::Windows874);
        assert_eq!(s.rows[0][0], "บ้านเลขที่");
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(thai.as_bytes());
        let s = decode(&bom).unwrap();
        assert_eq!((s.source, s.rows[1][0].as_str()), (Source::Utf8Bom, "12/3"));
        let mut utf16 = vec![0xFF, 0xFE];
        for u in "บ้านเลขที่\tสมาชิก\r\n12,3\t4\r\n".encode_utf16()
        {
            utf16.extend_from_slice(&u.to_le_bytes());
        }
        let s = decode(&utf16).unwrap();
        assert_eq!(s.source, Source::Utf16);
        assert_eq!(s.rows[1], ["12,3", "4"], "tabs separate, the comma is text");
        assert_eq!(decode(thai.as_bytes()).unwrap().source, Source::Utf8);
    }

    #[test]
    fn blank_rows_and_trailing_blank_cells_are_left_out_with_excel_row_numbers() {
        let s = decode(b"a;b;c\n;;\n1;2;\n\n3;;\n").unwrap();
        assert_eq!(s.rows, [vec!["a", "b", "c"], vec!["1", "2"], vec!["3"]]);
        assert_eq!(s.lines, [1, 3, 4]);
    }

    #[test]
    fn junk_and_limits_are_refused_with_a_reason() {
        assert_eq!(decode(b""), Err(SheetError::Empty));
        assert_eq!(decode(b" \r\n,,\r\n"), Err(SheetError::Empty));
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
        assert_eq!(decode(png), Err(SheetError::NotText));
        let junk: Vec<u8> = (0..4000u32).map(|i| (i * 7919 % 251) as u8 | 1).collect();
        assert_eq!(decode(&junk), Err(SheetError::NotText));
        assert_eq!(
            decode(&[0xD0, 0xCF, 0x11, 0xE0, 1]),
            Err(SheetError::OldExcel)
        );
        let long = format!("a,b\n1,{}\n", "ก".repeat(MAX_CELL_CHARS + 1));
        let e = decode(long.as_bytes()).unwrap_err();
        assert!(matches!(
            e,
            SheetError::CellTooLong {
                line: 2,
                column: 2,
                ..
            }
        ));
        let (th, en) = e.texts();
        assert!(
            th.contains("แถวที่ 2") && en.contains("Row 2, column 2"),
            "{th} {en}"
        );
        let wide = format!("{}\n", "x,".repeat(MAX_COLUMNS + 1));
        assert!(matches!(
            decode(wide.as_bytes()),
            Err(SheetError::TooManyColumns { .. })
        ));
    }
}
