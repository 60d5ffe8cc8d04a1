//! What a bundle cannot do to the store: flood a record with versions, bring a deletion
//! back unnoticed, or keep deleted personal data alive.

use chrono::{DateTime, Duration, Utc};
use mueang::cli::bench_merge::conflicting_versions;
use mueang::domain::example::north_2561;
use mueang::domain::meta::{stable_id, Editor, OfficeId, RecordMeta};
use mueang::domain::records::{
    Committee, CommitteeMember, Dataset, MemberRole, Record, RecordKind, Sector,
};
use mueang::domain::sync::merge::MAX_VERSIONS;
use mueang::domain::sync::purge::{strip_tombstone, strip_tombstones};
use mueang::domain::sync::{
    export_full, list_conflicts, merge, purge_tombstones, resolve, verify, Peers,
};

fn office(id: &str) -> Editor {
    Editor {
        office_id: OfficeId(id.into()),
        office_name: format!("สำนักงาน {id}"),
        person: format!("คุณ {id}"),
    }
}

fn t(minutes: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_517_800_000, 0).unwrap() + Duration::minutes(minutes)
}

fn example() -> Dataset {
    north_2561().records
}

/// The example with a committee whose member has a name and a phone number; its index.
fn with_committee(ds: &mut Dataset) -> usize {
    let member = CommitteeMember {
        name: "นางสมใจ รักเมือง".into(),
        sector: Sector::Community,
        role: MemberRole::Chair,
        contact: "081-234-5678".into(),
    };
    ds.committees.push(Committee {
        meta: RecordMeta::new(stable_id("committee:test"), &office("a"), t(0)),
        city_id: ds.cities[0].meta.id,
        name: "คณะกรรมการเมืองแม่สอด".into(),
        members: vec![member],
    });
    ds.committees.len() - 1
}

fn versions_of_city(ds: &Dataset) -> usize {
    ds.cities.len() + ds.conflicts.cities.len()
}

#[test]
fn ten_thousand_concurrent_versions_keep_a_bounded_set_and_the_local_one() {
    let (local, incoming) = conflicting_versions(10_000);
    let mine = local.cities[0].clone();
    let out = merge(&local, &incoming);
    let kept: Vec<_> = out
        .dataset
        .cities
        .iter()
        .chain(&out.dataset.conflicts.cities)
        .collect();
    assert_eq!(
        kept.len(),
        MAX_VERSIONS + 1,
        "the bound, plus the office's own"
    );
    assert!(
        kept.contains(&&mine),
        "the local version is never pushed out"
    );
    assert_eq!(out.conflicts.len(), 1);
    let c = &out.conflicts[0];
    assert_eq!(c.versions, MAX_VERSIONS + 1);
    assert_eq!(
        c.left_out,
        10_000 - MAX_VERSIONS,
        "the conflict says what was left"
    );
    assert_eq!(out.preview.total().conflict, 1);

    // The subset depends only on the versions: the bundle's order does not matter.
    let mut reversed = incoming.clone();
    reversed.conflicts.cities.reverse();
    assert_eq!(merge(&local, &reversed).dataset, out.dataset);
    // Merging the same bundle again changes nothing.
    assert!(merge(&out.dataset, &incoming).preview.changes_nothing());
}

#[test]
fn below_the_bound_every_concurrent_version_is_kept() {
    let (local, incoming) = conflicting_versions(MAX_VERSIONS - 1);
    let out = merge(&local, &incoming);
    assert_eq!(versions_of_city(&out.dataset), MAX_VERSIONS);
    assert_eq!(out.conflicts[0].left_out, 0);
}

#[test]
fn a_higher_counter_from_an_office_that_never_saw_the_deletion_is_a_conflict() {
    let (a, b) = (office("a"), office("b"));
    let mut here = example();
    let before = here.clone();
    here.cities[0].meta.deleted = true;
    here.cities[0].meta.touch(&a, t(1));
    // b edits its old copy and claims a thousand edits of its own: still blind to a's delete.
    let mut there = before;
    there.cities[0].name_en = "Resurrected".into();
    there.cities[0].meta.touch(&b, t(2));
    there.cities[0]
        .meta
        .version
        .0
        .insert(b.office_id.clone(), 1000);
    let out = merge(&here, &there);
    let p = out.preview.total();
    assert_eq!((p.updated, p.restored, p.conflict), (0, 0, 1));
    assert!(out.conflicts[0].with_deletion);
    assert_eq!(list_conflicts(&out.dataset).len(), 1);
}

#[test]
fn a_version_made_after_seeing_the_deletion_is_shown_as_restored_not_updated() {
    let (a, b) = (office("a"), office("b"));
    let mut here = example();
    here.cities[0].meta.deleted = true;
    here.cities[0].meta.touch(&a, t(1));
    let mut there = here.clone();
    there.cities[0].meta.deleted = false;
    there.cities[0].meta.touch(&b, t(2));
    let out = merge(&here, &there);
    let p = out.preview.total();
    assert_eq!((p.updated, p.restored, p.conflict), (0, 1, 0));
    assert_eq!(
        out.restored,
        [(
            mueang::domain::records::RecordKind::City,
            here.cities[0].meta.id
        )],
        "named for the preview"
    );
    assert!(!out.dataset.cities[0].meta.deleted);
}

#[test]
fn a_tombstone_keeps_only_what_sync_needs() {
    let a = office("a");
    let mut ds = example();
    let i = with_committee(&mut ds);
    let full = {
        let c = &mut ds.committees[i];
        c.meta.deleted = true;
        c.meta.touch(&a, t(1));
        c.clone()
    };
    let s = strip_tombstone(&full).unwrap();
    assert_eq!(s.meta.id, full.meta.id);
    assert_eq!(s.meta.version, full.meta.version);
    assert_eq!(s.meta.updated_at, full.meta.updated_at);
    assert_eq!(s.meta.updated_by.office_id, a.office_id);
    assert!(s.meta.deleted && s.meta.updated_by.person.is_empty());
    assert!(s.members.is_empty() && s.name.is_empty());
    let text = serde_json::to_string(&s).unwrap();
    for m in &full.members {
        assert!(
            !text.contains(&m.name) && !text.contains(&m.contact),
            "{text}"
        );
    }
    assert_eq!(
        strip_tombstone(&s).as_ref(),
        Some(&s),
        "stripping twice changes nothing"
    );
    assert_eq!(
        strip_tombstone(&ds.cities[0]),
        None,
        "a live record is not a tombstone"
    );

    // Cities keep their unit type (no empty form fits) but lose their names.
    ds.cities[0].meta.deleted = true;
    ds.cities[0].meta.touch(&a, t(1));
    let city = strip_tombstone(&ds.cities[0]).unwrap();
    assert!(city.name_th.is_empty() && city.name_en.is_empty());
    assert_eq!(city.unit_type, ds.cities[0].unit_type);
    assert_eq!(strip_tombstones(&mut ds), 2);
    assert_eq!(strip_tombstones(&mut ds), 0);
}

#[test]
fn an_old_bundle_with_full_tombstones_is_stripped_on_import_and_matches_a_new_one() {
    let a = office("a");
    let mut at_a = example();
    let i = with_committee(&mut at_a);
    let name = at_a.committees[i].members[0].name.clone();
    at_a.committees[i].meta.deleted = true;
    at_a.committees[i].meta.touch(&a, t(1));
    // What an exporter before stripping sent: the whole record in the tombstone (this
    // build's exporter already strips, so the old bundle's records are built directly).
    assert!(serde_json::to_string(&at_a).unwrap().contains(&name));
    let old = at_a.clone();
    let mut before = example();
    with_committee(&mut before);
    let out = merge(&before, &old);
    let text = serde_json::to_string(&out.dataset).unwrap();
    assert!(!text.contains(&name), "deleted personal data must go");
    assert_eq!(out.preview.total().deleted, 1);
    // A stripped and a full copy of one deletion are the same deletion, not a conflict.
    let mut stripped = at_a.clone();
    strip_tombstones(&mut stripped);
    let both = merge(&stripped, &old);
    assert!(both.conflicts.is_empty());
    assert!(both.preview.changes_nothing());
    // What this office exports carries no personal data, even from unstripped data.
    let again = export_full(&at_a, &a, t(3)).to_json();
    assert!(verify(&again).is_ok());
    assert!(!again.contains(&name));
}

#[test]
fn settling_a_conflict_with_the_deletion_keeps_a_stripped_tombstone() {
    let (a, b, c) = (office("a"), office("b"), office("c"));
    let mut here = example();
    let base = here.clone();
    here.cities[0].meta.deleted = true;
    here.cities[0].meta.touch(&a, t(1));
    let mut there = base;
    there.cities[0].name_en = "Edited".into();
    there.cities[0].meta.touch(&b, t(2));
    let id = here.cities[0].meta.id;
    let mut ds = merge(&here, &there).dataset;
    let deletion = ds.conflicts.cities[0].clone();
    assert!(deletion.meta.deleted);
    let mut chosen = deletion.clone();
    chosen.name_en = "still here".into();
    resolve(&mut ds, RecordKind::City, id, chosen.into_any(), &c, t(3)).unwrap();
    let settled = ds.cities.iter().find(|r| r.meta.id == id).unwrap();
    assert!(settled.meta.deleted && settled.name_en.is_empty() && settled.name_th.is_empty());
}

#[test]
fn a_stripped_tombstone_is_purged_once_every_known_office_has_it() {
    let (a, b) = (office("a"), office("b"));
    let mut at_a = example();
    let id = at_a.cities[0].meta.id;
    at_a.cities[0].meta.deleted = true;
    at_a.cities[0].meta.touch(&a, t(1));
    let at_b = merge(&example(), export_full(&at_a, &a, t(2)).records()).dataset;
    let mut at_a = merge(&at_a, &Dataset::default()).dataset;
    let mut peers = Peers::default();
    peers.note_received(&export_full(&example(), &b, t(0)));
    assert!(purge_tombstones(&mut at_a.clone(), &peers).is_empty());
    peers.note_received(&export_full(&at_b, &b, t(3)));
    let removed = purge_tombstones(&mut at_a, &peers);
    assert_eq!(removed.len(), 1);
    assert_eq!(removed[0].1, id);
    assert!(at_a.cities.iter().all(|c| c.meta.id != id));
}

#[test]
fn a_bundle_of_tombstones_of_every_kind_verifies_and_names_no_one() {
    // Before, tombstones were emptied by trial: an instalment's fiscal year and number
    // became 0, out of range, and every office refused the bundle carrying them.
    let a = office("a");
    let mut ds = example();
    let i = with_committee(&mut ds);
    let member = ds.committees[i].members[0].name.clone();
    let names: Vec<String> = ds.cities.iter().map(|c| c.name_th.clone()).collect();
    struct DeleteAll<'a>(&'a mut Dataset, &'a Editor);
    impl mueang::domain::records::KindVisitor for DeleteAll<'_> {
        fn visit<R: mueang::domain::records::Record>(&mut self) {
            for r in R::all_mut(self.0) {
                r.meta_mut().deleted = true;
                r.meta_mut().touch(self.1, t(1));
            }
        }
    }
    mueang::domain::records::RecordKind::visit_all(&mut DeleteAll(&mut ds, &a));
    assert!(strip_tombstones(&mut ds) > 50);
    let text = export_full(&ds, &a, t(2)).to_json();
    let bundle = mueang::domain::sync::verify_bytes(text.as_bytes())
        .unwrap_or_else(|e| panic!("refused: {e:?}"));
    assert_eq!(bundle.records().total_len(), ds.total_len());
    assert!(!text.contains(&member), "a member's name travels");
    for n in names {
        assert!(!text.contains(&n), "{n} travels");
    }
}

#[test]
fn the_import_purges_only_deletions_older_than_its_cutoff() {
    let a = office("a");
    let mut at_a = example();
    let id = at_a.cities[0].meta.id;
    at_a.cities[0].meta.deleted = true;
    at_a.cities[0].meta.touch(&a, t(10));
    let mut peers = Peers::default();
    peers.note_received(&export_full(&at_a, &office("b"), t(11)));
    let mut fresh = at_a.clone();
    let cut = mueang::domain::sync::purge_tombstones_before;
    assert!(
        cut(&mut fresh, &peers, t(10)).is_empty(),
        "not older than the cutoff"
    );
    assert_eq!(cut(&mut fresh, &peers, t(11)), [(RecordKind::City, id)]);
}
