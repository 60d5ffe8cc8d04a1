//! The survey at a glance, for a city or one community (issue #12, part 5): households by
//! land tenure, eviction threat, house condition and need, and coverage (communities
//! surveyed of all, households surveyed of stated). Pure and one pass over the
//! households, so a region's 100,000 take a few milliseconds (`mueang bench-survey`).

use std::collections::HashMap;

use rust_decimal::Decimal;

use crate::domain::meta::RecordId;
use crate::domain::records::survey::{
    Choice, Community, EvictionThreat, HouseCondition, Household, LandTenure, Need,
};
use crate::domain::records::Dataset;

/// How many of something fall under each choice of a list, and how many have none yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tally<C: Choice> {
    counts: Vec<usize>,
    /// Not answered (the field is empty).
    pub unknown: usize,
    _choice: std::marker::PhantomData<C>,
}

impl<C: Choice> Default for Tally<C> {
    fn default() -> Self {
        Tally {
            counts: vec![0; C::all().len()],
            unknown: 0,
            _choice: std::marker::PhantomData,
        }
    }
}

impl<C: Choice> Tally<C> {
    fn add(&mut self, c: Option<C>) {
        match c {
            Some(c) => self.counts[c.index()] += 1,
            None => self.unknown += 1,
        }
    }

    pub fn count(&self, c: C) -> usize {
        self.counts[c.index()]
    }

    /// Every choice with its count, in the list's order (zeros included, so charts of
    /// two cities line up).
    pub fn rows(&self) -> impl Iterator<Item = (C, usize)> + '_ {
        C::all().iter().map(|&c| (c, self.count(c)))
    }

    /// Everything counted, unknown included.
    pub fn total(&self) -> usize {
        self.counts.iter().sum::<usize>() + self.unknown
    }

    /// Adds another tally's counts to this one (a city is the sum of its communities).
    pub fn absorb(&mut self, other: &Tally<C>) {
        for (mine, theirs) in self.counts.iter_mut().zip(&other.counts) {
            *mine += theirs;
        }
        self.unknown += other.unknown;
    }
}

/// The survey of a city or a community.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SurveySummary {
    /// Live communities in scope.
    pub communities: usize,
    /// Of those, the ones with at least one household surveyed.
    pub communities_surveyed: usize,
    /// The communities' stated households, added up (communities without a number count 0).
    pub households_stated: u64,
    /// Live households surveyed.
    pub households: usize,
    /// People in the households surveyed.
    pub members: u64,
    pub elderly: u64,
    pub disabled: u64,
    pub young_children: u64,
    pub by_land_tenure: Tally<LandTenure>,
    /// Households by the eviction threat of their community.
    pub by_eviction: Tally<EvictionThreat>,
    pub by_condition: Tally<HouseCondition>,
    pub by_need: Tally<Need>,
}

impl SurveySummary {
    /// Adds another scope's figures (a region is the sum of its cities).
    pub fn absorb(&mut self, o: &SurveySummary) {
        self.communities += o.communities;
        self.communities_surveyed += o.communities_surveyed;
        self.households_stated += o.households_stated;
        self.households += o.households;
        self.members += o.members;
        self.elderly += o.elderly;
        self.disabled += o.disabled;
        self.young_children += o.young_children;
        self.by_land_tenure.absorb(&o.by_land_tenure);
        self.by_eviction.absorb(&o.by_eviction);
        self.by_condition.absorb(&o.by_condition);
        self.by_need.absorb(&o.by_need);
    }

    /// Households surveyed of stated, to two decimals; `None` while nothing is stated.
    pub fn household_coverage(&self) -> Option<Decimal> {
        (self.households_stated > 0).then(|| {
            (Decimal::from(self.households as u64) / Decimal::from(self.households_stated))
                .round_dp(2)
        })
    }

    /// Communities with a household surveyed, of all, to two decimals.
    pub fn community_coverage(&self) -> Option<Decimal> {
        (self.communities > 0).then(|| {
            (Decimal::from(self.communities_surveyed as u64)
                / Decimal::from(self.communities as u64))
            .round_dp(2)
        })
    }
}

/// The survey of one city: its live communities and their live households.
///
/// ```
/// use mueang::domain::demo_survey::demo_survey;
/// use mueang::domain::reports::survey::city_summary;
/// let ds = demo_survey(240, 1).records;
/// let s = city_summary(&ds, ds.cities[0].meta.id);
/// assert_eq!(s.households, 20);
/// assert_eq!(s.by_condition.total(), 20);
/// ```
pub fn city_summary(ds: &Dataset, city: RecordId) -> SurveySummary {
    summarise(ds, |c| c.city_id == city)
}

/// The survey of one community.
pub fn community_summary(ds: &Dataset, community: RecordId) -> SurveySummary {
    summarise(ds, |c| c.meta.id == community)
}

fn summarise(ds: &Dataset, in_scope: impl Fn(&Community) -> bool) -> SurveySummary {
    summarise_each(ds, in_scope)
        .into_values()
        .fold(SurveySummary::default(), |mut all, s| {
            all.absorb(&s);
            all
        })
}

/// Each live community passing `in_scope` with its own survey, in one pass over the
/// households (the region and city views add them up).
pub fn summarise_each(
    ds: &Dataset,
    in_scope: impl Fn(&Community) -> bool,
) -> HashMap<RecordId, SurveySummary> {
    let mut each: HashMap<RecordId, (Option<EvictionThreat>, SurveySummary)> = HashMap::new();
    for c in ds.live::<Community>().filter(|c| in_scope(c)) {
        let s = SurveySummary {
            communities: 1,
            households_stated: u64::from(c.households.unwrap_or(0)),
            ..SurveySummary::default()
        };
        each.insert(c.meta.id, (c.eviction, s));
    }
    if !each.is_empty() {
        for h in ds.live::<Household>() {
            if let Some((eviction, s)) = each.get_mut(&h.community_id) {
                s.count(h, *eviction);
            }
        }
    }
    each.into_iter()
        .map(|(id, (_, mut s))| {
            s.communities_surveyed = usize::from(s.households > 0);
            (id, s)
        })
        .collect()
}

impl SurveySummary {
    fn count(&mut self, h: &Household, eviction: Option<EvictionThreat>) {
        self.households += 1;
        self.members += u64::from(h.members);
        self.elderly += u64::from(h.vulnerable.elderly);
        self.disabled += u64::from(h.vulnerable.disabled);
        self.young_children += u64::from(h.vulnerable.young_children);
        self.by_land_tenure.add(h.land_tenure);
        self.by_eviction.add(eviction);
        self.by_condition.add(h.condition);
        self.by_need.add(h.need);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::meta::{stable_id, RecordMeta};

    fn dataset() -> Dataset {
        let mut ds = Dataset::default();
        let (city, other) = (stable_id("city:a"), stable_id("city:b"));
        let mut a = Community::new(RecordMeta::shipped("com:a"), city, "ก");
        a.households = Some(4);
        a.eviction = Some(EvictionThreat::UnderNotice);
        let mut b = Community::new(RecordMeta::shipped("com:b"), city, "ข");
        b.households = Some(10);
        let c = Community::new(RecordMeta::shipped("com:c"), other, "ค");
        let mut gone = Community::new(RecordMeta::shipped("com:gone"), city, "ง");
        gone.meta.deleted = true;
        gone.households = Some(99);
        let mut house = |key: &str, com: &Community, cond, need, members| {
            let mut h = Household::new(RecordMeta::shipped(key), com.meta.id, key);
            h.condition = cond;
            h.need = need;
            h.members = members;
            h.vulnerable.elderly = 1;
            h.land_tenure = Some(LandTenure::Rent);
            ds.households.push(h);
        };
        house(
            "1",
            &a,
            Some(HouseCondition::Dilapidated),
            Some(Need::NewHouse),
            4,
        );
        house("2", &a, Some(HouseCondition::Good), None, 2);
        house("3", &a, None, Some(Need::SecureLand), 3);
        house("4", &c, Some(HouseCondition::Good), Some(Need::Repair), 5);
        let mut deleted = Household::new(RecordMeta::shipped("5"), a.meta.id, "5");
        deleted.meta.deleted = true;
        deleted.condition = Some(HouseCondition::Good);
        ds.households.push(deleted);
        ds.communities.extend([a, b, c, gone]);
        ds
    }

    #[test]
    fn a_city_counts_its_live_communities_and_households_only() {
        let ds = dataset();
        let s = city_summary(&ds, stable_id("city:a"));
        assert_eq!((s.communities, s.communities_surveyed), (2, 1));
        assert_eq!((s.households, s.households_stated), (3, 14));
        assert_eq!((s.members, s.elderly), (9, 3));
        assert_eq!(s.by_condition.count(HouseCondition::Dilapidated), 1);
        assert_eq!(s.by_condition.count(HouseCondition::Good), 1);
        assert_eq!(s.by_condition.unknown, 1);
        assert_eq!(s.by_need.count(Need::SecureLand), 1);
        assert_eq!(s.by_need.count(Need::Repair), 0, "the other city's");
        // Every household of community ก is under notice, by its community.
        assert_eq!(s.by_eviction.count(EvictionThreat::UnderNotice), 3);
        assert_eq!(s.by_land_tenure.count(LandTenure::Rent), 3);
        assert_eq!(s.household_coverage(), Some(Decimal::new(21, 2)));
        assert_eq!(s.community_coverage(), Some(Decimal::new(50, 2)));
        let rows: Vec<(HouseCondition, usize)> = s.by_condition.rows().collect();
        assert_eq!(rows.len(), 3);
        assert_eq!(s.by_condition.total(), 3);
    }

    #[test]
    fn a_community_and_an_empty_city() {
        let ds = dataset();
        let s = community_summary(&ds, stable_id("com:c"));
        assert_eq!(
            (s.communities, s.households, s.households_stated),
            (1, 1, 0)
        );
        assert_eq!(s.household_coverage(), None);
        assert_eq!(s.by_eviction.unknown, 1);
        let none = city_summary(&ds, stable_id("city:none"));
        assert_eq!(none, SurveySummary::default());
        assert_eq!(none.community_coverage(), None);
    }
}
