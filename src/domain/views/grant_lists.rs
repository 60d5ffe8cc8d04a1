//! The grants lists: province start-up grants and committee grants, with the same
//! [`ListFilter`] as the other money lists.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::domain::dates::FiscalYear;
use crate::domain::meta::RecordId;
use crate::domain::money::Baht;
use crate::domain::records::{City, CommitteeGrant, Dataset, Province, ProvinceGrant};
use crate::domain::sorting::SortSmall;
use crate::domain::views::choices::cities;
use crate::domain::views::entry_lists::ListFilter;
use crate::domain::views::thai_sort::thai_sort_key;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct GrantRow {
    pub id: RecordId,
    /// The province (province grants) or the city (committee grants).
    pub to_th: String,
    pub to_en: String,
    pub fiscal_year: FiscalYear,
    pub amount: Baht,
    pub date: Option<NaiveDate>,
}

impl GrantRow {
    fn new(
        id: RecordId,
        (to_th, to_en): (String, String),
        fiscal_year: FiscalYear,
        amount: Baht,
        date: Option<NaiveDate>,
    ) -> GrantRow {
        GrantRow {
            id,
            to_th,
            to_en,
            fiscal_year,
            amount,
            date,
        }
    }
}

/// Province start-up grants, by province name then year.
pub fn province_grant_rows(ds: &Dataset, f: &ListFilter) -> Vec<GrantRow> {
    let provinces: HashMap<RecordId, Province> =
        crate::domain::editing::stored_or_shipped::provinces(ds)
            .into_iter()
            .map(|p| (p.meta.id, p))
            .collect();
    let city_province = f
        .city
        .and_then(|c| ds.get::<City>(c))
        .map(|c| c.province_id);
    let mut rows: Vec<GrantRow> = ds
        .live::<ProvinceGrant>()
        .filter(|g| {
            f.province.is_none_or(|p| p == g.province_id)
                && city_province.is_none_or(|p| p == g.province_id)
        })
        .filter(|g| f.matches_year(g.fiscal_year))
        .filter_map(|g| {
            let p = provinces.get(&g.province_id);
            let (th, en) = p.map_or((String::new(), String::new()), |p| {
                (p.name_th.clone(), p.name_en.clone())
            });
            f.matches_text(&[&th, &en])
                .then(|| GrantRow::new(g.meta.id, (th, en), g.fiscal_year, g.amount, g.date))
        })
        .collect();
    rows.sort_by_cached_key_small(|r| (thai_sort_key(&r.to_th), r.fiscal_year));
    rows
}

/// Committee grants, by city name then year.
pub fn committee_grant_rows(ds: &Dataset, f: &ListFilter) -> Vec<GrantRow> {
    let names = cities(ds);
    let mut rows: Vec<GrantRow> = ds
        .live::<CommitteeGrant>()
        .filter_map(|g| {
            let city = names.get(&g.city_id);
            let (th, en) = city.map_or((String::new(), String::new()), |c| {
                (c.th.clone(), c.en.clone())
            });
            (f.matches_city(city) && f.matches_year(g.fiscal_year) && f.matches_text(&[&th, &en]))
                .then(|| GrantRow::new(g.meta.id, (th, en), g.fiscal_year, g.amount, g.date))
        })
        .collect();
    rows.sort_by_cached_key_small(|r| (thai_sort_key(&r.to_th), r.fiscal_year));
    rows
}
