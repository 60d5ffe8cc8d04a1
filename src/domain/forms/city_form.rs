//! The city form: names, unit type, province, district and local-government code, the
//! approved ceiling per fiscal year, and the account that receives the money.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::domain::dates::FiscalYear;
use crate::domain::meta::RecordMeta;
use crate::domain::money::Baht;
use crate::domain::records::{City, CityBudget, LocalUnitType, ReceivingAccount};

use super::form::{enum_from_key, enum_key, money_text, FieldError, Reader, RecordForm};

/// One fiscal year's approved ceiling, as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct BudgetLine {
    /// BE year, e.g. "2561".
    pub fiscal_year: String,
    pub approved_ceiling: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CityForm {
    pub name_th: String,
    pub name_en: String,
    /// [`LocalUnitType`]'s key, "" until chosen.
    pub unit_type: String,
    /// The province's id, "" until chosen.
    pub province_id: String,
    pub budgets: Vec<BudgetLine>,
    /// อำเภอ.
    #[serde(default)]
    pub district: String,
    /// The Department of Local Administration's code.
    #[serde(default)]
    pub local_code: String,
    /// The receiving account, as typed; all empty means none.
    #[serde(default)]
    pub account_name: String,
    #[serde(default)]
    pub bank: String,
    #[serde(default)]
    pub branch: String,
    #[serde(default)]
    pub account_number: String,
    /// The people authorised to sign, one per line (or separated by commas).
    #[serde(default)]
    pub signers: String,
}

fn account(c: &City, part: impl Fn(&ReceivingAccount) -> String) -> String {
    c.account.as_ref().map(part).unwrap_or_default()
}

impl CityForm {
    /// The account as typed; `None` when nothing of it was typed. A partly typed account is
    /// kept as typed (the transfer gate says what it lacks), never dropped.
    fn account(&self) -> Option<ReceivingAccount> {
        let a = ReceivingAccount {
            account_name: self.account_name.trim().to_owned(),
            bank: self.bank.trim().to_owned(),
            branch: self.branch.trim().to_owned(),
            number: self.account_number.trim().to_owned(),
            signers: self
                .signers
                .split(['\n', ','])
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect(),
        };
        (a != ReceivingAccount::default()).then_some(a)
    }
}

/// A city not yet typed in: the form starts from this. `province_id` is nil (not chosen).
pub fn new_city(meta: RecordMeta, fiscal_year: FiscalYear) -> City {
    City::with_ceiling(
        meta,
        String::new(),
        String::new(),
        LocalUnitType::SubdistrictMunicipality,
        Uuid::nil(),
        fiscal_year,
        Baht::ZERO,
    )
}

impl RecordForm for CityForm {
    type Record = City;

    fn from_record(c: &City) -> CityForm {
        // A brand-new city shows empty choices rather than a guessed type and province.
        let fresh = c.province_id.is_nil();
        CityForm {
            name_th: c.name_th.clone(),
            name_en: c.name_en.clone(),
            unit_type: if fresh {
                String::new()
            } else {
                enum_key(&c.unit_type)
            },
            province_id: if fresh {
                String::new()
            } else {
                c.province_id.to_string()
            },
            budgets: c
                .budgets
                .iter()
                .map(|b| BudgetLine {
                    fiscal_year: b.fiscal_year.0.to_string(),
                    approved_ceiling: if fresh && b.approved_ceiling.is_zero() {
                        String::new()
                    } else {
                        money_text(Some(b.approved_ceiling))
                    },
                })
                .collect(),
            district: c.district.clone(),
            local_code: c.local_code.clone(),
            account_name: account(c, |a| a.account_name.clone()),
            bank: account(c, |a| a.bank.clone()),
            branch: account(c, |a| a.branch.clone()),
            account_number: account(c, |a| a.number.clone()),
            signers: account(c, |a| a.signers.join("\n")),
        }
    }

    fn read(&self, base: &City, city: &mut City, r: &mut Reader) {
        city.name_th = self.name_th.trim().to_owned();
        city.name_en = self.name_en.trim().to_owned();
        city.district = self.district.trim().to_owned();
        city.local_code = self.local_code.trim().to_owned();
        city.account = self.account();
        city.unit_type = r.choice(
            "unit_type",
            enum_from_key::<LocalUnitType>(&self.unit_type),
            base.unit_type,
        );
        city.province_id = match Uuid::parse_str(self.province_id.trim()) {
            Ok(id) => id,
            Err(_) => {
                r.errors.push(FieldError::missing(
                    "province_id",
                    "กรุณาเลือกจังหวัด",
                    "Please choose the province.",
                ));
                base.province_id
            }
        };
        let default_fy = base
            .budgets
            .first()
            .map_or(FiscalYear(2561), |b| b.fiscal_year);
        city.budgets = self
            .budgets
            .iter()
            .enumerate()
            // A year without a ceiling typed is not a budget yet (a new city starts with one).
            .filter(|(_, b)| !b.approved_ceiling.trim().is_empty())
            .map(|(i, b)| {
                let old = base.budgets.get(i);
                CityBudget {
                    fiscal_year: r.fiscal_year(
                        &format!("budgets[{i}].fiscal_year"),
                        &b.fiscal_year,
                        old.map_or(default_fy, |o| o.fiscal_year),
                    ),
                    approved_ceiling: r.money_required(
                        &format!("budgets[{i}].approved_ceiling"),
                        &b.approved_ceiling,
                        old.map_or(Baht::ZERO, |o| o.approved_ceiling),
                    ),
                }
            })
            .collect();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::example::north_2561;

    #[test]
    fn a_stored_city_round_trips_through_its_form() {
        for city in north_2561().records.cities {
            let form = CityForm::from_record(&city);
            let built = form.build(&city);
            assert!(built.is_complete(), "{:?}", built.errors);
            assert_eq!(built.record, city);
        }
    }

    #[test]
    fn the_receiving_account_is_typed_kept_and_read_back() {
        let city = north_2561().records.cities[0].clone();
        assert_eq!(city.account, None, "the article names no account");
        let mut form = CityForm::from_record(&city);
        assert_eq!(
            form.build(&city).record.account,
            None,
            "nothing typed: no account"
        );
        form.district = " แม่สอด ".into();
        form.account_name = " เครือข่ายองค์กรชุมชนเมืองแม่สอด ".into();
        form.bank = "ธนาคารออมสิน".into();
        form.account_number = "020-1-23456-7".into();
        form.signers = "นางสาวหนึ่ง ใจดี\nนายสอง รักเมือง, นางสาม มั่นคง\n".into();
        let built = form.build(&city).record;
        assert_eq!(built.district, "แม่สอด");
        let account = built.account.clone().expect("an account");
        assert!(account.is_complete());
        assert_eq!(account.account_name, "เครือข่ายองค์กรชุมชนเมืองแม่สอด");
        assert_eq!(
            account.signers,
            ["นางสาวหนึ่ง ใจดี", "นายสอง รักเมือง", "นางสาม มั่นคง"]
        );
        // Back into a form and out again: nothing typed is lost.
        assert_eq!(CityForm::from_record(&built).build(&built).record, built);
        // Half typed is kept as typed, and is not complete (the transfer gate asks).
        form.bank.clear();
        let half = form.build(&city).record.account.expect("kept");
        assert!(!half.is_complete());
    }

    #[test]
    fn a_new_city_shows_empty_choices_and_says_what_is_missing() {
        let meta = north_2561().records.cities[0].meta.clone();
        let blank = new_city(meta, FiscalYear(2561));
        let mut form = CityForm::from_record(&blank);
        assert_eq!(form.unit_type, "");
        assert_eq!(form.province_id, "");
        assert_eq!(form.budgets[0].approved_ceiling, "");
        form.name_th = " เทศบาลเมืองทดลอง ".into();
        form.budgets[0].approved_ceiling = "๕๐๐,๐๐๐".into();
        let built = form.build(&blank);
        let fields: Vec<&str> = built.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, vec!["unit_type", "province_id"]);
        assert_eq!(built.record.name_th, "เทศบาลเมืองทดลอง");
        assert_eq!(
            built.record.budgets[0].approved_ceiling,
            Baht::whole(500_000)
        );

        form.unit_type = "town_municipality".into();
        form.province_id = crate::domain::reference::province_id("TH-63").to_string();
        form.budgets[0].approved_ceiling = "50O,000".into();
        let built = form.build(&blank);
        assert_eq!(built.errors.len(), 1);
        assert_eq!(built.errors[0].field, "budgets[0].approved_ceiling");
        assert_eq!(built.record.unit_type, LocalUnitType::TownMunicipality);
    }

    #[test]
    fn empty_budget_lines_are_dropped() {
        let city = north_2561().records.cities[0].clone();
        let mut form = CityForm::from_record(&city);
        form.budgets.push(BudgetLine::default());
        let built = form.build(&city);
        assert!(built.is_complete());
        assert_eq!(built.record.budgets.len(), 1);
    }
}
