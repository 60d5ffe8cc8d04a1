//! `mueang bench-csv [--rows N] [--runs N] [-o FILE]`: times, natively, the preview of a
//! spreadsheet of N households (issue #12, item 4: 20,000 rows in under 2 s): reading the
//! windows-874 bytes, recognising the headers and previewing every row against 1,000
//! stored households. Prints medians; nothing is asserted. `-o` writes the sheet (for the
//! browser's end-to-end import).

use std::io::{self, Write};
use std::path::PathBuf;
use std::time::Instant;

use chrono::Utc;
use encoding_rs::WINDOWS_874;

use crate::domain::meta::{stable_id, RecordMeta};
use crate::domain::records::survey::{Community, Household};
use crate::domain::records::{Dataset, Record};
use crate::domain::sheet_import::sample::sample_csv;
use crate::domain::sheet_import::{decode, preview, Mapping, Target};

use super::bench_sync::bench_editor;
use super::{EXIT_OK, EXIT_UNUSABLE};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(long, default_value_t = 20_000)]
    pub rows: usize,
    /// Timed runs; the median is reported.
    #[arg(long, default_value_t = 5)]
    pub runs: usize,
    /// Also write the sheet (windows-874 CSV) here.
    #[arg(short = 'o', long)]
    pub output: Option<PathBuf>,
}

fn ms(start: Instant) -> f64 {
    start.elapsed().as_secs_f64() * 1000.0
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

pub fn run(args: &Args, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<u8> {
    let text = sample_csv(args.rows);
    let bytes = WINDOWS_874.encode(&text).0.into_owned();
    if let Some(path) = &args.output {
        if let Err(e) = std::fs::write(path, &bytes) {
            writeln!(err, "เขียนไฟล์ไม่ได้ / Cannot write {}: {e}", path.display())?;
            return Ok(EXIT_UNUSABLE);
        }
    }
    let city = stable_id("bench-city");
    let community = Community::new(RecordMeta::shipped("bench-community"), city, "ชุมชนทดลอง");
    let mut ds = Dataset::default();
    for i in 0..1_000 {
        let n = format!("9{i}/1");
        ds.upsert(Household::new(RecordMeta::shipped(&n), community.meta.id, &n).into_any());
    }
    let target = Target {
        city_id: city,
        community_id: Some(community.meta.id),
        round_id: None,
    };
    ds.upsert(community.into_any());
    let editor = bench_editor();
    let (mut read, mut map, mut rows, mut total) = (vec![], vec![], vec![], vec![]);
    let mut last = None;
    for _ in 0..args.runs.max(1) {
        let start = Instant::now();
        let sheet = match decode(&bytes) {
            Ok(s) => s,
            Err(e) => {
                writeln!(err, "{}", e.texts().1)?;
                return Ok(EXIT_UNUSABLE);
            }
        };
        read.push(ms(start));
        let t = Instant::now();
        let mapping = Mapping::recognise(&sheet);
        map.push(ms(t));
        let t = Instant::now();
        let p = preview(&sheet, &mapping, target, &ds, &editor, Utc::now());
        rows.push(ms(t));
        total.push(ms(start));
        last = Some(p);
    }
    let Some(p) = last else { return Ok(EXIT_OK) };
    writeln!(
        out,
        "sheet: {} rows, {:.1} MB windows-874; {} would be stored, {} held back",
        p.rows.len(),
        bytes.len() as f64 / 1e6,
        p.stored_count(),
        p.skipped_count()
    )?;
    writeln!(
        out,
        "median of {}: read {:.0} ms, headers {:.1} ms, rows {:.0} ms, preview in all {:.0} ms (target < 2000 ms)",
        args.runs.max(1),
        median(read),
        median(map),
        median(rows),
        median(total)
    )?;
    Ok(EXIT_OK)
}
