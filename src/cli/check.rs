//! `mueang check FILE [--as-of YYYY-MM-DD] [--today YYYY-MM-DD] [--json]`.

use std::io::{self, Write};
use std::path::PathBuf;

use chrono::NaiveDate;
use serde::Serialize;

use crate::domain::dates::{format_be_short, format_en};
use crate::domain::records::Dataset;
use crate::domain::rules::{check_as_of, has_errors, record_label, Finding, Importance};
use crate::domain::sync::verify_data_file;

use crate::domain::rules::count_en;

use super::{EXIT_FINDINGS, EXIT_OK, EXIT_UNUSABLE};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The data file to check (a Mueang data file or bundle).
    pub file: PathBuf,
    /// The report date, YYYY-MM-DD (default: --today): deadlines are judged on it and
    /// transfers after it are not counted yet.
    #[arg(long = "as-of", value_name = "YYYY-MM-DD", value_parser = parse_iso_date)]
    pub as_of: Option<NaiveDate>,
    /// The day taken as today, YYYY-MM-DD (default: this computer's date): a transfer
    /// dated after it is an error (money cannot have moved in the future).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_iso_date)]
    pub today: Option<NaiveDate>,
    /// Print the findings as JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

fn parse_iso_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("วันที่ต้องเป็น YYYY-MM-DD (ค.ศ.) / the date must be YYYY-MM-DD (CE): {s}"))
}

#[derive(Serialize)]
struct Summary {
    errors: usize,
    warnings: usize,
    info: usize,
}

#[derive(Serialize)]
struct Report<'a> {
    file: String,
    as_of: NaiveDate,
    today: NaiveDate,
    summary: Summary,
    findings: &'a [Finding],
}

pub fn run(args: &Args, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<u8> {
    let shown = args.file.display().to_string();
    let text = match std::fs::read_to_string(&args.file) {
        Ok(t) => t,
        Err(e) => {
            writeln!(err, "อ่านไฟล์ {shown} ไม่ได้: {e}")?;
            writeln!(err, "Cannot read {shown}: {e}")?;
            return Ok(EXIT_UNUSABLE);
        }
    };
    // The same checks as an import (`merge`, the app): a file the app would refuse is
    // refused here with the same message, never checked as if it could be imported.
    let doc = match verify_data_file(&text) {
        Ok(d) => d,
        Err(e) => {
            writeln!(err, "{shown}: {}", e.message_th())?;
            writeln!(err, "{shown}: {}", e.message_en())?;
            return Ok(EXIT_UNUSABLE);
        }
    };
    super::signed::left_out_notice(err, &shown, doc.manifest.as_ref())?;
    // A signed bundle's signature is checked the way `merge` checks it (checksum first,
    // since the signature covers it); unsigned files are checked as before.
    if doc.signature.is_some() {
        match crate::domain::sync::open(text.as_bytes(), None) {
            Ok(bundle) => {
                if let Err(e) = super::signed::report(err, &shown, &bundle)? {
                    writeln!(err, "{shown}: {}", e.message_th())?;
                    writeln!(err, "{shown}: {}", e.message_en())?;
                    return Ok(EXIT_UNUSABLE);
                }
            }
            Err(e) => {
                writeln!(err, "{shown}: {}", e.message_th())?;
                writeln!(err, "{shown}: {}", e.message_en())?;
                return Ok(EXIT_UNUSABLE);
            }
        }
    }
    let today = args
        .today
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let as_of = args.as_of.unwrap_or(today);
    let findings = check_as_of(&doc.records, as_of, today);
    let count = |i: Importance| findings.iter().filter(|f| f.importance == i).count();
    let summary = Summary {
        errors: count(Importance::Error),
        warnings: count(Importance::Warning),
        info: count(Importance::Info),
    };
    if args.json {
        let report = Report {
            file: shown,
            as_of,
            today,
            summary,
            findings: &findings,
        };
        let json = serde_json::to_string_pretty(&report).map_err(io::Error::other)?;
        writeln!(out, "{json}")?;
    } else {
        print_text(out, &doc.records, &shown, as_of, &findings, &summary)?;
    }
    Ok(if has_errors(&findings) {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    })
}

fn print_text(
    out: &mut dyn Write,
    ds: &Dataset,
    file: &str,
    as_of: NaiveDate,
    findings: &[Finding],
    s: &Summary,
) -> io::Result<()> {
    for f in findings {
        writeln!(
            out,
            "[{}/{}] {}",
            f.importance.label_en(),
            f.importance.label_th(),
            f.rule.code()
        )?;
        writeln!(out, "  th: {}", f.message_th)?;
        writeln!(out, "  en: {}", f.message_en)?;
        for r in &f.records {
            let (_, en) = record_label(ds, r);
            writeln!(out, "  - {en} ({})", r.id)?;
        }
        if let Some(field) = &f.field {
            writeln!(out, "  field: {field}")?;
        }
        writeln!(out)?;
    }
    writeln!(
        out,
        "{file}: ณ วันที่ {} พบข้อผิดพลาด {} รายการ คำเตือน {} รายการ ข้อสังเกต {} รายการ",
        format_be_short(as_of),
        s.errors,
        s.warnings,
        s.info
    )?;
    writeln!(
        out,
        "{file}: as of {}: {}, {}, {}",
        format_en(as_of),
        count_en(s.errors, "error", "errors"),
        count_en(s.warnings, "warning", "warnings"),
        count_en(s.info, "info", "info")
    )
}
