//! The survey's record kinds (communities, survey rounds, households) travel in bundles
//! like every other record: version vectors, conflicts, tombstones, both readers; and the
//! files of schema versions 1 and 2 still read as they did.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use pretty_assertions::assert_eq;

use mueang::domain::document::{Document, SCHEMA_VERSION};
use mueang::domain::example::north_2561;
use mueang::domain::meta::{Editor, OfficeId, RecordMeta};
use mueang::domain::money::Baht;
use mueang::domain::records::survey::{
    Community, EvictionThreat, HouseCondition, Household, LandTenure, Need, SurveyRound,
};
use mueang::domain::records::{AnyRecord, Dataset, RecordKind};
use mueang::domain::sync::purge::strip_tombstones;
use mueang::domain::sync::{
    export_full, list_conflicts, merge, prepare_by, resolve, verify, verify_data_file, Reader,
};

fn office(id: &str) -> Editor {
    Editor {
        office_id: OfficeId(id.into()),
        office_name: format!("สำนักงาน {id}"),
        person: "ทดสอบ".into(),
    }
}

fn t(minutes: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_517_800_000, 0).unwrap() + Duration::minutes(minutes)
}

fn committed(path: &str) -> String {
    let full = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()))
}

/// The example with one community of Mae Sot, a round and two households.
fn surveyed() -> Dataset {
    let mut ds = north_2561().records;
    let city = ds.cities[0].meta.id;
    let mut c = Community::new(RecordMeta::shipped("test:community:1"), city, "ชุมชนริมเมย");
    c.households = Some(2);
    c.tenure = Some(LandTenure::OccupiedWithoutPermission);
    c.eviction = Some(EvictionThreat::UnderNotice);
    c.eviction_date = NaiveDate::from_ymd_opt(2017, 11, 1);
    let round = SurveyRound {
        meta: RecordMeta::shipped("test:round:1"),
        city_id: city,
        title: "สำรวจข้อมูลทั้งเมือง 2561".into(),
        date: NaiveDate::from_ymd_opt(2018, 3, 1),
        closed_on: None,
        surveyor: "นางสาวทดลอง สมมติ".into(),
        notes: String::new(),
    };
    for (n, key) in [("1", "test:household:1"), ("2", "test:household:2")] {
        let mut h = Household::new(RecordMeta::shipped(key), c.meta.id, n);
        h.round_id = Some(round.meta.id);
        h.head_name = format!("นายสมมติ ที่{n}");
        h.phone = "0800000000".into();
        h.members = 4;
        h.monthly_rent = Some(Baht::whole(1_500));
        h.condition = Some(HouseCondition::NeedsRepair);
        h.need = Some(Need::SecureLand);
        ds.households.push(h);
    }
    ds.communities.push(c);
    ds.survey_rounds.push(round);
    ds
}

#[test]
fn survey_records_travel_in_a_bundle_and_both_readers_agree() {
    let ds = surveyed();
    let b = export_full(&ds, &office("north"), t(0));
    let text = b.to_json();
    let back = verify(&text).unwrap();
    assert_eq!(back.records(), b.records());
    assert_eq!(back.records().households.len(), 2);
    let counts = &back.manifest().counts;
    assert_eq!(counts[&RecordKind::Household].records, 2);
    assert_eq!(counts[&RecordKind::Community].records, 1);
    assert_eq!(counts[&RecordKind::SurveyRound].records, 1);
    let typed = prepare_by(&text, Reader::Typed).unwrap();
    let tree = prepare_by(&text, Reader::Tree).unwrap();
    assert!(typed.read_by_types());
    assert_eq!(typed.record_count(), tree.record_count());
    // A household changed in transit is caught by the checksum.
    let tampered = text.replacen("\"members\":4", "\"members\":5", 1);
    assert_ne!(tampered, text);
    assert!(verify(&tampered).is_err());
}

#[test]
fn concurrent_edits_of_a_household_wait_as_a_conflict_and_settle() {
    let (a, b) = (office("a"), office("b"));
    let (mut at_a, mut at_b) = (surveyed(), surveyed());
    at_a.households[0].members = 5;
    at_a.households[0].meta.touch(&a, t(1));
    at_b.households[0].condition = Some(HouseCondition::Dilapidated);
    at_b.households[0].meta.touch(&b, t(2));
    let id = at_a.households[0].meta.id;

    let mut merged = merge(&at_a, &at_b).dataset;
    let conflicts = list_conflicts(&merged);
    assert_eq!(conflicts.len(), 1);
    assert_eq!(
        (conflicts[0].kind, conflicts[0].id),
        (RecordKind::Household, id)
    );
    assert_eq!(merged.conflicts.households.len(), 1);

    let mut both = at_a.households[0].clone();
    both.condition = at_b.households[0].condition;
    resolve(
        &mut merged,
        RecordKind::Household,
        id,
        AnyRecord::Household(both),
        &a,
        t(3),
    )
    .unwrap();
    assert!(list_conflicts(&merged).is_empty());
    let h = merged.get::<Household>(id).unwrap();
    assert_eq!(
        (h.members, h.condition),
        (5, Some(HouseCondition::Dilapidated))
    );
    // The settled version replaces b's silently.
    let out = merge(&at_b, &merged);
    assert!(list_conflicts(&out.dataset).is_empty());
    assert_eq!(out.preview.kinds[&RecordKind::Household].updated, 1);
}

#[test]
fn a_deleted_household_keeps_no_personal_data_and_reaches_the_other_office() {
    let a = office("a");
    let mut at_a = surveyed();
    let id = at_a.households[1].meta.id;
    at_a.households[1].meta.deleted = true;
    at_a.households[1].meta.touch(&a, t(1));
    assert_eq!(strip_tombstones(&mut at_a), 1);
    let gone = at_a.get::<Household>(id).unwrap();
    assert_eq!((gone.head_name.as_str(), gone.phone.as_str()), ("", ""));
    assert!(
        gone.monthly_rent.is_none_or(|r| r.is_zero()),
        "the rent is gone"
    );
    assert_eq!(gone.community_id, at_a.communities[0].meta.id, "links stay");

    let bundle = verify(&export_full(&at_a, &a, t(2)).to_json()).unwrap();
    assert_eq!(bundle.manifest().counts[&RecordKind::Household].deleted, 1);
    let at_b = merge(&surveyed(), bundle.records()).dataset;
    assert!(at_b.get::<Household>(id).unwrap().meta.deleted);
    assert_eq!(at_b.live::<Household>().count(), 1);
    // A stale live copy does not bring it back.
    let again = merge(&at_b, &surveyed()).dataset;
    assert!(again.get::<Household>(id).unwrap().meta.deleted);
}

#[test]
fn a_version_2_file_reads_unchanged() {
    let text = committed("tests/fixtures/v2/north-2561.json");
    assert!(
        text.contains("\"schema_version\": 2"),
        "the fixture is version 2"
    );
    let example = north_2561();
    let doc = Document::parse(&text).unwrap();
    assert_eq!(doc.schema_version, SCHEMA_VERSION);
    assert_eq!(doc.records, example.records);
    assert_eq!(verify_data_file(&text).unwrap().records, example.records);
    // What this version writes for the same records is version 2's text but for the number.
    let now = format!("{}\n", example.to_json());
    assert_eq!(
        now.replacen(
            &format!("\"schema_version\": {SCHEMA_VERSION}"),
            "\"schema_version\": 2",
            1
        ),
        text
    );
}

#[test]
fn a_version_2_bundle_verifies_by_the_fast_reader() {
    let b = export_full(&north_2561().records, &office("north"), t(0));
    let v3 = b.to_json();
    let v2 = v3.replacen(
        &format!("\"schema_version\":{SCHEMA_VERSION}"),
        "\"schema_version\":2",
        1,
    );
    assert_ne!(v2, v3);
    let back = verify(&v2).unwrap();
    assert_eq!(back.records(), b.records());
    assert!(prepare_by(&v2, Reader::Typed).unwrap().read_by_types());
}

#[test]
fn a_file_without_survey_data_names_no_survey_kind() {
    let text = north_2561().to_json();
    for key in ["communities", "survey_rounds", "households"] {
        assert!(!text.contains(key), "{key} written though empty");
    }
    assert!(surveyed().households.len() == 2);
    let with = Document::new(surveyed()).to_json();
    assert!(with.contains("\"households\""));
}
