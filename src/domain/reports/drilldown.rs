//! Drill-down region → province → city, with each city's figures for a bar against its cap.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::domain::meta::RecordId;
use crate::domain::money::Baht;
use crate::domain::records::{City, Dataset, Region};

use super::figures::{city_figures, CityFigures, Totals};
use super::index::Index;
use super::names::{CityLine, ProvinceLine};
use super::scope::Scope;

/// One city's bar: its cap, and approved, committed and transferred against it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CityBar {
    pub city: CityLine,
    pub figures: CityFigures,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProvinceNode {
    pub province: ProvinceLine,
    /// The province's cities and its own start-up grants.
    pub totals: Totals,
    /// In the order the cities were entered.
    pub cities: Vec<CityBar>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RegionNode {
    /// `None` gathers cities whose province is missing, so their money still shows.
    /// Regions without a city in the report are left out.
    pub region_id: Option<RecordId>,
    pub code: String,
    pub name_th: String,
    pub name_en: String,
    pub totals: Totals,
    pub provinces: Vec<ProvinceNode>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DrillDown {
    pub scope: Scope,
    /// Equal to the dashboard's totals for the same scope.
    pub totals: Totals,
    /// Regions in dataset order (as shipped), then any region the dataset lacks.
    pub regions: Vec<RegionNode>,
    /// The largest cap, approved, committed or transferred amount of any city: one scale
    /// for every bar, so bars of different cities can be compared by eye.
    pub scale: Baht,
}

impl DrillDown {
    /// The share of the common scale an amount takes, from 0.0 to 1.0, for an SVG width.
    /// Only geometry uses a float; every figure shown stays a [`Baht`].
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use mueang::domain::dates::FiscalYear;
    /// use mueang::domain::example::north_2561;
    /// use mueang::domain::money::Baht;
    /// use mueang::domain::reports::{drill_down, Scope};
    /// let drill = drill_down(&north_2561().records, Scope::country(FiscalYear(2561)));
    /// assert_eq!(drill.scale, Baht::whole(500_000));
    /// assert_eq!(drill.fraction(Baht::whole(350_000)), rust_decimal::Decimal::new(7, 1));
    /// ```
    pub fn fraction(&self, amount: Baht) -> Decimal {
        amount.share_of(self.scale)
    }
}

/// The drill-down for `scope`: every region, province and city in it.
pub fn drill_down(ds: &Dataset, scope: Scope) -> DrillDown {
    let ix = Index::new(ds, scope);
    let figures = city_figures(&ix);
    let mut provinces: Vec<ProvinceNode> = ix
        .province_ids
        .iter()
        .map(|&id| {
            let mut totals = Totals::default();
            totals.add_province(ix.province_grants_of(id).iter().map(|g| g.amount).sum());
            ProvinceNode {
                province: ix.province_line(id),
                totals,
                cities: Vec::new(),
            }
        })
        .collect();
    let mut scale = Baht::ZERO;
    for (city, f) in ix.cities.iter().zip(figures) {
        scale = scale
            .max(f.cap)
            .max(f.approved)
            .max(f.committed)
            .max(f.transferred);
        if let Some(node) = provinces
            .iter_mut()
            .find(|n| n.province.province_id == city.province_id)
        {
            node.totals.add_city(&f);
            node.cities.push(CityBar {
                city: ix.city_line(city),
                figures: f,
            });
        }
    }
    let mut regions = region_nodes(&ix);
    for node in provinces {
        let region = ix.region_of_province(node.province.province_id);
        let slot = match regions.iter().position(|r| r.region_id == region) {
            Some(i) => i,
            None => {
                regions.push(unnamed_region(region));
                regions.len() - 1
            }
        };
        regions[slot].totals.add(&node.totals);
        regions[slot].provinces.push(node);
    }
    regions.retain(|r| !r.provinces.is_empty());
    let mut totals = Totals::default();
    for r in &regions {
        totals.add(&r.totals);
    }
    DrillDown {
        scope,
        totals,
        regions,
        scale,
    }
}

/// Every live city in the scope's region, with or without a ceiling for the year, in
/// dataset order, with its figures for the year: the rows of a city list.
pub fn city_bars(ds: &Dataset, scope: Scope) -> Vec<CityBar> {
    let ix = Index::new(ds, scope);
    ds.live::<City>()
        .filter(|c| scope.covers_region(ix.region_of_province(c.province_id)))
        .map(|c| CityBar {
            city: ix.city_line(c),
            figures: CityFigures::of(&ix, c),
        })
        .collect()
}

/// An empty node for every known region, in dataset order.
fn region_nodes(ix: &Index<'_>) -> Vec<RegionNode> {
    ix.ds
        .live::<Region>()
        .map(|r| RegionNode {
            region_id: Some(r.meta.id),
            code: r.code.clone(),
            name_th: r.name_th.clone(),
            name_en: r.name_en.clone(),
            totals: Totals::default(),
            provinces: Vec::new(),
        })
        .collect()
}

/// A node for a region the dataset does not hold (or for no region at all): its provinces'
/// money must still show, under the id or "region unknown".
fn unnamed_region(region_id: Option<RecordId>) -> RegionNode {
    let (th, en) = match region_id {
        Some(id) => (format!("ภาค {id}"), format!("Region {id}")),
        None => ("ไม่ทราบภาค".to_owned(), "Region unknown".to_owned()),
    };
    RegionNode {
        region_id,
        code: String::new(),
        name_th: th,
        name_en: en,
        totals: Totals::default(),
        provinces: Vec::new(),
    }
}
