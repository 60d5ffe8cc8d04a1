//! How report screens write the domain's values: BE dates in Thai, CE in English, amounts
//! with separators. Formatting only; every figure comes computed from the domain.

use chrono::NaiveDate;

use crate::domain::dates::{format_be_short, format_en, FiscalYear};
use crate::domain::money::Baht;
use crate::domain::reports::Label;
use crate::ui::i18n::Lang;

/// "350,000" (or "350,000.50" when there are satang): screens show whole baht compactly.
pub fn money(b: Baht) -> String {
    b.format_whole_if_round()
}

/// A difference with its sign: "+190,000", "-5,000", "0".
pub fn signed_money(b: Baht) -> String {
    if b.is_zero() || b.is_negative() {
        money(b)
    } else {
        format!("+{}", money(b))
    }
}

/// A count difference with its sign: "+1,200", "-3", "0".
pub fn signed_count(n: i64) -> String {
    if n > 0 {
        format!("+{}", count(n))
    } else {
        count(n)
    }
}

/// "3 ก.พ. 2561" in Thai, "3 Feb 2018" in English.
pub fn date(lang: Lang, d: NaiveDate) -> String {
    match lang {
        Lang::Th => format_be_short(d),
        Lang::En => format_en(d),
    }
}

/// An optional date, with a dash for none.
pub fn opt_date(lang: Lang, d: Option<NaiveDate>) -> String {
    d.map_or_else(|| "–".to_owned(), |d| date(lang, d))
}

/// "ปีงบประมาณ 2561" / "FY2561 (Oct 2017 – Sep 2018)".
pub fn fiscal_year(lang: Lang, fy: FiscalYear) -> String {
    match lang {
        Lang::Th => fy.label_th(),
        Lang::En => fy.label_en(),
    }
}

/// The label of an enum value in the page's language.
pub fn label(lang: Lang, v: &impl Label) -> &'static str {
    match lang {
        Lang::Th => v.label_th(),
        Lang::En => v.label_en(),
    }
}

/// A CSS length for an SVG bar: the share of the full width.
pub fn percent(fraction: f64) -> String {
    format!("{:.2}%", fraction * 100.0)
}

/// Thai alphabetical order (the browser's collation: leading vowels such as เ and โ are
/// not sorted as first letters). Storage returns records by id bucket, so every list a
/// person reads is sorted for display.
pub fn thai_order(a: &str, b: &str) -> std::cmp::Ordering {
    let locales = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str("th"));
    js_sys::JsString::from(a)
        .locale_compare(b, &locales, &js_sys::Object::new())
        .cmp(&0)
}

/// A whole number with thousands separators: "3,132".
pub fn count(n: i64) -> String {
    money(Baht::whole(n))
}

/// How many of something, with thousands separators: "77,749".
pub fn number(n: usize) -> String {
    count(i64::try_from(n).unwrap_or(i64::MAX))
}

/// `Some("th")` for text people typed in Thai script (names, titles, labels), so screen
/// readers switch voice and an English page can tell data from untranslated interface.
pub fn text_lang(s: &str) -> Option<&'static str> {
    s.chars()
        .any(|c| ('\u{0E00}'..='\u{0E7F}').contains(&c))
        .then_some("th")
}
