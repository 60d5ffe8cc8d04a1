//! Look-ups built once per report, so every figure comes from one pass over the records
//! instead of a search per city (10,000 projects must stay a few milliseconds in wasm).

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use crate::domain::meta::RecordId;
use crate::domain::records::{
    City, CommitteeGrant, Dataset, Instalment, ProgrammeParameters, Project, Province,
    ProvinceGrant,
};

use super::names::{CityLine, ProvinceLine};
use super::scope::Scope;

pub(crate) struct Index<'a> {
    pub ds: &'a Dataset,
    pub scope: Scope,
    /// The report's "as of" day: a transfer counts only if its actual date is on or before
    /// it. `None` counts every recorded transfer.
    pub as_of: Option<NaiveDate>,
    /// The parameters of the scope's year, as [`Dataset::parameters_for`] decides them.
    pub params: ProgrammeParameters,
    pub provinces: HashMap<RecordId, &'a Province>,
    /// Cities with an approved ceiling for the year, within the region, in dataset order.
    pub cities: Vec<&'a City>,
    /// The provinces of `cities`, in order of their first city, which keeps the order staff
    /// typed the cities in (usually the order of the announcement they copied).
    pub province_ids: Vec<RecordId>,
    /// Every live city, in the report or not.
    pub all_cities: HashMap<RecordId, &'a City>,
    city_ids: HashSet<RecordId>,
    projects: HashMap<RecordId, Vec<&'a Project>>,
    instalments: HashMap<RecordId, Vec<&'a Instalment>>,
    committee_grants: HashMap<RecordId, Vec<&'a CommitteeGrant>>,
    province_grants: HashMap<RecordId, Vec<&'a ProvinceGrant>>,
}

/// Live records of one kind and the scope's year, grouped by `key`.
fn by_owner<'a, T>(
    items: impl Iterator<Item = &'a T>,
    key: impl Fn(&T) -> RecordId,
) -> HashMap<RecordId, Vec<&'a T>> {
    let mut map: HashMap<RecordId, Vec<&T>> = HashMap::new();
    for item in items {
        map.entry(key(item)).or_default().push(item);
    }
    map
}

impl<'a> Index<'a> {
    pub fn new(ds: &'a Dataset, scope: Scope) -> Index<'a> {
        let fy = scope.fiscal_year;
        let provinces: HashMap<RecordId, &Province> =
            ds.live::<Province>().map(|p| (p.meta.id, p)).collect();
        let projects = by_owner(ds.live::<Project>().filter(|p| p.fiscal_year == fy), |p| {
            p.city_id
        });
        let instalments = by_owner(
            ds.live::<Instalment>().filter(|i| i.fiscal_year == fy),
            |i| i.city_id,
        );
        let committee_grants = by_owner(
            ds.live::<CommitteeGrant>().filter(|g| g.fiscal_year == fy),
            |g| g.city_id,
        );
        let region_of = |province: RecordId| provinces.get(&province).map(|p| p.region_id);
        let province_grants = by_owner(
            ds.live::<ProvinceGrant>()
                .filter(|g| g.fiscal_year == fy && scope.covers_region(region_of(g.province_id))),
            |g| g.province_id,
        );
        // A city is in a year's report when it has an approved ceiling for the year: the
        // same reading as the `total.stated_mismatch` rule, so a reconciliation and the
        // finding beside it can never show two "computed" figures. Money of the year that
        // falls outside (a grant to a city without a ceiling) is summed apart, not dropped.
        let cities: Vec<&City> = ds
            .live::<City>()
            .filter(|c| c.budget_for(fy).is_some())
            .filter(|c| scope.covers_region(region_of(c.province_id)))
            .collect();
        let mut province_ids: Vec<RecordId> = Vec::new();
        for id in cities.iter().map(|c| c.province_id) {
            if !province_ids.contains(&id) {
                province_ids.push(id);
            }
        }
        let city_ids = cities.iter().map(|c| c.meta.id).collect();
        Index {
            all_cities: ds.live::<City>().map(|c| (c.meta.id, c)).collect(),
            city_ids,
            ds,
            scope,
            as_of: None,
            params: ds.parameters_for(fy),
            provinces,
            cities,
            province_ids,
            projects,
            instalments,
            committee_grants,
            province_grants,
        }
    }

    /// The same index, counting only transfers on or before `day`.
    pub fn counting_until(mut self, day: NaiveDate) -> Index<'a> {
        self.as_of = Some(day);
        self
    }

    /// Whether the instalment's money had moved as of the report's day.
    pub fn counts_as_transferred(&self, i: &Instalment) -> bool {
        match self.as_of {
            Some(day) => i.transferred_by(day),
            None => i.is_transferred(),
        }
    }

    /// The city's name and province, for a row of a report.
    pub fn city_line(&self, city: &City) -> CityLine {
        CityLine::of(city, self.provinces.get(&city.province_id).copied())
    }

    /// A province's code and names, for a row of a report.
    pub fn province_line(&self, id: RecordId) -> ProvinceLine {
        ProvinceLine::of(id, self.provinces.get(&id).copied())
    }

    /// Whether a city is one of the report's `cities`.
    pub fn in_report(&self, city: RecordId) -> bool {
        self.city_ids.contains(&city)
    }

    /// The region of a city, if its province is known. A deleted city still has the
    /// region it was in, so money left attached to it shows up in that region's report.
    pub fn region_of_city(&self, city: RecordId) -> Option<RecordId> {
        let c = match self.all_cities.get(&city) {
            Some(c) => *c,
            None => self.ds.get::<City>(city)?,
        };
        self.region_of_province(c.province_id)
    }

    /// The region of a province, if the province is known.
    pub fn region_of_province(&self, province: RecordId) -> Option<RecordId> {
        self.provinces.get(&province).map(|p| p.region_id)
    }

    /// The city's live projects of the scope's year.
    pub fn projects_of(&self, city: RecordId) -> &[&'a Project] {
        self.projects.get(&city).map_or(&[], Vec::as_slice)
    }

    /// The city's live instalments of the scope's year.
    pub fn instalments_of(&self, city: RecordId) -> &[&'a Instalment] {
        self.instalments.get(&city).map_or(&[], Vec::as_slice)
    }

    /// The city committee's live grants of the scope's year.
    pub fn committee_grants_of(&self, city: RecordId) -> &[&'a CommitteeGrant] {
        self.committee_grants.get(&city).map_or(&[], Vec::as_slice)
    }

    /// The province's live start-up grants of the scope's year.
    pub fn province_grants_of(&self, province: RecordId) -> &[&'a ProvinceGrant] {
        self.province_grants
            .get(&province)
            .map_or(&[], Vec::as_slice)
    }
}
