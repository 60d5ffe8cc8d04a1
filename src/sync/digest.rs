//! SHA-256 with Web Crypto (`crypto.subtle.digest`): several times faster than SHA-256
//! compiled to wasm at the app's size-first optimisation level. Chrome copies and hashes
//! on the page's thread before `digest` returns (~140 ms for an 85 MB survey, measured on
//! the 2-core bench machine); the promise only hands the sum over. Where Web Crypto is
//! missing (a page served over plain http from another machine is not a secure context),
//! the domain's own SHA-256 gives the same answer.

use js_sys::{Function, Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::domain::sync::canonical;

/// SHA-256 of `bytes` as 64 lowercase hex digits.
pub async fn sha256_hex(bytes: &[u8]) -> String {
    match started(bytes) {
        Some(digest) => digest.await,
        None => None,
    }
    .unwrap_or_else(|| canonical::sha256_hex(bytes))
}

/// Whether the device has cores to spare for hashing beside the page's own work
/// (`navigator.hardwareConcurrency` of 4 or more; field tablets have 4 to 8). On the 2-core
/// machine the benchmarks run on, hashing during the parse slowed the parse by as much as
/// it saved (docs/sync.md, "One opener").
pub fn cores_to_spare() -> bool {
    Reflect::get(&js_sys::global(), &JsValue::from_str("navigator"))
        .and_then(|n| Reflect::get(&n, &JsValue::from_str("hardwareConcurrency")))
        .ok()
        .and_then(|c| c.as_f64())
        .is_some_and(|c| c >= 4.0)
}

/// Starts hashing `bytes` with Web Crypto at once, so that an engine hashing on another
/// thread does it while the caller goes on working (parsing the same file) until it awaits
/// the sum. `None` where Web Crypto is missing; the sum is `None` if it failed: hash another
/// way then.
pub fn started(bytes: &[u8]) -> Option<impl std::future::Future<Output = Option<String>>> {
    let global = js_sys::global();
    let crypto = Reflect::get(&global, &JsValue::from_str("crypto")).ok()?;
    let subtle = Reflect::get(&crypto, &JsValue::from_str("subtle")).ok()?;
    let digest: Function = Reflect::get(&subtle, &JsValue::from_str("digest"))
        .ok()?
        .dyn_into()
        .ok()?;
    // SAFETY: the view is only read by `digest`, which copies the bytes before returning
    // its promise (WebCrypto spec: "get a copy of the bytes held by the data parameter");
    // nothing allocates in wasm between creating the view and that call. The call is made
    // here, not in the future, so `bytes` is not read after this function returns.
    let view = unsafe { Uint8Array::view(bytes) };
    let promise: Promise = digest
        .call2(&subtle, &JsValue::from_str("SHA-256"), &view)
        .ok()?
        .dyn_into()
        .ok()?;
    Some(async move {
        let buffer = JsFuture::from(promise).await.ok()?;
        Some(canonical::hex(&Uint8Array::new(&buffer).to_vec()))
    })
}
