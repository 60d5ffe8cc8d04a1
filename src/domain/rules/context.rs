//! Look-ups built once per check, so every rule is a single pass over its records: with
//! 10,000 projects, a search per record would be the difference between milliseconds and
//! seconds.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;

use crate::domain::dates::FiscalYear;
use crate::domain::meta::RecordId;
use crate::domain::records::{
    City, Committee, CommitteeGrant, Dataset, Instalment, Mou, ProgrammeParameters, Project,
    Province, ProvinceGrant, Region, StatedTotal,
};

pub(crate) struct Ctx<'a> {
    pub ds: &'a Dataset,
    pub today: NaiveDate,
    pub regions: HashMap<RecordId, &'a Region>,
    pub provinces: HashMap<RecordId, &'a Province>,
    pub cities: HashMap<RecordId, &'a City>,
    pub committees: HashMap<RecordId, &'a Committee>,
    /// Live projects of each city, in dataset order.
    pub projects_by_city: HashMap<RecordId, Vec<&'a Project>>,
    /// Live instalments of each city, in dataset order.
    pub instalments_by_city: HashMap<RecordId, Vec<&'a Instalment>>,
    /// The earliest dated live MOU covering each city.
    pub first_mou_by_city: HashMap<RecordId, (NaiveDate, &'a Mou)>,
    params: BTreeMap<FiscalYear, ProgrammeParameters>,
}

fn by_id<'a, R: crate::domain::records::Record>(
    ds: &'a Dataset,
) -> HashMap<RecordId, &'a R> {
    ds.live::<R>().map(|r| (r.meta().id, r)).collect()
}

impl<'a> Ctx<'a> {
    pub fn new(ds: &'a Dataset, today: NaiveDate) -> Ctx<'a> {
        let mut projects_by_city: HashMap<RecordId, Vec<&Project>> = HashMap::new();
        for p in ds.live::<Project>() {
            projects_by_city.entry(p.city_id).or_default().push(p);
        }
        let mut instalments_by_city: HashMap<RecordId, Vec<&Instalment>> = HashMap::new();
        for i in ds.live::<Instalment>() {
            instalments_by_city.entry(i.city_id).or_default().push(i);
        }
        let mut first_mou_by_city: HashMap<RecordId, (NaiveDate, &Mou)> = HashMap::new();
        for mou in ds.live::<Mou>() {
            let Some(date) = mou.date else { continue };
            for &city in &mou.city_ids {
                let slot = first_mou_by_city.entry(city).or_insert((date, mou));
                if date < slot.0 {
                    *slot = (date, mou);
                }
            }
        }
        Ctx {
            ds,
            today,
            regions: by_id(ds),
            provinces: by_id(ds),
            cities: by_id(ds),
            committees: by_id(ds),
            projects_by_city,
            instalments_by_city,
            first_mou_by_city,
            params: params_for_all_years(ds),
        }
    }

    /// The parameters of `fy`, as [`Dataset::parameters_for`] decides them.
    pub fn params(&self, fy: FiscalYear) -> Cow<'_, ProgrammeParameters> {
        match self.params.get(&fy) {
            Some(p) => Cow::Borrowed(p),
            None => Cow::Owned(self.ds.parameters_for(fy)),
        }
    }

    pub fn city(&self, id: RecordId) -> Option<&'a City> {
        self.cities.get(&id).copied()
    }

    pub fn projects_of(&self, city: RecordId) -> &[&'a Project] {
        self.projects_by_city.get(&city).map_or(&[], Vec::as_slice)
    }

    pub fn instalments_of(&self, city: RecordId) -> &[&'a Instalment] {
        self.instalments_by_city.get(&city).map_or(&[], Vec::as_slice)
    }
}

/// Resolves the parameters once for every fiscal year any record mentions.
fn params_for_all_years(ds: &Dataset) -> BTreeMap<FiscalYear, ProgrammeParameters> {
    let mut years: Vec<FiscalYear> = Vec::new();
    years.extend(ds.live::<City>().flat_map(|c| c.budgets.iter().map(|b| b.fiscal_year)));
    years.extend(ds.live::<Project>().map(|p| p.fiscal_year));
    years.extend(ds.live::<Instalment>().map(|i| i.fiscal_year));
    years.extend(ds.live::<CommitteeGrant>().map(|g| g.fiscal_year));
    years.extend(ds.live::<ProvinceGrant>().map(|g| g.fiscal_year));
    years.extend(ds.live::<StatedTotal>().map(|t| t.fiscal_year));
    years.sort_unstable();
    years.dedup();
    years
        .into_iter()
        .map(|fy| (fy, ds.parameters_for(fy)))
        .collect()
}
