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
use crate::domain::rules::house_number_key;
use crate::domain::text::normalise_name;
use crate::domain::thai_digits::to_ascii_digits;
use crate::domain::views::survey_entry::house_number_sort_key;
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
    /// Per line: house number and community name, folded for searching.
    public_text: Vec<String>,
    /// Per line: head's name and phone, folded.
    personal_text: Vec<String>,
    /// Every line in each order ([`HouseholdSort`] as index), built once, so a selection
    /// only walks one and keeps what passes the filter: no sorting while a person types.
    orders: [Vec<u32>; 4],
}

impl PartialEq for HouseholdIndex {
    fn eq(&self, other: &Self) -> bool {
        self.communities == other.communities && self.lines == other.lines
    }
}

/// How words are compared: the project's name folding, Thai digits as ASCII.
fn fold(s: &str) -> String {
    normalise_name(&to_ascii_digits(s))
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
        let folded_names: Vec<String> = communities.iter().map(|(_, n)| fold(n)).collect();
        let mut lines = Vec::new();
        for h in ds.live::<Household>() {
            let Some(&community) = position.get(&h.community_id) else {
                continue;
            };
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
        let public_text = lines
            .iter()
            .map(|l| {
                format!(
                    "{}\u{1f}{}",
                    house_number_key(&l.house_number),
                    folded_names[l.community]
                )
            })
            .collect();
        let personal_text = lines
            .iter()
            .map(|l| {
                let phone: String = to_ascii_digits(&l.phone)
                    .chars()
                    .filter(|c| !c.is_whitespace() && *c != '-')
                    .collect();
                format!("{}\u{1f}{}", fold(&l.head_name), phone)
            })
            .collect();
        // House-number keys are built once per household, not once per comparison.
        let keys: Vec<Vec<(u64, String)>> = lines
            .iter()
            .map(|l| house_number_sort_key(&l.house_number))
            .collect();
        let mut by_house: Vec<u32> = (0..lines.len() as u32).collect();
        by_house.sort_by(|&a, &b| {
            keys[a as usize]
                .cmp(&keys[b as usize])
                .then(lines[a as usize].id.cmp(&lines[b as usize].id))
        });
        let mut rank = vec![0u32; lines.len()];
        for (r, &i) in by_house.iter().enumerate() {
            rank[i as usize] = r as u32;
        }
        let ordered = |key: &dyn Fn(&HouseholdLine) -> (u32, u32)| {
            let mut o: Vec<u32> = by_house.clone();
            o.sort_by_key(|&i| (key(&lines[i as usize]), rank[i as usize]));
            o
        };
        let by_community = ordered(&|l| (l.community as u32, 0));
        let by_members = ordered(&|l| (u32::MAX - l.members, 0));
        let by_condition = ordered(&|l| (u32::from(condition_order(l.condition)), 0));
        HouseholdIndex {
            communities,
            lines,
            public_text,
            personal_text,
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
        let text_ok = |i: usize| {
            words.is_empty()
                || self.public_text[i].contains(&digits)
                || self.public_text[i].contains(&words)
                || (f.personal
                    && (self.personal_text[i].contains(&words)
                        || (!digits.is_empty() && self.personal_text[i].contains(&digits))))
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
                    && text_ok(i as usize)
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
