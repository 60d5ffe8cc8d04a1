//! Glue between the domain's records and the storage layer's generic change sets: the
//! storage kind of a record is `RecordKind::key()` and its id is `meta.id`.
//!
//! Plain Rust (no browser), so it is tested natively.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::value::RawValue;

use crate::domain::records::Dataset;
use crate::domain::records::{Record, RecordKind};
use crate::storage::{ChangeSet, StorageError};
use crate::sync::KeptAside;

/// Adds "store this record" to a change set. Deleting is storing a tombstone
/// (`meta.deleted`), so the deletion travels to other offices.
pub fn put_record<R: Record>(cs: &mut ChangeSet, record: &R) -> Result<(), StorageError> {
    cs.put(R::KIND.key(), &record.meta().id.to_string(), record)?;
    Ok(())
}

/// Only the id of a record, read without building the rest.
#[derive(Deserialize)]
struct IdOnly {
    meta: MetaId,
}

#[derive(Deserialize)]
struct MetaId {
    id: String,
}

/// A change set that replaces every kind with the records of `ds` (an import, "load example
/// data"). Kinds absent from `ds` are emptied.
pub fn replace_all(label: &str, ds: &Dataset) -> Result<ChangeSet, StorageError> {
    let json = serde_json::to_string(ds).map_err(|e| StorageError::Encode(e.to_string()))?;
    // `conflicts` is an object beside the kinds' lists: read each list on its own.
    let mut by_kind: BTreeMap<String, Box<RawValue>> =
        serde_json::from_str(&json).map_err(|e| StorageError::Encode(e.to_string()))?;
    let mut cs = ChangeSet::new(label);
    for kind in RecordKind::ALL {
        let records: Vec<Box<RawValue>> = match by_kind.remove(kind.key()) {
            Some(list) => serde_json::from_str(list.get())
                .map_err(|e| StorageError::Encode(format!("{}: {e}", kind.key())))?,
            None => Vec::new(),
        };
        let with_ids = records
            .into_iter()
            .map(|raw| {
                let id: IdOnly = serde_json::from_str(raw.get())
                    .map_err(|e| StorageError::Encode(format!("{}: {e}", kind.key())))?;
                Ok((id.meta.id, raw))
            })
            .collect::<Result<Vec<_>, StorageError>>()?;
        cs.replace_kind_raw(
            kind.key(),
            with_ids.iter().map(|(id, raw)| (id.clone(), raw.get())),
        )?;
    }
    // Conflict versions are kept too (beside the records, under `conflicts.<kind>`).
    crate::sync::stored::replace_conflicts(&mut cs, ds)?;
    Ok(cs)
}

/// What "load example data" writes, and the dataset memory holds afterwards. Into a
/// device without records the example is stored as it is; into one with records it is
/// merged (nothing deleted or overwritten; the person is asked first) and only what changes
/// is written. Refused while anything stored is kept aside unread (`sync::load`): the
/// person sees why, and nothing is written.
pub fn example_changes(
    local: &Dataset,
    example: &Dataset,
    kept: &KeptAside,
) -> Result<(ChangeSet, Dataset), StorageError> {
    if kept.blocks_whole_kinds() {
        return Err(StorageError::KeptAside("load example".into()));
    }
    if local.total_len() == 0 {
        return Ok((replace_all("load example", example)?, example.clone()));
    }
    let merged = crate::domain::sync::merge(local, example).dataset;
    let mut cs = ChangeSet::new("merge example");
    crate::sync::import_changes(&mut cs, local, &merged, None)?;
    Ok((cs, merged))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::chunks;
    use std::collections::HashMap;

    /// Sorts every kind's records by id, since storage returns them in bucket order.
    fn normalised(ds: &Dataset) -> serde_json::Value {
        let mut v = serde_json::to_value(ds).unwrap();
        for list in v.as_object_mut().unwrap().values_mut() {
            list.as_array_mut()
                .unwrap()
                .sort_by_key(|r| r["meta"]["id"].as_str().unwrap_or_default().to_string());
        }
        v
    }

    #[test]
    fn example_dataset_round_trips_through_chunks() {
        let ds = crate::domain::example::north_2561().records;
        assert!(ds.total_len() > 0);
        let cs = replace_all("load example", &ds).unwrap();
        let plan = cs.plan(&HashMap::new(), &Default::default()).unwrap();
        assert_eq!(plan.counts.puts, ds.total_len());
        // Every kind, and every kind's conflict versions (`conflicts.<kind>`).
        assert_eq!(plan.cleared_kinds.len(), 2 * RecordKind::ALL.len());

        let kinds: Vec<&str> = RecordKind::ALL.iter().map(|k| k.key()).collect();
        let texts: Vec<(&str, &[u8])> = plan
            .writes
            .iter()
            .map(|(k, t)| (chunks::kind_of_key(k).unwrap(), t.as_deref().unwrap()))
            .collect();
        let back: Dataset =
            serde_json::from_str(&chunks::grouped_json(&kinds, texts).unwrap()).unwrap();
        assert_eq!(normalised(&back), normalised(&ds));
    }

    #[test]
    fn the_example_merges_into_data_and_is_refused_while_anything_is_kept_aside() {
        let example = crate::domain::example::north_2561().records;
        let none = KeptAside::default();
        let (cs, ds) = example_changes(&Dataset::default(), &example, &none).unwrap();
        assert_eq!(cs.label, "load example");
        assert_eq!(ds, example);
        // A device with one city of its own: merged, that city kept, nothing replaced whole
        // unless most of a kind changes (the example's own kinds, all new there).
        let mut local = Dataset::default();
        let mut mine = example.cities[0].clone();
        mine.meta.id = crate::domain::meta::RecordId::new_v4();
        mine.name_en = "Mine".into();
        local.cities.push(mine.clone());
        let (cs, ds) = example_changes(&local, &example, &none).unwrap();
        assert_eq!(cs.label, "merge example");
        assert!(ds.cities.contains(&mine));
        assert_eq!(ds.cities.len(), example.cities.len() + 1);
        let kept = KeptAside {
            failed: Some("read failed".into()),
            ..Default::default()
        };
        for local in [Dataset::default(), local] {
            match example_changes(&local, &example, &kept) {
                Err(StorageError::KeptAside(_)) => {}
                other => panic!("{:?}", other.map(|(cs, _)| cs.label)),
            }
        }
    }

    #[test]
    fn put_record_uses_kind_key_and_id() {
        let ds = crate::domain::example::north_2561().records;
        let city = ds.cities.first().expect("the example has cities");
        let mut cs = ChangeSet::new("edit city");
        put_record(&mut cs, city).unwrap();
        let keys = cs.chunks_to_read(&Default::default());
        assert_eq!(keys.len(), 1);
        assert!(keys.iter().next().unwrap().starts_with("cities/"));
    }
}
