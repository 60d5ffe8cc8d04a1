//! Every branch of the save plan: new, edit, same content, delete, the undos, and a
//! record another office edited since.

use super::*;
use crate::domain::example::north_2561;
use crate::domain::meta::OfficeId;
use crate::domain::records::{City, Province};
use chrono::Duration;

fn office(id: &str) -> Editor {
    Editor {
        office_id: OfficeId(id.into()),
        office_name: format!("office {id}"),
        person: "สมศรี".into(),
    }
}

fn t(minutes: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_517_800_000, 0).unwrap() + Duration::minutes(minutes)
}

/// A city as stored after office `a` created it at t(0).
fn stored_city() -> City {
    let mut c = north_2561().records.cities[0].clone();
    c.meta = RecordMeta::new(c.meta.id, &office("a"), t(0));
    c
}

fn written(plan: SavePlan<City>) -> (City, AuditAppend) {
    match plan {
        SavePlan::Write { record, audit } => (record, audit),
        SavePlan::Unchanged(r) => panic!("expected a write, got unchanged {:?}", r.meta),
    }
}

/// Office `a` saves `content` over `stored` at `t(minute)`, and something is written.
fn save_by_a(
    stored: Option<&City>,
    content: City,
    action: SaveAction,
    minute: i64,
) -> (City, AuditAppend) {
    written(plan_save(stored, content, action, &office("a"), t(minute)))
}

fn fields(a: &AuditAppend) -> Vec<&str> {
    a.entry.changes.iter().map(|c| c.field.as_str()).collect()
}

#[test]
fn a_new_record_gets_fresh_meta_and_a_created_entry() {
    let mut content = stored_city();
    // Whatever meta the form carried, a new record's is made here.
    content.meta.created_at = t(-500);
    content.meta.version.bump(&office("zz").office_id);
    let (rec, audit) = written(plan_save(
        None,
        content.clone(),
        SaveAction::Save,
        &office("b"),
        t(5),
    ));
    assert_eq!(
        rec.meta,
        RecordMeta::new(content.meta.id, &office("b"), t(5))
    );
    assert_eq!(rec.name_th, content.name_th);
    assert_eq!(audit.entry.action, AuditAction::Created);
    assert_eq!(
        (audit.entry.at, audit.entry.editor.clone()),
        (t(5), office("b"))
    );
    assert_eq!((audit.kind, audit.id), (RecordKind::City, content.meta.id));
    assert!(fields(&audit).contains(&"name_th"));
}

#[test]
fn an_edit_is_one_more_step_by_this_office_and_lists_the_field() {
    let stored = stored_city();
    let mut content = stored.clone();
    content.name_en = "Mae Sot".into();
    let (rec, audit) = save_by_a(Some(&stored), content, SaveAction::Save, 9);
    assert_eq!(rec.meta.version.get(&office("a").office_id), 2);
    assert_eq!(rec.meta.created_at, t(0));
    assert_eq!(rec.meta.updated_at, t(9));
    assert!(!rec.meta.deleted);
    assert_eq!(rec.name_en, "Mae Sot");
    assert_eq!(audit.entry.action, AuditAction::Edited);
    assert_eq!(fields(&audit), ["name_en"]);
}

#[test]
fn the_same_content_writes_nothing_whatever_its_meta() {
    let stored = stored_city();
    let mut content = stored.clone();
    content.meta.updated_at = t(99);
    content.meta.version.bump(&office("q").office_id);
    for action in [SaveAction::Save, SaveAction::Undo, SaveAction::Restore] {
        assert_eq!(
            plan_save(Some(&stored), content.clone(), action, &office("a"), t(9)),
            SavePlan::Unchanged(stored.clone()),
            "{action:?}"
        );
    }
    // Deleting what is already deleted is no change either.
    let mut gone = stored.clone();
    gone.meta.deleted = true;
    assert_eq!(
        plan_save(
            Some(&gone),
            stored.clone(),
            SaveAction::Delete,
            &office("a"),
            t(9)
        ),
        SavePlan::Unchanged(gone.clone())
    );
}

#[test]
fn a_deletion_is_a_stamped_tombstone_with_no_field_changes() {
    let stored = stored_city();
    let (rec, audit) = save_by_a(Some(&stored), stored.clone(), SaveAction::Delete, 3);
    assert!(rec.meta.deleted);
    assert_eq!(rec.meta.version.get(&office("a").office_id), 2);
    assert_eq!(audit.entry.action, AuditAction::Deleted);
    assert!(audit.entry.changes.is_empty());
}

#[test]
fn undoing_a_deletion_restores_the_content_as_a_newer_version() {
    let before = stored_city();
    let (gone, _) = save_by_a(Some(&before), before.clone(), SaveAction::Delete, 3);
    let back = undo_content(Some(before.clone()), Some(&gone)).unwrap();
    let (rec, audit) = save_by_a(Some(&gone), back, SaveAction::Restore, 4);
    assert!(!rec.meta.deleted);
    assert_eq!(rec.meta.version.get(&office("a").office_id), 3);
    assert_eq!(rec.meta.updated_at, t(4));
    assert_eq!(audit.entry.action, AuditAction::Restored);
}

#[test]
fn undoing_an_edit_puts_the_old_content_back_as_a_newer_version() {
    let before = stored_city();
    let mut content = before.clone();
    content.name_en = "Mae Sot".into();
    let (after, _) = save_by_a(Some(&before), content, SaveAction::Save, 1);
    let back = undo_content(Some(before.clone()), Some(&after)).unwrap();
    let (rec, audit) = save_by_a(Some(&after), back, SaveAction::Undo, 2);
    assert_eq!(rec.name_en, before.name_en);
    assert_eq!(rec.meta.version.get(&office("a").office_id), 3);
    assert_eq!(audit.entry.action, AuditAction::Undone);
    assert_eq!(fields(&audit), ["name_en"]);
    assert_eq!(audit.entry.changes[0].old, "Mae Sot");
}

#[test]
fn undoing_a_creation_deletes() {
    let (created, _) = save_by_a(None, stored_city(), SaveAction::Save, 1);
    let back = undo_content(None, Some(&created)).unwrap();
    let (rec, audit) = save_by_a(Some(&created), back, SaveAction::Undo, 2);
    assert!(rec.meta.deleted);
    assert_eq!(audit.entry.action, AuditAction::Undone);
    assert_eq!(undo_content::<City>(None, None), None);
}

#[test]
fn a_record_another_office_edited_since_is_built_on_not_rewound() {
    // Office b's edit arrived (a bundle) after this form or undo started from the
    // version office a created.
    let ours = stored_city();
    let mut theirs = ours.clone();
    theirs.name_en = "Their name".into();
    theirs.meta.touch(&office("b"), t(5));
    let mut content = ours.clone();
    content.name_th = "เทศบาลนครใหม่".into();
    let (rec, audit) = save_by_a(Some(&theirs), content, SaveAction::Undo, 6);
    use crate::domain::meta::Causality;
    assert_eq!(
        rec.meta.version.compare(&theirs.meta.version),
        Causality::Dominates
    );
    assert_eq!(rec.meta.version.get(&office("b").office_id), 1);
    assert_eq!(rec.meta.version.get(&office("a").office_id), 2);
    assert_eq!(rec.meta.created_at, t(0));
    assert_eq!(rec.meta.updated_by, office("a"));
    // The entry says what changed from the stored version, theirs.
    let mut f = fields(&audit);
    f.sort_unstable();
    assert_eq!(f, ["name_en", "name_th"]);
}

#[test]
fn the_entry_goes_onto_the_log_stored_at_write_time() {
    let stored = stored_city();
    let mut one = stored.clone();
    one.name_en = "One".into();
    let mut two = stored.clone();
    two.name_en = "Two".into();
    // Two tabs planned against the same stored version.
    let (_, a1) = save_by_a(Some(&stored), one, SaveAction::Save, 1);
    let (_, a2) = save_by_a(Some(&stored), two, SaveAction::Save, 2);
    let first = a1.onto(None);
    let both = a2.onto(Some(first.clone()));
    assert_eq!(both.entries, [a1.entry.clone(), a2.entry.clone()]);
    assert_eq!((both.kind, both.id), (RecordKind::City, stored.meta.id));
    // Another record's log under this key is not this record's history.
    let mut other = first;
    other.id = crate::domain::meta::stable_id("other");
    assert_eq!(
        a2.onto(Some(other)).entries,
        std::slice::from_ref(&a2.entry)
    );
}

#[test]
fn the_stored_version_of_shipped_data_is_its_shipped_copy() {
    let ds = north_2561().records;
    let city = &ds.cities[0];
    assert_eq!(
        stored_version::<City>(&ds, city.meta.id).as_ref(),
        Some(city)
    );
    let empty = Dataset::default();
    let shipped = crate::domain::editing::stored_or_shipped::provinces(&empty)[0].clone();
    assert_eq!(
        stored_version::<Province>(&empty, shipped.meta.id),
        Some(shipped)
    );
    assert_eq!(stored_version::<City>(&empty, city.meta.id), None);
}

#[test]
fn a_deletion_keeps_no_personal_data_in_the_record_or_its_log() {
    let mut stored = stored_city();
    stored.name_en = "Mae Sot".into();
    let mut edited = stored.clone();
    edited.name_en = "Mae Sot Town".into();
    let (after_edit, edit) = save_by_a(Some(&stored), edited, SaveAction::Save, 1);
    let log = edit.onto(None);
    assert_eq!(log.entries[0].changes[0].new, "Mae Sot Town");
    let (gone, delete) = save_by_a(Some(&after_edit), after_edit.clone(), SaveAction::Delete, 2);
    assert!(gone.meta.deleted && gone.name_th.is_empty() && gone.name_en.is_empty());
    assert!(gone.meta.updated_by.person.is_empty());
    assert_eq!(gone.meta.version.get(&office("a").office_id), 3);
    let text = serde_json::to_string(&gone).unwrap();
    assert!(
        !text.contains("Mae Sot") && !text.contains(&stored.name_th),
        "{text}"
    );
    let log = delete.onto(Some(log));
    assert_eq!(log.entries.len(), 2, "who changed what, when, stays");
    assert_eq!(log.entries[0].changes[0].field, "name_en");
    let log_text = serde_json::to_string(&log).unwrap();
    assert!(!log_text.contains("Mae Sot"), "{log_text}");
    // Deleting again, or undoing a creation into a deletion, writes a stripped one too.
    assert_eq!(
        plan_save(
            Some(&gone),
            after_edit.clone(),
            SaveAction::Delete,
            &office("a"),
            t(3)
        ),
        SavePlan::Unchanged(gone.clone())
    );
    let (undone, _) = save_by_a(
        Some(&after_edit),
        undo_content(None, Some(&after_edit)).unwrap(),
        SaveAction::Undo,
        4,
    );
    assert!(undone.meta.deleted && undone.name_en.is_empty());
}
