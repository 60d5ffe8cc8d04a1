//! The printable community profile (`/print/community/:id`, issue #12 part 5): the
//! community's facts, what the survey counted there, and the projects that name it with the
//! households they reach. No household is listed and no person named: the sheet is handed
//! round and pinned up.

use crate::domain::dates::FiscalYear;
use crate::domain::meta::RecordId;
use crate::domain::money::Baht;
use crate::domain::records::survey::Community;
use crate::domain::records::{Dataset, Project, ProjectStatus};
use crate::domain::sorting::SortSmall;

use super::names::PlaceNames;
use super::survey::{community_summary, SurveySummary};

/// A project serving the community.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServingProject {
    pub id: RecordId,
    pub title: String,
    pub fiscal_year: FiscalYear,
    pub status: ProjectStatus,
    pub approved: Option<Baht>,
    /// Households the project says it reaches (all its communities together).
    pub households_reached: Option<u32>,
    /// How many communities the project names, this one included.
    pub communities: usize,
}

/// Everything the profile prints.
#[derive(Debug, Clone, PartialEq)]
pub struct CommunityProfile {
    pub community: Community,
    pub place: PlaceNames,
    pub summary: SurveySummary,
    /// Newest fiscal year first, then by title.
    pub projects: Vec<ServingProject>,
}

/// Live projects naming community `id`, newest year first.
pub fn projects_serving(ds: &Dataset, id: RecordId) -> Vec<ServingProject> {
    let mut out: Vec<ServingProject> = ds
        .live::<Project>()
        .filter(|p| p.community_ids.contains(&id))
        .map(|p| ServingProject {
            id: p.meta.id,
            title: p.title.clone(),
            fiscal_year: p.fiscal_year,
            status: p.status(),
            approved: p.amount_approved,
            households_reached: p.households_reached,
            communities: p.community_ids.len(),
        })
        .collect();
    out.sort_by_key_small(|p| (std::cmp::Reverse(p.fiscal_year.0), p.title.clone(), p.id));
    out
}

/// The profile of live community `id`; `None` when there is none.
///
/// ```
/// use mueang::domain::demo_survey::demo_survey;
/// use mueang::domain::reports::community_profile::community_profile;
/// let ds = demo_survey(240, 1).records;
/// let p = community_profile(&ds, ds.communities[0].meta.id).unwrap();
/// assert!(p.summary.households > 0);
/// assert!(!p.place.city_th.is_empty());
/// ```
pub fn community_profile(ds: &Dataset, id: RecordId) -> Option<CommunityProfile> {
    let community = ds.live::<Community>().find(|c| c.meta.id == id)?.clone();
    Some(CommunityProfile {
        place: PlaceNames::of(ds, community.city_id),
        summary: community_summary(ds, id),
        projects: projects_serving(ds, id),
        community,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::demo_survey::demo_survey;

    #[test]
    fn the_profile_gathers_facts_counts_and_the_projects_naming_it() {
        let mut ds = demo_survey(240, 6).records;
        let c = ds.communities[0].clone();
        let mut serving = crate::domain::records::Project::new(
            crate::domain::meta::RecordMeta::shipped("p:serving"),
            c.city_id,
            FiscalYear(2561),
        );
        serving.title = "ซ่อมบ้านริมน้ำ".into();
        serving.community_ids = vec![c.meta.id, ds.communities[1].meta.id];
        serving.households_reached = Some(30);
        let mut other = serving.clone();
        other.meta = crate::domain::meta::RecordMeta::shipped("p:other");
        other.community_ids = vec![ds.communities[1].meta.id];
        let mut gone = serving.clone();
        gone.meta = crate::domain::meta::RecordMeta::shipped("p:gone");
        gone.meta.deleted = true;
        ds.projects.extend([serving, other, gone]);
        let p = community_profile(&ds, c.meta.id).expect("a profile");
        assert_eq!(p.community.name, c.name);
        assert_eq!(p.summary, community_summary(&ds, c.meta.id));
        assert_eq!(p.projects.len(), 1, "only the live project naming it");
        assert_eq!(p.projects[0].households_reached, Some(30));
        assert_eq!(p.projects[0].communities, 2);
        assert!(!p.place.province_th.is_empty());
        assert!(community_profile(&ds, RecordId::nil()).is_none());
    }
}
