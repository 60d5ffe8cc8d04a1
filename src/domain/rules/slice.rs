//! The part of a dataset that one record's rules read, so checking a record as it is typed
//! or gated costs as much as its city (or community) rather than the whole country.
//! `tests/editing.rs` compares the findings on each slice with the whole check.

use crate::domain::meta::RecordId;
use crate::domain::records::survey::{Community, Household};
use crate::domain::records::{
    City, Committee, CommitteeGrant, Dataset, Instalment, Mou, ProgressReport, Project,
    ProvinceGrant, Record,
};

use super::beneficiaries::add_named_communities;

/// One city's records and what they refer to: the reference data, the cities of its
/// province (duplicate names are looked for there), the province's grants, the reports its
/// projects and instalments rest on with their projects (another city's report must be
/// seen as such, not as a report that does not exist), and the communities its projects
/// and `draft` name. Tombstones come along as in the whole dataset.
pub fn city_slice(ds: &Dataset, city_id: RecordId, draft: Option<&Project>) -> Dataset {
    let province = ds.get::<City>(city_id).map(|c| c.province_id);
    let mine = |id: RecordId| id == city_id;
    let mut projects = select(ds, |p: &Project| mine(p.city_id));
    let instalments = select(ds, |i: &Instalment| mine(i.city_id));
    let pointed: Vec<RecordId> = instalments
        .iter()
        .filter_map(|i| i.progress_report_id)
        .collect();
    let progress_reports = select(ds, |r: &ProgressReport| {
        pointed.contains(&r.meta.id) || projects.iter().any(|p| p.meta.id == r.project_id)
    });
    for r in &progress_reports {
        if !projects.iter().any(|p| p.meta.id == r.project_id) {
            projects.extend(ds.get::<Project>(r.project_id).cloned());
        }
    }
    let mut slice = Dataset {
        regions: ds.regions.clone(),
        provinces: ds.provinces.clone(),
        programme_parameters: ds.programme_parameters.clone(),
        cities: select(ds, |c: &City| {
            mine(c.meta.id) || Some(c.province_id) == province
        }),
        committees: select(ds, |c: &Committee| mine(c.city_id)),
        projects,
        progress_reports,
        committee_grants: select(ds, |g: &CommitteeGrant| mine(g.city_id)),
        province_grants: select(ds, |g: &ProvinceGrant| Some(g.province_id) == province),
        instalments,
        mous: select(ds, |m: &Mou| m.city_ids.contains(&city_id)),
        ..Dataset::default()
    };
    add_named_communities(ds, &mut slice, draft);
    slice
}

/// One community's survey: the community, its households, its city and the survey rounds
/// (a handful a city) with the reference data: what a household's rules read.
pub fn community_slice(ds: &Dataset, community: RecordId) -> Dataset {
    let city = ds.get::<Community>(community).map(|c| c.city_id);
    Dataset {
        regions: ds.regions.clone(),
        provinces: ds.provinces.clone(),
        programme_parameters: ds.programme_parameters.clone(),
        cities: select(ds, |c: &City| Some(c.meta.id) == city),
        communities: select(ds, |c: &Community| c.meta.id == community),
        survey_rounds: ds.survey_rounds.clone(),
        households: select(ds, |h: &Household| h.community_id == community),
        ..Dataset::default()
    }
}

fn select<R: Record>(ds: &Dataset, keep: impl Fn(&R) -> bool) -> Vec<R> {
    R::all(ds).iter().filter(|r| keep(r)).cloned().collect()
}
