//! Personal data (PDPA) in the records, and the "summary without personal data" that
//! leaves it out (issue #12, part 6).
//!
//! Names and phone numbers of the people surveyed, and of those who surveyed them, are
//! personal data; so are committee members' contacts. Counts, choices, money and places
//! are not: a summary keeps them, so every report still adds up.

use crate::domain::records::{AnyRecord, Dataset, RecordKind};

/// A field holding personal data: its kind and its path as in files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PersonalField {
    pub kind: RecordKind,
    /// As in files; `[]` stands for every element of a list.
    pub field: &'static str,
}

/// Every personal-data field, so a manifest can list what a summary left out.
pub const PERSONAL_FIELDS: &[PersonalField] = &[
    PersonalField {
        kind: RecordKind::Committee,
        field: "members[].contact",
    },
    PersonalField {
        kind: RecordKind::SurveyRound,
        field: "surveyor",
    },
    PersonalField {
        kind: RecordKind::Household,
        field: "surveyor",
    },
    PersonalField {
        kind: RecordKind::Household,
        field: "head_name",
    },
    PersonalField {
        kind: RecordKind::Household,
        field: "phone",
    },
];

/// Empties every field of [`PERSONAL_FIELDS`] in `ds` (conflict versions included) and
/// returns how many non-empty values were removed. The records keep their ids and version
/// vectors: a summary is a view for reading, not a change to send back.
///
/// ```
/// use mueang::domain::example::north_2561;
/// use mueang::domain::records::survey::strip_personal_data;
/// let mut ds = north_2561().records;
/// strip_personal_data(&mut ds);
/// assert_eq!(strip_personal_data(&mut ds), 0, "nothing personal is left");
/// ```
pub fn strip_personal_data(ds: &mut Dataset) -> usize {
    let mut removed = 0;
    let mut clear = |s: &mut String| {
        if !s.is_empty() {
            removed += 1;
            s.clear();
        }
    };
    for c in ds
        .committees
        .iter_mut()
        .chain(ds.conflicts.committees.iter_mut())
    {
        c.members.iter_mut().for_each(|m| clear(&mut m.contact));
    }
    for r in ds
        .survey_rounds
        .iter_mut()
        .chain(ds.conflicts.survey_rounds.iter_mut())
    {
        clear(&mut r.surveyor);
    }
    for h in ds
        .households
        .iter_mut()
        .chain(ds.conflicts.households.iter_mut())
    {
        clear(&mut h.surveyor);
        clear(&mut h.head_name);
        clear(&mut h.phone);
    }
    removed
}

/// How many non-empty personal values `ds` holds, conflict versions included: what decides
/// whether an export needs a passphrase or a deliberate choice.
pub fn count_personal_data(ds: &Dataset) -> usize {
    let filled = |s: &String| usize::from(!s.is_empty());
    let committees = ds.committees.iter().chain(&ds.conflicts.committees);
    let rounds = ds.survey_rounds.iter().chain(&ds.conflicts.survey_rounds);
    let households = ds.households.iter().chain(&ds.conflicts.households);
    committees
        .flat_map(|c| &c.members)
        .map(|m| filled(&m.contact))
        .chain(rounds.map(|r| filled(&r.surveyor)))
        .chain(households.map(|h| filled(&h.surveyor) + filled(&h.head_name) + filled(&h.phone)))
        .sum()
}

/// [`strip_personal_data`] for a summary: each version also names, in `meta.left_out`, the
/// fields whose values it no longer carries, so that an office holding them keeps them
/// (docs/sync.md, "Summaries without personal data"). Returns how many values were removed.
pub fn leave_out_personal_data(ds: &mut Dataset) -> usize {
    fn mark(meta: &mut crate::domain::meta::RecordMeta, held: Vec<&'static str>) {
        meta.left_out.extend(held.into_iter().map(String::from));
        meta.left_out.sort_unstable();
        meta.left_out.dedup();
    }
    for c in ds.committees.iter_mut().chain(&mut ds.conflicts.committees) {
        let held = held_fields(&AnyRecord::Committee(c.clone()));
        mark(&mut c.meta, held);
    }
    for r in ds
        .survey_rounds
        .iter_mut()
        .chain(&mut ds.conflicts.survey_rounds)
    {
        let held = held_fields(&AnyRecord::SurveyRound(r.clone()));
        mark(&mut r.meta, held);
    }
    for h in ds.households.iter_mut().chain(&mut ds.conflicts.households) {
        let held = held_fields(&AnyRecord::Household(h.clone()));
        mark(&mut h.meta, held);
    }
    strip_personal_data(ds)
}

/// The personal fields of `record` that hold a value (a committee's when any member has a
/// contact); none for a deletion or a kind without personal data.
pub fn held_fields(record: &AnyRecord) -> Vec<&'static str> {
    PERSONAL_FIELDS
        .iter()
        .filter(|f| f.kind == record.kind() && !record.meta().deleted)
        .filter(|f| personal_value(record, f.field).is_some_and(|v| !v.is_empty()))
        .map(|f| f.field)
        .collect()
}

/// One personal field's value (committee contacts joined by a line break), `None` for a
/// field the kind does not have.
pub fn personal_value(record: &AnyRecord, field: &str) -> Option<String> {
    match (record, field) {
        (AnyRecord::Committee(c), "members[].contact") => Some(
            c.members
                .iter()
                .map(|m| m.contact.as_str())
                .collect::<Vec<_>>()
                .join("\n")
                .trim()
                .to_string(),
        ),
        (AnyRecord::SurveyRound(r), "surveyor") => Some(r.surveyor.clone()),
        (AnyRecord::Household(h), "surveyor") => Some(h.surveyor.clone()),
        (AnyRecord::Household(h), "head_name") => Some(h.head_name.clone()),
        (AnyRecord::Household(h), "phone") => Some(h.phone.clone()),
        _ => None,
    }
}

/// Copies one personal field from `source` into `target` (versions of one record). A
/// committee's contacts go member by member, matched by name: the summary's side may have
/// added or reordered members.
pub fn copy_personal(target: &mut AnyRecord, source: &AnyRecord, field: &str) {
    match (target, source, field) {
        (AnyRecord::Committee(t), AnyRecord::Committee(s), "members[].contact") => {
            for m in t.members.iter_mut().filter(|m| m.contact.is_empty()) {
                if let Some(held) = s.members.iter().find(|o| o.name == m.name) {
                    m.contact = held.contact.clone();
                }
            }
        }
        (AnyRecord::SurveyRound(t), AnyRecord::SurveyRound(s), "surveyor") => {
            t.surveyor = s.surveyor.clone()
        }
        (AnyRecord::Household(t), AnyRecord::Household(s), f) => match f {
            "surveyor" => t.surveyor = s.surveyor.clone(),
            "head_name" => t.head_name = s.head_name.clone(),
            "phone" => t.phone = s.phone.clone(),
            _ => {}
        },
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::meta::{stable_id, RecordMeta};
    use crate::domain::records::survey::{Community, Household, SurveyRound};
    use crate::domain::records::{Committee, CommitteeMember, MemberRole, Sector};

    fn dataset() -> Dataset {
        let mut ds = Dataset::default();
        let city = stable_id("city:test");
        let community = Community::new(RecordMeta::shipped("community:1"), city, "ชุมชนทดสอบ");
        let mut h = Household::new(RecordMeta::shipped("household:1"), community.meta.id, "1");
        h.head_name = "นางสมมติ ทดสอบ".into();
        h.phone = "0812345678".into();
        h.surveyor = "นายสำรวจ".into();
        h.members = 4;
        let mut conflict = h.clone();
        conflict.phone = "0899999999".into();
        ds.conflicts.households.push(conflict);
        ds.households.push(h);
        ds.survey_rounds.push(SurveyRound {
            meta: RecordMeta::shipped("round:1"),
            city_id: city,
            title: "รอบที่ 1".into(),
            date: None,
            closed_on: None,
            surveyor: "นางนำสำรวจ".into(),
            notes: String::new(),
        });
        ds.committees.push(Committee {
            meta: RecordMeta::shipped("committee:1"),
            city_id: city,
            name: "คณะกรรมการ".into(),
            members: vec![CommitteeMember {
                name: "ประธาน".into(),
                sector: Sector::Community,
                role: MemberRole::Chair,
                contact: "line:chair".into(),
            }],
        });
        ds.communities.push(community);
        ds
    }

    #[test]
    fn a_summary_keeps_counts_and_drops_names_and_phones() {
        let mut ds = dataset();
        let before = ds.clone();
        // Three in the household and three in its conflict version, the round's surveyor and
        // the committee member's contact.
        assert_eq!(strip_personal_data(&mut ds), 8);
        let h = &ds.households[0];
        assert_eq!((h.head_name.as_str(), h.phone.as_str()), ("", ""));
        assert_eq!(h.surveyor, "");
        assert_eq!(ds.conflicts.households[0].phone, "");
        assert_eq!(ds.survey_rounds[0].surveyor, "");
        assert_eq!(ds.committees[0].members[0].contact, "");
        // What is not personal stays as it was.
        assert_eq!(h.members, 4);
        assert_eq!(h.house_number, "1");
        assert_eq!(h.meta, before.households[0].meta);
        assert_eq!(ds.committees[0].members[0].name, "ประธาน");
        assert_eq!(ds.communities, before.communities);
        // Nothing personal is left anywhere in the text written.
        let text = serde_json::to_string(&ds).unwrap();
        for value in [
            "นางสมมติ",
            "0812345678",
            "0899999999",
            "line:chair",
            "นายสำรวจ",
        ] {
            assert!(!text.contains(value), "{value} left in {text}");
        }
        assert_eq!(strip_personal_data(&mut ds), 0);
    }

    #[test]
    fn the_list_names_every_personal_field_of_a_household() {
        let fields: Vec<&str> = PERSONAL_FIELDS
            .iter()
            .filter(|f| f.kind == RecordKind::Household)
            .map(|f| f.field)
            .collect();
        assert_eq!(fields, ["surveyor", "head_name", "phone"]);
    }
}
