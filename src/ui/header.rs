//! The top bar: app and office name, language switch, offline badge, and the main menu
//! (`ui::nav_menu`).

use leptos::prelude::*;

use crate::ui::i18n::{tr, use_i18n, Msg};
use crate::ui::nav_menu::MainNav;
use crate::ui::state::use_app;

#[component]
pub fn Header() -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let office = move || {
        let name = app.settings.with(|s| s.office_name.trim().to_string());
        if name.is_empty() {
            i18n.t(Msg::OfficeUnnamed).to_string()
        } else {
            name
        }
    };
    view! {
        <header class="topbar">
            <div class="brand">
                <img class="brand-icon" src="/icons/icon.svg" alt="" width="40" height="40"/>
                <div>
                    <div class="app-name">{tr(Msg::AppName)}</div>
                    <div class="office-name" data-testid="office-name">{office}</div>
                </div>
            </div>
            <OfflineBadge/>
            <LangSwitch/>
        </header>
        <MainNav/>
    }
}

/// One button that switches between Thai and English; it names the language it switches to.
#[component]
fn LangSwitch() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <button
            class="lang-switch"
            data-testid="lang-switch"
            lang=move || i18n.lang.get().other().code()
            on:click=move |_| i18n.lang.update(|l| *l = l.other())
        >
            {tr(Msg::SwitchLanguage)}
        </button>
    }
}

/// Shown while the browser reports no network, so people know edits stay on the device.
#[component]
fn OfflineBadge() -> impl IntoView {
    let online = RwSignal::new(
        web_sys::window()
            .map(|w| w.navigator().on_line())
            .unwrap_or(true),
    );
    let h1 = window_event_listener(leptos::ev::online, move |_| online.set(true));
    let h2 = window_event_listener(leptos::ev::offline, move |_| online.set(false));
    on_cleanup(move || {
        h1.remove();
        h2.remove();
    });
    view! {
        <Show when=move || !online.get()>
            <span class="offline-badge" role="status">{tr(Msg::Offline)}</span>
        </Show>
    }
}
