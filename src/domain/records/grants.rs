//! Grants that are not projects: a province's start-up grant and a city committee's grant.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::dates::FiscalYear;
use crate::domain::meta::{RecordId, RecordMeta};
use crate::domain::money::Baht;

/// Money to a province to get city committees started.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ProvinceGrant {
    pub meta: RecordMeta,
    pub province_id: RecordId,
    pub fiscal_year: FiscalYear,
    pub amount: Baht,
    pub date: Option<NaiveDate>,
}

/// Money to a city committee for its work: meetings, reviewing proposals.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CommitteeGrant {
    pub meta: RecordMeta,
    pub city_id: RecordId,
    pub fiscal_year: FiscalYear,
    pub amount: Baht,
    pub date: Option<NaiveDate>,
}
