//! Every way storage can fail, as a value the UI shows to the person (never a panic).

use crate::domain::lang::Lang;

/// A storage failure. Each variant has a Thai and an English message ([`StorageError::texts`]);
/// `detail` strings carry the browser's own text for "copy details" and logs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageError {
    /// IndexedDB or localStorage is missing or refused: private browsing in some browsers,
    /// storage disabled by policy, or a sandboxed frame. Data cannot be kept on this device.
    Unavailable(String),
    /// The browser's quota for this site is used up (`QuotaExceededError`). Nothing of the
    /// action was saved; freeing space or exporting and clearing old data helps.
    QuotaExceeded,
    /// A schema upgrade waits for another tab that still has the old version open.
    /// Closing the other tabs of this app lets it continue.
    UpgradeBlocked,
    /// The data on this device was written by a newer version of the app (`VersionError`):
    /// this tab runs old code and must be reloaded.
    VersionTooNew,
    /// The connection was closed because another tab opened a newer version; reload.
    Closed,
    /// Stored data could not be read back as expected (damaged or unknown format).
    Corrupt(String),
    /// A record could not be turned into JSON, or a kind name is unusable: a bug, not the
    /// person's fault.
    Encode(String),
    /// Refused: the action would overwrite or delete stored data this build could not
    /// read, which is kept aside as it is (`sync::load`). `detail` says what is refused.
    KeptAside(String),
    /// Anything else the browser reported; `detail` says what.
    Unexpected(String),
}

impl StorageError {
    /// Maps a `DOMException` name (and message) from IndexedDB or localStorage.
    pub fn from_dom_name(name: &str, message: &str) -> StorageError {
        match name {
            "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => StorageError::QuotaExceeded,
            "VersionError" => StorageError::VersionTooNew,
            // Firefox private windows (older) and disabled storage throw these on open.
            "InvalidStateError" | "SecurityError" | "NotAllowedError" => {
                StorageError::Unavailable(format!("{name}: {message}"))
            }
            "DataError" | "DataCloneError" => StorageError::Encode(format!("{name}: {message}")),
            _ => StorageError::Unexpected(format!("{name}: {message}")),
        }
    }

    /// The message for the person, (Thai, English). Storage carries its own texts, as the
    /// domain's errors do; the interface shows them through its translation table.
    pub fn texts(&self) -> (&'static str, &'static str) {
        match self {
            StorageError::Unavailable(_) => (
                "เบราว์เซอร์นี้ไม่อนุญาตให้เก็บข้อมูลในเครื่อง (อาจเป็นโหมดส่วนตัว) ข้อมูลจะไม่ถูกบันทึก",
                "This browser does not allow storing data (private mode?). Nothing will be saved.",
            ),
            StorageError::QuotaExceeded => (
                "พื้นที่เก็บข้อมูลเต็ม การแก้ไขล่าสุดไม่ได้บันทึก โปรดส่งออกข้อมูลแล้วลบข้อมูลเก่า",
                "Storage is full; the last change was not saved. Export the data and remove old records.",
            ),
            StorageError::UpgradeBlocked => (
                "กรุณาปิดแท็บอื่นของแอปนี้ เพื่อปรับรุ่นฐานข้อมูล แล้วโหลดใหม่",
                "Close the app's other tabs so the database can be upgraded, then reload.",
            ),
            StorageError::VersionTooNew => (
                "ข้อมูลในเครื่องมาจากแอปรุ่นใหม่กว่า กรุณาโหลดหน้าใหม่",
                "The data was saved by a newer version of the app. Please reload.",
            ),
            StorageError::Closed => (
                "แอปรุ่นใหม่เปิดอยู่ในแท็บอื่น กรุณาโหลดหน้านี้ใหม่",
                "A newer version of the app opened in another tab. Please reload this one.",
            ),
            StorageError::Corrupt(_) => (
                "อ่านข้อมูลที่เก็บไว้ไม่ได้ (ข้อมูลอาจเสียหาย)",
                "Stored data could not be read (it may be damaged).",
            ),
            StorageError::Encode(_) => (
                "บันทึกข้อมูลนี้ไม่ได้ (ข้อผิดพลาดของแอป)",
                "This data could not be saved (an app error).",
            ),
            StorageError::KeptAside(_) => (
                "ยังทำไม่ได้: ข้อมูลบางรายการในเครื่องนี้อ่านไม่ได้และแยกเก็บไว้ตามเดิม งานนี้จะลบหรือเขียนทับข้อมูลเหล่านั้น ดูและดาวน์โหลดเก็บไว้ได้ที่หน้าตั้งค่า",
                "Not done: some data on this device could not be read and is kept aside as it is; this would delete or overwrite it. See and download it in Settings.",
            ),
            StorageError::Unexpected(_) => (
                "เกิดข้อผิดพลาดในการเก็บข้อมูล",
                "A storage error occurred.",
            ),
        }
    }

    /// The person's message in `lang`.
    pub fn message(&self, lang: Lang) -> &'static str {
        lang.pick(self.texts())
    }

    /// Technical detail for "copy details", if any.
    pub fn detail(&self) -> Option<&str> {
        match self {
            StorageError::Unavailable(d)
            | StorageError::Corrupt(d)
            | StorageError::Encode(d)
            | StorageError::KeptAside(d)
            | StorageError::Unexpected(d) => Some(d),
            _ => None,
        }
    }
}

impl std::fmt::Display for StorageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.message(Lang::En))?;
        if let Some(d) = self.detail() {
            write!(f, " ({d})")?;
        }
        Ok(())
    }
}

impl std::error::Error for StorageError {}

impl From<serde_json::Error> for StorageError {
    fn from(e: serde_json::Error) -> Self {
        StorageError::Corrupt(e.to_string())
    }
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::StorageError;
    use wasm_bindgen::{JsCast, JsValue};
    use web_sys::DomException;

    impl StorageError {
        /// Maps any JavaScript error value: a `DOMException` by its name, anything else as
        /// [`StorageError::Unexpected`].
        pub fn from_js(value: &JsValue) -> StorageError {
            if let Some(e) = value.dyn_ref::<DomException>() {
                return StorageError::from_dom_name(&e.name(), &e.message());
            }
            StorageError::Unexpected(format!("{value:?}"))
        }
    }

    impl From<idb::Error> for StorageError {
        fn from(e: idb::Error) -> Self {
            use idb::Error as E;
            match e {
                E::DomException(d) => StorageError::from_dom_name(&d.name(), &d.message()),
                E::IndexedDbNotFound(v) => {
                    StorageError::Unavailable(format!("indexedDB missing: {v:?}"))
                }
                E::IndexedDbOpenFailed(v)
                | E::TransactionOpenFailed(v)
                | E::AddFailed(v)
                | E::UpdateFailed(v)
                | E::DeleteFailed(v)
                | E::ClearFailed(v)
                | E::GetFailed(v)
                | E::GetAllFailed(v)
                | E::GetAllKeysFailed(v)
                | E::ObjectStoreCreateFailed(v)
                | E::ObjectStoreNotFound(v)
                | E::TransactionCommitError(v) => StorageError::from_js(&v),
                other => StorageError::Unexpected(other.to_string()),
            }
        }
    }

    impl From<gloo_storage::errors::StorageError> for StorageError {
        fn from(e: gloo_storage::errors::StorageError) -> Self {
            use gloo_storage::errors::StorageError as G;
            match e {
                G::SerdeError(e) => StorageError::Corrupt(e.to_string()),
                G::KeyNotFound(k) => StorageError::Corrupt(format!("missing key {k}")),
                G::JsError(js) => {
                    // gloo turns the DOMException into a plain JsError; its name survives.
                    StorageError::from_dom_name(&js.name, &js.message)
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dom_names_map_to_variants() {
        let cases = [
            ("QuotaExceededError", StorageError::QuotaExceeded),
            ("VersionError", StorageError::VersionTooNew),
            (
                "InvalidStateError",
                StorageError::Unavailable("InvalidStateError: m".into()),
            ),
            (
                "SecurityError",
                StorageError::Unavailable("SecurityError: m".into()),
            ),
            (
                "DataCloneError",
                StorageError::Encode("DataCloneError: m".into()),
            ),
            (
                "AbortError",
                StorageError::Unexpected("AbortError: m".into()),
            ),
        ];
        for (name, want) in cases {
            assert_eq!(StorageError::from_dom_name(name, "m"), want, "{name}");
        }
    }

    #[test]
    fn every_variant_has_both_languages() {
        let all = [
            StorageError::Unavailable(String::new()),
            StorageError::QuotaExceeded,
            StorageError::UpgradeBlocked,
            StorageError::VersionTooNew,
            StorageError::Closed,
            StorageError::Corrupt(String::new()),
            StorageError::Encode(String::new()),
            StorageError::KeptAside(String::new()),
            StorageError::Unexpected(String::new()),
        ];
        for e in all {
            assert!(!e.message(Lang::Th).is_empty());
            assert!(!e.message(Lang::En).is_empty());
            assert_ne!(e.message(Lang::Th), e.message(Lang::En));
        }
        assert!(StorageError::Corrupt("x".into())
            .to_string()
            .contains("(x)"));
    }
}
