use chrono::NaiveDate;

use super::*;
use crate::domain::dates::FiscalYear;
use crate::domain::demo_survey::demo_survey;
use crate::domain::meta::RecordMeta;
use crate::domain::records::{ProjectStatus, StatusChange};
use crate::domain::reports::{city_summary, dashboard, Scope};
use crate::domain::rules::{check, RuleCode};

fn may_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2018, 5, 1).expect("a date")
}

fn approved(key: &str, city: RecordId, ids: Vec<RecordId>, reached: Option<u32>) -> Project {
    let mut p = Project::new(RecordMeta::shipped(key), city, FiscalYear(2561));
    p.title = key.to_owned();
    p.status_history.push(StatusChange {
        status: ProjectStatus::Approved,
        date: NaiveDate::from_ymd_opt(2018, 1, 5).expect("a date"),
    });
    p.community_ids = ids;
    p.households_reached = reached;
    p
}

fn communities_of(ds: &Dataset, city: RecordId) -> Vec<RecordId> {
    ds.communities
        .iter()
        .filter(|c| c.city_id == city)
        .map(|c| c.meta.id)
        .collect()
}

/// Two cities' projects: one naming all its communities, one naming a community twice, a
/// community of the other city, a deleted one and nothing; one only proposed.
fn with_projects() -> (Dataset, RecordId, RecordId) {
    let mut ds = demo_survey(1200, 11).records;
    let (a, b) = (ds.cities[0].meta.id, ds.cities[1].meta.id);
    let ours = communities_of(&ds, a);
    let theirs = communities_of(&ds, b);
    let gone = ds
        .communities
        .iter_mut()
        .find(|c| c.city_id == a && c.meta.id != ours[0])
        .expect("a second community");
    gone.meta.deleted = true;
    let gone = gone.meta.id;
    let all = approved("all", a, ours.clone(), Some(30));
    let odd = approved(
        "odd",
        a,
        vec![ours[0], ours[0], theirs[0], gone, RecordId::nil()],
        Some(5),
    );
    let mut proposed = approved("proposed", a, vec![ours[0]], Some(99));
    proposed.status_history.clear();
    ds.projects.extend([all, odd, proposed]);
    (ds, a, b)
}

#[test]
fn projects_count_their_households_once_and_only_their_own_citys_live_communities() {
    let (ds, a, b) = with_projects();
    let survey = SurveyIndex::new(&ds);
    let projects: Vec<&Project> = ds.projects.iter().collect();
    let live_ours = ds.live::<Community>().filter(|c| c.city_id == a).count();
    let got = survey.city(a, &projects);
    assert_eq!(got.projects, 2, "the proposed project has no money");
    assert_eq!(got.households_reached, 35);
    assert_eq!(got.communities_reached, live_ours, "the deleted one is not");
    assert_eq!(got.communities, live_ours);
    // "all" names the deleted community; "odd" names it, the other city's and nothing.
    assert_eq!(got.named_elsewhere, 4);
    let households: u64 = ds
        .live::<Household>()
        .filter(|h| {
            ds.live::<Community>()
                .any(|c| c.meta.id == h.community_id && c.city_id == a)
        })
        .count() as u64;
    assert_eq!(got.households_surveyed, households);
    assert!(got.communities_surveyed <= got.communities);
    let other = survey.city(b, &projects);
    assert_eq!(
        (other.projects, other.communities_reached),
        (0, 0),
        "naming B's community does not reach it for B"
    );
}

#[test]
fn the_dashboard_sums_provinces_into_regions_and_regions_into_the_total() {
    let (ds, a, _) = with_projects();
    let d = dashboard(&ds, Scope::country(FiscalYear(2561)), may_day(), 30);
    let t = &d.beneficiaries;
    assert_eq!(t.total.projects, 2);
    assert_eq!(t.total.households_reached, 35);
    assert_eq!(t.total.communities, ds.live::<Community>().count());
    let surveyed: u64 = ds.live::<Household>().count() as u64;
    assert!(t.total.households_surveyed <= surveyed);
    let mut regions = Beneficiaries::default();
    let mut provinces = Beneficiaries::default();
    for r in &t.rows {
        match r.level {
            PlaceLevel::Region => regions.add(&r.figures),
            PlaceLevel::Province => provinces.add(&r.figures),
        }
    }
    assert_eq!(regions, t.total);
    assert_eq!(provinces, t.total);
    assert_eq!(t.rows[0].level, PlaceLevel::Region);
    assert_eq!(t.rows[0].name_th, "ภาคเหนือ");
    let province = ds
        .cities
        .iter()
        .find(|c| c.meta.id == a)
        .expect("city")
        .province_id;
    let row = t
        .rows
        .iter()
        .find(|r| r.id == Some(province))
        .expect("the city's province");
    assert_eq!(row.figures.households_reached, 35);
}

#[test]
fn the_city_sheet_names_each_projects_communities_and_counts_its_reach() {
    let (ds, a, _) = with_projects();
    let s = city_summary(&ds, a, FiscalYear(2561), may_day()).expect("the city");
    assert_eq!(s.beneficiaries.households_reached, 35);
    let odd = s
        .projects
        .iter()
        .find(|p| p.title == "odd")
        .expect("the odd project");
    assert_eq!(odd.households_reached, Some(5));
    assert_eq!(odd.communities.len(), 4, "the repeated community once");
    assert_eq!(odd.communities[3], RecordId::nil().to_string());
    let theirs = ds
        .communities
        .iter()
        .find(|c| c.city_id != a)
        .expect("another city's");
    assert!(odd.communities.contains(&theirs.name), "named, not hidden");
}

#[test]
fn hostile_counts_neither_wrap_nor_panic_and_the_rules_say_so() {
    let mut ds = demo_survey(120, 3).records;
    let city = ds.cities[0].meta.id;
    let ours = communities_of(&ds, city);
    for (i, id) in ours.iter().enumerate() {
        let huge = approved(&format!("huge{i}"), city, vec![*id; 1000], Some(u32::MAX));
        ds.projects.push(huge);
    }
    if let Some(c) = ds.communities.iter_mut().find(|c| c.city_id == city) {
        c.households = Some(u32::MAX);
    }
    let d = dashboard(&ds, Scope::country(FiscalYear(2561)), may_day(), 30);
    assert_eq!(
        d.beneficiaries.total.households_reached,
        u64::from(u32::MAX) * ours.len() as u64
    );
    assert_eq!(d.beneficiaries.total.communities_reached, ours.len());
    let findings = check(&ds, may_day());
    assert!(
        findings.iter().any(|f| f.rule == RuleCode::ValueOutOfRange
            && f.field.as_deref() == Some("households_reached")),
        "a count above the form's bound is a finding"
    );
    let mut near = Beneficiaries {
        households_reached: u64::MAX - 1,
        projects: usize::MAX,
        ..Beneficiaries::default()
    };
    near.add(&Beneficiaries {
        households_reached: 5,
        projects: 1,
        ..Beneficiaries::default()
    });
    assert_eq!(
        (near.households_reached, near.projects),
        (u64::MAX, usize::MAX)
    );
}

#[test]
fn a_project_of_a_deleted_or_unknown_city_is_left_out_without_a_crash() {
    let mut ds = demo_survey(120, 4).records;
    let ours = communities_of(&ds, ds.cities[0].meta.id);
    ds.projects
        .push(approved("nowhere", RecordId::nil(), ours.clone(), Some(10)));
    ds.cities[0].meta.deleted = true;
    let d = dashboard(&ds, Scope::country(FiscalYear(2561)), may_day(), 30);
    assert_eq!(d.beneficiaries.total.projects, 0);
    assert_eq!(d.beneficiaries.total.communities_reached, 0);
}
