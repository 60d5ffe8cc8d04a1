//! Service worker registration and the "update available — reload" flow.
//!
//! Registered from Rust (not an inline script) so the page's CSP can forbid inline script.
//! `public/sw.js` does the caching; here we only notice when a new build's worker is
//! installed and waiting, and on request tell it to take over, then reload.

use std::cell::{Cell, RefCell};

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState,
};

thread_local! {
    static WAITING: RefCell<Option<ServiceWorker>> = const { RefCell::new(None) };
    /// Set when the person asked to update, so a controller change reloads the page
    /// (and the very first install, which also changes controller, does not).
    static RELOAD_ON_CHANGE: Cell<bool> = const { Cell::new(false) };
}

fn container() -> Option<ServiceWorkerContainer> {
    let nav = web_sys::window()?.navigator();
    // Absent on plain http (except localhost) and in some private modes.
    js_sys::Reflect::has(&nav, &"serviceWorker".into())
        .unwrap_or(false)
        .then(|| nav.service_worker())
}

/// Registers `/sw.js` and sets `update_ready` when a newer worker waits.
pub fn register(update_ready: RwSignal<bool>) {
    let Some(container) = container() else { return };
    let on_change = Closure::<dyn FnMut()>::new(move || {
        if RELOAD_ON_CHANGE.with(Cell::get) {
            reload();
        }
    });
    container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();

    spawn_local(async move {
        let Ok(reg) = JsFuture::from(container.register("/sw.js")).await else {
            return;
        };
        let reg: ServiceWorkerRegistration = reg.unchecked_into();
        note_waiting(&reg, &container, update_ready);
        // A worker may already be installing by now (register() itself checks for updates).
        if let Some(w) = reg.installing() {
            watch_installing(w, &reg, &container, update_ready);
        }
        let (r, c) = (reg.clone(), container.clone());
        let on_found = Closure::<dyn FnMut()>::new(move || {
            if let Some(w) = r.installing() {
                watch_installing(w, &r, &c, update_ready);
            }
        });
        reg.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
        on_found.forget();
        // A tablet may keep the app open for days: look for a new build when it comes back
        // to the foreground, not only on navigation.
        let on_visible = Closure::<dyn FnMut()>::new(move || {
            let _ = reg.update();
        });
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            let _ = doc.add_event_listener_with_callback(
                "visibilitychange",
                on_visible.as_ref().unchecked_ref(),
            );
        }
        on_visible.forget();
    });
}

/// Notes the worker once it has installed (and so waits).
fn watch_installing(
    w: ServiceWorker,
    reg: &ServiceWorkerRegistration,
    c: &ServiceWorkerContainer,
    ready: RwSignal<bool>,
) {
    let (reg, c, w2) = (reg.clone(), c.clone(), w.clone());
    let on_state = Closure::<dyn FnMut()>::new(move || {
        if w2.state() == ServiceWorkerState::Installed {
            note_waiting(&reg, &c, ready);
        }
    });
    w.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
    on_state.forget();
}

/// A waiting worker is an update only if a worker already controls this page.
fn note_waiting(
    reg: &ServiceWorkerRegistration,
    c: &ServiceWorkerContainer,
    ready: RwSignal<bool>,
) {
    if let (Some(w), Some(_)) = (reg.waiting(), c.controller()) {
        WAITING.with(|slot| *slot.borrow_mut() = Some(w));
        ready.set(true);
    }
}

/// Lets the waiting worker take over; the page reloads when it does.
pub fn activate_update() {
    let waiting = WAITING.with(|slot| slot.borrow_mut().take());
    match waiting {
        Some(w) => {
            RELOAD_ON_CHANGE.with(|c| c.set(true));
            if w.post_message(&JsValue::from_str("skip-waiting")).is_err() {
                reload();
            }
        }
        None => reload(),
    }
}

pub fn reload() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}
