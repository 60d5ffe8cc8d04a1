//! What the survey screens show (issue #12, parts 2–3): a community's households and its
//! progress, the round a new household goes into, what "save and next household" starts
//! from, and the survey rounds list. Household rows never carry the head's name or phone
//! (`PERSONAL_FIELDS`): the list is on a tablet shown round a meeting, and may be printed.

use std::cmp::Ordering;

use chrono::{DateTime, Duration, NaiveDate, Utc};

use crate::domain::lang::{counted, Lang};
use crate::domain::meta::{RecordId, RecordMeta};
use crate::domain::records::survey::{Community, HouseCondition, Household, Need, SurveyRound};
use crate::domain::records::Dataset;
use crate::domain::rules::house_number_key;
use crate::domain::sorting::SortSmall;
use crate::domain::views::choices::{cities, CityName};
use crate::domain::views::entry_lists::ListFilter;
use crate::domain::views::thai_sort::thai_sort_key;

/// How far a community's survey has come: live households of stated ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Progress {
    pub surveyed: usize,
    /// As the community states it (`None` when not stated).
    pub stated: Option<u32>,
}

impl Progress {
    /// "สำรวจแล้ว 3 จาก 40 ครัวเรือน" / "3 of 40 households surveyed", in Thai word order
    /// and with the English plural right; without a stated number, the count alone.
    pub fn text(self, lang: Lang) -> String {
        let n = self.surveyed;
        let (count_th, count_en) = counted(n, "ครัวเรือน", "household", "households");
        match self.stated {
            Some(m) => {
                let (of_th, of_en) = counted(m as usize, "ครัวเรือน", "household", "households");
                let n = grouped(&count_th);
                lang.pick((
                    format!("สำรวจแล้ว {n} จาก {of_th}"),
                    format!("{n} of {of_en} surveyed"),
                ))
            }
            None => lang.pick((
                format!("สำรวจแล้ว {count_th}"),
                format!("{count_en} surveyed"),
            )),
        }
    }
}

/// The number of a [`counted`] text, without its unit.
fn grouped(text: &str) -> &str {
    text.split(' ').next().unwrap_or_default()
}

/// The progress of community `id`.
pub fn survey_progress(ds: &Dataset, id: RecordId) -> Progress {
    Progress {
        surveyed: ds
            .live::<Household>()
            .filter(|h| h.community_id == id)
            .count(),
        stated: ds.get::<Community>(id).and_then(|c| c.households),
    }
}

/// One household in a community's list: no name, no phone.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct HouseholdRow {
    pub id: RecordId,
    pub house_number: String,
    pub members: u32,
    pub condition: Option<HouseCondition>,
    pub need: Option<Need>,
    /// Another live household of the community has the same house number.
    pub repeated: bool,
}

/// Compares house numbers as people count them: "2" before "10", "12/2" before "12/10".
pub fn house_number_order(a: &str, b: &str) -> Ordering {
    house_number_sort_key(a).cmp(&house_number_sort_key(b))
}

/// What [`house_number_order`] compares, built once per house number where many are
/// sorted (a city's household list): runs of digits by value, the rest as text.
pub fn house_number_sort_key(s: &str) -> Vec<(u64, String)> {
    let key = house_number_key(s);
    let mut out = Vec::new();
    let mut digits = String::new();
    let mut other = String::new();
    for c in key.chars() {
        if c.is_ascii_digit() {
            if !other.is_empty() {
                out.push((u64::MAX, std::mem::take(&mut other)));
            }
            digits.push(c);
        } else {
            if !digits.is_empty() {
                out.push((digits.parse().unwrap_or(u64::MAX), String::new()));
                digits.clear();
            }
            other.push(c);
        }
    }
    if !digits.is_empty() {
        out.push((digits.parse().unwrap_or(u64::MAX), String::new()));
    }
    if !other.is_empty() {
        out.push((u64::MAX, other));
    }
    out
}

/// [`house_number_sort_key`] as bytes appended to `out`, for a `house_number_key` already
/// made: byte order is the key's order, so many house numbers sort as slices of one buffer
/// with no allocation each. A run of digits is a 0 byte then its value in 8 big-endian
/// bytes (a run too long for `u64` counts as `u64::MAX`, as the key does); other text is
/// its UTF-8 with bytes 0 and 1 escaped (1, then the byte + 1), so text never looks like a
/// number and sorts after one.
///
/// ```
/// use mueang::domain::views::survey_entry::house_number_sort_bytes;
/// let bytes = |s: &str| { let mut v = Vec::new(); house_number_sort_bytes(s, &mut v); v };
/// assert!(bytes("2") < bytes("10"));
/// assert!(bytes("12/2") < bytes("12/10"));
/// assert!(bytes("12") < bytes("12a"));
/// ```
pub fn house_number_sort_bytes(key: &str, out: &mut Vec<u8>) {
    let mut number: Option<u64> = None;
    let flush = |n: u64, out: &mut Vec<u8>| {
        out.push(0);
        out.extend_from_slice(&n.to_be_bytes());
    };
    for &b in key.as_bytes() {
        if b.is_ascii_digit() {
            let d = u64::from(b - b'0');
            let n = number.unwrap_or(0);
            number = Some(
                n.checked_mul(10)
                    .and_then(|n| n.checked_add(d))
                    .unwrap_or(u64::MAX),
            );
            continue;
        }
        if let Some(n) = number.take() {
            flush(n, out);
        }
        if b <= 1 {
            out.extend_from_slice(&[1, b + 1]);
        } else {
            out.push(b);
        }
    }
    if let Some(n) = number {
        flush(n, out);
    }
}

/// The live households of community `id`, in house-number order (blank numbers last).
pub fn household_rows(ds: &Dataset, id: RecordId) -> Vec<HouseholdRow> {
    let here: Vec<&Household> = ds
        .live::<Household>()
        .filter(|h| h.community_id == id)
        .collect();
    let mut seen: std::collections::HashMap<String, usize> = Default::default();
    for h in &here {
        *seen.entry(house_number_key(&h.house_number)).or_default() += 1;
    }
    let mut rows: Vec<HouseholdRow> = here
        .iter()
        .map(|h| {
            let key = house_number_key(&h.house_number);
            HouseholdRow {
                id: h.meta.id,
                house_number: h.house_number.clone(),
                members: h.members,
                condition: h.condition,
                need: h.need,
                repeated: !key.is_empty() && seen.get(&key).is_some_and(|&n| n > 1),
            }
        })
        .collect();
    rows.sort_by_small(|a, b| {
        let blank = |r: &HouseholdRow| r.house_number.trim().is_empty();
        blank(a)
            .cmp(&blank(b))
            .then_with(|| house_number_order(&a.house_number, &b.house_number))
            .then_with(|| a.id.cmp(&b.id))
    });
    rows
}

/// The round a new household of `city` goes into by default: the city's open round (not
/// closed as of `today`) that started last; `None` when every round is closed.
pub fn open_round(ds: &Dataset, city: RecordId, today: NaiveDate) -> Option<RecordId> {
    ds.live::<SurveyRound>()
        .filter(|r| r.city_id == city && !r.is_closed(today))
        .max_by_key(|r| (r.date, r.meta.id))
        .map(|r| r.meta.id)
}

/// A household entered within this time of the last is part of the same sitting, so the
/// next one keeps its survey date (a surveyor typing in yesterday's paper forms).
const SAME_SITTING: Duration = Duration::hours(12);

/// The blank household "save and next household" (or "start surveying") opens in
/// `community`: the round and surveyor of the household last saved there, and its survey
/// day if it was saved in this sitting; otherwise the city's open round, the person using
/// the app (`meta.updated_by.person`) and `today`.
pub fn next_household(
    ds: &Dataset,
    community: RecordId,
    meta: RecordMeta,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Household {
    let person = meta.updated_by.person.clone();
    let mut h = Household::new(meta, community, "");
    let last = ds
        .live::<Household>()
        .filter(|p| p.community_id == community)
        .max_by_key(|p| (p.meta.updated_at, p.meta.id));
    match last {
        Some(p) => {
            h.round_id = p.round_id;
            h.surveyor = p.surveyor.clone();
            h.surveyed_on = if now - p.meta.updated_at < SAME_SITTING {
                p.surveyed_on.or(Some(today))
            } else {
                Some(today)
            };
        }
        None => {
            let city = ds.get::<Community>(community).map(|c| c.city_id);
            h.round_id = city.and_then(|c| open_round(ds, c, today));
            h.surveyor = person;
            h.surveyed_on = Some(today);
        }
    }
    h
}

/// The rounds a household of `city` may go into, latest first: `(id, title, date)`.
pub fn round_choices(ds: &Dataset, city: RecordId) -> Vec<(RecordId, String, Option<NaiveDate>)> {
    let mut v: Vec<_> = ds
        .live::<SurveyRound>()
        .filter(|r| r.city_id == city)
        .map(|r| (r.meta.id, r.title.clone(), r.date))
        .collect();
    v.sort_by_small(|a, b| b.2.cmp(&a.2).then_with(|| a.0.cmp(&b.0)));
    v
}

/// One survey round in the rounds list.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RoundRow {
    pub id: RecordId,
    pub title: String,
    pub city: Option<CityName>,
    pub date: Option<NaiveDate>,
    pub closed_on: Option<NaiveDate>,
    /// Live households entered in this round.
    pub households: usize,
}

/// Live rounds passing `f` (city, search in titles), by city then latest first.
pub fn round_rows(ds: &Dataset, f: &ListFilter) -> Vec<RoundRow> {
    let names = cities(ds);
    let mut counts: std::collections::HashMap<RecordId, usize> = Default::default();
    for id in ds.live::<Household>().filter_map(|h| h.round_id) {
        *counts.entry(id).or_default() += 1;
    }
    let mut rows: Vec<RoundRow> = ds
        .live::<SurveyRound>()
        .filter_map(|r| {
            let city = names.get(&r.city_id);
            (f.matches_city(city) && f.matches_text(&[r.title.as_str()])).then(|| RoundRow {
                id: r.meta.id,
                title: r.title.clone(),
                city: city.cloned(),
                date: r.date,
                closed_on: r.closed_on,
                households: counts.get(&r.meta.id).copied().unwrap_or(0),
            })
        })
        .collect();
    rows.sort_by_cached_key_small(|r| {
        (
            thai_sort_key(r.city.as_ref().map_or("", |c| c.th.as_str())),
            std::cmp::Reverse(r.date),
            r.id,
        )
    });
    rows
}

#[cfg(test)]
mod tests;
