//! No test waits a fixed time. A test that sleeps and then asserts passes on a fast machine
//! and fails on a slow one, and one that sleeps and then asserts that something did *not*
//! happen checks nothing once the machine is slow. Tests wait for the state they expect
//! (`common::browser::wait_until`, Playwright's `waitFor`/`waitForFunction`); to assert an
//! absence, first wait for a sign that the app has processed the event.

use std::path::{Path, PathBuf};

/// Spelt in pieces so this file does not find itself.
fn forbidden() -> Vec<String> {
    [
        ("waitFor", "Timeout("),
        ("sleep", "_ms("),
        ("setTime", "out("),
        ("thread::", "sleep("),
    ]
    .iter()
    .map(|(a, b)| format!("{a}{b}"))
    .collect()
}

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if path.is_dir() {
            if name != "node_modules" && name != "screenshots" && name != "fixtures" {
                sources(&path, out);
            }
        } else if name.ends_with(".rs") || name.ends_with(".mjs") || name.ends_with(".js") {
            out.push(path);
        }
    }
}

/// `file:line: text` for every line of `text` holding a forbidden call.
fn offences(file: &str, text: &str) -> Vec<String> {
    let needles = forbidden();
    text.lines()
        .enumerate()
        .filter(|(_, l)| needles.iter().any(|n| l.contains(n.as_str())))
        .map(|(i, l)| format!("{file}:{}: {}", i + 1, l.trim()))
        .collect()
}

#[test]
fn no_test_waits_a_fixed_time() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    sources(&root.join("tests"), &mut files);
    sources(&root.join("benches"), &mut files);
    assert!(
        files.iter().any(|f| f.ends_with("e2e/lib/browser.mjs")),
        "the e2e helpers were searched"
    );
    let found: Vec<String> = files
        .iter()
        .flat_map(|f| {
            let text = std::fs::read_to_string(f).unwrap();
            offences(&f.strip_prefix(root).unwrap().display().to_string(), &text)
        })
        .collect();
    assert!(
        found.is_empty(),
        "wait for the expected state instead of a fixed time:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_search_catches_each_way_of_sleeping() {
    for needle in forbidden() {
        let line = format!("  await page.{needle}300);");
        assert_eq!(offences("x.mjs", &line).len(), 1, "{needle}");
    }
    assert!(offences("x.mjs", "await page.waitForURL(/x/);").is_empty());
}

/// No test times itself either: a time limit in a test fails on a slow machine (CI has two
/// cores) and proves nothing on a fast one. Speed is printed by the bench commands
/// (`make bench`, `mueang bench-*`, `tests/e2e/bench/`), which assert no time.
#[test]
fn no_test_asserts_a_time() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    sources(&root.join("tests"), &mut files);
    let clocks = [
        format!("{}{}", "Instant::", "now("),
        format!("{}{}", "performance.", "now("),
    ];
    let found: Vec<String> = files
        .iter()
        .filter(|f| !f.components().any(|c| c.as_os_str() == "bench"))
        .flat_map(|f| {
            let text = std::fs::read_to_string(f).unwrap();
            let file = f.strip_prefix(root).unwrap().display().to_string();
            text.lines()
                .enumerate()
                .filter(|(_, l)| clocks.iter().any(|c| l.contains(c.as_str())))
                .map(|(i, l)| format!("{file}:{}: {}", i + 1, l.trim()))
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(
        found.is_empty(),
        "measure speed in a bench command, not in a test:\n{}",
        found.join("\n")
    );
}
