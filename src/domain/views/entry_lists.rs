//! The lists of committees, meetings, MOUs, instalments, grants and stated totals: one
//! filter shape for all (city, province, fiscal year, search), each row already looked up
//! and sorted, so the screens only render. These kinds number in the hundreds or
//! thousands, not the projects' tens of thousands, so a plain scan is quick.

use crate::domain::sorting::SortSmall;
use crate::domain::views::count_per;
use std::collections::HashMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::dates::FiscalYear;
use crate::domain::forms::form::parse_fiscal_year;
use crate::domain::meta::RecordId;
use crate::domain::money::Baht;
use crate::domain::records::{Committee, Dataset, Instalment, Meeting, Mou, StatedTotal};
use crate::domain::views::choices::{cities, CityName};
use crate::domain::views::thai_sort::thai_sort_key;

/// What a list is asked for; empty fields show everything.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ListFilter {
    pub city: Option<RecordId>,
    pub province: Option<RecordId>,
    pub fiscal_year: Option<FiscalYear>,
    /// Words to find in names, places and titles (case-insensitive).
    pub search: String,
    /// Instalments only: `Some(true)` for money that has moved, `Some(false)` for planned.
    #[serde(default)]
    pub transferred: Option<bool>,
}

impl ListFilter {
    /// The filter a list page's inputs ask for: a city id, a typed fiscal year and search
    /// words; what does not read as an id or a year filters nothing.
    pub fn from_inputs(city: &str, fiscal_year: &str, search: &str) -> ListFilter {
        ListFilter {
            city: uuid::Uuid::parse_str(city).ok(),
            fiscal_year: parse_fiscal_year(fiscal_year),
            search: search.to_owned(),
            ..ListFilter::default()
        }
    }
}

impl ListFilter {
    pub(crate) fn matches_city(&self, city: Option<&CityName>) -> bool {
        self.city.is_none_or(|id| city.is_some_and(|c| c.id == id))
            && self
                .province
                .is_none_or(|p| city.is_some_and(|c| c.province == p))
    }

    pub(crate) fn matches_text(&self, texts: &[&str]) -> bool {
        let q = self.search.trim().to_lowercase();
        q.is_empty() || texts.iter().any(|t| t.to_lowercase().contains(&q))
    }

    pub(crate) fn matches_year(&self, fy: FiscalYear) -> bool {
        self.fiscal_year.is_none_or(|y| y == fy)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CommitteeRow {
    pub id: RecordId,
    pub name: String,
    pub city: Option<CityName>,
    pub members: usize,
    pub meetings: usize,
}

/// Committees, by city name then committee name.
pub fn committee_rows(ds: &Dataset, f: &ListFilter) -> Vec<CommitteeRow> {
    let names = cities(ds);
    let meetings = count_per(ds, |m: &Meeting| m.committee_id);
    let mut rows: Vec<CommitteeRow> = ds
        .live::<Committee>()
        .filter_map(|c| {
            let city = names.get(&c.city_id);
            let member_names: Vec<&str> = c.members.iter().map(|m| m.name.as_str()).collect();
            let mut texts = vec![
                c.name.as_str(),
                city.map_or("", |n| n.th.as_str()),
                city.map_or("", |n| n.en.as_str()),
            ];
            texts.extend(member_names);
            (f.matches_city(city) && f.matches_text(&texts)).then(|| CommitteeRow {
                id: c.meta.id,
                name: c.name.clone(),
                city: city.cloned(),
                members: c.members.len(),
                meetings: meetings.get(&c.meta.id).copied().unwrap_or(0),
            })
        })
        .collect();
    rows.sort_by_cached_key_small(|r| {
        (
            thai_sort_key(r.city.as_ref().map_or("", |c| c.th.as_str())),
            thai_sort_key(&r.name),
        )
    });
    rows
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct MeetingRow {
    pub id: RecordId,
    pub date: Option<NaiveDate>,
    pub place: String,
    pub committee: String,
    pub city: Option<CityName>,
    pub attendance: u64,
    pub problems: usize,
}

/// Meetings, newest first (undated last).
pub fn meeting_rows(ds: &Dataset, f: &ListFilter) -> Vec<MeetingRow> {
    let names = cities(ds);
    let committees: HashMap<RecordId, &Committee> =
        ds.live::<Committee>().map(|c| (c.meta.id, c)).collect();
    let mut rows: Vec<MeetingRow> = ds
        .live::<Meeting>()
        .filter_map(|m| {
            let committee = committees.get(&m.committee_id);
            let city = committee.and_then(|c| names.get(&c.city_id));
            let cname = committee.map_or("", |c| c.name.as_str());
            let texts = [
                m.place.as_str(),
                cname,
                m.decisions.as_str(),
                city.map_or("", |c| c.th.as_str()),
            ];
            let in_year = m
                .date
                .is_none_or(|d| f.matches_year(FiscalYear::containing(d)));
            (f.matches_city(city) && f.matches_text(&texts) && in_year).then(|| MeetingRow {
                id: m.meta.id,
                date: m.date,
                place: m.place.clone(),
                committee: cname.to_owned(),
                city: city.cloned(),
                attendance: m.attendance.iter().map(|a| u64::from(a.count)).sum(),
                problems: m.problems.len(),
            })
        })
        .collect();
    rows.sort_by_key_small(|r| (r.date.is_none(), std::cmp::Reverse(r.date)));
    rows
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct MouRow {
    pub id: RecordId,
    pub title: String,
    pub date: Option<NaiveDate>,
    pub place: String,
    pub cities: usize,
    pub signatories: usize,
}

/// MOUs, newest first.
pub fn mou_rows(ds: &Dataset, f: &ListFilter) -> Vec<MouRow> {
    let names = cities(ds);
    let mut rows: Vec<MouRow> = ds
        .live::<Mou>()
        .filter(|m| {
            let covered = |pred: &dyn Fn(&CityName) -> bool| {
                m.city_ids.iter().any(|id| names.get(id).is_some_and(pred))
            };
            f.city.is_none_or(|c| m.city_ids.contains(&c))
                && f.province.is_none_or(|p| covered(&|c| c.province == p))
                && f.matches_text(&[m.title.as_str(), m.place.as_str()])
                && m.date
                    .is_none_or(|d| f.matches_year(FiscalYear::containing(d)))
        })
        .map(|m| MouRow {
            id: m.meta.id,
            title: m.title.clone(),
            date: m.date,
            place: m.place.clone(),
            cities: m.city_ids.len(),
            signatories: m.signatories.len(),
        })
        .collect();
    rows.sort_by_key_small(|r| (r.date.is_none(), std::cmp::Reverse(r.date)));
    rows
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct InstalmentRow {
    pub id: RecordId,
    pub city: Option<CityName>,
    pub fiscal_year: FiscalYear,
    pub number: u8,
    pub amount: Baht,
    pub planned_date: Option<NaiveDate>,
    pub actual_date: Option<NaiveDate>,
    /// When the city asked to draw it: "requested, waiting for transfer" until it moves.
    pub requested_date: Option<NaiveDate>,
}

/// Instalments by city name, year and number.
pub fn instalment_rows(ds: &Dataset, f: &ListFilter) -> Vec<InstalmentRow> {
    let names = cities(ds);
    let mut rows: Vec<InstalmentRow> = ds
        .live::<Instalment>()
        .filter_map(|i| {
            let city = names.get(&i.city_id);
            let texts = [
                city.map_or("", |c| c.th.as_str()),
                city.map_or("", |c| c.en.as_str()),
                i.reference.as_str(),
            ];
            let moved = i.actual_date.is_some();
            (f.matches_city(city)
                && f.matches_year(i.fiscal_year)
                && f.matches_text(&texts)
                && f.transferred.is_none_or(|t| t == moved))
            .then(|| InstalmentRow {
                id: i.meta.id,
                city: city.cloned(),
                fiscal_year: i.fiscal_year,
                number: i.number,
                amount: i.amount,
                planned_date: i.planned_date,
                actual_date: i.actual_date,
                requested_date: i.requested_date,
            })
        })
        .collect();
    rows.sort_by_cached_key_small(|r| {
        (
            thai_sort_key(r.city.as_ref().map_or("", |c| c.th.as_str())),
            r.fiscal_year,
            r.number,
        )
    });
    rows
}

/// Stated totals, newest year first.
pub fn stated_total_rows(ds: &Dataset, f: &ListFilter) -> Vec<StatedTotal> {
    let mut rows: Vec<StatedTotal> = ds
        .live::<StatedTotal>()
        .filter(|s| {
            f.matches_year(s.fiscal_year) && f.matches_text(&[s.label.as_str(), s.source.as_str()])
        })
        .cloned()
        .collect();
    rows.sort_by_small(|a, b| {
        b.fiscal_year
            .cmp(&a.fiscal_year)
            .then_with(|| a.label.cmp(&b.label))
    });
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::example::north_2561;
    use crate::domain::views::grant_lists::{committee_grant_rows, province_grant_rows};

    #[test]
    fn lists_of_the_example_filter_by_city_province_year_and_text() {
        let ds = north_2561().records;
        let all = ListFilter::default();
        let mae_sot = ds.cities[0].meta.id;
        assert_eq!(instalment_rows(&ds, &all).len(), 12);
        let one = ListFilter {
            city: Some(mae_sot),
            ..all.clone()
        };
        let rows = instalment_rows(&ds, &one);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].amount, Baht::whole(350_000));
        assert_eq!(committee_grant_rows(&ds, &one).len(), 1);
        assert_eq!(province_grant_rows(&ds, &one).len(), 1);
        assert_eq!(province_grant_rows(&ds, &all).len(), 9);
        assert_eq!(mou_rows(&ds, &one).len(), 1);
        let other_year = ListFilter {
            fiscal_year: Some(FiscalYear(2562)),
            ..all.clone()
        };
        assert!(instalment_rows(&ds, &other_year).is_empty());
        assert!(mou_rows(&ds, &other_year).is_empty());
        let search = ListFilter {
            search: "แม่สอด".into(),
            ..all.clone()
        };
        assert_eq!(committee_grant_rows(&ds, &search).len(), 1);
        assert_eq!(stated_total_rows(&ds, &all).len(), 1);
        let sukhothai = ds
            .cities
            .iter()
            .filter(|c| c.province_id == ds.cities[1].province_id)
            .count();
        let prov = ListFilter {
            province: Some(ds.cities[1].province_id),
            ..all
        };
        assert_eq!(instalment_rows(&ds, &prov).len(), sukhothai);
        assert_eq!(crate::domain::views::choices::city_choices(&ds).len(), 12);
    }

    #[test]
    fn committees_and_meetings_are_found_through_their_city() {
        use crate::domain::records::Committee;
        use crate::domain::records::Meeting;
        let mut ds = north_2561().records;
        let city = ds.cities[0].meta.id;
        let mut c = Committee::new(ds.cities[0].meta.clone(), city);
        c.meta.id = uuid::Uuid::from_u128(1);
        c.name = "คณะกรรมการเมืองแม่สอด".into();
        let mut m = Meeting::new(ds.cities[0].meta.clone(), c.meta.id);
        m.meta.id = uuid::Uuid::from_u128(2);
        m.place = "ศาลา".into();
        ds.committees.push(c);
        ds.meetings.push(m);
        let one = ListFilter {
            city: Some(city),
            ..ListFilter::default()
        };
        let rows = committee_rows(&ds, &one);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].meetings, 1);
        assert_eq!(meeting_rows(&ds, &one).len(), 1);
        let other = ListFilter {
            city: Some(ds.cities[1].meta.id),
            ..ListFilter::default()
        };
        assert!(committee_rows(&ds, &other).is_empty());
        assert!(meeting_rows(&ds, &other).is_empty());
    }

    #[test]
    fn typed_inputs_become_a_filter_and_unreadable_ones_filter_nothing() {
        let ds = north_2561().records;
        let mae_sot = ds.cities[0].meta.id;
        let f = ListFilter::from_inputs(&mae_sot.to_string(), " ๒๕๖๑ ", "ถนน");
        assert_eq!(f.city, Some(mae_sot));
        assert_eq!(f.fiscal_year, Some(FiscalYear(2561)));
        assert_eq!(f.search, "ถนน");
        assert_eq!(ListFilter::from_inputs("", "", ""), ListFilter::default());
        let junk = ListFilter::from_inputs("not-an-id", "FY", "");
        assert_eq!(junk, ListFilter::default());
        assert_eq!(instalment_rows(&ds, &junk).len(), 12);
    }

    #[test]
    fn instalments_split_into_planned_and_transferred() {
        let mut ds = north_2561().records;
        ds.instalments[0].actual_date = NaiveDate::from_ymd_opt(2018, 2, 1);
        ds.instalments[1].actual_date = None;
        let all = instalment_rows(&ds, &ListFilter::default());
        let moved = |t| ListFilter {
            transferred: Some(t),
            ..ListFilter::default()
        };
        let done = instalment_rows(&ds, &moved(true));
        let planned = instalment_rows(&ds, &moved(false));
        assert_eq!(done.len() + planned.len(), all.len());
        assert!(done.iter().all(|r| r.actual_date.is_some()));
        assert!(planned.iter().all(|r| r.actual_date.is_none()));
        assert!(done.iter().any(|r| r.id == ds.instalments[0].meta.id));
        assert!(planned.iter().any(|r| r.id == ds.instalments[1].meta.id));
    }
}
