//! A blocked upgrade's open request, given up on, may still succeed later.

use wasm_bindgen::prelude::Closure;
use wasm_bindgen::JsCast;
use web_sys::{IdbDatabase, IdbOpenDbRequest};

/// After a blocked open was given up, the request may still succeed once the other tab
/// closes; close that connection then so it does not block the next upgrade.
pub(super) fn close_when_opened(raw: &IdbOpenDbRequest) {
    let req = raw.clone();
    let on_success = Closure::once_into_js(move || {
        if let Ok(db) = req.result().and_then(|r| r.dyn_into::<IdbDatabase>()) {
            db.close();
        }
    });
    let _ = raw.add_event_listener_with_callback("success", on_success.unchecked_ref());
}
