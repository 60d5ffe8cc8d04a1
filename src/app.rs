//! The app: provides the shared state, then the shell (header, notices, routed pages).

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, Lazy};

use crate::storage::{load_settings, save_settings};
use crate::ui::banners::Banners;
use crate::ui::edit::{provide_edit, ToastRegion};
use crate::ui::header::Header;
use crate::ui::i18n::{provide_i18n, Msg};
use crate::ui::lazy::*;
use crate::ui::notices::Notices;
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
                    <Route path=path!("/provinces") view={Lazy::<ProvincesRoute>::new()} />
                    <Route path=path!("/cities") view={Lazy::<CitiesRoute>::new()} />
                    <Route path=path!("/cities/:id") view={Lazy::<CityRoute>::new()} />
                    <Route path=path!("/cities/:id/edit") view={Lazy::<CityEditRoute>::new()} />
                    <Route path=path!("/projects") view={Lazy::<ProjectsRoute>::new()} />
                    <Route path=path!("/projects/:id") view={Lazy::<ProjectRoute>::new()} />
                    <Route path=path!("/reports") view={Lazy::<ReportsRoute>::new()} />
                    <Route path=path!("/reports/region/:id") view={Lazy::<RegionReportRoute>::new()} />
                    <Route path=path!("/reports/province/:id") view={Lazy::<ProvinceReportRoute>::new()} />
                    <Route path=path!("/print/mou/:city_id") view={Lazy::<MouPrintRoute>::new()} />
                    <Route path=path!("/print/city/:city_id") view={Lazy::<CityPrintRoute>::new()} />
                    <Route path=path!("/print/region/:region_id") view={Lazy::<RegionPrintRoute>::new()} />
                    <Route path=path!("/print/community/:id") view={Lazy::<CommunityPrintRoute>::new()} />
                    <Route path=path!("/committees") view={Lazy::<CommitteesRoute>::new()} />
                    <Route path=path!("/committees/:id") view={Lazy::<CommitteeRoute>::new()} />
                    <Route path=path!("/meetings") view={Lazy::<MeetingsRoute>::new()} />
                    <Route path=path!("/meetings/:id") view={Lazy::<MeetingRoute>::new()} />
                    <Route path=path!("/mous") view={Lazy::<MousRoute>::new()} />
                    <Route path=path!("/mous/:id") view={Lazy::<MouRoute>::new()} />
                    <Route path=path!("/instalments") view={Lazy::<InstalmentsRoute>::new()} />
                    <Route path=path!("/instalments/:id") view={Lazy::<InstalmentRoute>::new()} />
                    <Route path=path!("/grants") view={Lazy::<GrantsRoute>::new()} />
                    <Route path=path!("/grants/province/:id") view={Lazy::<ProvinceGrantRoute>::new()} />
                    <Route path=path!("/grants/committee/:id") view={Lazy::<CommitteeGrantRoute>::new()} />
                    <Route path=path!("/parameters") view={Lazy::<ParametersListRoute>::new()} />
                    <Route path=path!("/parameters/:id") view={Lazy::<ParametersRoute>::new()} />
                    <Route path=path!("/stated-totals") view={Lazy::<StatedTotalsRoute>::new()} />
                    <Route path=path!("/stated-totals/:id") view={Lazy::<StatedTotalRoute>::new()} />
                    <Route path=path!("/communities") view={Lazy::<CommunitiesRoute>::new()} />
                    <Route path=path!("/communities/:id") view={Lazy::<CommunityRoute>::new()} />
                    <Route path=path!("/households/:id") view={Lazy::<HouseholdRoute>::new()} />
                    <Route path=path!("/survey") view={Lazy::<SurveyRoute>::new()} />
                    <Route path=path!("/survey/region/:id") view={Lazy::<SurveyRegionRoute>::new()} />
                    <Route path=path!("/survey/city/:id") view={Lazy::<SurveyCityRoute>::new()} />
                    <Route path=path!("/survey/city/:id/households") view={Lazy::<SurveyHouseholdsRoute>::new()} />
                    <Route path=path!("/survey/community/:id") view={Lazy::<SurveyCommunityRoute>::new()} />
                    <Route path=path!("/survey-rounds") view={Lazy::<SurveyRoundsRoute>::new()} />
                    <Route path=path!("/survey-rounds/:id") view={Lazy::<SurveyRoundRoute>::new()} />
                    <Route path=path!("/progress-reports/:id") view={Lazy::<ProgressReportRoute>::new()} />
                    <Route path=path!("/findings") view={Lazy::<FindingsRoute>::new()} />
                    <Route path=path!("/sync") view={Lazy::<SyncRoute>::new()} />
                    <Route path=path!("/conflicts") view={Lazy::<ConflictsRoute>::new()} />
                    <Route path=path!("/_crash") view=CrashTest/>
                </Routes>
            </main>
        </Router>
    }
}
