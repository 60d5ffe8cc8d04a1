//! Money of the year that no city in a report carries. A report counts the cities with an
//! approved ceiling (as the `total.stated_mismatch` rule does); a grant or transfer to a
//! city without one, or a start-up grant to a province none of whose cities has one, would
//! otherwise vanish from every total. It is summed here so the dashboard can show it.

use std::collections::HashSet;

use serde::Serialize;

use crate::domain::meta::RecordId;
use crate::domain::money::Baht;
use crate::domain::records::{CommitteeGrant, Instalment, Project, ProvinceGrant};

use super::index::Index;
use super::names::{CityLine, ProvinceLine};

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Outside {
    /// Cities in the region with records of the year but no approved ceiling for it, in
    /// dataset order. Records of a city that does not exist are counted below but cannot be
    /// listed here.
    pub cities: Vec<CityLine>,
    pub committee_grants: Baht,
    /// Instalments with an actual date.
    pub transferred: Baht,
    pub projects: usize,
    /// Provinces in the region with a start-up grant of the year but no city in the report.
    pub provinces: Vec<ProvinceLine>,
    pub province_grants: Baht,
}

impl Outside {
    /// Nothing outside: the report's totals hold every record of the year in the region.
    pub fn is_empty(&self) -> bool {
        *self == Outside::default()
    }
}

pub(crate) fn outside(ix: &Index<'_>) -> Outside {
    let fy = ix.scope.fiscal_year;
    let mut out = Outside::default();
    let mut city_ids: HashSet<RecordId> = HashSet::new();
    // A city whose region cannot be told counts for the whole country, as in `Scope`.
    let outside_city =
        |city: RecordId| !ix.in_report(city) && ix.scope.covers_region(ix.region_of_city(city));
    for g in ix.ds.live::<CommitteeGrant>() {
        if g.fiscal_year == fy && outside_city(g.city_id) {
            out.committee_grants += g.amount;
            city_ids.insert(g.city_id);
        }
    }
    for i in ix.ds.live::<Instalment>() {
        if i.fiscal_year == fy && i.is_transferred() && outside_city(i.city_id) {
            out.transferred += i.amount;
            city_ids.insert(i.city_id);
        }
    }
    for p in ix.ds.live::<Project>() {
        if p.fiscal_year == fy && outside_city(p.city_id) {
            out.projects += 1;
            city_ids.insert(p.city_id);
        }
    }
    for c in ix.ds.live::<crate::domain::records::City>() {
        if city_ids.contains(&c.meta.id) {
            out.cities.push(ix.city_line(c));
        }
    }
    let mut province_ids: Vec<RecordId> = Vec::new();
    for g in ix.ds.live::<ProvinceGrant>() {
        let region = ix.region_of_province(g.province_id);
        let in_region = ix.scope.covers_region(region);
        if g.fiscal_year == fy && in_region && !ix.province_ids.contains(&g.province_id) {
            out.province_grants += g.amount;
            if !province_ids.contains(&g.province_id) {
                province_ids.push(g.province_id);
            }
        }
    }
    out.provinces = province_ids
        .into_iter()
        .map(|id| ix.province_line(id))
        .collect();
    out
}
