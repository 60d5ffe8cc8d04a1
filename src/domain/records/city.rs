//! A city in the programme: one local government unit (องค์กรปกครองส่วนท้องถิ่น).

use serde::{Deserialize, Serialize};

use crate::domain::dates::FiscalYear;
use crate::domain::meta::{RecordId, RecordMeta};
use crate::domain::money::Baht;

/// The four kinds of local government unit. The kind decides the committee grant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum LocalUnitType {
    /// เทศบาลนคร
    CityMunicipality,
    /// เทศบาลเมือง
    TownMunicipality,
    /// เทศบาลตำบล
    SubdistrictMunicipality,
    /// องค์การบริหารส่วนตำบล (อบต.)
    SubdistrictAdministrativeOrganisation,
}

impl LocalUnitType {
    pub const ALL: [LocalUnitType; 4] = [
        LocalUnitType::CityMunicipality,
        LocalUnitType::TownMunicipality,
        LocalUnitType::SubdistrictMunicipality,
        LocalUnitType::SubdistrictAdministrativeOrganisation,
    ];

    pub fn name_th(self) -> &'static str {
        match self {
            LocalUnitType::CityMunicipality => "เทศบาลนคร",
            LocalUnitType::TownMunicipality => "เทศบาลเมือง",
            LocalUnitType::SubdistrictMunicipality => "เทศบาลตำบล",
            LocalUnitType::SubdistrictAdministrativeOrganisation => "องค์การบริหารส่วนตำบล",
        }
    }

    pub fn name_en(self) -> &'static str {
        match self {
            LocalUnitType::CityMunicipality => "City municipality",
            LocalUnitType::TownMunicipality => "Town municipality",
            LocalUnitType::SubdistrictMunicipality => "Subdistrict municipality",
            LocalUnitType::SubdistrictAdministrativeOrganisation => {
                "Subdistrict administrative organisation"
            }
        }
    }

    /// City and town municipalities get the larger committee grant.
    pub fn is_municipality_of_city_or_town(self) -> bool {
        matches!(
            self,
            LocalUnitType::CityMunicipality | LocalUnitType::TownMunicipality
        )
    }
}

/// The amount approved for a city in one fiscal year: the ceiling its projects share.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CityBudget {
    pub fiscal_year: FiscalYear,
    pub approved_ceiling: Baht,
}

/// A city: one local government unit taking part in the programme.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct City {
    pub meta: RecordMeta,
    /// Full Thai name as written officially, e.g. "เทศบาลนครแม่สอด".
    #[serde(deserialize_with = "crate::domain::fast_de::line")]
    pub name_th: String,
    #[serde(default, deserialize_with = "crate::domain::fast_de::line")]
    pub name_en: String,
    pub unit_type: LocalUnitType,
    pub province_id: RecordId,
    #[serde(default)]
    pub budgets: Vec<CityBudget>,
}

impl City {
    pub fn budget_for(&self, fy: FiscalYear) -> Option<Baht> {
        self.budgets
            .iter()
            .find(|b| b.fiscal_year == fy)
            .map(|b| b.approved_ceiling)
    }
}
