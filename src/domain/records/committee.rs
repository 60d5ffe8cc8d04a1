//! The city committee (คณะกรรมการเมือง) and its meetings: the forum where people in
//! hardship raise problems and proposals are reviewed.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::meta::{RecordId, RecordMeta};

/// Where a committee member comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Sector {
    /// ชุมชน
    Community,
    /// ท้องถิ่น
    LocalGovernment,
    /// พมจ. (provincial social development office)
    SocialDevelopment,
    /// สาธารณสุข
    PublicHealth,
    /// การศึกษา / ครู
    Education,
    /// อื่น ๆ
    Other,
}

impl Sector {
    pub const ALL: [Sector; 6] = [
        Sector::Community,
        Sector::LocalGovernment,
        Sector::SocialDevelopment,
        Sector::PublicHealth,
        Sector::Education,
        Sector::Other,
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum MemberRole {
    /// ประธาน
    Chair,
    /// เลขานุการ
    Secretary,
    /// กรรมการ
    Member,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CommitteeMember {
    #[serde(deserialize_with = "crate::domain::fast_de::line")]
    pub name: String,
    pub sector: Sector,
    pub role: MemberRole,
    /// Phone or LINE id. Personal data (PDPA): bundles may be encrypted.
    #[serde(default, deserialize_with = "crate::domain::fast_de::line")]
    pub contact: String,
}

/// The committee of one city.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Committee {
    pub meta: RecordMeta,
    pub city_id: RecordId,
    #[serde(default, deserialize_with = "crate::domain::fast_de::line")]
    pub name: String,
    #[serde(default)]
    pub members: Vec<CommitteeMember>,
}

impl Committee {
    /// A committee of `city_id` (nil when not chosen) with nothing typed yet.
    pub fn new(meta: RecordMeta, city_id: RecordId) -> Committee {
        Committee {
            meta,
            city_id,
            name: String::new(),
            members: Vec::new(),
        }
    }
}

/// The kinds of problem people raise; also the categories of community projects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// ที่อยู่อาศัย
    Housing,
    /// อาชีพ/เศรษฐกิจ
    Livelihood,
    /// เยาวชน
    Youth,
    /// สิ่งแวดล้อม
    Environment,
    /// สุขภาพ
    Health,
    /// อื่น ๆ
    Other,
}

impl Category {
    pub const ALL: [Category; 6] = [
        Category::Housing,
        Category::Livelihood,
        Category::Youth,
        Category::Environment,
        Category::Health,
        Category::Other,
    ];
}

/// How many came from one sector.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Attendance {
    pub sector: Sector,
    pub count: u32,
}

/// A problem raised at a meeting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ProblemRaised {
    pub category: Category,
    #[serde(deserialize_with = "crate::domain::fast_de::text")]
    pub description: String,
}

/// A meeting (forum) of a city committee.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    pub meta: RecordMeta,
    pub committee_id: RecordId,
    pub date: Option<NaiveDate>,
    #[serde(default, deserialize_with = "crate::domain::fast_de::line")]
    pub place: String,
    #[serde(default)]
    pub attendance: Vec<Attendance>,
    #[serde(default)]
    pub problems: Vec<ProblemRaised>,
    #[serde(default, deserialize_with = "crate::domain::fast_de::text")]
    pub decisions: String,
    /// Photos and scanned papers (see `records::attachment`); left out of files when
    /// empty, so records without any keep their bytes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<crate::domain::records::attachment::Attachment>,
}

impl Meeting {
    /// A meeting of `committee_id` (nil when not chosen) with nothing typed yet.
    pub fn new(meta: RecordMeta, committee_id: RecordId) -> Meeting {
        Meeting {
            meta,
            committee_id,
            date: None,
            place: String::new(),
            attendance: Vec::new(),
            problems: Vec::new(),
            decisions: String::new(),
            attachments: Vec::new(),
        }
    }
}
