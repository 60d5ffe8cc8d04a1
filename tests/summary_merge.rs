//! A summary without personal data never blanks the names an office holds (docs/sync.md,
//! "Summaries without personal data"): the round trip A → B (summary) → edit → A, a
//! conflict, the same summary twice, a deletion in a summary, a name typed at B, and a
//! property test over random exchanges of summaries and full bundles.

use chrono::{DateTime, Duration, Utc};
use pretty_assertions::assert_eq;

use mueang::domain::editing::save_plan::{plan_save, SaveAction, SavePlan};
use mueang::domain::meta::{stable_id, Editor, OfficeId, RecordMeta};
use mueang::domain::records::survey::{count_personal_data, Community, Household};
use mueang::domain::records::{AnyRecord, Dataset};
use mueang::domain::sync::personal::is_summary;
use mueang::domain::sync::{
    conflict_versions, draft_full, export_full, merge, open, resolve, Bundle, PersonalData,
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

/// Office A's survey: one community, two households with names and phones.
fn at_a() -> Dataset {
    let a = office("a");
    let mut ds = Dataset::default();
    let c = Community::new(
        RecordMeta::new(stable_id("c"), &a, t(0)),
        stable_id("city"),
        "ชุมชนทดสอบ",
    );
    for n in 1..=2 {
        let mut h = Household::new(
            RecordMeta::new(stable_id(&format!("h{n}")), &a, t(0)),
            c.meta.id,
            &n.to_string(),
        );
        h.head_name = format!("นางสมมติ ที่{n}");
        h.phone = format!("000-000-000{n}");
        h.surveyor = "นายสำรวจ สมมติ".into();
        h.members = 3;
        ds.households.push(h);
    }
    ds.communities.push(c);
    ds
}

/// The summary `from` would send, as the receiver reads the file.
fn summary(ds: &Dataset, from: &str, at: DateTime<Utc>) -> Bundle {
    let b = draft_full(ds, &office(from), at)
        .without_personal_data()
        .finish_native();
    open(b.to_json().as_bytes(), None).expect("a summary opens")
}

fn full(ds: &Dataset, from: &str, at: DateTime<Utc>) -> Bundle {
    open(
        export_full(ds, &office(from), at).to_json().as_bytes(),
        None,
    )
    .expect("opens")
}

/// Saves `edit` over household `i` at office `who`, as the forms do.
fn save(ds: &mut Dataset, i: usize, who: &str, at: DateTime<Utc>, edit: impl Fn(&mut Household)) {
    let stored = ds.households[i].clone();
    let mut content = stored.clone();
    edit(&mut content);
    match plan_save(Some(&stored), content, SaveAction::Save, &office(who), at) {
        SavePlan::Write { record, .. } => ds.households[i] = record,
        SavePlan::Unchanged(_) => panic!("the edit changed nothing"),
    }
}

#[test]
fn a_summary_carries_no_personal_data_and_says_so() {
    let a = at_a();
    let b = summary(&a, "a", t(1));
    assert_eq!(b.manifest().personal_data, Some(PersonalData::LeftOut));
    assert!(is_summary(b.manifest()));
    assert_eq!(count_personal_data(b.records()), 0);
    let h = &b.records().households[0];
    assert_eq!(h.meta.left_out, ["head_name", "phone", "surveyor"]);
    assert_eq!(h.members, 3, "what is not personal travels");
    let text = b.to_json();
    assert!(text.contains(r#""personal_data":"left_out""#), "{text}");
    for value in ["นางสมมติ", "000-000-0001", "นายสำรวจ"] {
        assert!(!text.contains(value), "{value} in the summary");
    }
    // A full export says nothing of the kind.
    assert_eq!(full(&a, "a", t(1)).manifest().personal_data, None);
}

#[test]
fn the_manifest_claim_is_covered_by_the_signature() {
    use mueang::domain::sync::signature::signed_bytes;
    let a = at_a();
    let whole = draft_full(&a, &office("a"), t(1)).finish_native();
    let summary = draft_full(&a, &office("a"), t(1))
        .without_personal_data()
        .finish_native();
    assert!(String::from_utf8_lossy(&signed_bytes(&summary)).contains("left_out"));
    assert!(!String::from_utf8_lossy(&signed_bytes(&whole)).contains("left_out"));
    // Dropping the claim from the file breaks its checksum-covered meta or its manifest.
    let forged = summary
        .to_json()
        .replace(r#","personal_data":"left_out""#, "");
    let opened = open(forged.as_bytes(), None).expect("the claim is optional");
    assert_eq!(opened.manifest().personal_data, None);
    assert_ne!(signed_bytes(&opened), signed_bytes(&summary));
}

#[test]
fn round_trip_through_a_summary_keeps_the_names_at_a() {
    let a = at_a();
    // B receives the summary and edits one household (members 3 → 5).
    let mut b = merge(&Dataset::default(), summary(&a, "a", t(1)).records()).dataset;
    save(&mut b, 0, "b", t(2), |h| h.members = 5);
    assert_eq!(b.households[0].head_name, "");
    assert_eq!(
        b.households[0].meta.left_out,
        ["head_name", "phone", "surveyor"],
        "an edit that does not touch the names keeps them left out"
    );
    // B sends it back, as a full bundle (it holds no names anyway) or as a summary.
    for back in [full(&b, "b", t(3)), summary(&b, "b", t(3))] {
        let out = merge(&a, back.records());
        let h = &out.dataset.households[0];
        assert_eq!(h.members, 5, "B's edit arrives");
        assert_eq!(h.head_name, "นางสมมติ ที่1", "A keeps its names");
        assert_eq!(h.phone, "000-000-0001");
        assert_eq!(h.surveyor, "นายสำรวจ สมมติ");
        assert!(h.meta.left_out.is_empty(), "nothing is missing at A");
        assert_eq!(h.meta.version, b.households[0].meta.version);
        assert_eq!(out.dataset.households[1], a.households[1]);
        let p = out.preview.kinds[&mueang::domain::records::RecordKind::Household];
        assert_eq!((p.updated, p.unchanged, p.conflict), (1, 1, 0));
        assert!(out.conflicts.is_empty());
        // And A's next full bundle gives B the names, with no conflict there either.
        let at_b = merge(&b, full(&out.dataset, "a", t(4)).records()).dataset;
        assert_eq!(at_b.households, out.dataset.households);
        assert!(at_b.conflicts.is_empty());
    }
}

#[test]
fn the_same_summary_twice_changes_nothing() {
    let a = at_a();
    let s = summary(&a, "a", t(1));
    let once = merge(&Dataset::default(), s.records()).dataset;
    let twice = merge(&once, s.records());
    assert!(twice.preview.changes_nothing(), "{:?}", twice.preview);
    assert_eq!(twice.dataset, once);
    // At A, its own summary changes nothing either: it holds every name.
    let at_a_again = merge(&a, s.records());
    assert!(at_a_again.preview.changes_nothing());
    assert_eq!(at_a_again.dataset, mueang::domain::sync::normalize(&a));
}

#[test]
fn a_conflict_with_a_summary_keeps_the_names_and_settling_it_too() {
    let mut a = at_a();
    let mut b = merge(&Dataset::default(), summary(&a, "a", t(1)).records()).dataset;
    // Concurrently: A corrects the phone, B changes the members.
    save(&mut a, 0, "a", t(2), |h| h.phone = "000-000-0009".into());
    save(&mut b, 0, "b", t(3), |h| h.members = 5);
    let out = merge(&a, summary(&b, "b", t(4)).records());
    assert_eq!(out.conflicts.len(), 1);
    let id = a.households[0].meta.id;
    let versions = conflict_versions(
        &out.dataset,
        mueang::domain::records::RecordKind::Household,
        id,
    );
    let held: Vec<&str> = versions
        .iter()
        .filter_map(|v| match v {
            AnyRecord::Household(h) => Some(h.phone.as_str()),
            _ => None,
        })
        .filter(|p| !p.is_empty())
        .collect();
    assert_eq!(held, ["000-000-0009"], "A's own version keeps its phone");
    // Settling by taking B's version (the one without names) keeps A's names.
    let bs = versions
        .iter()
        .find(|v| !v.meta().left_out.is_empty())
        .cloned()
        .expect("B's version is in the conflict");
    let mut settled = out.dataset.clone();
    resolve(
        &mut settled,
        mueang::domain::records::RecordKind::Household,
        id,
        bs,
        &office("a"),
        t(5),
    )
    .unwrap();
    let h = &settled.households[0];
    assert_eq!((h.members, h.phone.as_str()), (5, "000-000-0009"));
    assert_eq!(h.head_name, "นางสมมติ ที่1");
    assert!(h.meta.left_out.is_empty());
    assert!(settled.conflicts.is_empty());
}

#[test]
fn a_deletion_travels_in_a_summary() {
    let a = at_a();
    let mut b = merge(&Dataset::default(), summary(&a, "a", t(1)).records()).dataset;
    let stored = b.households[1].clone();
    let SavePlan::Write { record, .. } = plan_save(
        Some(&stored),
        stored.clone(),
        SaveAction::Delete,
        &office("b"),
        t(2),
    ) else {
        panic!("a deletion writes")
    };
    assert!(record.meta.left_out.is_empty(), "a deletion lacks nothing");
    b.households[1] = record;
    let out = merge(&a, summary(&b, "b", t(3)).records());
    assert!(out.dataset.households[1].meta.deleted);
    assert_eq!(
        out.dataset.households[0], a.households[0],
        "the other keeps its names"
    );
    let p = out.preview.kinds[&mueang::domain::records::RecordKind::Household];
    assert_eq!(p.deleted, 1);
    // A's deletion reaches B through A's summary too.
    let mut a2 = a.clone();
    a2.households[0].meta.deleted = true;
    a2.households[0].meta.touch(&office("a"), t(4));
    let at_b = merge(&b, summary(&a2, "a", t(5)).records()).dataset;
    assert!(at_b.households[0].meta.deleted);
}

#[test]
fn a_name_typed_at_b_travels_back_as_an_edit() {
    let a = at_a();
    let mut b = merge(&Dataset::default(), summary(&a, "a", t(1)).records()).dataset;
    save(&mut b, 0, "b", t(2), |h| h.phone = "000-000-0077".into());
    assert_eq!(b.households[0].meta.left_out, ["head_name", "surveyor"]);
    let out = merge(&a, full(&b, "b", t(3)).records());
    let h = &out.dataset.households[0];
    assert_eq!(h.phone, "000-000-0077", "what B typed is B's edit");
    assert_eq!(h.head_name, "นางสมมติ ที่1", "what B never had stays A's");
    assert!(h.meta.left_out.is_empty());
}

#[test]
fn settling_field_by_field_keeps_the_name_chosen() {
    use mueang::domain::sync::fields::combine;
    use std::collections::BTreeMap;
    let mut a = at_a();
    let mut b = merge(&Dataset::default(), summary(&a, "a", t(1)).records()).dataset;
    save(&mut a, 0, "a", t(2), |h| {
        h.head_name = "นางสมมติ แก้ที่เอ".into()
    });
    save(&mut b, 0, "b", t(3), |h| h.members = 5);
    let out = merge(&a, summary(&b, "b", t(4)).records()).dataset;
    let kind = mueang::domain::records::RecordKind::Household;
    let id = a.households[0].meta.id;
    let versions = conflict_versions(&out, kind, id);
    let bs = versions
        .iter()
        .position(|v| !v.meta().left_out.is_empty())
        .unwrap();
    let as_ = 1 - bs;
    // B's version as the base, with the name and phone from A's and the members from B's.
    let choices = BTreeMap::from([("head_name".to_string(), as_), ("phone".to_string(), as_)]);
    let combined = combine(&versions, bs, &choices).unwrap();
    assert_eq!(
        combined.meta().left_out,
        ["surveyor"],
        "chosen fields are held"
    );
    let mut settled = out.clone();
    resolve(&mut settled, kind, id, combined, &office("a"), t(5)).unwrap();
    let h = &settled.households[0];
    assert_eq!((h.members, h.head_name.as_str()), (5, "นางสมมติ แก้ที่เอ"));
    assert_eq!(
        h.surveyor, "นายสำรวจ สมมติ",
        "the field not chosen is filled, not blanked"
    );
    assert!(h.meta.left_out.is_empty());
}
