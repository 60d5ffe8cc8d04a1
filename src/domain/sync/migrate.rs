//! Bringing files from older schema versions up to date, one version at a time.
//!
//! Each step takes the JSON of version `n` and returns the JSON of version `n + 1`, so a file
//! of any age goes through the chain and only the newest types exist in Rust. Steps work on
//! `serde_json::Value` because the old shapes no longer fit the types.
//!
//! Version 0 is the draft format used before the first release (kept as the example of a
//! step, with a fixture in `tests/fixtures/`): record metadata had `vv` for the version
//! vector and `deleted_at` (a time or null) for the tombstone, and a bundle's manifest had
//! `checksum` and no scope or counts.
//!
//! Version 2 added fields that are all optional and left out when empty (a city's district,
//! local-government code and receiving account; an instalment's `requested_date`; the
//! parameters' `programme_start`), so a version 1 document is a valid version 2 document
//! with the same meaning: its step changes only the version number.
//!
//! Version 3 added the survey's record kinds (`communities`, `survey_rounds`,
//! `households`), left out of files when empty; a version 2 document holds none of them
//! and means the same as version 3, so its step too changes only the version number.
//!
//! Version 4 added attachments (`attachments`, references by SHA-256 on projects, progress
//! reports, meetings, MOUs and instalments), left out of records when empty, and a
//! bundle's optional `attachments` section; a version 3 document holds none and means the
//! same, so its step changes only the version number ([`v3_to_v4`] calls one small
//! function per addition, so additions of the same version join without touching each
//! other).
//!
//! Version 4 added a project's `community_ids` and `households_reached` (the communities it
//! serves and its beneficiaries, issue #12), optional and left out when empty: again only
//! the version number changes (`v3_to_v4_projects`).

use serde_json::{Map, Value};

use crate::domain::document::SCHEMA_VERSION;

/// One migration step: the document of version `n` to version `n + 1`.
type Step = fn(Value) -> Result<Value, String>;

/// `STEPS[n]` migrates version `n` to `n + 1`; its length is [`SCHEMA_VERSION`].
const STEPS: [Step; SCHEMA_VERSION as usize] = [v0_to_v1, v1_to_v2, v2_to_v3, v3_to_v4];

/// Migrates a whole document from `from_version` to the current [`SCHEMA_VERSION`].
/// A document already current is returned unchanged; a newer one is an error (the caller
/// checks the header first and asks the person to update Mueang).
pub fn migrate(mut value: Value, from_version: u32) -> Result<Value, String> {
    if from_version > SCHEMA_VERSION {
        return Err(format!(
            "schema {from_version} is newer than {SCHEMA_VERSION}"
        ));
    }
    for step in &STEPS[from_version as usize..] {
        value = step(value)?;
    }
    Ok(value)
}

fn v0_to_v1(mut doc: Value) -> Result<Value, String> {
    let root = doc.as_object_mut().ok_or("the document is not an object")?;
    let records = root
        .get_mut("records")
        .and_then(Value::as_object_mut)
        .ok_or("the document has no records object")?;
    for (kind, list) in records.iter_mut() {
        let list = list
            .as_array_mut()
            .ok_or_else(|| format!("records.{kind} is not a list"))?;
        for (i, record) in list.iter_mut().enumerate() {
            let meta = record
                .get_mut("meta")
                .and_then(Value::as_object_mut)
                .ok_or_else(|| format!("records.{kind}[{i}] has no meta"))?;
            if let Some(vv) = meta.remove("vv") {
                meta.insert("version".into(), vv);
            }
            if let Some(deleted_at) = meta.remove("deleted_at") {
                if !deleted_at.is_null() {
                    meta.insert("deleted".into(), Value::Bool(true));
                }
            }
        }
    }
    let counts = count_kinds(records);
    if let Some(manifest) = root.get_mut("manifest").and_then(Value::as_object_mut) {
        if let Some(sum) = manifest.remove("checksum") {
            manifest.insert("sha256".into(), sum);
        }
        manifest
            .entry("scope")
            .or_insert_with(|| Value::from("full"));
        manifest.entry("counts").or_insert(counts);
    }
    root.insert("schema_version".into(), Value::from(1));
    Ok(doc)
}

fn v1_to_v2(mut doc: Value) -> Result<Value, String> {
    let root = doc.as_object_mut().ok_or("the document is not an object")?;
    root.insert("schema_version".into(), Value::from(2));
    Ok(doc)
}

fn v2_to_v3(mut doc: Value) -> Result<Value, String> {
    let root = doc.as_object_mut().ok_or("the document is not an object")?;
    root.insert("schema_version".into(), Value::from(3));
    Ok(doc)
}

/// Version 4: each part of it migrates in its own function, so parts added side by side
/// (attachments, the projects' beneficiaries) join without touching each other.
fn v3_to_v4(mut doc: Value) -> Result<Value, String> {
    v4_attachments(&mut doc)?;
    let mut doc = v3_to_v4_projects(doc)?;
    let root = doc.as_object_mut().ok_or("the document is not an object")?;
    root.insert("schema_version".into(), Value::from(4));
    Ok(doc)
}

/// Attachments (issue #13): optional lists, left out when empty, and an optional bundle
/// section; a version 3 document holds none, so there is nothing to change.
fn v4_attachments(doc: &mut Value) -> Result<(), String> {
    doc.as_object().ok_or("the document is not an object")?;
    Ok(())
}

/// A project of version 3 names no community and counts no household reached; both fields
/// are optional with empty defaults, so a version 3 project is a valid version 4 one.
fn v3_to_v4_projects(doc: Value) -> Result<Value, String> {
    Ok(doc)
}

/// Manifest counts for migrated records (the old manifest had none).
fn count_kinds(records: &Map<String, Value>) -> Value {
    let mut counts = Map::new();
    for (kind, list) in records {
        let list = list.as_array().map(Vec::as_slice).unwrap_or_default();
        if list.is_empty() {
            continue;
        }
        let deleted = list
            .iter()
            .filter(|r| r.pointer("/meta/deleted") == Some(&Value::Bool(true)))
            .count();
        counts.insert(
            kind.clone(),
            serde_json::json!({"records": list.len(), "deleted": deleted}),
        );
    }
    Value::Object(counts)
}
