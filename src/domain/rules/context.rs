//! Look-ups built once per check, so every rule is a single pass over its records: with
//! 10,000 projects, a search per record would be the difference between milliseconds and
//! seconds.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::hash::{BuildHasherDefault, Hasher};

use chrono::NaiveDate;

use crate::domain::dates::FiscalYear;
use crate::domain::meta::RecordId;
use crate::domain::records::{
    City, Committee, CommitteeGrant, Dataset, Instalment, Mou, ProgrammeParameters, Project,
    Province, ProvinceGrant, Region, StatedTotal,
};

/// Record ids are UUIDs: already well mixed, and not chosen by an attacker within one
/// office's data, so a multiply-rotate hash (as rustc's FxHash) replaces SipHash, which
/// was a third of the time of a check.
#[derive(Default, Clone, Copy)]
pub(crate) struct IdHasher(u64);

impl Hasher for IdHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut words = bytes.chunks_exact(8);
        for word in &mut words {
            let mut w = [0u8; 8];
            w.copy_from_slice(word);
            self.write_u64(u64::from_le_bytes(w));
        }
        let rest = words.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.write_u64(u64::from_le_bytes(w));
        }
    }

    #[inline]
    fn write_u8(&mut self, n: u8) {
        self.write_u64(u64::from(n));
    }

    #[inline]
    fn write_u64(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    #[inline]
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A map keyed by record ids (or tuples of them) with [`IdHasher`].
pub(crate) type HashMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<IdHasher>>;

pub(crate) struct Ctx<'a> {
    pub ds: &'a Dataset,
    /// The device's today: what counts as the future (`transfer.future_date`, dates too far
    /// ahead).
    pub today: NaiveDate,
    /// The day the check is made "as of": transfers after it have not happened yet for
    /// this check, and deadlines are judged on it. Equal to `today` unless a report asks
    /// about an earlier day.
    pub as_of: NaiveDate,
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

fn by_id<R: crate::domain::records::Record>(ds: &Dataset) -> HashMap<RecordId, &R> {
    ds.live::<R>().map(|r| (r.meta().id, r)).collect()
}

impl<'a> Ctx<'a> {
    pub fn new(ds: &'a Dataset, as_of: NaiveDate, today: NaiveDate) -> Ctx<'a> {
        let mut projects_by_city: HashMap<RecordId, Vec<&Project>> = HashMap::default();
        for p in ds.live::<Project>() {
            projects_by_city.entry(p.city_id).or_default().push(p);
        }
        let mut instalments_by_city: HashMap<RecordId, Vec<&Instalment>> = HashMap::default();
        for i in ds.live::<Instalment>() {
            instalments_by_city.entry(i.city_id).or_default().push(i);
        }
        let mut first_mou_by_city: HashMap<RecordId, (NaiveDate, &Mou)> = HashMap::default();
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
            as_of,
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
        self.instalments_by_city
            .get(&city)
            .map_or(&[], Vec::as_slice)
    }
}

/// Resolves the parameters once for every fiscal year any record mentions.
fn params_for_all_years(ds: &Dataset) -> BTreeMap<FiscalYear, ProgrammeParameters> {
    // A dataset spans a handful of years, so a linear scan beats sorting thousands.
    let mut years: Vec<FiscalYear> = Vec::new();
    let mut note = |fy: FiscalYear| {
        if !years.contains(&fy) {
            years.push(fy);
        }
    };
    for c in ds.live::<City>() {
        c.budgets.iter().for_each(|b| note(b.fiscal_year));
    }
    ds.live::<Project>().for_each(|p| note(p.fiscal_year));
    ds.live::<Instalment>().for_each(|i| note(i.fiscal_year));
    ds.live::<CommitteeGrant>()
        .for_each(|g| note(g.fiscal_year));
    ds.live::<ProvinceGrant>().for_each(|g| note(g.fiscal_year));
    ds.live::<StatedTotal>().for_each(|t| note(t.fiscal_year));
    years
        .into_iter()
        .map(|fy| (fy, ds.parameters_for(fy)))
        .collect()
}
