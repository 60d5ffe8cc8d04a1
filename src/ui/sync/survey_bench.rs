//! `make bench-survey-wasm`: the survey views' work in the browser (issue #12, part 7),
//! run by the page `/sync?bench=survey&households=N` on a fictional survey made in the
//! page (`demo_survey`), so no bundle or store is involved: the city summary, the view of
//! every region, and the household list's index, filters and sorts. Times only; the Node
//! script (tests/e2e/bench/survey.mjs) prints them and never asserts them.

use serde::Serialize;

use crate::domain::demo_survey::demo_survey;
use crate::domain::records::survey::HouseCondition;
use crate::domain::reports::survey::city_summary;
use crate::domain::reports::survey_tree::survey_regions;
use crate::domain::views::household_list::{HouseholdFilter, HouseholdIndex, HouseholdSort};
use crate::ui::sync::progress::now;

/// Median, min and max of `runs` timings of `work`, in ms.
fn timed(runs: usize, mut work: impl FnMut()) -> [f64; 3] {
    let mut times: Vec<f64> = (0..runs.max(1))
        .map(|_| {
            let start = now();
            work();
            now() - start
        })
        .collect();
    times.sort_by(f64::total_cmp);
    [times[times.len() / 2], times[0], times[times.len() - 1]]
}

#[derive(Debug, Default, Serialize)]
struct Report {
    households: usize,
    generate_ms: f64,
    /// The largest city's households.
    city_households: usize,
    /// [median, min, max] ms.
    city_summary: [f64; 3],
    all_regions: [f64; 3],
    index_ms: f64,
    select_all: [f64; 3],
    select_dilapidated_by_members: [f64; 3],
    select_text: [f64; 3],
    /// The same list with every community moved into one city (the worst case).
    one_city_households: usize,
    one_city_index_ms: f64,
    one_city_select_all: [f64; 3],
    one_city_select_text: [f64; 3],
}

/// Runs every measurement on a fictional survey of `households`; the report as JSON.
pub fn run_survey_bench(households: usize, runs: usize) -> String {
    let mut r = Report {
        households,
        ..Report::default()
    };
    let start = now();
    let ds = demo_survey(households, 2561).records;
    r.generate_ms = now() - start;
    let largest = ds
        .cities
        .iter()
        .map(|c| c.meta.id)
        .max_by_key(|&id| city_summary(&ds, id).households)
        .unwrap_or_default();
    r.city_households = city_summary(&ds, largest).households;
    r.city_summary = timed(runs, || {
        let _ = city_summary(&ds, largest);
    });
    r.all_regions = timed(runs, || {
        let _ = survey_regions(&ds);
    });
    let dilapidated = HouseholdFilter {
        condition: Some(HouseCondition::Dilapidated),
        ..HouseholdFilter::default()
    };
    let text = HouseholdFilter {
        text: "1".into(),
        ..HouseholdFilter::default()
    };
    let all = HouseholdFilter::default();
    // The index's build, median of three (one run was too noisy to compare).
    r.index_ms = timed(3, || {
        let _ = HouseholdIndex::new(&ds, largest);
    })[0];
    let index = HouseholdIndex::new(&ds, largest);
    r.select_all = timed(runs, || {
        let _ = index.select(&all, HouseholdSort::Community);
    });
    r.select_dilapidated_by_members = timed(runs, || {
        let _ = index.select(&dilapidated, HouseholdSort::Members);
    });
    r.select_text = timed(runs, || {
        let _ = index.select(&text, HouseholdSort::HouseNumber);
    });
    let mut one = ds;
    for c in &mut one.communities {
        c.city_id = largest;
    }
    r.one_city_index_ms = timed(3, || {
        let _ = HouseholdIndex::new(&one, largest);
    })[0];
    let index = HouseholdIndex::new(&one, largest);
    r.one_city_households = index.len();
    r.one_city_select_all = timed(runs, || {
        let _ = index.select(&all, HouseholdSort::Community);
    });
    r.one_city_select_text = timed(runs, || {
        let _ = index.select(&text, HouseholdSort::HouseNumber);
    });
    serde_json::to_string(&r).unwrap_or_default()
}
