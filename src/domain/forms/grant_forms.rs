//! Forms for province start-up grants and committee grants, and the amounts the programme
//! expects for each (from the year's parameters, never written here).

use serde::{Deserialize, Serialize};

use crate::domain::dates::FiscalYear;
use crate::domain::meta::{RecordId, RecordMeta};
use crate::domain::money::Baht;
use crate::domain::records::{City, CommitteeGrant, Dataset, ProvinceGrant};

use super::committee_form::{id_text, read_city, read_id};
use super::form::{date_text, money_text, Reader, RecordForm};

/// A province start-up grant, as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ProvinceGrantForm {
    pub province_id: String,
    pub fiscal_year: String,
    pub amount: String,
    pub date: String,
}

/// A committee grant, as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CommitteeGrantForm {
    pub city_id: String,
    pub fiscal_year: String,
    pub amount: String,
    pub date: String,
}

/// A province grant not yet typed in, with the year's amount filled in.
pub fn new_province_grant(
    ds: &Dataset,
    meta: RecordMeta,
    province: RecordId,
    fy: FiscalYear,
) -> ProvinceGrant {
    ProvinceGrant {
        meta,
        province_id: province,
        fiscal_year: fy,
        amount: ds.parameters_for(fy).province_grant,
        date: None,
    }
}

/// A committee grant not yet typed in; the amount follows the city's type once chosen.
pub fn new_committee_grant(
    ds: &Dataset,
    meta: RecordMeta,
    city: RecordId,
    fy: FiscalYear,
) -> CommitteeGrant {
    let amount = expected_committee_grant(ds, city, fy).unwrap_or(Baht::ZERO);
    CommitteeGrant {
        meta,
        city_id: city,
        fiscal_year: fy,
        amount,
        date: None,
    }
}

/// What a city's committee grant should be in `fy`, by its type (`None` for no such city).
pub fn expected_committee_grant(ds: &Dataset, city: RecordId, fy: FiscalYear) -> Option<Baht> {
    let c = ds.get::<City>(city).filter(|c| !c.meta.deleted)?;
    Some(ds.parameters_for(fy).committee_grant_for(c.unit_type))
}

impl RecordForm for ProvinceGrantForm {
    type Record = ProvinceGrant;

    fn from_record(g: &ProvinceGrant) -> ProvinceGrantForm {
        ProvinceGrantForm {
            province_id: id_text(g.province_id),
            fiscal_year: g.fiscal_year.0.to_string(),
            amount: money_text(Some(g.amount)),
            date: date_text(g.date),
        }
    }

    fn read(&self, base: &ProvinceGrant, g: &mut ProvinceGrant, r: &mut Reader) {
        g.province_id = read_id(
            r,
            "province_id",
            &self.province_id,
            base.province_id,
            "กรุณาเลือกจังหวัด",
            "Please choose the province.",
        );
        g.fiscal_year = r.fiscal_year("fiscal_year", &self.fiscal_year, base.fiscal_year);
        g.amount = r.money_required("amount", &self.amount, base.amount);
        g.date = r.date("date", &self.date, base.date);
    }
}

impl RecordForm for CommitteeGrantForm {
    type Record = CommitteeGrant;

    fn from_record(g: &CommitteeGrant) -> CommitteeGrantForm {
        CommitteeGrantForm {
            city_id: id_text(g.city_id),
            fiscal_year: g.fiscal_year.0.to_string(),
            amount: if g.amount.is_zero() {
                String::new()
            } else {
                money_text(Some(g.amount))
            },
            date: date_text(g.date),
        }
    }

    fn read(&self, base: &CommitteeGrant, g: &mut CommitteeGrant, r: &mut Reader) {
        g.city_id = read_city(r, &self.city_id, base.city_id);
        g.fiscal_year = r.fiscal_year("fiscal_year", &self.fiscal_year, base.fiscal_year);
        g.amount = r.money_required("amount", &self.amount, base.amount);
        g.date = r.date("date", &self.date, base.date);
    }
}
