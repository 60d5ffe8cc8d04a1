//! Signing exports and verifying imports with Web Crypto's Ed25519 (Chromium 137+, Firefox
//! 129+, Safari 17+). The device's key pair is made on first use and kept in IndexedDB
//! (`storage::device_key`); its private key is non-extractable, so no script — this app's
//! included — can read or copy it: the key can sign, on this device only.
//!
//! What is signed is the domain's [`signed_bytes`]; the command line verifies the same
//! bytes with `ed25519-dalek`. Where Web Crypto has no Ed25519 (an older browser, or a page
//! that is not a secure context), exports go out unsigned, as older Mueang's did, and a
//! signed import cannot be checked: it is refused rather than trusted unchecked.

use js_sys::{Array, Function, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::domain::sync::signature::{parts, signed_bytes, Signature, ALGORITHM};
use crate::domain::sync::{Bundle, BundleError};
use crate::storage::device_key;

/// The device's public key (32 raw bytes), making the key pair if this is the first use.
pub async fn device_public_key() -> Result<Vec<u8>, JsValue> {
    let pair = device_key_pair().await?;
    export_public(&Reflect::get(&pair, &"publicKey".into())?).await
}

/// `bundle` signed by this device; unsigned (as before) where Web Crypto cannot sign.
pub async fn sign(bundle: Bundle) -> Bundle {
    match signature_of(&bundle).await {
        Ok(sig) => bundle.with_signature(sig),
        Err(_) => bundle,
    }
}

async fn signature_of(bundle: &Bundle) -> Result<Signature, JsValue> {
    let pair = device_key_pair().await?;
    let private = Reflect::get(&pair, &"privateKey".into())?;
    let public = export_public(&Reflect::get(&pair, &"publicKey".into())?).await?;
    let message = Uint8Array::from(signed_bytes(bundle).as_slice());
    let value = call("sign", &[algorithm().into(), private, message.into()]).await?;
    Ok(Signature::new(&public, &Uint8Array::new(&value).to_vec()))
}

/// Verifies `bundle`'s signature: `Ok(None)` if unsigned, `Ok(Some(key))` if signed by
/// `key`, a [`BundleError::BadSignature`] if the signature is wrong or cannot be checked.
pub async fn verify(bundle: &Bundle) -> Result<Option<[u8; 32]>, BundleError> {
    let Some(p) = parts(bundle)? else {
        return Ok(None);
    };
    let bad = |reason: &'static str| BundleError::BadSignature { reason };
    let key = call(
        "importKey",
        &[
            "raw".into(),
            Uint8Array::from(p.public_key.as_slice()).into(),
            algorithm().into(),
            true.into(),
            Array::of1(&"verify".into()).into(),
        ],
    )
    .await
    .map_err(|_| bad("public_key"))?;
    let ok = call(
        "verify",
        &[
            algorithm().into(),
            key,
            Uint8Array::from(p.signature.as_slice()).into(),
            Uint8Array::from(p.message.as_slice()).into(),
        ],
    )
    .await
    .map_err(|_| bad("unsupported"))?;
    if ok.as_bool() == Some(true) {
        Ok(Some(p.public_key))
    } else {
        Err(bad("value"))
    }
}

/// The kept key pair, or a new one (non-extractable private key) kept for next time.
async fn device_key_pair() -> Result<JsValue, JsValue> {
    if let Some(pair) = device_key::load()
        .await
        .map_err(|e| JsValue::from_str(&e.to_string()))?
    {
        return Ok(pair);
    }
    let generated = call(
        "generateKey",
        &[
            algorithm().into(),
            false.into(),
            Array::of2(&"sign".into(), &"verify".into()).into(),
        ],
    )
    .await?;
    // Only the two keys: the object Web Crypto returns is a plain one, but say so.
    let pair = Object::new();
    for k in ["privateKey", "publicKey"] {
        Reflect::set(&pair, &k.into(), &Reflect::get(&generated, &k.into())?)?;
    }
    device_key::save(&pair)
        .await
        .map_err(|e| JsValue::from_str(&e.to_string()))?;
    Ok(pair.into())
}

async fn export_public(key: &JsValue) -> Result<Vec<u8>, JsValue> {
    let raw = call("exportKey", &["raw".into(), key.clone()]).await?;
    Ok(Uint8Array::new(&raw).to_vec())
}

fn algorithm() -> Object {
    let a = Object::new();
    let _ = Reflect::set(&a, &"name".into(), &ALGORITHM.into());
    a
}

/// `crypto.subtle[method](...args)`, awaited.
async fn call(method: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let crypto = Reflect::get(&js_sys::global(), &"crypto".into())?;
    let subtle = Reflect::get(&crypto, &"subtle".into())?;
    let f: Function = Reflect::get(&subtle, &method.into())?.dyn_into()?;
    let promise: Promise = f
        .apply(&subtle, &args.iter().collect::<Array>())?
        .dyn_into()?;
    JsFuture::from(promise).await
}
