//! The editing helpers against the whole rules engine: live findings for a project, checked
//! on its city's slice, equal the whole-dataset check; the project index agrees with a
//! plain filter.

use chrono::NaiveDate;
use mueang::cli::synthetic::{synthetic_dataset, SyntheticSize};
use mueang::domain::editing::draft_findings;
use mueang::domain::editing::stored_or_shipped::with_reference;
use mueang::domain::money::Baht;
use mueang::domain::records::{Project, Record};
use mueang::domain::rules::check;
use mueang::domain::views::project_list::{project_rows, ProjectQuery, ProjectSort};

fn whole(ds: &mueang::domain::records::Dataset, p: &Project, today: NaiveDate) -> Vec<String> {
    let mut all = with_reference(ds);
    all.upsert(p.clone().into_any());
    let mut v: Vec<String> = check(&all, today)
        .into_iter()
        .filter(|f| f.concerns(p.meta.id))
        .map(|f| format!("{} {:?} {}", f.rule.code(), f.field, f.message_en))
        .collect();
    v.sort();
    v
}

#[test]
fn live_project_findings_on_the_city_slice_equal_the_whole_check() {
    let ds = synthetic_dataset(SyntheticSize {
        cities: 40,
        projects: 400,
    });
    let today = NaiveDate::from_ymd_opt(2018, 6, 1).unwrap();
    let mut compared = 0;
    let mut with_findings = 0;
    for (n, p) in ds.projects.iter().enumerate().step_by(7) {
        let mut draft = p.clone();
        // Vary the drafts: over the cap, a blank title, as stored.
        match n % 3 {
            0 => draft.amount_approved = Some(Baht::whole(75_000)),
            1 => draft.title.clear(),
            _ => {}
        }
        let mut live: Vec<String> = draft_findings(&ds, draft.clone().into_any(), today)
            .into_iter()
            .map(|f| format!("{} {:?} {}", f.rule.code(), f.field, f.message_en))
            .collect();
        live.sort();
        let expected = whole(&ds, &draft, today);
        assert_eq!(live, expected, "project {}", draft.meta().id);
        compared += 1;
        with_findings += usize::from(!expected.is_empty());
    }
    assert!(
        compared > 50 && with_findings > 20,
        "{compared} compared, {with_findings} with findings"
    );
}

/// The same for households on their community's slice, over a fictional survey with
/// drafts that repeat a house number, have no members or more elderly than members.
#[test]
fn live_household_findings_on_the_community_slice_equal_the_whole_check() {
    use mueang::domain::records::survey::Household;
    let ds = mueang::domain::demo_survey::demo_survey(600, 5).records;
    let today = NaiveDate::from_ymd_opt(2018, 6, 1).unwrap();
    let sorted = |found: Vec<mueang::domain::rules::Finding>| {
        let mut v: Vec<String> = found
            .into_iter()
            .map(|f| format!("{} {:?} {}", f.rule.code(), f.field, f.message_en))
            .collect();
        v.sort();
        v
    };
    let (mut compared, mut with_findings) = (0, 0);
    for (n, h) in ds.households.iter().enumerate().step_by(11) {
        let mut draft: Household = h.clone();
        match n % 4 {
            0 => draft.house_number = ds.households[n.saturating_sub(1)].house_number.clone(),
            1 => draft.members = 0,
            2 => draft.vulnerable.elderly = draft.members + 1,
            _ => draft.house_number.clear(),
        }
        let live = sorted(draft_findings(&ds, draft.clone().into_any(), today));
        let mut all = with_reference(&ds);
        all.upsert(draft.clone().into_any());
        let id = draft.meta.id;
        let expected = sorted(
            check(&all, today)
                .into_iter()
                .filter(|f| f.concerns(id))
                .collect(),
        );
        assert_eq!(live, expected, "household {id}");
        compared += 1;
        with_findings += usize::from(!expected.is_empty());
    }
    assert!(
        compared > 40 && with_findings > 30,
        "{compared} compared, {with_findings} with findings"
    );
}

#[test]
fn the_index_agrees_with_a_plain_filter() {
    let ds = synthetic_dataset(SyntheticSize {
        cities: 30,
        projects: 300,
    });
    let q = ProjectQuery {
        search: "test 1".into(),
        sort: ProjectSort::Title,
        ..Default::default()
    };
    let rows = project_rows(&ds, &q);
    let expected = ds
        .projects
        .iter()
        .filter(|p| {
            let city = ds.cities.iter().find(|c| c.meta.id == p.city_id).unwrap();
            city.name_en.to_lowercase().contains("test 1")
                || p.title.to_lowercase().contains("test 1")
        })
        .count();
    assert_eq!(rows.len(), expected);
    assert!(rows.windows(2).all(|w| {
        mueang::domain::views::thai_sort::thai_sort_key(&w[0].title)
            <= mueang::domain::views::thai_sort::thai_sort_key(&w[1].title)
    }));
}

/// A project naming communities (its city's, another city's, a deleted one): live findings
/// on the city slice equal the whole check, and naming its own city's community holds
/// nothing back at approval. The slices once left communities out, so every named
/// community read as a link to nothing (`record.missing_field`, an error).
#[test]
fn a_project_naming_communities_is_checked_on_its_slice_as_on_the_whole() {
    use mueang::domain::demo_survey::demo_survey;
    use mueang::domain::meta::RecordMeta;
    use mueang::domain::records::survey::Community;
    use mueang::domain::rules::{blocking_approval, RuleCode};
    let mut ds = demo_survey(1200, 3).records;
    let today = NaiveDate::from_ymd_opt(2018, 6, 1).unwrap();
    let city = ds.cities[0].meta.id;
    let ours: Vec<&Community> = ds
        .communities
        .iter()
        .filter(|c| c.city_id == city)
        .collect();
    let theirs = ds
        .communities
        .iter()
        .find(|c| c.city_id != city)
        .unwrap()
        .meta
        .id;
    let mut p = Project::new(
        RecordMeta::shipped("serving"),
        city,
        mueang::domain::dates::FiscalYear(2561),
    );
    p.title = "ซ่อมบ้าน".into();
    p.proposer = "ชุมชน".into();
    p.amount_requested = Some(Baht::whole(40_000));
    p.amount_approved = Some(Baht::whole(40_000));
    p.community_ids = vec![ours[0].meta.id];
    p.households_reached = Some(5);
    let codes = |d: &Project, ds: &mueang::domain::records::Dataset| {
        let mut v: Vec<String> = draft_findings(ds, d.clone().into_any(), today)
            .into_iter()
            .map(|f| format!("{} {:?} {}", f.rule.code(), f.field, f.message_en))
            .collect();
        v.sort();
        v
    };
    assert_eq!(codes(&p, &ds), whole(&ds, &p, today));
    assert!(!codes(&p, &ds)
        .iter()
        .any(|c| c.starts_with("record.missing_field")));
    ds.projects.push(p.clone());
    let held = blocking_approval(&ds, p.meta.id, today);
    assert!(
        !held.iter().any(|f| f.rule == RuleCode::RecordMissingField),
        "naming the city's community holds nothing back: {held:?}"
    );
    // Another city's community and a deleted one: seen as such, as on the whole dataset.
    let mut odd = p.clone();
    let gone = ours[1 % ours.len()].meta.id;
    odd.community_ids = vec![theirs, gone];
    if let Some(c) = ds.communities.iter_mut().find(|c| c.meta.id == gone) {
        c.meta.deleted = true;
    }
    let live = codes(&odd, &ds);
    assert_eq!(live, whole(&ds, &odd, today));
    assert!(
        live.iter().any(|c| c.starts_with("project.community_city")),
        "{live:?}"
    );
}
