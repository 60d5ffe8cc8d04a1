//! A community's form (issue #12, part 1): what the survey says about it, as typed. Lists
//! of hazards and missing services are kept as stored until their screen exists.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::domain::meta::{RecordId, RecordMeta};
use crate::domain::records::survey::ranges::{
    latitudes, longitudes, MAX_COMMUNITY_HOUSEHOLDS, MAX_POPULATION, MAX_SAVINGS_MEMBERS,
};
use crate::domain::records::survey::{Community, Location, LocationSource, SavingsGroup};
use crate::domain::thai_digits::to_ascii_digits;

use super::form::{date_text, enum_from_key, enum_key, money_text, FieldError, Reader, RecordForm};

/// A community as typed. Choices are their keys ("" for not answered).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CommunityForm {
    pub city_id: String,
    pub name: String,
    pub district: String,
    pub subdistrict: String,
    pub latitude: String,
    pub longitude: String,
    /// `gps` when the coordinates came from the device; kept until they are retyped.
    pub location_source: String,
    pub households: String,
    pub population: String,
    pub landowner: String,
    pub tenure: String,
    pub eviction: String,
    pub eviction_date: String,
    pub savings_members: String,
    pub savings_balance: String,
    pub organisation: String,
    pub preferred_solution: String,
    pub programme: String,
    pub notes: String,
}

/// A community of `city` not yet typed in.
pub fn new_community(meta: RecordMeta, city: RecordId) -> Community {
    Community::new(meta, city, "")
}

fn key<T: Serialize>(v: Option<T>) -> String {
    v.map(|v| enum_key(&v)).unwrap_or_default()
}

fn count_text(n: Option<u32>) -> String {
    n.map(|n| n.to_string()).unwrap_or_default()
}

impl RecordForm for CommunityForm {
    type Record = Community;

    fn from_record(c: &Community) -> CommunityForm {
        let loc = c.location.as_ref();
        let savings = c.savings_group.as_ref();
        CommunityForm {
            city_id: if c.city_id.is_nil() {
                String::new()
            } else {
                c.city_id.to_string()
            },
            name: c.name.clone(),
            district: c.district.clone(),
            subdistrict: c.subdistrict.clone(),
            latitude: loc.map(|l| l.latitude.to_string()).unwrap_or_default(),
            longitude: loc.map(|l| l.longitude.to_string()).unwrap_or_default(),
            location_source: key(loc.map(|l| l.source)),
            households: count_text(c.households),
            population: count_text(c.population),
            landowner: key(c.landowner),
            tenure: key(c.tenure),
            eviction: key(c.eviction),
            eviction_date: date_text(c.eviction_date),
            savings_members: count_text(savings.map(|g| g.members)),
            savings_balance: money_text(savings.map(|g| g.balance)),
            organisation: c.organisation.clone(),
            preferred_solution: key(c.preferred_solution),
            programme: key(c.programme),
            notes: c.notes.clone(),
        }
    }

    fn read(&self, base: &Community, c: &mut Community, r: &mut Reader) {
        c.city_id = r.parent_city(&self.city_id, base.city_id);
        c.name = self.name.trim().to_owned();
        c.district = self.district.trim().to_owned();
        c.subdistrict = self.subdistrict.trim().to_owned();
        c.location = self.location(r, base);
        let count = |r: &mut Reader, field: &str, raw: &str, max: u64, old: Option<u32>| {
            (!raw.trim().is_empty()).then(|| {
                let n = r.whole(field, raw, 0, max, u64::from(old.unwrap_or(0)));
                u32::try_from(n).unwrap_or(u32::MAX)
            })
        };
        c.households = count(
            r,
            "households",
            &self.households,
            MAX_COMMUNITY_HOUSEHOLDS,
            base.households,
        );
        c.population = count(
            r,
            "population",
            &self.population,
            MAX_POPULATION,
            base.population,
        );
        c.landowner = enum_from_key(&self.landowner);
        c.tenure = enum_from_key(&self.tenure);
        c.eviction = enum_from_key(&self.eviction);
        c.eviction_date = r.date("eviction_date", &self.eviction_date, base.eviction_date);
        let old = base.savings_group.as_ref();
        let members = count(
            r,
            "savings_group.members",
            &self.savings_members,
            MAX_SAVINGS_MEMBERS,
            old.map(|g| g.members),
        );
        let balance = r.money(
            "savings_group.balance",
            &self.savings_balance,
            old.map(|g| g.balance),
        );
        c.savings_group = match (members, balance) {
            (None, None) => None,
            (m, b) => Some(SavingsGroup {
                members: m.unwrap_or(0),
                balance: b.unwrap_or_default(),
            }),
        };
        c.organisation = self.organisation.trim().to_owned();
        c.preferred_solution = enum_from_key(&self.preferred_solution);
        c.programme = enum_from_key(&self.programme);
        c.notes = self.notes.trim().to_owned();
    }
}

impl CommunityForm {
    /// Both coordinates or neither; each a decimal number of degrees within Thailand.
    fn location(&self, r: &mut Reader, base: &Community) -> Option<Location> {
        let (lat, long) = (self.latitude.trim(), self.longitude.trim());
        if lat.is_empty() && long.is_empty() {
            return None;
        }
        let degrees = |r: &mut Reader,
                       field: &str,
                       raw: &str,
                       range: std::ops::RangeInclusive<Decimal>,
                       th: &str,
                       en: &str| {
            let ascii = to_ascii_digits(raw).replace(',', ".");
            match ascii.trim_end_matches('°').trim().parse::<Decimal>() {
                Ok(d) if range.contains(&d) => Some(d),
                _ => {
                    r.errors.push(FieldError::new(
                        field,
                        format!(
                            "\"{raw}\" ไม่ใช่{th}ในประเทศไทย ({} ถึง {})",
                            range.start(),
                            range.end()
                        ),
                        format!(
                            "\"{raw}\" is not a {en} in Thailand ({} to {}).",
                            range.start(),
                            range.end()
                        ),
                    ));
                    None
                }
            }
        };
        let la = degrees(
            r,
            "location.latitude",
            lat,
            latitudes(),
            "ละติจูด",
            "latitude",
        );
        let lo = degrees(
            r,
            "location.longitude",
            long,
            longitudes(),
            "ลองจิจูด",
            "longitude",
        );
        match (la, lo) {
            (Some(latitude), Some(longitude)) => Some(Location {
                latitude,
                longitude,
                source: enum_from_key(&self.location_source).unwrap_or(LocationSource::Typed),
            }),
            _ => base.location.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::meta::stable_id;
    use crate::domain::money::Baht;
    use crate::domain::records::survey::{EvictionThreat, HousingProgramme, Landowner};
    use uuid::Uuid;

    fn blank() -> Community {
        new_community(RecordMeta::shipped("c"), stable_id("city"))
    }

    #[test]
    fn a_community_round_trips_and_reads_thai_input() {
        let base = blank();
        let mut f = CommunityForm::from_record(&base);
        f.name = " ชุมชนริมเมย ".into();
        f.households = "๑๒๐".into();
        f.latitude = "16.7134".into();
        f.longitude = "98,5747".into();
        f.landowner = "crown_property".into();
        f.eviction = "under_notice".into();
        f.eviction_date = "1 พ.ย. 2560".into();
        f.savings_balance = "150,000".into();
        f.programme = "baan_mankong_mueang".into();
        let b = f.build(&base);
        assert!(b.is_complete(), "{:?}", b.errors);
        let c = b.record;
        assert_eq!(c.name, "ชุมชนริมเมย");
        assert_eq!(c.households, Some(120));
        assert_eq!(c.landowner, Some(Landowner::CrownProperty));
        assert_eq!(c.eviction, Some(EvictionThreat::UnderNotice));
        assert_eq!(
            c.eviction_date,
            chrono::NaiveDate::from_ymd_opt(2017, 11, 1)
        );
        assert_eq!(c.programme, Some(HousingProgramme::BaanMankongMueang));
        let loc = c.location.clone().unwrap();
        assert_eq!(loc.longitude, Decimal::new(985747, 4));
        assert_eq!(loc.source, LocationSource::Typed);
        assert_eq!(
            c.savings_group.as_ref().unwrap().balance,
            Baht::whole(150_000)
        );
        let again = CommunityForm::from_record(&c).build(&c);
        assert!(again.is_complete(), "{:?}", again.errors);
        assert_eq!(again.record, c);
    }

    #[test]
    fn coordinates_outside_thailand_and_a_missing_city_are_named() {
        let mut base = blank();
        base.city_id = Uuid::nil();
        let mut f = CommunityForm::from_record(&base);
        f.latitude = "98.57".into();
        f.longitude = "16.71".into();
        f.households = "lots".into();
        let b = f.build(&base);
        let fields: Vec<&str> = b.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "city_id",
                "location.latitude",
                "location.longitude",
                "households"
            ]
        );
        assert_eq!(b.record.location, None, "nothing half-read is stored");
    }
}
