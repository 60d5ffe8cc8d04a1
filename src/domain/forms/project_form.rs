//! The project form: the proposal, its amounts, co-funding lines, the dated status
//! history, progress and the completion report.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::meta::RecordId;
use crate::domain::money::Baht;
use crate::domain::records::survey::ranges::MAX_COMMUNITY_HOUSEHOLDS;
use crate::domain::records::{CoFunding, Project, ProjectStatus, StatusChange};

use super::committee_form::read_city;
use super::form::{date_text, enum_from_key, enum_key, money_text, FieldError, Reader, RecordForm};

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CoFundingLine {
    pub source: String,
    pub amount: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct StatusLine {
    /// [`ProjectStatus`]'s key.
    pub status: String,
    /// As typed, e.g. "3 ก.พ. 2561".
    pub date: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ProjectForm {
    pub city_id: String,
    /// BE year, e.g. "2561".
    pub fiscal_year: String,
    pub proposer: String,
    /// [`Category`]'s key, "" until chosen.
    pub category: String,
    pub title: String,
    pub description: String,
    pub amount_requested: String,
    pub amount_approved: String,
    pub co_funding: Vec<CoFundingLine>,
    /// Oldest first, like the record's history.
    pub status_history: Vec<StatusLine>,
    pub progress_percent: String,
    pub completion_report: String,
    /// The files attached, as the record will hold them (added and removed by the
    /// attachments panel; missing from drafts kept before attachments existed).
    #[serde(default)]
    pub attachments: Vec<crate::domain::records::Attachment>,
    /// Ids of the communities the project serves, as the chooser ticks them (a draft
    /// saved before v4 has none).
    #[serde(default)]
    pub community_ids: Vec<String>,
    #[serde(default)]
    pub households_reached: String,
}

impl ProjectForm {
    /// The status the form's history ends in.
    pub fn status(&self) -> ProjectStatus {
        self.status_history
            .last()
            .and_then(|s| enum_from_key(&s.status))
            .unwrap_or(ProjectStatus::Proposed)
    }

    /// The steps that may follow the current status (the pipeline's buttons).
    pub fn next_statuses(&self) -> Vec<ProjectStatus> {
        let now = self.status();
        ProjectStatus::ALL
            .into_iter()
            .filter(|s| s.can_follow(now))
            .collect()
    }

    /// Adds a dated step to the history. A history always starts with the proposal
    /// (`project.status_order`): the first step after an empty history brings a
    /// "proposed" step of the same date with it (a committee may decide on a proposal at
    /// the meeting where it is made); the date can be corrected in the history.
    pub fn push_status(&mut self, status: ProjectStatus, date: NaiveDate) {
        if self.status_history.is_empty() && status != ProjectStatus::Proposed {
            self.status_history.push(StatusLine {
                status: enum_key(&ProjectStatus::Proposed),
                date: date_text(Some(date)),
            });
        }
        self.status_history.push(StatusLine {
            status: enum_key(&status),
            date: date_text(Some(date)),
        });
    }
}

impl RecordForm for ProjectForm {
    type Record = Project;

    fn from_record(p: &Project) -> ProjectForm {
        let fresh = p.title.is_empty() && p.proposer.is_empty() && p.amount_requested.is_none();
        ProjectForm {
            city_id: if p.city_id.is_nil() {
                String::new()
            } else {
                p.city_id.to_string()
            },
            fiscal_year: p.fiscal_year.0.to_string(),
            proposer: p.proposer.clone(),
            category: if fresh {
                String::new()
            } else {
                enum_key(&p.category)
            },
            title: p.title.clone(),
            description: p.description.clone(),
            amount_requested: money_text(p.amount_requested),
            amount_approved: money_text(p.amount_approved),
            co_funding: p
                .co_funding
                .iter()
                .map(|c| CoFundingLine {
                    source: c.source.clone(),
                    amount: money_text(Some(c.amount)),
                })
                .collect(),
            status_history: p
                .status_history
                .iter()
                .map(|s| StatusLine {
                    status: enum_key(&s.status),
                    date: date_text(Some(s.date)),
                })
                .collect(),
            progress_percent: p.progress_percent.to_string(),
            completion_report: p.completion_report.clone(),
            attachments: p.attachments.clone(),
            community_ids: p.community_ids.iter().map(|c| c.to_string()).collect(),
            households_reached: p
                .households_reached
                .map(|n| n.to_string())
                .unwrap_or_default(),
        }
    }

    fn read(&self, base: &Project, p: &mut Project, r: &mut Reader) {
        p.attachments = self.attachments.clone();
        p.city_id = read_city(r, &self.city_id, base.city_id);
        p.fiscal_year = r.fiscal_year("fiscal_year", &self.fiscal_year, base.fiscal_year);
        p.proposer = self.proposer.trim().to_owned();
        p.category = r.choice("category", enum_from_key(&self.category), base.category);
        p.title = self.title.trim().to_owned();
        p.description = self.description.trim().to_owned();
        p.amount_requested = r.money(
            "amount_requested",
            &self.amount_requested,
            base.amount_requested,
        );
        p.amount_approved = r.money(
            "amount_approved",
            &self.amount_approved,
            base.amount_approved,
        );
        p.co_funding = self
            .co_funding
            .iter()
            .enumerate()
            .filter(|(_, c)| !(c.source.trim().is_empty() && c.amount.trim().is_empty()))
            .map(|(i, c)| CoFunding {
                source: c.source.trim().to_owned(),
                amount: r.money_required(
                    &format!("co_funding[{i}].amount"),
                    &c.amount,
                    base.co_funding.get(i).map_or(Baht::ZERO, |o| o.amount),
                ),
            })
            .collect();
        p.status_history = self
            .status_history
            .iter()
            .enumerate()
            .filter_map(|(i, s)| {
                let status = enum_from_key::<ProjectStatus>(&s.status)?;
                let old = base.status_history.get(i).map(|o| o.date);
                let field = format!("status_history[{i}].date");
                let date = if s.date.trim().is_empty() {
                    r.errors.push(FieldError::missing(
                        &field,
                        "กรุณากรอกวันที่",
                        "Enter the date.",
                    ));
                    old
                } else {
                    r.date(&field, &s.date, old)
                };
                date.map(|date| StatusChange { status, date })
            })
            .collect();
        p.progress_percent = r.whole(
            "progress_percent",
            if self.progress_percent.trim().is_empty() {
                "0"
            } else {
                &self.progress_percent
            },
            0,
            100,
            u64::from(base.progress_percent),
        ) as u8;
        p.completion_report = self.completion_report.trim().to_owned();
        // The chooser only offers ids; anything else (a hand-edited draft) keeps the old list.
        let ids: Option<Vec<RecordId>> =
            self.community_ids.iter().map(|s| s.parse().ok()).collect();
        p.community_ids = ids.unwrap_or_else(|| base.community_ids.clone());
        p.community_ids.dedup();
        p.households_reached = (!self.households_reached.trim().is_empty()).then(|| {
            let old = u64::from(base.households_reached.unwrap_or(0));
            let n = r.whole(
                "households_reached",
                &self.households_reached,
                0,
                MAX_COMMUNITY_HOUSEHOLDS,
                old,
            );
            u32::try_from(n).unwrap_or(u32::MAX)
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dates::FiscalYear;
    use crate::domain::example::north_2561;
    use crate::domain::records::Category;
    use uuid::Uuid;

    fn stored() -> Project {
        let ds = north_2561().records;
        let mut p = Project::new(
            ds.cities[0].meta.clone(),
            ds.cities[0].meta.id,
            FiscalYear(2561),
        );
        p.title = "ซ่อมบ้าน".into();
        p.proposer = "ชุมชนริมน้ำ".into();
        p.category = Category::Housing;
        p.amount_requested = Some(Baht::whole(60_000));
        p.amount_approved = Some(Baht::from_satang(5_000_050));
        p.co_funding = vec![CoFunding {
            source: "เทศบาล".into(),
            amount: Baht::whole(5_000),
        }];
        p.status_history = vec![StatusChange {
            status: ProjectStatus::Approved,
            date: NaiveDate::from_ymd_opt(2018, 2, 3).unwrap(),
        }];
        p.progress_percent = 40;
        p
    }

    #[test]
    fn a_stored_project_round_trips() {
        let p = stored();
        let form = ProjectForm::from_record(&p);
        assert_eq!(form.amount_approved, "50,000.50");
        assert_eq!(form.status_history[0].date, "3 ก.พ. 2561");
        let built = form.build(&p);
        assert!(built.is_complete(), "{:?}", built.errors);
        assert_eq!(built.record, p);
    }

    #[test]
    fn unreadable_fields_keep_the_stored_value_and_are_named() {
        let p = stored();
        let mut form = ProjectForm::from_record(&p);
        form.amount_approved = "5O,000".into();
        form.status_history[0].date = "31 ก.พ. 2561".into();
        form.progress_percent = "150".into();
        form.co_funding.push(CoFundingLine {
            source: "พมจ.".into(),
            amount: "".into(),
        });
        let built = form.build(&p);
        let fields: Vec<&str> = built.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            vec![
                "amount_approved",
                "co_funding[1].amount",
                "status_history[0].date",
                "progress_percent"
            ]
        );
        assert_eq!(built.record.amount_approved, p.amount_approved);
        assert_eq!(built.record.status_history, p.status_history);
        assert_eq!(built.record.progress_percent, 40);
    }

    #[test]
    fn pipeline_steps() {
        let mut form =
            ProjectForm::from_record(&Project::new(stored().meta, Uuid::nil(), FiscalYear(2561)));
        assert_eq!(form.category, "");
        assert_eq!(form.city_id, "");
        assert_eq!(form.status(), ProjectStatus::Proposed);
        assert_eq!(
            form.next_statuses(),
            vec![
                ProjectStatus::UnderReview,
                ProjectStatus::Approved,
                ProjectStatus::Rejected
            ]
        );
        form.push_status(
            ProjectStatus::UnderReview,
            NaiveDate::from_ymd_opt(2018, 2, 3).unwrap(),
        );
        assert_eq!(form.status(), ProjectStatus::UnderReview);
        assert_eq!(
            form.status_history.len(),
            2,
            "the proposal is dated with the first step"
        );
        assert_eq!(form.status_history[0].status, "proposed");
        assert_eq!(form.status_history[0].date, "3 ก.พ. 2561");
        assert_eq!(
            form.next_statuses(),
            vec![ProjectStatus::Approved, ProjectStatus::Rejected]
        );
        form.push_status(
            ProjectStatus::Approved,
            NaiveDate::from_ymd_opt(2018, 2, 4).unwrap(),
        );
        assert_eq!(form.next_statuses(), vec![ProjectStatus::InProgress]);
    }

    #[test]
    fn communities_served_and_households_reached_round_trip() {
        let mut p = stored();
        let a = Uuid::from_u128(7);
        p.community_ids = vec![a];
        p.households_reached = Some(40);
        let mut f = ProjectForm::from_record(&p);
        assert_eq!(f.community_ids, vec![a.to_string()]);
        assert_eq!(f.households_reached, "40");
        assert_eq!(f.build(&p).record, p);
        f.households_reached = "๔๕".into();
        f.community_ids.push(Uuid::from_u128(8).to_string());
        let built = f.build(&p);
        assert!(built.errors.is_empty());
        assert_eq!(built.record.households_reached, Some(45));
        assert_eq!(built.record.community_ids.len(), 2);
        f.households_reached = "many".into();
        let bad = f.build(&p);
        assert!(bad.errors.iter().any(|e| e.field == "households_reached"));
        assert_eq!(
            bad.record.households_reached,
            Some(40),
            "the stored number stays"
        );
        f.households_reached = " ".into();
        assert_eq!(f.build(&p).record.households_reached, None);
    }
}
