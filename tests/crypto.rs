//! Passphrase encryption: envelopes written before the header was authenticated still open,
//! the header of a new one cannot be changed unnoticed, the rounds are bounded before any
//! work, and a new passphrase must pass a minimum strength.

use mueang::domain::sync::crypto::{
    check_passphrase, encrypt_with, CryptoError, PassphraseWeakness, MAX_ITERATIONS, MIN_ITERATIONS,
};
use mueang::domain::sync::{decrypt, verify};

const V1: &str = include_str!("fixtures/crypto/v1-envelope.json");
const V1_PASSPHRASE: &str = "เก่า-old-envelope 2561";
const PLAIN: &str = include_str!("fixtures/bad-bundles/valid-minimal/input.json");

fn envelope(iterations: u32) -> String {
    encrypt_with(PLAIN, V1_PASSPHRASE, iterations, [3; 16], [4; 12]).unwrap()
}

fn field(env: &str, name: &str) -> serde_json::Value {
    serde_json::from_str::<serde_json::Value>(env).unwrap()[name].clone()
}

fn with_field(env: &str, name: &str, value: serde_json::Value) -> String {
    let mut v: serde_json::Value = serde_json::from_str(env).unwrap();
    v[name] = value;
    v.to_string()
}

#[test]
fn an_envelope_written_by_the_previous_version_still_opens() {
    // Written by the code before this change (version 1, 300,000 rounds, fixed AAD).
    assert_eq!(field(V1, "version"), 1);
    let plain = decrypt(V1, V1_PASSPHRASE).unwrap();
    assert_eq!(plain, PLAIN);
    assert!(verify(&plain).is_ok());
    assert_eq!(
        decrypt(V1, "เก่า-old-envelope 2562"),
        Err(CryptoError::WrongPassphraseOrDamaged)
    );
}

#[test]
fn a_new_envelope_is_version_2_and_opens() {
    let env = envelope(MIN_ITERATIONS);
    assert_eq!(field(&env, "version"), 2);
    assert_eq!(decrypt(&env, V1_PASSPHRASE).unwrap(), PLAIN);
}

#[test]
fn the_header_is_bound_to_the_ciphertext() {
    let env = envelope(MIN_ITERATIONS);
    // Relabelled as version 1 (whose AAD is a fixed string): the header no longer matches.
    let downgraded = with_field(&env, "version", 1.into());
    assert_eq!(
        decrypt(&downgraded, V1_PASSPHRASE),
        Err(CryptoError::WrongPassphraseOrDamaged)
    );
    // The same key and nonce with the format field spelt differently is refused too.
    let renamed = with_field(&env, "kdf", "PBKDF2-SHA256".into());
    assert!(decrypt(&renamed, V1_PASSPHRASE).is_err());
}

#[test]
fn rounds_outside_the_bounds_are_refused_with_a_message_before_any_work() {
    let env = envelope(MIN_ITERATIONS);
    for n in [
        0u64,
        u64::from(MIN_ITERATIONS) - 1,
        u64::from(MAX_ITERATIONS) + 1,
        10_000_000,
        u64::MAX,
    ] {
        let e = decrypt(&with_field(&env, "iterations", n.into()), V1_PASSPHRASE).unwrap_err();
        assert_eq!(e, CryptoError::IterationsOutOfRange { iterations: n });
        assert_eq!(e.code(), "bad_envelope");
        assert!(
            e.message_en().contains(&n.to_string()),
            "{}",
            e.message_en()
        );
        assert!(e.message_th().contains("จำนวนรอบ"), "{}", e.message_th());
    }
}

#[test]
fn a_weak_passphrase_gets_a_hint_in_both_languages() {
    let cases: &[(&str, Result<(), PassphraseWeakness>)] = &[
        ("", Err(PassphraseWeakness::Empty)),
        ("   ", Err(PassphraseWeakness::Empty)),
        ("ลับ2561", Err(PassphraseWeakness::TooShort { chars: 7 })),
        ("1234567890", Err(PassphraseWeakness::OneKind)),
        ("๑๒๓๔๕๖๗๘๙๐", Err(PassphraseWeakness::OneKind)),
        ("abcdefghijkl", Err(PassphraseWeakness::OneKind)),
        ("สวัสดีครับทุกคน", Err(PassphraseWeakness::OneKind)),
        ("aaaaaaaaaa1", Err(PassphraseWeakness::Repetitive)),
        ("ababab12121", Err(PassphraseWeakness::Repetitive)),
        ("รหัสลับ 2561", Ok(())),
        ("north-office-7", Ok(())),
        ("สำนักงานภาค north", Ok(())),
    ];
    for (p, want) in cases {
        assert_eq!(&check_passphrase(p), want, "{p:?}");
        if let Err(w) = want {
            assert!(!w.hint_th().is_empty() && !w.hint_en().is_empty());
            assert_ne!(w.hint_th(), w.hint_en());
        }
    }
    let short = PassphraseWeakness::TooShort { chars: 7 };
    assert!(short.hint_en().contains('7') && short.hint_th().contains("10"));
}
