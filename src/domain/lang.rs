//! The two languages of every message. Here, below storage and the interface, because
//! settings remember one and every layer's errors carry both (`message_th`/`message_en`).

use serde::{Deserialize, Serialize};

/// The interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    #[serde(rename = "th")]
    Th,
    #[serde(rename = "en")]
    En,
}

impl Lang {
    /// The BCP 47 code, for `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Th => "th",
            Lang::En => "en",
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Th => Lang::En,
            Lang::En => Lang::Th,
        }
    }

    /// The one of a (Thai, English) pair in this language.
    pub fn pick<T>(self, (th, en): (T, T)) -> T {
        match self {
            Lang::Th => th,
            Lang::En => en,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_keep_the_language_as_its_code() {
        for lang in [Lang::Th, Lang::En] {
            assert_eq!(
                serde_json::to_string(&lang).unwrap(),
                format!("\"{}\"", lang.code())
            );
            assert_eq!(lang.other().other(), lang);
            assert_ne!(lang.other(), lang);
        }
        assert_eq!(Lang::En.pick(("ก", "a")), "a");
        assert_eq!(Lang::default(), Lang::Th);
    }
}

/// A count with its unit in each language's order: Thai puts the number before the
/// classifier ("ประชุม 3 ครั้ง", "กรรมการ 7 คน") and has no plural; English says
/// "1 meeting", "3 meetings". Numbers get thousands separators.
///
/// ```
/// use mueang::domain::lang::{counted, Lang};
/// let meetings = |n| counted(n, "ครั้ง", "meeting", "meetings");
/// assert_eq!(meetings(3).0, "3 ครั้ง");
/// assert_eq!(meetings(1).1, "1 meeting");
/// assert_eq!(meetings(1_200).1, "1,200 meetings");
/// assert_eq!(Lang::Th.pick(meetings(0)), "0 ครั้ง");
/// ```
pub fn counted(n: usize, th_unit: &str, en_one: &str, en_many: &str) -> (String, String) {
    let digits = n.to_string();
    let mut shown = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            shown.push(',');
        }
        shown.push(c);
    }
    let en_unit = if n == 1 { en_one } else { en_many };
    (format!("{shown} {th_unit}"), format!("{shown} {en_unit}"))
}

/// What is counted, worded for each language: Thai puts an optional word before the number
/// and the classifier after it ("ผู้ลงนาม 5 คน", "แสดง 12 เมือง"); English has one and many.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unit {
    pub th_before: &'static str,
    pub th_after: &'static str,
    pub en_one: &'static str,
    pub en_many: &'static str,
}

impl Unit {
    /// The words around `n` in `lang`: (before, after). English has nothing before.
    pub fn around(self, lang: Lang, n: usize) -> (&'static str, &'static str) {
        match lang {
            Lang::Th => (self.th_before, self.th_after),
            Lang::En if n == 1 => ("", self.en_one),
            Lang::En => ("", self.en_many),
        }
    }

    /// The whole phrase: "ผู้ลงนาม 5 คน", "1 signatory", "1,200 signatories".
    ///
    /// ```
    /// use mueang::domain::lang::{units, Lang};
    /// assert_eq!(units::SIGNATORIES.phrase(Lang::Th, 5), "ผู้ลงนาม 5 คน");
    /// assert_eq!(units::SIGNATORIES.phrase(Lang::En, 1), "1 signatory");
    /// assert_eq!(units::CITIES_SHOWN.phrase(Lang::Th, 12), "แสดง 12 เมือง");
    /// ```
    pub fn phrase(self, lang: Lang, n: usize) -> String {
        let (th, en) = counted(n, self.th_after, self.en_one, self.en_many);
        match lang {
            Lang::Th if self.th_before.is_empty() => th,
            Lang::Th => format!("{} {th}", self.th_before),
            Lang::En => en,
        }
    }
}

/// The counts the screens show.
pub mod units {
    use super::Unit;

    const fn unit(
        th_before: &'static str,
        th_after: &'static str,
        en_one: &'static str,
        en_many: &'static str,
    ) -> Unit {
        Unit {
            th_before,
            th_after,
            en_one,
            en_many,
        }
    }

    pub const CITIES: Unit = unit("", "เมือง", "city", "cities");
    pub const CITIES_SHOWN: Unit = unit("แสดง", "เมือง", "city shown", "cities shown");
    pub const PROVINCES_SHOWN: Unit = unit("แสดง", "จังหวัด", "province shown", "provinces shown");
    pub const PROJECTS_SHOWN: Unit = unit("แสดง", "โครงการ", "project shown", "projects shown");
    pub const ITEMS_SHOWN: Unit = unit("แสดง", "รายการ", "shown", "shown");
    pub const RECORDS: Unit = unit("", "รายการ", "record", "records");
    pub const SIGNATORIES: Unit = unit("ผู้ลงนาม", "คน", "signatory", "signatories");
    pub const MEMBERS: Unit = unit("กรรมการ", "คน", "member", "members");
    pub const MEETINGS: Unit = unit("ประชุม", "ครั้ง", "meeting", "meetings");
    pub const ATTENDEES: Unit = unit("ผู้เข้าร่วม", "คน", "person", "people");
    pub const PROBLEMS: Unit = unit("ปัญหา", "เรื่อง", "problem", "problems");
    pub const MOU_CITIES: Unit = unit("ครอบคลุม", "เมือง", "city", "cities");
    pub const VERSIONS: Unit = unit("", "ฉบับ", "version", "versions");
    pub const ERRORS: Unit = unit("ข้อผิดพลาด", "รายการ", "error", "errors");
    pub const WARNINGS: Unit = unit("คำเตือน", "รายการ", "warning", "warnings");
    pub const NOTES: Unit = unit("ข้อสังเกต", "รายการ", "note", "notes");
    pub const PROJECTS: Unit = unit("โครงการ", "โครงการ", "project", "projects");

    /// Every unit, for the tests that keep their wording right.
    pub const ALL: [Unit; 17] = [
        ATTENDEES,
        CITIES,
        CITIES_SHOWN,
        PROVINCES_SHOWN,
        PROJECTS_SHOWN,
        ITEMS_SHOWN,
        RECORDS,
        SIGNATORIES,
        MEMBERS,
        MEETINGS,
        PROBLEMS,
        MOU_CITIES,
        VERSIONS,
        ERRORS,
        WARNINGS,
        NOTES,
        PROJECTS,
    ];
}

#[cfg(test)]
mod counting_tests {
    use super::*;

    #[test]
    fn counts_read_in_thai_word_order_and_english_plurals() {
        assert_eq!(units::MEETINGS.phrase(Lang::Th, 3), "ประชุม 3 ครั้ง");
        assert_eq!(units::CITIES_SHOWN.phrase(Lang::Th, 12), "แสดง 12 เมือง");
        assert_eq!(units::SIGNATORIES.phrase(Lang::Th, 5), "ผู้ลงนาม 5 คน");
        assert_eq!(units::MEMBERS.phrase(Lang::Th, 7), "กรรมการ 7 คน");
        assert_eq!(units::ERRORS.phrase(Lang::Th, 0), "ข้อผิดพลาด 0 รายการ");
        assert_eq!(units::WARNINGS.phrase(Lang::En, 1), "1 warning");
        assert_eq!(units::WARNINGS.phrase(Lang::En, 2), "2 warnings");
        assert_eq!(units::SIGNATORIES.phrase(Lang::En, 1), "1 signatory");
        assert_eq!(units::ERRORS.phrase(Lang::En, 0), "0 errors");
        assert_eq!(units::CITIES.phrase(Lang::Th, 12_000), "12,000 เมือง");
        assert_eq!(units::PROJECTS.phrase(Lang::Th, 2), "โครงการ 2 โครงการ");
        assert_eq!(units::PROJECTS.phrase(Lang::En, 1), "1 project");
        for u in units::ALL {
            // Thai has no plural; the number always stands before the classifier.
            let th = u.phrase(Lang::Th, 2);
            assert!(th.ends_with(&format!("2 {}", u.th_after)), "{th}");
            assert!(!u.th_after.is_empty(), "{u:?}");
            // English: "1 x", "2 xs" never "1 xs".
            assert_eq!(u.phrase(Lang::En, 1), format!("1 {}", u.en_one));
            assert_eq!(u.phrase(Lang::En, 2), format!("2 {}", u.en_many));
            assert_eq!(u.around(Lang::En, 1).1, u.en_one);
        }
    }
}
