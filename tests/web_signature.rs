//! Bundles signed by the exporting device, in a real browser (headless Chromium): the key
//! pair is made on first use and kept (private key non-extractable) in IndexedDB, exports
//! are signed and verify, Web Crypto's signatures are the ones `ed25519-dalek` verifies
//! natively, and the trust-on-first-use decision warns when it must.
#![cfg(target_arch = "wasm32")]

use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use chrono::{DateTime, Utc};
use js_sys::{Array, Object, Reflect, Uint8Array};
use mueang::domain::example::north_2561;
use mueang::domain::meta::{Editor, OfficeId};
use mueang::domain::sync::signature::{fingerprint, signed_bytes, trust, Signature};
use mueang::domain::sync::{export_full, open, Bundle, Peers, Trust};
use mueang::storage::{self, device_key};
use mueang::sync::signing;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The fixture `tests/signature.rs` verifies natively with ed25519-dalek.
const FIXTURE: &str = include_str!("fixtures/signed/signed-rfc8032-key1.json");
/// RFC 8032 TEST 1's secret and public key, base64url (JWK's encoding).
const RFC_D: &str = "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A";
const RFC_X: &str = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";

fn now() -> DateTime<Utc> {
    DateTime::from_timestamp(1_517_626_800, 0).unwrap()
}

fn export() -> Bundle {
    let editor = Editor {
        office_id: OfficeId("codi-north".into()),
        office_name: "สำนักงานภาคเหนือ พอช.".into(),
        person: String::new(),
    };
    export_full(&north_2561().records, &editor, now())
}

async fn subtle(method: &str, args: &[JsValue]) -> JsValue {
    let crypto = Reflect::get(&js_sys::global(), &"crypto".into()).unwrap();
    let subtle = Reflect::get(&crypto, &"subtle".into()).unwrap();
    let f: js_sys::Function = Reflect::get(&subtle, &method.into()).unwrap().into();
    let p: js_sys::Promise = f
        .apply(&subtle, &args.iter().collect::<Array>())
        .unwrap()
        .into();
    JsFuture::from(p).await.expect(method)
}

fn ed25519() -> JsValue {
    let a = Object::new();
    Reflect::set(&a, &"name".into(), &"Ed25519".into()).unwrap();
    a.into()
}

/// Web Crypto's signature of `message` with the RFC 8032 TEST 1 key, imported as a JWK.
async fn sign_with_rfc_key(message: &[u8]) -> Vec<u8> {
    let jwk = Object::new();
    for (k, v) in [
        ("kty", "OKP"),
        ("crv", "Ed25519"),
        ("d", RFC_D),
        ("x", RFC_X),
    ] {
        Reflect::set(&jwk, &k.into(), &v.into()).unwrap();
    }
    let key = subtle(
        "importKey",
        &[
            "jwk".into(),
            jwk.into(),
            ed25519(),
            false.into(),
            Array::of1(&"sign".into()).into(),
        ],
    )
    .await;
    let sig = subtle("sign", &[ed25519(), key, Uint8Array::from(message).into()]).await;
    Uint8Array::new(&sig).to_vec()
}

#[wasm_bindgen_test]
async fn the_device_key_is_made_on_first_use_kept_and_not_extractable() {
    storage::delete_database(device_key::KEY_DB)
        .await
        .expect("delete");
    assert!(device_key::load().await.unwrap().is_none());
    let first = signing::device_public_key().await.expect("a key is made");
    assert_eq!(first.len(), 32);
    let kept = device_key::load()
        .await
        .unwrap()
        .expect("kept in IndexedDB");
    let private = Reflect::get(&kept, &"privateKey".into()).unwrap();
    assert_eq!(
        Reflect::get(&private, &"extractable".into()).unwrap(),
        JsValue::FALSE
    );
    assert_eq!(
        Reflect::get(&private, &"type".into()).unwrap(),
        JsValue::from_str("private")
    );
    // The same key next time (a reload reads it back from IndexedDB).
    assert_eq!(signing::device_public_key().await.unwrap(), first);
}

#[wasm_bindgen_test]
async fn an_export_is_signed_by_this_device_and_verifies_after_the_trip() {
    let device = signing::device_public_key().await.unwrap();
    let signed = signing::sign(export()).await;
    assert_eq!(signed.signature().expect("signed").algorithm, "Ed25519");
    let reopened = open(signed.to_json().as_bytes(), None).expect("opens");
    let signer = signing::verify(&reopened).await.expect("verifies");
    assert_eq!(signer.map(|k| k.to_vec()), Some(device.clone()));

    // A changed header no longer verifies: refused with the message people see.
    let changed = signed
        .to_json()
        .replacen("สำนักงานภาคเหนือ พอช.", "สำนักงานอื่น", 1);
    let tampered = open(changed.as_bytes(), None).expect("the checksum covers records only");
    let e = signing::verify(&tampered).await.unwrap_err();
    assert_eq!(e.code(), "bad_signature");
    assert!(e.message_th().contains("ลายเซ็น"));

    // Another key's signature under this device's public key: refused.
    let base = export();
    let other_key_sig = sign_with_rfc_key(&signed_bytes(&base)).await;
    let forged = base.with_signature(Signature::new(&device, &other_key_sig));
    assert_eq!(
        signing::verify(&forged).await.unwrap_err().code(),
        "bad_signature"
    );
    // Unsigned bundles still open, shown as unsigned.
    assert_eq!(signing::verify(&export()).await.unwrap(), None);
}

#[wasm_bindgen_test]
async fn web_crypto_signs_exactly_as_rfc_8032_and_the_native_fixture_say() {
    // RFC 8032 TEST 1: the empty message.
    let expected = "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";
    let sig = sign_with_rfc_key(b"").await;
    let hex: String = sig.iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(hex, expected);

    // The fixture's bundle, signed here: the very signature ed25519-dalek verifies natively.
    let bundle = open(FIXTURE.as_bytes(), None).expect("the fixture opens");
    let ours = sign_with_rfc_key(&signed_bytes(&bundle)).await;
    let theirs = bundle.signature().expect("signed");
    assert_eq!(B64.encode(&ours), theirs.value);
    assert_eq!(theirs.public_key, B64.encode(unhex_x()));
    // And Web Crypto verifies the fixture.
    assert!(signing::verify(&bundle).await.unwrap().is_some());
}

/// RFC 8032 TEST 1's public key, raw.
fn unhex_x() -> Vec<u8> {
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(RFC_X)
        .unwrap()
}

#[wasm_bindgen_test]
async fn a_known_office_with_another_key_or_no_signature_is_warned_about() {
    let office = OfficeId("codi-north".into());
    let mine = signing::sign(export()).await;
    let key = signing::verify(&mine).await.unwrap().unwrap();
    let mut peers = Peers::default();
    assert_eq!(
        trust(&peers, &office, Some(&key)),
        Trust::FirstKey {
            fingerprint: fingerprint(&key)
        }
    );
    peers.keep_key(&office, Some(&key), now());
    assert!(!trust(&peers, &office, Some(&key)).needs_warning());

    let fixture = open(FIXTURE.as_bytes(), None).unwrap();
    let other = signing::verify(&fixture).await.unwrap().unwrap();
    let changed = trust(&peers, &office, Some(&other));
    assert!(changed.needs_warning());
    let (th, en) = changed.warning("สำนักงานภาคเหนือ พอช.").unwrap();
    assert!(th.contains(&fingerprint(&other)) && th.contains("ยกเลิก"));
    assert!(en.contains(&fingerprint(&key)) && en.contains("Accept"));
    assert!(trust(&peers, &office, None).needs_warning());
}
