//! Why a report about one city could not be made. Each variant has a Thai and an English
//! message, which the UI shows as they are.

use std::fmt;

use crate::domain::dates::FiscalYear;
use crate::domain::meta::RecordId;
use crate::domain::records::{City, Dataset};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReportError {
    /// No live city has this id (it was deleted, or the link is stale).
    CityNotFound { city_id: RecordId },
    /// No live MOU lists the city, so there is nothing to print.
    NoMou { city: String },
    /// The city has no approved amount for the year; an MOU cannot promise an amount
    /// nobody entered.
    NoCeiling {
        city: String,
        fiscal_year: FiscalYear,
    },
}

impl ReportError {
    pub fn message_th(&self) -> String {
        match self {
            ReportError::CityNotFound { city_id } => {
                format!("ไม่พบเมืองรหัส {city_id} (อาจถูกลบไปแล้ว)")
            }
            ReportError::NoMou { city } => {
                format!("ยังไม่มีบันทึกความร่วมมือที่ระบุ{city} กรุณาเพิ่มเมืองนี้ในบันทึกความร่วมมือก่อนพิมพ์")
            }
            ReportError::NoCeiling { city, fiscal_year } => format!(
                "{city} ยังไม่มีวงเงินที่อนุมัติสำหรับ{} กรุณาบันทึกวงเงินก่อนพิมพ์บันทึกความร่วมมือ",
                fiscal_year.label_th()
            ),
        }
    }

    pub fn message_en(&self) -> String {
        match self {
            ReportError::CityNotFound { city_id } => {
                format!("There is no city with id {city_id} (it may have been deleted).")
            }
            ReportError::NoMou { city } => format!(
                "No MOU lists {city} yet. Add the city to an MOU before printing."
            ),
            ReportError::NoCeiling { city, fiscal_year } => format!(
                "{city} has no approved amount for FY{fiscal_year}. Enter it before printing the MOU."
            ),
        }
    }
}

/// Live city `city_id`: what a report about one city starts from.
pub(crate) fn live_city(ds: &Dataset, city_id: RecordId) -> Result<&City, ReportError> {
    ds.get::<City>(city_id)
        .filter(|c| !c.meta.deleted)
        .ok_or(ReportError::CityNotFound { city_id })
}

impl fmt::Display for ReportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_en())
    }
}

impl std::error::Error for ReportError {}
