//! The layers point one way: domain ← storage ← sync ← ui (and app, cli). A lower layer
//! that names a higher one, or a framework it must not know, fails here with the file and
//! line. Read from the source text, so it holds for browser-only code too, which native
//! builds do not compile.

use std::path::{Path, PathBuf};

/// Each layer's folder and what its code must not name: higher layers (`crate::x`) and
/// crates that belong higher up.
const RULES: &[(&str, &[&str], &[&str])] = &[
    (
        "src/domain",
        &["storage", "sync", "ui", "app", "cli"],
        &[
            "leptos",
            "web_sys",
            "js_sys",
            "wasm_bindgen",
            "gloo_",
            "idb::",
        ],
    ),
    ("src/storage", &["sync", "ui", "app", "cli"], &["leptos"]),
    ("src/sync", &["ui", "app", "cli"], &["leptos"]),
];

/// The modules `code` names as `crate::<module>` (also inside `crate::{...}` on one line).
fn crate_modules(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (i, _) in code.match_indices("crate::") {
        let rest = &code[i + "crate::".len()..];
        let (group, rest) = match rest.strip_prefix('{') {
            Some(inner) => (true, inner.split('}').next().unwrap_or("")),
            None => (false, rest),
        };
        let names: Vec<&str> = if group {
            rest.split(',').collect()
        } else {
            vec![rest]
        };
        for name in names {
            let ident: String = name
                .trim_start()
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !ident.is_empty() {
                out.push(ident);
            }
        }
    }
    out
}

/// The code of a line: without a line comment (doc comments included).
fn code_of(line: &str) -> &str {
    let trimmed = line.trim_start();
    if trimmed.starts_with("//") {
        return "";
    }
    match line.find("// ") {
        Some(i) if !line[..i].contains('"') => &line[..i],
        _ => line,
    }
}

/// Every breach in `text` (the file `name`), as "file:line: what".
fn breaches(name: &str, text: &str, modules: &[&str], crates: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let code = code_of(line);
        for m in crate_modules(code) {
            if modules.contains(&m.as_str()) {
                out.push(format!(
                    "{name}:{}: names crate::{m}: {}",
                    n + 1,
                    line.trim()
                ));
            }
        }
        for c in crates {
            if code.contains(c) {
                out.push(format!("{name}:{}: names {c}: {}", n + 1, line.trim()));
            }
        }
    }
    out
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_lower_layer_names_a_higher_one() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = Vec::new();
    let mut scanned = 0;
    for (dir, modules, crates) in RULES {
        let mut files = Vec::new();
        rust_files(&root.join(dir), &mut files);
        files.sort();
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            let name = file.strip_prefix(root).unwrap().display().to_string();
            found.extend(breaches(&name, &text, modules, crates));
            scanned += 1;
        }
    }
    assert!(scanned > 100, "only {scanned} files scanned");
    assert!(
        found.is_empty(),
        "{} import(s) against the layers (domain ← storage ← sync ← ui):\n{}",
        found.len(),
        found.join("\n")
    );
}

#[test]
fn the_scan_finds_what_it_must_and_only_that() {
    let (modules, crates) = (RULES[2].1, RULES[2].2);
    let text = "use crate::ui::state::AppState;\n\
                // crate::ui in a comment is fine\n\
                use crate::{domain::x, ui::y};\n\
                use crate::storage::Store; // crate::ui\n\
                use leptos::prelude::*;\n\
                let s = \"crate::user\";\n";
    let found = breaches("src/sync/x.rs", text, modules, crates);
    assert_eq!(found.len(), 3, "{found:#?}");
    assert!(found[0].starts_with("src/sync/x.rs:1: names crate::ui"));
    assert!(found[1].starts_with("src/sync/x.rs:3: names crate::ui"));
    assert!(found[2].starts_with("src/sync/x.rs:5: names leptos"));
    assert_eq!(crate_modules("crate::uix::a"), vec!["uix"]);
}
