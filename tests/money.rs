//! Baht parsing, formatting, shares and serde, driven by tests/fixtures/money/*.tsv.

mod common;

use std::str::FromStr;

use mueang::domain::money::{Baht, MoneyError};
use pretty_assertions::assert_eq;
use proptest::prelude::*;
use rust_decimal::Decimal;

fn rows(name: &str) -> Vec<(usize, Vec<String>)> {
    common::tsv_rows("money", name)
}

fn amount(canonical: &str) -> Baht {
    Baht::from_decimal(Decimal::from_str(canonical).expect("fixture amount is a decimal"))
}

#[test]
fn parse_table() {
    for (line, f) in rows("parse.tsv") {
        let (input, expected) = (&f[0], &f[1]);
        let got = Baht::parse(input);
        match expected.strip_prefix('!') {
            Some(code) => match got {
                Err(e) => assert_eq!(e.code(), code, "line {line}: {input:?}"),
                Ok(b) => panic!("line {line}: {input:?} parsed as {b:?}, expected !{code}"),
            },
            None => {
                let got = got.unwrap_or_else(|e| panic!("line {line}: {input:?}: {e}"));
                assert_eq!(
                    got.to_canonical_string(),
                    *expected,
                    "line {line}: {input:?}"
                );
            }
        }
    }
}

#[test]
fn format_table() {
    for (line, f) in rows("format.tsv") {
        let b = amount(&f[0]);
        assert_eq!(b.format(), f[1], "line {line}");
        assert_eq!(b.format_whole_if_round(), f[2], "line {line}");
    }
}

#[test]
fn share_table() {
    for (line, f) in rows("share.tsv") {
        let share = Decimal::from_str(&f[1]).expect("fixture share is a decimal");
        let got = amount(&f[0]).share(share);
        assert_eq!(got.to_canonical_string(), f[2], "line {line}");
    }
}

#[test]
fn deserialize_table() {
    for (line, f) in rows("deserialize.tsv") {
        let (json, expected) = (&f[0], &f[1]);
        let got = serde_json::from_str::<Baht>(json);
        match expected.strip_prefix('!') {
            Some(needle) => {
                let err = got
                    .expect_err(&format!("line {line}: {json} should fail"))
                    .to_string();
                assert!(
                    err.contains(needle),
                    "line {line}: {json}: {err:?} lacks {needle:?}"
                );
            }
            None => {
                let got = got.unwrap_or_else(|e| panic!("line {line}: {json}: {e}"));
                assert_eq!(got.to_canonical_string(), *expected, "line {line}");
            }
        }
    }
}

#[test]
fn serialises_as_string_with_two_decimals() {
    let json = serde_json::to_string(&Baht::whole(350_000)).expect("serialise");
    assert_eq!(json, "\"350000.00\"");
    let json = serde_json::to_string(&Baht::from_satang(5)).expect("serialise");
    assert_eq!(json, "\"0.05\"");
}

#[test]
fn bad_amount_inside_a_record_names_the_problem() {
    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct Grant {
        amount: Baht,
    }
    let err = serde_json::from_str::<Grant>(r#"{"amount": "-5"}"#).expect_err("negative");
    let text = err.to_string();
    assert!(text.contains("invalid baht amount"), "{text}");
    assert!(text.contains("\"-5\""), "{text}");
    assert!(text.contains("line 1"), "{text}");
}

#[test]
fn every_error_has_distinct_messages_quoting_the_input() {
    let input = "12,34x";
    let errors = [
        MoneyError::Invalid {
            input: input.into(),
        },
        MoneyError::Negative {
            input: input.into(),
        },
        MoneyError::TooManyDecimals {
            input: input.into(),
        },
        MoneyError::MisplacedComma {
            input: input.into(),
        },
        MoneyError::TooLarge {
            input: input.into(),
        },
    ];
    let mut seen = std::collections::HashSet::new();
    for e in &errors {
        assert!(e.message_th().contains(input), "{e:?}");
        assert!(e.message_en().contains(input), "{e:?}");
        assert_eq!(e.to_string(), e.message_en());
        assert!(
            seen.insert(e.message_th()) && seen.insert(e.message_en()),
            "{e:?}"
        );
        assert!(seen.insert(e.code().to_owned()), "{e:?}");
    }
    assert!(!MoneyError::Empty.message_th().is_empty());
    assert!(seen.insert(MoneyError::Empty.code().to_owned()));
}

#[test]
fn long_input_is_cut_in_messages() {
    let input = "x".repeat(500);
    let err = Baht::parse(&input).expect_err("garbage");
    assert!(
        err.message_en().chars().count() < 200,
        "{}",
        err.message_en()
    );
    assert!(err.message_en().contains('…'));
}

#[test]
fn arithmetic_and_helpers() {
    let cap = Baht::whole(500_000);
    let first = cap.share(Decimal::new(70, 2));
    assert_eq!(cap - first, Baht::whole(150_000));
    assert_eq!([first, cap - first].iter().sum::<Baht>(), cap);
    let mut running = Baht::ZERO;
    running += Baht::whole(30_000);
    running -= Baht::whole(40_000);
    assert!(running.is_negative());
    assert!(!running.is_zero());
    assert!((Baht::whole(5) - Baht::whole(5)).is_zero());
    assert_eq!(Baht::whole(3).max(Baht::whole(7)), Baht::whole(7));
    assert_eq!(Baht::LIMIT, Baht::whole(1_000_000_000_000));
    assert_eq!(Baht::from_decimal(Decimal::new(-1, 3)).format(), "0.00");
}

/// Any amount the programme accepts: 0 to 10¹² baht in whole satang.
fn any_amount() -> impl Strategy<Value = Baht> {
    (0i64..=100_000_000_000_000).prop_map(Baht::from_satang)
}

proptest! {
    #[test]
    fn parse_reads_back_format(b in any_amount()) {
        prop_assert_eq!(Baht::parse(&b.format()), Ok(b));
        prop_assert_eq!(Baht::parse(&b.format_whole_if_round()), Ok(b));
        prop_assert_eq!(Baht::parse(&b.to_canonical_string()), Ok(b));
    }

    #[test]
    fn thai_digits_read_like_ascii(b in any_amount()) {
        let thai = mueang::domain::thai_digits::to_thai_digits(&b.format());
        prop_assert_eq!(Baht::parse(&format!("{thai} บาท")), Ok(b));
    }

    #[test]
    fn json_round_trip(b in any_amount()) {
        let json = serde_json::to_string(&b).expect("serialise");
        prop_assert!(json.starts_with('"') && json.contains('.'));
        prop_assert_eq!(serde_json::from_str::<Baht>(&json).expect("deserialise"), b);
    }

    #[test]
    fn shares_of_a_whole_never_drift_more_than_a_satang(b in any_amount(), pct in 0u32..=100) {
        let share = Decimal::new(i64::from(pct), 2);
        let part = b.share(share);
        let rest = b.share(Decimal::ONE - share);
        let gap = (part + rest - b).as_decimal().abs();
        prop_assert!(gap <= Decimal::new(1, 2), "{part:?} + {rest:?} vs {b:?}");
    }

    #[test]
    fn parse_never_panics(s in "\\PC{0,30}") {
        let _ = Baht::parse(&s);
        let _ = serde_json::from_str::<Baht>(&serde_json::to_string(&s).expect("string"));
    }
}
