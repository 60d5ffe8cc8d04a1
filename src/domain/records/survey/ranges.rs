//! The ranges survey values are held to, as `records::limits` holds the programme's: files
//! with a value outside are refused, `value.out_of_range` reports one already stored, and
//! the survey forms use the same bounds.

use std::ops::RangeInclusive;

use rust_decimal::Decimal;

use crate::domain::records::limits::{
    ranged, shown, Allowed, Check, OutOfRange, Ranged, MAX_NAME_CHARS, MAX_TEXT_CHARS,
};

use super::{Community, Household, SurveyRound};

/// Households a community may state (the largest Bangkok slums hold a few thousand).
pub const MAX_COMMUNITY_HOUSEHOLDS: u64 = 100_000;
/// People a community may state.
pub const MAX_POPULATION: u64 = 1_000_000;
/// Members of one household (and of each vulnerable group in it).
pub const MAX_MEMBERS: u64 = 100;
/// Members of a savings group.
pub const MAX_SAVINGS_MEMBERS: u64 = 100_000;

/// Latitudes of Thailand, with a little room at either end (5.6 °N to 20.5 °N).
pub fn latitudes() -> RangeInclusive<Decimal> {
    Decimal::new(55, 1)..=Decimal::new(206, 1)
}

/// Longitudes of Thailand, with a little room at either end (97.3 °E to 105.7 °E).
pub fn longitudes() -> RangeInclusive<Decimal> {
    Decimal::new(972, 1)..=Decimal::new(1058, 1)
}

pub(crate) fn allowed_th(a: Allowed) -> String {
    match a {
        Allowed::Latitude => "ต้องเป็นละติจูดในประเทศไทย (5.5 ถึง 20.6 องศาเหนือ)".to_owned(),
        _ => "ต้องเป็นลองจิจูดในประเทศไทย (97.2 ถึง 105.8 องศาตะวันออก)".to_owned(),
    }
}

pub(crate) fn allowed_en(a: Allowed) -> String {
    match a {
        Allowed::Latitude => {
            "must be a latitude in Thailand (5.5 to 20.6 degrees north)".to_owned()
        }
        _ => "must be a longitude in Thailand (97.2 to 105.8 degrees east)".to_owned(),
    }
}

impl Check<'_> {
    fn degrees(&mut self, field: &str, v: Decimal, range: RangeInclusive<Decimal>, a: Allowed) {
        if !range.contains(&v) {
            self.report(|| field.to_owned(), shown(&v.to_string()), a);
        }
    }

    fn optional_count(&mut self, field: &str, v: Option<u32>, max: u64) {
        if let Some(n) = v {
            self.count(|| field.to_owned(), u64::from(n), 0..=max);
        }
    }
}

ranged!(Community, |r, c| {
    c.name(|| "name".into(), &r.name);
    c.text(|| "district".into(), &r.district, MAX_NAME_CHARS);
    c.text(|| "subdistrict".into(), &r.subdistrict, MAX_NAME_CHARS);
    if let Some(l) = &r.location {
        let lat = Allowed::Latitude;
        c.degrees("location.latitude", l.latitude, latitudes(), lat);
        let long = Allowed::Longitude;
        c.degrees("location.longitude", l.longitude, longitudes(), long);
    }
    c.optional_count("households", r.households, MAX_COMMUNITY_HOUSEHOLDS);
    c.optional_count("population", r.population, MAX_POPULATION);
    if let Some(g) = &r.savings_group {
        let n = u64::from(g.members);
        c.count(
            || "savings_group.members".into(),
            n,
            0..=MAX_SAVINGS_MEMBERS,
        );
        c.amount(|| "savings_group.balance".into(), g.balance);
    }
    c.text(|| "organisation".into(), &r.organisation, MAX_NAME_CHARS);
    c.text(|| "notes".into(), &r.notes, MAX_TEXT_CHARS);
});

ranged!(SurveyRound, |r, c| {
    c.name(|| "title".into(), &r.title);
    c.name(|| "surveyor".into(), &r.surveyor);
    c.text(|| "notes".into(), &r.notes, MAX_TEXT_CHARS);
});

ranged!(Household, |r, c| {
    c.name(|| "surveyor".into(), &r.surveyor);
    c.name(|| "house_number".into(), &r.house_number);
    c.name(|| "head_name".into(), &r.head_name);
    c.text(|| "phone".into(), &r.phone, MAX_NAME_CHARS);
    c.count(|| "members".into(), u64::from(r.members), 0..=MAX_MEMBERS);
    let v = &r.vulnerable;
    for (field, n) in [
        ("elderly", v.elderly),
        ("disabled", v.disabled),
        ("young_children", v.young_children),
    ] {
        let path = || format!("vulnerable.{field}");
        c.count(path, u64::from(n), 0..=MAX_MEMBERS);
    }
    if let Some(rent) = r.monthly_rent {
        c.amount(|| "monthly_rent".into(), rent);
    }
    c.text(|| "notes".into(), &r.notes, MAX_TEXT_CHARS);
});

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::meta::{stable_id, RecordMeta};
    use crate::domain::money::Baht;
    use crate::domain::records::limits::problems;
    use crate::domain::records::survey::{Location, LocationSource, SavingsGroup};

    #[test]
    fn a_community_outside_thailand_or_too_large_is_named_field_by_field() {
        let mut c = Community::new(RecordMeta::shipped("c"), stable_id("city"), "ชุมชนริมน้ำ");
        c.location = Some(Location {
            latitude: Decimal::new(167134, 4),
            longitude: Decimal::new(985747, 4),
            source: LocationSource::Gps,
        });
        c.households = Some(120);
        c.savings_group = Some(SavingsGroup {
            members: 80,
            balance: Baht::whole(150_000),
        });
        assert_eq!(problems(&c), []);
        // Swapped coordinates: the commonest slip when typing them.
        c.location = Some(Location {
            latitude: Decimal::new(985747, 4),
            longitude: Decimal::new(167134, 4),
            source: LocationSource::Typed,
        });
        c.households = Some(100_001);
        let found = problems(&c);
        let fields: Vec<&str> = found.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(
            fields,
            ["location.latitude", "location.longitude", "households"]
        );
        assert_eq!(found[0].allowed, Allowed::Latitude);
        assert!(found[0].allowed.th().contains("ละติจูด"));
        assert!(found[1].allowed.en().contains("longitude"));
    }

    #[test]
    fn household_counts_have_bounds() {
        let mut h = Household::new(RecordMeta::shipped("h"), stable_id("c"), "12/3");
        h.members = 5;
        h.vulnerable.elderly = 2;
        assert_eq!(problems(&h), []);
        h.members = 101;
        h.vulnerable.young_children = 1000;
        let fields: Vec<String> = problems(&h).into_iter().map(|p| p.field).collect();
        assert_eq!(fields, ["members", "vulnerable.young_children"]);
    }
}
