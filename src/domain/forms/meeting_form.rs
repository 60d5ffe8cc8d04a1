//! The meeting form: which committee, when and where, how many came from each sector, the
//! problems raised (a category and what was said) and the decisions.
//!
//! Attendance has one line per [`Sector`] (in `Sector::ALL` order): a blank count means
//! "not recorded" and is left out of the record, so a secretary fills only the sectors
//! that came.

use serde::{Deserialize, Serialize};

use crate::domain::meta::{RecordId, RecordMeta};
use crate::domain::records::{Attendance, Category, Meeting, ProblemRaised, Sector};
use crate::domain::thai_digits::to_ascii_digits;

use super::committee_form::{id_text, read_id};
use super::form::{date_text, enum_from_key, enum_key, Reader, RecordForm};

/// The most people one sector can bring to one meeting; more is a typo.
const MAX_COUNT: u64 = 100_000;

/// How many came from one sector, as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct AttendanceLine {
    /// [`Sector`]'s key.
    pub sector: String,
    pub count: String,
}

/// One problem raised, as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ProblemLine {
    /// [`Category`]'s key, "" until chosen.
    pub category: String,
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct MeetingForm {
    /// The committee's id, "" until chosen.
    pub committee_id: String,
    pub date: String,
    pub place: String,
    /// One line per sector, in `Sector::ALL` order.
    pub attendance: Vec<AttendanceLine>,
    pub problems: Vec<ProblemLine>,
    pub decisions: String,
    /// The files attached, as the record will hold them (added and removed by the
    /// attachments panel; missing from drafts kept before attachments existed).
    #[serde(default)]
    pub attachments: Vec<crate::domain::records::Attachment>,
}

/// A meeting not yet typed in, of `committee` (nil when not chosen).
pub fn new_meeting(meta: RecordMeta, committee: RecordId) -> Meeting {
    Meeting::new(meta, committee)
}

impl MeetingForm {
    /// Everyone counted so far (unreadable counts left out), for the total under the table.
    pub fn attendance_total(&self) -> u64 {
        self.attendance
            .iter()
            .filter_map(|a| {
                to_ascii_digits(a.count.trim())
                    .replace(',', "")
                    .parse::<u64>()
                    .ok()
            })
            .sum()
    }
}

impl RecordForm for MeetingForm {
    type Record = Meeting;

    fn from_record(m: &Meeting) -> MeetingForm {
        let count_of = |s: Sector| {
            m.attendance
                .iter()
                .filter(|a| a.sector == s)
                .map(|a| u64::from(a.count))
                .reduce(|a, b| a + b)
                .map(|n| n.to_string())
                .unwrap_or_default()
        };
        MeetingForm {
            committee_id: id_text(m.committee_id),
            date: date_text(m.date),
            place: m.place.clone(),
            attendance: Sector::ALL
                .iter()
                .map(|s| AttendanceLine {
                    sector: enum_key(s),
                    count: count_of(*s),
                })
                .collect(),
            problems: m
                .problems
                .iter()
                .map(|p| ProblemLine {
                    category: enum_key(&p.category),
                    description: p.description.clone(),
                })
                .collect(),
            decisions: m.decisions.clone(),
            attachments: m.attachments.clone(),
        }
    }

    fn read(&self, base: &Meeting, m: &mut Meeting, r: &mut Reader) {
        m.attachments = self.attachments.clone();
        m.committee_id = read_id(
            r,
            "committee_id",
            &self.committee_id,
            base.committee_id,
            "กรุณาเลือกคณะกรรมการเมือง",
            "Please choose the committee.",
        );
        m.date = r.date("date", &self.date, base.date);
        m.place = self.place.trim().to_owned();
        m.attendance = self
            .attendance
            .iter()
            .enumerate()
            .filter(|(_, a)| !a.count.trim().is_empty())
            .filter_map(|(i, a)| {
                let sector = enum_from_key::<Sector>(&a.sector)?;
                let old = base
                    .attendance
                    .iter()
                    .find(|o| o.sector == sector)
                    .map_or(0, |o| u64::from(o.count));
                let n = r.whole(
                    &format!("attendance[{i}].count"),
                    &a.count,
                    0,
                    MAX_COUNT,
                    old,
                );
                Some(Attendance {
                    sector,
                    count: u32::try_from(n).unwrap_or(u32::MAX),
                })
            })
            .collect();
        m.problems = self
            .problems
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let old = base.problems.get(i).map_or(Category::Other, |o| o.category);
                ProblemRaised {
                    category: r.line_choice(("problems", i, "category"), &p.category, old),
                    description: p.description.trim().to_owned(),
                }
            })
            .collect();
        m.decisions = self.decisions.trim().to_owned();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use uuid::Uuid;

    #[test]
    fn a_meeting_round_trips_through_its_form() {
        let mut m = Meeting::new(RecordMeta::test(9), Uuid::from_u128(3));
        m.date = NaiveDate::from_ymd_opt(2018, 1, 20);
        m.place = "ศาลาชุมชน".into();
        m.attendance = vec![
            Attendance {
                sector: Sector::Community,
                count: 45,
            },
            Attendance {
                sector: Sector::PublicHealth,
                count: 3,
            },
        ];
        m.problems = vec![ProblemRaised {
            category: Category::Housing,
            description: "บ้านทรุด".into(),
        }];
        m.decisions = "ส่งข้อเสนอ 3 โครงการ".into();
        let form = MeetingForm::from_record(&m);
        assert_eq!(form.attendance.len(), Sector::ALL.len());
        assert_eq!(form.attendance_total(), 48);
        let built = form.build(&m);
        assert!(built.is_complete(), "{:?}", built.errors);
        assert_eq!(built.record, m);
    }

    #[test]
    fn counts_and_choices_are_read_or_reported() {
        let base = Meeting::new(RecordMeta::test(9), Uuid::from_u128(3));
        let mut form = MeetingForm::from_record(&base);
        form.date = "20.1.2561".into();
        form.attendance[0].count = "๔๕".into();
        form.attendance[1].count = "สิบ".into();
        form.problems.push(ProblemLine {
            category: String::new(),
            description: "น้ำท่วม".into(),
        });
        let built = form.build(&base);
        let fields: Vec<&str> = built.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, vec!["attendance[1].count", "problems[0].category"]);
        assert_eq!(built.record.date, NaiveDate::from_ymd_opt(2018, 1, 20));
        assert_eq!(
            built.record.attendance[0],
            Attendance {
                sector: Sector::Community,
                count: 45
            }
        );
        assert_eq!(form.attendance_total(), 45);
    }
}
