//! The MOU form: title, date, place, the cities it covers, the signatories (name, role,
//! the city signed for, position) and the witness.
//!
//! Lines keep their index while building (`city_ids[n]`, `signatories[n].name` in findings
//! mark line `n`). [`MouForm::add_standard_signatories`] adds the lines the programme's
//! MOUs have: one working-group representative and CODI, and for every covered city its
//! representative, its local government's representative and its project chair.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::domain::meta::RecordId;
use crate::domain::records::{Mou, Signatory, SignatoryRole, Witness};

use super::committee_form::id_text;
use super::form::{date_text, enum_key, FieldError, Reader, RecordForm};

/// One signatory, as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SignatoryLine {
    pub name: String,
    /// [`SignatoryRole`]'s key, "" until chosen.
    pub role: String,
    /// The city signed for, "" for none (the working group, CODI).
    pub city_id: String,
    pub position: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct MouForm {
    pub title: String,
    pub date: String,
    pub place: String,
    /// Ids of the covered cities.
    pub city_ids: Vec<String>,
    pub signatories: Vec<SignatoryLine>,
    pub witness_name: String,
    pub witness_position: String,
    /// The files attached, as the record will hold them (added and removed by the
    /// attachments panel; missing from drafts kept before attachments existed).
    #[serde(default)]
    pub attachments: Vec<crate::domain::records::Attachment>,
}

/// Roles signed once per MOU rather than once per city.
fn once_per_mou(role: SignatoryRole) -> bool {
    matches!(
        role,
        SignatoryRole::WorkingGroupRepresentative | SignatoryRole::Codi
    )
}

impl MouForm {
    /// Adds a covered city (once).
    pub fn add_city(&mut self, id: RecordId) {
        let key = id.to_string();
        if !id.is_nil() && !self.city_ids.contains(&key) {
            self.city_ids.push(key);
        }
    }

    /// Adds the signatory lines the programme's MOUs have and the form still lacks, with
    /// names left to type: the working group's representative and CODI once, and each
    /// covered city's representative, local government representative and project chair.
    /// Returns how many lines were added.
    pub fn add_standard_signatories(&mut self) -> usize {
        let has = |lines: &[SignatoryLine], role: SignatoryRole, city: &str| {
            let key = enum_key(&role);
            lines
                .iter()
                .any(|l| l.role == key && (once_per_mou(role) || l.city_id == city))
        };
        let before = self.signatories.len();
        let mut wanted: Vec<(SignatoryRole, String)> =
            vec![(SignatoryRole::WorkingGroupRepresentative, String::new())];
        for city in &self.city_ids {
            for role in [
                SignatoryRole::CityRepresentative,
                SignatoryRole::LocalGovernmentRepresentative,
                SignatoryRole::ProjectChair,
            ] {
                wanted.push((role, city.clone()));
            }
        }
        wanted.push((SignatoryRole::Codi, String::new()));
        for (role, city) in wanted {
            if !has(&self.signatories, role, &city) {
                self.signatories.push(SignatoryLine {
                    name: String::new(),
                    role: enum_key(&role),
                    city_id: city,
                    position: String::new(),
                });
            }
        }
        self.signatories.len() - before
    }
}

impl RecordForm for MouForm {
    type Record = Mou;

    fn from_record(m: &Mou) -> MouForm {
        MouForm {
            title: m.title.clone(),
            date: date_text(m.date),
            place: m.place.clone(),
            city_ids: m.city_ids.iter().map(|id| id.to_string()).collect(),
            signatories: m
                .signatories
                .iter()
                .map(|s| SignatoryLine {
                    name: s.name.clone(),
                    role: enum_key(&s.role),
                    city_id: s.city_id.map(id_text).unwrap_or_default(),
                    position: s.position.clone(),
                })
                .collect(),
            witness_name: m
                .witness
                .as_ref()
                .map(|w| w.name.clone())
                .unwrap_or_default(),
            witness_position: m
                .witness
                .as_ref()
                .map(|w| w.position.clone())
                .unwrap_or_default(),
            attachments: m.attachments.clone(),
        }
    }

    fn read(&self, base: &Mou, m: &mut Mou, r: &mut Reader) {
        m.attachments = self.attachments.clone();
        m.title = self.title.trim().to_owned();
        m.date = r.date("date", &self.date, base.date);
        m.place = self.place.trim().to_owned();
        m.city_ids = self
            .city_ids
            .iter()
            .enumerate()
            .map(|(i, raw)| match Uuid::parse_str(raw.trim()) {
                Ok(id) => id,
                Err(_) => {
                    r.errors.push(FieldError::new(
                        &format!("city_ids[{i}]"),
                        "กรุณาเลือกเมือง",
                        "Please choose the city.",
                    ));
                    base.city_ids.get(i).copied().unwrap_or_default()
                }
            })
            .collect();
        m.signatories = self
            .signatories
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let old = base.signatories.get(i);
                Signatory {
                    name: s.name.trim().to_owned(),
                    role: r.line_choice(
                        ("signatories", i, "role"),
                        &s.role,
                        old.map_or(SignatoryRole::CityRepresentative, |o| o.role),
                    ),
                    city_id: Uuid::parse_str(s.city_id.trim())
                        .ok()
                        .filter(|id| !id.is_nil()),
                    position: s.position.trim().to_owned(),
                }
            })
            .collect();
        let (name, position) = (self.witness_name.trim(), self.witness_position.trim());
        m.witness = (!name.is_empty() || !position.is_empty()).then(|| Witness {
            name: name.to_owned(),
            position: position.to_owned(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::example::north_2561;
    use crate::domain::forms::form::assert_round_trips;

    #[test]
    fn the_example_mou_round_trips_through_its_form() {
        assert_round_trips::<MouForm>(&north_2561().records);
    }

    #[test]
    fn standard_signatories_are_added_once() {
        let ds = north_2561().records;
        let mou = Mou::new(ds.mous[0].meta.clone(), vec![ds.cities[0].meta.id]);
        let mut form = MouForm::from_record(&mou);
        assert_eq!(form.add_standard_signatories(), 5);
        assert_eq!(form.add_standard_signatories(), 0);
        form.add_city(ds.cities[1].meta.id);
        form.add_city(ds.cities[1].meta.id);
        assert_eq!(form.city_ids.len(), 2);
        assert_eq!(form.add_standard_signatories(), 3);
        let built = form.build(&mou);
        assert!(built.is_complete());
        let per_city = built
            .record
            .signatories
            .iter()
            .filter(|s| s.city_id == Some(ds.cities[1].meta.id))
            .count();
        assert_eq!(per_city, 3);
        assert_eq!(
            built.record.signatories[0].role,
            SignatoryRole::WorkingGroupRepresentative
        );
        assert_eq!(built.record.signatories[0].city_id, None);
    }

    #[test]
    fn witness_only_when_typed_and_bad_role_reported() {
        let ds = north_2561().records;
        let mou = Mou::new(ds.mous[0].meta.clone(), vec![]);
        let mut form = MouForm::from_record(&mou);
        form.witness_name = "  ".into();
        form.signatories.push(SignatoryLine {
            name: "นาย ก".into(),
            ..SignatoryLine::default()
        });
        form.date = "3 ก.พ. 61".into();
        let built = form.build(&mou);
        assert_eq!(built.record.witness, None);
        assert_eq!(built.errors.len(), 1);
        assert_eq!(built.errors[0].field, "signatories[0].role");
        assert_eq!(
            built.record.date,
            chrono::NaiveDate::from_ymd_opt(2018, 2, 3)
        );
    }
}
