//! Names for the id columns of a list: each export row says which city, province and
//! region it belongs to in words, since an id means nothing in a spreadsheet.

use std::collections::HashMap;

use crate::domain::meta::RecordId;
use crate::domain::records::{City, Committee, Dataset, Province, Region};
use crate::domain::reports::Scope;

pub(crate) struct Lookup<'a> {
    cities: HashMap<RecordId, &'a City>,
    provinces: HashMap<RecordId, &'a Province>,
    regions: HashMap<RecordId, &'a Region>,
    committees: HashMap<RecordId, &'a Committee>,
}

impl<'a> Lookup<'a> {
    pub fn new(ds: &'a Dataset) -> Lookup<'a> {
        Lookup {
            cities: ds.live::<City>().map(|r| (r.meta.id, r)).collect(),
            provinces: ds.live::<Province>().map(|r| (r.meta.id, r)).collect(),
            regions: ds.live::<Region>().map(|r| (r.meta.id, r)).collect(),
            committees: ds.live::<Committee>().map(|r| (r.meta.id, r)).collect(),
        }
    }

    pub fn city(&self, id: RecordId) -> Option<&'a City> {
        self.cities.get(&id).copied()
    }

    pub fn committee(&self, id: RecordId) -> Option<&'a Committee> {
        self.committees.get(&id).copied()
    }

    /// The city's Thai name, or its id when the city is missing, so the row still says
    /// which record it came from.
    pub fn city_name(&self, id: RecordId) -> String {
        self.city(id)
            .map_or_else(|| id.to_string(), |c| c.name_th.clone())
    }

    pub fn province_of_city(&self, city: RecordId) -> Option<RecordId> {
        self.city(city).map(|c| c.province_id)
    }

    pub fn province_name(&self, id: Option<RecordId>) -> String {
        id.and_then(|id| self.provinces.get(&id))
            .map(|p| p.name_th.clone())
            .unwrap_or_default()
    }

    pub fn region_of_province(&self, id: Option<RecordId>) -> Option<RecordId> {
        id.and_then(|id| self.provinces.get(&id))
            .map(|p| p.region_id)
    }

    pub fn region_name(&self, id: Option<RecordId>) -> String {
        id.and_then(|id| self.regions.get(&id))
            .map(|r| r.name_th.clone())
            .unwrap_or_default()
    }

    /// Whether a record of this city belongs in an export for `scope`'s region (as for
    /// reports, a city whose region cannot be told only shows for the whole country).
    pub fn city_in(&self, scope: Scope, city: RecordId) -> bool {
        scope.covers_region(self.region_of_province(self.province_of_city(city)))
    }

    pub fn province_in(&self, scope: Scope, province: RecordId) -> bool {
        scope.covers_region(self.region_of_province(Some(province)))
    }
}
