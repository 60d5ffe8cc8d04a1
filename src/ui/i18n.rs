//! The one translation layer: every string the person sees is a [`Msg`] with a Thai and an
//! English text. Thai is the default.
//!
//! In a component: `let i18n = use_i18n();` then `{move || i18n.t(Msg::NavHome)}`, or the
//! shorthand `{tr(Msg::NavHome)}` which is a reactive closure. Adding a string = adding one
//! line `Name => ("ไทย", "English"),` to the `messages!` table below.
//!
//! Each screen area keeps its own strings in its own enum (e.g. `CityText` beside the city
//! pages) implementing [`Text`], so this file holds only the shell's strings and several
//! areas can grow without touching one shared table. Texts that carry numbers come from
//! the domain already in both languages (`message_th` / `message_en`): show them with
//! [`I18n::pick`].
//!
//! The table is plain Rust (tested natively); only the reactive context needs the browser.

use crate::domain::records::RecordKind;
use crate::storage::StorageError;

pub use crate::domain::lang::Lang;

/// Declares [`Msg`] and its table from one list, so a string cannot be added without both
/// texts, and the list of every message is never written out twice.
macro_rules! messages {
    ($($(#[$doc:meta])* $name:ident => $pair:expr,)*) => {
        /// Every user-visible string of the shell.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Msg {
            $($(#[$doc])* $name,)*
            /// The plural name of a record kind, e.g. "Cities".
            Kind(RecordKind),
        }

        impl Msg {
            /// Every message but the record kinds' names.
            #[cfg(test)]
            const PLAIN: &'static [Msg] = &[$(Msg::$name,)*];

            /// (Thai, English).
            pub fn pair(self) -> (&'static str, &'static str) {
                match self {
                    $(Msg::$name => $pair,)*
                    Msg::Kind(k) => kind_pair(k),
                }
            }
        }
    };
}

messages! {
    AppName => ("เมืองพัฒนาคุณภาพชีวิต", "City Quality of Life"),
    AppTagline => (
        "บันทึกข้อมูลโครงการพัฒนาคุณภาพชีวิตของชุมชนเมือง",
        "Records of the City Quality-of-Life Development programme",
    ),
    OfficeUnnamed => ("ยังไม่ได้ตั้งชื่อสำนักงาน", "Office not named yet"),
    NavHome => ("ภาพรวม", "Overview"),
    NavSettings => ("ตั้งค่า", "Settings"),
    NavLabel => ("เมนูหลัก", "Main menu"),
    /// The language switch's own label (names the language it switches *to*).
    SwitchLanguage => ("English", "ภาษาไทย"),
    LangName => ("ไทย", "English"),
    Loading => ("กำลังโหลด…", "Loading…"),
    NotFound => ("ไม่พบหน้านี้", "Page not found"),
    BackHome => ("กลับหน้าภาพรวม", "Back to the overview"),
    Dismiss => ("ปิด", "Dismiss"),
    Reload => ("โหลดใหม่", "Reload"),
    Offline => ("ออฟไลน์ — ข้อมูลบันทึกในเครื่องนี้", "Offline — data is saved on this device"),
    HomeTitle => ("ภาพรวม", "Overview"),
    HomeIntro => (
        "ข้อมูลทั้งหมดเก็บไว้ในเครื่องนี้ ใช้งานได้แม้ไม่มีอินเทอร์เน็ต",
        "All data is kept on this device and works without internet.",
    ),
    HomeEmpty => ("ยังไม่มีข้อมูลในเครื่องนี้", "No records on this device yet"),
    HomeRecordsOnDevice => ("ข้อมูลในเครื่องนี้", "Records on this device"),
    SettingsTitle => ("ตั้งค่า", "Settings"),
    SettingsOffice => ("สำนักงานและผู้ใช้", "Office and person"),
    OfficeName => ("ชื่อสำนักงาน", "Office name"),
    OfficeNameHint => ("เช่น สำนักงานภาคเหนือ พอช.", "e.g. CODI Northern Regional Office"),
    OfficeId => ("รหัสสำนักงาน (สร้างอัตโนมัติ)", "Office id (generated)"),
    OfficeIdHint => (
        "ใช้ระบุที่มาของการแก้ไขเมื่อรวมข้อมูลจากหลายสำนักงาน",
        "Identifies this office's edits when data from several offices is merged.",
    ),
    PersonName => ("ชื่อผู้บันทึก", "Your name"),
    PersonNameHint => ("บันทึกไว้กับทุกการแก้ไข", "Recorded with every change you make"),
    Language => ("ภาษา", "Language"),
    Save => ("บันทึก", "Save"),
    Saved => ("บันทึกแล้ว", "Saved"),
    StorageTitle => ("พื้นที่เก็บข้อมูลในเครื่อง", "Storage on this device"),
    PersistGranted => (
        "เบราว์เซอร์จะเก็บข้อมูลไว้ถาวร ไม่ลบเอง",
        "The browser keeps this data permanently.",
    ),
    PersistDenied => (
        "เบราว์เซอร์อาจลบข้อมูลเมื่อพื้นที่เหลือน้อย โปรดส่งออกข้อมูลสำรองเป็นประจำ",
        "The browser may clear this data when space runs low. Export a backup regularly.",
    ),
    PersistUnsupported => (
        "เบราว์เซอร์นี้ไม่บอกว่าจะเก็บข้อมูลไว้ถาวรหรือไม่",
        "This browser does not say whether it keeps the data.",
    ),
    PersistAsk => ("ขอให้เก็บข้อมูลถาวร", "Ask to keep data"),
    Checking => ("กำลังตรวจสอบ…", "Checking…"),
    QuotaUsed => ("ใช้ไป", "Used"),
    QuotaAvailable => ("ว่าง", "Available"),
    QuotaUnknown => ("ไม่ทราบขนาดพื้นที่", "Space unknown"),
    SchemaVersion => ("รุ่นฐานข้อมูล", "Database version"),
    UpdateAvailable => ("มีแอปรุ่นใหม่", "A new version is available"),
    OfflineReady => ("พร้อมใช้งานแบบออฟไลน์", "Ready to work offline"),
    ErrStorageUnavailable => StorageError::Unavailable(String::new()).texts(),
    ErrQuotaExceeded => StorageError::QuotaExceeded.texts(),
    ErrUpgradeBlocked => StorageError::UpgradeBlocked.texts(),
    ErrVersionTooNew => StorageError::VersionTooNew.texts(),
    ErrClosed => StorageError::Closed.texts(),
    ErrCorrupt => StorageError::Corrupt(String::new()).texts(),
    ErrEncode => StorageError::Encode(String::new()).texts(),
    ErrUnexpected => StorageError::Unexpected(String::new()).texts(),
    ErrKeptAside => StorageError::KeptAside(String::new()).texts(),
    FilesNotKept => (
        "พื้นที่ในเครื่องไม่พอเก็บไฟล์แนบที่ได้รับ ข้อมูลนำเข้าครบแล้ว แต่รูปถ่ายและเอกสารยังไม่อยู่ในเครื่องนี้",
        "There was no room for the attachments received: the records were imported, but the photos and documents are not on this device.",
    ),
    ErrPartNotLoaded => (
        "ส่วนนี้ของแอปยังไม่ได้ดาวน์โหลดมาไว้ในเครื่อง กรุณาเชื่อมต่ออินเทอร์เน็ตแล้วลองอีกครั้ง ข้อมูลที่บันทึกไว้ยังอยู่ครบ",
        "This part of the app has not been downloaded yet. Connect to the internet and try again. Your saved data is safe.",
    ),
    ErrSettingsNotSaved => (
        "บันทึกการตั้งค่าไม่ได้ จะใช้ได้เฉพาะครั้งนี้",
        "Settings could not be saved; they last only for this visit.",
    ),
    CrashTitle => ("ขออภัย แอปหยุดทำงาน", "Sorry, the app stopped"),
    CrashBody => (
        "ข้อมูลที่บันทึกแล้วยังอยู่ในเครื่อง กรุณาโหลดหน้าใหม่ หากเกิดซ้ำ โปรดคัดลอกรายละเอียดส่งให้ผู้ดูแล",
        "Saved data is still on this device. Please reload; if it happens again, copy the details and send them to support.",
    ),
    CopyDetails => ("คัดลอกรายละเอียด", "Copy details"),
    CrashDetails => ("รายละเอียดทางเทคนิค", "Technical details"),
}

impl StorageError {
    /// The message for the person, as a translation key (its texts are storage's own).
    pub fn msg(&self) -> Msg {
        match self {
            StorageError::Unavailable(_) => Msg::ErrStorageUnavailable,
            StorageError::QuotaExceeded => Msg::ErrQuotaExceeded,
            StorageError::UpgradeBlocked => Msg::ErrUpgradeBlocked,
            StorageError::VersionTooNew => Msg::ErrVersionTooNew,
            StorageError::Closed => Msg::ErrClosed,
            StorageError::Corrupt(_) => Msg::ErrCorrupt,
            StorageError::Encode(_) => Msg::ErrEncode,
            StorageError::Unexpected(_) => Msg::ErrUnexpected,
            StorageError::KeptAside(_) => Msg::ErrKeptAside,
        }
    }
}

impl Msg {
    pub fn th(self) -> &'static str {
        self.pair().0
    }

    pub fn en(self) -> &'static str {
        self.pair().1
    }

    pub fn text(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Th => self.th(),
            Lang::En => self.en(),
        }
    }

    /// "ไทย / English", for places that must show both (the crash page).
    pub fn both(self) -> String {
        format!("{} / {}", self.th(), self.en())
    }
}

/// Anything with a Thai and an English text: [`Msg`] and every area's own text enum.
pub trait Text: Copy + Send + Sync + 'static {
    /// (Thai, English).
    fn pair(self) -> (&'static str, &'static str);

    fn text(self, lang: Lang) -> &'static str {
        let (th, en) = self.pair();
        match lang {
            Lang::Th => th,
            Lang::En => en,
        }
    }
}

impl Text for Msg {
    fn pair(self) -> (&'static str, &'static str) {
        Msg::pair(self)
    }
}

fn kind_pair(k: RecordKind) -> (&'static str, &'static str) {
    match k {
        RecordKind::Region => ("ภาค", "Regions"),
        RecordKind::Province => ("จังหวัด", "Provinces"),
        RecordKind::City => ("เมือง", "Cities"),
        RecordKind::Committee => ("คณะกรรมการเมือง", "City committees"),
        RecordKind::Meeting => ("การประชุม", "Meetings"),
        RecordKind::Project => ("โครงการ", "Projects"),
        RecordKind::ProvinceGrant => ("งบจังหวัด", "Province grants"),
        RecordKind::CommitteeGrant => ("งบคณะกรรมการ", "Committee grants"),
        RecordKind::Mou => ("บันทึกความร่วมมือ", "MOUs"),
        RecordKind::Instalment => ("งวดเงิน", "Instalments"),
        RecordKind::ProgrammeParameters => ("เกณฑ์โครงการ", "Programme parameters"),
        RecordKind::StatedTotal => ("ยอดรวมที่แจ้ง", "Stated totals"),
        RecordKind::Community => ("ชุมชน", "Communities"),
        RecordKind::SurveyRound => ("รอบการสำรวจ", "Survey rounds"),
        RecordKind::Household => ("ครัวเรือน", "Households"),
        RecordKind::ProgressReport => ("รายงานความก้าวหน้า", "Progress reports"),
    }
}

/// Human-readable bytes ("12.3 MB"), the same in both languages.
pub fn format_bytes(bytes: f64) -> String {
    const UNITS: [&str; 5] = ["B", "kB", "MB", "GB", "TB"];
    let mut v = bytes.max(0.0);
    let mut u = 0;
    while v >= 1000.0 && u < UNITS.len() - 1 {
        v /= 1000.0;
        u += 1;
    }
    if u == 0 {
        format!("{v:.0} {}", UNITS[u])
    } else {
        format!("{v:.1} {}", UNITS[u])
    }
}

#[cfg(target_arch = "wasm32")]
pub use reactive::{provide_i18n, tr, use_i18n, I18n};

#[cfg(target_arch = "wasm32")]
mod reactive {
    use super::{Lang, Text};
    use leptos::prelude::*;

    /// The current language, provided once by the app. `Copy`, so closures capture it freely.
    #[derive(Clone, Copy)]
    pub struct I18n {
        pub lang: RwSignal<Lang>,
    }

    impl I18n {
        /// The text of `m` in the current language (tracks the language signal).
        pub fn t(self, m: impl Text) -> &'static str {
            m.text(self.lang.get())
        }

        /// One of two texts the domain already wrote in both languages (tracks the language).
        pub fn pick<'a>(self, th: &'a str, en: &'a str) -> &'a str {
            match self.lang.get() {
                Lang::Th => th,
                Lang::En => en,
            }
        }
    }

    pub fn provide_i18n(initial: Lang) -> I18n {
        let i18n = I18n {
            lang: RwSignal::new(initial),
        };
        provide_context(i18n);
        i18n
    }

    pub fn use_i18n() -> I18n {
        expect_context::<I18n>()
    }

    /// A reactive text for `view!`: `{tr(Msg::NavHome)}`.
    pub fn tr(m: impl Text) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        let i18n = use_i18n();
        move || i18n.t(m)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_msgs() -> Vec<Msg> {
        let mut v = Msg::PLAIN.to_vec();
        v.extend(RecordKind::ALL.iter().map(|k| Msg::Kind(*k)));
        v
    }

    fn has_thai(s: &str) -> bool {
        s.chars().any(|c| ('\u{0E00}'..='\u{0E7F}').contains(&c))
    }

    #[test]
    fn every_message_has_thai_and_english() {
        for m in all_msgs() {
            let (th, en) = m.pair();
            assert!(!th.trim().is_empty() && !en.trim().is_empty(), "{m:?}");
            // The switch names the *other* language, so it is the one exception.
            if m != Msg::SwitchLanguage {
                assert!(has_thai(th), "{m:?} Thai text has no Thai: {th}");
                assert!(!has_thai(en), "{m:?} English text has Thai: {en}");
            }
        }
    }

    #[test]
    fn lang_defaults_to_thai_and_serialises_as_code() {
        assert_eq!(Lang::default(), Lang::Th);
        assert_eq!(serde_json::to_string(&Lang::En).unwrap(), r#""en""#);
        assert_eq!(Lang::Th.other(), Lang::En);
        assert_eq!(Msg::NavHome.text(Lang::En), "Overview");
    }

    #[test]
    fn bytes_format() {
        assert_eq!(format_bytes(0.0), "0 B");
        assert_eq!(format_bytes(999.0), "999 B");
        assert_eq!(format_bytes(1_500.0), "1.5 kB");
        assert_eq!(format_bytes(2_345_678.0), "2.3 MB");
    }
}
