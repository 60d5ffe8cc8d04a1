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

use std::collections::HashMap;

use crate::domain::meta::RecordId;
use crate::domain::records::survey::{Community, HouseCondition, Household, LandTenure, Need};
use crate::domain::records::Dataset;
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

/// A city's live households, prepared for filtering and sorting.
#[derive(Debug, Clone, Default)]
pub struct HouseholdIndex {
    /// The city's live communities, in Thai order: (id, name).
    pub communities: Vec<(RecordId, String)>,
    pub lines: Vec<HouseholdLine>,
    /// Per community: its name, folded for searching.
    community_text: Vec<String>,
    /// Every line's house number, folded ([`crate::domain::rules::house_number_key`]), one after another; line
    /// `i` is `house_text[house_at[i]..house_at[i + 1]]`. One buffer, not a `String` a
    /// household: 100,000 allocations were most of the index's time in wasm.
    house_text: String,
    house_at: Vec<u32>,
    /// Likewise each line's head's name and phone, folded: "name\u{1f}phone".
    personal_text: String,
    personal_at: Vec<u32>,
    /// Every line in each order ([`HouseholdSort`] as index), built once, so a selection
    /// only walks one and keeps what passes the filter: no sorting while a person types.
    orders: [Vec<u32>; 4],
}

impl PartialEq for HouseholdIndex {
    fn eq(&self, other: &Self) -> bool {
        self.communities == other.communities && self.lines == other.lines
    }
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

/// The slice `i` of a buffer of texts laid end to end.
fn part<'a>(text: &'a str, at: &[u32], i: usize) -> &'a str {
    text.get(at[i] as usize..at[i + 1] as usize).unwrap_or("")
}

/// A buffer offset as stored (texts of one city stay far below 4 GB).
fn offset(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl HouseholdIndex {
    /// The live households of the live communities of `city`.
    ///
    /// ```
    /// use mueang::domain::demo_survey::demo_survey;
    /// use mueang::domain::views::household_list::{HouseholdFilter, HouseholdIndex, HouseholdSort};
    /// let ds = demo_survey(240, 1).records;
    /// let index = HouseholdIndex::new(&ds, ds.cities[0].meta.id);
    /// assert_eq!(index.lines.len(), 20);
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
        let position: HashMap<RecordId, usize> = communities
            .iter()
            .enumerate()
            .map(|(i, (id, _))| (*id, i))
            .collect();
        let community_text: Vec<String> = communities.iter().map(|(_, n)| fold(n)).collect();
        let mut lines = Vec::new();
        let mut house_text = String::new();
        let mut house_at = vec![0u32];
        let mut personal_text = String::new();
        let mut personal_at = vec![0u32];
        // The house numbers' sort keys, as bytes of one buffer (see house_number_sort_bytes).
        let mut sort_bytes: Vec<u8> = Vec::new();
        let mut sort_at = vec![0u32];
        for h in ds.live::<Household>() {
            let Some(&community) = position.get(&h.community_id) else {
                continue;
            };
            let from = house_text.len();
            normalise_name_into(&h.house_number, ascii_digit, false, &mut house_text);
            house_at.push(offset(house_text.len()));
            house_number_sort_bytes(&house_text[from..], &mut sort_bytes);
            sort_at.push(offset(sort_bytes.len()));
            normalise_name_into(&h.head_name, ascii_digit, true, &mut personal_text);
            personal_text.push('\u{1f}');
            personal_text.extend(
                h.phone
                    .chars()
                    .map(ascii_digit)
                    .filter(|c| !c.is_whitespace() && *c != '-'),
            );
            personal_at.push(offset(personal_text.len()));
            lines.push(HouseholdLine {
                id: h.meta.id,
                community,
                house_number: h.house_number.clone(),
                head_name: h.head_name.clone(),
                phone: h.phone.clone(),
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
        let mut by_house: Vec<u32> = (0..offset(lines.len())).collect();
        by_house.sort_unstable_by(|&a, &b| {
            key(a)
                .cmp(key(b))
                .then_with(|| lines[a as usize].id.cmp(&lines[b as usize].id))
        });
        // A stable sort of the house-number order by one small key: ties stay in house
        // number order without comparing house numbers again.
        let ordered = |key: &dyn Fn(&HouseholdLine) -> u32| {
            let mut o: Vec<u32> = by_house.clone();
            o.sort_by_key(|&i| key(&lines[i as usize]));
            o
        };
        let by_community = ordered(&|l| offset(l.community));
        let by_members = ordered(&|l| u32::MAX - l.members);
        let by_condition = ordered(&|l| u32::from(condition_order(l.condition)));
        HouseholdIndex {
            communities,
            lines,
            community_text,
            house_text,
            house_at,
            personal_text,
            personal_at,
            orders: [by_community, by_house, by_members, by_condition],
        }
    }

    /// Positions in [`HouseholdIndex::lines`] of the households passing `f`, in `sort`'s
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
        let text_ok = |i: usize, l: &HouseholdLine| {
            words.is_empty()
                || community_hit.get(l.community).copied().unwrap_or(false)
                || has(part(&self.house_text, &self.house_at, i))
                || (f.personal && {
                    let p = part(&self.personal_text, &self.personal_at, i);
                    p.contains(&words) || (!digits.is_empty() && p.contains(&digits))
                })
        };
        self.orders[sort as usize]
            .iter()
            .copied()
            .filter(|&i| {
                let l = &self.lines[i as usize];
                community.is_none_or(|c| l.community == c)
                    && f.condition.is_none_or(|c| l.condition == Some(c))
                    && f.need.is_none_or(|n| l.need == Some(n))
                    && f.land_tenure.is_none_or(|t| l.land_tenure == Some(t))
                    && text_ok(i as usize, l)
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
