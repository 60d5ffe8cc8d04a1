//! The name an export is saved under.

use super::bundle::Bundle;

impl Bundle {
    /// A file name that says whose data it is and when: `mueang-<office>-<yyyy-mm-dd>.json`,
    /// with anything but letters (Thai included), digits and `-` replaced, so it is safe on
    /// every file system and in chat apps.
    pub fn file_name(&self) -> String {
        let by = self.exported_by();
        let who = if by.office_name.trim().is_empty() {
            &by.office_id.0
        } else {
            &by.office_name
        };
        let mut safe: String = who
            .trim()
            .chars()
            .map(|c| {
                if c.is_alphanumeric() || c == '-' || is_thai_mark(c) {
                    c
                } else {
                    '-'
                }
            })
            .take(40)
            .collect();
        while safe.contains("--") {
            safe = safe.replace("--", "-");
        }
        let safe = safe.trim_matches('-');
        let safe = if safe.is_empty() { "office" } else { safe };
        format!(
            "mueang-{safe}-{}.json",
            self.exported_at().format("%Y-%m-%d")
        )
    }
}

/// Thai vowel and tone marks are not "alphanumeric" in Unicode but belong in a name.
fn is_thai_mark(c: char) -> bool {
    ('\u{0E31}'..='\u{0E4E}').contains(&c)
}
