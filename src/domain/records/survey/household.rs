//! Survey rounds (รอบการสำรวจ) and the households (ครัวเรือน) each one counts.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::meta::{RecordId, RecordMeta};
use crate::domain::money::Baht;

use super::choices::{HouseCondition, HouseTenure, IncomeBand, LandTenure, Need};

/// One round of a city's survey: when it ran, who led it, and whether it is over. Coverage
/// is judged against a community's stated households only once its round is closed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SurveyRound {
    pub meta: RecordMeta,
    pub city_id: RecordId,
    /// e.g. "สำรวจข้อมูลทั้งเมือง ปี 2561".
    #[serde(default, deserialize_with = "crate::domain::fast_de::line")]
    pub title: String,
    /// The day the round started.
    #[serde(default)]
    pub date: Option<NaiveDate>,
    /// The day the round was closed: no more households are expected after it.
    #[serde(default)]
    pub closed_on: Option<NaiveDate>,
    /// Who led the round. Personal data (PDPA).
    #[serde(default, deserialize_with = "crate::domain::fast_de::line")]
    pub surveyor: String,
    #[serde(default, deserialize_with = "crate::domain::fast_de::text")]
    pub notes: String,
}

impl SurveyRound {
    /// Whether the round was closed on or before `today`.
    pub fn is_closed(&self, today: NaiveDate) -> bool {
        self.closed_on.is_some_and(|d| d <= today)
    }
}

/// Members of a household who need particular care.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Vulnerable {
    /// ผู้สูงอายุ (60 and over)
    #[serde(default)]
    pub elderly: u32,
    /// ผู้พิการ
    #[serde(default)]
    pub disabled: u32,
    /// เด็กเล็ก (under 6)
    #[serde(default)]
    pub young_children: u32,
}

/// One household as a surveyor recorded it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Household {
    pub meta: RecordMeta,
    pub community_id: RecordId,
    #[serde(default)]
    pub round_id: Option<RecordId>,
    #[serde(default)]
    pub surveyed_on: Option<NaiveDate>,
    /// Who surveyed it. Personal data (PDPA).
    #[serde(default, deserialize_with = "crate::domain::fast_de::line")]
    pub surveyor: String,
    /// บ้านเลขที่, as written on the house ("12/3"); may be a survey number where houses
    /// have none.
    #[serde(default, deserialize_with = "crate::domain::fast_de::line")]
    pub house_number: String,
    /// หัวหน้าครัวเรือน. Personal data (PDPA).
    #[serde(default, deserialize_with = "crate::domain::fast_de::line")]
    pub head_name: String,
    /// Personal data (PDPA).
    #[serde(default, deserialize_with = "crate::domain::fast_de::line")]
    pub phone: String,
    #[serde(default)]
    pub members: u32,
    #[serde(default)]
    pub vulnerable: Vulnerable,
    #[serde(default)]
    pub land_tenure: Option<LandTenure>,
    #[serde(default)]
    pub house_tenure: Option<HouseTenure>,
    /// What the household pays a month, if it rents.
    #[serde(default)]
    pub monthly_rent: Option<Baht>,
    #[serde(default)]
    pub condition: Option<HouseCondition>,
    #[serde(default)]
    pub income_band: Option<IncomeBand>,
    #[serde(default)]
    pub savings_member: bool,
    #[serde(default)]
    pub need: Option<Need>,
    #[serde(default, deserialize_with = "crate::domain::fast_de::text")]
    pub notes: String,
}

impl Household {
    /// An empty household of a community, for forms, imports and tests.
    pub fn new(meta: RecordMeta, community_id: RecordId, house_number: &str) -> Household {
        Household {
            meta,
            community_id,
            round_id: None,
            surveyed_on: None,
            surveyor: String::new(),
            house_number: house_number.to_owned(),
            head_name: String::new(),
            phone: String::new(),
            members: 0,
            vulnerable: Vulnerable::default(),
            land_tenure: None,
            house_tenure: None,
            monthly_rent: None,
            condition: None,
            income_band: None,
            savings_member: false,
            need: None,
            notes: String::new(),
        }
    }
}
