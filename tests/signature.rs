//! Bundles signed by the exporting device: the signature verifies natively (ed25519-dalek)
//! exactly as the browser makes it (Web Crypto), a changed header or a bad signature is
//! refused, and the trust-on-first-use decision warns when it must.

use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use chrono::{DateTime, Utc};
use ed25519_dalek::{Signer, SigningKey, Verifier, VerifyingKey};
use mueang::cli::run;
use mueang::domain::example::north_2561;
use mueang::domain::meta::{Editor, OfficeId};
use mueang::domain::sync::signature::{
    fingerprint, signed_bytes, trust, verify_native, Signature, Trust, CONTEXT,
};
use mueang::domain::sync::{export_full, open, Bundle, Peers};

/// RFC 8032, section 7.1, TEST 1 and TEST 2: secret key, public key, message, signature.
const RFC8032: [(&str, &str, &str, &str); 2] = [
    (
        "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
        "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
        "",
        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
    ),
    (
        "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
        "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
        "72",
        "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00",
    ),
];

/// A bundle signed with the RFC 8032 TEST 1 key. Ed25519 signatures are deterministic:
/// `web_signature.rs` signs this bundle's bytes in headless Chromium with Web Crypto and
/// checks it gets this very signature, so this is the browser's signature, byte for byte.
const SIGNED_IN_BROWSER: &str = include_str!("fixtures/signed/signed-rfc8032-key1.json");

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

fn key(i: usize) -> SigningKey {
    SigningKey::from_bytes(&unhex(RFC8032[i].0).try_into().unwrap())
}

fn now() -> DateTime<Utc> {
    DateTime::from_timestamp(1_517_626_800, 0).unwrap()
}

fn north() -> Editor {
    Editor {
        office_id: OfficeId("codi-north".into()),
        office_name: "สำนักงานภาคเหนือ พอช.".into(),
        person: "สมศรี ใจดี".into(),
    }
}

fn signed_with(key: &SigningKey) -> Bundle {
    let bundle = export_full(&north_2561().records, &north(), now());
    let sig = key.sign(&signed_bytes(&bundle));
    let public = key.verifying_key().to_bytes();
    bundle.with_signature(Signature::new(&public, &sig.to_bytes()))
}

#[test]
fn ed25519_dalek_agrees_with_the_rfc_8032_test_vectors() {
    for (i, (_, public, message, signature)) in RFC8032.iter().enumerate() {
        let k = key(i);
        assert_eq!(k.verifying_key().to_bytes().to_vec(), unhex(public));
        let sig = k.sign(&unhex(message));
        assert_eq!(
            sig.to_bytes().to_vec(),
            unhex(signature),
            "vector {}",
            i + 1
        );
        let vk = VerifyingKey::from_bytes(&unhex(public).try_into().unwrap()).unwrap();
        assert!(vk.verify(&unhex(message), &sig).is_ok());
    }
}

#[test]
fn a_bundle_signed_in_the_browser_verifies_natively() {
    let bundle = open(SIGNED_IN_BROWSER.as_bytes(), None).expect("the fixture opens");
    // Signed as schema 2 and read as the current one: the signature covers what was signed.
    assert_eq!(bundle.written_version(), 2);
    let signer = verify_native(&bundle).expect("the browser's signature verifies");
    assert_eq!(signer.map(|k| k.to_vec()), Some(unhex(RFC8032[0].1)));
}

#[test]
fn signed_bytes_are_the_context_and_the_canonical_header() {
    let bundle = signed_with(&key(0));
    let bytes = signed_bytes(&bundle);
    let text = String::from_utf8(bytes).unwrap();
    let header = text
        .strip_prefix(std::str::from_utf8(CONTEXT).unwrap())
        .unwrap();
    assert!(header.starts_with("{\"exported_at\":\"2018-02-03T03:00:00Z\",\"exported_by\":"));
    assert!(header.contains(&format!("\"sha256\":\"{}\"", bundle.manifest().sha256)));
    assert!(!header.contains("\"records\":{") && !header.contains("signature"));
}

#[test]
fn a_signed_export_opens_and_verifies_and_names_its_key() {
    let text = signed_with(&key(1)).to_json();
    let bundle = open(text.as_bytes(), None).unwrap();
    let signer = verify_native(&bundle).unwrap().unwrap();
    assert_eq!(signer.to_vec(), unhex(RFC8032[1].1));
    assert_eq!(fingerprint(&signer).len(), 19);
    // Pretty-printed (an office opened and saved it in an editor) it still verifies.
    let pretty = open(bundle.to_json_pretty().as_bytes(), None).unwrap();
    assert!(verify_native(&pretty).unwrap().is_some());
}

#[test]
fn a_changed_header_or_a_forged_signature_is_refused_with_a_message() {
    let text = signed_with(&key(0)).to_json();
    // Another exporter's name: the checksum still matches (it covers records only).
    let changed = text.replacen("สมศรี ใจดี", "คนอื่น", 1);
    let bundle = open(changed.as_bytes(), None).expect("the checksum does not cover the header");
    let e = verify_native(&bundle).unwrap_err();
    assert_eq!(e.code(), "bad_signature");
    assert!(e.message_th().contains("ลายเซ็น"));
    assert!(e.message_en().contains("signature is not valid"));

    // Signed by key 1 but claiming key 0's public key.
    let other = signed_with(&key(1));
    let forged = other.clone().with_signature(Signature {
        public_key: B64.encode(key(0).verifying_key().to_bytes()),
        ..other.signature().unwrap().clone()
    });
    let reopened = open(forged.to_json().as_bytes(), None).unwrap();
    assert_eq!(
        verify_native(&reopened).unwrap_err().code(),
        "bad_signature"
    );

    for broken in [
        Signature {
            algorithm: "RSA".into(),
            ..other.signature().unwrap().clone()
        },
        Signature {
            value: "bm90IDY0IGJ5dGVz".into(),
            ..other.signature().unwrap().clone()
        },
        Signature {
            public_key: "***".into(),
            ..other.signature().unwrap().clone()
        },
    ] {
        let b = open(
            other.clone().with_signature(broken).to_json().as_bytes(),
            None,
        )
        .unwrap();
        assert_eq!(verify_native(&b).unwrap_err().code(), "bad_signature");
    }
}

#[test]
fn an_unsigned_bundle_still_opens_and_is_shown_as_unsigned() {
    let text = export_full(&north_2561().records, &north(), now()).to_json();
    let bundle = open(text.as_bytes(), None).unwrap();
    assert_eq!(verify_native(&bundle).unwrap(), None);
    let office = &bundle.exported_by().office_id;
    assert_eq!(trust(&Peers::default(), office, None), Trust::Unsigned);
}

#[test]
fn keys_are_kept_on_first_use_and_a_change_or_a_missing_signature_warns() {
    let office = OfficeId("codi-north".into());
    let (k0, k1) = (
        key(0).verifying_key().to_bytes(),
        key(1).verifying_key().to_bytes(),
    );
    let mut peers = Peers::default();

    let first = trust(&peers, &office, Some(&k0));
    assert_eq!(
        first,
        Trust::FirstKey {
            fingerprint: fingerprint(&k0)
        }
    );
    assert!(!first.needs_warning());
    peers.keep_key(&office, Some(&k0), now());

    let again = trust(&peers, &office, Some(&k0));
    assert!(matches!(again, Trust::KnownKey { .. }) && !again.needs_warning());

    let unsigned = trust(&peers, &office, None);
    assert_eq!(
        unsigned,
        Trust::UnsignedFromKnown {
            kept: fingerprint(&k0)
        }
    );
    assert!(unsigned.needs_warning());
    // Accepting an unsigned bundle keeps the key expected.
    peers.keep_key(&office, None, now());
    assert!(trust(&peers, &office, None).needs_warning());

    let changed = trust(&peers, &office, Some(&k1));
    assert_eq!(
        changed,
        Trust::KeyChanged {
            kept: fingerprint(&k0),
            now: fingerprint(&k1)
        }
    );
    assert!(changed.needs_warning());
    // Other offices' keys are theirs alone.
    assert_eq!(
        trust(&peers, &OfficeId("city-maesot".into()), Some(&k1)),
        Trust::FirstKey {
            fingerprint: fingerprint(&k1)
        }
    );

    // Accepting the change replaces the kept key and records the old one.
    let later = now() + chrono::Duration::days(3);
    peers.keep_key(&office, Some(&k1), later);
    assert!(matches!(
        trust(&peers, &office, Some(&k1)),
        Trust::KnownKey { .. }
    ));
    let kept = peers.get(&office).unwrap().key.as_ref().unwrap();
    assert_eq!(kept.replaced.len(), 1);
    assert_eq!(kept.replaced[0].public_key, B64.encode(k0));
    assert_eq!(kept.replaced[0].replaced_at, later);

    // Kept keys survive the settings round trip.
    let json = serde_json::to_string(&peers).unwrap();
    assert_eq!(serde_json::from_str::<Peers>(&json).unwrap(), peers);
}

#[test]
fn mueang_merge_and_check_say_who_signed_and_refuse_a_bad_signature() {
    let dir = std::env::temp_dir().join(format!("mueang-signature-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = dir.join("signed.json");
    let bad = dir.join("tampered.json");
    let text = signed_with(&key(0)).to_json();
    std::fs::write(&good, &text).unwrap();
    std::fs::write(&bad, text.replacen("สมศรี ใจดี", "คนอื่น", 1)).unwrap();
    let fp = fingerprint(&key(0).verifying_key().to_bytes());

    let mueang = |args: &[&str]| {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let code = run(
            std::iter::once("mueang").chain(args.iter().copied()),
            &mut out,
            &mut err,
        );
        (code, String::from_utf8(err).unwrap())
    };
    let merged = dir.join("merged.json");
    let (code, err) = mueang(&[
        "merge",
        good.to_str().unwrap(),
        "-o",
        merged.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains(&format!("signed by device {fp} of สำนักงานภาคเหนือ พอช.")),
        "{err}"
    );
    assert!(err.contains(&format!("ลงชื่อโดยเครื่อง {fp}")), "{err}");
    let (code, err) = mueang(&[
        "merge",
        bad.to_str().unwrap(),
        "-o",
        merged.to_str().unwrap(),
    ]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("signature is not valid"), "{err}");

    let (_, err) = mueang(&["check", good.to_str().unwrap(), "--today", "2018-04-01"]);
    assert!(err.contains(&format!("signed by device {fp}")), "{err}");
    let (code, err) = mueang(&["check", bad.to_str().unwrap(), "--today", "2018-04-01"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("ลายเซ็นของไฟล์นี้ไม่ถูกต้อง"), "{err}");
}

/// Writes the signed fixture (run with `-- --ignored` after a format change; the browser
/// test then checks that Web Crypto makes the same signature).
#[test]
#[ignore]
fn write_the_signed_fixtures() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/signed");
    std::fs::create_dir_all(dir).unwrap();
    let unsigned = export_full(&north_2561().records, &north(), now());
    let sig = key(0).sign(&signed_bytes(&unsigned));
    let signed = unsigned.with_signature(Signature::new(
        &key(0).verifying_key().to_bytes(),
        &sig.to_bytes(),
    ));
    std::fs::write(format!("{dir}/signed-rfc8032-key1.json"), signed.to_json()).unwrap();
}

#[test]
fn the_import_screen_names_the_device_and_warns_in_thai_and_english() {
    use mueang::domain::lang::Lang;
    let fp = "3f2a 9c01 77de 0b45".to_string();
    let first = Trust::FirstKey {
        fingerprint: fp.clone(),
    };
    assert!(first.shown(Lang::Th).contains(&fp) && first.shown(Lang::Th).contains("จะจำ"));
    assert!(first.shown(Lang::En).contains("kept when you save"));
    assert_eq!(first.warning("ภาคเหนือ"), None);
    assert!(Trust::Unsigned.shown(Lang::Th).contains("ไม่ได้ลงชื่อ"));
    assert_eq!(Trust::Unsigned.warning("ภาคเหนือ"), None);

    let (th, en) = Trust::UnsignedFromKnown { kept: fp.clone() }
        .warning("ภาคเหนือ")
        .unwrap();
    assert!(th.contains("ภาคเหนือ") && th.contains(&fp) && th.contains("ไม่ได้ลงชื่อ"));
    assert!(en.contains("not signed") && en.contains("Cancel"));

    let now = "0000 1111 2222 3333".to_string();
    let (th, en) = Trust::KeyChanged {
        kept: fp.clone(),
        now: now.clone(),
    }
    .warning("ภาคเหนือ")
    .unwrap();
    for text in [&th, &en] {
        assert!(text.contains(&fp) && text.contains(&now), "{text}");
    }
    assert!(th.contains("ยอมรับและบันทึกการนำเข้า") && en.contains("Accept and save the import"));
    // Everyday words only.
    assert!(!th.contains("ระเบียน"));
}
