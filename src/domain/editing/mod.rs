//! Saving an edited record: the audit trail of who changed which field, rebasing a form
//! onto a newer stored version, the reference data a new office lacks (stored or shipped),
//! and the live findings for a record being typed. No browser types: all of it is tested
//! natively. What a form holds lives in [`crate::domain::forms`]; what list screens show in
//! [`crate::domain::views`].
//!
//! The browser side (`ui::edit`) only wires these to signals and storage.

pub mod audit;
pub mod rebase;
pub mod save_plan;
pub mod stored_or_shipped;

use chrono::NaiveDate;

use crate::domain::meta::RecordId;
use crate::domain::records::survey::{Community, Household};
use crate::domain::records::{
    AnyRecord, City, Committee, CommitteeGrant, Dataset, Instalment, Mou, Project, ProvinceGrant,
    Record,
};
use crate::domain::rules::{add_named_communities, check, Finding};

pub use audit::{AuditAction, AuditEntry, AuditLog, FieldChange, AUDIT_KIND};

/// Whether the record has other versions waiting in `ds.conflicts` (a concurrent edit by
/// another office). Such a record is settled on the Conflicts page, never overwritten
/// from a form, so no office's version is lost without a person choosing.
pub fn in_conflict<R: Record>(ds: &Dataset, id: RecordId) -> bool {
    R::siblings(ds).iter().any(|s| s.meta().id == id)
}

/// The findings about `draft` if it were saved now: the rules run over `ds` with the draft
/// in place (and the shipped reference data a new office lacks), keeping those that name
/// the draft. Used while a person types, so they see `project.cap` before saving.
///
/// ```
/// use chrono::NaiveDate;
/// use mueang::domain::editing::draft_findings;
/// use mueang::domain::example::north_2561;
/// use mueang::domain::money::Baht;
/// use mueang::domain::records::{Project, Record};
/// let ds = north_2561().records;
/// let mut city = ds.cities[0].clone();
/// city.name_th.clear();
/// let found = draft_findings(&ds, city.clone().into_any(), NaiveDate::from_ymd_opt(2018, 3, 1).unwrap());
/// assert!(found.iter().any(|f| f.field.as_deref() == Some("name_th")));
/// ```
pub fn draft_findings(ds: &Dataset, draft: AnyRecord, today: NaiveDate) -> Vec<Finding> {
    let id = draft.meta().id;
    let mut with = match &draft {
        // A project's rules look no further than its city and that city's province (caps,
        // history, duplicates among the city's projects): checking that slice keeps the
        // live check cheap with 10,000 projects. `tests/editing.rs` compares it with the
        // whole-dataset check.
        AnyRecord::Project(p) => city_slice(ds, p.city_id, Some(p)),
        // A household's rules look no further than its community and its city's rounds:
        // entering one at a meeting stays quick with a region's 100,000 stored.
        AnyRecord::Household(h) => community_slice(ds, h.community_id),
        _ => ds.clone(),
    };
    stored_or_shipped::add_missing(&mut with);
    with.upsert(draft);
    check(&with, today)
        .into_iter()
        .filter(|f| f.concerns(id))
        .collect()
}

/// One city's records and what they refer to: the reference data, the cities of its
/// province (duplicate names are looked for there) and the province's grants.
pub fn city_slice(ds: &Dataset, city_id: RecordId, draft: Option<&Project>) -> Dataset {
    let province = ds.get::<City>(city_id).map(|c| c.province_id);
    let mine = |id: RecordId| id == city_id;
    let mut slice = Dataset {
        regions: ds.regions.clone(),
        provinces: ds.provinces.clone(),
        programme_parameters: ds.programme_parameters.clone(),
        stated_totals: Vec::new(),
        cities: select(ds, |c: &City| {
            mine(c.meta.id) || Some(c.province_id) == province
        }),
        committees: select(ds, |c: &Committee| mine(c.city_id)),
        projects: select(ds, |p: &Project| mine(p.city_id)),
        committee_grants: select(ds, |g: &CommitteeGrant| mine(g.city_id)),
        province_grants: select(ds, |g: &ProvinceGrant| Some(g.province_id) == province),
        instalments: select(ds, |i: &Instalment| mine(i.city_id)),
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
