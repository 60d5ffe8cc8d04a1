//! Field by field: the versions of a record in conflict laid side by side, and a record
//! put together from the fields a person chose. Works on any record kind through its JSON
//! form, so the Conflicts page needs no code per kind. Plain Rust, tested natively.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use crate::domain::records::{AnyRecord, KindVisitor, Record, RecordKind};

/// The pseudo-field for "in use or deleted" (the tombstone flag in `meta`).
pub const STATUS_FIELD: &str = "meta.deleted";

/// One row of the side-by-side table.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldRow {
    /// The field's key in files (e.g. `name_th`), or [`STATUS_FIELD`].
    pub key: String,
    /// Its value in each version (`Null` where a version lacks it).
    pub values: Vec<Value>,
    /// Whether the versions disagree, so a person must choose.
    pub differs: bool,
    /// Per version: the field travelled without its value (a summary left personal data
    /// out, `meta.left_out`), so an empty value there is "not included", not "empty".
    pub left_out: Vec<bool>,
}

/// The record's own fields (everything but `meta`), as a JSON object.
fn fields(record: &AnyRecord) -> Map<String, Value> {
    let mut r = record_json(record);
    r.remove("meta");
    r
}

/// A record as a JSON object. Goes through the concrete type's text form, which the app
/// already has code for (storage writes it), rather than `AnyRecord`'s tagged form or
/// `serde_json::to_value`, each of which would add a copy of every kind's serialiser to
/// the wasm.
fn record_json(record: &AnyRecord) -> Map<String, Value> {
    struct ToJson<'a> {
        record: &'a AnyRecord,
        out: Map<String, Value>,
    }
    impl KindVisitor for ToJson<'_> {
        fn visit<R: Record>(&mut self) {
            if self.record.kind() != R::KIND {
                return;
            }
            let text = R::from_any(self.record.clone())
                .and_then(|r| serde_json::to_string(&r).ok())
                .unwrap_or_default();
            if let Ok(map) = serde_json::from_str(&text) {
                self.out = map;
            }
        }
    }
    let mut v = ToJson {
        record,
        out: Map::new(),
    };
    RecordKind::visit_all(&mut v);
    v.out
}

/// A record of `kind` from a JSON object (the inverse of [`record_json`]).
fn record_from_json(kind: RecordKind, object: Map<String, Value>) -> Result<AnyRecord, String> {
    struct FromJson {
        kind: RecordKind,
        text: String,
        out: Option<Result<AnyRecord, String>>,
    }
    impl KindVisitor for FromJson {
        fn visit<R: Record>(&mut self) {
            if self.kind == R::KIND {
                self.out = Some(
                    serde_json::from_str::<R>(&self.text)
                        .map(Record::into_any)
                        .map_err(|e| e.to_string()),
                );
            }
        }
    }
    let mut v = FromJson {
        kind,
        text: Value::Object(object).to_string(),
        out: None,
    };
    RecordKind::visit_all(&mut v);
    v.out.unwrap_or_else(|| Err("unknown kind".into()))
}

/// Every field of the versions, the status first, in the order the first version's JSON
/// has them (keys only some versions have come last).
pub fn field_rows(versions: &[AnyRecord]) -> Vec<FieldRow> {
    let maps: Vec<Map<String, Value>> = versions.iter().map(fields).collect();
    let mut keys: Vec<String> = Vec::new();
    for m in &maps {
        for k in m.keys() {
            if !keys.contains(k) {
                keys.push(k.clone());
            }
        }
    }
    let status: Vec<Value> = versions
        .iter()
        .map(|v| Value::Bool(v.meta().deleted))
        .collect();
    let none = vec![false; versions.len()];
    let mut rows = vec![row(STATUS_FIELD.to_string(), status, none)];
    for key in keys {
        let values = maps
            .iter()
            .map(|m| m.get(&key).cloned().unwrap_or(Value::Null))
            .collect();
        let left_out = versions
            .iter()
            .map(|v| v.meta().left_out.contains(&key))
            .collect();
        rows.push(row(key, values, left_out));
    }
    rows
}

fn row(key: String, values: Vec<Value>, left_out: Vec<bool>) -> FieldRow {
    let differs = values.windows(2).any(|w| w[0] != w[1]);
    FieldRow {
        key,
        values,
        differs,
        left_out,
    }
}

/// The record made of version `base` with, for each key in `choices`, the value of the
/// version chosen for it. Its metadata is the base's: `resolve` rewrites it anyway, and
/// takes the deletion flag from the result. Fails only if the combination does not fit the
/// record's type (the versions are of one kind, so it always should).
pub fn combine(
    versions: &[AnyRecord],
    base: usize,
    choices: &BTreeMap<String, usize>,
) -> Result<AnyRecord, String> {
    let base_record = versions.get(base).ok_or("no such version")?;
    let mut record = record_json(base_record);
    let maps: Vec<Map<String, Value>> = versions.iter().map(fields).collect();
    for (key, &from) in choices {
        let Some(source) = versions.get(from) else {
            continue;
        };
        if key == STATUS_FIELD {
            if let Some(meta) = record.get_mut("meta").and_then(Value::as_object_mut) {
                if source.meta().deleted {
                    meta.insert("deleted".into(), Value::Bool(true));
                } else {
                    meta.remove("deleted");
                }
            }
            continue;
        }
        match maps.get(from).and_then(|m| m.get(key)) {
            Some(v) => {
                record.insert(key.clone(), v.clone());
                // A value chosen from a version that holds it is no longer left out.
                if !source.meta().left_out.contains(key) {
                    let meta = record.get_mut("meta").and_then(Value::as_object_mut);
                    if let Some(Value::Array(l)) = meta.and_then(|m| m.get_mut("left_out")) {
                        l.retain(|f| f.as_str() != Some(key));
                    }
                }
            }
            None => {
                record.remove(key);
            }
        }
    }
    record_from_json(base_record.kind(), record)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::example::north_2561;
    use crate::domain::records::City;

    fn versions() -> Vec<AnyRecord> {
        let city = north_2561().records.cities[0].clone();
        let mut a = city.clone();
        a.name_en = "Side A".into();
        let mut b = city.clone();
        b.name_th = "ฝั่งบี".into();
        b.meta.deleted = true;
        vec![a.into_any(), b.into_any()]
    }

    #[test]
    fn rows_show_what_differs_status_first() {
        let rows = field_rows(&versions());
        assert_eq!(rows[0].key, STATUS_FIELD);
        assert!(rows[0].differs);
        let differing: Vec<&str> = rows
            .iter()
            .filter(|r| r.differs)
            .map(|r| r.key.as_str())
            .collect();
        assert_eq!(differing, [STATUS_FIELD, "name_en", "name_th"]);
        assert!(rows.iter().all(|r| r.values.len() == 2));
        assert!(!rows.iter().any(|r| r.key == "meta"));
    }

    #[test]
    fn a_combination_takes_each_chosen_field() {
        let v = versions();
        let choices = BTreeMap::from([("name_th".to_string(), 1), ("name_en".to_string(), 0)]);
        let AnyRecord::City(c) = combine(&v, 0, &choices).unwrap() else {
            panic!("a city")
        };
        assert_eq!(c.name_en, "Side A");
        assert_eq!(c.name_th, "ฝั่งบี");
        assert!(!c.meta.deleted, "status follows the base unless chosen");

        let choices = BTreeMap::from([(STATUS_FIELD.to_string(), 1)]);
        let AnyRecord::City(d) = combine(&v, 0, &choices).unwrap() else {
            panic!("a city")
        };
        assert!(d.meta.deleted);
        let back = BTreeMap::from([(STATUS_FIELD.to_string(), 0)]);
        let AnyRecord::City(e) = combine(&v, 1, &back).unwrap() else {
            panic!("a city")
        };
        assert!(!e.meta.deleted);
        let _: &City = &e;
    }

    #[test]
    fn taking_one_side_is_that_version() {
        let v = versions();
        assert_eq!(combine(&v, 1, &BTreeMap::new()).unwrap(), v[1]);
        assert!(combine(&v, 5, &BTreeMap::new()).is_err());
    }
}
