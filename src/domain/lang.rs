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
