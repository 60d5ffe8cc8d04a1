//! Small per-device settings in localStorage (gloo-storage): language, office, person.
//! They are read synchronously at start-up, before IndexedDB is open, so the first paint
//! is already in the right language.

use serde::{Deserialize, Serialize};

use crate::domain::lang::Lang;
use crate::domain::meta::{Editor, OfficeId};

/// The localStorage key. Versioned so a future format can live beside this one.
pub const SETTINGS_KEY: &str = "mueang.settings.v1";

/// What this device remembers about who uses it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub lang: Lang,
    pub office_name: String,
    /// Generated once (uuid v4) and never changed: it names this office in version vectors.
    pub office_id: String,
    /// The person using this device, recorded as the editor of changes.
    pub person: String,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            lang: Lang::Th,
            office_name: String::new(),
            office_id: String::new(),
            person: String::new(),
        }
    }
}

impl Settings {
    /// Who edits, exports or settles on this device: the office's id and name and the
    /// person, as recorded with every change.
    pub fn editor(&self) -> Editor {
        Editor {
            office_id: OfficeId(self.office_id.clone()),
            office_name: self.office_name.trim().to_owned(),
            person: self.person.trim().to_owned(),
        }
    }

    /// Fills in what a first start lacks: the office id.
    pub fn ensure_office_id(&mut self, new_id: impl FnOnce() -> String) -> bool {
        if self.office_id.trim().is_empty() {
            self.office_id = new_id();
            true
        } else {
            false
        }
    }
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::*;
    use crate::storage::error::StorageError;
    use gloo_storage::{LocalStorage, Storage};

    /// Reads the settings, generating and saving the office id on first start. If
    /// localStorage is unusable the defaults (with a fresh id) are returned with the error,
    /// so the app still runs and says why nothing is remembered.
    pub fn load_settings() -> (Settings, Option<StorageError>) {
        let (mut s, mut err) = match LocalStorage::get::<Settings>(SETTINGS_KEY) {
            Ok(s) => (s, None),
            Err(gloo_storage::errors::StorageError::KeyNotFound(_)) => (Settings::default(), None),
            Err(e) => (Settings::default(), Some(StorageError::from(e))),
        };
        if s.ensure_office_id(|| uuid::Uuid::new_v4().to_string()) && err.is_none() {
            err = save_settings(&s).err();
        }
        (s, err)
    }

    pub fn save_settings(s: &Settings) -> Result<(), StorageError> {
        LocalStorage::set(SETTINGS_KEY, s).map_err(StorageError::from)
    }
}

#[cfg(target_arch = "wasm32")]
pub use browser::{load_settings, save_settings};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_thai_and_id_is_made_once() {
        let mut s: Settings = serde_json::from_str("{}").unwrap();
        assert_eq!(s.lang, Lang::Th);
        assert!(s.ensure_office_id(|| "id-1".into()));
        assert!(!s.ensure_office_id(|| "id-2".into()));
        assert_eq!(s.office_id, "id-1");
        let json = serde_json::to_string(&s).unwrap();
        assert!(json.contains(r#""lang":"th""#), "{json}");
    }

    #[test]
    fn the_editor_is_the_office_and_person_as_typed_without_outer_spaces() {
        let s = Settings {
            office_id: "id-1".into(),
            office_name: " พอช. ภาคเหนือ ".into(),
            person: "สมศรี ".into(),
            ..Settings::default()
        };
        let e = s.editor();
        assert_eq!(e.office_id.0, "id-1");
        assert_eq!(e.office_name, "พอช. ภาคเหนือ");
        assert_eq!(e.person, "สมศรี");
    }
}
