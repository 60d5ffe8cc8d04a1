//! Which column of the sheet fills which field: recognised from the header row, changed by
//! the person, and remembered for the next sheet with the same headers.

use serde::{Deserialize, Serialize};

use super::columns::{header_key, recognise, Column};
use super::decode::Sheet;
use super::limits::HEADER_SEARCH_ROWS;

/// The header row and, for each column of the sheet, the field it fills (`None`: not
/// brought in). A field is filled from one column at most.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mapping {
    /// Index into [`Sheet::rows`] of the row holding the column names.
    pub header_row: usize,
    pub columns: Vec<Option<Column>>,
    /// Columns whose header names a field another column already fills (the first
    /// keeps it): shown, so the person can choose.
    pub duplicates: Vec<(usize, Column)>,
}

impl Mapping {
    /// The mapping the headers suggest. The header row is the one, among the first rows,
    /// naming the most fields (a title row above the headers names none); with none
    /// recognised anywhere, the first row.
    pub fn recognise(sheet: &Sheet) -> Mapping {
        let width = width(sheet);
        let mut best = (0, 0);
        for (i, row) in sheet.rows.iter().take(HEADER_SEARCH_ROWS).enumerate() {
            let n = row.iter().filter(|h| recognise(h).is_some()).count();
            if n > best.1 {
                best = (i, n);
            }
        }
        let header_row = best.0;
        let mut mapping = Mapping {
            header_row,
            columns: vec![None; width],
            duplicates: Vec::new(),
        };
        for (i, header) in sheet.rows[header_row].iter().enumerate() {
            let Some(c) = recognise(header) else { continue };
            if mapping.columns.contains(&Some(c)) {
                mapping.duplicates.push((i, c));
            } else {
                mapping.columns[i] = Some(c);
            }
        }
        mapping
    }

    /// The column that fills `field`.
    pub fn column_of(&self, field: Column) -> Option<usize> {
        self.columns.iter().position(|c| *c == Some(field))
    }

    /// Column `i` fills `field` (or nothing); a column that filled it before no longer does.
    pub fn set(&mut self, i: usize, field: Option<Column>) {
        if let Some(f) = field {
            for c in self.columns.iter_mut().filter(|c| **c == Some(f)) {
                *c = None;
            }
        }
        if let Some(slot) = self.columns.get_mut(i) {
            *slot = field;
        }
        self.duplicates.retain(|&(d, f)| d != i && Some(f) != field);
    }

    /// The mapping as remembered: one field key (or null) per column.
    pub fn to_saved(&self) -> String {
        let saved = Saved {
            header_row: self.header_row,
            columns: self
                .columns
                .iter()
                .map(|c| c.map(|c| c.key().to_owned()))
                .collect(),
        };
        serde_json::to_string(&saved).unwrap_or_default()
    }

    /// A remembered mapping, if it fits this sheet (same width, header row inside it);
    /// unknown field keys (from a newer version) are left unmapped.
    pub fn from_saved(text: &str, sheet: &Sheet) -> Option<Mapping> {
        let saved: Saved = serde_json::from_str(text).ok()?;
        if saved.columns.len() != width(sheet) || saved.header_row >= sheet.rows.len() {
            return None;
        }
        let mut mapping = Mapping {
            header_row: saved.header_row,
            columns: vec![None; saved.columns.len()],
            duplicates: Vec::new(),
        };
        for (i, key) in saved.columns.iter().enumerate() {
            mapping.set(i, key.as_deref().and_then(Column::from_key));
        }
        Some(mapping)
    }
}

#[derive(Serialize, Deserialize)]
struct Saved {
    header_row: usize,
    columns: Vec<Option<String>>,
}

/// The widest row's number of cells.
pub fn width(sheet: &Sheet) -> usize {
    sheet.rows.iter().map(Vec::len).max().unwrap_or(0)
}

/// The header of column `i` as written (empty if the header row is shorter).
pub fn header(sheet: &Sheet, mapping: &Mapping, i: usize) -> String {
    sheet.rows[mapping.header_row]
        .get(i)
        .map(|h| h.trim().to_owned())
        .unwrap_or_default()
}

/// Where a mapping for this header row is remembered (localStorage): the compared form of
/// the recognised header row's cells, hashed, so "บ้านเลขที่" and "บ้านเลขที่ " are one sheet.
pub fn storage_key(sheet: &Sheet) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for h in &sheet.rows[Mapping::recognise(sheet).header_row] {
        for b in header_key(h).bytes().chain([0x1f]) {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("mueang.import.mapping.{hash:016x}")
}

/// A spreadsheet's column letter: 0 is "A", 26 is "AA".
pub fn column_letter(mut i: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (i % 26) as u8);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::sheet_import::decode::decode;

    fn sheet(text: &str) -> Sheet {
        decode(text.as_bytes()).unwrap()
    }

    #[test]
    fn a_title_row_is_passed_over_and_duplicates_are_noted() {
        let s = sheet(
            "แบบสำรวจครัวเรือน ชุมชนริมน้ำ,,\n\
             ลำดับ,บ้านเลขที่,หัวหน้าครอบครัว,จำนวนสมาชิก,เลขที่\n1,12,นางสมศรี,4,12\n",
        );
        let m = Mapping::recognise(&s);
        assert_eq!(m.header_row, 1);
        assert_eq!(
            m.columns,
            [
                None,
                Some(Column::HouseNumber),
                Some(Column::HeadName),
                Some(Column::Members),
                None
            ]
        );
        assert_eq!(m.duplicates, [(4, Column::HouseNumber)]);
    }

    #[test]
    fn a_field_moves_to_the_column_chosen_and_the_mapping_is_remembered() {
        let s = sheet("บ้านเลขที่,เลขที่,สมาชิก\n12,13,4\n");
        let mut m = Mapping::recognise(&s);
        m.set(1, Some(Column::HouseNumber));
        assert_eq!(
            m.columns,
            [None, Some(Column::HouseNumber), Some(Column::Members)]
        );
        assert!(m.duplicates.is_empty());
        let back = Mapping::from_saved(&m.to_saved(), &s).unwrap();
        assert_eq!(back, m);
        let wider = sheet("บ้านเลขที่,เลขที่,สมาชิก,x\n12,13,4,1\n");
        assert_eq!(Mapping::from_saved(&m.to_saved(), &wider), None);
        assert_eq!(Mapping::from_saved("not json", &s), None);
    }

    #[test]
    fn the_storage_key_follows_the_headers_not_the_data() {
        let a = sheet("บ้านเลขที่,สมาชิก\n12,4\n");
        let b = sheet(" บ้านเลขที่ ,สมาชิก\n99,1\n");
        let c = sheet("บ้านเลขที่,หัวหน้าครอบครัว\n12,4\n");
        assert_eq!(storage_key(&a), storage_key(&b));
        assert_ne!(storage_key(&a), storage_key(&c));
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
    }
}
