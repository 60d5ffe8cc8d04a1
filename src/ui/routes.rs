//! Every address the app answers, in one table, with addresses to visit for each.
//!
//! The table is the macro [`app_routes!`](crate::app_routes): `src/app.rs` builds the router
//! from it (Leptos' `path!` needs literal segments, which a macro hands on as they are) and
//! this module [`ROUTES`], so a route is added in one line and no screen can be left out
//! of the sweep. `tests/routes.rs` keeps `tests/e2e/routes.json` (what the e2e axe sweep
//! visits; `mueang routes` prints it) equal to the table.
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

/// The one table of routes: each path as the router takes it (`:name` for a parameter),
/// the page that answers it (`lazy` for one of `ui::lazy`'s routes, loaded on demand;
/// `main` for a page of the main module) and the addresses that open it with the example data
/// loaded (empty only for a route that must not be swept: `/_crash` panics on purpose).
/// `$then!` receives the table: [`ROUTES`] here, the router in `src/app.rs`.
#[macro_export]
macro_rules! app_routes {
    ($then:ident) => {
        $then! {
            "/" => main HomePage, ["/"];
            "/settings" => lazy SettingsRoute, ["/settings"];
            "/provinces" => lazy ProvincesRoute, ["/provinces"];
            "/cities" => lazy CitiesRoute, ["/cities"];
            "/cities/:id" => lazy CityRoute, [
                "/cities/6315ebf8-46dd-5cc6-903a-296457676d77",
                "/cities/new",
            ];
            "/cities/:id/edit" => lazy CityEditRoute, [
                "/cities/6315ebf8-46dd-5cc6-903a-296457676d77/edit",
            ];
            "/projects" => lazy ProjectsRoute, ["/projects"];
            "/projects/:id" => lazy ProjectRoute, [
                "/projects/new",
                "/projects/new?city=6315ebf8-46dd-5cc6-903a-296457676d77",
            ];
            "/reports" => lazy ReportsRoute, ["/reports"];
            "/reports/region/:id" => lazy RegionReportRoute, ["/reports/region/north"];
            "/reports/province/:id" => lazy ProvinceReportRoute, ["/reports/province/TH-63"];
            "/print/mou/:city_id" => lazy MouPrintRoute, [
                "/print/mou/6315ebf8-46dd-5cc6-903a-296457676d77",
            ];
            "/print/city/:city_id" => lazy CityPrintRoute, [
                "/print/city/6315ebf8-46dd-5cc6-903a-296457676d77",
            ];
            "/print/region/:region_id" => lazy RegionPrintRoute, ["/print/region/north"];
            // The example has no community: the profile and the community's survey are
            // visited as "not found" here; specs/survey_views visits them with a survey.
            "/print/community/:id" => lazy CommunityPrintRoute, ["/print/community/none"];
            // The example has no project: visited as "not found"; specs/progress_print visits
            // one with its photos.
            "/print/project/:id" => lazy ProjectPrintRoute, ["/print/project/none"];
            "/committees" => lazy CommitteesRoute, ["/committees"];
            "/committees/:id" => lazy CommitteeRoute, [
                "/committees/new",
                "/committees/new?city=6315ebf8-46dd-5cc6-903a-296457676d77",
            ];
            "/meetings" => lazy MeetingsRoute, ["/meetings"];
            "/meetings/:id" => lazy MeetingRoute, ["/meetings/new"];
            "/mous" => lazy MousRoute, ["/mous"];
            "/mous/:id" => lazy MouRoute, [
                "/mous/714cf5bd-4482-58b1-b84e-c96881338a76",
                "/mous/new",
            ];
            "/instalments" => lazy InstalmentsRoute, ["/instalments"];
            "/instalments/:id" => lazy InstalmentRoute, [
                "/instalments/7a15d01b-e54e-51ce-b9f0-dd2d09aaa8d6",
                "/instalments/new",
            ];
            "/grants" => lazy GrantsRoute, ["/grants"];
            "/grants/province/:id" => lazy ProvinceGrantRoute, [
                "/grants/province/0f2ba697-3910-5cb1-9578-f904465b0901",
                "/grants/province/new",
            ];
            "/grants/committee/:id" => lazy CommitteeGrantRoute, [
                "/grants/committee/229600a9-dc64-5b21-b49d-90eee99fb501",
                "/grants/committee/new",
            ];
            "/parameters" => lazy ParametersListRoute, ["/parameters"];
            "/parameters/:id" => lazy ParametersRoute, [
                "/parameters/0d26116a-8d2f-5f60-b98d-603a8b9284f3",
                "/parameters/new",
            ];
            "/stated-totals" => lazy StatedTotalsRoute, ["/stated-totals"];
            "/stated-totals/:id" => lazy StatedTotalRoute, [
                "/stated-totals/2ac8ca47-cb9c-57d4-9966-106433622ebb",
                "/stated-totals/new",
            ];
            "/communities" => lazy CommunitiesRoute, ["/communities"];
            "/communities/:id" => lazy CommunityRoute, [
                "/communities/new",
                "/communities/new?city=6315ebf8-46dd-5cc6-903a-296457676d77",
            ];
            // The example has no community: a household is visited as a new one without its
            // community (the chooser); the sweep's survey test visits the rest with data.
            "/households/:id" => lazy HouseholdRoute, ["/households/new"];
            "/import" => lazy SheetImportRoute, ["/import"];
            "/survey" => lazy SurveyRoute, ["/survey"];
            "/survey/region/:id" => lazy SurveyRegionRoute, ["/survey/region/north"];
            "/survey/city/:id" => lazy SurveyCityRoute, [
                "/survey/city/6315ebf8-46dd-5cc6-903a-296457676d77",
            ];
            "/survey/city/:id/households" => lazy SurveyHouseholdsRoute, [
                "/survey/city/6315ebf8-46dd-5cc6-903a-296457676d77/households",
            ];
            "/survey/community/:id" => lazy SurveyCommunityRoute, ["/survey/community/none"];
            "/survey-rounds" => lazy SurveyRoundsRoute, ["/survey-rounds"];
            "/survey-rounds/:id" => lazy SurveyRoundRoute, [
                "/survey-rounds/new",
                "/survey-rounds/new?city=6315ebf8-46dd-5cc6-903a-296457676d77",
            ];
            "/progress-reports/:id" => lazy ProgressReportRoute, ["/progress-reports/new"];
            "/findings" => lazy FindingsRoute, ["/findings"];
            "/sync" => lazy SyncRoute, ["/sync"];
            "/conflicts" => lazy ConflictsRoute, ["/conflicts"];
            "/_crash" => main CrashTest, [];
        }
    };
}

/// Makes [`ROUTES`] from the table (the pages are the router's business).
macro_rules! route_table {
    ($($path:tt => $where:ident $page:ident, [$($example:tt),* $(,)?];)*) => {
        /// The router's table, in its order.
        pub const ROUTES: &[AppRoute] = &[$(AppRoute { path: $path, examples: &[$($example),*] },)*];
    };
}

app_routes!(route_table);

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
