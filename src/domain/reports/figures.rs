//! The money of one city in one year, and the sums of many: the numbers every report is
//! built from, so the dashboard, the drill-down and the printed summaries cannot disagree.

use serde::Serialize;

use crate::domain::meta::RecordId;
use crate::domain::money::Baht;
use crate::domain::records::City;

use super::index::Index;

/// One city's figures for the scope's fiscal year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CityFigures {
    pub city_id: RecordId,
    /// The city's approved ceiling for the year; zero when none is recorded.
    pub approved: Baht,
    /// What the city's projects may take together: the lower of the programme's city
    /// maximum and the city's ceiling, as the `city.cap` rule reads it.
    pub cap: Baht,
    /// Committee grants of the year (normally one: 30,000 or 20,000).
    pub committee_grants: Baht,
    /// Approved amounts of projects that commit money (approved, in progress, completed).
    pub committed: Baht,
    /// Instalments with an actual date: money that moved.
    pub transferred: Baht,
    /// `approved − transferred`. Negative when more moved than was approved; never
    /// clamped, so the report shows the error instead of hiding it.
    pub remaining: Baht,
    /// Co-funding raised by the projects that commit money (ต่อยอด).
    pub co_funding: Baht,
    /// Live projects of the year, whatever their status.
    pub projects: usize,
}

impl CityFigures {
    pub(crate) fn of(ix: &Index<'_>, city: &City) -> CityFigures {
        let id = city.meta.id;
        let fy = ix.scope.fiscal_year;
        let ceiling = city.budget_for(fy);
        let city_max = ix.params.city_max;
        let projects = ix.projects_of(id);
        let approved = ceiling.unwrap_or(Baht::ZERO);
        let transferred = ix
            .instalments_of(id)
            .iter()
            .filter(|i| ix.counts_as_transferred(i))
            .map(|i| i.amount)
            .sum();
        CityFigures {
            city_id: id,
            approved,
            cap: ceiling.map_or(city_max, |c| c.min(city_max)),
            committee_grants: ix.committee_grants_of(id).iter().map(|g| g.amount).sum(),
            committed: projects.iter().map(|p| p.committed()).sum(),
            transferred,
            remaining: approved - transferred,
            co_funding: projects
                .iter()
                .filter(|p| p.status().commits_money())
                .map(|p| p.co_funding_total())
                .sum(),
            projects: projects.len(),
        }
    }

    /// Whether the approved projects take more than the cap (the `city.cap` rule's case).
    pub fn over_cap(&self) -> bool {
        self.committed > self.cap
    }
}

/// Sums over cities and provinces: a province, a region or the whole scope.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Totals {
    pub cities: usize,
    pub provinces: usize,
    /// Sum of the cities' approved ceilings.
    pub approved: Baht,
    pub committee_grants: Baht,
    pub province_grants: Baht,
    /// `approved + committee_grants + province_grants`: what an announcement calls the
    /// total support (the North's "6.6 million").
    pub total_support: Baht,
    pub committed: Baht,
    pub transferred: Baht,
    /// `approved − transferred`, summed city by city (so one city's over-transfer shows
    /// as less remaining, not as a hidden zero).
    pub remaining: Baht,
    pub co_funding: Baht,
    pub projects: usize,
}

impl Totals {
    pub(crate) fn add_city(&mut self, f: &CityFigures) {
        self.cities += 1;
        self.approved += f.approved;
        self.committee_grants += f.committee_grants;
        self.committed += f.committed;
        self.transferred += f.transferred;
        self.remaining += f.remaining;
        self.co_funding += f.co_funding;
        self.projects += f.projects;
        self.total_support += f.approved + f.committee_grants;
    }

    pub(crate) fn add_province(&mut self, grants: Baht) {
        self.provinces += 1;
        self.province_grants += grants;
        self.total_support += grants;
    }

    pub(crate) fn add(&mut self, other: &Totals) {
        self.cities += other.cities;
        self.provinces += other.provinces;
        self.approved += other.approved;
        self.committee_grants += other.committee_grants;
        self.province_grants += other.province_grants;
        self.total_support += other.total_support;
        self.committed += other.committed;
        self.transferred += other.transferred;
        self.remaining += other.remaining;
        self.co_funding += other.co_funding;
        self.projects += other.projects;
    }
}

/// Figures of every city in scope, in the index's order.
pub(crate) fn city_figures(ix: &Index<'_>) -> Vec<CityFigures> {
    ix.cities.iter().map(|c| CityFigures::of(ix, c)).collect()
}

/// The scope's totals: every city in it, every province in it with its start-up grants.
pub(crate) fn totals(ix: &Index<'_>, cities: &[CityFigures]) -> Totals {
    let mut t = Totals::default();
    for f in cities {
        t.add_city(f);
    }
    for &p in &ix.province_ids {
        t.add_province(ix.province_grants_of(p).iter().map(|g| g.amount).sum());
    }
    t
}
