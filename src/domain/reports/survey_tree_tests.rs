use super::*;
use crate::domain::demo_survey::demo_survey;
use crate::domain::reports::survey::{city_summary, community_summary};

#[test]
fn each_level_is_the_sum_of_the_one_below() {
    let ds = demo_survey(600, 7).records;
    let all = survey_regions(&ds);
    assert_eq!(all.kind, LevelKind::All);
    assert_eq!(all.place.summary.households, 600);
    assert_eq!(
        all.place.summary.communities,
        ds.communities.len(),
        "every community is under a region"
    );
    let north = all
        .children
        .iter()
        .find(|r| r.summary.households > 0)
        .expect("the example's region has the survey");
    let region = survey_region(&ds, &north.key).expect("the region by its code");
    assert_eq!(region.place.summary, north.summary);
    assert_eq!(region.up.as_ref().map(|u| u.0), Some(LevelKind::All));
    let in_cities: usize = region.children.iter().map(|c| c.summary.households).sum();
    assert_eq!(in_cities, north.summary.households);
    let first = &region.children[0];
    let city = survey_city(&ds, first.id).expect("the city");
    assert_eq!(city.place.summary, first.summary);
    assert_eq!(city.place.summary, city_summary(&ds, first.id));
    assert_eq!(
        city.up.as_ref().map(|u| u.1.key.clone()),
        Some(north.key.clone())
    );
    let community = &city.children[0];
    assert_eq!(community.summary, community_summary(&ds, community.id));
    let one = survey_community(&ds, community.id).expect("the community");
    assert_eq!(one.place.summary, community.summary);
    assert_eq!(one.up.map(|u| u.1.id), Some(first.id));
    assert!(one.children.is_empty());
}

#[test]
fn children_sort_by_thai_name_and_cities_without_communities_show_as_zero() {
    let mut ds = demo_survey(240, 2).records;
    let city = ds.cities[0].meta.id;
    ds.communities.retain(|c| c.city_id != city);
    let region = survey_region(&ds, "north").expect("north");
    let empty = region.children.iter().find(|c| c.id == city).expect("kept");
    assert_eq!(empty.summary, SurveySummary::default());
    let keys: Vec<String> = region
        .children
        .iter()
        .map(|c| thai_sort_key(&c.th))
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    assert!(survey_region(&ds, "nowhere").is_none());
    assert!(survey_city(&ds, RecordId::nil()).is_none());
    assert!(survey_community(&ds, RecordId::nil()).is_none());
}

#[test]
fn deleted_households_and_communities_are_not_counted() {
    let mut ds = demo_survey(240, 3).records;
    let before = survey_regions(&ds).place.summary;
    ds.households[0].meta.deleted = true;
    let gone = ds.communities[1].meta.id;
    let lost = ds
        .households
        .iter()
        .filter(|h| h.community_id == gone && !h.meta.deleted)
        .count();
    ds.communities[1].meta.deleted = true;
    let after = survey_regions(&ds).place.summary;
    assert_eq!(after.households, before.households - 1 - lost);
    assert_eq!(after.communities, before.communities - 1);
}

#[test]
fn dimensions_count_every_household_once_with_unknown_last() {
    let ds = demo_survey(240, 4).records;
    let mut s = survey_regions(&ds).place.summary;
    for d in Dimension::ALL {
        let counts = d.counts(&s);
        assert_eq!(counts.len(), d.labels().len());
        assert_eq!(counts.iter().sum::<usize>(), s.households, "{d:?}");
        assert_eq!(d.labels().last().map(|l| l.0), Some("ไม่ได้ระบุ"));
    }
    s.by_condition = Default::default();
    assert_eq!(Dimension::Condition.counts(&s), vec![0, 0, 0, 0]);
}

#[test]
fn shares_add_up_and_survive_zero() {
    let s = shares(&[1, 1, 2]);
    assert_eq!(
        s,
        vec![Decimal::new(25, 2), Decimal::new(25, 2), Decimal::new(5, 1)]
    );
    assert_eq!(shares(&[0, 0]), vec![Decimal::ZERO, Decimal::ZERO]);
    let third = shares(&[1, 2]);
    assert_eq!(third[0], Decimal::new(3333, 4));
}

#[test]
fn reach_counts_projects_with_money_and_their_households_once() {
    use crate::domain::dates::FiscalYear;
    use crate::domain::meta::RecordMeta;
    use crate::domain::records::Project;
    use crate::domain::records::{ProjectStatus, StatusChange};
    let mut ds = demo_survey(240, 8).records;
    let city = ds.cities[0].meta.id;
    let ours: Vec<RecordId> = ds
        .communities
        .iter()
        .filter(|c| c.city_id == city)
        .map(|c| c.meta.id)
        .collect();
    let approved = |key: &str, ids: Vec<RecordId>, reached| {
        let mut p = Project::new(RecordMeta::shipped(key), city, FiscalYear(2561));
        p.status_history.push(StatusChange {
            status: ProjectStatus::Approved,
            date: chrono::NaiveDate::from_ymd_opt(2018, 1, 5).unwrap(),
        });
        p.community_ids = ids;
        p.households_reached = reached;
        p
    };
    let both = approved("p1", ours.clone(), Some(30));
    let one = approved("p2", vec![ours[0]], Some(5));
    let mut proposed = approved("p3", vec![ours[0]], Some(99));
    proposed.status_history.clear();
    ds.projects.extend([both, one, proposed]);
    let level = survey_city(&ds, city).unwrap();
    assert_eq!(
        level.reach,
        Reach {
            projects: 2,
            communities: ours.len(),
            households: 35
        }
    );
    let first = survey_community(&ds, ours[0]).unwrap();
    assert_eq!((first.reach.projects, first.reach.households), (2, 35));
    assert_eq!(survey_regions(&ds).reach, level.reach);
    let north = survey_region(&ds, "north").unwrap();
    assert_eq!(north.reach, level.reach);
    let other = survey_city(&ds, ds.cities[1].meta.id).unwrap();
    assert_eq!(other.reach, Reach::default());
}
