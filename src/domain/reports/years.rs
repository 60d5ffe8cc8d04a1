//! Which fiscal years a dataset has records for, so a report screen can offer them and
//! open on a year that has data (the example is FY2561, while "today" is years later).

use chrono::NaiveDate;

use crate::domain::dates::FiscalYear;
use crate::domain::meta::RecordId;
use crate::domain::records::{
    City, CommitteeGrant, Dataset, Instalment, ProgrammeParameters, Project, ProvinceGrant,
    StatedTotal,
};
use crate::domain::sorting::SortSmall;

/// Every fiscal year a live record belongs to (city ceilings, projects, instalments,
/// grants, programme parameters, stated totals), latest first, each once.
///
/// ```
/// use mueang::domain::dates::FiscalYear;
/// use mueang::domain::example::north_2561;
/// use mueang::domain::reports::fiscal_years;
/// assert_eq!(fiscal_years(&north_2561().records), [FiscalYear(2561)]);
/// ```
pub fn fiscal_years(ds: &Dataset) -> Vec<FiscalYear> {
    let mut years: Vec<FiscalYear> = ds
        .live::<City>()
        .flat_map(|c| c.budgets.iter().map(|b| b.fiscal_year))
        .chain(ds.live::<Project>().map(|p| p.fiscal_year))
        .chain(ds.live::<Instalment>().map(|i| i.fiscal_year))
        .chain(ds.live::<CommitteeGrant>().map(|g| g.fiscal_year))
        .chain(ds.live::<ProvinceGrant>().map(|g| g.fiscal_year))
        .chain(ds.live::<ProgrammeParameters>().map(|p| p.fiscal_year))
        .chain(ds.live::<StatedTotal>().map(|t| t.fiscal_year))
        .collect();
    years.sort_by_small(|a, b| b.cmp(a));
    years.dedup();
    years
}

/// The year a report opens on: the one containing `today` if the dataset has records for
/// it, else the latest year that has records, else the year containing `today`.
///
/// ```
/// use chrono::NaiveDate;
/// use mueang::domain::dates::FiscalYear;
/// use mueang::domain::example::north_2561;
/// use mueang::domain::reports::default_fiscal_year;
/// let today = NaiveDate::from_ymd_opt(2026, 5, 9).unwrap();
/// assert_eq!(default_fiscal_year(&north_2561().records, today), FiscalYear(2561));
/// assert_eq!(default_fiscal_year(&Default::default(), today), FiscalYear(2569));
/// ```
pub fn default_fiscal_year(ds: &Dataset, today: NaiveDate) -> FiscalYear {
    let current = FiscalYear::containing(today);
    let years = fiscal_years(ds);
    if years.contains(&current) {
        return current;
    }
    years.first().copied().unwrap_or(current)
}

/// The latest year the city has an approved ceiling for: the year its printed MOU and
/// summary open on when the link does not say. `None` for a city without any ceiling (or
/// no such live city).
pub fn city_latest_year(ds: &Dataset, city_id: RecordId) -> Option<FiscalYear> {
    ds.live::<City>()
        .find(|c| c.meta.id == city_id)?
        .budgets
        .iter()
        .map(|b| b.fiscal_year)
        .max()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::example::{city_id, north_2561};
    use crate::domain::money::Baht;
    use crate::domain::records::CityBudget;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a date")
    }

    #[test]
    fn years_are_listed_latest_first_and_once() {
        let mut ds = north_2561().records;
        ds.cities[0].budgets.push(CityBudget {
            fiscal_year: FiscalYear(2563),
            approved_ceiling: Baht::whole(400_000),
        });
        ds.instalments[0].fiscal_year = FiscalYear(2562);
        assert_eq!(
            fiscal_years(&ds),
            [FiscalYear(2563), FiscalYear(2562), FiscalYear(2561)]
        );
    }

    #[test]
    fn deleted_records_do_not_add_a_year() {
        let mut ds = north_2561().records;
        ds.instalments[0].fiscal_year = FiscalYear(2570);
        ds.instalments[0].meta.deleted = true;
        assert_eq!(fiscal_years(&ds), [FiscalYear(2561)]);
    }

    #[test]
    fn the_default_year_prefers_today_when_it_has_records() {
        let ds = north_2561().records;
        assert_eq!(default_fiscal_year(&ds, day(2018, 5, 1)), FiscalYear(2561));
        // FY2562 started on 1 Oct 2018 and has no records: fall back to the latest.
        assert_eq!(default_fiscal_year(&ds, day(2018, 10, 1)), FiscalYear(2561));
    }

    #[test]
    fn a_city_opens_on_its_latest_ceiling() {
        let mut ds = north_2561().records;
        assert_eq!(
            city_latest_year(&ds, city_id("nan")),
            Some(FiscalYear(2561))
        );
        let nan = ds
            .cities
            .iter_mut()
            .find(|c| c.meta.id == city_id("nan"))
            .expect("Nan");
        nan.budgets.clear();
        assert_eq!(city_latest_year(&ds, city_id("nan")), None);
        let unknown = crate::domain::meta::stable_id("no city");
        assert_eq!(city_latest_year(&ds, unknown), None);
    }
}
