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
use web_sys::{ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

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
        let Ok(reg) = JsFuture::from(container.register("/sw.js")).await else { return };
        let reg: ServiceWorkerRegistration = reg.unchecked_into();
        note_waiting(&reg, &container, update_ready);
        let (r, c) = (reg.clone(), container.clone());
        let on_found = Closure::<dyn FnMut()>::new(move || {
            let Some(installing) = r.installing() else { return };
            let (r2, c2, w) = (r.clone(), c.clone(), installing.clone());
            let on_state = Closure::<dyn FnMut()>::new(move || {
                if w.state() == ServiceWorkerState::Installed {
                    note_waiting(&r2, &c2, update_ready);
                }
            });
            installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
            on_state.forget();
        });
        reg.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
        on_found.forget();
    });
}

/// A waiting worker is an update only if a worker already controls this page.
fn note_waiting(reg: &ServiceWorkerRegistration, c: &ServiceWorkerContainer, ready: RwSignal<bool>) {
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
