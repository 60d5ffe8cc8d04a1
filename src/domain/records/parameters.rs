//! The programme's amounts and shares for one fiscal year. Rules read these; no rule
//! hard-codes an amount, so next year's figures are data, not a code change.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::domain::dates::FiscalYear;
use crate::domain::meta::RecordMeta;
use crate::domain::money::Baht;
use crate::domain::records::city::LocalUnitType;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ProgrammeParameters {
    pub meta: RecordMeta,
    pub fiscal_year: FiscalYear,
    /// The most one community project may be approved.
    pub project_max: Baht,
    /// The most all projects of one city may be approved together.
    pub city_max: Baht,
    /// Committee grant for a city (นคร) or town (เมือง) municipality.
    pub committee_grant_city_town: Baht,
    /// Committee grant for a subdistrict municipality or SAO.
    pub committee_grant_subdistrict: Baht,
    /// Start-up grant to each province.
    pub province_grant: Baht,
    /// Share of the approved amount sent as the first instalment, e.g. "0.70".
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "String"))]
    #[serde(with = "rust_decimal::serde::str")]
    pub first_instalment_share: Decimal,
    /// The second instalment must be drawn and completed by this date.
    pub second_instalment_deadline: Option<NaiveDate>,
    /// When the programme began; a typed date before it is suspect. Absent in files
    /// written before v2, which then use [`PROGRAMME_START`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub programme_start: Option<NaiveDate>,
}

/// The programme began in February 2017 (FY2560).
pub const PROGRAMME_START: NaiveDate = match NaiveDate::from_ymd_opt(2017, 2, 1) {
    Some(d) => d,
    None => panic!("a valid date"),
};

impl ProgrammeParameters {
    /// FY2561's figures, from the Northern Regional Office's announcement of 3 Feb 2018.
    pub fn fy2561() -> ProgrammeParameters {
        ProgrammeParameters {
            meta: RecordMeta::shipped("parameters:2561"),
            fiscal_year: FiscalYear(2561),
            project_max: Baht::whole(50_000),
            city_max: Baht::whole(500_000),
            committee_grant_city_town: Baht::whole(30_000),
            committee_grant_subdistrict: Baht::whole(20_000),
            province_grant: Baht::whole(10_000),
            first_instalment_share: Decimal::new(70, 2),
            second_instalment_deadline: NaiveDate::from_ymd_opt(2018, 4, 30),
            programme_start: None,
        }
    }

    /// When the programme began, as these parameters say or else [`PROGRAMME_START`].
    pub fn programme_start(&self) -> NaiveDate {
        self.programme_start.unwrap_or(PROGRAMME_START)
    }

    pub fn committee_grant_for(&self, unit: LocalUnitType) -> Baht {
        if unit.is_municipality_of_city_or_town() {
            self.committee_grant_city_town
        } else {
            self.committee_grant_subdistrict
        }
    }
}
