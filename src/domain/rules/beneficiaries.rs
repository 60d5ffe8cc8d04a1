//! Projects' beneficiaries (issue #12, part 5): `project.community_city`, a project naming a
//! community of another city, and `project.households_reached`, a project reaching more
//! households than its communities state. Both warnings: the link is for counting who the
//! money serves and never holds money back. A named community that does not exist is
//! `record.missing_field`, like any link to nothing.

use crate::domain::meta::RecordId;
use crate::domain::records::survey::Community;
use crate::domain::records::{AnyRecordRef, City, Dataset, Project, Record, RecordKind};

use super::codes::RuleCode;
use super::context::{Ctx, HashMap};
use super::finding::{Figure, Finding, RecordRef};
use super::missing::Check;
use super::text::{city_en, city_th};

/// Adds to a slice of one city (what live findings and the approval gate check) the
/// communities (tombstones too) that its projects and `draft` name, and the cities of those
/// communities it lacks: what these rules read. Without them a named community looked like
/// a link to nothing (`record.missing_field`, an error that held approval back).
pub(super) fn add_named_communities(ds: &Dataset, slice: &mut Dataset, draft: Option<&Project>) {
    let named: std::collections::HashSet<RecordId> = slice
        .projects
        .iter()
        .chain(draft)
        .flat_map(|p| p.community_ids.iter().copied())
        .collect();
    if named.is_empty() {
        return;
    }
    slice.communities = Community::all(ds)
        .iter()
        .filter(|c| named.contains(&c.meta.id))
        .cloned()
        .collect();
    for c in &slice.communities {
        if !slice.cities.iter().any(|x| x.meta.id == c.city_id) {
            let city = City::all(ds).iter().find(|x| x.meta.id == c.city_id);
            slice.cities.extend(city.cloned());
        }
    }
}

/// Every beneficiary finding of live projects that name communities.
pub fn beneficiaries(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let naming = || {
        ctx.ds
            .live::<Project>()
            .filter(|p| !p.community_ids.is_empty())
    };
    if naming().next().is_none() {
        return;
    }
    let communities: HashMap<RecordId, &Community> =
        ctx.ds.live::<Community>().map(|c| (c.meta.id, c)).collect();
    for p in naming() {
        let mut stated: u64 = 0;
        let mut any_stated = false;
        for &id in &p.community_ids {
            let Some(c) = communities.get(&id) else {
                let mut check = Check { ctx, out };
                check.refers_to_nothing(
                    AnyRecordRef::Project(p),
                    "community_ids",
                    ("ชุมชน", "community"),
                    RecordKind::Community,
                    id,
                );
                continue;
            };
            if let Some(n) = c.households {
                stated = stated.saturating_add(u64::from(n));
                any_stated = true;
            }
            if c.city_id != p.city_id {
                community_city(ctx, p, c, out);
            }
        }
        let Some(reached) = p.households_reached else {
            continue;
        };
        if any_stated && u64::from(reached) > stated {
            out.push(Finding::new(
                RuleCode::ProjectHouseholdsReached,
                vec![RecordRef::to(p)],
                Some("households_reached"),
                vec![
                    Figure::count("reached", i64::from(reached)),
                    Figure::count("stated", i64::try_from(stated).unwrap_or(i64::MAX)),
                ],
                format!(
                    "โครงการ \"{}\" แจ้งว่าถึง {} ครัวเรือน มากกว่าครัวเรือนของชุมชนที่ระบุรวมกัน ({} ครัวเรือน) ตรวจจำนวนหรือเพิ่มชุมชน",
                    p.title, reached, stated
                ),
                format!(
                    "Project \"{}\" says it reaches {} {}, more than its communities state together ({}). Check the number or name more communities.",
                    p.title,
                    reached,
                    if reached == 1 { "household" } else { "households" },
                    stated
                ),
            ));
        }
    }
}

fn community_city(ctx: &Ctx<'_>, p: &Project, c: &Community, out: &mut Vec<Finding>) {
    out.push(Finding::new(
        RuleCode::ProjectCommunityCity,
        vec![RecordRef::to(p), RecordRef::to(c)],
        Some("community_ids"),
        Vec::new(),
        format!(
            "โครงการ \"{}\" ของ{} ระบุชุมชน \"{}\" ซึ่งอยู่ใน{} เลือกชุมชนของเมืองนี้",
            p.title,
            city_th(ctx, p.city_id),
            c.name,
            city_th(ctx, c.city_id)
        ),
        format!(
            "Project \"{}\" of {} names the community \"{}\", which is in {}. Choose this city's communities.",
            p.title,
            city_en(ctx, p.city_id),
            c.name,
            city_en(ctx, c.city_id)
        ),
    ));
}
