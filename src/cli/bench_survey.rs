//! `mueang bench-survey [--households N] [--runs N]`: times, natively, what a region's
//! survey costs (issue #12, part 7): generating and writing the fictional survey, reading
//! it back as an import does (verify), checking the rules, and one city's summary. Prints
//! numbers; nothing is asserted. The browser's times come from `make bench` (not run here).

use std::io::{self, Write};
use std::time::Instant;

use chrono::NaiveDate;

use crate::domain::demo_survey::demo_survey;
use crate::domain::reports::survey::city_summary;
use crate::domain::rules::check;
use crate::domain::sync::{export_full, verify};

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
    Ok(EXIT_OK)
}
