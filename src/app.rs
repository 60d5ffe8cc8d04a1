//! The app: provides the shared state, then the shell (header, notices, routed pages).

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::storage::{load_settings, save_settings};
use crate::ui::banners::Banners;
use crate::ui::edit::{provide_edit, ToastRegion};
use crate::ui::header::Header;
use crate::ui::i18n::{provide_i18n, Msg};
use crate::ui::notices::Notices;
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
    CityPrintPage, MouPrintPage, ProvinceReportPage, RegionPrintPage, RegionReportPage, ReportsPage,
};
use crate::ui::pages::stated_totals::{StatedTotalPage, StatedTotalsPage};
use crate::ui::pages::survey_rounds::{SurveyRoundPage, SurveyRoundsPage};
use crate::ui::pages::sync::{ConflictsPage, SyncPage};
use crate::ui::pages::{
    crash_test::CrashTest, home::HomePage, not_found::NotFound, settings::SettingsPage,
};
use crate::ui::state::AppState;
use crate::ui::sw;
use crate::ui::tabs::{follow_other_tabs, TabNotice};

#[component]
pub fn App() -> impl IntoView {
    let (settings, settings_error) = load_settings();
    let i18n = provide_i18n(settings.lang);
    let app = AppState::new(settings);
    provide_context(app);
    provide_edit();
    crate::ui::sync::context::provide_sync();
    if let Some(e) = settings_error {
        app.notify(Msg::ErrSettingsNotSaved, Some(e.to_string()));
    }
    app.open_storage();
    app.refresh_storage_info(true);
    sw::register(app.update_ready);
    follow_other_tabs(app);

    // The document follows the language: screen readers and Thai line breaking need `lang`.
    Effect::new(move |_| {
        let lang = i18n.lang.get();
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            if let Some(root) = doc.document_element() {
                let _ = root.set_attribute("lang", lang.code());
            }
            doc.set_title(Msg::AppName.text(lang));
        }
    });

    // The single place settings are written: whenever they or the language change.
    Effect::new(move |first: Option<()>| {
        let mut s = app.settings.get();
        s.lang = i18n.lang.get();
        if first.is_some() {
            if let Err(e) = save_settings(&s) {
                app.notify(Msg::ErrSettingsNotSaved, Some(e.to_string()));
            }
        }
    });

    view! {
        <Router>
            <Header/>
            <Notices/>
            <Banners/>
            <TabNotice/>
            <ToastRegion/>
            <main id="main">
                // The same paths, in the same order, as ui::routes::ROUTES (tests/routes.rs).
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=HomePage/>
                    <Route path=path!("/settings") view=SettingsPage/>
                    <Route path=path!("/provinces") view=ProvincesPage/>
                    <Route path=path!("/cities") view=CitiesPage/>
                    <Route path=path!("/cities/:id") view=CityPage/>
                    <Route path=path!("/cities/:id/edit") view=CityEditPage/>
                    <Route path=path!("/projects") view=ProjectsPage/>
                    <Route path=path!("/projects/:id") view=ProjectPage/>
                    <Route path=path!("/reports") view=ReportsPage/>
                    <Route path=path!("/reports/region/:id") view=RegionReportPage/>
                    <Route path=path!("/reports/province/:id") view=ProvinceReportPage/>
                    <Route path=path!("/print/mou/:city_id") view=MouPrintPage/>
                    <Route path=path!("/print/city/:city_id") view=CityPrintPage/>
                    <Route path=path!("/print/region/:region_id") view=RegionPrintPage/>
                    <Route path=path!("/committees") view=CommitteesPage/>
                    <Route path=path!("/committees/:id") view=CommitteePage/>
                    <Route path=path!("/meetings") view=MeetingsPage/>
                    <Route path=path!("/meetings/:id") view=MeetingPage/>
                    <Route path=path!("/mous") view=MousPage/>
                    <Route path=path!("/mous/:id") view=MouPage/>
                    <Route path=path!("/instalments") view=InstalmentsPage/>
                    <Route path=path!("/instalments/:id") view=InstalmentPage/>
                    <Route path=path!("/grants") view=GrantsPage/>
                    <Route path=path!("/grants/province/:id") view=ProvinceGrantPage/>
                    <Route path=path!("/grants/committee/:id") view=CommitteeGrantPage/>
                    <Route path=path!("/parameters") view=ParametersListPage/>
                    <Route path=path!("/parameters/:id") view=ParametersPage/>
                    <Route path=path!("/stated-totals") view=StatedTotalsPage/>
                    <Route path=path!("/stated-totals/:id") view=StatedTotalPage/>
                    <Route path=path!("/communities") view=CommunitiesPage/>
                    <Route path=path!("/communities/:id") view=CommunityPage/>
                    <Route path=path!("/households/:id") view=HouseholdPage/>
                    <Route path=path!("/survey-rounds") view=SurveyRoundsPage/>
                    <Route path=path!("/survey-rounds/:id") view=SurveyRoundPage/>
                    <Route path=path!("/progress-reports/:id") view=ProgressReportPage/>
                    <Route path=path!("/findings") view=FindingsPage/>
                    <Route path=path!("/sync") view=SyncPage/>
                    <Route path=path!("/conflicts") view=ConflictsPage/>
                    <Route path=path!("/_crash") view=CrashTest/>
                </Routes>
            </main>
        </Router>
    }
}
