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
use crate::ui::pages::{crash_test::CrashTest, home::HomePage, not_found::NotFound};
use crate::ui::state::AppState;
use crate::ui::sw;
use crate::ui::tabs::{follow_other_tabs, TabNotice};

/// The router's routes from the one table (`ui::routes`): a `lazy` page is loaded on demand.
macro_rules! router {
    ($($path:tt => $where:ident $page:ident, [$($example:tt),* $(,)?];)*) => {
        view! {
            <Routes fallback=NotFound>
                $(<Route path=path!($path) view={page!($where $page)} />)*
            </Routes>
        }
    };
}

macro_rules! page {
    (lazy $route:ident) => {
        Lazy::<$route>::new()
    };
    (main $page:ident) => {
        $page
    };
}

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
    preload_records_if_cached();
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
                {crate::app_routes!(router)}
            </main>
        </Router>
    }
}
