//! CODI's regions and Thailand's provinces.

use serde::{Deserialize, Serialize};

use crate::domain::meta::{RecordId, RecordMeta};

/// One of CODI's regional areas (ภาค), each served by a regional office.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Region {
    pub meta: RecordMeta,
    /// Short stable code, e.g. "north".
    #[serde(deserialize_with = "crate::domain::fast_de::line")]
    pub code: String,
    #[serde(deserialize_with = "crate::domain::fast_de::line")]
    pub name_th: String,
    #[serde(deserialize_with = "crate::domain::fast_de::line")]
    pub name_en: String,
}

/// A province (จังหวัด). All 77 ship with the app; the region can be changed by staff.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Province {
    pub meta: RecordMeta,
    /// ISO 3166-2 code, e.g. "TH-65" for Phitsanulok.
    #[serde(deserialize_with = "crate::domain::fast_de::line")]
    pub code: String,
    #[serde(deserialize_with = "crate::domain::fast_de::line")]
    pub name_th: String,
    #[serde(deserialize_with = "crate::domain::fast_de::line")]
    pub name_en: String,
    pub region_id: RecordId,
}
