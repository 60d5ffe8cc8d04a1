//! Table-driven rule cases from `tests/fixtures/rules/*.json`: for every rule code, cases
//! where it fires and cases where it must not.
//!
//! Each file holds `{"rule", "description", "cases": [...]}`; a case has a `name`, a
//! `today` (and an optional `as_of`, the report's day, when it is not today), `reference_data` (start from the shipped regions, provinces and FY2561
//! parameters, as every office does), `expect` (rule code → count; codes not listed must
//! not fire at all), optional `details` (a finding of that rule with this field and these
//! figures must exist) and a `document` in file format v1.

use std::collections::BTreeMap;
use std::fs;
use std::path::PathBuf;

use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::Value;

use mueang::domain::document::Document;
use mueang::domain::records::Dataset;
use mueang::domain::reference::starter_dataset;
use mueang::domain::rules::{check_as_of, Finding, RuleCode};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FixtureFile {
    rule: String,
    #[allow(dead_code)]
    description: String,
    cases: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    today: NaiveDate,
    /// The report's day when it is not `today` (`check_as_of`).
    #[serde(default)]
    as_of: Option<NaiveDate>,
    #[serde(default)]
    reference_data: bool,
    expect: BTreeMap<String, usize>,
    #[serde(default)]
    details: Vec<Detail>,
    document: Value,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Detail {
    rule: String,
    #[serde(default)]
    field: Option<String>,
    #[serde(default)]
    figures: BTreeMap<String, Value>,
}

fn fixture_files() -> Vec<(PathBuf, FixtureFile)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules");
    let mut paths: Vec<PathBuf> = fs::read_dir(&dir)
        .expect("tests/fixtures/rules exists")
        .map(|e| e.expect("a readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let text = fs::read_to_string(&p).expect("a readable fixture");
            let file = serde_json::from_str(&text)
                .unwrap_or_else(|e| panic!("{}: not a rules fixture: {e}", p.display()));
            (p, file)
        })
        .collect()
}

fn dataset(case: &Case) -> Result<Dataset, String> {
    let doc = Document::parse(&case.document.to_string()).map_err(|e| e.message_en())?;
    if !case.reference_data {
        return Ok(doc.records);
    }
    let mut ds = starter_dataset();
    doc.records.for_each(|r| ds.upsert(r.to_owned()));
    Ok(ds)
}

fn detail_matches(d: &Detail, f: &Finding) -> bool {
    if f.rule.code() != d.rule || (d.field.is_some() && f.field != d.field) {
        return false;
    }
    let figures = serde_json::to_value(&f.figures).expect("figures serialise");
    d.figures.iter().all(|(key, want)| {
        figures.as_array().into_iter().flatten().any(|fig| {
            fig["key"] == *key
                && fig
                    .as_object()
                    .is_some_and(|o| o.iter().any(|(k, v)| k != "key" && v == want))
        })
    })
}

/// What went wrong with one case, if anything.
fn run_case(case: &Case) -> Result<(), String> {
    let ds = dataset(case)?;
    let findings = check_as_of(&ds, case.as_of.unwrap_or(case.today), case.today);
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for f in &findings {
        *counts.entry(f.rule.code()).or_default() += 1;
    }
    let mut problems = Vec::new();
    for code in RuleCode::ALL.iter().map(|r| r.code()) {
        let want = case.expect.get(code).copied().unwrap_or(0);
        let got = counts.get(code).copied().unwrap_or(0);
        if want != got {
            problems.push(format!("{code}: expected {want}, got {got}"));
        }
    }
    for d in &case.details {
        if !findings.iter().any(|f| detail_matches(d, f)) {
            problems.push(format!(
                "no {} finding with field {:?} and figures {:?}",
                d.rule, d.field, d.figures
            ));
        }
    }
    if problems.is_empty() {
        return Ok(());
    }
    let shown: Vec<String> = findings
        .iter()
        .map(|f| format!("    {} {:?}: {}", f.rule, f.field, f.message_en))
        .collect();
    Err(format!(
        "{}\n  findings:\n{}",
        problems.join("; "),
        shown.join("\n")
    ))
}

#[test]
fn every_fixture_case_gives_exactly_the_expected_findings() {
    let mut failures = Vec::new();
    let mut ran = 0;
    for (path, file) in fixture_files() {
        for case in &file.cases {
            ran += 1;
            if let Err(e) = run_case(case) {
                let name = path.file_name().unwrap_or_default().to_string_lossy();
                failures.push(format!("{name} / {}: {e}", case.name));
            }
        }
    }
    assert!(ran > 0, "no fixture cases found");
    assert!(
        failures.is_empty(),
        "{} of {ran} cases failed:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

#[test]
fn every_rule_has_a_case_where_it_fires_and_one_where_it_does_not() {
    let files = fixture_files();
    for rule in RuleCode::ALL {
        let code = rule.code();
        let Some((_, file)) = files.iter().find(|(_, f)| f.rule == code) else {
            panic!("no fixture file for {code}");
        };
        let fires = file
            .cases
            .iter()
            .any(|c| c.expect.get(code).is_some_and(|&n| n > 0));
        let quiet = file.cases.iter().any(|c| !c.expect.contains_key(code));
        assert!(fires, "{code}: no case where it fires");
        assert!(quiet, "{code}: no case where it does not fire");
    }
    for (path, file) in &files {
        assert!(
            RuleCode::from_code(&file.rule).is_some(),
            "{}: unknown rule {}",
            path.display(),
            file.rule
        );
        for case in &file.cases {
            for code in case
                .expect
                .keys()
                .chain(case.details.iter().map(|d| &d.rule))
            {
                assert!(
                    RuleCode::from_code(code).is_some(),
                    "{}: unknown rule {code}",
                    case.name
                );
            }
        }
    }
}
