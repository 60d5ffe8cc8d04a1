//! A city's households in one list (`/survey/city/:id/households`) that filters by
//! community, condition, need, land tenure and words, and sorts, within a frame for a
//! region's 100,000 (issue #12, parts 5 and 7). The work that does not change while a
//! person filters — reading the households, folding texts, ordering house numbers — is done
//! once in [`HouseholdIndex::new`]; [`HouseholdIndex::select`] then only compares small
//! numbers and short strings, and the screen shows a page of the result at a time.
//!
//! Names and phones are personal data (PDPA): the screen hides them unless the person
//! chooses to see them, and words are looked for in them only while they are shown, so a
//! search cannot reveal what the list does not show.

use crate::domain::meta::RecordId;
use crate::domain::records::survey::{Community, HouseCondition, Household, LandTenure, Need};
use crate::domain::records::Dataset;
use crate::domain::rules::IdMap;
use crate::domain::text::normalise_name_into;
use crate::domain::thai_digits::thai_digit_value;
use crate::domain::views::survey_entry::house_number_sort_bytes;
use crate::domain::views::thai_sort::thai_sort_key;

/// One household as the list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HouseholdLine {
    pub id: RecordId,
    /// Position in [`HouseholdIndex::communities`].
    pub community: usize,
    pub house_number: String,
    /// Personal data: shown only on request.
    pub head_name: String,
    /// Personal data: shown only on request.
    pub phone: String,
    pub members: u32,
    pub condition: Option<HouseCondition>,
    pub need: Option<Need>,
    pub land_tenure: Option<LandTenure>,
}

/// The order of the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum HouseholdSort {
    /// By community (Thai order), then house number.
    #[default]
    Community,
    /// By house number as people count ("2" before "10"); one number twice by record id.
    HouseNumber,
    /// Most members first.
    Members,
    /// Worst condition first (dilapidated, needs repair, good, not recorded).
    Condition,
}

impl HouseholdSort {
    pub const ALL: [HouseholdSort; 4] = [
        HouseholdSort::Community,
        HouseholdSort::HouseNumber,
        HouseholdSort::Members,
        HouseholdSort::Condition,
    ];

    pub fn key(self) -> &'static str {
        match self {
            HouseholdSort::Community => "community",
            HouseholdSort::HouseNumber => "house",
            HouseholdSort::Members => "members",
            HouseholdSort::Condition => "condition",
        }
    }

    pub fn from_key(s: &str) -> Option<HouseholdSort> {
        HouseholdSort::ALL.into_iter().find(|k| k.key() == s)
    }
}

/// What the person filters by; empty fields let everything through.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HouseholdFilter {
    pub community: Option<RecordId>,
    pub condition: Option<HouseCondition>,
    pub need: Option<Need>,
    pub land_tenure: Option<LandTenure>,
    /// Words looked for in house numbers and community names, and in names and phones
    /// when `personal` is on.
    pub text: String,
    /// Names and phones are shown (and searched).
    pub personal: bool,
}

/// One household as the index keeps it: what filters and orders read, no text.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Row {
    id: RecordId,
    community: u32,
    members: u32,
    condition: Option<HouseCondition>,
    need: Option<Need>,
    land_tenure: Option<LandTenure>,
}

/// Texts laid end to end in one buffer, `at[i]..at[i + 1]` the `i`-th: one allocation for
/// a city's 100,000 households instead of one (or three) each, which was most of the
/// index's time in wasm.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Texts {
    text: String,
    at: Vec<u32>,
}

impl Default for Texts {
    fn default() -> Texts {
        Texts {
            text: String::new(),
            at: vec![0],
        }
    }
}

impl Texts {
    /// Ends the text being appended to `text`.
    fn close(&mut self) {
        self.at
            .push(u32::try_from(self.text.len()).unwrap_or(u32::MAX));
    }

    fn get(&self, i: usize) -> &str {
        match (self.at.get(i), self.at.get(i + 1)) {
            (Some(&a), Some(&b)) => self.text.get(a as usize..b as usize).unwrap_or(""),
            _ => "",
        }
    }
}

/// A city's live households, prepared for filtering and sorting.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HouseholdIndex {
    /// The city's live communities, in Thai order: (id, name).
    pub communities: Vec<(RecordId, String)>,
    rows: Vec<Row>,
    /// Per row, three texts as typed: house number, head's name, phone.
    typed: Texts,
    /// Per community: its name, folded for searching.
    community_text: Vec<String>,
    /// Per row: the house number folded ([`crate::domain::rules::house_number_key`]).
    house_text: Texts,
    /// Per row: the head's name and phone, folded: "name\u{1f}phone".
    personal_text: Texts,
    /// Every row in each order ([`HouseholdSort`] as index), built once, so a selection
    /// only walks one and keeps what passes the filter: no sorting while a person types.
    orders: [Vec<u32>; 4],
}

/// Thai digits as ASCII, for [`normalise_name_into`].
fn ascii_digit(c: char) -> char {
    thai_digit_value(c).unwrap_or(c)
}

/// How words are compared: the project's name folding, Thai digits as ASCII.
fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    normalise_name_into(s, ascii_digit, true, &mut out);
    out
}

fn small(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// `order` regrouped by `key` (below `buckets`), keeping its order within a key: a
/// counting sort, linear where a comparison sort of 100,000 is not.
fn bucketed(order: &[u32], buckets: usize, key: impl Fn(u32) -> usize) -> Vec<u32> {
    let mut start = vec![0usize; buckets + 1];
    for &i in order {
        start[key(i) + 1] += 1;
    }
    for b in 0..buckets {
        start[b + 1] += start[b];
    }
    let mut out = vec![0u32; order.len()];
    for &i in order {
        let slot = &mut start[key(i)];
        out[*slot] = i;
        *slot += 1;
    }
    out
}

impl HouseholdIndex {
    /// The live households of the live communities of `city`.
    ///
    /// ```
    /// use mueang::domain::demo_survey::demo_survey;
    /// use mueang::domain::views::household_list::{HouseholdFilter, HouseholdIndex, HouseholdSort};
    /// let ds = demo_survey(240, 1).records;
    /// let index = HouseholdIndex::new(&ds, ds.cities[0].meta.id);
    /// assert_eq!(index.len(), 20);
    /// let all = index.select(&HouseholdFilter::default(), HouseholdSort::Community);
    /// assert_eq!(all.len(), 20);
    /// ```
    pub fn new(ds: &Dataset, city: RecordId) -> HouseholdIndex {
        let mut communities: Vec<(RecordId, String)> = ds
            .live::<Community>()
            .filter(|c| c.city_id == city)
            .map(|c| (c.meta.id, c.name.clone()))
            .collect();
        communities.sort_by_cached_key(|(id, name)| (thai_sort_key(name), *id));
        let position: IdMap<RecordId, u32> = communities
            .iter()
            .enumerate()
            .map(|(i, (id, _))| (*id, small(i)))
            .collect();
        let community_text: Vec<String> = communities.iter().map(|(_, n)| fold(n)).collect();
        let mut rows = Vec::new();
        let mut typed = Texts::default();
        let mut house_text = Texts::default();
        let mut personal_text = Texts::default();
        // The house numbers' sort keys as bytes (see house_number_sort_bytes), likewise.
        let mut sort_bytes: Vec<u8> = Vec::new();
        let mut sort_at = vec![0u32];
        for h in ds.live::<Household>() {
            let Some(&community) = position.get(&h.community_id) else {
                continue;
            };
            for t in [&h.house_number, &h.head_name, &h.phone] {
                typed.text.push_str(t);
                typed.close();
            }
            let from = house_text.text.len();
            normalise_name_into(&h.house_number, ascii_digit, false, &mut house_text.text);
            house_number_sort_bytes(&house_text.text[from..], &mut sort_bytes);
            house_text.close();
            sort_at.push(small(sort_bytes.len()));
            let p = &mut personal_text.text;
            normalise_name_into(&h.head_name, ascii_digit, true, p);
            p.push('\u{1f}');
            p.extend(
                h.phone
                    .chars()
                    .map(ascii_digit)
                    .filter(|c| !c.is_whitespace() && *c != '-'),
            );
            personal_text.close();
            rows.push(Row {
                id: h.meta.id,
                community,
                members: h.members,
                condition: h.condition,
                need: h.need,
                land_tenure: h.land_tenure,
            });
        }
        let key = |i: u32| {
            let i = i as usize;
            sort_bytes
                .get(sort_at[i] as usize..sort_at[i + 1] as usize)
                .unwrap_or(&[])
        };
        let mut by_house: Vec<u32> = (0..small(rows.len())).collect();
        by_house.sort_unstable_by(|&a, &b| {
            key(a)
                .cmp(key(b))
                .then_with(|| rows[a as usize].id.cmp(&rows[b as usize].id))
        });
        // The other orders regroup the house-number order by one small key, so ties stay
        // in house-number order without comparing house numbers again.
        let row = |i: u32| &rows[i as usize];
        let by_community = bucketed(&by_house, communities.len().max(1), |i| {
            row(i).community as usize
        });
        let by_condition = bucketed(&by_house, 4, |i| {
            usize::from(condition_order(row(i).condition))
        });
        let most = rows.iter().map(|r| r.members).max().unwrap_or(0);
        let by_members = if most <= 10_000 {
            bucketed(&by_house, most as usize + 1, |i| {
                (most - row(i).members) as usize
            })
        } else {
            // Out-of-range counts in stored data: a comparison sort, still stable.
            let mut o = by_house.clone();
            o.sort_by_key(|&i| u32::MAX - row(i).members);
            o
        };
        HouseholdIndex {
            communities,
            rows,
            typed,
            community_text,
            house_text,
            personal_text,
            orders: [by_community, by_house, by_members, by_condition],
        }
    }

    /// How many households the index holds.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether the city has no live household.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The household at position `i` (as [`HouseholdIndex::select`] gives them) as the list
    /// shows it; `None` past the end.
    pub fn line(&self, i: u32) -> Option<HouseholdLine> {
        let i = i as usize;
        let r = self.rows.get(i)?;
        let text = |k: usize| self.typed.get(3 * i + k).to_owned();
        Some(HouseholdLine {
            id: r.id,
            community: r.community as usize,
            house_number: text(0),
            head_name: text(1),
            phone: text(2),
            members: r.members,
            condition: r.condition,
            need: r.need,
            land_tenure: r.land_tenure,
        })
    }

    /// Positions (for [`HouseholdIndex::line`]) of the households passing `f`, in `sort`'s
    /// order (ties by house number, so the order never depends on storage).
    pub fn select(&self, f: &HouseholdFilter, sort: HouseholdSort) -> Vec<u32> {
        let community = f
            .community
            .and_then(|id| self.communities.iter().position(|(c, _)| *c == id));
        if f.community.is_some() && community.is_none() {
            return Vec::new();
        }
        let words = fold(&f.text);
        let digits: String = words
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .collect();
        let has = |t: &str| t.contains(&digits) || t.contains(&words);
        // A community's name is searched once, not once for each of its households.
        let community_hit: Vec<bool> = self.community_text.iter().map(|t| has(t)).collect();
        let text_ok = |i: usize, r: &Row| {
            words.is_empty()
                || community_hit
                    .get(r.community as usize)
                    .copied()
                    .unwrap_or(false)
                || has(self.house_text.get(i))
                || (f.personal && {
                    let p = self.personal_text.get(i);
                    p.contains(&words) || (!digits.is_empty() && p.contains(&digits))
                })
        };
        self.orders[sort as usize]
            .iter()
            .copied()
            .filter(|&i| {
                let r = &self.rows[i as usize];
                community.is_none_or(|c| r.community as usize == c)
                    && f.condition.is_none_or(|c| r.condition == Some(c))
                    && f.need.is_none_or(|n| r.need == Some(n))
                    && f.land_tenure.is_none_or(|t| r.land_tenure == Some(t))
                    && text_ok(i as usize, r)
            })
            .collect()
    }

    /// The community name of a line.
    pub fn community_name(&self, line: &HouseholdLine) -> &str {
        self.communities
            .get(line.community)
            .map_or("", |(_, n)| n.as_str())
    }
}

/// Worst first, unrecorded last.
fn condition_order(c: Option<HouseCondition>) -> u8 {
    match c {
        Some(HouseCondition::Dilapidated) => 0,
        Some(HouseCondition::NeedsRepair) => 1,
        Some(HouseCondition::Good) => 2,
        None => 3,
    }
}

#[cfg(test)]
#[path = "household_list_tests.rs"]
mod tests;
