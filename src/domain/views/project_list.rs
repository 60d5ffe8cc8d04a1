//! The project list: search, filters and sort as one pure function, fast enough for
//! 10,000 projects within a frame (see `tests/bench_lists.rs`, which prints the times).

use crate::domain::sorting::SortSmall;
use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::domain::dates::FiscalYear;
use crate::domain::meta::RecordId;
use crate::domain::money::Baht;
use crate::domain::records::{
    latest_report, Category, City, Dataset, Progress, Project, ProjectStatus,
};
use crate::domain::views::thai_sort::thai_sort_key;

/// How the list is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProjectSort {
    /// Most recently changed first: what a person just worked on is at the top.
    #[default]
    Recent,
    Title,
    City,
    /// Largest amount (approved, else requested) first.
    AmountDesc,
    Status,
}

impl ProjectSort {
    pub const ALL: [ProjectSort; 5] = [
        ProjectSort::Recent,
        ProjectSort::Title,
        ProjectSort::City,
        ProjectSort::AmountDesc,
        ProjectSort::Status,
    ];
}

/// What the person asked the list for. Empty search and `None` filters show everything.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ProjectQuery {
    pub search: String,
    pub city: Option<RecordId>,
    pub category: Option<Category>,
    pub status: Option<ProjectStatus>,
    pub fiscal_year: Option<FiscalYear>,
    pub sort: ProjectSort,
}

/// One line of the list: what a row shows, already looked up.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ProjectRow {
    pub id: RecordId,
    pub title: String,
    pub proposer: String,
    pub city_id: RecordId,
    pub city_th: String,
    /// Empty when the city has no English name.
    pub city_en: String,
    pub category: Category,
    pub status: ProjectStatus,
    pub fiscal_year: FiscalYear,
    /// The approved amount, else the requested one.
    pub amount: Option<Baht>,
    pub progress_percent: u8,
}

/// What the list filters and sorts on, worked out once per dataset, so each keystroke in
/// the search box only filters and sorts positions (see `tests/bench_lists.rs`). Rows are
/// built only for the page on screen ([`ProjectIndex::row`]). Two allocations per project:
/// on a busy tablet the allocator, not the comparisons, is what costs.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ProjectIndex {
    entries: Vec<Entry>,
    /// Per city slot: its Thai sort key, and its names lower-cased for search.
    cities: Vec<(RecordId, String, String)>,
}

#[derive(Debug, Clone, PartialEq)]
struct Entry {
    /// Position in `Dataset::projects` when the index was built.
    pos: usize,
    id: RecordId,
    city_id: RecordId,
    /// Index into `ProjectIndex::cities`; `usize::MAX` when the city is unknown.
    city: usize,
    /// The city's place in Thai name order (unknown cities last).
    city_rank: usize,
    category: Category,
    status: ProjectStatus,
    fiscal_year: FiscalYear,
    amount: Option<Baht>,
    updated_at: chrono::DateTime<chrono::Utc>,
    title_key: String,
    /// Title and proposer, lower-cased, separated by a newline.
    haystack: String,
}

impl ProjectIndex {
    /// Every live project of `ds`.
    pub fn new(ds: &Dataset) -> ProjectIndex {
        let mut cities = Vec::new();
        let mut slots: HashMap<RecordId, usize> = HashMap::new();
        for c in ds.live::<City>() {
            let mut names = String::new();
            push_lower(&mut names, &c.name_th);
            names.push('\n');
            push_lower(&mut names, &c.name_en);
            slots.insert(c.meta.id, cities.len());
            cities.push((c.meta.id, thai_sort_key(&c.name_th), names));
        }
        // Each city's place in Thai order, so sorting projects by city compares numbers.
        let mut order: Vec<usize> = (0..cities.len()).collect();
        order.sort_by_small(|&a, &b| cities[a].1.cmp(&cities[b].1));
        let mut rank = vec![0; cities.len()];
        for (place, &slot) in order.iter().enumerate() {
            rank[slot] = place;
        }
        let entries = ds
            .projects
            .iter()
            .enumerate()
            .filter(|(_, p)| !p.meta.deleted)
            .map(|(pos, p)| {
                let mut haystack = String::with_capacity(p.title.len() + p.proposer.len() + 1);
                push_lower(&mut haystack, &p.title);
                haystack.push('\n');
                push_lower(&mut haystack, &p.proposer);
                Entry {
                    pos,
                    id: p.meta.id,
                    city_id: p.city_id,
                    city: slots.get(&p.city_id).copied().unwrap_or(usize::MAX),
                    city_rank: slots.get(&p.city_id).map_or(usize::MAX, |&s| rank[s]),
                    category: p.category,
                    status: p.status(),
                    fiscal_year: p.fiscal_year,
                    amount: amount(p),
                    updated_at: p.meta.updated_at,
                    title_key: thai_sort_key(&p.title),
                    haystack,
                }
            })
            .collect();
        ProjectIndex { entries, cities }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The positions (for [`ProjectIndex::row`]) of the projects matching `q`, sorted.
    /// Search matches title, proposer and city name (Thai or English, any case) and
    /// ignores surrounding spaces.
    pub fn query(&self, q: &ProjectQuery) -> Vec<usize> {
        let needle = lower(q.search.trim());
        let city_hit: Vec<bool> = self
            .cities
            .iter()
            .map(|c| !needle.is_empty() && c.2.contains(&needle))
            .collect();
        let e = &self.entries;
        let mut picked: Vec<usize> = (0..e.len())
            .filter(|&i| {
                let r = &e[i];
                q.city.is_none_or(|c| r.city_id == c)
                    && q.category.is_none_or(|c| r.category == c)
                    && q.fiscal_year.is_none_or(|y| r.fiscal_year == y)
                    && q.status.is_none_or(|s| r.status == s)
                    && (needle.is_empty()
                        || city_hit.get(r.city).copied().unwrap_or(false)
                        || r.haystack.contains(&needle))
            })
            .collect();
        match q.sort {
            ProjectSort::Recent => {
                picked.sort_by_small(|&a, &b| e[b].updated_at.cmp(&e[a].updated_at))
            }
            ProjectSort::Title => {
                picked.sort_by_small(|&a, &b| e[a].title_key.cmp(&e[b].title_key))
            }
            ProjectSort::City => picked.sort_by_small(|&a, &b| {
                (e[a].city_rank, &e[a].title_key).cmp(&(e[b].city_rank, &e[b].title_key))
            }),
            ProjectSort::AmountDesc => picked.sort_by_small(|&a, &b| e[b].amount.cmp(&e[a].amount)),
            ProjectSort::Status => picked.sort_by_small(|&a, &b| {
                status_rank(e[a].status)
                    .cmp(&status_rank(e[b].status))
                    .then_with(|| e[b].updated_at.cmp(&e[a].updated_at))
            }),
        }
        picked
    }

    /// The row at position `i` of a [`ProjectIndex::query`] result, read from `ds` (the
    /// dataset the index was built from; `None` if the project has gone since).
    pub fn row(&self, ds: &Dataset, i: usize) -> Option<ProjectRow> {
        let e = self.entries.get(i)?;
        let p = match ds.projects.get(e.pos) {
            Some(p) if p.meta.id == e.id => p,
            _ => ds.get::<Project>(e.id)?,
        };
        let city = self.cities.get(e.city).and_then(|c| ds.get::<City>(c.0));
        Some(row(ds, p, city))
    }
}

/// The live projects matching `q`, sorted (an index built and queried once).
pub fn project_rows(ds: &Dataset, q: &ProjectQuery) -> Vec<ProjectRow> {
    let ix = ProjectIndex::new(ds);
    ix.query(q)
        .into_iter()
        .filter_map(|i| ix.row(ds, i))
        .collect()
}

/// Lower case, without the cost of Unicode case mapping for Thai (which has no case).
fn lower(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_lower(&mut out, s);
    out
}

fn push_lower(out: &mut String, s: &str) {
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if ('\u{0E00}'..='\u{0E7F}').contains(&c) {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
    }
}

fn amount(p: &Project) -> Option<Baht> {
    p.amount_approved.or(p.amount_requested)
}

fn status_rank(s: ProjectStatus) -> usize {
    ProjectStatus::ALL.iter().position(|&x| x == s).unwrap_or(0)
}

fn row(ds: &Dataset, p: &Project, city: Option<&City>) -> ProjectRow {
    ProjectRow {
        id: p.meta.id,
        title: p.title.clone(),
        proposer: p.proposer.clone(),
        city_id: p.city_id,
        city_th: city.map(|c| c.name_th.clone()).unwrap_or_default(),
        city_en: city.map(|c| c.name_en.clone()).unwrap_or_default(),
        category: p.category,
        status: p.status(),
        fiscal_year: p.fiscal_year,
        amount: amount(p),
        // The latest dated report's, else the project's own (docs/screens.md).
        progress_percent: Progress::of(p, latest_report(ds, p.meta.id, chrono::NaiveDate::MAX))
            .percent,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::example::north_2561;
    use crate::domain::meta::{Editor, RecordMeta};
    use crate::domain::records::StatusChange;
    use chrono::{DateTime, NaiveDate};

    fn project(ds: &Dataset, n: i64, title: &str, cat: Category, amount: i64) -> Project {
        let editor = Editor::office("t");
        let at = DateTime::from_timestamp(1_500_000_000 + n, 0).unwrap();
        let meta = RecordMeta::new(uuid::Uuid::from_u128(n as u128 + 1), &editor, at);
        let city = ds.cities[(n as usize) % ds.cities.len()].meta.id;
        Project {
            proposer: format!("ชุมชน {n}"),
            category: cat,
            title: title.into(),
            amount_requested: Some(Baht::whole(amount)),
            ..Project::new(meta, city, FiscalYear(2561))
        }
    }

    fn sample() -> Dataset {
        let mut ds = north_2561().records;
        let list = vec![
            project(&ds, 0, "ไฟฟ้าส่องสว่าง", Category::Environment, 30_000),
            project(&ds, 1, "ซ่อมบ้าน", Category::Housing, 50_000),
            project(&ds, 2, "Youth camp", Category::Youth, 10_000),
            project(&ds, 3, "เลี้ยงปลา", Category::Livelihood, 45_000),
        ];
        ds.projects = list;
        ds.projects[3].status_history.push(StatusChange {
            status: ProjectStatus::Approved,
            date: NaiveDate::from_ymd_opt(2018, 2, 3).unwrap(),
        });
        ds.projects[3].amount_approved = Some(Baht::whole(40_000));
        ds
    }

    fn titles(rows: &[ProjectRow]) -> Vec<&str> {
        rows.iter().map(|r| r.title.as_str()).collect()
    }

    #[test]
    fn sorts() {
        let ds = sample();
        let q = |sort| ProjectQuery {
            sort,
            ..Default::default()
        };
        assert_eq!(
            titles(&project_rows(&ds, &q(ProjectSort::Recent)))[0],
            "เลี้ยงปลา"
        );
        // ซ < ฟ(ไฟ) < ล(เลี้ยง) in Thai order; Latin letters sort before Thai.
        assert_eq!(
            titles(&project_rows(&ds, &q(ProjectSort::Title))),
            vec!["Youth camp", "ซ่อมบ้าน", "ไฟฟ้าส่องสว่าง", "เลี้ยงปลา"]
        );
        assert_eq!(
            titles(&project_rows(&ds, &q(ProjectSort::AmountDesc))),
            vec!["ซ่อมบ้าน", "เลี้ยงปลา", "ไฟฟ้าส่องสว่าง", "Youth camp"]
        );
        assert_eq!(
            titles(&project_rows(&ds, &q(ProjectSort::Status)))[3],
            "เลี้ยงปลา"
        );
        let by_city = project_rows(&ds, &q(ProjectSort::City));
        assert!(by_city
            .windows(2)
            .all(|w| thai_sort_key(&w[0].city_th) <= thai_sort_key(&w[1].city_th)));
    }

    #[test]
    fn filters_and_search() {
        let mut ds = sample();
        let q = ProjectQuery {
            search: " YOUTH ".into(),
            ..Default::default()
        };
        assert_eq!(titles(&project_rows(&ds, &q)), vec!["Youth camp"]);
        let q = ProjectQuery {
            search: "ชุมชน 1".into(),
            ..Default::default()
        };
        assert_eq!(titles(&project_rows(&ds, &q)), vec!["ซ่อมบ้าน"]);
        let city = &ds.cities[0];
        let q = ProjectQuery {
            search: city.name_th.clone(),
            ..Default::default()
        };
        assert!(!project_rows(&ds, &q).is_empty());
        let q = ProjectQuery {
            category: Some(Category::Housing),
            ..Default::default()
        };
        assert_eq!(titles(&project_rows(&ds, &q)), vec!["ซ่อมบ้าน"]);
        let q = ProjectQuery {
            status: Some(ProjectStatus::Approved),
            ..Default::default()
        };
        assert_eq!(titles(&project_rows(&ds, &q)), vec!["เลี้ยงปลา"]);
        let q = ProjectQuery {
            city: Some(ds.cities[1].meta.id),
            ..Default::default()
        };
        assert!(project_rows(&ds, &q)
            .iter()
            .all(|r| r.city_id == ds.cities[1].meta.id));
        ds.projects[1].meta.deleted = true;
        let q = ProjectQuery {
            category: Some(Category::Housing),
            ..Default::default()
        };
        assert!(
            project_rows(&ds, &q).is_empty(),
            "tombstones are never listed"
        );
    }
}
