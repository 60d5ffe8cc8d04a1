//! Whether the browser keeps our data (`navigator.storage.persist()`) and how much room
//! is left (`navigator.storage.estimate()`).

use js_sys::{Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The browser's answer about keeping this site's data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Persistence {
    /// Data is only cleared by the person, not under storage pressure.
    Granted,
    /// The browser may clear the data when space runs low.
    Denied,
    /// This browser has no Storage API (or it failed).
    Unsupported,
}

/// Bytes used and the site's quota.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Quota {
    pub usage: f64,
    pub quota: f64,
}

impl Quota {
    pub fn available(&self) -> f64 {
        (self.quota - self.usage).max(0.0)
    }
}

/// `navigator.storage`, if this browser has it (absent on plain http).
fn storage_manager() -> Option<JsValue> {
    let nav = web_sys::window()?.navigator();
    let sm = Reflect::get(&nav, &"storage".into()).ok()?;
    (!sm.is_undefined() && !sm.is_null()).then_some(sm)
}

/// Calls `navigator.storage[method]()` and awaits the promise.
async fn call(method: &str) -> Option<JsValue> {
    let sm = storage_manager()?;
    let f = Reflect::get(&sm, &method.into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    let promise = f.call0(&sm).ok()?.dyn_into::<Promise>().ok()?;
    JsFuture::from(promise).await.ok()
}

fn to_persistence(v: Option<JsValue>) -> Persistence {
    match v.and_then(|v| v.as_bool()) {
        Some(true) => Persistence::Granted,
        Some(false) => Persistence::Denied,
        None => Persistence::Unsupported,
    }
}

/// Asks the browser to keep our data. Chromium answers without a prompt, from its own
/// heuristics (installed app, bookmarks, engagement).
pub async fn request_persistence() -> Persistence {
    to_persistence(call("persist").await)
}

/// Whether the data is already persistent, without asking.
pub async fn persistence() -> Persistence {
    to_persistence(call("persisted").await)
}

/// Usage and quota, if the browser tells.
pub async fn estimate() -> Option<Quota> {
    let v = call("estimate").await?;
    let num = |k: &str| Reflect::get(&v, &k.into()).ok().and_then(|x| x.as_f64());
    Some(Quota {
        usage: num("usage")?,
        quota: num("quota")?,
    })
}
