//! Drafts: every form's typed state, kept in localStorage on every change, so a reload, a
//! closed tab or a flat battery loses nothing. localStorage rather than IndexedDB because
//! it is written synchronously: the last keystroke is on disk before the page can die.

use gloo_storage::{LocalStorage, Storage};
use serde::{de::DeserializeOwned, Deserialize, Serialize};

use crate::domain::meta::RecordId;
use crate::domain::records::RecordKind;

const PREFIX: &str = "mueang.draft.v1";

/// Where a form's draft lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftKey(pub String);

impl DraftKey {
    /// The draft of an existing record.
    pub fn record(kind: RecordKind, id: RecordId) -> DraftKey {
        DraftKey(format!("{PREFIX}.{}.{id}", kind.key()))
    }

    /// The draft of a record not saved yet; `slot` tells apart new records started from
    /// different places (e.g. the city a new project belongs to).
    pub fn new_record(kind: RecordKind, slot: &str) -> DraftKey {
        DraftKey(format!("{PREFIX}.{}.new.{slot}", kind.key()))
    }
}

/// What is stored: the record's id (so a new record keeps its id across reloads) and the form.
#[derive(Serialize, Deserialize)]
pub struct Draft<F> {
    pub id: RecordId,
    pub form: F,
}

/// The draft under `key`, if one was kept and still reads as this form type.
pub fn load<F: DeserializeOwned>(key: &DraftKey) -> Option<Draft<F>> {
    LocalStorage::get::<Draft<F>>(&key.0).ok()
}

/// Keeps the draft. A full or refused localStorage is not fatal: typing goes on, and the
/// record itself is saved with the Save button; the failure is returned for a notice.
pub fn store<F: Serialize>(key: &DraftKey, id: RecordId, form: &F) -> Result<(), String> {
    LocalStorage::set(&key.0, Draft { id, form }).map_err(|e| e.to_string())
}

pub fn clear(key: &DraftKey) {
    LocalStorage::delete(&key.0);
}
