//! What a city's page gathers (its committee, meetings, projects, grants, MOU and
//! instalments), and the geometry of its budget bar.

use crate::domain::sorting::SortSmall;

use rust_decimal::Decimal;

use crate::domain::dates::FiscalYear;
use crate::domain::meta::RecordId;
use crate::domain::records::{
    City, Committee, CommitteeGrant, Dataset, Instalment, Meeting, Mou, Project, ProvinceGrant,
};
pub use crate::domain::reports::CityFigures;
use crate::domain::reports::{city_bars, Scope};

/// A city's live records of every kind, each list in a stable order for display.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CityRecords {
    pub committees: Vec<Committee>,
    /// Meetings of the city's committees, oldest first (undated last).
    pub meetings: Vec<Meeting>,
    pub projects: Vec<Project>,
    pub committee_grants: Vec<CommitteeGrant>,
    /// The start-up grants of the city's province.
    pub province_grants: Vec<ProvinceGrant>,
    /// MOUs that list the city.
    pub mous: Vec<Mou>,
    /// By fiscal year, then number.
    pub instalments: Vec<Instalment>,
}

/// Everything of `city` that its page shows.
pub fn city_records(ds: &Dataset, city: &City) -> CityRecords {
    let id = city.meta.id;
    let committees: Vec<Committee> = ds
        .live::<Committee>()
        .filter(|c| c.city_id == id)
        .cloned()
        .collect();
    let committee_ids: Vec<RecordId> = committees.iter().map(|c| c.meta.id).collect();
    let mut meetings: Vec<Meeting> = ds
        .live::<Meeting>()
        .filter(|m| committee_ids.contains(&m.committee_id))
        .cloned()
        .collect();
    meetings.sort_by_key_small(|m| (m.date.is_none(), m.date));
    let mut projects: Vec<Project> = ds
        .live::<Project>()
        .filter(|p| p.city_id == id)
        .cloned()
        .collect();
    projects.sort_by_small(|a, b| b.meta.updated_at.cmp(&a.meta.updated_at));
    let mut instalments: Vec<Instalment> = ds
        .live::<Instalment>()
        .filter(|i| i.city_id == id)
        .cloned()
        .collect();
    instalments.sort_by_key_small(|i| (i.fiscal_year, i.number));
    CityRecords {
        committees,
        meetings,
        projects,
        committee_grants: ds
            .live::<CommitteeGrant>()
            .filter(|g| g.city_id == id)
            .cloned()
            .collect(),
        province_grants: ds
            .live::<ProvinceGrant>()
            .filter(|g| g.province_id == city.province_id)
            .cloned()
            .collect(),
        mous: ds
            .live::<Mou>()
            .filter(|m| m.city_ids.contains(&id))
            .cloned()
            .collect(),
        instalments,
    }
}

/// The fiscal year a city page shows first: the latest year the city has a ceiling for,
/// else the year of `today`.
pub fn default_year(city: &City, today_year: FiscalYear) -> FiscalYear {
    city.budgets
        .iter()
        .map(|b| b.fiscal_year)
        .max()
        .unwrap_or(today_year)
}

/// The city's figures for one year, from the reports (so the bar and the reports agree).
pub fn city_figures(ds: &Dataset, city: RecordId, year: FiscalYear) -> Option<CityFigures> {
    city_bars(ds, Scope::country(year))
        .into_iter()
        .find(|b| b.figures.city_id == city)
        .map(|b| b.figures)
}

/// Widths of the budget bar, as shares of one scale (0 to 1): the bar's scale is the
/// largest of cap, approved, committed and transferred, so an overrun shows past the cap.
/// Geometry, not money: the figures shown beside the bar stay [`Baht`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BarGeometry {
    pub approved_width: Decimal,
    pub committed_width: Decimal,
    pub transferred_width: Decimal,
    /// Where the cap line sits.
    pub cap_at: Decimal,
}

/// The bar for a city's figures. Only geometry is a float; every figure shown stays Baht.
///
/// ```
/// use mueang::domain::views::city_page::bar_geometry;
/// use mueang::domain::example::north_2561;
/// use mueang::domain::views::city_page::city_figures;
/// use mueang::domain::dates::FiscalYear;
/// let ds = north_2561().records;
/// let f = city_figures(&ds, ds.cities[0].meta.id, FiscalYear(2561)).unwrap();
/// let g = bar_geometry(&f);
/// assert_eq!(g.cap_at, rust_decimal::Decimal::ONE);
/// // The example's cities are approved at the cap; nothing was transferred on 3 Feb 2018.
/// assert_eq!(g.approved_width, rust_decimal::Decimal::ONE);
/// assert_eq!(g.transferred_width, rust_decimal::Decimal::ZERO);
/// ```
pub fn bar_geometry(f: &CityFigures) -> BarGeometry {
    let scale = f.cap.max(f.approved).max(f.committed).max(f.transferred);
    BarGeometry {
        approved_width: f.approved.share_of(scale),
        committed_width: f.committed.share_of(scale),
        transferred_width: f.transferred.share_of(scale),
        cap_at: f.cap.share_of(scale),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::example::north_2561;
    use crate::domain::money::Baht;

    #[test]
    fn an_example_city_gathers_its_records() {
        let ds = north_2561().records;
        let city = &ds.cities[0];
        let r = city_records(&ds, city);
        assert_eq!(r.mous.len(), 1);
        assert_eq!(r.committee_grants.len(), 1);
        assert_eq!(r.province_grants.len(), 1);
        assert!(!r.instalments.is_empty());
        assert_eq!(default_year(city, FiscalYear(2570)), FiscalYear(2561));
    }

    #[test]
    fn bar_scale_grows_past_the_cap_on_overrun() {
        let ds = north_2561().records;
        let mut f = city_figures(&ds, ds.cities[0].meta.id, FiscalYear(2561)).unwrap();
        f.committed = f.cap + f.cap;
        let g = bar_geometry(&f);
        assert_eq!(g.committed_width, Decimal::ONE);
        assert_eq!(g.cap_at, Decimal::new(5, 1));
        f.cap = Baht::ZERO;
        f.approved = Baht::ZERO;
        f.committed = Baht::ZERO;
        f.transferred = Baht::ZERO;
        assert_eq!(bar_geometry(&f).cap_at, Decimal::ZERO);
    }
}
