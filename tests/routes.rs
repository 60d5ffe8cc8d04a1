//! The route table (`src/ui/routes.rs`) against what uses it: the router in `src/app.rs`
//! (made from it), the example data its addresses point into, and `tests/e2e/routes.json`
//! that the e2e axe sweep visits. Each can drift on its own; these tests say which and how to mend it.

use std::collections::HashSet;

use mueang::ui::routes::{matches, route_of, routes_json, ROUTES};

fn committed(path: &str) -> String {
    let full = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"))
}

/// The router is made from the table, not written beside it: no `path!("…")` of its own.
#[test]
fn the_router_in_app_rs_is_made_from_the_table() {
    let app = committed("src/app.rs");
    assert!(
        app.contains("app_routes!(router)"),
        "src/app.rs must build its routes from ui::routes' table"
    );
    assert!(
        !app.contains("path!(\""),
        "a route written in src/app.rs by hand is not in the table (src/ui/routes.rs)"
    );
}

#[test]
fn every_route_but_the_crash_page_has_an_address_to_visit_and_each_opens_its_route() {
    for r in ROUTES {
        if r.path == "/_crash" {
            assert!(
                r.examples.is_empty(),
                "the crash page panics: not for a sweep"
            );
            continue;
        }
        assert!(!r.examples.is_empty(), "{}: no address to visit", r.path);
        for e in r.examples {
            assert_eq!(
                route_of(e).map(|found| found.path),
                Some(r.path),
                "{e} is listed under {} but the router opens another route",
                r.path
            );
        }
    }
    let paths: HashSet<_> = ROUTES.iter().map(|r| r.path).collect();
    assert_eq!(paths.len(), ROUTES.len(), "a route is listed twice");
}

#[test]
fn patterns_match_segment_by_segment_and_ignore_the_query() {
    assert!(matches("/cities/:id", "/cities/new"));
    assert!(matches("/cities/:id", "/cities/abc?x=1"));
    assert!(matches("/", "/"));
    assert!(!matches("/cities/:id", "/cities"));
    assert!(!matches("/cities/:id", "/cities/"));
    assert!(!matches("/cities/:id", "/cities/a/edit"));
    assert!(!matches("/cities", "/citiesx"));
    assert_eq!(route_of("/cities/a/edit").unwrap().path, "/cities/:id/edit");
    assert!(route_of("/nowhere").is_none());
}

#[test]
fn every_id_in_an_address_is_a_record_of_the_example() {
    let example: serde_json::Value =
        serde_json::from_str(&committed("public/examples/north-2561.json")).unwrap();
    let mut ids = HashSet::new();
    for records in example["records"].as_object().unwrap().values() {
        for r in records.as_array().unwrap() {
            ids.insert(r["meta"]["id"].as_str().unwrap().to_string());
        }
    }
    assert!(ids.len() > 50, "the example was read: {} ids", ids.len());
    let mut checked = 0;
    for e in ROUTES.iter().flat_map(|r| r.examples) {
        for word in e.split(['/', '?', '=', '&']) {
            if uuid::Uuid::parse_str(word).is_ok() {
                assert!(ids.contains(word), "{e}: {word} is not in the example");
                checked += 1;
            }
        }
    }
    assert!(checked >= 10, "only {checked} ids were checked");
}

#[test]
fn the_e2e_sweeps_copy_of_the_table_is_the_table() {
    let file = committed("tests/e2e/routes.json");
    pretty_assertions::assert_eq!(
        file,
        routes_json(),
        "regenerate with: cargo run --bin mueang -- routes > tests/e2e/routes.json"
    );
    let parsed: serde_json::Value = serde_json::from_str(&file).unwrap();
    assert_eq!(parsed.as_array().unwrap().len(), ROUTES.len());
}

#[test]
fn the_cli_prints_the_table() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_mueang"))
        .arg("routes")
        .output()
        .expect("the mueang binary runs");
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), routes_json());
}
