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
    /// An agreed extension for this city: when set, it replaces the year's deadline.
    #[serde(default)]
    pub due_date: Option<NaiveDate>,
    /// When the city asked to draw it (เบิก), with its progress report. The programme's
    /// deadline is on the city's request, not on CODI's transfer, which may come later.
    /// Left out of files when empty, so records written before v2 keep their bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requested_date: Option<NaiveDate>,
    /// The progress report the city's request rests on (a second instalment is drawn with
    /// one). Left out of files when empty; `instalment.report_city` when it is another
    /// city's report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub progress_report_id: Option<RecordId>,
    /// Bank or voucher reference.
    #[serde(default, deserialize_with = "crate::domain::fast_de::line")]
    pub reference: String,
    /// Photos and scanned papers (see `records::attachment`); left out of files when
    /// empty, so records without any keep their bytes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<crate::domain::records::attachment::Attachment>,
}

impl Instalment {
    /// Instalment `number` of `fiscal_year` for `city` (nil when not chosen), with nothing
    /// else known yet: no share, no amount, no dates.
    pub fn new(
        meta: RecordMeta,
        city: RecordId,
        fiscal_year: FiscalYear,
        number: u8,
    ) -> Instalment {
        Instalment {
            meta,
            city_id: city,
            fiscal_year,
            number,
            planned_share: None,
            amount: Baht::ZERO,
            planned_date: None,
            actual_date: None,
            due_date: None,
            requested_date: None,
            progress_report_id: None,
            reference: String::new(),
            attachments: Vec::new(),
        }
    }

    pub fn is_transferred(&self) -> bool {
        self.actual_date.is_some()
    }

    /// Whether the money had moved on or before `as_of`: a report as of a date must not
    /// count a transfer recorded with a later date.
    pub fn transferred_by(&self, as_of: NaiveDate) -> bool {
        self.actual_date.is_some_and(|d| d <= as_of)
    }

    /// Whether the city had asked to draw it (or it had moved) on or before `date`.
    pub fn requested_by(&self, date: NaiveDate) -> bool {
        self.requested_date.is_some_and(|d| d <= date) || self.transferred_by(date)
    }
}
