//! The city list: filters by region, province, unit type and name.

use crate::domain::sorting::SortSmall;
use crate::domain::views::count_per;
use std::collections::HashMap;

use crate::domain::meta::RecordId;
use crate::domain::money::Baht;
use crate::domain::records::{City, Dataset, LocalUnitType};

use super::thai_sort::thai_sort_key;
use crate::domain::editing::stored_or_shipped;

/// What the person filters by; `None` and "" show all.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CityQuery {
    pub search: String,
    pub region: Option<RecordId>,
    pub province: Option<RecordId>,
    pub unit_type: Option<LocalUnitType>,
}

/// One row of the list.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CityRow {
    pub id: RecordId,
    pub name_th: String,
    pub name_en: String,
    pub unit_type: LocalUnitType,
    pub province_th: String,
    pub province_en: String,
    /// The ceiling of the latest fiscal year recorded, with that year.
    pub latest_ceiling: Option<(u16, Baht)>,
    pub projects: usize,
}

/// Live cities matching `q`, by Thai name.
pub fn city_rows(ds: &Dataset, q: &CityQuery) -> Vec<CityRow> {
    let provinces: HashMap<RecordId, (String, String, RecordId)> = stored_or_shipped::provinces(ds)
        .into_iter()
        .map(|p| (p.meta.id, (p.name_th, p.name_en, p.region_id)))
        .collect();
    let projects = count_per(ds, |p: &crate::domain::records::Project| p.city_id);
    let needle = q.search.trim().to_lowercase();
    let mut rows: Vec<CityRow> = ds
        .live::<City>()
        .filter(|c| q.unit_type.is_none_or(|t| c.unit_type == t))
        .filter(|c| q.province.is_none_or(|p| c.province_id == p))
        .filter(|c| {
            q.region
                .is_none_or(|r| provinces.get(&c.province_id).is_some_and(|p| p.2 == r))
        })
        .filter(|c| {
            needle.is_empty()
                || c.name_th.to_lowercase().contains(&needle)
                || c.name_en.to_lowercase().contains(&needle)
        })
        .map(|c| {
            let (pth, pen) = provinces
                .get(&c.province_id)
                .map(|p| (p.0.clone(), p.1.clone()))
                .unwrap_or_default();
            CityRow {
                id: c.meta.id,
                name_th: c.name_th.clone(),
                name_en: c.name_en.clone(),
                unit_type: c.unit_type,
                province_th: pth,
                province_en: pen,
                latest_ceiling: c
                    .budgets
                    .iter()
                    .max_by_key(|b| b.fiscal_year)
                    .map(|b| (b.fiscal_year.0, b.approved_ceiling)),
                projects: projects.get(&c.meta.id).copied().unwrap_or(0),
            }
        })
        .collect();
    rows.sort_by_cached_key_small(|r| thai_sort_key(&r.name_th));
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::example::north_2561;
    use crate::domain::reference::{province_id, region_id};

    #[test]
    fn filters() {
        let ds = north_2561().records;
        let all = city_rows(&ds, &CityQuery::default());
        assert_eq!(all.len(), 12);
        assert!(all.iter().all(|r| !r.province_th.is_empty()));
        let north = city_rows(
            &ds,
            &CityQuery {
                region: Some(region_id("north")),
                ..Default::default()
            },
        );
        assert_eq!(north.len(), 12);
        let south = city_rows(
            &ds,
            &CityQuery {
                region: Some(region_id("south")),
                ..Default::default()
            },
        );
        assert!(south.is_empty());
        let one = &all[0];
        let by_name = city_rows(
            &ds,
            &CityQuery {
                search: one.name_th.clone(),
                ..Default::default()
            },
        );
        assert!(by_name.iter().any(|r| r.id == one.id));
        let tak = city_rows(
            &ds,
            &CityQuery {
                province: Some(province_id("TH-63")),
                ..Default::default()
            },
        );
        assert!(tak.iter().all(|r| r.province_en == "Tak"));
        let towns = city_rows(
            &ds,
            &CityQuery {
                unit_type: Some(LocalUnitType::TownMunicipality),
                ..Default::default()
            },
        );
        assert!(towns
            .iter()
            .all(|r| r.unit_type == LocalUnitType::TownMunicipality));
        assert!(towns.len() < 12);
    }
}
