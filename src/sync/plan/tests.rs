use super::*;
use crate::domain::example::north_2561;
use crate::domain::meta::{Editor, OfficeId};
use crate::domain::records::City;
use crate::domain::sync::{conflict_versions, merge, normalize};
use crate::storage::changes::Op;
use chrono::Duration;

fn office(id: &str) -> Editor {
    Editor {
        office_id: OfficeId(id.into()),
        office_name: id.into(),
        person: String::new(),
    }
}

fn t(m: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_517_800_000, 0).unwrap() + Duration::minutes(m)
}

fn ops(cs: &ChangeSet) -> Vec<String> {
    cs.ops()
        .iter()
        .map(|op| match op {
            Op::Put { kind, .. } => format!("put {kind}"),
            Op::Delete { kind, .. } => format!("delete {kind}"),
            Op::Update { kind, .. } => format!("update {kind}"),
            Op::ReplaceKind { kind, written } => format!("replace {kind} {}", written.count),
            Op::SetMeta { key, .. } => format!("meta {key}"),
            Op::DeleteMeta { key } => format!("delete meta {key}"),
            Op::RemoveStored { key, .. } => format!("remove stored {key}"),
        })
        .collect()
}

#[test]
fn into_an_empty_store_every_kind_is_replaced_once() {
    let ds = normalize(&north_2561().records);
    let mut cs = ChangeSet::new("import");
    let n = import_changes(&mut cs, &Dataset::default(), &ds, None).unwrap();
    assert_eq!(n, ds.total_len());
    assert!(
        ops(&cs).iter().all(|o| o.starts_with("replace ")),
        "{:?}",
        ops(&cs)
    );
}

/// The chunks a change set writes into an empty store, as id → record JSON text.
fn written(cs: ChangeSet) -> std::collections::BTreeMap<String, String> {
    let plan = cs
        .plan(&std::collections::HashMap::new(), &Default::default())
        .unwrap();
    let mut out = std::collections::BTreeMap::new();
    for bytes in plan.writes.into_values().flatten() {
        let chunk = crate::storage::chunks::parse_chunk(Some(&bytes)).unwrap();
        out.extend(
            chunk
                .into_iter()
                .map(|(id, raw)| (id, raw.get().to_string())),
        );
    }
    out
}

#[test]
fn a_verified_bundle_into_an_empty_store_is_stored_as_its_own_text() {
    use crate::domain::sync::{export_full, records_text, verify, RecordTexts};
    let json = export_full(&north_2561().records, &office("north"), t(0)).to_json();
    let texts = RecordTexts::read(records_text(&json).unwrap()).unwrap();
    let city_texts: Vec<String> = texts
        .of_kind("cities")
        .unwrap()
        .iter()
        .map(|t| t.to_string())
        .collect();
    let bundle = verify(&json).unwrap().with_record_texts(texts);
    let merged = merge(&Dataset::default(), bundle.records()).dataset;

    let mut cs = ChangeSet::new("import");
    assert_eq!(
        import_changes(&mut cs, &Dataset::default(), &merged, Some(&bundle)).unwrap(),
        merged.total_len()
    );
    let stored = written(cs);
    for (city, text) in merged.cities.iter().zip(&city_texts) {
        assert_eq!(
            &stored[&city.meta.id.to_string()],
            text,
            "the file's own text"
        );
        // ... which reads back as the very record merged.
        assert_eq!(&serde_json::from_str::<City>(text).unwrap(), city);
    }

    // Records that differ from the bundle's are written from the types, never as its text.
    let mut other = merged.clone();
    other.cities[0].name_en = "Renamed".into();
    let mut cs = ChangeSet::new("import");
    import_changes(&mut cs, &Dataset::default(), &other, Some(&bundle)).unwrap();
    let stored = written(cs);
    let back: City = serde_json::from_str(&stored[&other.cities[0].meta.id.to_string()]).unwrap();
    assert_eq!(back, other.cities[0]);
    assert_ne!(
        stored[&other.cities[1].meta.id.to_string()],
        city_texts[1],
        "the whole kind falls back"
    );
}

#[test]
fn the_same_data_again_writes_nothing() {
    let ds = normalize(&north_2561().records);
    let mut cs = ChangeSet::new("again");
    assert_eq!(import_changes(&mut cs, &ds, &ds, None).unwrap(), 0);
    assert!(cs.is_empty());
}

#[test]
fn one_edit_and_one_conflict_are_written_in_place() {
    let base = normalize(&north_2561().records);
    let mut mine = base.clone();
    mine.cities[0].name_en = "mine".into();
    mine.cities[0].meta.touch(&office("a"), t(1));
    let mut theirs = base.clone();
    theirs.cities[0].name_en = "theirs".into();
    theirs.cities[0].meta.touch(&office("b"), t(2));
    theirs.cities[1].name_en = "only theirs".into();
    theirs.cities[1].meta.touch(&office("b"), t(2));
    let merged = merge(&mine, &theirs).dataset;
    let mut cs = ChangeSet::new("import");
    assert_eq!(import_changes(&mut cs, &mine, &merged, None).unwrap(), 3);
    let mut got = ops(&cs);
    got.sort();
    // cities[1] updated, cities[0] shows a new version, its other version is a sibling.
    assert_eq!(got, ["put cities", "put cities", "put conflicts.cities"]);

    // Settling it writes the record and removes the sibling entry.
    let mut settled = merged.clone();
    let id = settled.cities[0].meta.id;
    let chosen = settled.cities[0].clone().into_any();
    resolve(
        &mut settled,
        RecordKind::City,
        id,
        chosen,
        &office("a"),
        t(3),
    )
    .unwrap();
    let mut cs = ChangeSet::new("settle");
    assert_eq!(import_changes(&mut cs, &merged, &settled, None).unwrap(), 1);
    let mut got = ops(&cs);
    got.sort();
    assert_eq!(got, ["delete conflicts.cities", "put cities"]);
    let mut direct = ChangeSet::new("settle");
    let rec = settled.cities.iter().find(|c| c.meta.id == id).unwrap();
    settled_changes(&mut direct, &rec.clone().into_any()).unwrap();
    assert_eq!(ops(&direct), ["put cities", "delete conflicts.cities"]);
    assert!(conflicted_ids(&settled).is_empty());

    // The same record, worked out from the versions alone.
    let versions = conflict_versions(&merged, RecordKind::City, id);
    let chosen = merged
        .cities
        .iter()
        .find(|c| c.meta.id == id)
        .unwrap()
        .clone();
    let alone = settled_record(&versions, chosen.into_any(), &office("a"), t(3)).unwrap();
    assert_eq!(alone, rec.clone().into_any());
    assert_eq!(conflicted_ids(&merged)[&RecordKind::City].len(), 1);
}

#[test]
fn mostly_changed_kinds_are_replaced() {
    let base = normalize(&north_2561().records);
    let mut edited = base.clone();
    for c in &mut edited.cities {
        c.name_en.push('!');
        c.meta.touch(&office("b"), t(1));
    }
    let mut cs = ChangeSet::new("import");
    import_changes(&mut cs, &base, &edited, None).unwrap();
    assert_eq!(ops(&cs), [format!("replace cities {}", base.cities.len())]);
}

fn kept_aside(chunk: &str, id: Option<&str>) -> KeptAside {
    KeptAside {
        items: vec![crate::sync::load::Unreadable {
            chunk: chunk.into(),
            id: id.map(str::to_string),
            error: "invalid type".into(),
            bytes: b"{\"meta\":1}".to_vec(),
        }],
        failed: None,
    }
}

#[test]
fn with_data_kept_aside_no_kind_is_written_whole() {
    let ds = normalize(&north_2561().records);
    let kept = kept_aside("mous/00", Some("not-an-example-id"));
    // Into a store whose readable part is empty: every record is put on its own.
    let mut cs = ChangeSet::new("import");
    let n = import_changes_keeping(&mut cs, &Dataset::default(), &ds, None, &kept).unwrap();
    assert_eq!(n, ds.total_len());
    assert!(cs.replaced_kinds().is_empty(), "{:?}", ops(&cs));
    assert!(ops(&cs).iter().all(|o| o.starts_with("put ")));
    // Mostly changed: still record by record.
    let mut changed = ds.clone();
    for c in &mut changed.cities {
        c.name_en.push('!');
    }
    let mut cs = ChangeSet::new("import");
    import_changes_keeping(&mut cs, &ds, &changed, None, &kept).unwrap();
    assert!(cs.replaced_kinds().is_empty());
    assert_eq!(ops(&cs).len(), ds.cities.len());
    // Without anything kept aside the same import replaces the kind.
    let mut cs = ChangeSet::new("import");
    import_changes(&mut cs, &ds, &changed, None).unwrap();
    assert_eq!(cs.replaced_kinds(), ["cities"]);
}

#[test]
fn an_import_over_a_record_kept_aside_is_refused_naming_it() {
    let ds = normalize(&north_2561().records);
    let id = ds.cities[2].meta.id.to_string();
    let mut local = ds.clone();
    local.cities.remove(2);
    for kept in [
        kept_aside("cities/0a", Some(&id)),
        kept_aside("cities/0a", None),
    ] {
        let mut cs = ChangeSet::new("import");
        match import_changes_keeping(&mut cs, &local, &ds, None, &kept) {
            Err(StorageError::KeptAside(what)) => assert!(what.contains(&id), "{what}"),
            other => panic!("{other:?}"),
        }
    }
    // A record kept aside in another kind does not stop it.
    let mut cs = ChangeSet::new("import");
    let kept = kept_aside("projects/01", Some(&id));
    assert_eq!(
        import_changes_keeping(&mut cs, &local, &ds, None, &kept).unwrap(),
        1
    );
}

#[test]
fn a_purged_tombstone_is_deleted_from_storage_whatever_the_plan() {
    // What apply_import does: merge, purge what every known office has, plan.
    let mut local = normalize(&north_2561().records);
    local.cities[0].meta.deleted = true;
    local.cities[0].meta.touch(&office("b"), t(1));
    crate::domain::sync::purge::strip_tombstones(&mut local);
    let at_b = local.clone();
    let bundle = crate::domain::sync::export_full(&at_b, &office("b"), t(2));
    let mut peers = crate::domain::sync::Peers::default();
    peers.note_received(&bundle);
    let mut merged = merge(&local, bundle.records()).dataset;
    let purged = crate::domain::sync::purge_tombstones(&mut merged, &peers);
    assert_eq!(purged, [(RecordKind::City, local.cities[0].meta.id)]);
    for kept in [KeptAside::default(), kept_aside("mous/00", Some("x"))] {
        let mut cs = ChangeSet::new("import");
        import_changes_keeping(&mut cs, &local, &merged, None, &kept).unwrap();
        assert_eq!(ops(&cs), ["delete cities"], "{kept:?}");
    }
}
