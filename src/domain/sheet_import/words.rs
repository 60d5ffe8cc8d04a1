//! The words sheets use for the survey's choices, read as the household form's keys:
//! the form's own Thai and English labels, the key itself, and the everyday words of
//! offices' sheets ("ซ่อม", "เช่าบ้านอยู่", "✓"). An income written as a figure falls in
//! its band.

use std::any::TypeId;
use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use rust_decimal::Decimal;

use crate::domain::forms::form::enum_key;
use crate::domain::records::survey::{
    Choice, HouseCondition, HouseTenure, IncomeBand, LandTenure, Need,
};
use crate::domain::text::normalise_name;
use crate::domain::thai_digits::to_ascii_digits;

use super::columns::Column;

/// A cell that is none of a column's choices (the preview lists them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotAChoice;

/// One choice list's words, compared form to key.
type Table = &'static HashMap<String, &'static str>;

/// A cell as its form value: `Ok("")` when blank, `Ok(key)` when recognised, `Err(NotAChoice)`
/// when it is none of the choices (the preview says which ones there are).
pub fn choice_key(column: Column, cell: &str) -> Result<String, NotAChoice> {
    let cell = cell.trim();
    // A dash is how sheets say "nothing here".
    if cell.is_empty() || matches!(cell, "-" | "–" | "—") {
        return Ok(String::new());
    }
    // A slash is a tick mark on many Thai forms.
    if column == Column::SavingsMember && cell == "/" {
        return Ok("yes".into());
    }
    let word = word_key(cell);
    match column {
        Column::LandTenure => find::<LandTenure>(&word, LAND),
        Column::HouseTenure => find::<HouseTenure>(&word, HOUSE),
        Column::Condition => find::<HouseCondition>(&word, CONDITION),
        Column::Need => find::<Need>(&word, NEED),
        Column::IncomeBand => {
            find::<IncomeBand>(&word, INCOME).or_else(|_| income_figure(cell).ok_or(NotAChoice))
        }
        Column::SavingsMember => yes_no(&word).map(str::to_owned).ok_or(NotAChoice),
        _ => Ok(cell.to_owned()),
    }
}

/// The choices a column offers, in Thai and English, for "must be one of …".
pub fn choices_of(column: Column) -> (String, String) {
    fn list<T: Choice>() -> (String, String) {
        let th: Vec<&str> = T::all().iter().map(|c| c.th()).collect();
        let en: Vec<&str> = T::all().iter().map(|c| c.en()).collect();
        (th.join(", "), en.join(", "))
    }
    match column {
        Column::LandTenure => list::<LandTenure>(),
        Column::HouseTenure => list::<HouseTenure>(),
        Column::Condition => list::<HouseCondition>(),
        Column::Need => list::<Need>(),
        Column::IncomeBand => {
            let (th, en) = list::<IncomeBand>();
            (
                format!("{th} หรือรายได้เป็นตัวเลข"),
                format!("{en}, or the income as a figure"),
            )
        }
        Column::SavingsMember => ("เป็น, ไม่เป็น".into(), "yes, no".into()),
        _ => (String::new(), String::new()),
    }
}

/// Whether a column takes one of a closed list of choices.
pub fn is_choice(column: Column) -> bool {
    matches!(
        column,
        Column::LandTenure
            | Column::HouseTenure
            | Column::Condition
            | Column::Need
            | Column::IncomeBand
            | Column::SavingsMember
    )
}

/// Words compared without case, spaces or punctuation.
fn word_key(s: &str) -> String {
    let mut k = normalise_name(s);
    k.retain(|c| !c.is_whitespace() && !matches!(c, '.' | ',' | '-' | '_' | '/' | '–'));
    k
}

type Words = &'static [(&'static str, &'static [&'static str])];

const LAND: Words = &[
    ("owned", &["เจ้าของ", "ของตนเอง", "มีโฉนด", "โฉนด", "own"]),
    ("long_lease", &["เช่าระยะยาว", "เช่ายาว", "lease"]),
    ("rent", &["เช่าที่ดิน", "เช่าที่", "rented"]),
    (
        "occupied_without_permission",
        &[
            "บุกรุก",
            "ไม่ได้รับอนุญาต",
            "อยู่โดยไม่ได้รับอนุญาต",
            "squat",
            "squatter",
        ],
    ),
];
const HOUSE: Words = &[
    ("owned", &["เจ้าของ", "บ้านตนเอง", "ของตนเอง", "own", "owner"]),
    ("rent", &["เช่า", "เช่าบ้านอยู่", "บ้านเช่า", "rented", "renting"]),
    (
        "rent_free",
        &["อาศัย", "อาศัยอยู่", "อยู่ฟรี", "ไม่เสียค่าเช่า", "free"],
    ),
    ("other", &["อื่นๆ", "อื่น"]),
];
const CONDITION: Words = &[
    ("good", &["ดีมาก", "สมบูรณ์", "มั่นคง", "ok"]),
    (
        "needs_repair",
        &["ซ่อม", "ซ่อมแซม", "ต้องซ่อม", "ปานกลาง", "ชำรุด", "repair"],
    ),
    (
        "dilapidated",
        &["ทรุด", "เสื่อมโทรม", "ชำรุดมาก", "ทรุดโทรมมาก", "poor", "bad"],
    ),
];
const NEED: Words = &[
    ("repair", &["ซ่อม", "ซ่อมแซม", "ซ่อมแซมบ้าน", "ปรับปรุงบ้าน"]),
    ("new_house", &["บ้านใหม่", "สร้างใหม่", "สร้างบ้าน", "new"]),
    ("secure_land", &["ที่ดิน", "ที่ดินมั่นคง", "ความมั่นคงที่ดิน", "land"]),
    ("none", &["ไม่มี", "ไม่ต้องการ", "no"]),
];
const INCOME: Words = &[
    ("up_to_5000", &["ไม่เกิน5000", "ต่ำกว่า5000", "05000", "<5000"]),
    ("up_to_10000", &["500110000", "5000-10000"]),
    ("up_to_15000", &["1000115000"]),
    ("up_to_20000", &["1500120000"]),
    (
        "over_20000",
        &["มากกว่า20000", "เกิน20000", ">20000", "20001ขึ้นไป"],
    ),
];

/// The key whose label, key or everyday word the cell is.
fn find<T: Choice + serde::Serialize>(word: &str, extra: Words) -> Result<String, NotAChoice> {
    let table = table::<T>(extra);
    table.get(word).map(|k| (*k).to_owned()).ok_or(NotAChoice)
}

/// Every word of a choice list, compared form to key, built once per list: thousands of
/// rows look words up, and comparing needs each word normalised.
fn table<T: Choice + serde::Serialize>(extra: Words) -> &'static HashMap<String, &'static str> {
    static TABLES: OnceLock<Mutex<Vec<(TypeId, Table)>>> = OnceLock::new();
    let tables = TABLES.get_or_init(Default::default);
    let mut tables = tables.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((_, t)) = tables.iter().find(|(id, _)| *id == TypeId::of::<T>()) {
        return t;
    }
    let mut t: HashMap<String, &'static str> = HashMap::new();
    // The everyday words first, so a label or key wins where both say the same.
    for (key, words) in extra {
        for w in *words {
            t.insert(word_key(w), key);
        }
    }
    for &c in T::all() {
        let key: &'static str = Box::leak(enum_key(&c).into_boxed_str());
        for w in [key, c.th(), c.en()] {
            t.insert(word_key(w), key);
        }
    }
    let t: &'static HashMap<String, &'static str> = Box::leak(Box::new(t));
    tables.push((TypeId::of::<T>(), t));
    t
}

fn yes_no(word: &str) -> Option<&'static str> {
    const YES: &[&str] = &[
        "ใช่",
        "เป็น",
        "มี",
        "เป็นสมาชิก",
        "✓",
        "✔",
        "x",
        "y",
        "yes",
        "1",
        "true",
    ];
    const NO: &[&str] = &[
        "ไม่",
        "ไม่ใช่",
        "ไม่เป็น",
        "ไม่มี",
        "ไม่เป็นสมาชิก",
        "n",
        "no",
        "0",
        "false",
    ];
    static WORDS: OnceLock<HashMap<String, &'static str>> = OnceLock::new();
    let words = WORDS.get_or_init(|| {
        let yes = YES.iter().map(|w| (word_key(w), "yes"));
        yes.chain(NO.iter().map(|w| (word_key(w), "no"))).collect()
    });
    words.get(word).copied()
}

/// An income written as baht a month ("8,500", "๘๕๐๐ บาท") in its band.
fn income_figure(cell: &str) -> Option<String> {
    let ascii = to_ascii_digits(cell.trim()).replace([',', ' '], "");
    let figure = ascii.trim_end_matches("บาท").parse::<Decimal>().ok()?;
    if figure.is_sign_negative() {
        return None;
    }
    let band = [
        (5_000, IncomeBand::UpTo5000),
        (10_000, IncomeBand::UpTo10000),
        (15_000, IncomeBand::UpTo15000),
        (20_000, IncomeBand::UpTo20000),
    ]
    .into_iter()
    .find(|(top, _)| figure <= Decimal::from(*top))
    .map_or(IncomeBand::Over20000, |(_, b)| b);
    Some(enum_key(&band))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thai_words_labels_and_keys_are_read() {
        let ok = |c, s: &str| choice_key(c, s).unwrap();
        assert_eq!(ok(Column::Condition, "ทรุดโทรม"), "dilapidated");
        assert_eq!(ok(Column::Condition, " ต้องซ่อม "), "needs_repair");
        assert_eq!(ok(Column::Condition, "Needs repair"), "needs_repair");
        assert_eq!(ok(Column::Condition, "good"), "good");
        assert_eq!(ok(Column::HouseTenure, "เช่า"), "rent");
        assert_eq!(ok(Column::HouseTenure, "อาศัยอยู่โดยไม่เสียค่าเช่า"), "rent_free");
        assert_eq!(
            ok(Column::LandTenure, "บุกรุก"),
            "occupied_without_permission"
        );
        assert_eq!(ok(Column::LandTenure, "เช่า"), "rent");
        assert_eq!(ok(Column::Need, "ความมั่นคงในที่ดิน"), "secure_land");
        assert_eq!(ok(Column::Need, "สร้างบ้านใหม่"), "new_house");
        assert_eq!(ok(Column::SavingsMember, "เป็น"), "yes");
        assert_eq!(ok(Column::SavingsMember, "ไม่เป็น"), "no");
        assert_eq!(ok(Column::SavingsMember, "✓"), "yes");
        assert_eq!(ok(Column::SavingsMember, ""), "");
        assert_eq!(ok(Column::SavingsMember, " / "), "yes");
        assert_eq!(ok(Column::Need, "-"), "", "a dash is nothing");
        assert_eq!(
            ok(Column::IncomeBand, "5,001–10,000 บาท/เดือน"),
            "up_to_10000"
        );
        assert_eq!(ok(Column::IncomeBand, "๘,๕๐๐"), "up_to_10000");
        assert_eq!(ok(Column::IncomeBand, "5000"), "up_to_5000");
        assert_eq!(ok(Column::IncomeBand, "25000 บาท"), "over_20000");
        assert_eq!(ok(Column::HeadName, " นางสมศรี "), "นางสมศรี");
    }

    #[test]
    fn values_outside_the_choices_are_refused() {
        assert_eq!(choice_key(Column::Condition, "สวยงาม"), Err(NotAChoice));
        assert_eq!(choice_key(Column::SavingsMember, "บางที"), Err(NotAChoice));
        assert_eq!(choice_key(Column::IncomeBand, "-300"), Err(NotAChoice));
        assert_eq!(choice_key(Column::IncomeBand, "=A1*2"), Err(NotAChoice));
        assert!(choices_of(Column::Condition).0.contains("ทรุดโทรม"));
    }
}
