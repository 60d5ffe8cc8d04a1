use chrono::{DateTime, Duration, NaiveDate, Utc};

use super::*;
use crate::domain::meta::{stable_id, Editor, OfficeId};
use crate::domain::records::survey::Community;

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2018, m, d).unwrap()
}

fn at(m: u32, d: u32, hour: u32) -> DateTime<Utc> {
    day(m, d).and_hms_opt(hour, 0, 0).unwrap().and_utc()
}

fn round(key: &str, city: RecordId, start: NaiveDate, closed: Option<NaiveDate>) -> SurveyRound {
    SurveyRound {
        meta: RecordMeta::shipped(key),
        city_id: city,
        title: key.into(),
        date: Some(start),
        closed_on: closed,
        surveyor: String::new(),
        notes: String::new(),
    }
}

fn household(key: &str, community: RecordId, number: &str, saved: DateTime<Utc>) -> Household {
    let mut meta = RecordMeta::shipped(key);
    meta.updated_at = saved;
    let mut h = Household::new(meta, community, number);
    h.members = 3;
    h
}

/// A city with two communities, an old closed round and an open one.
fn survey() -> (Dataset, RecordId, RecordId) {
    let mut ds = crate::domain::example::north_2561().records;
    let city = ds.cities[0].meta.id;
    let city2 = ds.cities[1].meta.id;
    let mut c = Community::new(RecordMeta::shipped("com"), city, "ชุมชนริมเมย");
    c.households = Some(40);
    let com = c.meta.id;
    ds.communities.push(c);
    ds.communities
        .push(Community::new(RecordMeta::shipped("other"), city, "อื่น"));
    ds.survey_rounds
        .push(round("old", city, day(1, 5), Some(day(1, 31))));
    ds.survey_rounds.push(round("open", city, day(3, 1), None));
    ds.survey_rounds
        .push(round("elsewhere", city2, day(3, 9), None));
    (ds, city, com)
}

fn blank_meta(person: &str) -> RecordMeta {
    let editor = Editor {
        office_id: OfficeId("office".into()),
        office_name: String::new(),
        person: person.into(),
    };
    RecordMeta::new(stable_id("new"), &editor, at(3, 3, 9))
}

#[test]
fn the_open_round_is_the_latest_not_closed_one_of_the_city() {
    let (mut ds, city, _) = survey();
    assert_eq!(open_round(&ds, city, day(3, 3)), Some(stable_id("open")));
    // Closed as of today: none open; before it closes it still is.
    ds.survey_rounds[1].closed_on = Some(day(3, 31));
    assert_eq!(open_round(&ds, city, day(3, 31)), None);
    assert_eq!(open_round(&ds, city, day(3, 30)), Some(stable_id("open")));
    assert_eq!(open_round(&ds, stable_id("nowhere"), day(3, 3)), None);
    let choices = round_choices(&ds, city);
    let titles: Vec<&str> = choices.iter().map(|c| c.1.as_str()).collect();
    assert_eq!(titles, ["open", "old"], "latest first, the city's only");
}

#[test]
fn the_first_household_starts_in_the_open_round_with_the_person_and_today() {
    let (ds, _, com) = survey();
    let h = next_household(&ds, com, blank_meta("สมชาย"), day(3, 3), at(3, 3, 9));
    assert_eq!(h.community_id, com);
    assert_eq!(h.round_id, Some(stable_id("open")));
    assert_eq!(h.surveyor, "สมชาย");
    assert_eq!(h.surveyed_on, Some(day(3, 3)));
    assert_eq!((h.house_number.as_str(), h.members), ("", 0));
    assert_eq!(h.meta.id, stable_id("new"));
}

#[test]
fn the_next_household_keeps_the_last_ones_round_surveyor_and_sitting_day() {
    let (mut ds, _, com) = survey();
    let mut first = household("h1", com, "1", at(3, 3, 8));
    first.round_id = Some(stable_id("old"));
    first.surveyor = "นางแก้ว (สมมติ)".into();
    first.surveyed_on = Some(day(3, 1));
    first.head_name = "ไม่ควรติดไป".into();
    ds.households.push(first);
    // Another community's later household is not this one's "last".
    ds.households.push(household(
        "x",
        stable_id("other"),
        "9",
        at(3, 3, 8) + Duration::minutes(5),
    ));
    let h = next_household(&ds, com, blank_meta("สมชาย"), day(3, 3), at(3, 3, 9));
    assert_eq!(h.round_id, Some(stable_id("old")));
    assert_eq!(h.surveyor, "นางแก้ว (สมมติ)");
    assert_eq!(
        h.surveyed_on,
        Some(day(3, 1)),
        "same sitting: the paper form's day"
    );
    assert_eq!(
        h.head_name, "",
        "nothing of the household itself is carried"
    );
    // The next morning the day is today's again; round and surveyor stay.
    let later = next_household(&ds, com, blank_meta("สมชาย"), day(3, 4), at(3, 4, 2));
    assert_eq!(later.surveyed_on, Some(day(3, 4)));
    assert_eq!(later.surveyor, "นางแก้ว (สมมติ)");
}

#[test]
fn households_list_in_house_number_order_without_names_and_progress_counts_live_ones() {
    let (mut ds, _, com) = survey();
    for (i, n) in ["10", "2", "12/10", "", "12/2", "๒"].iter().enumerate() {
        let mut h = household(&format!("h{i}"), com, n, at(3, 3, 8));
        h.head_name = format!("หัวหน้า {i}");
        ds.households.push(h);
    }
    let mut gone = household("gone", com, "77", at(3, 3, 8));
    gone.meta.deleted = true;
    ds.households.push(gone);
    let rows = household_rows(&ds, com);
    let numbers: Vec<&str> = rows.iter().map(|r| r.house_number.as_str()).collect();
    assert_eq!(numbers, ["2", "๒", "10", "12/2", "12/10", ""]);
    let repeated: Vec<bool> = rows.iter().map(|r| r.repeated).collect();
    assert_eq!(repeated, [true, true, false, false, false, false]);
    assert!(
        format!("{rows:?}").find("หัวหน้า").is_none(),
        "no head's name"
    );
    let p = survey_progress(&ds, com);
    assert_eq!((p.surveyed, p.stated), (6, Some(40)));
    assert_eq!(p.text(Lang::Th), "สำรวจแล้ว 6 จาก 40 ครัวเรือน");
    assert_eq!(p.text(Lang::En), "6 of 40 households surveyed");
    let other = survey_progress(&ds, stable_id("other"));
    assert_eq!((other.surveyed, other.stated), (0, None));
    assert_eq!(other.text(Lang::Th), "สำรวจแล้ว 0 ครัวเรือน");
    let one = Progress {
        surveyed: 1,
        stated: None,
    };
    assert_eq!(one.text(Lang::En), "1 household surveyed");
    let of_one = Progress {
        surveyed: 1,
        stated: Some(1),
    };
    assert_eq!(of_one.text(Lang::En), "1 of 1 household surveyed");
    let big = Progress {
        surveyed: 1_200,
        stated: Some(1_500),
    };
    assert_eq!(big.text(Lang::Th), "สำรวจแล้ว 1,200 จาก 1,500 ครัวเรือน");
}

#[test]
fn rounds_list_by_city_with_households_counted() {
    let (mut ds, city, com) = survey();
    let mut h = household("h", com, "1", at(3, 3, 8));
    h.round_id = Some(stable_id("open"));
    ds.households.push(h);
    let f = ListFilter {
        city: Some(city),
        ..ListFilter::default()
    };
    let rows = round_rows(&ds, &ListFilter::default());
    assert_eq!(rows.len(), 3);
    let here = round_rows(&ds, &f);
    let titles: Vec<&str> = here.iter().map(|r| r.title.as_str()).collect();
    assert_eq!(titles, ["open", "old"], "the city's own, latest first");
    assert!(here
        .iter()
        .all(|r| r.city.as_ref().is_some_and(|c| c.id == city)));
    let open = rows.iter().find(|r| r.title == "open").unwrap();
    assert_eq!(open.households, 1);
    let found = round_rows(
        &ds,
        &ListFilter {
            search: "OLD".into(),
            ..ListFilter::default()
        },
    );
    assert_eq!(found.len(), 1);
}
