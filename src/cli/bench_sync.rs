//! `mueang bench-sync [--records N] [-o BUNDLE.json]`: writes a synthetic bundle of exactly
//! N records (the input of `make bench`, which times the browser import) and times the pure
//! steps of an import natively, so a slow step shows up without a browser.

use std::io::{self, Write};
use std::path::PathBuf;
use std::time::Instant;

use chrono::DateTime;

use crate::domain::document::Document;
use crate::domain::meta::{Editor, OfficeId};
use crate::domain::records::Dataset;
use crate::domain::sync::canonical::sha256_hex;
use crate::domain::sync::{export_full, merge, Opening};

use super::synthetic::{synthetic_dataset, SyntheticSize};
use super::timing::ms;
use super::{EXIT_OK, EXIT_UNUSABLE};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// How many records the bundle holds (cities, committees, grants, MOUs, instalments and
    /// projects, shaped like real data).
    #[arg(long, default_value_t = 100_000)]
    pub records: usize,
    /// Where to write the bundle (compact JSON, as the app exports it).
    #[arg(short, long, value_name = "BUNDLE.json")]
    pub output: Option<PathBuf>,
}

/// A synthetic country with exactly `records` records: about one city in twenty records,
/// the rest projects, as a large region holds them.
pub fn dataset_of(records: usize) -> Dataset {
    let cities = (records / 20).max(1);
    let base = synthetic_dataset(SyntheticSize {
        cities,
        projects: 0,
    })
    .total_len();
    synthetic_dataset(SyntheticSize {
        cities,
        projects: records.saturating_sub(base),
    })
}

/// The office that "exports" the synthetic bundle.
pub fn bench_editor() -> Editor {
    Editor {
        office_id: OfficeId("bench-region".into()),
        office_name: "สำนักงานภาคทดสอบ".into(),
        person: "ผู้ทดสอบ".into(),
    }
}

pub fn run(args: &Args, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<u8> {
    let ds = dataset_of(args.records);
    let now = DateTime::from_timestamp(1_517_900_000, 0).unwrap_or_default();
    let t = Instant::now();
    let bundle = export_full(&ds, &bench_editor(), now);
    let json = bundle.to_json();
    let export_ms = ms(t);
    writeln!(
        out,
        "bundle: {} records, {:.1} MB compact JSON",
        ds.total_len(),
        json.len() as f64 / 1e6
    )?;
    if let Some(path) = &args.output {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::write(path, &json)?;
        writeln!(out, "written to {}", path.display())?;
    }

    let t = Instant::now();
    let parsed = serde_json::from_str::<Document>(&json).map(|d| d.records.total_len());
    let parse_ms = ms(t);
    // The opener the app drives, step by step, so each step is timed as the app's are.
    let file = std::sync::Arc::new(json);
    let t = Instant::now();
    let mut opening = match Opening::new(file) {
        Ok(o) => o,
        Err(e) => {
            writeln!(err, "the synthetic bundle does not verify: {e}")?;
            return Ok(EXIT_UNUSABLE);
        }
    };
    let prepare_ms = ms(t);
    let t = Instant::now();
    while let Some(bytes) = opening.to_hash() {
        let sum = sha256_hex(bytes);
        opening.hashed(sum);
    }
    let sha_ms = ms(t);
    let t = Instant::now();
    let verified = match opening.finish() {
        Ok(b) => b,
        Err(e) => {
            writeln!(err, "checksum: {e}")?;
            return Ok(EXIT_UNUSABLE);
        }
    };
    let texts_ms = ms(t);
    let texts = verified
        .record_texts()
        .and_then(|t| t.of_kind("projects"))
        .map_or(0, |p| p.len());
    let t = Instant::now();
    let into_empty = merge(&Dataset::default(), verified.records());
    let merge_empty_ms = ms(t);
    let t = Instant::now();
    let again = merge(&into_empty.dataset, verified.records());
    let merge_again_ms = ms(t);
    let noop = again.preview.changes_nothing();
    let t = Instant::now();
    let stored = serde_json::to_string(&into_empty.dataset).map(|s| s.len());
    let serialise_ms = ms(t);

    writeln!(out, "native, this build's profile (one run each):")?;
    writeln!(out, "  export + to_json         {export_ms:8.1} ms")?;
    writeln!(
        out,
        "  parse only               {parse_ms:8.1} ms ({} records)",
        parsed.unwrap_or(0)
    )?;
    writeln!(out, "  parse + checks           {prepare_ms:8.1} ms")?;
    writeln!(out, "  checksum (sha-256)       {sha_ms:8.1} ms")?;
    writeln!(
        out,
        "  each record's text       {texts_ms:8.1} ms ({texts} projects)"
    )?;
    writeln!(out, "  merge into empty         {merge_empty_ms:8.1} ms")?;
    writeln!(out, "  merge again (no-op: {noop}) {merge_again_ms:8.1} ms")?;
    writeln!(
        out,
        "  serialise for storage    {serialise_ms:8.1} ms ({:.1} MB)",
        stored.unwrap_or(0) as f64 / 1e6
    )?;
    // A hostile value: a 10 MB city name must be refused without reading it all (it once
    // took ~7 s). Timed here, not asserted in a test, so a busy machine cannot flake it.
    let mut hostile = ds.clone();
    if let Some(c) = hostile.cities.first_mut() {
        c.name_th = "ก".repeat(10 * 1024 * 1024 / 3);
    }
    let hostile = export_full(&hostile, &bench_editor(), now).to_json();
    let t = Instant::now();
    let refused = crate::domain::sync::verify(&hostile).is_err();
    writeln!(out, "  10 MB city name refused: {refused} {:8.1} ms", ms(t))?;
    Ok(EXIT_OK)
}
