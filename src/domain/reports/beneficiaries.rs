//! Who the money reaches (issue #12, part 5, where officers look): per city, province and
//! region of a report, the year's projects with money, the households they say they reach,
//! and the communities they name against the communities surveyed. The dashboard, the city
//! sheet and the projects CSV read these, so they cannot disagree.
//!
//! Counting, the same at every level:
//! - **projects**: live projects of the year whose status commits money (approved, in
//!   progress, completed), of the report's cities;
//! - **households reached**: the households those projects state, each project once
//!   however many communities it names; summed without ever wrapping (saturating at
//!   `u64::MAX`; the `value.out_of_range` rule already flags a project's count above
//!   100,000, so a report never has to guess);
//! - **communities reached**: distinct live communities *of the project's own city* that
//!   those projects name. A community of another city, a deleted one or an id that names
//!   nothing is not counted (each is a finding: `project.community_city`,
//!   `record.missing_field`), and is tallied in `named_elsewhere` so the figure can say so;
//! - **communities surveyed**: live communities of the cities with at least one live
//!   household, of all live communities of the cities.
//!
//! A community belongs to one city, so the sums over cities count each community once.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::domain::meta::RecordId;
use crate::domain::records::survey::{Community, Household};
use crate::domain::records::{Dataset, Project, Region};

use super::index::Index;

/// The beneficiary figures of one place: a city, a province, a region or the whole report.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Beneficiaries {
    /// Live projects of the year that commit money.
    pub projects: usize,
    /// Households those projects say they reach, each project once (saturating).
    pub households_reached: u64,
    /// Distinct live communities of the place those projects name.
    pub communities_reached: usize,
    /// Live communities of the place with at least one live household.
    pub communities_surveyed: usize,
    /// Live communities of the place.
    pub communities: usize,
    /// Live households of those communities.
    pub households_surveyed: u64,
    /// Names those projects give that are not counted: a community of another city, a
    /// deleted one, or nothing at all (each one a finding of the rules).
    pub named_elsewhere: usize,
}

impl Beneficiaries {
    /// Adds another place's figures (places never share a community).
    pub fn add(&mut self, o: &Beneficiaries) {
        self.projects = self.projects.saturating_add(o.projects);
        self.households_reached = self.households_reached.saturating_add(o.households_reached);
        self.communities_reached = self
            .communities_reached
            .saturating_add(o.communities_reached);
        self.communities_surveyed = self
            .communities_surveyed
            .saturating_add(o.communities_surveyed);
        self.communities = self.communities.saturating_add(o.communities);
        self.households_surveyed = self
            .households_surveyed
            .saturating_add(o.households_surveyed);
        self.named_elsewhere = self.named_elsewhere.saturating_add(o.named_elsewhere);
    }
}

/// Whether a row is a region or a province under it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum PlaceLevel {
    Region,
    Province,
}

/// One row of the dashboard's beneficiaries table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BeneficiaryRow {
    pub level: PlaceLevel,
    /// The region's or province's id; `None` for cities whose region is unknown.
    pub id: Option<RecordId>,
    pub name_th: String,
    pub name_en: String,
    pub figures: Beneficiaries,
}

/// Each region of the report, then its provinces, and the sum of all.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct BeneficiaryTable {
    /// A region's row, then a row per province of it, in the drill-down's order.
    pub rows: Vec<BeneficiaryRow>,
    pub total: Beneficiaries,
}

/// What every place's figures are built from, read once per report.
pub(crate) struct SurveyIndex<'a> {
    /// Live communities by id.
    communities: HashMap<RecordId, &'a Community>,
    /// Live communities of each city.
    by_city: HashMap<RecordId, Vec<RecordId>>,
    /// Live households per live community (communities without one are absent).
    households: HashMap<RecordId, u64>,
}

impl<'a> SurveyIndex<'a> {
    pub fn new(ds: &'a Dataset) -> SurveyIndex<'a> {
        let communities: HashMap<RecordId, &Community> =
            ds.live::<Community>().map(|c| (c.meta.id, c)).collect();
        let mut by_city: HashMap<RecordId, Vec<RecordId>> = HashMap::new();
        for c in communities.values() {
            by_city.entry(c.city_id).or_default().push(c.meta.id);
        }
        let mut households: HashMap<RecordId, u64> = HashMap::new();
        for h in ds.live::<Household>() {
            if communities.contains_key(&h.community_id) {
                let n = households.entry(h.community_id).or_default();
                *n = n.saturating_add(1);
            }
        }
        SurveyIndex {
            communities,
            by_city,
            households,
        }
    }

    /// The community a project names, if it is live and of the project's own city.
    pub fn of_city(&self, p: &Project, id: RecordId) -> Option<&'a Community> {
        self.communities
            .get(&id)
            .copied()
            .filter(|c| c.city_id == p.city_id)
    }

    /// The live community `id`, whatever its city.
    pub fn community(&self, id: RecordId) -> Option<&'a Community> {
        self.communities.get(&id).copied()
    }

    /// The figures of one city for `projects` (the city's projects of the year).
    pub fn city(&self, city: RecordId, projects: &[&Project]) -> Beneficiaries {
        let mut b = Beneficiaries::default();
        let mut reached: HashSet<RecordId> = HashSet::new();
        for p in projects
            .iter()
            .filter(|p| p.city_id == city && p.status().commits_money())
        {
            b.projects += 1;
            let n = u64::from(p.households_reached.unwrap_or(0));
            b.households_reached = b.households_reached.saturating_add(n);
            let mut seen: HashSet<RecordId> = HashSet::new();
            for &id in &p.community_ids {
                if !seen.insert(id) {
                    continue; // the same community twice in one project: once
                }
                match self.of_city(p, id) {
                    Some(c) => {
                        reached.insert(c.meta.id);
                    }
                    None => b.named_elsewhere = b.named_elsewhere.saturating_add(1),
                }
            }
        }
        b.communities_reached = reached.len();
        let ours = self.by_city.get(&city).map_or(&[][..], Vec::as_slice);
        b.communities = ours.len();
        for id in ours {
            if let Some(&n) = self.households.get(id) {
                b.communities_surveyed += 1;
                b.households_surveyed = b.households_surveyed.saturating_add(n);
            }
        }
        b
    }

    /// A project's communities by name, in its order, each once: a community that is not
    /// live shows as its id, so a row still says what the project named.
    pub fn names(&self, p: &Project) -> Vec<String> {
        let mut seen: HashSet<RecordId> = HashSet::new();
        p.community_ids
            .iter()
            .filter(|id| seen.insert(**id))
            .map(|id| {
                self.community(*id)
                    .map_or_else(|| id.to_string(), |c| c.name.clone())
            })
            .collect()
    }
}

/// The beneficiaries of every city in the report, by region and province.
pub(crate) fn beneficiary_table(ix: &Index<'_>) -> BeneficiaryTable {
    let survey = SurveyIndex::new(ix.ds);
    let mut provinces: Vec<(RecordId, Beneficiaries)> = ix
        .province_ids
        .iter()
        .map(|&id| (id, Beneficiaries::default()))
        .collect();
    let mut total = Beneficiaries::default();
    for city in &ix.cities {
        let b = survey.city(city.meta.id, ix.projects_of(city.meta.id));
        total.add(&b);
        if let Some((_, sum)) = provinces.iter_mut().find(|(id, _)| *id == city.province_id) {
            sum.add(&b);
        }
    }
    // Regions in dataset order, then the provinces whose region is unknown.
    let mut regions: Vec<(Option<RecordId>, String, String)> = ix
        .ds
        .live::<Region>()
        .map(|r| (Some(r.meta.id), r.name_th.clone(), r.name_en.clone()))
        .collect();
    for &(p, _) in &provinces {
        let r = ix.region_of_province(p);
        if !regions.iter().any(|(id, _, _)| *id == r) {
            let (th, en) = match r {
                Some(id) => (format!("ภาค {id}"), format!("Region {id}")),
                None => ("ไม่ทราบภาค".to_owned(), "Region unknown".to_owned()),
            };
            regions.push((r, th, en));
        }
    }
    let mut rows = Vec::new();
    for (region, th, en) in regions {
        let mine: Vec<&(RecordId, Beneficiaries)> = provinces
            .iter()
            .filter(|(p, _)| ix.region_of_province(*p) == region)
            .collect();
        if mine.is_empty() {
            continue;
        }
        let mut sum = Beneficiaries::default();
        for (_, b) in &mine {
            sum.add(b);
        }
        rows.push(BeneficiaryRow {
            level: PlaceLevel::Region,
            id: region,
            name_th: th,
            name_en: en,
            figures: sum,
        });
        for (p, b) in mine {
            let line = ix.province_line(*p);
            rows.push(BeneficiaryRow {
                level: PlaceLevel::Province,
                id: Some(*p),
                name_th: line.name_th,
                name_en: line.name_en,
                figures: b.clone(),
            });
        }
    }
    BeneficiaryTable { rows, total }
}

#[cfg(test)]
#[path = "beneficiaries_tests.rs"]
mod tests;
