//! Every address the app answers, in one table, with addresses to visit for each.
//!
//! Leptos' `path!` needs literal segments, so `src/app.rs` cannot be built from this table;
//! `tests/routes.rs` instead reads the `path!(…)` entries of `app.rs` and fails unless they
//! equal [`ROUTES`] in order, and keeps `tests/e2e/routes.json` (what the e2e axe sweep
//! visits; `mueang routes` prints it) equal to the table. A route added in one place only
//! fails the native tests, so no screen can be left out of the sweep.
//!
//! Ids in the examples are records of `public/examples/north-2561.json` (the test checks
//! each is there); codes are used where the page reads one (`north`, `TH-63`). The example
//! has no committee, meeting or project, so those pages are visited as a new one
//! (6315ebf8-… is เทศบาลนครแม่สอด, the example's first city).

use serde::Serialize;

/// One route of the router.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct AppRoute {
    /// The pattern as `src/app.rs` gives it to the router (`:name` for a parameter).
    pub path: &'static str,
    /// Concrete addresses that open this route with the example data loaded. Empty only
    /// for a route that must not be swept (`/_crash` panics on purpose).
    pub examples: &'static [&'static str],
}

const fn route(path: &'static str, examples: &'static [&'static str]) -> AppRoute {
    AppRoute { path, examples }
}

/// The router's table, in the order of `src/app.rs`.
pub const ROUTES: &[AppRoute] = &[
    route("/", &["/"]),
    route("/settings", &["/settings"]),
    route("/provinces", &["/provinces"]),
    route("/cities", &["/cities"]),
    route(
        "/cities/:id",
        &[
            "/cities/6315ebf8-46dd-5cc6-903a-296457676d77",
            "/cities/new",
        ],
    ),
    route(
        "/cities/:id/edit",
        &["/cities/6315ebf8-46dd-5cc6-903a-296457676d77/edit"],
    ),
    route("/projects", &["/projects"]),
    route(
        "/projects/:id",
        &[
            "/projects/new",
            "/projects/new?city=6315ebf8-46dd-5cc6-903a-296457676d77",
        ],
    ),
    route("/reports", &["/reports"]),
    route("/reports/region/:id", &["/reports/region/north"]),
    route("/reports/province/:id", &["/reports/province/TH-63"]),
    route(
        "/print/mou/:city_id",
        &["/print/mou/6315ebf8-46dd-5cc6-903a-296457676d77"],
    ),
    route(
        "/print/city/:city_id",
        &["/print/city/6315ebf8-46dd-5cc6-903a-296457676d77"],
    ),
    route("/print/region/:region_id", &["/print/region/north"]),
    // The example has no community: the profile and the community's survey are visited as
    // "not found" here; tests/e2e/specs/survey_views visits them with a survey loaded.
    route("/print/community/:id", &["/print/community/none"]),
    route("/committees", &["/committees"]),
    route(
        "/committees/:id",
        &[
            "/committees/new",
            "/committees/new?city=6315ebf8-46dd-5cc6-903a-296457676d77",
        ],
    ),
    route("/meetings", &["/meetings"]),
    route("/meetings/:id", &["/meetings/new"]),
    route("/mous", &["/mous"]),
    route(
        "/mous/:id",
        &["/mous/714cf5bd-4482-58b1-b84e-c96881338a76", "/mous/new"],
    ),
    route("/instalments", &["/instalments"]),
    route(
        "/instalments/:id",
        &[
            "/instalments/7a15d01b-e54e-51ce-b9f0-dd2d09aaa8d6",
            "/instalments/new",
        ],
    ),
    route("/grants", &["/grants"]),
    route(
        "/grants/province/:id",
        &[
            "/grants/province/0f2ba697-3910-5cb1-9578-f904465b0901",
            "/grants/province/new",
        ],
    ),
    route(
        "/grants/committee/:id",
        &[
            "/grants/committee/229600a9-dc64-5b21-b49d-90eee99fb501",
            "/grants/committee/new",
        ],
    ),
    route("/parameters", &["/parameters"]),
    route(
        "/parameters/:id",
        &[
            "/parameters/0d26116a-8d2f-5f60-b98d-603a8b9284f3",
            "/parameters/new",
        ],
    ),
    route("/stated-totals", &["/stated-totals"]),
    route(
        "/stated-totals/:id",
        &[
            "/stated-totals/2ac8ca47-cb9c-57d4-9966-106433622ebb",
            "/stated-totals/new",
        ],
    ),
    route("/communities", &["/communities"]),
    route(
        "/communities/:id",
        &[
            "/communities/new",
            "/communities/new?city=6315ebf8-46dd-5cc6-903a-296457676d77",
        ],
    ),
    // The example has no community: a household is visited as a new one without its
    // community (the chooser); the sweep's survey test visits the rest with data.
    route("/households/:id", &["/households/new"]),
    route("/survey", &["/survey"]),
    route("/survey/region/:id", &["/survey/region/north"]),
    route(
        "/survey/city/:id",
        &["/survey/city/6315ebf8-46dd-5cc6-903a-296457676d77"],
    ),
    route(
        "/survey/city/:id/households",
        &["/survey/city/6315ebf8-46dd-5cc6-903a-296457676d77/households"],
    ),
    route("/survey/community/:id", &["/survey/community/none"]),
    route("/survey-rounds", &["/survey-rounds"]),
    route(
        "/survey-rounds/:id",
        &[
            "/survey-rounds/new",
            "/survey-rounds/new?city=6315ebf8-46dd-5cc6-903a-296457676d77",
        ],
    ),
    route("/progress-reports/:id", &["/progress-reports/new"]),
    route("/findings", &["/findings"]),
    route("/sync", &["/sync"]),
    route("/conflicts", &["/conflicts"]),
    route("/_crash", &[]),
];

/// Whether `address` (a query is ignored) opens the route `pattern`: the same number of
/// segments, literals equal, a `:name` segment matching any non-empty one.
pub fn matches(pattern: &str, address: &str) -> bool {
    let path = address.split(['?', '#']).next().unwrap_or_default();
    let want: Vec<&str> = pattern.split('/').collect();
    let got: Vec<&str> = path.split('/').collect();
    want.len() == got.len()
        && want
            .iter()
            .zip(&got)
            .all(|(w, g)| w.strip_prefix(':').map_or(w == g, |_| !g.is_empty()))
}

/// The route that opens `address`: the first in the table that matches it, as the router
/// tries its routes in order.
pub fn route_of(address: &str) -> Option<&'static AppRoute> {
    ROUTES.iter().find(|r| matches(r.path, address))
}

/// The table as the e2e sweep reads it (`tests/e2e/routes.json`), one route a line.
pub fn routes_json() -> String {
    let lines: Vec<String> = ROUTES
        .iter()
        .map(|r| serde_json::to_string(r).expect("a route serialises"))
        .collect();
    format!("[\n  {}\n]\n", lines.join(",\n  "))
}
