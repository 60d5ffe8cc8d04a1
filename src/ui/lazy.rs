//! Route views whose code is loaded on demand (issue 14: the first visit on mobile data).
//!
//! The first screen (home and the shell) is in the main wasm; every other screen is a
//! [`LazyRoute`] whose view lives in a wasm chunk of its group (`reports`, `sync`, `survey`,
//! `records`). Settings is with `sync`: removing kept-aside data runs the import's write
//! path, which the overview does not need. The split is made by `make build`
//! (docs/development.md#size): rustc links with `--emit-relocs` and `--cfg mueang_split`,
//! and `tools/split/wasm-bindgen` cuts the wasm at the `#[wasm_split]` points below before
//! wasm-bindgen runs. Without
//! `mueang_split` (browser tests, `cargo clippy`, a plain `trunk build`) the same views are
//! plain functions in one wasm, so nothing else differs between the two builds.
//!
//! A chunk that cannot be fetched (offline before the service worker finished precaching,
//! a host missing a file) shows [`chunk_failed`] in place of the page; the next visit to a
//! page of that chunk tries again.

use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use leptos_router::LazyRoute;

use crate::ui::pages::cities::{CitiesPage, CityEditPage, CityPage};
use crate::ui::pages::committees::{CommitteePage, CommitteesPage};
use crate::ui::pages::communities::{CommunitiesPage, CommunityPage};
use crate::ui::pages::findings::FindingsPage;
use crate::ui::pages::geography::ProvincesPage;
use crate::ui::pages::grants::{CommitteeGrantPage, GrantsPage, ProvinceGrantPage};
use crate::ui::pages::households::HouseholdPage;
use crate::ui::pages::instalments::{InstalmentPage, InstalmentsPage};
use crate::ui::pages::meetings::{MeetingPage, MeetingsPage};
use crate::ui::pages::mous::{MouPage, MousPage};
use crate::ui::pages::parameters::{ParametersListPage, ParametersPage};
use crate::ui::pages::progress::ProgressReportPage;
use crate::ui::pages::projects::{ProjectPage, ProjectsPage};
use crate::ui::pages::reports::{
    CityPrintPage, CommunityPrintPage, MouPrintPage, ProjectPrintPage, ProvinceReportPage,
    RegionPrintPage, RegionReportPage, ReportsPage,
};
use crate::ui::pages::settings::SettingsPage;
use crate::ui::pages::sheet_import::SheetImportPage;
use crate::ui::pages::stated_totals::{StatedTotalPage, StatedTotalsPage};
use crate::ui::pages::survey::{
    SurveyCityPage, SurveyCommunityPage, SurveyHouseholdsPage, SurveyPage, SurveyRegionPage,
};
use crate::ui::pages::survey_rounds::{SurveyRoundPage, SurveyRoundsPage};
use crate::ui::pages::sync::{ConflictsPage, SyncPage};

/// What a page shows when its code could not be loaded: in both languages, like
/// index.html's loading line, so it reads the same whoever holds the tablet. The button
/// reloads the page (handled by public/boot.js, like the crash page's).
pub fn chunk_failed() -> AnyView {
    view! {
        <section class="page chunk-failed" role="alert">
            <h1>
                <span lang="th">"เปิดหน้านี้ไม่ได้"</span>
                " · "
                <span lang="en">"This page could not be opened"</span>
            </h1>
            <p lang="th">
                "ส่วนนี้ของแอปยังไม่ได้ดาวน์โหลดมาไว้ในเครื่อง กรุณาเชื่อมต่ออินเทอร์เน็ตแล้วลองอีกครั้ง ข้อมูลที่บันทึกไว้ยังอยู่ครบ"
            </p>
            <p lang="en">
                "This part of the app has not been downloaded yet. Connect to the internet and try again. Your saved data is safe."
            </p>
            <button type="button" data-reload>"ลองอีกครั้ง · Try again"</button>
        </section>
    }
    .into_any()
}

/// For each `Route => load_fn: Page`, a unit struct implementing [`LazyRoute`] whose view
/// is `<Page/>` from the chunk `$chunk`.
macro_rules! lazy_routes {
    ($chunk:ident { $($route:ident => $load:ident: $page:ident,)* }) => { $(
        #[doc = concat!("`", stringify!($page), "`, loaded with the `", stringify!($chunk), "` chunk.")]
        pub struct $route;

        #[cfg_attr(
            mueang_split,
            leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible)
        )]
        fn $load() -> Result<AnyView, SplitLoaderError> {
            Ok(view! { <$page/> }.into_any())
        }

        impl LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            async fn view(_: Self) -> AnyView {
                #[cfg(mueang_split)]
                let loaded = $load().await;
                #[cfg(not(mueang_split))]
                let loaded = $load();
                loaded.unwrap_or_else(|e| {
                    leptos::logging::error!("{}: {e}", stringify!($chunk));
                    chunk_failed()
                })
            }
        }
    )* };
}

lazy_routes!(records {
    ProvincesRoute => provinces_view: ProvincesPage,
    CitiesRoute => cities_view: CitiesPage,
    CityRoute => city_view: CityPage,
    CityEditRoute => city_edit_view: CityEditPage,
    ProjectsRoute => projects_view: ProjectsPage,
    ProjectRoute => project_view: ProjectPage,
    CommitteesRoute => committees_view: CommitteesPage,
    CommitteeRoute => committee_view: CommitteePage,
    MeetingsRoute => meetings_view: MeetingsPage,
    MeetingRoute => meeting_view: MeetingPage,
    MousRoute => mous_view: MousPage,
    MouRoute => mou_view: MouPage,
    InstalmentsRoute => instalments_view: InstalmentsPage,
    InstalmentRoute => instalment_view: InstalmentPage,
    GrantsRoute => grants_view: GrantsPage,
    ProvinceGrantRoute => province_grant_view: ProvinceGrantPage,
    CommitteeGrantRoute => committee_grant_view: CommitteeGrantPage,
    ParametersListRoute => parameters_list_view: ParametersListPage,
    ParametersRoute => parameters_view: ParametersPage,
    StatedTotalsRoute => stated_totals_view: StatedTotalsPage,
    StatedTotalRoute => stated_total_view: StatedTotalPage,
    ProgressReportRoute => progress_report_view: ProgressReportPage,
});

lazy_routes!(reports {
    ReportsRoute => reports_view: ReportsPage,
    RegionReportRoute => region_report_view: RegionReportPage,
    ProvinceReportRoute => province_report_view: ProvinceReportPage,
    MouPrintRoute => mou_print_view: MouPrintPage,
    CityPrintRoute => city_print_view: CityPrintPage,
    RegionPrintRoute => region_print_view: RegionPrintPage,
    ProjectPrintRoute => project_print_view: ProjectPrintPage,
    FindingsRoute => findings_view: FindingsPage,
});

lazy_routes!(survey {
    CommunitiesRoute => communities_view: CommunitiesPage,
    CommunityRoute => community_view: CommunityPage,
    HouseholdRoute => household_view: HouseholdPage,
    SurveyRoundsRoute => survey_rounds_view: SurveyRoundsPage,
    SurveyRoundRoute => survey_round_view: SurveyRoundPage,
    SheetImportRoute => sheet_import_view: SheetImportPage,
    SurveyRoute => survey_view: SurveyPage,
    SurveyRegionRoute => survey_region_view: SurveyRegionPage,
    SurveyCityRoute => survey_city_view: SurveyCityPage,
    SurveyHouseholdsRoute => survey_households_view: SurveyHouseholdsPage,
    SurveyCommunityRoute => survey_community_view: SurveyCommunityPage,
    CommunityPrintRoute => community_print_view: CommunityPrintPage,
});

lazy_routes!(sync {
    SyncRoute => sync_view: SyncPage,
    ConflictsRoute => conflicts_view: ConflictsPage,
    SettingsRoute => settings_view: SettingsPage,
});

/// Nothing: calling it loads the `records` chunk (and the shared chunks it imports).
#[cfg_attr(
    mueang_split,
    leptos::wasm_split::wasm_split(records, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn records_chunk() -> Result<(), SplitLoaderError> {
    Ok(())
}

/// On a visit the service worker serves, starts loading the `records` chunk while the
/// overview reads the store: the lists and editors are where a person goes first, and
/// compiling the chunk then overlaps the start instead of following the first click. Not on
/// a first visit: the worker's precache is fetching the same files, and the page's own
/// request would download them a second time.
pub fn preload_records_if_cached() {
    let controlled = web_sys::window()
        .map(|w| w.navigator().service_worker())
        .and_then(|c| c.controller())
        .is_some();
    if !controlled {
        return;
    }
    leptos::task::spawn_local(async {
        #[cfg(mueang_split)]
        let loaded = records_chunk().await;
        #[cfg(not(mueang_split))]
        let loaded = records_chunk();
        // A failure here is only a missed head start: the page's own load tries again.
        if let Err(e) = loaded {
            leptos::logging::warn!("records (preload): {e}");
        }
    });
}
