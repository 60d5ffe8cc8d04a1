use super::*;
use crate::domain::example::north_2561;
use crate::domain::sync::normalize;
use crate::storage::memory::MemoryStore;
use crate::storage::ChangeSet;

/// The example stored as the app stores it, as (chunk key, bytes).
fn stored_example() -> (Dataset, MemoryStore) {
    let ds = north_2561().records;
    let mut db = MemoryStore::default();
    let mut cs = ChangeSet::new("seed");
    crate::sync::import_changes(&mut cs, &Dataset::default(), &ds, None).unwrap();
    db.apply(cs).unwrap();
    (ds, db)
}

/// The chunk holding city `i` of the example, and that city's id.
fn city_chunk(ds: &Dataset, db: &MemoryStore, i: usize) -> (String, String) {
    let id = ds.cities[i].meta.id.to_string();
    let key = db
        .chunks
        .iter()
        .find(|(k, v)| k.starts_with("cities/") && String::from_utf8_lossy(v).contains(&id))
        .map(|(k, _)| k.clone())
        .expect("stored");
    (key, id)
}

#[test]
fn readable_data_loads_whole_with_nothing_aside() {
    let (ds, db) = stored_example();
    let loaded = load_from_chunks(&db.chunks_as_read());
    assert!(loaded.unreadable.is_empty());
    assert_eq!(normalize(&loaded.dataset), normalize(&ds));
}

#[test]
fn one_bad_record_keeps_only_itself_aside_as_stored() {
    let (ds, mut db) = stored_example();
    let (key, id) = city_chunk(&ds, &db, 0);
    // A record this build's types refuse, beside good records in the same chunk.
    let mut chunk: BTreeMap<String, serde_json::Value> =
        serde_json::from_slice(&db.chunks[&key]).unwrap();
    let others = chunk.len() - 1;
    let bad = r#"{"meta":{"id":"x"},"name_th":17}"#;
    chunk.insert(id.clone(), serde_json::from_str(bad).unwrap());
    db.chunks
        .insert(key.clone(), serde_json::to_vec(&chunk).unwrap());

    let loaded = load_from_chunks(&db.chunks_as_read());
    assert_eq!(loaded.unreadable.len(), 1, "{:?}", loaded.unreadable);
    let u = &loaded.unreadable[0];
    assert_eq!(
        (u.chunk.as_str(), u.id.as_deref(), u.kind()),
        (key.as_str(), Some(id.as_str()), "cities")
    );
    assert_eq!(u.bytes, bad.as_bytes(), "kept exactly as stored");
    assert!(!u.error.is_empty());
    assert_eq!(loaded.dataset.cities.len(), ds.cities.len() - 1);
    assert!(others > 0 || ds.cities.len() == 1);
    assert!(!loaded
        .dataset
        .cities
        .iter()
        .any(|c| c.meta.id.to_string() == id));
    assert_eq!(loaded.dataset.projects.len(), ds.projects.len());
    assert!(dataset_from_chunks(&db.chunks_as_read()).is_err());
}

#[test]
fn a_repeated_key_in_a_stored_record_is_kept_aside() {
    let (ds, mut db) = stored_example();
    let (key, id) = city_chunk(&ds, &db, 1);
    let text = String::from_utf8(db.chunks[&key].clone()).unwrap();
    // `"name_th":` twice in the same record: the last would win if read leniently.
    let at = text.find(&format!("\"{id}\":")).unwrap();
    let doubled = format!(
        "{}{}",
        &text[..at],
        text[at..].replacen("\"name_th\":", "\"name_th\":\"ปลอม\",\"name_th\":", 1)
    );
    assert_ne!(doubled, text);
    db.chunks.insert(key.clone(), doubled.into_bytes());
    let loaded = load_from_chunks(&db.chunks_as_read());
    assert_eq!(loaded.unreadable.len(), 1);
    assert!(
        loaded.unreadable[0].error.contains("duplicate"),
        "{:?}",
        loaded.unreadable
    );
    assert_eq!(loaded.unreadable[0].id.as_deref(), Some(id.as_str()));
}

#[test]
fn a_chunk_that_is_not_json_is_kept_aside_whole_and_the_rest_loads() {
    let (ds, mut db) = stored_example();
    let (key, _) = city_chunk(&ds, &db, 0);
    let held = serde_json::from_slice::<BTreeMap<String, serde_json::Value>>(&db.chunks[&key])
        .unwrap()
        .len();
    let garbage = b"{\"truncated\": {\"meta\": ".to_vec();
    db.chunks.insert(key.clone(), garbage.clone());
    let mut read = db.chunks_as_read();
    read.push(("projects/ff".into(), Err("[object Object]".into())));
    read.push(("mous/fe".into(), Ok(vec![0xff, 0xfe, b'{'])));

    let loaded = load_from_chunks(&read);
    let mut chunks: Vec<(&str, Option<&str>)> = loaded
        .unreadable
        .iter()
        .map(|u| (u.chunk.as_str(), u.id.as_deref()))
        .collect();
    chunks.sort();
    let mut want = vec![
        (key.as_str(), None),
        ("mous/fe", None),
        ("projects/ff", None),
    ];
    want.sort();
    assert_eq!(chunks, want);
    assert_eq!(loaded.unreadable.len(), 3);
    let city = loaded.unreadable.iter().find(|u| u.chunk == key).unwrap();
    assert_eq!(city.bytes, garbage);
    assert_eq!(loaded.dataset.cities.len(), ds.cities.len() - held);
    assert_eq!(loaded.dataset.projects.len(), ds.projects.len());
}

#[test]
fn bad_conflict_versions_are_kept_aside_too() {
    let (ds, db) = stored_example();
    let mut read = db.chunks_as_read();
    let good = serde_json::to_string(&vec![&ds.cities[0]]).unwrap();
    read.push((
        "conflicts.cities/00".into(),
        Ok(format!(r#"{{"a":{good},"b":[{{"meta":1}}]}}"#).into_bytes()),
    ));
    let loaded = load_from_chunks(&read);
    assert_eq!(loaded.dataset.conflicts.cities.len(), 1);
    assert_eq!(loaded.unreadable.len(), 1);
    assert_eq!(loaded.unreadable[0].kind(), "conflicts.cities");
    assert_eq!(loaded.unreadable[0].id.as_deref(), Some("b"));
}

#[test]
fn whatever_is_kept_aside_blocks_whole_kind_writes() {
    let mut kept = KeptAside::default();
    assert!(!kept.blocks_whole_kinds());
    kept.failed = Some("UnknownError".into());
    assert!(kept.blocks_whole_kinds());
    let kept = KeptAside {
        items: vec![
            Unreadable {
                chunk: "cities/0a".into(),
                id: Some("c1".into()),
                error: "e".into(),
                bytes: b"{}".to_vec(),
            },
            Unreadable {
                chunk: "projects/01".into(),
                id: None,
                error: "e".into(),
                bytes: b"{".to_vec(),
            },
        ],
        failed: None,
    };
    assert!(kept.blocks_whole_kinds());
    assert_eq!(kept.count(), 2);
    assert!(kept.may_hold("cities", "c1"));
    assert!(!kept.may_hold("cities", "c2"));
    assert!(
        kept.may_hold("projects", "any"),
        "an unreadable chunk may hold any id"
    );
    assert!(!kept.may_hold("mous", "c1"));
}

#[test]
fn the_recovery_file_holds_every_entry_exactly_as_stored() {
    let items = vec![
        Unreadable {
            chunk: "cities/0a".into(),
            id: Some("c1".into()),
            error: "invalid type".into(),
            bytes: r#"{"name_th":"เมือง\"ก","x":[1,2]}"#.as_bytes().to_vec(),
        },
        Unreadable {
            chunk: "mous/fe".into(),
            id: None,
            error: "not UTF-8".into(),
            bytes: vec![0xff, 0x00, 0x7b],
        },
    ];
    let file: serde_json::Value =
        serde_json::from_str(&recovery_file(&items, "office-a", "2026-12-03T18:00:00Z")).unwrap();
    assert_eq!(file["format"], "mueang-unreadable");
    assert_eq!(file["count"], 2);
    let e = file["entries"].as_array().unwrap();
    assert_eq!(e[0]["text"].as_str().unwrap().as_bytes(), items[0].bytes);
    assert_eq!(
        (e[0]["kind"].as_str(), e[0]["id"].as_str()),
        (Some("cities"), Some("c1"))
    );
    use base64::Engine as _;
    let back = base64::engine::general_purpose::STANDARD
        .decode(e[1]["base64"].as_str().unwrap())
        .unwrap();
    assert_eq!(back, items[1].bytes);
    assert!(e[1]["id"].is_null());
}

#[test]
fn removal_takes_out_exactly_what_was_kept_aside() {
    let (ds, mut db) = stored_example();
    let (key, id) = city_chunk(&ds, &db, 0);
    let mut chunk: BTreeMap<String, serde_json::Value> =
        serde_json::from_slice(&db.chunks[&key]).unwrap();
    chunk.insert(
        id.clone(),
        serde_json::json!({"meta": {"id": "x"}, "name_th": 17}),
    );
    db.chunks
        .insert(key.clone(), serde_json::to_vec(&chunk).unwrap());
    let instalments = db
        .chunks
        .keys()
        .find(|k| k.starts_with("instalments/"))
        .cloned()
        .unwrap();
    db.chunks
        .insert(instalments.clone(), b"{\"cut short".to_vec());
    let before = load_from_chunks(&db.chunks_as_read());
    assert_eq!(before.unreadable.len(), 2, "{:?}", before.unreadable);

    db.apply(removal(&before.unreadable).unwrap()).unwrap();
    let after = load_from_chunks(&db.chunks_as_read());
    assert!(after.unreadable.is_empty(), "{:?}", after.unreadable);
    assert!(!db.chunks.contains_key(&instalments));
    assert_eq!(
        normalize(&after.dataset),
        normalize(&before.dataset),
        "every readable record stays"
    );
}
