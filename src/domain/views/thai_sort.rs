//! The order people read Thai names in, for every list and chooser.

/// Thai text sorts by consonant first: a leading vowel (เ แ โ ใ ไ) is written before the
/// consonant it follows in speech, so "เชียงใหม่" files under ช. Moving it after the first
/// consonant gives dictionary order for the names staff type; other text is lower-cased.
pub fn thai_sort_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.trim().chars().peekable();
    while let Some(c) = chars.next() {
        if matches!(c, 'เ' | 'แ' | 'โ' | 'ใ' | 'ไ') {
            if let Some(&next) = chars.peek() {
                chars.next();
                out.push(next);
            }
            out.push(c);
        } else if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if ('\u{0E00}'..='\u{0E7F}').contains(&c) {
            // Thai has no case: skip the Unicode tables, which cost more than the rest.
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thai_keys() {
        assert!(thai_sort_key("เชียงใหม่") > thai_sort_key("ฉะเชิงเทรา"));
        assert!(thai_sort_key("ไก่") < thai_sort_key("ขาย"));
        assert_eq!(thai_sort_key("ABC"), "abc");
    }
}
