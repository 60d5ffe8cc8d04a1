//! Transfers of a city's approved money, in instalments (งวด).

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::domain::dates::FiscalYear;
use crate::domain::meta::{RecordId, RecordMeta};
use crate::domain::money::Baht;

/// One instalment to a city. It is a transfer once it has an actual date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Instalment {
    pub meta: RecordMeta,
    pub city_id: RecordId,
    pub fiscal_year: FiscalYear,
    /// 1 for the first instalment, 2 for the second.
    pub number: u8,
    /// Planned share of the city's approved amount, e.g. "0.70".
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "Option<String>"))]
    #[serde(default, with = "rust_decimal::serde::str_option")]
    pub planned_share: Option<Decimal>,
    pub amount: Baht,
    #[serde(default)]
    pub planned_date: Option<NaiveDate>,
    /// When the money actually moved; none while it is only planned.
    #[serde(default)]
    pub actual_date: Option<NaiveDate>,
    /// The date by which it must be drawn and completed.
    #[serde(default)]
    pub due_date: Option<NaiveDate>,
    /// Bank or voucher reference.
    #[serde(default, deserialize_with = "crate::domain::fast_de::line")]
    pub reference: String,
}

impl Instalment {
    pub fn is_transferred(&self) -> bool {
        self.actual_date.is_some()
    }
}
