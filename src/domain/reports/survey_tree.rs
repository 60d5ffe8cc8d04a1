//! The survey from region to city to community (issue #12, part 5): each level's own
//! figures and one line per place below it, so the screens only render and link down.
//! One pass over the households whatever the level (`summarise_each`), then sums.

use std::collections::HashMap;

use rust_decimal::Decimal;

use crate::domain::editing::stored_or_shipped;
use crate::domain::meta::RecordId;
use crate::domain::records::survey::{
    Choice, Community, EvictionThreat, HouseCondition, LandTenure, Need,
};
use crate::domain::records::{City, Dataset, Project};
use crate::domain::sorting::SortSmall;
use crate::domain::views::thai_sort::thai_sort_key;

use super::survey::{summarise_each, SurveySummary, Tally};

/// Which level of the drill-down a [`SurveyLevel`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LevelKind {
    /// Every region.
    All,
    Region,
    City,
    Community,
}

/// A place with its survey: a region, a city or a community.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SurveyLine {
    pub id: RecordId,
    /// What its address names: a region's code (`north`), else the id.
    pub key: String,
    pub th: String,
    pub en: String,
    pub summary: SurveySummary,
}

/// One level of the drill-down: the place itself, the level above it (to go back up) and
/// the places below it, sorted as people look for them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SurveyLevel {
    pub kind: LevelKind,
    /// The place; for [`LevelKind::All`] an empty line with every region's sum.
    pub place: SurveyLine,
    /// The level above: `None` above everything; for a region, the "all" level.
    pub up: Option<(LevelKind, SurveyLine)>,
    pub children: Vec<SurveyLine>,
    /// The beneficiaries the place's projects count.
    pub reach: Reach,
}

/// Beneficiaries (issue #12, part 5): live projects with money (approved, in progress or
/// completed) of the place — for a community, those naming it — with the distinct
/// communities they name and the households they say they reach. A project naming several
/// communities counts its households once, wherever it is counted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reach {
    pub projects: usize,
    pub communities: usize,
    pub households: u64,
}

/// The reach of the projects `keep` lets through.
pub fn reach(ds: &Dataset, keep: impl Fn(&Project) -> bool) -> Reach {
    let mut r = Reach::default();
    let mut named: Vec<RecordId> = Vec::new();
    for p in ds
        .live::<Project>()
        .filter(|p| p.status().commits_money() && keep(p))
    {
        r.projects += 1;
        r.households += u64::from(p.households_reached.unwrap_or(0));
        named.extend(&p.community_ids);
    }
    named.sort_unstable();
    named.dedup();
    r.communities = named.len();
    r
}

fn line(id: RecordId, key: String, th: &str, en: &str, summary: SurveySummary) -> SurveyLine {
    SurveyLine {
        id,
        key,
        th: th.to_owned(),
        en: en.to_owned(),
        summary,
    }
}

fn sum<'a>(parts: impl IntoIterator<Item = &'a SurveySummary>) -> SurveySummary {
    parts
        .into_iter()
        .fold(SurveySummary::default(), |mut all, s| {
            all.absorb(s);
            all
        })
}

/// Region id of every live city (through its province; shipped provinces count).
fn city_regions(ds: &Dataset) -> HashMap<RecordId, RecordId> {
    let province_region: HashMap<RecordId, RecordId> = stored_or_shipped::provinces(ds)
        .into_iter()
        .map(|p| (p.meta.id, p.region_id))
        .collect();
    ds.live::<City>()
        .filter_map(|c| Some((c.meta.id, *province_region.get(&c.province_id)?)))
        .collect()
}

/// Each live city of `keep` with the sum of its communities.
fn city_lines(ds: &Dataset, keep: impl Fn(&City) -> bool) -> Vec<SurveyLine> {
    let kept: HashMap<RecordId, &City> = ds
        .live::<City>()
        .filter(|c| keep(c))
        .map(|c| (c.meta.id, c))
        .collect();
    let city_of: HashMap<RecordId, RecordId> = ds
        .live::<Community>()
        .map(|c| (c.meta.id, c.city_id))
        .collect();
    let each = summarise_each(ds, |c| kept.contains_key(&c.city_id));
    let mut sums: HashMap<RecordId, SurveySummary> = HashMap::new();
    for (community, s) in &each {
        if let Some(city) = city_of.get(community) {
            sums.entry(*city).or_default().absorb(s);
        }
    }
    let mut out: Vec<SurveyLine> = kept
        .values()
        .map(|c| {
            let s = sums.remove(&c.meta.id).unwrap_or_default();
            line(c.meta.id, c.meta.id.to_string(), &c.name_th, &c.name_en, s)
        })
        .collect();
    out.sort_by_cached_key_small(|l| (thai_sort_key(&l.th), l.id));
    out
}

/// Every region (CODI's order) with the sum of its cities.
///
/// ```
/// use mueang::domain::demo_survey::demo_survey;
/// use mueang::domain::reports::survey_tree::survey_regions;
/// let ds = demo_survey(240, 1).records;
/// let all = survey_regions(&ds);
/// assert_eq!(all.place.summary.households, 240);
/// assert_eq!(all.children.iter().map(|r| r.summary.households).sum::<usize>(), 240);
/// ```
pub fn survey_regions(ds: &Dataset) -> SurveyLevel {
    let regions = city_regions(ds);
    let cities = city_lines(ds, |_| true);
    let mut sums: HashMap<RecordId, SurveySummary> = HashMap::new();
    for c in &cities {
        if let Some(r) = regions.get(&c.id) {
            sums.entry(*r).or_default().absorb(&c.summary);
        }
    }
    let children: Vec<SurveyLine> = stored_or_shipped::regions(ds)
        .into_iter()
        .map(|r| {
            let s = sums.remove(&r.meta.id).unwrap_or_default();
            line(r.meta.id, r.code.clone(), &r.name_th, &r.name_en, s)
        })
        .collect();
    let total = sum(cities.iter().map(|c| &c.summary));
    SurveyLevel {
        kind: LevelKind::All,
        place: line(RecordId::nil(), String::new(), "", "", total),
        up: None,
        children,
        reach: reach(ds, |_| true),
    }
}

/// The region with code `code` and its cities; `None` for an unknown code.
pub fn survey_region(ds: &Dataset, code: &str) -> Option<SurveyLevel> {
    let region = stored_or_shipped::regions(ds)
        .into_iter()
        .find(|r| r.code == code)?;
    let regions = city_regions(ds);
    let children = city_lines(ds, |c| regions.get(&c.meta.id) == Some(&region.meta.id));
    let total = sum(children.iter().map(|c| &c.summary));
    let all = line(
        RecordId::nil(),
        String::new(),
        "",
        "",
        SurveySummary::default(),
    );
    let reach = reach(ds, |p| regions.get(&p.city_id) == Some(&region.meta.id));
    Some(SurveyLevel {
        reach,
        kind: LevelKind::Region,
        place: line(
            region.meta.id,
            region.code.clone(),
            &region.name_th,
            &region.name_en,
            total,
        ),
        up: Some((LevelKind::All, all)),
        children,
    })
}

/// The live city `id` and its communities; `None` when there is no such city.
pub fn survey_city(ds: &Dataset, id: RecordId) -> Option<SurveyLevel> {
    let city = ds.live::<City>().find(|c| c.meta.id == id)?;
    let mut each = summarise_each(ds, |c| c.city_id == id);
    let mut children: Vec<SurveyLine> = ds
        .live::<Community>()
        .filter(|c| c.city_id == id)
        .map(|c| {
            let s = each.remove(&c.meta.id).unwrap_or_default();
            line(c.meta.id, c.meta.id.to_string(), &c.name, "", s)
        })
        .collect();
    children.sort_by_cached_key_small(|l| (thai_sort_key(&l.th), l.id));
    let total = sum(children.iter().map(|c| &c.summary));
    let up = region_line(ds, city);
    Some(SurveyLevel {
        reach: reach(ds, |p| p.city_id == id),
        kind: LevelKind::City,
        place: line(id, id.to_string(), &city.name_th, &city.name_en, total),
        up: up.map(|r| (LevelKind::Region, r)),
        children,
    })
}

fn region_line(ds: &Dataset, city: &City) -> Option<SurveyLine> {
    let region = *city_regions(ds).get(&city.meta.id)?;
    let r = stored_or_shipped::regions(ds)
        .into_iter()
        .find(|r| r.meta.id == region)?;
    Some(line(
        r.meta.id,
        r.code.clone(),
        &r.name_th,
        &r.name_en,
        SurveySummary::default(),
    ))
}

/// The live community `id` with its city above it; `None` when there is no such community.
pub fn survey_community(ds: &Dataset, id: RecordId) -> Option<SurveyLevel> {
    let community = ds.live::<Community>().find(|c| c.meta.id == id)?;
    let s = summarise_each(ds, |c| c.meta.id == id)
        .remove(&id)
        .unwrap_or_default();
    let up = ds
        .live::<City>()
        .find(|c| c.meta.id == community.city_id)
        .map(|c| {
            let key = c.meta.id.to_string();
            let l = line(c.meta.id, key, &c.name_th, &c.name_en, Default::default());
            (LevelKind::City, l)
        });
    Some(SurveyLevel {
        reach: reach(ds, |p| p.community_ids.contains(&id)),
        kind: LevelKind::Community,
        place: line(id, id.to_string(), &community.name, "", s),
        up,
        children: Vec::new(),
    })
}

/// A way of dividing households that the views chart and tabulate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dimension {
    LandTenure,
    Eviction,
    Condition,
    Need,
}

impl Dimension {
    pub const ALL: [Dimension; 4] = [
        Dimension::LandTenure,
        Dimension::Eviction,
        Dimension::Condition,
        Dimension::Need,
    ];

    /// The choices' words (Thai, English), then "not recorded" last.
    pub fn labels(self) -> Vec<(&'static str, &'static str)> {
        fn of<C: Choice>() -> Vec<(&'static str, &'static str)> {
            C::all().iter().map(|c| (c.th(), c.en())).collect()
        }
        let mut out = match self {
            Dimension::LandTenure => of::<LandTenure>(),
            Dimension::Eviction => of::<EvictionThreat>(),
            Dimension::Condition => of::<HouseCondition>(),
            Dimension::Need => of::<Need>(),
        };
        out.push(("ไม่ได้ระบุ", "not recorded"));
        out
    }

    /// Households under each choice, then those without one, in [`Dimension::labels`]' order.
    pub fn counts(self, s: &SurveySummary) -> Vec<usize> {
        fn of<C: Choice>(t: &Tally<C>) -> Vec<usize> {
            t.rows().map(|(_, n)| n).chain([t.unknown]).collect()
        }
        match self {
            Dimension::LandTenure => of(&s.by_land_tenure),
            Dimension::Eviction => of(&s.by_eviction),
            Dimension::Condition => of(&s.by_condition),
            Dimension::Need => of(&s.by_need),
        }
    }
}

/// Each count as a share of their sum, to four decimals (0 when the sum is 0), for the
/// lengths of a stacked bar.
pub fn shares(counts: &[usize]) -> Vec<Decimal> {
    let total: usize = counts.iter().sum();
    counts
        .iter()
        .map(|&n| {
            if total == 0 {
                Decimal::ZERO
            } else {
                (Decimal::from(n as u64) / Decimal::from(total as u64)).round_dp(4)
            }
        })
        .collect()
}

#[cfg(test)]
#[path = "survey_tree_tests.rs"]
mod tests;
