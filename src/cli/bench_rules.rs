//! `mueang bench-rules [--cities N] [--projects N] [--runs N]`: times [`check`] on a
//! synthetic country, so a slow rule shows up before offices feel it.

use std::io::{self, Write};
use std::time::Instant;

use chrono::NaiveDate;

use crate::domain::rules::check;

use super::synthetic::{synthetic_dataset, SyntheticSize};
use super::EXIT_OK;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(long, default_value_t = 1000)]
    pub cities: usize,
    #[arg(long, default_value_t = 10_000)]
    pub projects: usize,
    /// How many timed runs; the median is reported.
    #[arg(long, default_value_t = 15)]
    pub runs: usize,
}

pub fn run(args: &Args, out: &mut dyn Write) -> io::Result<u8> {
    let ds = synthetic_dataset(SyntheticSize {
        cities: args.cities,
        projects: args.projects,
    });
    let today = NaiveDate::from_ymd_opt(2018, 5, 1).expect("a valid date");
    // One untimed run so allocation and caches settle before measuring.
    let findings = check(&ds, today).len();
    let mut times: Vec<f64> = (0..args.runs.max(1))
        .map(|_| {
            let start = Instant::now();
            let n = check(&ds, today).len();
            let ms = start.elapsed().as_secs_f64() * 1000.0;
            debug_assert_eq!(n, findings);
            ms
        })
        .collect();
    times.sort_by(f64::total_cmp);
    let median = times[times.len() / 2];
    writeln!(
        out,
        "rules check: {} cities, {} projects, {} records, {} findings",
        args.cities,
        args.projects,
        ds.total_len(),
        findings
    )?;
    writeln!(
        out,
        "median {median:.2} ms over {} runs (min {:.2} ms, max {:.2} ms)",
        times.len(),
        times[0],
        times[times.len() - 1]
    )?;
    Ok(EXIT_OK)
}
