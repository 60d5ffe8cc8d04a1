//! Version vectors: the order merge relies on. `meta.rs` ships without tests; these pin
//! down `compare`, `join` and `bump`, and the `RecordMeta` constructors.

use std::collections::BTreeMap;

use chrono::DateTime;
use mueang::domain::meta::{
    stable_id, Causality, Editor, OfficeId, RecordMeta, VectorProblem, VersionVector, MAX_COUNTER,
    MAX_OFFICES,
};
use proptest::prelude::*;

fn vv(entries: &[(&str, u64)]) -> VersionVector {
    VersionVector(
        entries
            .iter()
            .map(|(o, n)| (OfficeId((*o).into()), *n))
            .collect(),
    )
}

fn office(s: &str) -> OfficeId {
    OfficeId(s.into())
}

#[test]
fn empty_vectors_are_equal() {
    assert_eq!(vv(&[]).compare(&vv(&[])), Causality::Equal);
}

#[test]
fn a_zero_entry_counts_as_absent() {
    assert_eq!(vv(&[("a", 0)]).compare(&vv(&[])), Causality::Equal);
    assert_eq!(vv(&[("a", 0)]).get(&office("a")), 0);
    assert_eq!(vv(&[]).get(&office("zz")), 0);
}

#[test]
fn more_edits_by_one_office_dominate() {
    assert_eq!(
        vv(&[("a", 2)]).compare(&vv(&[("a", 1)])),
        Causality::Dominates
    );
    assert_eq!(
        vv(&[("a", 1)]).compare(&vv(&[("a", 2)])),
        Causality::DominatedBy
    );
    assert_eq!(
        vv(&[("a", 1), ("b", 1)]).compare(&vv(&[("a", 1)])),
        Causality::Dominates
    );
    assert_eq!(vv(&[("a", 1)]).compare(&vv(&[])), Causality::Dominates);
}

#[test]
fn edits_by_different_offices_from_a_common_base_are_concurrent() {
    assert_eq!(
        vv(&[("a", 2), ("b", 1)]).compare(&vv(&[("a", 1), ("b", 2)])),
        Causality::Concurrent
    );
    assert_eq!(
        vv(&[("a", 1)]).compare(&vv(&[("b", 1)])),
        Causality::Concurrent
    );
}

#[test]
fn join_takes_the_maximum_per_office() {
    let j = vv(&[("a", 3), ("b", 1)]).join(&vv(&[("a", 1), ("b", 4), ("c", 2)]));
    assert_eq!(j, vv(&[("a", 3), ("b", 4), ("c", 2)]));
}

#[test]
fn bump_adds_one_edit_for_that_office_only() {
    let mut v = vv(&[("a", 1)]);
    v.bump(&office("b"));
    v.bump(&office("b"));
    assert_eq!(v, vv(&[("a", 1), ("b", 2)]));
}

#[test]
fn counts_up_to_the_ceiling_pass_the_check_and_above_it_do_not() {
    assert_eq!(vv(&[("a", MAX_COUNTER), ("b", 1)]).check(), Ok(()));
    for n in [MAX_COUNTER + 1, u64::MAX] {
        assert_eq!(
            vv(&[("a", 1), ("b", n)]).check(),
            Err(VectorProblem::CounterAboveCeiling {
                office: office("b"),
                count: n
            })
        );
    }
    // The ceiling survives a JavaScript number exactly.
    assert_eq!(MAX_COUNTER as f64 as u64, MAX_COUNTER);
}

#[test]
fn a_vector_naming_too_many_offices_fails_the_check() {
    let many = |n: usize| VersionVector((0..n).map(|i| (office(&format!("o{i}")), 1)).collect());
    assert_eq!(many(MAX_OFFICES).check(), Ok(()));
    assert_eq!(
        many(MAX_OFFICES + 1).check(),
        Err(VectorProblem::TooManyOffices {
            offices: MAX_OFFICES + 1
        })
    );
}

#[test]
fn bump_never_wraps_so_an_edit_is_never_dominated_by_its_past() {
    let before = vv(&[("a", u64::MAX - 1)]);
    let mut v = before.clone();
    v.bump(&office("a"));
    assert_eq!(v.get(&office("a")), u64::MAX);
    assert_eq!(v.compare(&before), Causality::Dominates);
    v.bump(&office("a"));
    assert_eq!(v.get(&office("a")), u64::MAX, "kept, not wrapped to 0");
    assert_ne!(v.compare(&before), Causality::DominatedBy);
}

#[test]
fn new_meta_counts_its_creator_and_touch_counts_the_editor() {
    let t0 = DateTime::from_timestamp(1_517_630_400, 0).unwrap();
    let t1 = DateTime::from_timestamp(1_517_716_800, 0).unwrap();
    let a = Editor {
        office_id: office("a"),
        office_name: "A".into(),
        person: "สมชาย".into(),
    };
    let b = Editor {
        office_id: office("b"),
        office_name: String::new(),
        person: String::new(),
    };
    let mut m = RecordMeta::new(stable_id("x"), &a, t0);
    assert_eq!(m.version, vv(&[("a", 1)]));
    let before = m.version.clone();
    m.touch(&b, t1);
    assert_eq!(m.version, vv(&[("a", 1), ("b", 1)]));
    assert_eq!(m.updated_by, b);
    assert_eq!((m.created_at, m.updated_at), (t0, t1));
    assert_eq!(m.version.compare(&before), Causality::Dominates);
}

#[test]
fn shipped_meta_is_identical_everywhere_and_any_edit_supersedes_it() {
    let s = RecordMeta::shipped("province:TH-65");
    assert_eq!(s, RecordMeta::shipped("province:TH-65"));
    assert!(s.version.0.is_empty());
    let mut edited = s.clone();
    edited.touch(
        &Editor {
            office_id: office("a"),
            office_name: String::new(),
            person: String::new(),
        },
        s.updated_at,
    );
    assert_eq!(edited.version.compare(&s.version), Causality::Dominates);
}

#[test]
fn version_vectors_serialise_as_a_plain_object() {
    let json = serde_json::to_string(&vv(&[("codi-north", 2), ("city-1", 1)])).unwrap();
    assert_eq!(json, r#"{"city-1":1,"codi-north":2}"#);
    let back: VersionVector = serde_json::from_str(&json).unwrap();
    assert_eq!(back, vv(&[("codi-north", 2), ("city-1", 1)]));
}

fn arb_vv() -> impl Strategy<Value = VersionVector> {
    prop::collection::btree_map(prop::sample::select(vec!["a", "b", "c"]), 1u64..4, 0..3).prop_map(
        |m| {
            VersionVector(
                m.into_iter()
                    .map(|(o, n)| (OfficeId(o.into()), n))
                    .collect::<BTreeMap<_, _>>(),
            )
        },
    )
}

fn flip(c: Causality) -> Causality {
    match c {
        Causality::Dominates => Causality::DominatedBy,
        Causality::DominatedBy => Causality::Dominates,
        other => other,
    }
}

proptest! {
    #[test]
    fn compare_is_antisymmetric(a in arb_vv(), b in arb_vv()) {
        prop_assert_eq!(a.compare(&b), flip(b.compare(&a)));
    }

    #[test]
    fn join_is_the_least_upper_bound(a in arb_vv(), b in arb_vv(), c in arb_vv()) {
        let j = a.join(&b);
        prop_assert!(matches!(j.compare(&a), Causality::Dominates | Causality::Equal));
        prop_assert!(matches!(j.compare(&b), Causality::Dominates | Causality::Equal));
        prop_assert_eq!(j.compare(&b.join(&a)), Causality::Equal);
        prop_assert_eq!(j.join(&c).compare(&a.join(&b.join(&c))), Causality::Equal);
        // Anything above both sides is above the join.
        let above = a.join(&b).join(&c);
        prop_assert!(matches!(above.compare(&j), Causality::Dominates | Causality::Equal));
    }

    #[test]
    fn a_bump_dominates_what_it_started_from(a in arb_vv(), o in prop::sample::select(vec!["a", "b", "d"])) {
        let mut b = a.clone();
        b.bump(&OfficeId(o.into()));
        prop_assert_eq!(b.compare(&a), Causality::Dominates);
    }
}
