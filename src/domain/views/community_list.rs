//! The communities list (`/communities`): each community with its city, stated households
//! and how many are surveyed, filtered by the list filter and sorted by city then name.
//! Households are counted in one pass, so a region's 100,000 cost one scan.

use crate::domain::meta::RecordId;
use crate::domain::records::survey::{Community, EvictionThreat, Household};
use crate::domain::records::Dataset;
use crate::domain::sorting::SortSmall;
use crate::domain::views::choices::{cities, CityName};
use crate::domain::views::count_per;
use crate::domain::views::entry_lists::ListFilter;
use crate::domain::views::thai_sort::thai_sort_key;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CommunityRow {
    pub id: RecordId,
    pub name: String,
    pub city: Option<CityName>,
    pub district: String,
    /// As the community states it.
    pub stated: Option<u32>,
    /// Live households surveyed.
    pub surveyed: usize,
    pub eviction: Option<EvictionThreat>,
}

/// Live communities passing `f` (city, province, search in names and places).
///
/// ```
/// use mueang::domain::demo_survey::demo_survey;
/// use mueang::domain::views::community_list::community_rows;
/// use mueang::domain::views::entry_lists::ListFilter;
/// let ds = demo_survey(120, 1).records;
/// let rows = community_rows(&ds, &ListFilter::default());
/// assert_eq!(rows.iter().map(|r| r.surveyed).sum::<usize>(), 120);
/// ```
pub fn community_rows(ds: &Dataset, f: &ListFilter) -> Vec<CommunityRow> {
    let names = cities(ds);
    let surveyed = count_per(ds, |h: &Household| h.community_id);
    let mut rows: Vec<CommunityRow> = ds
        .live::<Community>()
        .filter_map(|c| {
            let city = names.get(&c.city_id);
            let texts = [
                c.name.as_str(),
                c.district.as_str(),
                c.subdistrict.as_str(),
                city.map_or("", |n| n.th.as_str()),
                city.map_or("", |n| n.en.as_str()),
            ];
            (f.matches_city(city) && f.matches_text(&texts)).then(|| CommunityRow {
                id: c.meta.id,
                name: c.name.clone(),
                city: city.cloned(),
                district: c.district.clone(),
                stated: c.households,
                surveyed: surveyed.get(&c.meta.id).copied().unwrap_or(0),
                eviction: c.eviction,
            })
        })
        .collect();
    rows.sort_by_cached_key_small(|r| {
        (
            thai_sort_key(r.city.as_ref().map_or("", |c| c.th.as_str())),
            thai_sort_key(&r.name),
            r.id,
        )
    });
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::demo_survey::demo_survey;

    #[test]
    fn filters_by_city_and_words_and_counts_households() {
        let ds = demo_survey(240, 3).records;
        let all = community_rows(&ds, &ListFilter::default());
        assert_eq!(all.len(), ds.communities.len());
        let city = ds.cities[1].meta.id;
        let one = community_rows(
            &ds,
            &ListFilter {
                city: Some(city),
                ..ListFilter::default()
            },
        );
        assert!(!one.is_empty());
        assert!(one
            .iter()
            .all(|r| r.city.as_ref().is_some_and(|c| c.id == city)));
        assert_eq!(one.iter().map(|r| r.surveyed).sum::<usize>(), 20);
        let name = one[0].name.clone();
        let found = community_rows(
            &ds,
            &ListFilter {
                city: Some(city),
                search: name.clone(),
                ..ListFilter::default()
            },
        );
        assert!(found.iter().all(|r| r.name.contains(&name)));
        let none = community_rows(
            &ds,
            &ListFilter {
                search: "ไม่มีชุมชนนี้".into(),
                ..ListFilter::default()
            },
        );
        assert!(none.is_empty());
    }
}
