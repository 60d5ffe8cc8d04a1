//! The names choosers and rows show for cities, provinces and regions: Thai always, English
//! on an English page when the record has an English name (a city or a province typed in
//! with its Thai name only still shows, in Thai).

use std::collections::HashMap;

use crate::domain::editing::stored_or_shipped;
use crate::domain::meta::RecordId;
use crate::domain::records::{City, Dataset};
use crate::domain::sorting::SortSmall;
use crate::domain::views::thai_sort::thai_sort_key;

/// The name to show: English on an English page if there is one, else Thai.
pub fn shown_name<'a>(th: &'a str, en: &'a str, thai: bool) -> &'a str {
    if thai || en.is_empty() {
        th
    } else {
        en
    }
}

/// A city's names, for rows.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct CityName {
    pub id: RecordId,
    pub th: String,
    pub en: String,
    pub province: RecordId,
}

impl CityName {
    /// The name to show: English on an English page if the city has one, else Thai.
    pub fn shown(&self, thai: bool) -> &str {
        shown_name(&self.th, &self.en, thai)
    }
}

/// A province or region in a chooser.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Choice {
    pub id: RecordId,
    pub th: String,
    pub en: String,
}

impl Choice {
    /// The name to show: English on an English page if there is one, else Thai.
    pub fn shown(&self, thai: bool) -> &str {
        shown_name(&self.th, &self.en, thai)
    }
}

pub(crate) fn cities(ds: &Dataset) -> HashMap<RecordId, CityName> {
    ds.live::<City>()
        .map(|c| {
            let n = CityName {
                id: c.meta.id,
                th: c.name_th.clone(),
                en: c.name_en.clone(),
                province: c.province_id,
            };
            (c.meta.id, n)
        })
        .collect()
}

/// Live cities sorted by Thai name, for choosers.
pub fn city_choices(ds: &Dataset) -> Vec<CityName> {
    let mut out: Vec<CityName> = cities(ds).into_values().collect();
    out.sort_by_cached_key_small(|c| thai_sort_key(&c.th));
    out
}

/// Every region, stored or shipped, in CODI's order.
pub fn region_choices(ds: &Dataset) -> Vec<Choice> {
    stored_or_shipped::regions(ds)
        .into_iter()
        .map(|r| Choice {
            id: r.meta.id,
            th: r.name_th,
            en: r.name_en,
        })
        .collect()
}

/// Every province, stored or shipped, by Thai name; only `region`'s when one is given.
pub fn province_choices(ds: &Dataset, region: Option<RecordId>) -> Vec<Choice> {
    stored_or_shipped::provinces(ds)
        .into_iter()
        .filter(|p| region.is_none_or(|r| r == p.region_id))
        .map(|p| Choice {
            id: p.meta.id,
            th: p.name_th,
            en: p.name_en,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::example::north_2561;

    #[test]
    fn a_city_shows_its_english_name_only_on_an_english_page_that_has_one() {
        let both = CityName {
            th: "แม่สอด".into(),
            en: "Mae Sot".into(),
            ..CityName::default()
        };
        assert_eq!(both.shown(true), "แม่สอด");
        assert_eq!(both.shown(false), "Mae Sot");
        let thai_only = CityName {
            th: "แม่สอด".into(),
            ..CityName::default()
        };
        assert_eq!(thai_only.shown(false), "แม่สอด");
    }

    #[test]
    fn a_province_without_an_english_name_shows_in_thai_on_an_english_page() {
        let mut ds = north_2561().records;
        let tak = ds.provinces[0].meta.id;
        ds.provinces[0].name_en.clear();
        let thai_name = ds.provinces[0].name_th.clone();
        let all = province_choices(&ds, None);
        let shown = all.iter().find(|p| p.id == tak).map(|p| p.shown(false));
        assert_eq!(shown, Some(thai_name.as_str()));
        let named = all.iter().find(|p| !p.en.is_empty()).unwrap();
        assert_eq!(named.shown(false), named.en);
        assert_eq!(named.shown(true), named.th);
    }

    #[test]
    fn provinces_narrow_to_a_region_and_every_region_is_offered() {
        let ds = Dataset::default();
        let regions = region_choices(&ds);
        assert!(regions.len() > 1);
        let all = province_choices(&ds, None);
        assert_eq!(all.len(), 77);
        let counts: usize = regions
            .iter()
            .map(|r| province_choices(&ds, Some(r.id)).len())
            .sum();
        assert_eq!(counts, 77, "each province is in exactly one region");
        let first = province_choices(&ds, Some(regions[0].id));
        assert!(!first.is_empty() && first.len() < 77);
    }
}
