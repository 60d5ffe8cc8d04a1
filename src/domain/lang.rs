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
