//! The audit trail: for every record, who changed it, when, from which office, and which
//! fields went from what to what.
//!
//! Stored beside the records (storage kind [`AUDIT_KIND`], one [`AuditLog`] per record id)
//! and written in the same transaction as the change it describes, so a change is never
//! saved without its entry. It stays on this device: bundles carry records, not audit.
//! Undo appends an entry too ([`AuditAction::Undone`]) rather than erasing one, so the
//! trail shows what really happened.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::domain::dates::format_be_short;
use crate::domain::meta::{Editor, RecordId};
use crate::domain::records::{Record, RecordKind};

/// The storage kind under which audit logs are kept (not a record kind: never exported).
pub const AUDIT_KIND: &str = "audit";

/// How many entries a record keeps; older ones are dropped so a much-edited record's log
/// stays small enough to rewrite on every save.
pub const MAX_ENTRIES: usize = 200;

/// What a person did to the record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuditAction {
    Created,
    Edited,
    /// Marked deleted (a tombstone).
    Deleted,
    /// A deletion was undone.
    Restored,
    /// The previous change was undone.
    Undone,
}

impl AuditAction {
    pub fn label_th(self) -> &'static str {
        match self {
            AuditAction::Created => "สร้าง",
            AuditAction::Edited => "แก้ไข",
            AuditAction::Deleted => "ลบ",
            AuditAction::Restored => "กู้คืน",
            AuditAction::Undone => "เลิกทำ",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            AuditAction::Created => "created",
            AuditAction::Edited => "edited",
            AuditAction::Deleted => "deleted",
            AuditAction::Restored => "restored",
            AuditAction::Undone => "undone",
        }
    }
}

/// One field's change. Values are shown as text: "" means empty or absent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldChange {
    /// The field's path, as findings name fields: `"amount_approved"`, `"co_funding[1].source"`.
    pub field: String,
    pub old: String,
    pub new: String,
}

/// One change to one record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub at: DateTime<Utc>,
    pub editor: Editor,
    pub action: AuditAction,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<FieldChange>,
}

/// Every entry of one record, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditLog {
    pub kind: RecordKind,
    pub id: RecordId,
    pub entries: Vec<AuditEntry>,
}

impl AuditLog {
    pub fn new(kind: RecordKind, id: RecordId) -> AuditLog {
        AuditLog {
            kind,
            id,
            entries: Vec::new(),
        }
    }

    /// Adds an entry, dropping the oldest beyond [`MAX_ENTRIES`].
    pub fn push(&mut self, entry: AuditEntry) {
        self.entries.push(entry);
        if self.entries.len() > MAX_ENTRIES {
            let extra = self.entries.len() - MAX_ENTRIES;
            self.entries.drain(..extra);
        }
    }

    /// Newest first, for showing.
    pub fn newest_first(&self) -> impl Iterator<Item = &AuditEntry> {
        self.entries.iter().rev()
    }
}

/// The entry for saving `new` over `old` (`None`: a new record), by the editor and at the
/// time already stamped on `new.meta`. The action is taken from the tombstone flags.
///
/// ```
/// use mueang::domain::editing::audit::{entry_for, AuditAction};
/// use mueang::domain::example::north_2561;
/// let city = north_2561().records.cities[0].clone();
/// let mut renamed = city.clone();
/// renamed.name_en = "Mae Sot".into();
/// let e = entry_for(Some(&city), &renamed, None);
/// assert_eq!(e.action, AuditAction::Edited);
/// assert_eq!(e.changes[0].field, "name_en");
/// ```
pub fn entry_for<R: Record>(old: Option<&R>, new: &R, action: Option<AuditAction>) -> AuditEntry {
    let meta = new.meta();
    let action = action.unwrap_or(match old {
        None => AuditAction::Created,
        Some(o) if !o.meta().deleted && meta.deleted => AuditAction::Deleted,
        Some(o) if o.meta().deleted && !meta.deleted => AuditAction::Restored,
        Some(_) => AuditAction::Edited,
    });
    AuditEntry {
        at: meta.updated_at,
        editor: meta.updated_by.clone(),
        action,
        changes: diff_fields(old, new),
    }
}

/// The fields that differ between two versions of a record, `meta` left out (who and when
/// are the entry's own). Nested values are flattened to paths (`co_funding[0].amount`);
/// for a new record every non-empty field is listed with an empty old value.
pub fn diff_fields<R: Serialize>(old: Option<&R>, new: &R) -> Vec<FieldChange> {
    let mut before = Vec::new();
    let mut after = Vec::new();
    if let Some(o) = old {
        flatten_record(o, &mut before);
    }
    flatten_record(new, &mut after);
    let old_values: HashMap<&str, &str> = before
        .iter()
        .map(|(p, v)| (p.as_str(), v.as_str()))
        .collect();
    let new_paths: HashSet<&str> = after.iter().map(|(p, _)| p.as_str()).collect();
    let mut out: Vec<FieldChange> = after
        .iter()
        .filter_map(|(path, v)| {
            let old = old_values.get(path.as_str()).copied().unwrap_or("");
            (old != v).then(|| change(path, old, v))
        })
        .collect();
    // Fields that disappeared (a removed co-funding line) come last, in their old order.
    out.extend(
        before
            .iter()
            .filter(|(p, v)| !v.is_empty() && !new_paths.contains(p.as_str()))
            .map(|(p, v)| change(p, v, "")),
    );
    out
}

fn change(field: &str, old: &str, new: &str) -> FieldChange {
    FieldChange {
        field: field.to_owned(),
        old: old.to_owned(),
        new: new.to_owned(),
    }
}

fn flatten_record<R: Serialize>(r: &R, out: &mut Vec<(String, String)>) {
    let Ok(Value::Object(map)) = serde_json::to_value(r) else {
        return;
    };
    for (k, v) in map {
        match k.as_str() {
            "meta" => {}
            "attachments" => flatten_attachments(&v, out),
            _ => flatten(&k, &v, out),
        }
    }
}

/// One line per attached file, named by its hash and showing its file name: adding one
/// reads "attached IMG_0412.jpg", removing one the reverse, and removing the first of
/// three does not show the other two as changed (positions would shift).
fn flatten_attachments(v: &Value, out: &mut Vec<(String, String)>) {
    for a in v.as_array().map(Vec::as_slice).unwrap_or_default() {
        let text = |k: &str| a.get(k).and_then(Value::as_str).unwrap_or_default();
        out.push((
            format!("attachments.{}", text("sha256")),
            text("file_name").to_owned(),
        ));
    }
}

fn flatten(path: &str, v: &Value, out: &mut Vec<(String, String)>) {
    match v {
        Value::Object(map) => {
            for (k, v) in map {
                flatten(&format!("{path}.{k}"), v, out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                flatten(&format!("{path}[{i}]"), v, out);
            }
        }
        Value::Null => out.push((path.to_owned(), String::new())),
        Value::String(s) => out.push((path.to_owned(), s.clone())),
        other => out.push((path.to_owned(), other.to_string())),
    }
}

/// A stored value as a person reads it: ISO dates in the Buddhist Era ("3 ก.พ. 2561" or
/// "3 Feb 2018"), everything else as stored.
pub fn display_value(value: &str, thai: bool) -> String {
    match NaiveDate::parse_from_str(value, "%Y-%m-%d") {
        Ok(d) if value.len() == 10 && thai => format_be_short(d),
        Ok(d) if value.len() == 10 => crate::domain::dates::format_en(d),
        _ => value.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::example::north_2561;
    use crate::domain::money::Baht;
    use crate::domain::records::{CoFunding, Project};

    fn a_project() -> Project {
        let ds = north_2561().records;
        let fy = crate::domain::dates::FiscalYear(2561);
        Project {
            proposer: "ชุมชนริมน้ำ".into(),
            category: crate::domain::records::Category::Housing,
            title: "ซ่อมบ้าน".into(),
            amount_requested: Some(Baht::whole(40_000)),
            ..Project::new(ds.cities[0].meta.clone(), ds.cities[0].meta.id, fy)
        }
    }

    #[test]
    fn new_record_lists_non_empty_fields() {
        let p = a_project();
        let changes = diff_fields(None, &p);
        let fields: Vec<&str> = changes.iter().map(|c| c.field.as_str()).collect();
        assert!(fields.contains(&"title"));
        assert!(fields.contains(&"amount_requested"));
        assert!(
            !fields.contains(&"description"),
            "empty fields are not listed"
        );
        assert!(!fields.iter().any(|f| f.starts_with("meta")));
        assert!(changes.iter().all(|c| c.old.is_empty()));
    }

    #[test]
    fn edits_list_old_and_new_including_nested_and_removed() {
        let mut old = a_project();
        old.co_funding = vec![
            CoFunding {
                source: "เทศบาล".into(),
                amount: Baht::whole(5_000),
            },
            CoFunding {
                source: "พมจ.".into(),
                amount: Baht::whole(1_000),
            },
        ];
        let mut new = old.clone();
        new.title = "ซ่อมบ้านริมน้ำ".into();
        new.amount_approved = Some(Baht::whole(50_000));
        new.co_funding.truncate(1);
        new.co_funding[0].amount = Baht::whole(6_000);
        let changes = diff_fields(Some(&old), &new);
        let get = |f: &str| changes.iter().find(|c| c.field == f).cloned();
        assert_eq!(get("title").unwrap().old, "ซ่อมบ้าน");
        assert_eq!(get("title").unwrap().new, "ซ่อมบ้านริมน้ำ");
        assert_eq!(get("amount_approved").unwrap().old, "");
        assert_eq!(get("amount_approved").unwrap().new, "50000.00");
        assert_eq!(get("co_funding[0].amount").unwrap().new, "6000.00");
        assert_eq!(get("co_funding[1].source").unwrap().new, "");
        assert_eq!(get("co_funding[1].source").unwrap().old, "พมจ.");
        assert!(get("proposer").is_none(), "unchanged fields are left out");
    }

    #[test]
    fn unchanged_record_has_no_changes() {
        let p = a_project();
        assert!(diff_fields(Some(&p), &p).is_empty());
    }

    #[test]
    fn actions_follow_tombstones_and_log_is_capped() {
        let p = a_project();
        let mut gone = p.clone();
        gone.meta.deleted = true;
        assert_eq!(
            entry_for(Some(&p), &gone, None).action,
            AuditAction::Deleted
        );
        assert_eq!(
            entry_for(Some(&gone), &p, None).action,
            AuditAction::Restored
        );
        assert_eq!(entry_for(None, &p, None).action, AuditAction::Created);
        assert_eq!(
            entry_for(Some(&p), &p, Some(AuditAction::Undone)).action,
            AuditAction::Undone
        );

        let mut log = AuditLog::new(RecordKind::Project, p.meta.id);
        for _ in 0..MAX_ENTRIES + 5 {
            log.push(entry_for(None, &p, None));
        }
        assert_eq!(log.entries.len(), MAX_ENTRIES);
        let json = serde_json::to_string(&log).unwrap();
        let back: AuditLog = serde_json::from_str(&json).unwrap();
        assert_eq!(back, log);
    }

    #[test]
    fn dates_are_shown_in_the_buddhist_era() {
        assert_eq!(display_value("2018-02-03", true), "3 ก.พ. 2561");
        assert_eq!(display_value("2018-02-03", false), "3 Feb 2018");
        assert_eq!(display_value("50000.00", true), "50000.00");
    }
}
