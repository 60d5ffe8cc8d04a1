//! The shipped reference data (regions, the 77 provinces, FY2561's parameters) that a new
//! office's store may not hold yet. Screens show it as if stored; the first save writes
//! what is missing in the same transaction, so the rules always find a city's province.

use crate::domain::sorting::SortSmall;
use std::collections::HashSet;

use crate::domain::meta::RecordId;
use crate::domain::records::{Dataset, Province, Record, Region};
use crate::domain::reference::starter;

/// Shipped records whose id `ds` does not hold (a stored tombstone counts as held, so a
/// deleted reference record is not brought back).
pub fn missing_reference(ds: &Dataset) -> Dataset {
    let start = starter();
    Dataset {
        regions: absent(&ds.regions, &start.regions),
        provinces: absent(&ds.provinces, &start.provinces),
        programme_parameters: absent(&ds.programme_parameters, &start.programme_parameters),
        ..Dataset::default()
    }
}

fn absent<R: Record>(have: &[R], shipped: &[R]) -> Vec<R> {
    let ids: HashSet<RecordId> = have.iter().map(|r| r.meta().id).collect();
    shipped
        .iter()
        .filter(|r| !ids.contains(&r.meta().id))
        .cloned()
        .collect()
}

/// `ds` with the missing reference records added.
pub fn with_reference(ds: &Dataset) -> Dataset {
    let mut out = ds.clone();
    add_missing(&mut out);
    out
}

/// Adds the missing reference records to `ds` in place.
pub fn add_missing(ds: &mut Dataset) {
    let missing = missing_reference(ds);
    ds.regions.extend(missing.regions);
    ds.provinces.extend(missing.provinces);
    ds.programme_parameters.extend(missing.programme_parameters);
}

/// Every live region, stored or shipped, in shipped order then any others.
pub fn regions(ds: &Dataset) -> Vec<Region> {
    let mut out: Vec<Region> = ds.live::<Region>().cloned().collect();
    out.extend(missing_reference(ds).regions);
    let order = &starter().regions;
    out.sort_by_key_small(|r| {
        order
            .iter()
            .position(|o| o.meta.id == r.meta.id)
            .unwrap_or(usize::MAX)
    });
    out
}

/// Every live province, stored or shipped, sorted by Thai name.
pub fn provinces(ds: &Dataset) -> Vec<Province> {
    let mut out: Vec<Province> = ds.live::<Province>().cloned().collect();
    out.extend(missing_reference(ds).provinces);
    out.sort_by_cached_key_small(|p| crate::domain::views::thai_sort::thai_sort_key(&p.name_th));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::example::north_2561;

    #[test]
    fn an_empty_store_lacks_everything_shipped() {
        let m = missing_reference(&Dataset::default());
        assert_eq!(m.provinces.len(), 77);
        assert!(!m.regions.is_empty());
        assert_eq!(m.programme_parameters.len(), 1);
        assert_eq!(provinces(&Dataset::default()).len(), 77);
    }

    #[test]
    fn stored_and_deleted_records_are_not_added_again() {
        let mut ds = north_2561().records;
        let stored = ds.provinces.len();
        assert!(stored > 0);
        ds.provinces[0].meta.deleted = true;
        let m = missing_reference(&ds);
        assert_eq!(m.provinces.len(), 77 - stored);
        assert!(m.programme_parameters.is_empty());
        assert_eq!(provinces(&ds).len(), 76, "the deleted one stays deleted");
        let with = with_reference(&ds);
        assert_eq!(with.provinces.len(), 77);
        assert!(missing_reference(&with).provinces.is_empty());
    }

    #[test]
    fn provinces_sort_by_thai_name_ignoring_leading_vowels() {
        let names: Vec<String> = provinces(&Dataset::default())
            .into_iter()
            .map(|p| p.name_th)
            .collect();
        let first = names.first().cloned().unwrap_or_default();
        assert_eq!(first, "กระบี่");
        // เชียงใหม่ sorts under ช, after ฉะเชิงเทรา and before ชัยนาท? It sorts by ช + เ.
        let cm = names.iter().position(|n| n == "เชียงใหม่").unwrap();
        let cs = names.iter().position(|n| n == "ฉะเชิงเทรา").unwrap();
        assert!(cs < cm, "{names:?}");
    }
}
