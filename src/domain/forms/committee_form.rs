//! The committee form: the city, the committee's name and its members (name, sector,
//! role, contact), one line per member.
//!
//! Member lines are never dropped or reordered while building, so line `n` of the form is
//! `members[n]` of the record and a finding on `members[2].name` marks the third line.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::domain::meta::RecordId;
use crate::domain::records::{Committee, CommitteeMember, MemberRole, Sector};

use super::form::{enum_key, FieldError, Reader, RecordForm};

/// The roles in the order a committee lists them.
pub const MEMBER_ROLES: [MemberRole; 3] =
    [MemberRole::Chair, MemberRole::Secretary, MemberRole::Member];

/// One member, as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct MemberLine {
    pub name: String,
    /// [`Sector`]'s key, "" until chosen.
    pub sector: String,
    /// [`MemberRole`]'s key.
    pub role: String,
    pub contact: String,
}

impl MemberLine {
    /// A new line: an ordinary member, sector still to choose.
    pub fn blank() -> MemberLine {
        MemberLine {
            role: enum_key(&MemberRole::Member),
            ..MemberLine::default()
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CommitteeForm {
    /// The city's id, "" until chosen.
    pub city_id: String,
    pub name: String,
    pub members: Vec<MemberLine>,
}

/// Reads a chosen record id. Nothing chosen yet is "missing" (said only once the person
/// tries to save); anything else unreadable is said at once.
/// The record's city (field `city_id`): one wording for every form that chooses a city.
pub(crate) fn read_city(r: &mut Reader, raw: &str, fallback: RecordId) -> RecordId {
    read_id(
        r,
        "city_id",
        raw,
        fallback,
        "กรุณาเลือกเมือง",
        "Please choose the city.",
    )
}

pub(crate) fn read_id(
    r: &mut Reader,
    field: &str,
    raw: &str,
    fallback: RecordId,
    th: &str,
    en: &str,
) -> RecordId {
    match Uuid::parse_str(raw.trim()) {
        Ok(id) => id,
        Err(_) if raw.trim().is_empty() => {
            r.errors.push(FieldError::missing(field, th, en));
            fallback
        }
        Err(_) => {
            r.errors.push(FieldError::new(field, th, en));
            fallback
        }
    }
}

/// An id as a form holds it: "" for nil (not chosen).
pub(crate) fn id_text(id: RecordId) -> String {
    if id.is_nil() {
        String::new()
    } else {
        id.to_string()
    }
}

impl RecordForm for CommitteeForm {
    type Record = Committee;

    fn from_record(c: &Committee) -> CommitteeForm {
        CommitteeForm {
            city_id: id_text(c.city_id),
            name: c.name.clone(),
            members: c
                .members
                .iter()
                .map(|m| MemberLine {
                    name: m.name.clone(),
                    sector: enum_key(&m.sector),
                    role: enum_key(&m.role),
                    contact: m.contact.clone(),
                })
                .collect(),
        }
    }

    fn read(&self, base: &Committee, c: &mut Committee, r: &mut Reader) {
        c.city_id = read_city(r, &self.city_id, base.city_id);
        c.name = self.name.trim().to_owned();
        c.members = self
            .members
            .iter()
            .enumerate()
            .map(|(i, m)| {
                let old = base.members.get(i);
                CommitteeMember {
                    name: m.name.trim().to_owned(),
                    sector: r.line_choice(
                        ("members", i, "sector"),
                        &m.sector,
                        old.map_or(Sector::Other, |o| o.sector),
                    ),
                    role: r.line_choice(
                        ("members", i, "role"),
                        &m.role,
                        old.map_or(MemberRole::Member, |o| o.role),
                    ),
                    contact: m.contact.trim().to_owned(),
                }
            })
            .collect();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::meta::RecordMeta;

    #[test]
    fn a_committee_round_trips_through_its_form() {
        let mut c = Committee::new(RecordMeta::test(7), Uuid::from_u128(1));
        c.name = "คณะกรรมการเมืองแม่สอด".into();
        c.members = vec![
            CommitteeMember {
                name: "นายหนึ่ง".into(),
                sector: Sector::Community,
                role: MemberRole::Chair,
                contact: "081".into(),
            },
            CommitteeMember {
                name: "นางสอง".into(),
                sector: Sector::PublicHealth,
                role: MemberRole::Member,
                contact: String::new(),
            },
        ];
        let built = CommitteeForm::from_record(&c).build(&c);
        assert!(built.is_complete(), "{:?}", built.errors);
        assert_eq!(built.record, c);
    }

    #[test]
    fn lines_keep_their_index_and_say_what_is_missing() {
        let base = Committee::new(RecordMeta::test(7), Uuid::nil());
        let mut form = CommitteeForm::from_record(&base);
        assert_eq!(form.city_id, "");
        form.members.push(MemberLine::blank());
        form.members.push(MemberLine {
            name: " นายสาม ".into(),
            sector: "education".into(),
            ..MemberLine::blank()
        });
        let built = form.build(&base);
        let fields: Vec<&str> = built.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, vec!["city_id", "members[0].sector"]);
        assert_eq!(built.record.members.len(), 2);
        assert_eq!(built.record.members[0].name, "");
        assert_eq!(built.record.members[1].name, "นายสาม");
        assert_eq!(built.record.members[1].sector, Sector::Education);
        assert_eq!(built.record.members[1].role, MemberRole::Member);
    }
}
