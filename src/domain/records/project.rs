//! Community project proposals (ข้อเสนอโครงการ) and their life from proposal to completion.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::dates::FiscalYear;
use crate::domain::meta::{RecordId, RecordMeta};
use crate::domain::money::Baht;
use crate::domain::records::committee::Category;

/// Where a project stands. Projects come from what communities propose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ProjectStatus {
    /// เสนอโครงการ
    Proposed,
    /// อยู่ระหว่างพิจารณา
    UnderReview,
    /// อนุมัติ
    Approved,
    /// ไม่อนุมัติ
    Rejected,
    /// ดำเนินการ
    InProgress,
    /// เสร็จสิ้น
    Completed,
}

impl ProjectStatus {
    pub const ALL: [ProjectStatus; 6] = [
        ProjectStatus::Proposed,
        ProjectStatus::UnderReview,
        ProjectStatus::Approved,
        ProjectStatus::Rejected,
        ProjectStatus::InProgress,
        ProjectStatus::Completed,
    ];

    /// The pipeline: proposed → under review → approved | rejected → in progress → completed.
    /// Review may be skipped (a committee can approve at the meeting where a proposal is made).
    pub fn can_follow(self, previous: ProjectStatus) -> bool {
        use ProjectStatus::*;
        matches!(
            (previous, self),
            (Proposed, UnderReview)
                | (Proposed, Approved)
                | (Proposed, Rejected)
                | (UnderReview, Approved)
                | (UnderReview, Rejected)
                | (Approved, InProgress)
                | (InProgress, Completed)
        )
    }

    /// Whether the project's approved amount counts against the city's money.
    pub fn commits_money(self) -> bool {
        matches!(
            self,
            ProjectStatus::Approved | ProjectStatus::InProgress | ProjectStatus::Completed
        )
    }
}

/// One dated step in a project's status history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StatusChange {
    pub status: ProjectStatus,
    #[serde(deserialize_with = "crate::domain::fast_de::date")]
    pub date: NaiveDate,
}

/// Money another agency put in beside the programme's (ต่อยอด).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CoFunding {
    #[serde(deserialize_with = "crate::domain::fast_de::line")]
    pub source: String,
    pub amount: Baht,
}

/// A community project proposal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Project {
    pub meta: RecordMeta,
    pub city_id: RecordId,
    pub fiscal_year: FiscalYear,
    /// The community or network that proposed it.
    #[serde(deserialize_with = "crate::domain::fast_de::line")]
    pub proposer: String,
    pub category: Category,
    #[serde(deserialize_with = "crate::domain::fast_de::line")]
    pub title: String,
    #[serde(default, deserialize_with = "crate::domain::fast_de::text")]
    pub description: String,
    pub amount_requested: Option<Baht>,
    pub amount_approved: Option<Baht>,
    #[serde(default)]
    pub co_funding: Vec<CoFunding>,
    /// Oldest first.
    #[serde(default)]
    pub status_history: Vec<StatusChange>,
    #[serde(default)]
    pub progress_percent: u8,
    #[serde(default, deserialize_with = "crate::domain::fast_de::text")]
    pub completion_report: String,
    /// Photos and scanned papers (see `records::attachment`); left out of files when
    /// empty, so records without any keep their bytes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<crate::domain::records::attachment::Attachment>,
    /// The communities of the city's survey the project serves (schema v4). Left out of
    /// files when empty, so a project that names none keeps its bytes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub community_ids: Vec<RecordId>,
    /// The households the project reaches, its beneficiaries as the proposal counts them
    /// (schema v4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub households_reached: Option<u32>,
}

impl Project {
    /// A project not yet typed in, for `city` (nil when not chosen) in `fiscal_year`.
    pub fn new(meta: RecordMeta, city: RecordId, fiscal_year: FiscalYear) -> Project {
        Project {
            meta,
            city_id: city,
            fiscal_year,
            proposer: String::new(),
            category: Category::Other,
            title: String::new(),
            description: String::new(),
            amount_requested: None,
            amount_approved: None,
            co_funding: Vec::new(),
            status_history: Vec::new(),
            progress_percent: 0,
            completion_report: String::new(),
            attachments: Vec::new(),
            community_ids: Vec::new(),
            households_reached: None,
        }
    }

    pub fn status(&self) -> ProjectStatus {
        self.status_history
            .last()
            .map(|s| s.status)
            .unwrap_or(ProjectStatus::Proposed)
    }

    /// What this project takes from the city's money: its approved amount once approved.
    pub fn committed(&self) -> Baht {
        match self.amount_approved {
            Some(a) if self.status().commits_money() => a,
            _ => Baht::ZERO,
        }
    }

    pub fn co_funding_total(&self) -> Baht {
        self.co_funding.iter().map(|c| c.amount).sum()
    }
}
