use super::*;
use crate::domain::example::north_2561;

use crate::storage::changes::Op;
use crate::storage::memory::MemoryStore;

#[test]
fn peers_are_saved_one_entry_per_office() {
    let mut peers = Peers::default();
    for o in ["a", "b", "c"] {
        peers.0.insert(OfficeId(o.into()), Default::default());
    }
    peers.0.get_mut(&OfficeId("b".into())).unwrap().office_name = "บี".into();
    let mut cs = ChangeSet::new("import");
    save_peers(
        &mut cs,
        &peers,
        [&OfficeId("b".into()), &OfficeId("zz".into())],
    )
    .unwrap();
    match cs.ops() {
        [Op::SetMeta { key, json }] => {
            assert_eq!(key, "sync.peer/b");
            let back: crate::domain::sync::PeerState = serde_json::from_str(json.get()).unwrap();
            assert_eq!(&back, peers.get(&OfficeId("b".into())).unwrap());
        }
        other => panic!("only b's entry (zz is unknown): {other:?}"),
    }
}

#[test]
fn old_single_value_peers_are_read_under_the_newer_entries() {
    let state = |name: &str| PeerState {
        office_name: name.into(),
        ..Default::default()
    };
    let mut old = Peers::default();
    old.0.insert(OfficeId("a".into()), state("old a"));
    old.0.insert(OfficeId("b".into()), state("old b"));
    let read = peers_from(
        Some(old),
        vec![("b".into(), state("new b")), ("c".into(), state("c"))],
    );
    let names: Vec<(&str, &str)> = read
        .0
        .iter()
        .map(|(o, s)| (o.0.as_str(), s.office_name.as_str()))
        .collect();
    assert_eq!(names, [("a", "old a"), ("b", "new b"), ("c", "c")]);
    assert_eq!(peers_from(None, Vec::new()), Peers::default());
}

fn run(db: &mut MemoryStore, cs: ChangeSet) {
    db.apply(cs).unwrap();
}

fn load(db: &MemoryStore) -> Dataset {
    crate::sync::load::dataset_from_chunks(&db.chunks_as_read()).unwrap()
}

/// The example with two records in conflict (one of them three ways).
fn with_conflicts() -> Dataset {
    let mut ds = crate::domain::sync::normalize(&north_2561().records);
    for (i, name) in ["x", "y"].iter().enumerate() {
        let mut c = ds.cities[3].clone();
        c.name_en = (*name).into();
        c.meta.updated_at += chrono::Duration::minutes(i as i64 + 1);
        ds.conflicts.cities.push(c);
    }
    let mut m = ds.mous[0].clone();
    m.meta.deleted = true;
    ds.conflicts.mous.push(m);
    ds
}

#[test]
fn conflicts_survive_storage() {
    let ds = with_conflicts();
    let mut db = MemoryStore::default();
    // An import into an empty store writes conflict versions too.
    let mut cs = ChangeSet::new("import");
    crate::sync::import_changes(&mut cs, &Dataset::default(), &ds, None).unwrap();
    run(&mut db, cs);
    assert!(db.chunks.keys().any(|k| k.starts_with("conflicts.cities/")));
    let back = crate::domain::sync::normalize(&load(&db));
    assert_eq!(back, crate::domain::sync::normalize(&ds));
    assert_eq!(back.conflicts.cities.len(), 2);
    assert_eq!(back.conflicts.mous.len(), 1);

    // Replacing with data without conflicts empties them.
    let mut cs = ChangeSet::new("settled");
    replace_conflicts(&mut cs, &north_2561().records).unwrap();
    run(&mut db, cs);
    assert!(load(&db).conflicts.is_empty());
    assert!(!db.chunks.keys().any(|k| k.starts_with("conflicts.")));
}

#[test]
fn storage_kinds_are_usable_and_distinct() {
    let kinds = storage_kinds();
    assert_eq!(kinds.len(), 2 * RecordKind::ALL.len());
    for k in &kinds {
        assert!(crate::storage::chunks::valid_kind(k), "{k}");
    }
    let (lo, hi) = crate::storage::chunks::kind_range("cities");
    let other = crate::storage::chunks::chunk_key(&conflicts_kind(RecordKind::City), "a", 1);
    assert!(!(lo < other && other < hi), "ranges must not overlap");
}
