//! Timings of the record screens' pure work on a 10,000-project country: the project
//! list's filters and sorts, the city list, and the live findings for one project being
//! typed. Prints numbers (median of several runs), never judges them: a benchmark that
//! asserted a time would fail on a slow machine and prove nothing on a fast one.
//!
//! `make bench-lists` (or `cargo bench --bench bench_lists`) runs it with the release
//! profile; it is a `harness = false` bench so the default `cargo test` does not pay for it.
//! A frame is 16 ms.

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use mueang::cli::synthetic::{synthetic_dataset, SyntheticSize};
use mueang::domain::editing::draft_findings;
use mueang::domain::records::{Category, ProjectStatus, Record};
use mueang::domain::views::city_list::{city_rows, CityQuery};
use mueang::domain::views::paging::page;
use mueang::domain::views::project_list::{ProjectIndex, ProjectQuery, ProjectSort};

fn median(mut f: impl FnMut() -> usize, runs: usize) -> (Duration, usize) {
    let mut times = Vec::with_capacity(runs);
    let mut n = 0;
    for _ in 0..runs {
        let t = Instant::now();
        n = f();
        times.push(t.elapsed());
    }
    times.sort();
    (times[runs / 2], n)
}

fn ms(d: Duration) -> String {
    format!("{:8.2} ms", d.as_secs_f64() * 1000.0)
}

fn main() {
    let ds = synthetic_dataset(SyntheticSize {
        cities: 1_000,
        projects: 10_000,
    });
    let today = NaiveDate::from_ymd_opt(2018, 3, 1).unwrap();
    let runs = 7;
    println!(
        "project list, {} projects, {} cities (median of {runs}):",
        ds.projects.len(),
        ds.cities.len()
    );
    let cases: Vec<(&str, ProjectQuery)> = vec![
        ("all, recently changed first", ProjectQuery::default()),
        (
            "all, by title (Thai order)",
            ProjectQuery {
                sort: ProjectSort::Title,
                ..Default::default()
            },
        ),
        (
            "all, by city then title",
            ProjectQuery {
                sort: ProjectSort::City,
                ..Default::default()
            },
        ),
        (
            "all, by amount",
            ProjectQuery {
                sort: ProjectSort::AmountDesc,
                ..Default::default()
            },
        ),
        (
            "search a Thai word",
            ProjectQuery {
                search: "ทดสอบ".into(),
                ..Default::default()
            },
        ),
        (
            "search \"test 12\"",
            ProjectQuery {
                search: "test 12".into(),
                ..Default::default()
            },
        ),
        (
            "category housing",
            ProjectQuery {
                category: Some(Category::Housing),
                ..Default::default()
            },
        ),
        (
            "status approved, by title",
            ProjectQuery {
                status: Some(ProjectStatus::Approved),
                sort: ProjectSort::Title,
                ..Default::default()
            },
        ),
        (
            "one city",
            ProjectQuery {
                city: Some(ds.cities[7].meta.id),
                ..Default::default()
            },
        ),
    ];
    // Once per change of the data (a save, an import), not per keystroke.
    let (t, n) = median(|| ProjectIndex::new(&ds).len(), runs);
    println!(
        "  {:32} {} ({n} rows)",
        "build the index (per data change)",
        ms(t)
    );
    let ix = ProjectIndex::new(&ds);
    // Per keystroke or filter change: filter and sort positions, then clone one page.
    for (name, q) in &cases {
        let (t, n) = median(|| ix.query(q).len(), runs);
        println!("  {name:32} {} ({n} rows)", ms(t));
    }
    let rows = ix.query(&ProjectQuery::default());
    let (t, _) = median(
        || {
            page(&rows, 3, 50)
                .0
                .iter()
                .filter_map(|&i| ix.row(&ds, i))
                .count()
        },
        runs,
    );
    println!("  {:32} {}", "one page of 50 rows", ms(t));

    let (t, n) = median(|| city_rows(&ds, &CityQuery::default()).len(), runs);
    println!("city list, all cities             {} ({n} rows)", ms(t));

    let mut draft = ds.projects[123].clone();
    draft.title.push_str(" (แก้ไข)");
    let (t, n) = median(
        || draft_findings(&ds, draft.clone().into_any(), today).len(),
        3,
    );
    println!("live findings for one project     {} ({n} findings)", ms(t));
}
