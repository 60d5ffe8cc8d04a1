//! One record being edited: the form (draft-backed), the record it builds, the live
//! findings, conflict and deletion state, and saving. Generic over `RecordForm`, so every
//! record screen gets drafts, live findings and audit the same way.

use std::time::Duration;

use leptos::prelude::*;
use uuid::Uuid;

use super::draft::{self, DraftKey};
use super::text::EditText;
use super::{today, use_editing, Editing};
use crate::domain::editing::rebase::rebase_form;
use crate::domain::editing::{draft_findings, in_conflict};
use crate::domain::forms::form::{Built, RecordForm};
use crate::domain::meta::RecordId;
use crate::domain::records::Record;
use crate::domain::rules::{Finding, RuleCode};
use crate::ui::forms::{field_dom_id, Mark};

/// Which record a form edits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A stored record.
    Existing(RecordId),
    /// A record not saved yet. `slot` names where it was started (e.g. `"city-<id>"`), so
    /// two half-typed new projects of different cities keep separate drafts.
    New { slot: String },
}

/// Live findings wait this long after the last keystroke: the rules check the whole
/// dataset, and a person typing a title does not need them between letters.
const FINDINGS_DELAY: Duration = Duration::from_millis(200);

/// The editing state of one record. `Copy`: every field is a reactive handle.
pub struct EditSession<F: RecordForm> {
    /// The record's id (a fresh one, kept in the draft, for a new record).
    pub id: RecordId,
    /// What the person typed. Every change is kept as a draft.
    pub form: RwSignal<F>,
    /// The stored record, or the blank one a new record starts from.
    pub base: Memo<F::Record>,
    /// Whether the record is stored (else this is a new record).
    pub stored: Memo<bool>,
    /// Whether the stored record is a tombstone.
    pub deleted: Memo<bool>,
    /// Whether the record has concurrent versions waiting (see `Dataset.conflicts`).
    pub conflict: Memo<bool>,
    /// The record as typed, and the fields that could not be read.
    pub built: Memo<Built<F::Record>>,
    /// Findings about the record as typed (updated shortly after typing stops).
    pub findings: RwSignal<Vec<Finding>>,
    /// The form differs from the stored record.
    pub dirty: Memo<bool>,
    /// The form was restored from a draft when opened.
    pub restored: RwSignal<bool>,
    /// A save is under way.
    pub busy: RwSignal<bool>,
    /// A save was tried: from then on "nothing chosen yet" is shown at the fields too.
    pub attempted: RwSignal<bool>,
    key: StoredValue<DraftKey>,
    ed: Editing,
}

impl<F: RecordForm> Clone for EditSession<F> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<F: RecordForm> Copy for EditSession<F> {}

/// Opens an edit session. `blank(id)` is the record a new one starts from (ignored for a
/// stored record). Must be called in a component (it creates effects).
pub fn use_edit_session<F: RecordForm>(
    target: Target,
    blank: impl Fn(RecordId) -> F::Record,
) -> EditSession<F> {
    let ed = use_editing();
    let app = ed.app;
    let kind = <F::Record as Record>::KIND;
    let (key, kept) = match &target {
        Target::Existing(id) => {
            let key = DraftKey::record(kind, *id);
            let kept = draft::load::<F>(&key).filter(|d| d.id == *id);
            (key, kept)
        }
        Target::New { slot } => {
            let key = DraftKey::new_record(kind, slot);
            (key.clone(), draft::load::<F>(&key))
        }
    };
    let id = match (&target, &kept) {
        (Target::Existing(id), _) => *id,
        (_, Some(d)) => d.id,
        _ => Uuid::new_v4(),
    };
    let fresh = blank(id);
    let base = Memo::new(move |_| {
        app.dataset
            .with(|ds| ds.get::<F::Record>(id).cloned())
            .unwrap_or_else(|| fresh.clone())
    });
    let stored = Memo::new(move |_| app.dataset.with(|ds| ds.get::<F::Record>(id).is_some()));
    let deleted = Memo::new(move |_| {
        app.dataset
            .with(|ds| ds.get::<F::Record>(id).is_some_and(|r| r.meta().deleted))
    });
    let conflict = Memo::new(move |_| app.dataset.with(|ds| in_conflict::<F::Record>(ds, id)));

    let base_form = base.with_untracked(F::from_record);
    let restored_form = kept.map(|d| d.form).filter(|f| *f != base_form);
    let restored = RwSignal::new(restored_form.is_some());
    let form = RwSignal::new(restored_form.unwrap_or_else(|| base_form.clone()));
    let built = Memo::new(move |_| form.with(|f| base.with(|b| f.build(b))));
    let dirty = Memo::new(move |_| form.with(|f| base.with(|b| *f != F::from_record(b))));
    let key = StoredValue::new(key);

    // Keep the draft on every change; drop it once the form equals what is stored.
    Effect::new(move |_| {
        let is_dirty = dirty.get();
        let k = key.get_value();
        if is_dirty {
            let _ = form.with(|f| draft::store(&k, id, f));
        } else {
            draft::clear(&k);
        }
    });

    // Follow changes made elsewhere (another tab, an import): fields typed here keep what
    // was typed (the draft holds it), the others follow.
    let last_base = StoredValue::new(base_form);
    Effect::new(move |_| {
        let now_form = base.with(F::from_record);
        let before = last_base.get_value();
        if now_form != before {
            // Typed fields stay, untouched ones take the new version, so a later save
            // does not put back old values over the other change (`editing::rebase`).
            let next = form.with_untracked(|f| rebase_form(f, &before, &now_form));
            form.set(next);
            last_base.set_value(now_form);
        }
    });

    // Live findings, shortly after typing stops.
    let findings = RwSignal::new(Vec::new());
    let attempted = RwSignal::new(false);
    let generation = StoredValue::new(0u64);
    Effect::new(move |_| {
        let record = built.with(|b| b.record.clone());
        app.dataset.track();
        // A new record is not told what it lacks before the person tries to save it: a
        // blank form would open with every required field flagged.
        let quiet_missing = !stored.get() && !attempted.get();
        let g = generation.get_value() + 1;
        generation.set_value(g);
        set_timeout(
            move || {
                // The page may have gone meanwhile (saved and navigated away).
                if generation.try_get_value() != Some(g) {
                    return;
                }
                let found = if record.meta().deleted {
                    Vec::new()
                } else {
                    app.dataset
                        .with_untracked(|ds| draft_findings(ds, record.into_any(), today()))
                        .into_iter()
                        .filter(|f| !(quiet_missing && f.rule == RuleCode::RecordMissingField))
                        .collect()
                };
                findings.try_set(found);
            },
            FINDINGS_DELAY,
        );
    });

    EditSession {
        id,
        form,
        base,
        stored,
        deleted,
        conflict,
        built,
        findings,
        dirty,
        restored,
        busy: RwSignal::new(false),
        attempted,
        key,
        ed,
    }
}

impl<F: RecordForm> EditSession<F> {
    /// The messages at one field: what could not be read, and the findings naming it.
    pub fn marks(self, field: impl Into<String>) -> Signal<Vec<Mark>> {
        let field: String = field.into();
        let id = self.id;
        Signal::derive(move || {
            let attempted = self.attempted.get();
            let mut out: Vec<Mark> = self.built.with(|b| {
                b.errors
                    .iter()
                    .filter(|e| e.field == field && (attempted || !e.missing))
                    .map(|e| Mark::input(e.message_th.clone(), e.message_en.clone()))
                    .collect()
            });
            self.findings.with(|list| {
                out.extend(
                    list.iter()
                        .filter(|f| f.field.as_deref() == Some(field.as_str()))
                        .filter(|f| f.records.first().is_some_and(|r| r.id == id))
                        .map(Mark::finding),
                )
            });
            out
        })
    }

    /// Puts the stored record back in the form and forgets the draft.
    pub fn discard_draft(self) {
        self.form.set(self.base.with_untracked(F::from_record));
        self.restored.set(false);
        draft::clear(&self.key.get_value());
    }

    /// Saves what was typed. Refused (with the reason in a toast, the typing kept) while a
    /// field cannot be read or the record is in conflict. Findings never stop a save.
    /// `name` names the record in the "Saved" toast.
    pub async fn save(self, name: String) -> Option<F::Record> {
        if self.busy.get_untracked() {
            return None;
        }
        if self.conflict.get_untracked() {
            self.ed.toasts.error(EditText::ConflictNoSave);
            return None;
        }
        self.attempted.set(true);
        let built = self.built.get_untracked();
        if let Some(first) = built.errors.first() {
            self.ed.toasts.error(EditText::FixFieldsFirst);
            focus(&field_dom_id(&first.field));
            return None;
        }
        self.busy.set(true);
        let key = self.key.get_value();
        let saved = super::save::save(self.ed, built.record, name).await;
        // After the await the page may be gone (the person moved on): `try_` writes.
        self.busy.try_set(false);
        if let Some(r) = &saved {
            self.form.try_set(F::from_record(r));
            self.restored.try_set(false);
            draft::clear(&key);
        }
        saved
    }

    /// Deletes the stored record (with undo). True if deleted.
    pub async fn delete(self, name: String) -> bool {
        let key = self.key.get_value();
        let done = super::save::delete::<F::Record>(self.ed, self.id, name).await;
        if done {
            draft::clear(&key);
        }
        done
    }
}

/// Moves the keyboard focus to an element by id (a field to correct).
pub fn focus(dom_id: &str) {
    if let Some(el) = document().get_element_by_id(dom_id) {
        if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
            let _ = el.focus();
        }
    }
}
