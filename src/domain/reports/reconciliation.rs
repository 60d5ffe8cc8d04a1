//! Stated totals against what the records add up to. Both figures are always shown with
//! their difference; neither is ever "fixed".
//!
//! The difference is **stated − computed**: positive when the statement claims more than
//! the records hold. The North's "6.6 million" against 6,410,000 gives +190,000. The
//! `total.stated_mismatch` rule uses the same sign and the same computed figures.

use serde::Serialize;

use crate::domain::dates::FiscalYear;
use crate::domain::meta::RecordId;
use crate::domain::money::Baht;
use crate::domain::records::{Dataset, StatedTotal};

use super::figures::{city_figures, totals, Totals};
use super::index::Index;
use super::scope::Scope;

/// Which figure of a stated total a row compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReconciledFigure {
    Cities,
    Provinces,
    /// Total support: approved ceilings plus committee and province grants.
    Amount,
}

impl ReconciledFigure {
    pub fn label_th(self) -> &'static str {
        match self {
            ReconciledFigure::Cities => "จำนวนเมือง",
            ReconciledFigure::Provinces => "จำนวนจังหวัด",
            ReconciledFigure::Amount => "งบประมาณสนับสนุนรวม (บาท)",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            ReconciledFigure::Cities => "Cities",
            ReconciledFigure::Provinces => "Provinces",
            ReconciledFigure::Amount => "Total support (baht)",
        }
    }
}

/// A count or an amount: a reconciliation compares both kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Quantity {
    Count(i64),
    Amount(Baht),
}

/// One figure: as stated, as computed, and `stated − computed`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReconciliationRow {
    pub figure: ReconciledFigure,
    /// `None` when the statement did not give this figure; the computed one still shows.
    pub stated: Option<Quantity>,
    pub computed: Quantity,
    /// `stated − computed`; `None` when nothing was stated.
    pub difference: Option<Quantity>,
}

impl ReconciliationRow {
    /// `Some(true)` when stated and computed agree, `None` when nothing was stated.
    pub fn agrees(&self) -> Option<bool> {
        self.stated.map(|s| s == self.computed)
    }
}

/// One stated total set beside the records.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reconciliation {
    pub stated_total_id: RecordId,
    pub label: String,
    pub source: String,
    pub region_id: Option<RecordId>,
    pub fiscal_year: FiscalYear,
    /// Always three rows, in the order cities, provinces, amount.
    pub rows: Vec<ReconciliationRow>,
    /// Everything the computed figures come from, for a reader who asks "how?".
    pub computed: Totals,
}

impl Reconciliation {
    /// Whether every stated figure agrees with the records.
    pub fn agrees(&self) -> bool {
        self.rows.iter().all(|r| r.agrees() != Some(false))
    }
}

/// Sets one stated total beside the records of its region and year.
pub fn reconcile(ds: &Dataset, stated: &StatedTotal) -> Reconciliation {
    let scope = Scope {
        fiscal_year: stated.fiscal_year,
        region_id: stated.region_id,
    };
    let ix = Index::new(ds, scope);
    let computed = totals(&ix, &city_figures(&ix));
    let count = |stated: Option<u32>, computed: usize, figure| {
        let computed = i64::try_from(computed).unwrap_or(i64::MAX);
        let stated = stated.map(i64::from);
        ReconciliationRow {
            figure,
            stated: stated.map(Quantity::Count),
            computed: Quantity::Count(computed),
            difference: stated.map(|s| Quantity::Count(s - computed)),
        }
    };
    let rows = vec![
        count(stated.cities, computed.cities, ReconciledFigure::Cities),
        count(
            stated.provinces,
            computed.provinces,
            ReconciledFigure::Provinces,
        ),
        ReconciliationRow {
            figure: ReconciledFigure::Amount,
            stated: stated.amount.map(Quantity::Amount),
            computed: Quantity::Amount(computed.total_support),
            difference: stated
                .amount
                .map(|s| Quantity::Amount(s - computed.total_support)),
        },
    ];
    Reconciliation {
        stated_total_id: stated.meta.id,
        label: stated.label.clone(),
        source: stated.source.clone(),
        region_id: stated.region_id,
        fiscal_year: stated.fiscal_year,
        rows,
        computed,
    }
}

/// Every live stated total of the scope's year (and region, if the scope names one), in
/// dataset order.
pub fn reconcile_all(ds: &Dataset, scope: Scope) -> Vec<Reconciliation> {
    ds.live::<StatedTotal>()
        .filter(|t| t.fiscal_year == scope.fiscal_year)
        .filter(|t| scope.region_id.is_none() || t.region_id == scope.region_id)
        .map(|t| reconcile(ds, t))
        .collect()
}
