//! Planning through [`MemoryStore`](crate::storage::memory::MemoryStore): the same steps
//! as `Store::apply`, on a map of chunk bytes.

use super::*;
use serde_json::json;

type Db = crate::storage::memory::MemoryStore;

fn run(db: &mut Db, cs: &ChangeSet) -> Plan {
    let plan = db.apply(cs.clone()).unwrap();
    assert!(plan.outgrown.is_empty());
    plan
}

fn records(db: &Db, kind: &str) -> serde_json::Value {
    let pairs = db
        .chunks
        .iter()
        .map(|(k, v)| (chunks::kind_of_key(k).unwrap(), v.as_slice()));
    let json = chunks::grouped_json(&[kind], pairs).unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let list = v[kind].as_array_mut().unwrap();
    list.sort_by_key(|r| r["id"].as_str().unwrap_or_default().to_string());
    v[kind].clone()
}

#[test]
fn put_edit_and_delete() {
    let mut db = Db::default();
    let mut cs = ChangeSet::new("create");
    cs.put("cities", "a", &json!({"id": "a", "n": 1})).unwrap();
    cs.put("cities", "b", &json!({"id": "b", "n": 2})).unwrap();
    let p1 = run(&mut db, &cs);
    assert_eq!(
        p1.counts,
        Counts {
            puts: 2,
            deletes: 0
        }
    );
    assert_eq!(
        records(&db, "cities"),
        json!([{"id":"a","n":1},{"id":"b","n":2}])
    );

    let mut edit = ChangeSet::new("edit");
    edit.put("cities", "a", &json!({"id": "a", "n": 10}))
        .unwrap();
    edit.delete("cities", "b").unwrap();
    let p2 = run(&mut db, &edit);
    assert_eq!(
        p2.counts,
        Counts {
            puts: 1,
            deletes: 1
        }
    );
    assert_eq!(records(&db, "cities"), json!([{"id":"a","n":10}]));

    let mut gone = ChangeSet::new("remove");
    gone.delete("cities", "a").unwrap();
    run(&mut db, &gone);
    assert!(db.chunks.is_empty(), "an emptied chunk is removed: {db:?}");
}

#[test]
fn the_same_record_twice_keeps_the_last() {
    let mut db = Db::default();
    let mut cs = ChangeSet::new("twice");
    cs.put("p", "x", &json!({"id": "x", "v": 1})).unwrap();
    cs.put("p", "x", &json!({"id": "x", "v": 2})).unwrap();
    run(&mut db, &cs);
    assert_eq!(records(&db, "p"), json!([{"id":"x","v":2}]));
}

/// Appends `n` to the list stored under `audit/r`, as a save appends its audit entry.
fn append(cs: &mut ChangeSet, n: u32) {
    cs.update("audit", "r", move |log: Option<Vec<u32>>| {
        let mut log = log.unwrap_or_default();
        log.push(n);
        log
    })
    .unwrap();
}

fn stored_list(db: &Db) -> serde_json::Value {
    let key = chunks::chunk_key("audit", "r", chunks::fanout(&db.layout, "audit"));
    let chunk = chunks::parse_chunk(db.chunks.get(&key).map(Vec::as_slice)).unwrap();
    serde_json::from_str(chunk["r"].get()).unwrap()
}

#[test]
fn updates_planned_from_the_same_state_each_land_on_what_is_stored_when_applied() {
    let mut db = Db::default();
    // Two tabs build their change sets before either is applied.
    let (mut one, mut two) = (ChangeSet::new("one"), ChangeSet::new("two"));
    one.put("cities", "c", &json!({"id": "c", "v": 1})).unwrap();
    append(&mut one, 1);
    two.put("cities", "c", &json!({"id": "c", "v": 2})).unwrap();
    append(&mut two, 2);
    assert_eq!(run(&mut db, &one).counts.puts, 2);
    run(&mut db, &two);
    assert_eq!(stored_list(&db), json!([1, 2]));
    assert_eq!(records(&db, "cities"), json!([{"id":"c","v":2}]));
}

#[test]
fn an_update_sees_a_put_earlier_in_its_own_set_and_a_replaced_kind() {
    let mut db = Db::default();
    let mut cs = ChangeSet::new("seed");
    cs.put("audit", "r", &json!([5])).unwrap();
    append(&mut cs, 6);
    run(&mut db, &cs);
    assert_eq!(stored_list(&db), json!([5, 6]));

    let mut import = ChangeSet::new("import");
    let fresh = [json!([9])];
    import
        .replace_kind("audit", fresh.iter().map(|r| ("r".to_string(), r)))
        .unwrap();
    append(&mut import, 10);
    run(&mut db, &import);
    assert_eq!(stored_list(&db), json!([9, 10]));
}

#[test]
fn an_update_that_cannot_be_written_fails_the_whole_set() {
    let mut db = Db::default();
    let mut seed = ChangeSet::new("seed");
    seed.put("cities", "keep", &json!({"id": "keep"})).unwrap();
    run(&mut db, &seed);
    let before = db.clone();
    let mut cs = ChangeSet::new("bad");
    cs.put("cities", "new", &json!({"id": "new"})).unwrap();
    // A map with non-string keys cannot be JSON.
    cs.update("audit", "r", |_: Option<HashMap<(u8, u8), u8>>| {
        HashMap::from([((1, 2), 3)])
    })
    .unwrap();
    assert!(matches!(db.apply(cs), Err(StorageError::Encode(_))));
    assert_eq!(db, before, "nothing of the set was written");
}

#[test]
fn replace_kind_clears_then_later_puts_apply() {
    let mut db = Db::default();
    let mut seed = ChangeSet::new("seed");
    for i in 0..50 {
        seed.put(
            "cities",
            &format!("old{i}"),
            &json!({"id": format!("old{i}")}),
        )
        .unwrap();
    }
    seed.put("projects", "keep", &json!({"id": "keep"}))
        .unwrap();
    run(&mut db, &seed);

    let new: Vec<serde_json::Value> = (0..3).map(|i| json!({"id": format!("n{i}")})).collect();
    let mut import = ChangeSet::new("import");
    import
        .replace_kind(
            "cities",
            new.iter()
                .map(|r| (r["id"].as_str().unwrap().to_string(), r)),
        )
        .unwrap();
    import.put("cities", "n9", &json!({"id": "n9"})).unwrap();
    // An edit of a record the replace just wrote lands in the same (written) chunk.
    import
        .put("cities", "n1", &json!({"id": "n1", "v": 2}))
        .unwrap();
    import.set_meta("last_import", &json!({"n": 4})).unwrap();
    let plan = run(&mut db, &import);
    assert_eq!(
        plan.meta,
        vec![("last_import".to_string(), Some(r#"{"n":4}"#.to_string()))]
    );
    assert_eq!(
        records(&db, "cities"),
        json!([{"id":"n0"},{"id":"n1","v":2},{"id":"n2"},{"id":"n9"}])
    );
    assert_eq!(records(&db, "projects"), json!([{"id":"keep"}]));
}

#[test]
fn corrupt_chunk_is_reported() {
    let mut cs = ChangeSet::new("x");
    cs.put("k", "1", &1).unwrap();
    let key = chunks::chunk_key("k", "1", chunks::BUCKETS);
    let fetched = HashMap::from([(key, Some(b"not json".to_vec()))]);
    let layout = Layout::new();
    assert!(matches!(
        cs.plan(&fetched, &layout),
        Err(StorageError::Corrupt(_))
    ));
}

#[test]
fn an_import_lays_a_small_kind_out_in_few_chunks_and_edits_find_them() {
    let mut db = Db::default();
    let cities: Vec<serde_json::Value> = (0..300)
        .map(|i| json!({"id": format!("c{i}"), "name": "เทศบาลตำบล".repeat(5)}))
        .collect();
    let mut import = ChangeSet::new("import");
    import
        .replace_kind(
            "cities",
            cities
                .iter()
                .map(|r| (r["id"].as_str().unwrap().to_string(), r)),
        )
        .unwrap();
    let plan = run(&mut db, &import);
    assert_eq!(plan.layout, Some(Layout::from([("cities".to_string(), 1)])));
    assert_eq!(db.chunks.len(), 1, "{:?}", db.chunks.keys());

    // An edit reads and rewrites that one chunk, and the layout stays.
    let mut edit = ChangeSet::new("edit");
    edit.put("cities", "c7", &json!({"id": "c7", "name": "ใหม่"}))
        .unwrap();
    assert_eq!(
        edit.chunks_to_read(&db.layout),
        BTreeSet::from(["cities/00".to_string()])
    );
    let plan = run(&mut db, &edit);
    assert_eq!(plan.layout, None);
    let back = records(&db, "cities");
    assert_eq!(back.as_array().unwrap().len(), 300);
    assert!(back
        .as_array()
        .unwrap()
        .contains(&json!({"id": "c7", "name": "ใหม่"})));
}

#[test]
fn a_kind_grown_by_edits_is_spread_and_nothing_is_lost() {
    let mut db = Db::default();
    let mut import = ChangeSet::new("import");
    let first = [json!({"id": "first"})];
    import
        .replace_kind("p", first.iter().map(|r| ("first".to_string(), r)))
        .unwrap();
    run(&mut db, &import);
    assert_eq!(db.layout["p"], 1);
    // Edits add records until the one chunk passes the limit.
    let big = "ข".repeat(2_000);
    let mut n = 0;
    while db.chunks.len() == 1 {
        let mut cs = ChangeSet::new("add");
        for _ in 0..50 {
            n += 1;
            cs.put(
                "p",
                &format!("r{n}"),
                &json!({"id": format!("r{n}"), "t": big}),
            )
            .unwrap();
        }
        run(&mut db, &cs);
        assert!(n < 1_000, "never spread");
    }
    assert!(db.layout["p"] >= 2);
    for bytes in db.chunks.values() {
        assert!(bytes.len() <= chunks::MAX_CHUNK_BYTES);
    }
    let all = records(&db, "p");
    assert_eq!(all.as_array().unwrap().len(), n + 1, "every record kept");
    // And each sits where an edit will look for it.
    let mut edit = ChangeSet::new("edit");
    edit.put("p", "r3", &json!({"id": "r3", "t": "short"}))
        .unwrap();
    run(&mut db, &edit);
    let all = records(&db, "p");
    assert_eq!(all.as_array().unwrap().len(), n + 1);
    assert!(all
        .as_array()
        .unwrap()
        .contains(&json!({"id": "r3", "t": "short"})));
}

#[test]
fn unreadable_data_is_removed_by_its_chunk_key_and_nothing_else_is() {
    let mut db = Db::default();
    let mut cs = ChangeSet::new("seed");
    for id in ["a", "b", "c"] {
        cs.put("cities", id, &json!({"id": id})).unwrap();
    }
    cs.put("instalments", "i", &json!({"id": "i"})).unwrap();
    run(&mut db, &cs);
    let city_key = chunks::chunk_key("cities", "a", chunks::fanout(&db.layout, "cities"));
    let inst_key = chunks::chunk_key(
        "instalments",
        "i",
        chunks::fanout(&db.layout, "instalments"),
    );
    // Damage as a disk would: one entry the types refuse, one chunk that is not JSON.
    let mut chunk = chunks::parse_chunk(db.chunks.get(&city_key).map(Vec::as_slice)).unwrap();
    chunk.insert(
        "a".into(),
        serde_json::value::RawValue::from_string("17".into()).unwrap(),
    );
    db.chunks.insert(
        city_key.clone(),
        chunks::write_chunk(&chunk).unwrap().unwrap(),
    );
    db.chunks.insert(inst_key.clone(), b"{\"cut short".to_vec());

    let mut rm = ChangeSet::new("remove unreadable");
    rm.remove_stored(&city_key, Some("a")).unwrap();
    rm.remove_stored(&inst_key, None).unwrap();
    let plan = run(&mut db, &rm);
    assert_eq!(plan.counts.deletes, 2);
    assert!(
        !db.chunks.contains_key(&inst_key),
        "the unreadable chunk is gone"
    );
    let list: Vec<String> = records(&db, "cities")
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(list, ["b", "c"], "the other entries stay as they were");
}

#[test]
fn a_key_of_no_known_kind_is_refused() {
    let mut cs = ChangeSet::new("x");
    assert!(cs.remove_stored("no-chunk-key", None).is_err());
    assert!(cs.remove_stored("", Some("a")).is_err());
}
