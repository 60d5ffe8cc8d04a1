//! A total as someone stated it (in a news item, a memo), kept so reports can set it
//! beside what the records add up to. Neither figure is ever silently "fixed".

use serde::{Deserialize, Serialize};

use crate::domain::dates::FiscalYear;
use crate::domain::meta::{RecordId, RecordMeta};
use crate::domain::money::Baht;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StatedTotal {
    pub meta: RecordMeta,
    /// What the figure is, e.g. "ภาคเหนือ 12 เมือง 9 จังหวัด รวม 6.6 ล้านบาท".
    #[serde(deserialize_with = "crate::domain::fast_de::text")]
    pub label: String,
    /// The region it covers; none for the whole country.
    pub region_id: Option<RecordId>,
    pub fiscal_year: FiscalYear,
    /// Where it was stated (document, article, date).
    #[serde(default, deserialize_with = "crate::domain::fast_de::text")]
    pub source: String,
    #[serde(default)]
    pub cities: Option<u32>,
    #[serde(default)]
    pub provinces: Option<u32>,
    /// Total support: cities' approved amounts plus committee and province grants.
    #[serde(default)]
    pub amount: Option<Baht>,
}
