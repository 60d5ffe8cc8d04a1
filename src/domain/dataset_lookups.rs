//! The whole of an office's data, and the look-ups every layer needs.
//!
//! The [`Dataset`] struct itself is declared with the record kinds in `records/mod.rs`.

use crate::domain::records::{Dataset, Record};

use crate::domain::dates::FiscalYear;
use crate::domain::meta::RecordId;
use crate::domain::records::ProgrammeParameters;

impl Dataset {
    pub(crate) fn upsert_one<R: Record>(&mut self, record: R) {
        let all = R::all_mut(self);
        match all.iter_mut().find(|r| r.meta().id == record.meta().id) {
            Some(slot) => *slot = record,
            None => all.push(record),
        }
    }

    /// The record with this id, tombstone or not.
    pub fn get<R: Record>(&self, id: RecordId) -> Option<&R> {
        R::all(self).iter().find(|r| r.meta().id == id)
    }

    /// Records of one kind that are not deleted.
    pub fn live<R: Record>(&self) -> impl Iterator<Item = &R> {
        R::all(self).iter().filter(|r| !r.meta().deleted)
    }

    /// The parameters that govern `fy`: the dataset's own record for that year, else the
    /// built-in FY2561 figures. For a year without its own record the FY2561 amounts are
    /// used but not FY2561's deadline, since a deadline belongs to its year.
    pub fn parameters_for(&self, fy: FiscalYear) -> ProgrammeParameters {
        if let Some(p) = self
            .live::<ProgrammeParameters>()
            .find(|p| p.fiscal_year == fy)
        {
            return p.clone();
        }
        let mut p = self
            .live::<ProgrammeParameters>()
            .filter(|p| p.fiscal_year < fy)
            .max_by_key(|p| p.fiscal_year)
            .cloned()
            .unwrap_or_else(ProgrammeParameters::fy2561);
        if p.fiscal_year != fy {
            p.second_instalment_deadline = None;
            p.fiscal_year = fy;
        }
        p
    }

    /// Every record count, tombstones included.
    pub fn total_len(&self) -> usize {
        let mut n = 0;
        self.for_each(|_| n += 1);
        n
    }
}
