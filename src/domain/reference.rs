//! Reference data that ships with Mueang: CODI's regions, all 77 provinces and the FY2561
//! programme parameters. Ids are derived from codes, so every office has the same records.

use std::sync::OnceLock;

use crate::domain::meta::{stable_id, RecordId, RecordMeta};
use crate::domain::records::{Dataset, ProgrammeParameters, Province, Region};

const REGIONS_TSV: &str = include_str!("data/regions.tsv");
const PROVINCES_TSV: &str = include_str!("data/provinces.tsv");

/// Rows of a shipped TSV table, comments and blank lines skipped.
fn rows(tsv: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    tsv.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
}

/// The id of the region with this code, e.g. `region_id("north")`.
pub fn region_id(code: &str) -> RecordId {
    stable_id(&format!("region:{code}"))
}

/// The id of the province with this ISO 3166-2 code, e.g. `province_id("TH-65")`.
pub fn province_id(code: &str) -> RecordId {
    stable_id(&format!("province:{code}"))
}

pub fn regions() -> Vec<Region> {
    rows(REGIONS_TSV)
        .map(|c| Region {
            meta: RecordMeta::shipped(&format!("region:{}", c[0])),
            code: c[0].to_string(),
            name_th: c[1].to_string(),
            name_en: c[2].to_string(),
        })
        .collect()
}

pub fn provinces() -> Vec<Province> {
    rows(PROVINCES_TSV)
        .map(|c| Province {
            meta: RecordMeta::shipped(&format!("province:{}", c[0])),
            code: c[0].to_string(),
            name_th: c[1].to_string(),
            name_en: c[2].to_string(),
            region_id: region_id(c[3]),
        })
        .collect()
}

/// What a new office starts with: regions, provinces and FY2561's parameters.
pub fn starter_dataset() -> Dataset {
    starter().clone()
}

/// [`starter_dataset`], made once: screens ask for the shipped records on every render
/// (each chooser of provinces, the overview's rules), and making them hashes an id for
/// each of the 84 records and parses the tables, which at a tablet's speed in wasm showed
/// in the first render of `/cities` and of the overview.
pub fn starter() -> &'static Dataset {
    static STARTER: OnceLock<Dataset> = OnceLock::new();
    STARTER.get_or_init(|| Dataset {
        regions: regions(),
        provinces: provinces(),
        programme_parameters: vec![ProgrammeParameters::fy2561()],
        ..Dataset::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn all_77_provinces_ship_with_unique_codes_and_known_regions() {
        let provinces = provinces();
        assert_eq!(provinces.len(), 77);
        let codes: HashSet<_> = provinces.iter().map(|p| p.code.as_str()).collect();
        assert_eq!(codes.len(), 77);
        let region_ids: HashSet<_> = regions().iter().map(|r| r.meta.id).collect();
        for p in &provinces {
            assert!(
                region_ids.contains(&p.region_id),
                "{} has an unknown region",
                p.code
            );
            assert!(!p.name_th.is_empty() && !p.name_en.is_empty());
        }
    }

    #[test]
    fn the_starter_made_once_is_the_one_made_from_the_tables() {
        let made = Dataset {
            regions: regions(),
            provinces: provinces(),
            programme_parameters: vec![ProgrammeParameters::fy2561()],
            ..Dataset::default()
        };
        assert_eq!(starter(), &made);
        assert_eq!(starter_dataset(), made);
        assert!(std::ptr::eq(starter(), starter()));
    }

    #[test]
    fn ids_are_stable_across_offices() {
        let phitsanulok = provinces().into_iter().find(|p| p.code == "TH-65").unwrap();
        assert_eq!(phitsanulok.meta.id, province_id("TH-65"));
        assert_eq!(phitsanulok.name_th, "พิษณุโลก");
        assert_eq!(phitsanulok.region_id, region_id("north"));
    }
}
