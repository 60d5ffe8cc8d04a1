//! `mueang diff A.json B.json [--json]`: per record kind, what is only in A, only in B,
//! different, and in conflict. Always exits 0 when both files can be read: differing is
//! information, not failure.

use std::io::{self, Write};
use std::path::PathBuf;

use super::merge::{read_dataset, PASSPHRASE_ENV};
use super::{EXIT_OK, EXIT_UNUSABLE};
use crate::domain::meta::RecordId;
use crate::domain::sync::diff;

/// Ids listed per category in text output; `--json` lists them all.
const SHOWN: usize = 20;

#[derive(Debug, clap::Args)]
pub struct Args {
    pub a: PathBuf,
    pub b: PathBuf,
    /// Print the differences as JSON (every id) instead of text.
    #[arg(long)]
    pub json: bool,
    /// Passphrase for encrypted inputs (default: the MUEANG_PASSPHRASE environment variable).
    #[arg(long)]
    pub passphrase: Option<String>,
}

pub fn run(args: &Args, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<u8> {
    let passphrase = args
        .passphrase
        .clone()
        .or_else(|| std::env::var(PASSPHRASE_ENV).ok());
    let a = read_dataset(&args.a, passphrase.as_deref(), err)?;
    let b = read_dataset(&args.b, passphrase.as_deref(), err)?;
    let (Some(a), Some(b)) = (a, b) else {
        return Ok(EXIT_UNUSABLE);
    };
    let d = diff(&a, &b);
    if args.json {
        let keyed: std::collections::BTreeMap<&str, _> =
            d.iter().map(|(k, v)| (k.key(), v)).collect();
        let json = serde_json::to_string_pretty(&keyed).map_err(io::Error::other)?;
        writeln!(out, "{json}")?;
        return Ok(EXIT_OK);
    }
    writeln!(out, "A = {}", args.a.display())?;
    writeln!(out, "B = {}", args.b.display())?;
    writeln!(
        out,
        "{:<22} {:>9} {:>9} {:>9} {:>9} {:>9}",
        "kind", "only-in-A", "only-in-B", "differing", "conflicts", "same"
    )?;
    for (kind, k) in &d {
        writeln!(
            out,
            "{:<22} {:>9} {:>9} {:>9} {:>9} {:>9}",
            kind.key(),
            k.only_in_a.len(),
            k.only_in_b.len(),
            k.differing.len(),
            k.conflicts.len(),
            k.same
        )?;
    }
    for (kind, k) in d.iter().filter(|(_, k)| !k.is_empty()) {
        writeln!(out, "\n{}:", kind.key())?;
        list(out, "only in A / มีเฉพาะใน A", &k.only_in_a)?;
        list(out, "only in B / มีเฉพาะใน B", &k.only_in_b)?;
        list(out, "differing / ต่างกัน", &k.differing)?;
        list(out, "in conflict / ขัดแย้ง", &k.conflicts)?;
    }
    if d.values().all(|k| k.is_empty()) {
        writeln!(out, "ข้อมูลตรงกัน / The data is the same.")?;
    }
    Ok(EXIT_OK)
}

fn list(out: &mut dyn Write, label: &str, ids: &[RecordId]) -> io::Result<()> {
    if ids.is_empty() {
        return Ok(());
    }
    writeln!(out, "  {label}:")?;
    for id in ids.iter().take(SHOWN) {
        writeln!(out, "    {id}")?;
    }
    if ids.len() > SHOWN {
        writeln!(out, "    … +{}", ids.len() - SHOWN)?;
    }
    Ok(())
}
