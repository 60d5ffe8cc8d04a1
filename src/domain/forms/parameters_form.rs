//! Forms for the programme's parameters of one fiscal year (every amount, the
//! first-instalment share and the second-instalment deadline) and for stated totals.

use crate::domain::sorting::SortSmall;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::domain::dates::FiscalYear;
use crate::domain::meta::{RecordId, RecordMeta};
use crate::domain::records::{Dataset, ProgrammeParameters, StatedTotal};

use super::committee_form::id_text;
use super::form::{date_text, money_text, Reader, RecordForm};
use super::money_forms::{parse_share, share_text};

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ParametersForm {
    pub fiscal_year: String,
    pub project_max: String,
    pub city_max: String,
    pub committee_grant_city_town: String,
    pub committee_grant_subdistrict: String,
    pub province_grant: String,
    /// Per cent, e.g. "70".
    pub first_instalment_share: String,
    pub second_instalment_deadline: String,
}

/// A new year's parameters: the amounts in force for `fy` (the latest earlier year's),
/// without a deadline, since a deadline belongs to its year.
pub fn new_parameters(ds: &Dataset, meta: RecordMeta, fy: FiscalYear) -> ProgrammeParameters {
    let mut p = ds.parameters_for(fy);
    p.meta = meta;
    p.fiscal_year = fy;
    p.second_instalment_deadline = None;
    p
}

/// The live parameters records, newest year first; for the list.
pub fn parameter_years(ds: &Dataset) -> Vec<ProgrammeParameters> {
    let mut out: Vec<ProgrammeParameters> =
        crate::domain::editing::stored_or_shipped::with_reference(ds)
            .live::<ProgrammeParameters>()
            .cloned()
            .collect();
    out.sort_by_key_small(|p| std::cmp::Reverse(p.fiscal_year));
    out
}

/// Another live parameters record for the same year as `id`, if any: two records for one
/// year leave the rules to pick one, so the page says so.
pub fn other_for_year(ds: &Dataset, id: RecordId, fy: FiscalYear) -> Option<RecordId> {
    crate::domain::editing::stored_or_shipped::with_reference(ds)
        .live::<ProgrammeParameters>()
        .find(|p| p.fiscal_year == fy && p.meta.id != id)
        .map(|p| p.meta.id)
}

impl RecordForm for ParametersForm {
    type Record = ProgrammeParameters;

    fn from_record(p: &ProgrammeParameters) -> ParametersForm {
        ParametersForm {
            fiscal_year: p.fiscal_year.0.to_string(),
            project_max: money_text(Some(p.project_max)),
            city_max: money_text(Some(p.city_max)),
            committee_grant_city_town: money_text(Some(p.committee_grant_city_town)),
            committee_grant_subdistrict: money_text(Some(p.committee_grant_subdistrict)),
            province_grant: money_text(Some(p.province_grant)),
            first_instalment_share: share_text(p.first_instalment_share),
            second_instalment_deadline: date_text(p.second_instalment_deadline),
        }
    }

    fn read(&self, base: &ProgrammeParameters, p: &mut ProgrammeParameters, r: &mut Reader) {
        p.fiscal_year = r.fiscal_year("fiscal_year", &self.fiscal_year, base.fiscal_year);
        p.project_max = r.money_required("project_max", &self.project_max, base.project_max);
        p.city_max = r.money_required("city_max", &self.city_max, base.city_max);
        p.committee_grant_city_town = r.money_required(
            "committee_grant_city_town",
            &self.committee_grant_city_town,
            base.committee_grant_city_town,
        );
        p.committee_grant_subdistrict = r.money_required(
            "committee_grant_subdistrict",
            &self.committee_grant_subdistrict,
            base.committee_grant_subdistrict,
        );
        p.province_grant =
            r.money_required("province_grant", &self.province_grant, base.province_grant);
        p.first_instalment_share = r.required(
            "first_instalment_share",
            &self.first_instalment_share,
            base.first_instalment_share,
            parse_share,
        );
        p.second_instalment_deadline = r.date(
            "second_instalment_deadline",
            &self.second_instalment_deadline,
            base.second_instalment_deadline,
        );
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct StatedTotalForm {
    pub label: String,
    /// The region's id; "" for the whole country.
    pub region_id: String,
    pub fiscal_year: String,
    pub source: String,
    pub cities: String,
    pub provinces: String,
    pub amount: String,
}

/// A stated total not yet typed in.
pub fn new_stated_total(meta: RecordMeta, region: Option<RecordId>, fy: FiscalYear) -> StatedTotal {
    StatedTotal {
        meta,
        label: String::new(),
        region_id: region,
        fiscal_year: fy,
        source: String::new(),
        cities: None,
        provinces: None,
        amount: None,
    }
}

impl RecordForm for StatedTotalForm {
    type Record = StatedTotal;

    fn from_record(s: &StatedTotal) -> StatedTotalForm {
        StatedTotalForm {
            label: s.label.clone(),
            region_id: s.region_id.map(id_text).unwrap_or_default(),
            fiscal_year: s.fiscal_year.0.to_string(),
            source: s.source.clone(),
            cities: s.cities.map(|n| n.to_string()).unwrap_or_default(),
            provinces: s.provinces.map(|n| n.to_string()).unwrap_or_default(),
            amount: money_text(s.amount),
        }
    }

    fn read(&self, base: &StatedTotal, s: &mut StatedTotal, r: &mut Reader) {
        s.label = self.label.trim().to_owned();
        s.region_id = Uuid::parse_str(self.region_id.trim())
            .ok()
            .filter(|id| !id.is_nil());
        s.fiscal_year = r.fiscal_year("fiscal_year", &self.fiscal_year, base.fiscal_year);
        s.source = self.source.trim().to_owned();
        let mut count = |field: &str, raw: &str, old: Option<u32>| {
            (!raw.trim().is_empty()).then(|| {
                let n = r.whole(field, raw, 0, 1_000_000, u64::from(old.unwrap_or(0)));
                u32::try_from(n).unwrap_or(u32::MAX)
            })
        };
        s.cities = count("cities", &self.cities, base.cities);
        s.provinces = count("provinces", &self.provinces, base.provinces);
        s.amount = r.money("amount", &self.amount, base.amount);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::example::north_2561;
    use crate::domain::forms::form::assert_round_trips;
    use crate::domain::money::Baht;
    use rust_decimal::Decimal;

    #[test]
    fn example_parameters_and_totals_round_trip() {
        let ds = north_2561().records;
        assert_round_trips::<ParametersForm>(&ds);
        assert_round_trips::<StatedTotalForm>(&ds);
    }

    #[test]
    fn a_new_year_starts_from_the_amounts_in_force_without_a_deadline() {
        let ds = north_2561().records;
        let p = new_parameters(&ds, ds.cities[0].meta.clone(), FiscalYear(2562));
        assert_eq!(p.fiscal_year, FiscalYear(2562));
        assert_eq!(p.project_max, Baht::whole(50_000));
        assert_eq!(p.second_instalment_deadline, None);
        assert_eq!(
            other_for_year(&ds, p.meta.id, FiscalYear(2561)),
            Some(ds.programme_parameters[0].meta.id)
        );
        assert_eq!(other_for_year(&ds, p.meta.id, FiscalYear(2562)), None);
        let mut form = ParametersForm::from_record(&p);
        form.first_instalment_share = "๖๐%".into();
        form.project_max = "๖๐,๐๐๐".into();
        form.city_max = "lots".into();
        let b = form.build(&p);
        assert_eq!(b.record.first_instalment_share, Decimal::new(6, 1));
        assert_eq!(b.record.project_max, Baht::whole(60_000));
        assert_eq!(b.errors.len(), 1);
        assert_eq!(b.errors[0].field, "city_max");
        assert_eq!(parameter_years(&ds).len(), 1);
    }

    #[test]
    fn empty_stated_figures_stay_empty() {
        let ds = north_2561().records;
        let s = new_stated_total(ds.cities[0].meta.clone(), None, FiscalYear(2561));
        let mut form = StatedTotalForm::from_record(&s);
        form.label = " ภาคเหนือ ".into();
        form.cities = "๑๒".into();
        let b = form.build(&s);
        assert!(b.is_complete());
        assert_eq!(b.record.label, "ภาคเหนือ");
        assert_eq!(b.record.cities, Some(12));
        assert_eq!(b.record.provinces, None);
        assert_eq!(b.record.amount, None);
    }
}
