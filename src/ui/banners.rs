//! Banners about keeping data safe on this device:
//!
//! - [`PersistenceBanner`]: the browser refused persistent storage
//!   (`navigator.storage.persist()` said no), so it may clear Mueang's data when space runs
//!   low. Shown once this device holds something typed here (an empty app or a loaded
//!   example has nothing to lose). Says what to do (install the app, export often) and
//!   offers to ask again.
//! - [`ExportReminder`]: changes made here have not gone out in a bundle for a while
//!   (`domain::views::export_reminder`; the time of the last export is what the sync
//!   screens store, read with `sync::last_export_at`), with a link to the export screen.
//!
//! Both can be dismissed; a dismissal lasts [`QUIET_DAYS`] days on this device, so a
//! browser that always refuses does not nag on every page.

use chrono::{DateTime, Utc};
use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

use crate::domain::meta::OfficeId;
use crate::domain::views::export_reminder::{export_reminder, has_changes_from};
use crate::storage::Persistence;
use crate::ui::i18n::{tr, use_i18n};
use crate::ui::state::use_app;

/// Days a dismissed banner stays away.
pub const QUIET_DAYS: f64 = 7.0;

const PERSIST_DISMISSED: &str = "mueang.banner.persist.dismissed_at";
const EXPORT_DISMISSED: &str = "mueang.banner.export.dismissed_at";

// The banners' strings: `src/ui/messages/banners.toml`, made into the enum by build.rs.
include!(concat!(env!("OUT_DIR"), "/messages/banners.rs"));

fn dismissed_recently(key: &str) -> bool {
    LocalStorage::get::<f64>(key)
        .is_ok_and(|at| js_sys::Date::now() - at < QUIET_DAYS * 86_400_000.0)
}

fn dismiss(key: &str) {
    let _ = LocalStorage::set(key, js_sys::Date::now());
}

/// Every banner, for the app shell (the first: stored data kept aside unread,
/// `ui::kept_aside`).
#[component]
pub fn Banners() -> impl IntoView {
    view! {
        <div class="banners">
            <crate::ui::kept_aside::KeptAsideBanner/>
            <PersistenceBanner/>
            <ExportReminder/>
        </div>
    }
}

/// Shown while the browser has refused persistent storage.
#[component]
pub fn PersistenceBanner() -> impl IntoView {
    let app = use_app();
    let hidden = RwSignal::new(dismissed_recently(PERSIST_DISMISSED));
    let at_risk = Memo::new(move |_| {
        let office = app.settings.with(|s| OfficeId(s.office_id.clone()));
        app.dataset.with(|ds| has_changes_from(ds, &office))
    });
    let refused = move || app.persistence.get() == Some(Persistence::Denied) && at_risk.get();
    view! {
        <Show when=move || refused() && !hidden.get()>
            <div class="notice notice-warning banner" role="region" aria-labelledby="persist-title" data-testid="persist-banner">
                <p><strong id="persist-title">{tr(BannerText::PersistTitle)}</strong> " " {tr(BannerText::PersistBody)}</p>
                <div class="button-row">
                    <button type="button" class="secondary" data-testid="persist-ask"
                        on:click=move |_| app.refresh_storage_info(true)>{tr(BannerText::PersistAskAgain)}</button>
                    <button type="button" class="secondary" data-testid="persist-dismiss"
                        on:click=move |_| { dismiss(PERSIST_DISMISSED); hidden.set(true); }>{tr(BannerText::Later)}</button>
                </div>
            </div>
        </Show>
    }
}

/// Shown when changes made here have waited too long for an export.
#[component]
pub fn ExportReminder() -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let location = use_location();
    let hidden = RwSignal::new(dismissed_recently(EXPORT_DISMISSED));
    let last_export: RwSignal<Option<DateTime<Utc>>> = RwSignal::new(None);
    // Read again on each page change: an export on the sync screen moves it forward.
    Effect::new(move |_| {
        location.pathname.track();
        let Some(store) = app.store.get() else { return };
        spawn_local(async move {
            if let Ok(t) = crate::sync::last_export_at(&store).await {
                last_export.set(t);
            }
        });
    });
    let reminder = Memo::new(move |_| {
        if !app.loaded.get() {
            return None;
        }
        let office = app.settings.with(|s| OfficeId(s.office_id.clone()));
        let last = last_export.get();
        app.dataset
            .with(|ds| export_reminder(ds, &office, last, Utc::now()))
    });
    view! {
        <Show when=move || reminder.with(Option::is_some) && !hidden.get()>
            <div class="notice notice-warning banner" role="region" aria-labelledby="export-title" data-testid="export-reminder">
                <p>
                    <strong id="export-title">{tr(BannerText::ExportTitle)}</strong> " "
                    {move || reminder.get().map(|r| if r.ever_exported {
                        format!("{} {} {}.", i18n.t(BannerText::ExportSince), r.days, i18n.t(BannerText::Days))
                    } else {
                        format!("{}.", i18n.t(BannerText::ExportNever))
                    })}
                    " " {tr(BannerText::ExportChanged)} " "
                    <strong data-testid="export-changed">{move || reminder.get().map_or(0, |r| r.changed)}</strong>
                </p>
                <div class="button-row">
                    <A href="/sync" attr:class="button">{tr(BannerText::ExportNow)}</A>
                    <button type="button" class="secondary" data-testid="export-dismiss"
                        on:click=move |_| { dismiss(EXPORT_DISMISSED); hidden.set(true); }>{tr(BannerText::Later)}</button>
                </div>
            </div>
        </Show>
    }
}
