//! The Thai (and English) that staff read: no database words ("ระเบียน"), no internal
//! field or kind names inside messages (`date (mous)`, `witness.name`), whole amounts in
//! sentences without ".00", the first-instalment share read from the parameters, and
//! English counts with the right plural ("1 warning"). Runs every rule over every rule
//! fixture and the example, and reads every message catalogue in the sources, so a new
//! message that breaks these fails here.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde_json::Value;

use mueang::domain::document::Document;
use mueang::domain::example::north_2561;
use mueang::domain::records::{Dataset, ProgrammeParameters, RecordKind};
use mueang::domain::reference::starter_dataset;
use mueang::domain::rules::{check, check_as_of, Finding, RuleCode};

/// The word staff do not use for a stored item.
const DATABASE_WORD: &str = "ระเบียน";

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a valid date")
}

/// The internal names a message might leak: snake_case keys (`amount_approved`,
/// `province_grants`), dotted paths (`witness.name`), list indexes (`members[2]`) and the
/// file keys of record kinds (`(mous)`).
fn leaked_name(message: &str) -> Option<String> {
    let words: Vec<&str> = message
        .split(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '[' | ']')))
        .filter(|w| !w.is_empty())
        .collect();
    for w in words {
        let w = w.trim_end_matches('.');
        let lower = w.chars().any(|c| c.is_ascii_lowercase());
        if lower && w.contains('_') {
            return Some(w.to_string());
        }
        if lower && w.contains('[') {
            return Some(w.to_string());
        }
        // "witness.name", but not "e.g" or a number like "350,000.50".
        if let Some((a, b)) = w.split_once('.') {
            let ident = |s: &str| s.len() > 2 && s.chars().all(|c| c.is_ascii_lowercase());
            if ident(a) && ident(b) {
                return Some(w.to_string());
            }
        }
    }
    for kind in RecordKind::ALL {
        let key = kind.key();
        if message.contains(&format!("({key})")) || message.contains(&format!(" {key} ")) {
            // "cities" and "provinces" are ordinary English words; only the bracketed form
            // (or a key nobody says, like "mous") is a leak.
            if message.contains(&format!("({key})")) || !is_english_word(key) {
                return Some(key.to_string());
            }
        }
    }
    None
}

fn is_english_word(key: &str) -> bool {
    matches!(
        key,
        "regions"
            | "provinces"
            | "cities"
            | "committees"
            | "meetings"
            | "projects"
            | "instalments"
            | "communities"
            | "households"
    )
}

/// Why a message would read wrong to staff, if it would.
fn wording_problem(th: &str, en: &str) -> Option<String> {
    if th.contains(DATABASE_WORD) || en.contains(DATABASE_WORD) {
        return Some(format!("\"{DATABASE_WORD}\""));
    }
    if th.contains("ชุมชนชุมชน") {
        return Some("\"ชุมชน\" said twice".to_owned());
    }
    for text in [th, en] {
        if let Some(name) = leaked_name(text) {
            return Some(format!("internal name {name}"));
        }
        // A whole amount inside a sentence: "350,000 บาท", not "350,000.00 บาท".
        if text.contains(".00 บาท") || text.contains(".00 baht") {
            return Some("\".00\" on a whole amount".into());
        }
    }
    for plural in [
        "errors",
        "warnings",
        "transfers",
        "projects",
        "cities",
        "records",
        "instalments",
        "members",
        "meetings",
    ] {
        if en.contains(&format!(" 1 {plural}")) || en.starts_with(&format!("1 {plural}")) {
            return Some(format!("\"1 {plural}\""));
        }
    }
    None
}

fn rules_fixtures() -> Vec<(String, Dataset, NaiveDate, NaiveDate)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules");
    let mut out = Vec::new();
    for entry in fs::read_dir(&dir).expect("tests/fixtures/rules") {
        let path = entry.expect("an entry").path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let file: Value = serde_json::from_str(&fs::read_to_string(&path).expect("readable"))
            .expect("a rules fixture");
        for case in file["cases"].as_array().expect("cases") {
            let today: NaiveDate = serde_json::from_value(case["today"].clone()).expect("today");
            let as_of = serde_json::from_value(case["as_of"].clone()).unwrap_or(today);
            let doc = Document::parse(&case["document"].to_string()).expect("a document");
            let mut ds = if case["reference_data"] == Value::Bool(true) {
                starter_dataset()
            } else {
                Dataset::default()
            };
            doc.records.for_each(|r| ds.upsert(r.to_owned()));
            let name = format!("{}: {}", file_name(&path), case["name"]);
            out.push((name, ds, as_of, today));
        }
    }
    assert!(out.len() > 40, "only {} rule cases found", out.len());
    out
}

fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

#[test]
fn every_finding_of_every_rule_fixture_reads_as_staff_speak() {
    let mut seen = std::collections::BTreeSet::new();
    let mut problems = Vec::new();
    let mut check_all = |name: &str, findings: Vec<Finding>| {
        for f in findings {
            seen.insert(f.rule);
            if let Some(p) = wording_problem(&f.message_th, &f.message_en) {
                problems.push(format!(
                    "{name} · {}: {p}\n  th: {}\n  en: {}",
                    f.rule, f.message_th, f.message_en
                ));
            }
        }
    };
    for (name, ds, as_of, today) in rules_fixtures() {
        check_all(&name, check_as_of(&ds, as_of, today));
    }
    let example = north_2561().records;
    for d in [day(2018, 2, 2), day(2018, 5, 1), day(2026, 12, 3)] {
        check_all("the example", check(&example, d));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // Every rule was heard from, so none escaped the reading.
    for rule in RuleCode::ALL {
        assert!(seen.contains(rule), "no fixture makes {rule} speak");
    }
}

#[test]
fn rule_descriptions_read_the_share_from_the_parameters() {
    let mut sixty = ProgrammeParameters::fy2561();
    sixty.first_instalment_share = rust_decimal::Decimal::new(60, 2);
    for rule in RuleCode::ALL {
        for params in [&ProgrammeParameters::fy2561(), &sixty] {
            let (th, en) = rule.describe(params);
            assert_eq!(wording_problem(&th, &en), None, "{rule}: {th} / {en}");
            assert!(
                !th.contains('{') && !en.contains('{'),
                "{rule}: a placeholder left: {th}"
            );
        }
        let (th, en) = rule.describe(&sixty);
        assert!(
            !th.contains("70%") && !en.contains("70%"),
            "{rule} writes 70% whatever the parameters say"
        );
    }
    let (th, _) = RuleCode::InstalmentFirstShare.describe(&sixty);
    assert!(th.contains("60%"), "{th}");
}

/// Every string in the sources that staff can read: the message catalogues of every
/// screen (`src/ui/messages/*.toml`), the CLI, the rules, the exports. Comments are left
/// out (they are for us).
#[test]
fn no_message_catalogue_says_the_database_word() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut stack = vec![root];
    let mut files = 0;
    let mut catalogues = 0;
    let mut hits = Vec::new();
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).expect("a source directory") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            // Rust sources, and the screens' catalogues (src/ui/messages/*.toml).
            if path.extension().is_none_or(|e| e != "rs" && e != "toml") {
                continue;
            }
            files += 1;
            let toml = path.extension().is_some_and(|e| e == "toml");
            catalogues += usize::from(toml);
            let text = fs::read_to_string(&path).expect("a readable source");
            for (n, line) in text.lines().enumerate() {
                let code = line.trim_start();
                if code.starts_with("//") || (toml && code.starts_with('#')) {
                    continue;
                }
                if code.contains(DATABASE_WORD) {
                    hits.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
                }
                // A user-facing Thai string that names a field by its key.
                if code.contains('"')
                    && code.chars().any(|c| ('\u{0E00}'..='\u{0E7F}').contains(&c))
                {
                    for quoted in code.split('"').skip(1).step_by(2) {
                        if quoted
                            .chars()
                            .any(|c| ('\u{0E00}'..='\u{0E7F}').contains(&c))
                        {
                            if let Some(name) = leaked_name(&without_placeholders(quoted)) {
                                hits.push(format!(
                                    "{}:{}: {name} in \"{quoted}\"",
                                    path.display(),
                                    n + 1
                                ));
                            }
                        }
                    }
                }
            }
        }
    }
    assert!(files > 100, "only {files} source files read");
    assert!(catalogues >= 20, "only {catalogues} catalogues read");
    assert!(
        hits.is_empty(),
        "user-facing text to reword:\n{}",
        hits.join("\n")
    );
}

/// `"{name_th}: ยังไม่ได้กรอก{th}"` → `": ยังไม่ได้กรอก"`: format placeholders are filled in
/// with words before anyone reads them.
fn without_placeholders(s: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in s.chars() {
        match c {
            '{' => depth += 1,
            '}' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

#[test]
fn the_reader_of_leaks_catches_what_it_should() {
    assert!(leaked_name("วันที่ 3 ก.พ. 2518 ในช่อง date (mous)").is_some());
    assert!(leaked_name("ยังไม่ได้กรอกชื่อสักขีพยาน (witness.name)").is_some());
    assert!(leaked_name("The amount_approved is too high").is_some());
    assert!(leaked_name("members[2].name").is_some());
    assert!(leaked_name("งวดที่ 1 ของเทศบาลนครแม่สอด 350,000.50 บาท e.g. this").is_none());
    assert!(wording_problem("ยอด 350,000.00 บาท", "350,000 baht").is_some());
    assert!(wording_problem("คำเตือน 1 รายการ", "1 warnings").is_some());
    assert!(wording_problem("ข้อมูล", "1 warning").is_none());
}
