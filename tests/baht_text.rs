//! BAHTTEXT vectors from tests/fixtures/baht_text/vectors.tsv, plus structural properties.

use std::str::FromStr;

use mueang::domain::baht_text::baht_text;
use mueang::domain::money::Baht;
use pretty_assertions::assert_eq;
use proptest::prelude::*;
use rust_decimal::Decimal;

fn vectors() -> Vec<(usize, String, String)> {
    let path = format!(
        "{}/tests/fixtures/baht_text/vectors.tsv",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| {
            let (amount, words) = l
                .split_once('\t')
                .unwrap_or_else(|| panic!("line {}: no tab", i + 1));
            (i + 1, amount.to_owned(), words.to_owned())
        })
        .collect()
}

#[test]
fn vectors_table() {
    let vectors = vectors();
    assert!(vectors.len() >= 60, "only {} vectors", vectors.len());
    for (line, amount, expected) in vectors {
        let d = Decimal::from_str(&amount).unwrap_or_else(|e| panic!("line {line}: {e}"));
        assert_eq!(
            baht_text(Baht::from_decimal(d)),
            expected,
            "line {line}: {amount}"
        );
    }
}

#[test]
fn vectors_are_unique() {
    let mut seen = std::collections::HashMap::new();
    for (line, amount, _) in vectors() {
        if let Some(first) = seen.insert(amount.clone(), line) {
            panic!("{amount} appears on lines {first} and {line}");
        }
    }
}

/// Inverse of BAHTTEXT for the whole-baht part, written independently of the
/// implementation (a left-to-right reading with a running total), so the property below
/// checks meaning, not just shape.
fn read_back(words: &str) -> Option<u64> {
    let table: [(&str, u64); 12] = [
        ("ศูนย์", 0),
        ("หนึ่ง", 1),
        ("เอ็ด", 1),
        ("สอง", 2),
        ("ยี่", 2),
        ("สาม", 3),
        ("สี่", 4),
        ("ห้า", 5),
        ("หก", 6),
        ("เจ็ด", 7),
        ("แปด", 8),
        ("เก้า", 9),
    ];
    let places: [(&str, u64); 6] = [
        ("สิบ", 10),
        ("ร้อย", 100),
        ("พัน", 1_000),
        ("หมื่น", 10_000),
        ("แสน", 100_000),
        ("ล้าน", 1_000_000),
    ];
    let mut rest = words.strip_suffix("บาทถ้วน")?;
    let (mut total, mut block, mut digit) = (0u64, 0u64, None::<u64>);
    'outer: while !rest.is_empty() {
        for (w, v) in places {
            if let Some(r) = rest.strip_prefix(w) {
                if v == 1_000_000 {
                    total = (total + block + digit.take().unwrap_or(0)) * v;
                    block = 0;
                } else {
                    block += digit.take().unwrap_or(1) * v;
                }
                rest = r;
                continue 'outer;
            }
        }
        for (w, v) in table {
            if let Some(r) = rest.strip_prefix(w) {
                digit = Some(v);
                rest = r;
                continue 'outer;
            }
        }
        return None;
    }
    Some(total + block + digit.unwrap_or(0))
}

/// Spread over magnitudes, so short numbers are as well covered as twelve-digit ones.
fn any_whole() -> impl Strategy<Value = i64> {
    prop_oneof![0i64..1_000, 0i64..10_000_000, 0i64..=1_000_000_000_000]
}

proptest! {
    #[test]
    fn whole_baht_read_back_to_the_same_number(n in any_whole()) {
        let words = baht_text(Baht::whole(n));
        prop_assert_eq!(read_back(&words), Some(n as u64), "{}", words);
    }

    #[test]
    fn satang_only_amounts_have_no_baht(s in 1i64..=99) {
        let words = baht_text(Baht::from_satang(s));
        prop_assert!(words.ends_with("สตางค์") && !words.contains("บาท"), "{}", words);
    }

    #[test]
    fn never_says_one_ten(n in any_whole(), s in 0i64..=99) {
        let words = baht_text(Baht::from_satang(n * 100 + s));
        prop_assert!(!words.contains("หนึ่งสิบ") && !words.contains("สองสิบ"), "{}", words);
        prop_assert!(!words.starts_with("เอ็ด") && !words.contains("ศูนย์ล้าน"), "{}", words);
    }
}
