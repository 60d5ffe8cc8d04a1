//! The `mueang` command line (native only): checks files in bulk for the national and
//! regional offices, writes the example data and the file format's JSON Schema.
//!
//! One file per subcommand, each with a clap `Args` struct and a `run` function that
//! writes to the given streams and returns the exit status; this dispatcher only parses
//! and routes. A new subcommand is a new file, a variant in [`Command`] and a match arm.

mod bench_csv;
pub mod bench_merge;
mod bench_rules;
mod bench_survey;
pub mod bench_sync;
mod check;
mod demo_survey;
mod diff;
pub mod example;
mod merge;
mod routes;
pub mod schema;
mod signed;
pub mod synthetic;
mod timing;

use std::ffi::OsString;
use std::io::Write;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Exit status: done, and no error findings.
pub const EXIT_OK: u8 = 0;
/// Exit status: the check found at least one error.
pub const EXIT_FINDINGS: u8 = 1;
/// Exit status: the input could not be read or parsed, or the command line was wrong.
pub const EXIT_UNUSABLE: u8 = 2;

#[derive(Debug, Parser)]
#[command(
    name = "mueang",
    version,
    about = "Mueang: checks and tools for the City Quality-of-Life Development programme's data files"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a data file against the programme's rules (exit 1 if any error finding).
    Check(check::Args),
    /// Write the example data (North, FY2561) to standard output.
    Example,
    /// Write the JSON Schema of the file format to standard output.
    Schema,
    /// Time the rules on a synthetic dataset.
    BenchRules(bench_rules::Args),
    /// Time merging N concurrent versions of one record (the pathological import).
    BenchMerge(bench_merge::Args),
    /// Write a synthetic bundle of N records (for `make bench`) and time the import steps.
    BenchSync(bench_sync::Args),
    /// Merge bundles (any order gives the same data) into one: -o OUT.json.
    Merge(merge::Args),
    /// Compare two bundles or data files per record kind (exit 0).
    Diff(diff::Args),
    /// Write the app's route table as JSON (what `tests/e2e/routes.json` holds).
    Routes,
    /// Write the example's cities with a clearly fictional city-wide survey (ข้อมูลสมมติ).
    DemoSurvey(demo_survey::Args),
    /// Time a region's survey: export, verify, rules and a city's summary (N households).
    BenchSurvey(bench_survey::Args),
    /// Time the preview of a spreadsheet of N households (windows-874 CSV); -o writes it.
    BenchCsv(bench_csv::Args),
}

/// Runs one command line; everything goes to `out` and `err`, so tests can run it
/// in-process and the binary stays a few lines.
pub fn run<I, T>(args: I, out: &mut dyn Write, err: &mut dyn Write) -> u8
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let code = e.exit_code();
            let rendered = e.render().to_string();
            // --help and --version arrive here too, as successes meant for standard output.
            // A closed pipe while printing them is not worth a second error.
            if code == 0 {
                let _ = write!(out, "{rendered}");
                return EXIT_OK;
            }
            let _ = write!(err, "{rendered}");
            return EXIT_UNUSABLE;
        }
    };
    let result = match &cli.command {
        Command::Check(args) => check::run(args, out, err),
        Command::Example => example::run(out),
        Command::Schema => schema::run(out),
        Command::BenchRules(args) => bench_rules::run(args, out),
        Command::BenchMerge(args) => bench_merge::run(args, out),
        Command::BenchSync(args) => bench_sync::run(args, out, err),
        Command::Merge(args) => merge::run(args, out, err),
        Command::Diff(args) => diff::run(args, out, err),
        Command::Routes => routes::run(out),
        Command::DemoSurvey(args) => demo_survey::run(args, out, err),
        Command::BenchSurvey(args) => bench_survey::run(args, out),
        Command::BenchCsv(args) => bench_csv::run(args, out, err),
    };
    // Output that cannot be written (a closed pipe, a full disk) means the job failed.
    result.unwrap_or_else(|e| {
        let _ = writeln!(err, "เขียนผลลัพธ์ไม่ได้ / Cannot write output: {e}");
        EXIT_UNUSABLE
    })
}

/// The binary's entry point.
pub fn main() -> ExitCode {
    let code = run(
        std::env::args_os(),
        &mut std::io::stdout().lock(),
        &mut std::io::stderr().lock(),
    );
    ExitCode::from(code)
}
