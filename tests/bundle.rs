//! Bundles end to end: export, verify, encryption, migration, "since" exports, peers,
//! tombstone purging, settling conflicts and diffs.

use chrono::{DateTime, Duration, Utc};
use mueang::domain::document::Document;
use mueang::domain::example::north_2561;
use mueang::domain::meta::{Causality, Editor, OfficeId};
use mueang::domain::records::{AnyRecord, City, Dataset, RecordKind};
use mueang::domain::sync::canonical::records_checksum;
use mueang::domain::sync::{
    conflict_versions, decrypt, diff, encrypt, export_full, export_since, list_conflicts, merge,
    merge_many, migrate, open, purge_tombstones, resolve, verify, verify_data_file, BundleScope,
    Peers, ResolveError,
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

fn example() -> Dataset {
    north_2561().records
}

/// Edits the first city's English name at `ds` as `who`.
fn edit_city(ds: &mut Dataset, index: usize, who: &Editor, at: DateTime<Utc>, name: &str) -> City {
    let c = &mut ds.cities[index];
    c.name_en = name.into();
    c.meta.touch(who, at);
    c.clone()
}

const V0: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/bad-bundles/old-schema-v0-migrates/input.json"
);

#[test]
fn a_full_export_verifies_and_carries_everything() {
    let ds = example();
    let b = export_full(&ds, &office("north"), t(0));
    let text = b.to_json();
    let back = verify(&text).unwrap();
    assert_eq!(back.records(), b.records());
    assert_eq!(back.manifest().scope, BundleScope::Full);
    assert_eq!(back.manifest().counts[&RecordKind::City].records, 12);
    assert_eq!(back.exported_by(), &office("north"));
    // Indentation does not matter to the checksum; the records' content does.
    assert!(verify(&b.to_json_pretty()).is_ok());
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(records_checksum(&value["records"]), b.manifest().sha256);
    assert_eq!(b.file_name(), "mueang-สำนักงาน-north-2018-02-05.json");
}

#[test]
fn the_exported_records_are_in_canonical_order() {
    let mut ds = example();
    ds.cities.reverse();
    let b = export_full(&ds, &office("north"), t(0));
    let ids: Vec<_> = b.records().cities.iter().map(|c| c.meta.id).collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted);
}

#[test]
fn an_old_draft_file_is_migrated_by_verify_and_by_the_document_reader() {
    let text = std::fs::read_to_string(V0).unwrap();
    let bundle = verify(&text).unwrap();
    let doc = Document::parse(&text).unwrap();
    assert_eq!(doc.records, *bundle.records());
    assert_eq!(doc.schema_version, 4);
    let deleted: Vec<_> = doc
        .records
        .cities
        .iter()
        .filter(|c| c.meta.deleted)
        .collect();
    assert_eq!(deleted.len(), 1);
    assert_eq!(
        deleted[0].meta.version.get(&OfficeId("codi-north".into())),
        2
    );
    assert_eq!(bundle.manifest().counts[&RecordKind::City].deleted, 1);
}

#[test]
fn migrate_walks_the_chain_and_leaves_current_files_alone() {
    let v0 = serde_json::json!({"format": "mueang-data", "schema_version": 0,
        "records": {"regions": [{"meta": {"vv": {"a": 1}, "deleted_at": null}}]}});
    let v4 = migrate(v0, 0).unwrap();
    assert_eq!(v4["schema_version"], 4);
    assert_eq!(
        v4["records"]["regions"][0]["meta"],
        serde_json::json!({"version": {"a": 1}})
    );
    // Versions 2, 3 and 4 only add optional fields and kinds: a version 1, 2 or 3 document
    // keeps its records as they are.
    for older in [1, 2, 3] {
        let mut doc = v4.clone();
        doc["schema_version"] = older.into();
        assert_eq!(migrate(doc, older).unwrap(), v4);
    }
    assert_eq!(migrate(v4.clone(), 4).unwrap(), v4);
    assert!(migrate(v4, 5).is_err());
}

#[test]
fn a_plain_data_file_is_accepted_only_where_no_manifest_is_needed() {
    let text = north_2561().to_json();
    assert_eq!(verify(&text).unwrap_err().code(), "no_manifest");
    assert_eq!(verify_data_file(&text).unwrap().records, example());
}

#[test]
fn an_encrypted_bundle_opens_only_with_its_passphrase() {
    let json = export_full(&example(), &office("north"), t(0)).to_json();
    let locked = encrypt(&json, "รหัสลับ 2561").unwrap();
    assert!(!locked.contains("แม่สอด"), "names must not show through");
    assert_ne!(
        locked,
        encrypt(&json, "รหัสลับ 2561").unwrap(),
        "fresh salt and nonce each time"
    );
    assert_eq!(decrypt(&locked, "รหัสลับ 2561").unwrap(), json);
    let opened = open(locked.as_bytes(), Some("รหัสลับ 2561")).unwrap();
    assert_eq!(opened.records().cities.len(), 12);
    assert_eq!(
        open(locked.as_bytes(), None).unwrap_err().code(),
        "encrypted"
    );
    assert_eq!(
        open(locked.as_bytes(), Some("รหัสลับ 2562"))
            .unwrap_err()
            .code(),
        "wrong_passphrase"
    );
    assert_eq!(encrypt(&json, "").unwrap_err().code(), "empty_passphrase");
}

#[test]
fn since_bundles_carry_only_what_the_peer_lacks_plus_every_tombstone() {
    let (a, b) = (office("a"), office("b"));
    let mut ds = example();
    let mut peers = Peers::default();
    let first = export_since(&ds, &b.office_id, &Default::default(), &a, t(0));
    assert_eq!(first.records().total_len(), ds.total_len());
    peers.note_sent(&b.office_id, &first);

    let nothing = export_since(
        &ds,
        &b.office_id,
        peers.get(&b.office_id).unwrap(),
        &a,
        t(1),
    );
    assert_eq!(nothing.records().total_len(), 0);
    assert_eq!(nothing.manifest().to_office, Some(b.office_id.clone()));

    edit_city(&mut ds, 2, &a, t(2), "changed");
    ds.cities[3].meta.deleted = true;
    ds.cities[3].meta.touch(&a, t(2));
    let delta = export_since(
        &ds,
        &b.office_id,
        peers.get(&b.office_id).unwrap(),
        &a,
        t(3),
    );
    assert_eq!(delta.records().cities.len(), 2);
    peers.note_sent(&b.office_id, &delta);
    // Sent already, but a tombstone still travels: it tells the peer which deletions we hold.
    let again = export_since(
        &ds,
        &b.office_id,
        peers.get(&b.office_id).unwrap(),
        &a,
        t(4),
    );
    assert_eq!(again.records().cities.len(), 1);
    assert!(again.records().cities[0].meta.deleted);
    // "They never got it": everything they have not confirmed goes again.
    let mut lost = peers.get(&b.office_id).unwrap().clone();
    lost.forget_sent();
    assert_eq!(
        export_since(&ds, &b.office_id, &lost, &a, t(5))
            .records()
            .total_len(),
        ds.total_len()
    );
}

#[test]
fn a_tombstone_is_purged_once_every_known_office_has_shown_it_holds_it() {
    let (a, b, c) = (office("a"), office("b"), office("c"));
    let mut at_a = example();
    let id = at_a.cities[0].meta.id;
    at_a.cities[0].meta.deleted = true;
    at_a.cities[0].meta.touch(&a, t(1));
    let mut peers = Peers::default();
    assert!(
        purge_tombstones(&mut at_a.clone(), &peers).is_empty(),
        "no known office: keep it"
    );

    // b and c get the deletion; a has not heard back yet.
    let to_b = export_full(&at_a, &a, t(2));
    peers.note_sent(&b.office_id, &to_b);
    let at_b = merge(&example(), to_b.records()).dataset;
    let at_c = merge(&example(), to_b.records()).dataset;
    let mut from_c_old = Peers::default();
    from_c_old.note_received(&export_full(&example(), &c, t(0)));
    peers.0.extend(from_c_old.0);
    assert!(
        purge_tombstones(&mut at_a.clone(), &peers).is_empty(),
        "sent is not seen"
    );

    peers.note_received(&export_full(&at_b, &b, t(3)));
    assert!(
        purge_tombstones(&mut at_a.clone(), &peers).is_empty(),
        "c has not shown it yet"
    );
    let from_c = export_since(&at_c, &a.office_id, &Default::default(), &c, t(4));
    peers.note_received(&from_c);
    let mut purged = at_a.clone();
    assert_eq!(
        purge_tombstones(&mut purged, &peers),
        vec![(RecordKind::City, id)]
    );
    assert!(purged.get::<City>(id).is_none());
    assert_eq!(purged.cities.len(), 11);
    // A stale live copy from before the deletion is dominated everywhere it could come from.
    assert!(
        merge(&at_b, &example())
            .dataset
            .get::<City>(id)
            .unwrap()
            .meta
            .deleted
    );
}

#[test]
fn settling_a_conflict_dominates_every_version_and_settles_it_everywhere() {
    let (a, b) = (office("a"), office("b"));
    let (mut at_a, mut at_b) = (example(), example());
    let va = edit_city(&mut at_a, 0, &a, t(1), "Mae Sot (A)");
    let mut vb = edit_city(&mut at_b, 0, &b, t(2), "Mae Sot (B)");
    vb.name_th = "แม่สอด (B)".into();
    at_b.cities[0] = vb.clone();
    let id = va.meta.id;

    let mut merged = merge(&at_a, &at_b).dataset;
    assert_eq!(list_conflicts(&merged).len(), 1);
    let versions = conflict_versions(&merged, RecordKind::City, id);
    assert_eq!(versions.len(), 2);
    assert_eq!(
        versions[0],
        AnyRecord::City(vb.clone()),
        "latest edit shown first"
    );

    // Field by field: B's Thai name, A's English name.
    let mut combined = va.clone();
    combined.name_th = vb.name_th.clone();
    resolve(
        &mut merged,
        RecordKind::City,
        id,
        AnyRecord::City(combined),
        &a,
        t(3),
    )
    .unwrap();
    assert!(list_conflicts(&merged).is_empty());
    let settled = merged.get::<City>(id).unwrap().clone();
    assert_eq!(
        (settled.name_th.as_str(), settled.name_en.as_str()),
        ("แม่สอด (B)", "Mae Sot (A)")
    );
    for v in [&va, &vb] {
        assert_eq!(
            settled.meta.version.compare(&v.meta.version),
            Causality::Dominates
        );
    }
    assert_eq!(settled.meta.updated_by, a);

    // At b, which still has the conflict, the settled version replaces both silently.
    let at_b_conflicted = merge(&at_b, &at_a).dataset;
    let out = merge(&at_b_conflicted, &merged);
    assert!(list_conflicts(&out.dataset).is_empty());
    assert_eq!(out.preview.kinds[&RecordKind::City].updated, 1);

    let again = resolve(
        &mut merged,
        RecordKind::City,
        id,
        AnyRecord::City(settled.clone()),
        &a,
        t(4),
    );
    assert_eq!(
        again,
        Err(ResolveError::NotInConflict {
            kind: RecordKind::City,
            id
        })
    );
    let wrong = resolve(
        &mut at_b_conflicted.clone(),
        RecordKind::Project,
        id,
        AnyRecord::City(settled),
        &a,
        t(4),
    );
    assert!(matches!(wrong, Err(ResolveError::WrongRecord { .. })));
}

#[test]
fn conflicts_travel_in_files_and_merge_like_records() {
    let (a, b, c) = (office("a"), office("b"), office("c"));
    let (mut at_a, mut at_b, mut at_c) = (example(), example(), example());
    edit_city(&mut at_a, 0, &a, t(1), "A");
    edit_city(&mut at_b, 0, &b, t(1), "B");
    edit_city(&mut at_c, 0, &c, t(1), "C");
    let ab = merge(&at_a, &at_b).dataset;
    let bundle = verify(&export_full(&ab, &b, t(2)).to_json()).unwrap();
    assert_eq!(bundle.manifest().counts[&RecordKind::City].conflicts, 1);
    let abc = merge(&at_c, bundle.records());
    assert_eq!(abc.conflicts[0].versions, 3);
    // Any order of the three bundles gives the same data.
    let orders = [
        [&at_a, &at_b, &at_c],
        [&at_c, &at_a, &at_b],
        [&at_b, &at_c, &at_a],
    ];
    let results: Vec<Dataset> = orders
        .iter()
        .map(|o| merge_many(&Dataset::default(), o.iter().copied()).dataset)
        .collect();
    assert!(results.iter().all(|r| *r == abc.dataset));
}

#[test]
fn diff_lists_what_differs_per_kind() {
    let a = example();
    let mut b = example();
    let removed = b.cities.remove(5).meta.id;
    edit_city(&mut b, 0, &office("b"), t(1), "x");
    let d = diff(&a, &b);
    let cities = &d[&RecordKind::City];
    assert_eq!(cities.only_in_a, vec![removed]);
    assert!(cities.only_in_b.is_empty());
    assert_eq!(cities.differing, vec![b.cities[0].meta.id]);
    assert_eq!(cities.same, 10);
    assert!(d[&RecordKind::Province].is_empty());
}

#[test]
fn an_import_remembers_the_bundle_and_its_sender() {
    let b = export_full(&example(), &office("b"), t(0));
    let mut peers = Peers::default();
    assert!(!peers.already_received(&b));
    peers.note_received(&b);
    assert!(peers.already_received(&b));
    let peer = peers.get(&OfficeId("b".into())).unwrap();
    assert_eq!(peer.office_name, "สำนักงาน b");
    assert!(peer.has_seen(
        RecordKind::City,
        b.records().cities[0].meta.id,
        &b.records().cities[0].meta.version
    ));
    // Peers are kept as JSON in settings.
    let json = serde_json::to_string(&peers).unwrap();
    assert_eq!(serde_json::from_str::<Peers>(&json).unwrap(), peers);
}

#[test]
fn the_checksum_can_be_computed_outside_for_web_crypto() {
    let text = export_full(&example(), &office("north"), t(0)).to_json();
    let prepared = mueang::domain::sync::prepare(&text).unwrap();
    let sum = mueang::domain::sync::canonical::sha256_hex(prepared.canonical_bytes());
    assert_eq!(
        prepared.clone().finish(&sum).unwrap().records(),
        &example_sorted()
    );
    let wrong = prepared.finish(&"0".repeat(64)).unwrap_err();
    assert_eq!(wrong.code(), "checksum_mismatch");
}

fn example_sorted() -> Dataset {
    mueang::domain::sync::normalize(&example())
}

#[test]
fn a_bundle_with_a_counter_above_the_ceiling_is_refused_and_one_at_it_opens() {
    use mueang::domain::meta::MAX_COUNTER;
    let a = office("a");
    let forged = |count: u64| {
        let mut ds = example();
        ds.cities[0]
            .meta
            .version
            .0
            .insert(a.office_id.clone(), count);
        ds.cities[0].meta.updated_by = a.clone();
        export_full(&ds, &a, t(1)).to_json()
    };
    assert!(verify(&forged(MAX_COUNTER)).is_ok());
    for count in [MAX_COUNTER + 1, u64::MAX] {
        let e = verify(&forged(count)).unwrap_err();
        assert_eq!(e.code(), "impossible_value");
        assert!(
            e.message_en().contains("above the ceiling"),
            "{}",
            e.message_en()
        );
        assert!(e.message_th().contains("เกินเพดาน"), "{}", e.message_th());
        assert!(
            e.message_en().contains("meta.version"),
            "{}",
            e.message_en()
        );
    }
}
