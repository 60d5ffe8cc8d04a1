//! `mueang demo-survey --households N [--seed S] -o FILE`: the example's cities with a
//! clearly fictional city-wide survey (`domain::demo_survey`), for demonstrations and
//! benchmarks. Written compact, as the app exports bundles.

use std::io::{self, Write};
use std::path::PathBuf;

use crate::domain::demo_survey::demo_survey;

use super::{EXIT_OK, EXIT_UNUSABLE};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// How many households, spread over the example's 12 cities.
    #[arg(long, default_value_t = 1_000)]
    pub households: usize,
    /// The same seed always gives the same file.
    #[arg(long, default_value_t = 2561)]
    pub seed: u64,
    /// Where to write the data file; standard output when absent.
    #[arg(short, long, value_name = "FILE.json")]
    pub output: Option<PathBuf>,
}

pub fn run(args: &Args, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<u8> {
    let doc = demo_survey(args.households, args.seed);
    let text = serde_json::to_string(&doc).expect("a Document always serialises");
    match &args.output {
        None => writeln!(out, "{text}")?,
        Some(path) => {
            if let Err(e) = std::fs::write(path, format!("{text}\n")) {
                writeln!(err, "เขียนไฟล์ {} ไม่ได้: {e}", path.display())?;
                writeln!(err, "Could not write {}: {e}", path.display())?;
                return Ok(EXIT_UNUSABLE);
            }
            let ds = &doc.records;
            writeln!(
                out,
                "ข้อมูลสมมติ: {} ชุมชน {} ครัวเรือน ใน {} เมือง → {}",
                ds.communities.len(),
                ds.households.len(),
                ds.cities.len(),
                path.display()
            )?;
            writeln!(
                out,
                "Fictional survey: {} communities, {} households in {} cities → {}",
                ds.communities.len(),
                ds.households.len(),
                ds.cities.len(),
                path.display()
            )?;
        }
    }
    Ok(EXIT_OK)
}
