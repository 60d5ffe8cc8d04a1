//! Date parsing and formatting, BE years and fiscal years, driven by
//! tests/fixtures/dates/*.tsv.

mod common;

use chrono::{Datelike, Days, NaiveDate};
use mueang::domain::dates::{
    be_year, format_be_long, format_be_short, format_en, is_era_suspect, parse_date, DateError,
    FiscalYear, BE_OFFSET,
};
use pretty_assertions::assert_eq;
use proptest::prelude::*;

fn rows(name: &str) -> Vec<(usize, Vec<String>)> {
    common::tsv_rows("dates", name)
}

fn iso(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_else(|e| panic!("fixture date {s}: {e}"))
}

#[test]
fn parse_table() {
    for (line, f) in rows("parse.tsv") {
        let (input, expected) = (&f[0], &f[1]);
        let got = parse_date(input);
        match expected.strip_prefix('!') {
            Some(code) => match got {
                Err(e) => assert_eq!(e.code(), code, "line {line}: {input:?}"),
                Ok(d) => panic!("line {line}: {input:?} parsed as {d}, expected !{code}"),
            },
            None => {
                let got = got.unwrap_or_else(|e| panic!("line {line}: {input:?}: {e}"));
                assert_eq!(got, iso(expected), "line {line}: {input:?}");
            }
        }
    }
}

#[test]
fn format_table() {
    for (line, f) in rows("format.tsv") {
        let d = iso(&f[0]);
        assert_eq!(format_be_short(d), f[1], "line {line}");
        assert_eq!(format_be_long(d), f[2], "line {line}");
        assert_eq!(format_en(d), f[3], "line {line}");
        assert_eq!(be_year(d).to_string(), f[4], "line {line}");
    }
}

#[test]
fn fiscal_year_table() {
    for (line, f) in rows("fiscal_years.tsv") {
        if f[0] == "FY" {
            let fy = FiscalYear(f[1].parse().expect("fixture year"));
            assert_eq!(fy.start(), iso(&f[2]), "line {line}");
            assert_eq!(fy.end(), iso(&f[3]), "line {line}");
            assert_eq!(fy.to_string(), f[4], "line {line}");
            assert_eq!(fy.label_th(), f[5], "line {line}");
            assert_eq!(fy.label_en(), f[6], "line {line}");
        } else {
            let d = iso(&f[0]);
            assert_eq!(FiscalYear::containing(d).to_string(), f[1], "line {line}");
        }
    }
}

#[test]
fn fiscal_year_serialises_as_a_bare_number() {
    assert_eq!(
        serde_json::to_string(&FiscalYear(2561)).expect("serialise"),
        "2561"
    );
    assert_eq!(
        serde_json::from_str::<FiscalYear>("2561").expect("deserialise"),
        FiscalYear(2561)
    );
}

#[test]
fn era_suspect_bounds() {
    let ymd = |y| NaiveDate::from_ymd_opt(y, 6, 1).expect("valid");
    assert!(is_era_suspect(ymd(1899)));
    assert!(!is_era_suspect(ymd(1900)));
    assert!(!is_era_suspect(ymd(2018)));
    assert!(!is_era_suspect(ymd(2200)));
    assert!(is_era_suspect(ymd(2201)));
    // The classic slip: a BE year typed where CE was expected.
    assert!(is_era_suspect(
        parse_date("3 Feb 2561 CE").expect("parses literally")
    ));
}

#[test]
fn no_such_date_messages_explain_the_month() {
    let err = parse_date("29 ก.พ. 2561").expect_err("2018 is not a leap year");
    assert_eq!(
        err,
        DateError::NoSuchDate {
            input: "29 ก.พ. 2561".into(),
            day: 29,
            month: 2,
            year: 2018
        }
    );
    assert!(
        err.message_en().contains("February 2018 has only 28 days"),
        "{err}"
    );
    assert!(
        err.message_th().contains("กุมภาพันธ์ พ.ศ. 2561 มีเพียง 28 วัน"),
        "{}",
        err.message_th()
    );
    let err = parse_date("3/13/2561").expect_err("no month 13");
    assert!(err.message_en().contains("no month 13"), "{err}");
    assert!(
        err.message_th().contains("ไม่มีเดือนที่ 13"),
        "{}",
        err.message_th()
    );
}

#[test]
fn every_error_has_distinct_messages_quoting_the_input() {
    let input = "3 Xyz 2561";
    let errors = [
        DateError::Unrecognised {
            input: input.into(),
        },
        DateError::UnknownMonth {
            input: input.into(),
            month: "Xyz".into(),
        },
        DateError::BadYear {
            input: input.into(),
            year: "256".into(),
        },
        DateError::ConflictingEra {
            input: input.into(),
        },
        DateError::NoSuchDate {
            input: input.into(),
            day: 31,
            month: 4,
            year: 2018,
        },
        DateError::NoSuchDate {
            input: input.into(),
            day: 0,
            month: 4,
            year: 2018,
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
    }
    assert_eq!(parse_date("  "), Err(DateError::Empty));
    assert!(!DateError::Empty.message_th().is_empty());
}

/// Any day from 1 Jan 1900 to 31 Dec 2199.
fn any_date() -> impl Strategy<Value = NaiveDate> {
    let first = NaiveDate::from_ymd_opt(1900, 1, 1).expect("valid");
    let last = NaiveDate::from_ymd_opt(2199, 12, 31).expect("valid");
    let span = u64::try_from((last - first).num_days()).expect("positive");
    (0..=span).prop_map(move |n| first + Days::new(n))
}

proptest! {
    #[test]
    fn short_be_format_reads_back(d in any_date()) {
        prop_assert_eq!(parse_date(&format_be_short(d)), Ok(d));
    }

    #[test]
    fn long_be_format_reads_back(d in any_date()) {
        prop_assert_eq!(parse_date(&format_be_long(d)), Ok(d));
    }

    #[test]
    fn english_format_reads_back(d in any_date()) {
        prop_assert_eq!(parse_date(&format_en(d)), Ok(d));
    }

    #[test]
    fn iso_and_slash_forms_read_back(d in any_date()) {
        prop_assert_eq!(parse_date(&d.format("%Y-%m-%d").to_string()), Ok(d));
        let slash = format!("{}/{}/{}", d.day(), d.month(), be_year(d));
        prop_assert_eq!(parse_date(&slash), Ok(d));
        let thai = mueang::domain::thai_digits::to_thai_digits(&format_be_short(d));
        prop_assert_eq!(parse_date(&thai), Ok(d));
    }

    #[test]
    fn be_year_is_ce_plus_543(d in any_date()) {
        prop_assert_eq!(be_year(d) - d.year(), BE_OFFSET);
        prop_assert!(!is_era_suspect(d));
    }

    #[test]
    fn fiscal_year_contains_its_dates(d in any_date()) {
        let fy = FiscalYear::containing(d);
        prop_assert!(fy.contains(d));
        prop_assert!(fy.start() <= d && d <= fy.end());
        prop_assert!(!FiscalYear(fy.0 + 1).contains(d) && !FiscalYear(fy.0 - 1).contains(d));
        // Fiscal years tile the calendar: each starts the day after the previous one ends.
        prop_assert_eq!(fy.end() + Days::new(1), FiscalYear(fy.0 + 1).start());
        prop_assert_eq!((fy.end() - fy.start()).num_days() + 1, if fy.end().leap_year() { 366 } else { 365 });
    }

    #[test]
    fn parse_never_panics(s in "\\PC{0,30}") {
        let _ = parse_date(&s);
    }
}
