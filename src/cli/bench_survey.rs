//! `mueang bench-survey [--households N] [--runs N]`: times, natively, what a region's
//! survey costs (issue #12, part 7): generating and writing the fictional survey, reading
//! it back as an import does (verify), checking the rules, and one city's summary. Prints
//! numbers; nothing is asserted. The browser's times come from `make bench` (not run here).

use std::io::{self, Write};
use std::time::Instant;

use chrono::NaiveDate;

use crate::domain::demo_survey::demo_survey;
use crate::domain::records::Dataset;
use crate::domain::reports::survey::city_summary;
use crate::domain::reports::survey_tree::{survey_city, survey_regions};
use crate::domain::rules::check;
use crate::domain::sync::{export_full, verify};
use crate::domain::views::household_list::{HouseholdFilter, HouseholdIndex, HouseholdSort};

use super::bench_sync::bench_editor;
use super::timing::{ms, Runs};
use super::EXIT_OK;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(long, default_value_t = 100_000)]
    pub households: usize,
    /// How many timed runs of the summary; the median is reported.
    #[arg(long, default_value_t = 15)]
    pub runs: usize,
}

/// Median, min and max of `runs` timings of `work`, in ms.
fn timed(runs: usize, mut work: impl FnMut()) -> (f64, f64, f64) {
    let mut times: Vec<f64> = (0..runs.max(1))
        .map(|_| {
            let start = Instant::now();
            work();
            ms(start)
        })
        .collect();
    times.sort_by(f64::total_cmp);
    (times[times.len() / 2], times[0], times[times.len() - 1])
}

/// The survey views and the household list of `city` (issue #12, parts 5 and 7).
fn views(
    out: &mut dyn Write,
    ds: &Dataset,
    city: crate::domain::meta::RecordId,
    what: &str,
    runs: usize,
) -> io::Result<()> {
    let (built, _, _) = timed(3, || {
        let _ = HouseholdIndex::new(ds, city);
    });
    let index = HouseholdIndex::new(ds, city);
    let filters = [
        (
            "all, by community",
            HouseholdFilter::default(),
            HouseholdSort::Community,
        ),
        (
            "dilapidated, by members",
            HouseholdFilter {
                condition: Some(crate::domain::records::survey::HouseCondition::Dilapidated),
                ..HouseholdFilter::default()
            },
            HouseholdSort::Members,
        ),
        (
            "text \"1\", by house number",
            HouseholdFilter {
                text: "1".into(),
                ..HouseholdFilter::default()
            },
            HouseholdSort::HouseNumber,
        ),
    ];
    writeln!(
        out,
        "household list, {what}: {} households, index built in {built:.0} ms (median of 3)",
        index.len()
    )?;
    for (name, f, sort) in filters {
        let mut n = 0;
        let (median, min, max) = timed(runs, || n = index.select(&f, sort).len());
        writeln!(
            out,
            "  filter+sort {name}: {n} shown, median {median:.2} ms (min {min:.2}, max {max:.2}) — a frame is 16.7 ms"
        )?;
    }
    let (median, min, max) = timed(runs, || {
        let _ = survey_city(ds, city);
    });
    writeln!(
        out,
        "  city view (summary + every community): median {median:.2} ms (min {min:.2}, max {max:.2})"
    )?;
    Ok(())
}

pub fn run(args: &Args, out: &mut dyn Write) -> io::Result<u8> {
    let start = Instant::now();
    let doc = demo_survey(args.households, 2561);
    let generated = ms(start);
    let ds = doc.records;
    let at = doc.exported_at.unwrap_or_default();
    let start = Instant::now();
    let text = export_full(&ds, &bench_editor(), at).to_json();
    let exported = ms(start);
    let start = Instant::now();
    let imported = verify(&text).map(|b| b.records().households.len());
    let verified = ms(start);
    let today = NaiveDate::from_ymd_opt(2018, 5, 1).unwrap_or_default();
    let start = Instant::now();
    let findings = check(&ds, today).len();
    let checked = ms(start);
    let city = ds.cities[0].meta.id;
    let households = city_summary(&ds, city).households;
    let runs = Runs::time(args.runs, || {
        let s = city_summary(&ds, city);
        debug_assert_eq!(s.households, households);
    });
    writeln!(
        out,
        "survey: {} households in {} communities, {} records, bundle {:.1} MB",
        ds.households.len(),
        ds.communities.len(),
        ds.total_len(),
        text.len() as f64 / 1e6
    )?;
    writeln!(out, "generate {generated:.0} ms, export {exported:.0} ms")?;
    match imported {
        Ok(n) => writeln!(
            out,
            "verify (import's parse and checks) {verified:.0} ms, {n} households"
        )?,
        Err(e) => writeln!(
            out,
            "verify failed after {verified:.0} ms: {}",
            e.message_en()
        )?,
    }
    writeln!(out, "rules check {checked:.0} ms, {findings} findings")?;
    writeln!(
        out,
        "city summary ({households} households of one city, scanning all): {runs}"
    )?;
    let (median, min, max) = timed(args.runs, || {
        let _ = survey_regions(&ds);
    });
    writeln!(
        out,
        "all regions view (every city and region summed): median {median:.2} ms (min {min:.2}, max {max:.2})"
    )?;
    let largest = ds
        .cities
        .iter()
        .map(|c| c.meta.id)
        .max_by_key(|&id| city_summary(&ds, id).households)
        .unwrap_or(city);
    views(out, &ds, largest, "the largest city", args.runs)?;
    // The worst case: every community of the region in one city.
    let mut one = ds.clone();
    for c in &mut one.communities {
        c.city_id = city;
    }
    views(out, &one, city, "every household in one city", args.runs)?;
    Ok(EXIT_OK)
}
