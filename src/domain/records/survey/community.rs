//! A community (ชุมชน) of a city: the people a city-wide survey (สำรวจข้อมูลทั้งเมือง)
//! counts and the programme's housing money serves.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::domain::meta::{RecordId, RecordMeta};
use crate::domain::money::Baht;

use super::choices::{
    EvictionThreat, Hazard, HousingProgramme, LandTenure, Landowner, LocationSource, Missing,
    Solution,
};

/// Where a community is, in decimal degrees (WGS 84), typed or from the tablet's GPS.
/// Decimal strings like money, so a coordinate is stored exactly as typed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Location {
    /// Degrees north, e.g. "16.7134".
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "String"))]
    #[serde(with = "rust_decimal::serde::str")]
    pub latitude: Decimal,
    /// Degrees east, e.g. "98.5747".
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "String"))]
    #[serde(with = "rust_decimal::serde::str")]
    pub longitude: Decimal,
    pub source: LocationSource,
}

/// The community's savings group (กลุ่มออมทรัพย์).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SavingsGroup {
    pub members: u32,
    /// What the group holds, as last reported.
    pub balance: Baht,
}

/// One community of a city, as the survey describes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Community {
    pub meta: RecordMeta,
    pub city_id: RecordId,
    #[serde(default, deserialize_with = "crate::domain::fast_de::line")]
    pub name: String,
    /// อำเภอ
    #[serde(default, deserialize_with = "crate::domain::fast_de::line")]
    pub district: String,
    /// ตำบล
    #[serde(default, deserialize_with = "crate::domain::fast_de::line")]
    pub subdistrict: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    /// Households as the community or the city states them; the survey's denominator.
    #[serde(default)]
    pub households: Option<u32>,
    #[serde(default)]
    pub population: Option<u32>,
    #[serde(default)]
    pub landowner: Option<Landowner>,
    #[serde(default)]
    pub tenure: Option<LandTenure>,
    #[serde(default)]
    pub eviction: Option<EvictionThreat>,
    /// When the threat or the notice came.
    #[serde(default)]
    pub eviction_date: Option<NaiveDate>,
    #[serde(default)]
    pub hazards: Vec<Hazard>,
    /// Services the community lacks.
    #[serde(default)]
    pub missing: Vec<Missing>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub savings_group: Option<SavingsGroup>,
    /// The community organisation (องค์กรชุมชน), e.g. its committee or cooperative.
    #[serde(default, deserialize_with = "crate::domain::fast_de::line")]
    pub organisation: String,
    #[serde(default)]
    pub preferred_solution: Option<Solution>,
    #[serde(default)]
    pub programme: Option<HousingProgramme>,
    #[serde(default, deserialize_with = "crate::domain::fast_de::text")]
    pub notes: String,
}

impl Community {
    /// A community with only its place in the programme filled in, for forms and tests.
    pub fn new(meta: RecordMeta, city_id: RecordId, name: &str) -> Community {
        Community {
            meta,
            city_id,
            name: name.to_owned(),
            district: String::new(),
            subdistrict: String::new(),
            location: None,
            households: None,
            population: None,
            landowner: None,
            tenure: None,
            eviction: None,
            eviction_date: None,
            hazards: Vec::new(),
            missing: Vec::new(),
            savings_group: None,
            organisation: String::new(),
            preferred_solution: None,
            programme: None,
            notes: String::new(),
        }
    }
}
