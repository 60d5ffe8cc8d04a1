//! The project list: search, filters and sort as one pure function, fast enough for
//! 10,000 projects within a frame (see `tests/bench_lists.rs`, which prints the times).

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::domain::dates::FiscalYear;
use crate::domain::meta::RecordId;
use crate::domain::money::Baht;
use crate::domain::records::{Category, City, Dataset, Project, ProjectStatus};

/// Thai text sorts by consonant first: a leading vowel (เ แ โ ใ ไ) is written before the
/// consonant it follows in speech, so "เชียงใหม่" files under ช. Moving it after the first
/// consonant gives dictionary order for the names staff type; other text is lower-cased.
pub fn thai_sort_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.trim().chars().peekable();
    while let Some(c) = chars.next() {
        if matches!(c, 'เ' | 'แ' | 'โ' | 'ใ' | 'ไ') {
            if let Some(&next) = chars.peek() {
                chars.next();
                out.push(next);
            }
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

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

/// The live projects matching `q`, sorted. Search matches title, proposer and city name
/// (Thai or English, any case) and ignores surrounding spaces.
pub fn project_rows(ds: &Dataset, q: &ProjectQuery) -> Vec<ProjectRow> {
    let cities: HashMap<RecordId, &City> = ds.live::<City>().map(|c| (c.meta.id, c)).collect();
    let needle = q.search.trim().to_lowercase();
    let mut picked: Vec<(&Project, Option<&City>)> = ds
        .live::<Project>()
        .filter(|p| q.city.is_none_or(|c| p.city_id == c))
        .filter(|p| q.category.is_none_or(|c| p.category == c))
        .filter(|p| q.fiscal_year.is_none_or(|y| p.fiscal_year == y))
        .filter(|p| q.status.is_none_or(|s| p.status() == s))
        .map(|p| (p, cities.get(&p.city_id).copied()))
        .filter(|(p, city)| needle.is_empty() || matches(p, *city, &needle))
        .collect();
    match q.sort {
        ProjectSort::Recent => {
            picked.sort_by(|a, b| b.0.meta.updated_at.cmp(&a.0.meta.updated_at))
        }
        ProjectSort::Title => picked.sort_by_cached_key(|(p, _)| thai_sort_key(&p.title)),
        ProjectSort::City => picked.sort_by_cached_key(|(p, c)| {
            (c.map(|c| thai_sort_key(&c.name_th)), thai_sort_key(&p.title))
        }),
        ProjectSort::AmountDesc => picked.sort_by(|a, b| amount(b.0).cmp(&amount(a.0))),
        ProjectSort::Status => picked.sort_by(|a, b| {
            status_rank(a.0.status())
                .cmp(&status_rank(b.0.status()))
                .then_with(|| b.0.meta.updated_at.cmp(&a.0.meta.updated_at))
        }),
    }
    picked.into_iter().map(|(p, c)| row(p, c)).collect()
}

fn matches(p: &Project, city: Option<&City>, needle: &str) -> bool {
    let has = |s: &str| {
        if s.is_ascii() {
            s.to_ascii_lowercase().contains(needle)
        } else {
            s.to_lowercase().contains(needle)
        }
    };
    has(&p.title)
        || has(&p.proposer)
        || city.is_some_and(|c| has(&c.name_th) || has(&c.name_en))
}

/// The English name, else the Thai one (many cities have only their official Thai name).
pub fn city_name_en(c: &City) -> String {
    if c.name_en.trim().is_empty() {
        c.name_th.clone()
    } else {
        c.name_en.clone()
    }
}

fn amount(p: &Project) -> Option<Baht> {
    p.amount_approved.or(p.amount_requested)
}

fn status_rank(s: ProjectStatus) -> usize {
    ProjectStatus::ALL.iter().position(|&x| x == s).unwrap_or(0)
}

fn row(p: &Project, city: Option<&City>) -> ProjectRow {
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
        progress_percent: p.progress_percent,
    }
}

/// One page of a list: `page` counts from 0 and is clamped to the last page.
/// Returns the slice and the number of pages (at least 1).
pub fn page<T>(items: &[T], page: usize, per_page: usize) -> (&[T], usize) {
    let per_page = per_page.max(1);
    let pages = items.len().div_ceil(per_page).max(1);
    let page = page.min(pages - 1);
    let start = page * per_page;
    let end = (start + per_page).min(items.len());
    (&items[start.min(end)..end], pages)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::example::north_2561;
    use crate::domain::meta::{Editor, OfficeId, RecordMeta};
    use chrono::{DateTime, NaiveDate};
    use crate::domain::records::StatusChange;

    fn project(ds: &Dataset, n: i64, title: &str, cat: Category, amount: i64) -> Project {
        let editor = Editor { office_id: OfficeId("t".into()), office_name: String::new(), person: String::new() };
        let at = DateTime::from_timestamp(1_500_000_000 + n, 0).unwrap();
        Project {
            meta: RecordMeta::new(uuid::Uuid::from_u128(n as u128 + 1), &editor, at),
            city_id: ds.cities[(n as usize) % ds.cities.len()].meta.id,
            fiscal_year: FiscalYear(2561),
            proposer: format!("ชุมชน {n}"),
            category: cat,
            title: title.into(),
            description: String::new(),
            amount_requested: Some(Baht::whole(amount)),
            amount_approved: None,
            co_funding: vec![],
            status_history: vec![],
            progress_percent: 0,
            completion_report: String::new(),
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
        let q = |sort| ProjectQuery { sort, ..Default::default() };
        assert_eq!(titles(&project_rows(&ds, &q(ProjectSort::Recent)))[0], "เลี้ยงปลา");
        // ซ < ฟ(ไฟ) < ล(เลี้ยง) in Thai order; Latin letters sort before Thai.
        assert_eq!(
            titles(&project_rows(&ds, &q(ProjectSort::Title))),
            vec!["Youth camp", "ซ่อมบ้าน", "ไฟฟ้าส่องสว่าง", "เลี้ยงปลา"]
        );
        assert_eq!(
            titles(&project_rows(&ds, &q(ProjectSort::AmountDesc))),
            vec!["ซ่อมบ้าน", "เลี้ยงปลา", "ไฟฟ้าส่องสว่าง", "Youth camp"]
        );
        assert_eq!(titles(&project_rows(&ds, &q(ProjectSort::Status)))[3], "เลี้ยงปลา");
    }

    #[test]
    fn filters_and_search() {
        let mut ds = sample();
        let q = ProjectQuery { search: " YOUTH ".into(), ..Default::default() };
        assert_eq!(titles(&project_rows(&ds, &q)), vec!["Youth camp"]);
        let q = ProjectQuery { search: "ชุมชน 1".into(), ..Default::default() };
        assert_eq!(titles(&project_rows(&ds, &q)), vec!["ซ่อมบ้าน"]);
        let city = &ds.cities[0];
        let q = ProjectQuery { search: city.name_th.clone(), ..Default::default() };
        assert!(!project_rows(&ds, &q).is_empty());
        let q = ProjectQuery { category: Some(Category::Housing), ..Default::default() };
        assert_eq!(titles(&project_rows(&ds, &q)), vec!["ซ่อมบ้าน"]);
        let q = ProjectQuery { status: Some(ProjectStatus::Approved), ..Default::default() };
        assert_eq!(titles(&project_rows(&ds, &q)), vec!["เลี้ยงปลา"]);
        let q = ProjectQuery { city: Some(ds.cities[1].meta.id), ..Default::default() };
        assert!(project_rows(&ds, &q).iter().all(|r| r.city_id == ds.cities[1].meta.id));
        ds.projects[1].meta.deleted = true;
        let q = ProjectQuery { category: Some(Category::Housing), ..Default::default() };
        assert!(project_rows(&ds, &q).is_empty(), "tombstones are never listed");
    }

    #[test]
    fn pages() {
        let items: Vec<u32> = (0..105).collect();
        let (p, n) = page(&items, 0, 50);
        assert_eq!((p.len(), n), (50, 3));
        let (p, _) = page(&items, 2, 50);
        assert_eq!(p, &[100, 101, 102, 103, 104]);
        let (p, _) = page(&items, 9, 50);
        assert_eq!(p.len(), 5, "past the end shows the last page");
        let empty: Vec<u32> = vec![];
        assert_eq!(page(&empty, 3, 50), (&[][..], 1));
    }

    #[test]
    fn thai_keys() {
        assert!(thai_sort_key("เชียงใหม่") > thai_sort_key("ฉะเชิงเทรา"));
        assert!(thai_sort_key("ไก่") < thai_sort_key("ขาย"));
        assert_eq!(thai_sort_key("ABC"), "abc");
    }
}
