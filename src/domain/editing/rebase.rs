//! Bringing a half-typed form up to date when its record changed elsewhere (another tab,
//! an import) while the person was typing: what they typed stays, what they did not touch
//! takes the new version. Without this, saving the form would quietly put back the old
//! values of the fields they never touched, undoing the other change.
//!
//! Field by field on the form's JSON (its top-level fields: a list such as `members` is
//! one field): a field the person changed (mine ≠ old) keeps theirs; any other field takes
//! the new version's value.

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

/// `mine` (the form as typed) rebased from `old` (the stored version it started from)
/// onto `new` (the stored version now). Falls back to `mine` if a form cannot be read as
/// a JSON object (it always can for the record forms).
pub fn rebase_form<F: Serialize + DeserializeOwned + Clone>(mine: &F, old: &F, new: &F) -> F {
    let (Ok(Value::Object(m)), Ok(Value::Object(o)), Ok(Value::Object(mut n))) = (
        serde_json::to_value(mine),
        serde_json::to_value(old),
        serde_json::to_value(new),
    ) else {
        return mine.clone();
    };
    for (key, value) in m {
        if o.get(&key) != Some(&value) {
            n.insert(key, value);
        }
    }
    serde_json::from_value(Value::Object(n)).unwrap_or_else(|_| mine.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::forms::committee_form::{CommitteeForm, MemberLine};

    #[test]
    fn typed_fields_stay_and_untouched_ones_follow() {
        let old = CommitteeForm {
            city_id: "c".into(),
            name: "เดิม".into(),
            members: vec![],
        };
        let mut new = old.clone();
        new.members.push(MemberLine {
            name: "นายสมชาย".into(),
            ..MemberLine::blank()
        });
        new.city_id = "d".into();
        let mut mine = old.clone();
        mine.name = "ชื่อที่พิมพ์".into();
        let r = rebase_form(&mine, &old, &new);
        assert_eq!(r.name, "ชื่อที่พิมพ์");
        assert_eq!(r.members, new.members);
        assert_eq!(r.city_id, "d");
        // Both changed the same field: the person's typing wins (they see it and decide).
        let mut both = new.clone();
        both.name = "อีกแท็บ".into();
        assert_eq!(rebase_form(&mine, &old, &both).name, "ชื่อที่พิมพ์");
        // Nothing typed: the new version whole.
        assert_eq!(rebase_form(&old, &old, &new), new);
    }
}
