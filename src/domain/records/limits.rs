//! The range every stored value makes sense in. Files are refused when a value is outside
//! (`sync::checks`), the rule `value.out_of_range` reports one already in the store, and
//! the forms use the same bounds. Within these ranges no sum, share or difference the
//! rules and reports compute can overflow; docs/rules.md lists them.

use std::ops::RangeInclusive;

use rust_decimal::Decimal;

use crate::domain::dates::FiscalYear;
use crate::domain::money::Baht;
use crate::domain::text::first_invisible;

use super::{
    City, Committee, CommitteeGrant, Instalment, Meeting, Mou, ProgrammeParameters, Project,
    Province, ProvinceGrant, Region, StatedTotal,
};

/// Fiscal years (BE) a record may name; the same bounds as the forms.
pub const FISCAL_YEARS: RangeInclusive<u16> = 2500..=2700;
/// Instalment numbers (the programme pays two; forms allow up to twelve).
pub const INSTALMENT_NUMBERS: RangeInclusive<u64> = 1..=12;
/// People from one sector at one meeting.
pub const MAX_ATTENDANCE: u64 = 100_000;
/// Cities or provinces in a stated total.
pub const MAX_STATED_COUNT: u64 = 1_000_000;
/// Characters in a name, title, place, position, contact or reference.
pub const MAX_NAME_CHARS: usize = 300;
/// Characters in a description, decisions, completion report or stated total's label.
pub const MAX_TEXT_CHARS: usize = 10_000;
/// Records of one kind in a file (tombstones and conflict versions included).
pub const MAX_RECORDS_PER_KIND: usize = 1_000_000;
/// Bytes in a file: checked before it is parsed.
pub const MAX_FILE_BYTES: usize = 256 * 1024 * 1024;
/// Characters of a refused value quoted back in a message.
const SHOWN_CHARS: usize = 40;

/// What a field allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Allowed {
    /// 0 to [`Baht::LIMIT`] baht.
    Amount,
    /// 0 to 1 (0 % to 100 %).
    Share,
    /// A BE year in [`FISCAL_YEARS`].
    FiscalYear,
    /// A whole number in this range.
    Count { min: u64, max: u64 },
    /// At most this many characters.
    Length { max: usize },
    /// No zero-width or bidi control character (this one was found).
    Visible { found: char },
    /// A latitude within Thailand ([`survey::ranges::latitudes`](super::survey::ranges::latitudes)).
    Latitude,
    /// A longitude within Thailand.
    Longitude,
    /// An attachment's hash, media type, size or file name ([`super::attachment`]).
    Attachment(super::attachment::AttachmentRule),
}

impl Allowed {
    pub fn th(self) -> String {
        match self {
            Allowed::Amount => "ต้องอยู่ระหว่าง 0 ถึง 1,000,000,000,000 บาท".to_owned(),
            Allowed::Share => "ต้องอยู่ระหว่าง 0 ถึง 1 (0% ถึง 100%)".to_owned(),
            Allowed::FiscalYear => "ต้องเป็นปีงบประมาณ พ.ศ. 2500 ถึง 2700".to_owned(),
            Allowed::Count { min, max } => format!("ต้องเป็นจำนวนเต็ม {min} ถึง {max}"),
            Allowed::Length { max } => format!("ยาวได้ไม่เกิน {max} ตัวอักษร"),
            Allowed::Visible { found } => format!(
                "มีอักขระที่มองไม่เห็น (U+{:04X}) ซึ่งใช้ในชื่อไม่ได้ เพราะจะติดไปในเอกสารที่พิมพ์และไฟล์ CSV",
                u32::from(found)
            ),
            Allowed::Latitude | Allowed::Longitude => super::survey::ranges::allowed_th(self),
            Allowed::Attachment(rule) => super::attachment::allowed_th(rule),
        }
    }

    pub fn en(self) -> String {
        match self {
            Allowed::Amount => "must be from 0 to 1,000,000,000,000 baht".to_owned(),
            Allowed::Share => "must be from 0 to 1 (0% to 100%)".to_owned(),
            Allowed::FiscalYear => "must be a BE fiscal year from 2500 to 2700".to_owned(),
            Allowed::Count { min, max } => format!("must be a whole number from {min} to {max}"),
            Allowed::Length { max } => format!("may have at most {max} characters"),
            Allowed::Visible { found } => format!(
                "holds an invisible character (U+{:04X}), which a name may not: it would end up \
                 on printed documents and in CSV files",
                u32::from(found)
            ),
            Allowed::Latitude | Allowed::Longitude => super::survey::ranges::allowed_en(self),
            Allowed::Attachment(rule) => super::attachment::allowed_en(rule),
        }
    }
}

/// A value outside its range: the field (as in files, e.g. `budgets[0].approved_ceiling`),
/// the value as shown (at most 40 characters) and what the field allows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutOfRange {
    pub field: String,
    pub value: String,
    pub allowed: Allowed,
}

/// Records whose values can be checked against their ranges.
pub trait Ranged {
    /// Calls `out` with every value of this record outside its range, in field order.
    fn out_of_range(&self, out: &mut dyn FnMut(OutOfRange));
}

/// Collects problems; field names are only written out for a problem, since this runs
/// for every record of every import.
pub(crate) struct Check<'a> {
    pub(crate) out: &'a mut dyn FnMut(OutOfRange),
}

impl Check<'_> {
    pub(crate) fn report(
        &mut self,
        field: impl FnOnce() -> String,
        value: String,
        allowed: Allowed,
    ) {
        (self.out)(OutOfRange {
            field: field(),
            value,
            allowed,
        });
    }

    pub(crate) fn amount(&mut self, field: impl FnOnce() -> String, v: Baht) {
        if !v.in_range() {
            self.report(field, shown(&v.to_canonical_string()), Allowed::Amount);
        }
    }

    pub(crate) fn share(&mut self, field: impl FnOnce() -> String, v: Decimal) {
        if v.is_sign_negative() && !v.is_zero() || v > Decimal::ONE {
            self.report(field, shown(&v.to_string()), Allowed::Share);
        }
    }

    pub(crate) fn year(&mut self, field: impl FnOnce() -> String, fy: FiscalYear) {
        if !FISCAL_YEARS.contains(&fy.0) {
            self.report(field, fy.0.to_string(), Allowed::FiscalYear);
        }
    }

    pub(crate) fn count(
        &mut self,
        field: impl FnOnce() -> String,
        v: u64,
        range: RangeInclusive<u64>,
    ) {
        if !range.contains(&v) {
            let (min, max) = range.into_inner();
            self.report(field, v.to_string(), Allowed::Count { min, max });
        }
    }

    pub(crate) fn text(&mut self, field: impl FnOnce() -> String, s: &str, max: usize) {
        if let Some(len) = too_long(s, max) {
            let value = format!("{} ({len})", shown(s));
            self.report(field, value, Allowed::Length { max });
        }
    }

    /// A name: a length limit, and nothing invisible.
    pub(crate) fn name(&mut self, field: impl Fn() -> String, s: &str) {
        self.text(&field, s, MAX_NAME_CHARS);
        if let Some(found) = first_invisible(s) {
            self.report(field, shown(s), Allowed::Visible { found });
        }
    }
}

/// The length of `s` in characters if it is over `max`; counts only when the byte length
/// says it might be.
pub fn too_long(s: &str, max: usize) -> Option<usize> {
    if s.len() <= max || s.char_indices().nth(max).is_none() {
        return None;
    }
    Some(s.chars().count())
}

/// A value as quoted in a message: at most 40 characters.
pub fn shown(s: &str) -> String {
    match s.char_indices().nth(SHOWN_CHARS) {
        Some((cut, _)) => format!("{}…", &s[..cut]),
        None => s.to_owned(),
    }
}

pub(crate) fn at(list: &str, i: usize, field: &str) -> String {
    format!("{list}[{i}].{field}")
}

macro_rules! ranged {
    ($ty:ty, |$r:ident, $c:ident| $body:block) => {
        impl Ranged for $ty {
            fn out_of_range(&self, out: &mut dyn FnMut(OutOfRange)) {
                let $r = self;
                let $c = &mut Check { out };
                $body
            }
        }
    };
}
pub(crate) use ranged;

ranged!(Region, |r, c| {
    c.text(|| "code".into(), &r.code, MAX_NAME_CHARS);
    c.name(|| "name_th".into(), &r.name_th);
    c.name(|| "name_en".into(), &r.name_en);
});

ranged!(Province, |r, c| {
    c.text(|| "code".into(), &r.code, MAX_NAME_CHARS);
    c.name(|| "name_th".into(), &r.name_th);
    c.name(|| "name_en".into(), &r.name_en);
});

ranged!(City, |r, c| {
    c.name(|| "name_th".into(), &r.name_th);
    c.name(|| "name_en".into(), &r.name_en);
    for (i, b) in r.budgets.iter().enumerate() {
        c.year(|| at("budgets", i, "fiscal_year"), b.fiscal_year);
        c.amount(|| at("budgets", i, "approved_ceiling"), b.approved_ceiling);
    }
});

ranged!(Committee, |r, c| {
    c.name(|| "name".into(), &r.name);
    for (i, m) in r.members.iter().enumerate() {
        c.name(|| at("members", i, "name"), &m.name);
        c.text(|| at("members", i, "contact"), &m.contact, MAX_NAME_CHARS);
    }
});

ranged!(Meeting, |r, c| {
    c.text(|| "place".into(), &r.place, MAX_NAME_CHARS);
    c.text(|| "decisions".into(), &r.decisions, MAX_TEXT_CHARS);
    for (i, a) in r.attendance.iter().enumerate() {
        let n = u64::from(a.count);
        c.count(|| at("attendance", i, "count"), n, 0..=MAX_ATTENDANCE);
    }
    for (i, p) in r.problems.iter().enumerate() {
        c.text(
            || at("problems", i, "description"),
            &p.description,
            MAX_TEXT_CHARS,
        );
    }
    super::attachment::check(c, &r.attachments);
});

ranged!(Project, |r, c| {
    c.year(|| "fiscal_year".into(), r.fiscal_year);
    c.name(|| "proposer".into(), &r.proposer);
    c.name(|| "title".into(), &r.title);
    c.text(|| "description".into(), &r.description, MAX_TEXT_CHARS);
    if let Some(a) = r.amount_requested {
        c.amount(|| "amount_requested".into(), a);
    }
    if let Some(a) = r.amount_approved {
        c.amount(|| "amount_approved".into(), a);
    }
    for (i, f) in r.co_funding.iter().enumerate() {
        c.text(|| at("co_funding", i, "source"), &f.source, MAX_NAME_CHARS);
        c.amount(|| at("co_funding", i, "amount"), f.amount);
    }
    let pct = u64::from(r.progress_percent);
    c.count(|| "progress_percent".into(), pct, 0..=100);
    // The form's bound: a project reaches at most as many households as one community may
    // state, so the reports' sums stay in range (and a file saying more is refused).
    if let Some(n) = r.households_reached {
        let max = super::survey::ranges::MAX_COMMUNITY_HOUSEHOLDS;
        c.count(|| "households_reached".into(), u64::from(n), 0..=max);
    }
    c.text(
        || "completion_report".into(),
        &r.completion_report,
        MAX_TEXT_CHARS,
    );
    super::attachment::check(c, &r.attachments);
});

ranged!(ProvinceGrant, |r, c| {
    c.year(|| "fiscal_year".into(), r.fiscal_year);
    c.amount(|| "amount".into(), r.amount);
});

ranged!(CommitteeGrant, |r, c| {
    c.year(|| "fiscal_year".into(), r.fiscal_year);
    c.amount(|| "amount".into(), r.amount);
});

ranged!(Mou, |r, c| {
    c.name(|| "title".into(), &r.title);
    c.text(|| "place".into(), &r.place, MAX_NAME_CHARS);
    for (i, s) in r.signatories.iter().enumerate() {
        c.name(|| at("signatories", i, "name"), &s.name);
        c.text(
            || at("signatories", i, "position"),
            &s.position,
            MAX_NAME_CHARS,
        );
    }
    if let Some(w) = &r.witness {
        c.name(|| "witness.name".into(), &w.name);
        c.text(|| "witness.position".into(), &w.position, MAX_NAME_CHARS);
    }
    super::attachment::check(c, &r.attachments);
});

ranged!(Instalment, |r, c| {
    c.year(|| "fiscal_year".into(), r.fiscal_year);
    c.count(|| "number".into(), u64::from(r.number), INSTALMENT_NUMBERS);
    if let Some(s) = r.planned_share {
        c.share(|| "planned_share".into(), s);
    }
    c.amount(|| "amount".into(), r.amount);
    c.text(|| "reference".into(), &r.reference, MAX_NAME_CHARS);
    super::attachment::check(c, &r.attachments);
});

ranged!(ProgrammeParameters, |r, c| {
    c.year(|| "fiscal_year".into(), r.fiscal_year);
    c.amount(|| "project_max".into(), r.project_max);
    c.amount(|| "city_max".into(), r.city_max);
    let city_town = r.committee_grant_city_town;
    c.amount(|| "committee_grant_city_town".into(), city_town);
    let subdistrict = r.committee_grant_subdistrict;
    c.amount(|| "committee_grant_subdistrict".into(), subdistrict);
    c.amount(|| "province_grant".into(), r.province_grant);
    let share = r.first_instalment_share;
    c.share(|| "first_instalment_share".into(), share);
});

ranged!(StatedTotal, |r, c| {
    c.text(|| "label".into(), &r.label, MAX_TEXT_CHARS);
    c.year(|| "fiscal_year".into(), r.fiscal_year);
    c.text(|| "source".into(), &r.source, MAX_TEXT_CHARS);
    if let Some(n) = r.cities {
        c.count(|| "cities".into(), u64::from(n), 0..=MAX_STATED_COUNT);
    }
    if let Some(n) = r.provinces {
        c.count(|| "provinces".into(), u64::from(n), 0..=MAX_STATED_COUNT);
    }
    if let Some(a) = r.amount {
        c.amount(|| "amount".into(), a);
    }
});

/// Every value of `r` out of range, for the tests here and of the survey's ranges.
#[cfg(test)]
pub(crate) fn problems<R: Ranged>(r: &R) -> Vec<OutOfRange> {
    let mut v = Vec::new();
    r.out_of_range(&mut |p| v.push(p));
    v
}

#[cfg(test)]
#[path = "limits_tests.rs"]
mod tests;
