//! `mueang bench-rules [--cities N] [--projects N] [--runs N]`: times [`check`] on a
//! synthetic country, so a slow rule shows up before offices feel it.

use std::io::{self, Write};

use chrono::NaiveDate;

use crate::domain::rules::check;

use super::synthetic::{synthetic_dataset, SyntheticSize};
use super::timing::Runs;
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
    let runs = Runs::time(args.runs, || {
        let n = check(&ds, today).len();
        debug_assert_eq!(n, findings);
    });
    writeln!(
        out,
        "rules check: {} cities, {} projects, {} records, {} findings",
        args.cities,
        args.projects,
        ds.total_len(),
        findings
    )?;
    writeln!(out, "{runs}")?;
    Ok(EXIT_OK)
}
