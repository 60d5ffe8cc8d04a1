//! SHA-256 with Web Crypto (`crypto.subtle.digest`): several times faster than SHA-256
//! compiled to wasm at the app's size-first optimisation level (tens of milliseconds for a
//! 70 MB bundle). Where Web Crypto is missing (a page served over plain http from another
//! machine is not a secure context), the domain's own SHA-256 gives the same answer.

use js_sys::{Function, Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::domain::sync::canonical;

/// SHA-256 of `bytes` as 64 lowercase hex digits.
pub async fn sha256_hex(bytes: &[u8]) -> String {
    match web_crypto(bytes).await {
        Some(hex) => hex,
        None => canonical::sha256_hex(bytes),
    }
}

async fn web_crypto(bytes: &[u8]) -> Option<String> {
    let global = js_sys::global();
    let crypto = Reflect::get(&global, &JsValue::from_str("crypto")).ok()?;
    let subtle = Reflect::get(&crypto, &JsValue::from_str("subtle")).ok()?;
    let digest: Function = Reflect::get(&subtle, &JsValue::from_str("digest"))
        .ok()?
        .dyn_into()
        .ok()?;
    // SAFETY: the view is only read by `digest`, which copies the bytes before returning
    // its promise (WebCrypto spec: "get a copy of the bytes held by the data parameter");
    // nothing allocates in wasm between creating the view and that call.
    let view = unsafe { Uint8Array::view(bytes) };
    let promise: Promise = digest
        .call2(&subtle, &JsValue::from_str("SHA-256"), &view)
        .ok()?
        .dyn_into()
        .ok()?;
    let buffer = JsFuture::from(promise).await.ok()?;
    Some(canonical::hex(&Uint8Array::new(&buffer).to_vec()))
}
