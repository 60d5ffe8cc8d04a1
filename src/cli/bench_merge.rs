//! `mueang bench-merge [--versions N] [--runs N]`: times [`merge`] of a bundle holding N
//! concurrent versions of one city (each from its own office) into an office that has its
//! own version: the pathological case of a file made to freeze the import.

use std::io::{self, Write};

use chrono::{Duration, TimeZone, Utc};

use crate::domain::example::north_2561;
use crate::domain::meta::{Editor, OfficeId, VersionVector};
use crate::domain::records::Dataset;
use crate::domain::sync::merge;

use super::timing::Runs;
use super::EXIT_OK;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(long, default_value_t = 10_000)]
    pub versions: usize,
    /// How many timed runs; the median is reported.
    #[arg(long, default_value_t = 3)]
    pub runs: usize,
}

/// The local data (one city, edited here) and a bundle's records holding `n` concurrent
/// versions of that city, none of which has seen another.
pub fn conflicting_versions(n: usize) -> (Dataset, Dataset) {
    let base = north_2561().records.cities[0].clone();
    let at = Utc.with_ymd_and_hms(2018, 2, 5, 3, 0, 0).single();
    let version = |i: usize, office: &str| {
        let mut c = base.clone();
        let who = OfficeId(office.into());
        c.name_en = format!("{} {office}", base.name_en);
        c.meta.version = VersionVector::default();
        c.meta.version.bump(&who);
        c.meta.updated_by = Editor {
            office_id: who,
            office_name: office.into(),
            person: String::new(),
        };
        c.meta.updated_at = at.unwrap_or_default() + Duration::seconds(i as i64);
        c
    };
    let mut local = Dataset::default();
    local.cities.push(version(0, "here"));
    let mut incoming = Dataset::default();
    incoming
        .cities
        .extend((0..n.min(1)).map(|i| version(i, &format!("office-{i:05}"))));
    incoming
        .conflicts
        .cities
        .extend((1..n).map(|i| version(i, &format!("office-{i:05}"))));
    (local, incoming)
}

pub fn run(args: &Args, out: &mut dyn Write) -> io::Result<u8> {
    let (local, incoming) = conflicting_versions(args.versions);
    let size = serde_json::to_string(&incoming).map_or(0, |s| s.len());
    let mut kept = 0;
    let runs = Runs::time(args.runs, || {
        let outcome = merge(&local, &incoming);
        kept = outcome.dataset.cities.len() + outcome.dataset.conflicts.cities.len();
    });
    writeln!(
        out,
        "merge: {} concurrent versions of one city ({:.1} MB of records) into 1 local version; {kept} kept",
        args.versions,
        size as f64 / 1e6
    )?;
    writeln!(out, "{runs}")?;
    Ok(EXIT_OK)
}
