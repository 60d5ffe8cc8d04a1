use chrono::{DateTime, NaiveDate, Utc};

use super::*;
use crate::domain::demo_survey::demo_survey;
use crate::domain::editing::stored_or_shipped::with_reference;
use crate::domain::example::north_2561;
use crate::domain::meta::Editor;
use crate::domain::money::Baht;
use crate::domain::rules::check_as_of;
use crate::domain::sync::export_full;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn now() -> DateTime<Utc> {
    DateTime::from_timestamp(1_525_132_800, 0).unwrap() // 1 May 2018
}

/// The list for `ds` as of `as_of`, from this office ("here"), with `peers`.
fn list(ds: &Dataset, as_of: NaiveDate, peers: Option<&Peers>, kept: usize) -> Vec<ToDoItem> {
    let findings = check_as_of(&with_reference(ds), as_of, as_of);
    to_do(&ToDoInput {
        ds,
        findings: &findings,
        office: &OfficeId("here".into()),
        peers,
        kept_aside: kept,
    })
}

fn count(items: &[ToDoItem], kind: ToDoKind) -> Option<usize> {
    items.iter().find(|i| i.kind == kind).map(|i| i.count)
}

#[test]
fn nothing_waiting_before_the_deadline_on_a_device_that_typed_nothing() {
    let ds = north_2561().records;
    // Only the stated-total warning, which is not work for this list.
    let items = list(&ds, day(2018, 4, 1), Some(&Peers::default()), 0);
    assert_eq!(items, vec![]);
    assert!(list(&Dataset::default(), day(2018, 4, 1), None, 0).is_empty());
}

#[test]
fn the_examples_twelve_second_instalments_are_overdue_after_30_april() {
    let ds = north_2561().records;
    let items = list(&ds, day(2018, 5, 1), Some(&Peers::default()), 0);
    assert_eq!(
        items,
        vec![ToDoItem {
            kind: ToDoKind::OverdueInstalments,
            count: 12,
            href: "/findings?rule=instalment.overdue",
        }]
    );
}

#[test]
fn errors_are_counted_apart_from_the_overdue_warnings() {
    let mut ds = north_2561().records;
    ds.committee_grants[0].amount = Baht::whole(1);
    let items = list(&ds, day(2018, 4, 1), None, 0);
    assert_eq!(count(&items, ToDoKind::Errors), Some(1));
    assert_eq!(count(&items, ToDoKind::OverdueInstalments), None);
    let errors = items.iter().find(|i| i.kind == ToDoKind::Errors).unwrap();
    assert_eq!(errors.href, "/findings?importance=error");
}

#[test]
fn changes_made_here_wait_until_sent_to_some_office() {
    let mut ds = north_2561().records;
    let here = Editor::office("here");
    ds.cities[0].meta.touch(&here, now());
    ds.cities[1].meta.touch(&here, now());
    let mut peers = Peers::default();
    let items = list(&ds, day(2018, 4, 1), Some(&peers), 0);
    assert_eq!(count(&items, ToDoKind::Unsent), Some(2));
    // Peers not read yet: nothing claimed either way.
    assert_eq!(
        count(&list(&ds, day(2018, 4, 1), None, 0), ToDoKind::Unsent),
        None
    );

    peers.note_sent(
        &OfficeId("codi-north".into()),
        &export_full(&ds, &here, now()),
    );
    assert_eq!(unsent(&ds, &OfficeId("here".into()), &peers), 0);
    // Edited again after the bundle went: that version has not been sent.
    ds.cities[1].meta.touch(&here, now());
    assert_eq!(unsent(&ds, &OfficeId("here".into()), &peers), 1);
    // A deletion is a change too.
    ds.cities[0].meta.deleted = true;
    ds.cities[0].meta.touch(&here, now());
    assert_eq!(unsent(&ds, &OfficeId("here".into()), &peers), 2);
}

#[test]
fn conflicts_count_records_not_versions() {
    let mut ds = north_2561().records;
    let city = ds.cities[0].clone();
    ds.conflicts.cities.push(city.clone());
    ds.conflicts.cities.push(city);
    ds.conflicts.cities.push(ds.cities[1].clone());
    let items = list(&ds, day(2018, 4, 1), None, 0);
    assert_eq!(count(&items, ToDoKind::Conflicts), Some(2));
}

#[test]
fn survey_short_counts_communities_under_half_surveyed() {
    let mut ds = demo_survey(300, 7).records;
    // The fictional survey finds 90–100 % of every community.
    assert_eq!(survey_short(&ds), 0);
    let c = &mut ds.communities[0];
    let found = c.households.unwrap();
    c.households = Some(found * 3);
    ds.communities[1].households = None;
    assert_eq!(survey_short(&ds), 1);
    // Exactly half is not short.
    let id = ds.communities[2].meta.id;
    let n = ds
        .live::<Household>()
        .filter(|h| h.community_id == id)
        .count() as u32;
    ds.communities[2].households = Some(n * 2);
    assert_eq!(survey_short(&ds), 1);
    ds.communities[2].households = Some(n * 2 + 1);
    assert_eq!(survey_short(&ds), 2);
    let items = list(&ds, day(2018, 4, 1), None, 0);
    let item = items
        .iter()
        .find(|i| i.kind == ToDoKind::SurveyShort)
        .unwrap();
    assert_eq!((item.count, item.href), (2, "/communities"));
}

#[test]
fn most_pressing_first_and_kept_aside_passed_through() {
    let mut ds = north_2561().records;
    ds.committee_grants[0].amount = Baht::whole(1);
    ds.conflicts.cities.push(ds.cities[0].clone());
    let items = list(&ds, day(2018, 5, 1), None, 3);
    let kinds: Vec<ToDoKind> = items.iter().map(|i| i.kind).collect();
    assert_eq!(
        kinds,
        vec![
            ToDoKind::KeptAside,
            ToDoKind::Conflicts,
            ToDoKind::OverdueInstalments,
            ToDoKind::Errors
        ]
    );
    assert_eq!(items[0].count, 3);
    assert_eq!(items[0].href, "/settings#kept-aside");
}

#[test]
fn counts_worded_in_each_languages_order() {
    use crate::domain::lang::Lang;
    let overdue = ToDoKind::OverdueInstalments.unit();
    assert_eq!(
        overdue.phrase(Lang::Th, 12),
        "งวดที่ 2 ที่เมืองยังไม่ขอเบิกภายในกำหนด 12 งวด"
    );
    assert_eq!(
        overdue.phrase(Lang::En, 1),
        "1 second instalment not drawn by its deadline"
    );
    assert_eq!(
        ToDoKind::SurveyShort.unit().phrase(Lang::En, 3),
        "3 communities with under half of their stated households surveyed"
    );
}
