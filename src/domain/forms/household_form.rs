//! A household's form (issue #12, parts 2–3): the paper survey form's fields in its order,
//! as typed at a community meeting, and the survey round's form.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::domain::meta::RecordMeta;
use crate::domain::records::survey::ranges::MAX_MEMBERS;
use crate::domain::records::survey::{Household, SurveyRound, Vulnerable};

use super::form::{date_text, enum_from_key, enum_key, money_text, Reader, RecordForm};

/// A household as typed. Choices are their keys ("" for not answered); `savings_member`
/// is "yes" or "no".
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct HouseholdForm {
    pub community_id: String,
    pub round_id: String,
    pub surveyed_on: String,
    pub surveyor: String,
    pub house_number: String,
    pub head_name: String,
    pub phone: String,
    pub members: String,
    pub elderly: String,
    pub disabled: String,
    pub young_children: String,
    pub land_tenure: String,
    pub house_tenure: String,
    pub monthly_rent: String,
    pub condition: String,
    pub income_band: String,
    pub savings_member: String,
    pub need: String,
    pub notes: String,
}

fn key<T: Serialize>(v: Option<T>) -> String {
    v.map(|v| enum_key(&v)).unwrap_or_default()
}

/// A count as a form shows it: empty for none, so a blank form is not full of zeros.
fn count_text(n: u32) -> String {
    if n == 0 {
        String::new()
    } else {
        n.to_string()
    }
}

fn id_text(id: Option<Uuid>) -> String {
    id.filter(|id| !id.is_nil())
        .map(|id| id.to_string())
        .unwrap_or_default()
}

impl RecordForm for HouseholdForm {
    type Record = Household;

    fn from_record(h: &Household) -> HouseholdForm {
        let v = &h.vulnerable;
        HouseholdForm {
            community_id: id_text(Some(h.community_id)),
            round_id: id_text(h.round_id),
            surveyed_on: date_text(h.surveyed_on),
            surveyor: h.surveyor.clone(),
            house_number: h.house_number.clone(),
            head_name: h.head_name.clone(),
            phone: h.phone.clone(),
            members: count_text(h.members),
            elderly: count_text(v.elderly),
            disabled: count_text(v.disabled),
            young_children: count_text(v.young_children),
            land_tenure: key(h.land_tenure),
            house_tenure: key(h.house_tenure),
            monthly_rent: money_text(h.monthly_rent),
            condition: key(h.condition),
            income_band: key(h.income_band),
            savings_member: if h.savings_member { "yes" } else { "no" }.into(),
            need: key(h.need),
            notes: h.notes.clone(),
        }
    }

    fn read(&self, base: &Household, h: &mut Household, r: &mut Reader) {
        h.community_id = Uuid::parse_str(self.community_id.trim()).unwrap_or(base.community_id);
        h.round_id = match self.round_id.trim() {
            "" => None,
            raw => Uuid::parse_str(raw).ok().or(base.round_id),
        };
        h.surveyed_on = r.date("surveyed_on", &self.surveyed_on, base.surveyed_on);
        h.surveyor = self.surveyor.trim().to_owned();
        h.house_number = self.house_number.trim().to_owned();
        h.head_name = self.head_name.trim().to_owned();
        h.phone = self.phone.trim().to_owned();
        // An empty count is none: `household.members` says so at the field, not the form.
        let mut count = |field: &str, raw: &str, old: u32| {
            if raw.trim().is_empty() {
                0
            } else {
                r.whole(field, raw, 0, MAX_MEMBERS, u64::from(old)) as u32
            }
        };
        h.members = count("members", &self.members, base.members);
        let old = &base.vulnerable;
        h.vulnerable = Vulnerable {
            elderly: count("vulnerable.elderly", &self.elderly, old.elderly),
            disabled: count("vulnerable.disabled", &self.disabled, old.disabled),
            young_children: count(
                "vulnerable.young_children",
                &self.young_children,
                old.young_children,
            ),
        };
        h.land_tenure = enum_from_key(&self.land_tenure);
        h.house_tenure = enum_from_key(&self.house_tenure);
        h.monthly_rent = r.money("monthly_rent", &self.monthly_rent, base.monthly_rent);
        h.condition = enum_from_key(&self.condition);
        h.income_band = enum_from_key(&self.income_band);
        h.savings_member = self.savings_member == "yes";
        h.need = enum_from_key(&self.need);
        h.notes = self.notes.trim().to_owned();
    }
}

/// A survey round as typed.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct RoundForm {
    pub city_id: String,
    pub title: String,
    pub date: String,
    pub surveyor: String,
    pub closed_on: String,
    pub notes: String,
}

/// A round of `city` not yet typed in.
pub fn new_round(meta: RecordMeta, city: Uuid) -> SurveyRound {
    SurveyRound {
        meta,
        city_id: city,
        title: String::new(),
        date: None,
        closed_on: None,
        surveyor: String::new(),
        notes: String::new(),
    }
}

impl RecordForm for RoundForm {
    type Record = SurveyRound;

    fn from_record(s: &SurveyRound) -> RoundForm {
        RoundForm {
            city_id: id_text(Some(s.city_id)),
            title: s.title.clone(),
            date: date_text(s.date),
            surveyor: s.surveyor.clone(),
            closed_on: date_text(s.closed_on),
            notes: s.notes.clone(),
        }
    }

    fn read(&self, base: &SurveyRound, s: &mut SurveyRound, r: &mut Reader) {
        s.city_id = r.parent_city(&self.city_id, base.city_id);
        s.title = self.title.trim().to_owned();
        s.date = r.date("date", &self.date, base.date);
        s.surveyor = self.surveyor.trim().to_owned();
        s.closed_on = r.date("closed_on", &self.closed_on, base.closed_on);
        s.notes = self.notes.trim().to_owned();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::meta::stable_id;
    use crate::domain::money::Baht;
    use crate::domain::records::survey::{HouseCondition, HouseTenure, IncomeBand, Need};

    fn blank() -> Household {
        Household::new(RecordMeta::shipped("h"), stable_id("community"), "")
    }

    #[test]
    fn a_household_round_trips_and_reads_thai_input() {
        let base = blank();
        let mut f = HouseholdForm::from_record(&base);
        assert_eq!(f.members, "", "a blank form shows no zeros");
        assert_eq!(f.savings_member, "no");
        f.house_number = " ๑๒/๓ ".into();
        f.head_name = "นางสมศรี (สมมติ)".into();
        f.members = "๕".into();
        f.elderly = "1".into();
        f.house_tenure = "rent".into();
        f.monthly_rent = "1,500".into();
        f.condition = "needs_repair".into();
        f.income_band = "up_to_10000".into();
        f.savings_member = "yes".into();
        f.need = "secure_land".into();
        f.surveyed_on = "3/2/61".into();
        let b = f.build(&base);
        assert!(b.is_complete(), "{:?}", b.errors);
        let h = b.record;
        assert_eq!(h.house_number, "๑๒/๓");
        assert_eq!(h.members, 5);
        assert_eq!(h.vulnerable.elderly, 1);
        assert_eq!(h.house_tenure, Some(HouseTenure::Rent));
        assert_eq!(h.monthly_rent, Some(Baht::whole(1_500)));
        assert_eq!(h.condition, Some(HouseCondition::NeedsRepair));
        assert_eq!(h.income_band, Some(IncomeBand::UpTo10000));
        assert!(h.savings_member);
        assert_eq!(h.need, Some(Need::SecureLand));
        assert_eq!(h.surveyed_on, chrono::NaiveDate::from_ymd_opt(2018, 2, 3));
        let again = HouseholdForm::from_record(&h).build(&h);
        assert!(again.is_complete(), "{:?}", again.errors);
        assert_eq!(again.record, h);
    }

    #[test]
    fn unreadable_counts_and_money_are_named_and_keep_what_was_stored() {
        let mut base = blank();
        base.members = 4;
        let mut f = HouseholdForm::from_record(&base);
        f.members = "สี่".into();
        f.young_children = "101".into();
        f.monthly_rent = "1,5,00 x".into();
        let b = f.build(&base);
        let fields: Vec<&str> = b.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            ["members", "vulnerable.young_children", "monthly_rent"]
        );
        assert_eq!(b.record.members, 4, "the stored count stays");
        assert!(b.errors[0].message_th.contains("สี่"));
    }

    #[test]
    fn a_round_reads_its_dates_and_needs_a_city() {
        let base = new_round(RecordMeta::shipped("r"), Uuid::nil());
        let mut f = RoundForm::from_record(&base);
        assert_eq!(f.city_id, "");
        f.title = " รอบที่ 1 ".into();
        f.date = "1 มี.ค. 61".into();
        f.closed_on = "31 มี.ค. 2561".into();
        let b = f.build(&base);
        assert_eq!(b.errors.len(), 1);
        assert_eq!(b.errors[0].field, "city_id");
        assert!(b.errors[0].missing);
        assert_eq!(b.record.title, "รอบที่ 1");
        assert_eq!(
            b.record.closed_on,
            chrono::NaiveDate::from_ymd_opt(2018, 3, 31)
        );
        f.city_id = stable_id("city").to_string();
        assert!(f.build(&base).is_complete());
    }
}
