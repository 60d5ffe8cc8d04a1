//! Every string of the sync screens (export, import, conflicts), in Thai and English.
//! Error messages come from the domain already in both languages and are shown with
//! `I18n::pick`.
//!
//! The texts are in `src/ui/messages/sync.toml` (Thai, then English, a line per key);
//! build.rs makes the enum and its table from it.

use crate::sync::stage::Stage;
use crate::ui::i18n::Text;

include!(concat!(env!("OUT_DIR"), "/messages/sync.rs"));

/// The steps of an import or export, as the progress bar names them.
impl Text for Stage {
    fn pair(self) -> (&'static str, &'static str) {
        match self {
            Stage::Reading => ("กำลังอ่านไฟล์…", "Reading the file…"),
            Stage::Unlocking => ("กำลังปลดล็อก…", "Unlocking…"),
            Stage::Checking => ("กำลังตรวจสอบข้อมูล…", "Checking the data…"),
            Stage::Comparing => (
                "กำลังเทียบกับข้อมูลในเครื่อง…",
                "Comparing with this device's data…",
            ),
            Stage::Saving => ("กำลังบันทึก…", "Saving…"),
            Stage::CheckingFiles => ("กำลังตรวจไฟล์แนบ", "Checking attached files"),
            Stage::KeepingFiles => ("กำลังเก็บไฟล์แนบ", "Keeping attached files"),
            Stage::Preparing => ("กำลังเตรียมข้อมูล…", "Preparing the data…"),
            Stage::Locking => ("กำลังล็อกไฟล์…", "Locking the file…"),
        }
    }
}
