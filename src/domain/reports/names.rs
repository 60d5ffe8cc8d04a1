//! How a report names a city: the few words every row and sheet prints beside the numbers.

use serde::Serialize;

use crate::domain::meta::RecordId;
use crate::domain::records::{City, Dataset, LocalUnitType, Province};

/// A city with its province, for a row of a table or the heading of a sheet.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CityLine {
    pub city_id: RecordId,
    /// Official Thai name, e.g. "เทศบาลนครแม่สอด".
    pub name_th: String,
    /// English name, or the Thai one when none was entered: many records only have the
    /// official Thai name, and an empty cell would lose the city.
    pub name_en: String,
    pub unit_type: LocalUnitType,
    pub province_id: RecordId,
    /// Empty when the province record is missing (the rules report the broken link).
    pub province_th: String,
    pub province_en: String,
}

impl CityLine {
    pub(crate) fn of(city: &City, province: Option<&Province>) -> CityLine {
        let en_or_th = |en: &str, th: &str| {
            if en.trim().is_empty() {
                th.to_owned()
            } else {
                en.to_owned()
            }
        };
        CityLine {
            city_id: city.meta.id,
            name_th: city.name_th.clone(),
            name_en: en_or_th(&city.name_en, &city.name_th),
            unit_type: city.unit_type,
            province_id: city.province_id,
            province_th: province.map(|p| p.name_th.clone()).unwrap_or_default(),
            province_en: province
                .map(|p| en_or_th(&p.name_en, &p.name_th))
                .unwrap_or_default(),
        }
    }
}

/// A province as a report names it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProvinceLine {
    pub province_id: RecordId,
    /// ISO 3166-2 code, e.g. "TH-65"; empty when the province record is missing.
    pub code: String,
    pub name_th: String,
    pub name_en: String,
}

impl ProvinceLine {
    /// A missing province keeps its id as its name, so its money still has a row.
    pub(crate) fn of(id: RecordId, province: Option<&Province>) -> ProvinceLine {
        match province {
            Some(p) => ProvinceLine {
                province_id: id,
                code: p.code.clone(),
                name_th: p.name_th.clone(),
                name_en: if p.name_en.trim().is_empty() {
                    p.name_th.clone()
                } else {
                    p.name_en.clone()
                },
            },
            None => ProvinceLine {
                province_id: id,
                code: String::new(),
                name_th: id.to_string(),
                name_en: id.to_string(),
            },
        }
    }
}

/// A city's and its province's names as a printed sheet heads them, each as entered (empty
/// where the record is missing: the sheet still prints).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PlaceNames {
    pub city_th: String,
    pub city_en: String,
    pub province_th: String,
    pub province_en: String,
}

impl PlaceNames {
    /// The names of live city `city_id` and of its province (stored or shipped).
    pub(crate) fn of(ds: &Dataset, city_id: RecordId) -> PlaceNames {
        let Some(city) = ds.live::<City>().find(|c| c.meta.id == city_id) else {
            return PlaceNames::default();
        };
        let (province_th, province_en) = crate::domain::editing::stored_or_shipped::provinces(ds)
            .into_iter()
            .find(|p: &Province| p.meta.id == city.province_id)
            .map(|p| (p.name_th, p.name_en))
            .unwrap_or_default();
        PlaceNames {
            city_th: city.name_th.clone(),
            city_en: city.name_en.clone(),
            province_th,
            province_en,
        }
    }
}
