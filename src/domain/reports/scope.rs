//! What a report covers: one fiscal year, and one region or the whole country.

use serde::Serialize;

use crate::domain::dates::FiscalYear;
use crate::domain::meta::RecordId;

/// A fiscal year and, optionally, one region. `Copy`, so the UI can keep it in a signal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Scope {
    pub fiscal_year: FiscalYear,
    /// `None` covers every region.
    pub region_id: Option<RecordId>,
}

impl Scope {
    /// The whole country for one fiscal year.
    pub fn country(fiscal_year: FiscalYear) -> Scope {
        Scope {
            fiscal_year,
            region_id: None,
        }
    }

    /// One region for one fiscal year.
    ///
    /// ```
    /// use mueang::domain::dates::FiscalYear;
    /// use mueang::domain::reference::region_id;
    /// use mueang::domain::reports::Scope;
    /// let north = Scope::region(FiscalYear(2561), region_id("north"));
    /// assert!(north.covers_region(Some(region_id("north"))));
    /// assert!(!north.covers_region(None));
    /// ```
    pub fn region(fiscal_year: FiscalYear, region_id: RecordId) -> Scope {
        Scope {
            fiscal_year,
            region_id: Some(region_id),
        }
    }

    /// Whether a record in `region` (`None`: region unknown) falls in this scope. A record
    /// whose region cannot be told still counts for the whole country, so national totals
    /// never lose money to a broken province link; the rules report the broken link.
    pub fn covers_region(&self, region: Option<RecordId>) -> bool {
        match self.region_id {
            None => true,
            Some(wanted) => region == Some(wanted),
        }
    }
}
