//! What a sheet's column may hold, and the Thai and English headers that say so. Offices'
//! sheets name columns many ways ("หัวหน้าครอบครัว", "ชื่อหัวหน้าครัวเรือน", "ชื่อ-สกุล"),
//! often with a unit in brackets ("จำนวนสมาชิก (คน)") or a title row above them.

use std::sync::OnceLock;

use crate::domain::text::normalise_name;
use crate::domain::thai_digits::to_ascii_digits;

/// A household's field a column can fill, or the community it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Column {
    Community,
    HouseNumber,
    HeadName,
    Phone,
    Members,
    Elderly,
    Disabled,
    YoungChildren,
    LandTenure,
    HouseTenure,
    MonthlyRent,
    Condition,
    IncomeBand,
    SavingsMember,
    Need,
    SurveyedOn,
    Surveyor,
    Notes,
}

impl Column {
    /// In the household form's order.
    pub const ALL: [Column; 18] = [
        Column::Community,
        Column::HouseNumber,
        Column::HeadName,
        Column::Phone,
        Column::Members,
        Column::Elderly,
        Column::Disabled,
        Column::YoungChildren,
        Column::LandTenure,
        Column::HouseTenure,
        Column::MonthlyRent,
        Column::Condition,
        Column::IncomeBand,
        Column::SavingsMember,
        Column::Need,
        Column::SurveyedOn,
        Column::Surveyor,
        Column::Notes,
    ];

    /// A stable name, kept in remembered mappings.
    pub fn key(self) -> &'static str {
        self.spec().0
    }

    pub fn from_key(key: &str) -> Option<Column> {
        Column::ALL.into_iter().find(|c| c.key() == key)
    }

    /// The field's words, as the household form shows them.
    pub fn label(self) -> (&'static str, &'static str) {
        let (_, th, en, _) = self.spec();
        (th, en)
    }

    /// (key, Thai, English, headers recognised besides the labels).
    fn spec(
        self,
    ) -> (
        &'static str,
        &'static str,
        &'static str,
        &'static [&'static str],
    ) {
        match self {
            Column::Community => (
                "community",
                "ชุมชน",
                "community",
                &["ชื่อชุมชน", "community name"],
            ),
            Column::HouseNumber => (
                "house_number",
                "บ้านเลขที่",
                "house number",
                &["เลขที่บ้าน", "เลขที่", "house no", "address"],
            ),
            Column::HeadName => (
                "head_name",
                "หัวหน้าครัวเรือน",
                "head of household",
                &[
                    "ชื่อหัวหน้าครัวเรือน",
                    "หัวหน้าครอบครัว",
                    "ชื่อหัวหน้าครอบครัว",
                    "ชื่อ-สกุล",
                    "ชื่อ-นามสกุล",
                    "ชื่อสกุล",
                    "ชื่อ",
                    "head",
                    "name",
                ],
            ),
            Column::Phone => (
                "phone",
                "โทรศัพท์",
                "phone",
                &["เบอร์โทร", "เบอร์โทรศัพท์", "โทร", "telephone", "tel", "mobile"],
            ),
            Column::Members => (
                "members",
                "จำนวนสมาชิก",
                "members",
                &[
                    "สมาชิก",
                    "สมาชิกในครัวเรือน",
                    "จำนวนสมาชิกในครัวเรือน",
                    "จำนวนคน",
                    "household members",
                    "household size",
                    "persons",
                ],
            ),
            Column::Elderly => (
                "elderly",
                "ผู้สูงอายุ",
                "elderly",
                &["จำนวนผู้สูงอายุ", "คนชรา", "older people"],
            ),
            Column::Disabled => (
                "disabled",
                "ผู้พิการ",
                "disabled",
                &["คนพิการ", "พิการ", "จำนวนผู้พิการ", "people with disabilities"],
            ),
            Column::YoungChildren => (
                "young_children",
                "เด็กเล็ก",
                "young children",
                &["เด็ก", "จำนวนเด็กเล็ก", "children", "children under 6"],
            ),
            Column::LandTenure => (
                "land_tenure",
                "สถานะที่ดิน",
                "land tenure",
                &["การถือครองที่ดิน", "กรรมสิทธิ์ที่ดิน", "ที่ดิน", "land"],
            ),
            Column::HouseTenure => (
                "house_tenure",
                "สถานะการอยู่อาศัย",
                "house tenure",
                &["สถานะบ้าน", "กรรมสิทธิ์บ้าน", "การอยู่อาศัย", "tenure"],
            ),
            Column::MonthlyRent => (
                "monthly_rent",
                "ค่าเช่า",
                "monthly rent",
                &["ค่าเช่าต่อเดือน", "ค่าเช่าบ้าน", "ค่าเช่ารายเดือน", "rent"],
            ),
            Column::Condition => (
                "condition",
                "สภาพบ้าน",
                "house condition",
                &["สภาพที่อยู่อาศัย", "สภาพบ้านเรือน", "condition"],
            ),
            Column::IncomeBand => (
                "income_band",
                "รายได้",
                "income",
                &[
                    "รายได้ต่อเดือน",
                    "รายได้ครัวเรือน",
                    "รายได้เฉลี่ย",
                    "income band",
                    "monthly income",
                ],
            ),
            Column::SavingsMember => (
                "savings_member",
                "สมาชิกออมทรัพย์",
                "savings-group member",
                &[
                    "ออมทรัพย์",
                    "กลุ่มออมทรัพย์",
                    "เป็นสมาชิกออมทรัพย์",
                    "savings",
                    "savings member",
                ],
            ),
            Column::Need => (
                "need",
                "ความต้องการ",
                "need",
                &["ความต้องการที่อยู่อาศัย", "ความต้องการด้านที่อยู่อาศัย", "needs"],
            ),
            Column::SurveyedOn => (
                "surveyed_on",
                "วันที่สำรวจ",
                "surveyed on",
                &["วันที่", "วันสำรวจ", "date", "survey date"],
            ),
            Column::Surveyor => (
                "surveyor",
                "ผู้สำรวจ",
                "surveyor",
                &["ผู้เก็บข้อมูล", "ผู้บันทึก", "enumerator"],
            ),
            Column::Notes => (
                "notes",
                "หมายเหตุ",
                "notes",
                &["บันทึก", "remarks", "note", "comments"],
            ),
        }
    }
}

/// Every header each column answers to, in the form headers are compared in (made once).
fn names() -> &'static [(Column, String, usize)] {
    static NAMES: OnceLock<Vec<(Column, String, usize)>> = OnceLock::new();
    NAMES.get_or_init(|| {
        let mut out = Vec::new();
        for c in Column::ALL {
            let (key, th, en, more) = c.spec();
            for n in [key, th, en].into_iter().chain(more.iter().copied()) {
                let k = header_key(n);
                let len = k.chars().count();
                out.push((c, k, len));
            }
        }
        out
    })
}

/// A header as compared: what is in brackets dropped ("(คน)", "(บาท/เดือน)"), Thai digits
/// as ASCII, the project's name normalisation, then only letters, marks and digits kept.
pub fn header_key(header: &str) -> String {
    let mut plain = String::with_capacity(header.len());
    let mut depth = 0u32;
    for c in header.chars() {
        match c {
            '(' | '[' | '（' => depth += 1,
            ')' | ']' | '）' => depth = depth.saturating_sub(1),
            _ if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    let mut key = normalise_name(&to_ascii_digits(&plain));
    key.retain(|c| c.is_alphanumeric() || is_thai_mark(c));
    key
}

/// Thai vowel and tone marks are not "alphanumeric" to Rust, but are part of a word.
fn is_thai_mark(c: char) -> bool {
    ('\u{0E31}'..='\u{0E4E}').contains(&c)
}

/// The column a header names, if any: an exact match of any of its names first; else the
/// longest name (of four letters or more) the header contains, so "จำนวนผู้สูงอายุ (คน)"
/// is the elderly and "สมาชิกออมทรัพย์" the savings group, not the members.
pub fn recognise(header: &str) -> Option<Column> {
    let key = header_key(header);
    if key.is_empty() {
        return None;
    }
    if let Some((c, _, _)) = names().iter().find(|(_, n, _)| *n == key) {
        return Some(*c);
    }
    let mut best: Option<(usize, Column)> = None;
    for (c, n, len) in names() {
        if *len >= 4 && key.contains(n.as_str()) && best.is_none_or(|(l, _)| *len > l) {
            best = Some((*len, *c));
        }
    }
    best.map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thai_and_english_headers_are_recognised() {
        let cases = [
            ("บ้านเลขที่", Column::HouseNumber),
            ("เลขที่", Column::HouseNumber),
            ("House No.", Column::HouseNumber),
            ("หัวหน้าครอบครัว", Column::HeadName),
            ("ชื่อหัวหน้าครัวเรือน", Column::HeadName),
            ("ชื่อ - สกุล", Column::HeadName),
            ("จำนวนสมาชิก (คน)", Column::Members),
            ("จำนวนผู้สูงอายุ", Column::Elderly),
            ("คนพิการ", Column::Disabled),
            ("เด็กเล็ก (ต่ำกว่า 6 ปี)", Column::YoungChildren),
            ("ค่าเช่า (บาท/เดือน)", Column::MonthlyRent),
            ("สภาพบ้าน", Column::Condition),
            ("รายได้ต่อเดือน", Column::IncomeBand),
            ("สมาชิกออมทรัพย์", Column::SavingsMember),
            ("ความต้องการ", Column::Need),
            ("ชื่อชุมชน", Column::Community),
            ("  Monthly   Rent ", Column::MonthlyRent),
            ("savings_member", Column::SavingsMember),
            ("เบอร์โทรศัพท์มือถือ", Column::Phone),
        ];
        for (header, column) in cases {
            assert_eq!(recognise(header), Some(column), "{header}");
        }
        for unknown in ["", "  ", "(คน)", "ลำดับ", "No", "สี"] {
            assert_eq!(recognise(unknown), None, "{unknown:?}");
        }
    }

    #[test]
    fn keys_round_trip() {
        for c in Column::ALL {
            assert_eq!(Column::from_key(c.key()), Some(c));
        }
        assert_eq!(Column::from_key("salary"), None);
    }
}
