//! Wording shared by the rules: amounts, dates and record names in Thai and English, and
//! the name normalisation that duplicate detection relies on.

use chrono::NaiveDate;

use crate::domain::dates::{format_be_short, format_en};
use crate::domain::meta::RecordId;
use crate::domain::money::Baht;
use crate::domain::records::City;

use super::context::Ctx;

pub fn baht_th(b: Baht) -> String {
    format!("{} บาท", b.format())
}

pub fn baht_en(b: Baht) -> String {
    format!("{} baht", b.format())
}

pub fn date_th(d: NaiveDate) -> String {
    format_be_short(d)
}

pub fn date_en(d: NaiveDate) -> String {
    format_en(d)
}

/// A city as Thai readers know it, with a fallback that still lets staff find the record.
pub fn city_th(ctx: &Ctx<'_>, id: RecordId) -> String {
    match ctx.city(id) {
        Some(c) if !c.name_th.trim().is_empty() => c.name_th.clone(),
        _ => format!("เมือง {id}"),
    }
}

pub fn city_en(ctx: &Ctx<'_>, id: RecordId) -> String {
    ctx.city(id)
        .map_or_else(|| format!("city {id}"), city_name_en)
}

/// English name, else the Thai one: many records only have the official Thai name.
pub fn city_name_en(c: &City) -> String {
    match (c.name_en.trim(), c.name_th.trim()) {
        ("", "") => format!("city {}", c.meta.id),
        ("", th) => th.to_string(),
        (en, _) => en.to_string(),
    }
}

/// Written-out forms of unit-type abbreviations that staff use interchangeably.
const UNIT_ABBREVIATIONS: [(&str, &str); 4] = [
    ("อบต.", "องค์การบริหารส่วนตำบล"),
    ("ทน.", "เทศบาลนคร"),
    ("ทม.", "เทศบาลเมือง"),
    ("ทต.", "เทศบาลตำบล"),
];

/// Titles that do not tell two people apart; longest first so "นางสาว" wins over "นาง".
const HONORIFICS: [&str; 10] = [
    "นางสาว",
    "น.ส.",
    "นาง",
    "นาย",
    "ด.ช.",
    "ด.ญ.",
    "mrs.",
    "miss",
    "mr.",
    "ms.",
];

/// Spaces and case differ between two typings of one name; they never tell names apart.
/// Only ASCII is case-folded: Thai has no case, and full Unicode folding made duplicate
/// detection the slowest rule.
fn squash(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    out.extend(
        s.chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| c.to_ascii_lowercase()),
    );
    out
}

/// "อบต. หนองบัว" and "องค์การบริหารส่วนตำบลหนองบัว" are the same unit.
pub fn normalise_place_name(name: &str) -> String {
    let s = squash(name);
    for (short, long) in UNIT_ABBREVIATIONS {
        if let Some(rest) = s.strip_prefix(short) {
            return format!("{long}{rest}");
        }
    }
    s
}

/// "นางมณีพรรณ โคตรบุตร" and "มณีพรรณ  โคตรบุตร" are the same person.
pub fn normalise_person_name(name: &str) -> String {
    let s = squash(name);
    for title in HONORIFICS {
        if s.len() > title.len() && s.starts_with(title) {
            return s[title.len()..].to_string();
        }
    }
    s
}

pub fn is_blank(s: &str) -> bool {
    s.trim().is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviated_and_spaced_unit_names_normalise_alike() {
        assert_eq!(
            normalise_place_name("อบต. หนองบัว"),
            normalise_place_name("องค์การบริหารส่วนตำบลหนองบัว")
        );
        assert_ne!(
            normalise_place_name("ทม.น่าน"),
            normalise_place_name("เทศบาลตำบลน่าน")
        );
    }

    #[test]
    fn titles_and_spaces_do_not_tell_people_apart() {
        assert_eq!(
            normalise_person_name("นางมณีพรรณ โคตรบุตร"),
            normalise_person_name(" มณีพรรณ  โคตรบุตร")
        );
        assert_eq!(
            normalise_person_name("Mr. Siam N"),
            normalise_person_name("siam n")
        );
        assert_ne!(
            normalise_person_name("นางสาวเอ"),
            normalise_person_name("นายบี")
        );
    }
}
