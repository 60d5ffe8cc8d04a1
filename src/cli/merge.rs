//! `mueang merge A.json B.json … -o OUT.json`: combines bundles with the app's merge, so a
//! national office can combine regions' bundles in bulk. Every input is verified first; if
//! one is refused, nothing is written. The preview compares the result with the first file.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use chrono::Utc;

use crate::domain::meta::{Editor, OfficeId};
use crate::domain::records::Dataset;
use crate::domain::sync::{
    encrypt, export_full, merge_many, open, verify_data_file, BundleError, MergeOutcome,
};

use super::{EXIT_OK, EXIT_UNUSABLE};

/// Encrypted inputs may take their passphrase from here rather than the command line,
/// where other users of the machine could see it.
pub const PASSPHRASE_ENV: &str = "MUEANG_PASSPHRASE";

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The bundles to merge (plain data files are accepted too). Any order gives the same data.
    #[arg(required = true, num_args = 1..)]
    pub files: Vec<PathBuf>,
    /// Where to write the merged bundle.
    #[arg(short, long, value_name = "OUT.json")]
    pub output: PathBuf,
    /// The office written as the merged bundle's exporter.
    #[arg(long, default_value = "mueang-cli")]
    pub office: String,
    /// That office's name.
    #[arg(long, default_value = "")]
    pub office_name: String,
    /// The person merging.
    #[arg(long, default_value = "")]
    pub person: String,
    /// Passphrase for encrypted inputs (default: the MUEANG_PASSPHRASE environment variable).
    #[arg(long)]
    pub passphrase: Option<String>,
    /// Encrypt the output with the passphrase.
    #[arg(long)]
    pub encrypt: bool,
    /// Write compact canonical JSON, as the app exports a bundle, rather than indented:
    /// smaller, and opened faster (its records text is checked as it is).
    #[arg(long)]
    pub compact: bool,
}

pub fn run(args: &Args, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<u8> {
    let passphrase = args
        .passphrase
        .clone()
        .or_else(|| std::env::var(PASSPHRASE_ENV).ok());
    let mut inputs = Vec::new();
    let mut refused = false;
    for path in &args.files {
        match read_dataset(path, passphrase.as_deref(), err)? {
            Some(ds) => inputs.push(ds),
            None => refused = true,
        }
    }
    if refused {
        writeln!(err, "ไม่ได้เขียนไฟล์ผลลัพธ์ เพราะมีไฟล์ที่อ่านไม่ได้")?;
        writeln!(err, "Nothing was written: some files were refused.")?;
        return Ok(EXIT_UNUSABLE);
    }
    let (first, rest) = inputs
        .split_first()
        .map(|(f, r)| (f.clone(), r))
        .unwrap_or_default();
    let outcome = merge_many(&first, rest.iter());
    let editor = Editor {
        office_id: OfficeId(args.office.clone()),
        office_name: args.office_name.clone(),
        person: args.person.clone(),
    };
    let bundle = export_full(&outcome.dataset, &editor, Utc::now());
    let mut text = if args.compact {
        bundle.to_json()
    } else {
        bundle.to_json_pretty()
    };
    if args.encrypt {
        let Some(p) = passphrase.as_deref() else {
            writeln!(
                err,
                "--encrypt ต้องมีรหัสผ่าน (--passphrase หรือ {PASSPHRASE_ENV})"
            )?;
            writeln!(
                err,
                "--encrypt needs a passphrase (--passphrase or {PASSPHRASE_ENV})."
            )?;
            return Ok(EXIT_UNUSABLE);
        };
        text = match encrypt(&text, p) {
            Ok(t) => t,
            Err(e) => return refuse(err, &args.output, &BundleError::Crypto(e)),
        };
    }
    if let Err(e) = std::fs::write(&args.output, text) {
        let shown = args.output.display();
        writeln!(err, "เขียนไฟล์ {shown} ไม่ได้: {e}")?;
        writeln!(err, "Cannot write {shown}: {e}")?;
        return Ok(EXIT_UNUSABLE);
    }
    print_preview(out, &args.files[0], &outcome)?;
    writeln!(
        out,
        "เขียน {} แล้ว / Wrote {}",
        args.output.display(),
        args.output.display()
    )?;
    Ok(EXIT_OK)
}

/// Reads and verifies one file (bundle, encrypted bundle or plain data file). A refusal is
/// reported on `err` in Thai and English and gives `None`.
pub(super) fn read_dataset(
    path: &Path,
    passphrase: Option<&str>,
    err: &mut dyn Write,
) -> io::Result<Option<Dataset>> {
    let shown = path.display();
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            writeln!(err, "อ่านไฟล์ {shown} ไม่ได้: {e}")?;
            writeln!(err, "Cannot read {shown}: {e}")?;
            return Ok(None);
        }
    };
    let result = match open(&bytes, passphrase) {
        Ok(bundle) => {
            super::signed::left_out_notice(err, &shown.to_string(), Some(bundle.manifest()))?;
            super::signed::report(err, &shown.to_string(), &bundle)?.map(|()| bundle.into_records())
        }
        // Saved data files have no manifest; they are merged too, without a checksum.
        Err(BundleError::NoManifest) => {
            let text = String::from_utf8_lossy(&bytes);
            verify_data_file(&text).map(|doc| {
                let _ = writeln!(
                    err,
                    "{shown}: ไม่มี manifest จึงไม่ได้ตรวจ checksum / no manifest, checksum not checked"
                );
                doc.records
            })
        }
        Err(e) => Err(e),
    };
    match result {
        Ok(ds) => Ok(Some(ds)),
        Err(e) => {
            refuse(err, path, &e)?;
            Ok(None)
        }
    }
}

fn refuse(err: &mut dyn Write, path: &Path, e: &BundleError) -> io::Result<u8> {
    let shown = path.display();
    writeln!(err, "{shown}: {}", e.message_th())?;
    writeln!(err, "{shown}: {}", e.message_en())?;
    Ok(EXIT_UNUSABLE)
}

fn print_preview(out: &mut dyn Write, first: &Path, o: &MergeOutcome) -> io::Result<()> {
    writeln!(out, "เทียบกับ {0} / Compared with {0}:", first.display())?;
    writeln!(
        out,
        "{:<22} {:>8} {:>8} {:>9} {:>8} {:>8}",
        "kind", "new", "updated", "unchanged", "deleted", "conflict"
    )?;
    for (kind, k) in &o.preview.kinds {
        writeln!(
            out,
            "{:<22} {:>8} {:>8} {:>9} {:>8} {:>8}",
            kind.key(),
            k.new,
            k.updated,
            k.unchanged,
            k.deleted,
            k.conflict
        )?;
    }
    let conflicts = crate::domain::sync::list_conflicts(&o.dataset);
    if !conflicts.is_empty() {
        writeln!(
            out,
            "ข้อมูลขัดแย้ง {} รายการ / {} records in conflict:",
            conflicts.len(),
            conflicts.len()
        )?;
        for c in conflicts {
            let deletion = if c.with_deletion {
                " (one version is a deletion / มีฉบับที่ลบ)"
            } else {
                ""
            };
            writeln!(
                out,
                "  {} {}: {} versions{deletion}",
                c.kind.key(),
                c.id,
                c.versions
            )?;
        }
    }
    Ok(())
}
