//! Optional passphrase encryption of bundles (they hold people's names and phone numbers,
//! which Thailand's PDPA protects).
//!
//! The envelope is a small JSON object, so it is recognisable and travels like any bundle:
//! `{"format":"mueang-encrypted","version":1,"kdf":"pbkdf2-sha256","iterations":N,
//! "salt":B64,"nonce":B64,"ciphertext":B64}`. AES-256-GCM authenticates what it decrypts, so
//! a wrong passphrase or a changed byte is reported, never turned into garbage data.

use std::fmt;

use aes_gcm::aead::{Aead, Payload};
use aes_gcm::{Aes256Gcm, KeyInit, Nonce};
use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use serde::{Deserialize, Serialize};
use sha2::Sha256;

/// The `format` of an encrypted bundle.
pub const ENCRYPTED_FORMAT: &str = "mueang-encrypted";
const ENVELOPE_VERSION: u32 = 1;
const KDF: &str = "pbkdf2-sha256";

/// PBKDF2-HMAC-SHA256 rounds for new envelopes. Measured on this 2-core machine: about
/// 0.35 s in wasm (V8, the app's `opt-level = "z"` build; 0.17 s at opt-level 3) and 0.2 s
/// natively, which slows guessing while keeping an import prompt quick. OWASP's 600,000
/// would take 0.66 s in the size-optimised wasm. Stored in each envelope, so it can rise.
pub const PBKDF2_ITERATIONS: u32 = 300_000;

/// Envelopes outside these bounds are refused before any work: a file claiming a billion
/// rounds would freeze the tablet, one with very few would mean a broken exporter.
const MIN_ITERATIONS: u32 = 10_000;
const MAX_ITERATIONS: u32 = 10_000_000;
const SALT_LEN: usize = 16;
const NONCE_LEN: usize = 12;

/// The envelope's fields are bound to the ciphertext, so they cannot be swapped unnoticed.
const AAD: &[u8] = b"mueang-encrypted/1/pbkdf2-sha256";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CryptoError {
    /// The passphrase is wrong, or the ciphertext was changed or cut short.
    WrongPassphraseOrDamaged,
    /// The envelope itself is unreadable or asks for something unsupported.
    BadEnvelope { detail: String },
    /// An empty passphrase protects nothing.
    EmptyPassphrase,
    /// The system gave no random numbers (should not happen in a browser or on a PC).
    NoRandomness { detail: String },
}

impl CryptoError {
    pub fn code(&self) -> &'static str {
        match self {
            CryptoError::WrongPassphraseOrDamaged => "wrong_passphrase",
            CryptoError::BadEnvelope { .. } => "bad_envelope",
            CryptoError::EmptyPassphrase => "empty_passphrase",
            CryptoError::NoRandomness { .. } => "no_randomness",
        }
    }

    pub fn message_th(&self) -> String {
        match self {
            CryptoError::WrongPassphraseOrDamaged => {
                "รหัสผ่านไม่ถูกต้อง หรือไฟล์เสียหาย — ไม่ได้นำเข้าข้อมูลใด ๆ กรุณาตรวจรหัสผ่านกับผู้ส่ง".into()
            }
            CryptoError::BadEnvelope { detail } => {
                format!("ไฟล์เข้ารหัสอ่านไม่ได้ รูปแบบไม่ถูกต้องหรือมาจากโปรแกรมอื่น ({detail})")
            }
            CryptoError::EmptyPassphrase => "กรุณาตั้งรหัสผ่าน (ห้ามว่าง)".into(),
            CryptoError::NoRandomness { detail } => format!("ระบบสร้างตัวเลขสุ่มไม่ได้: {detail}"),
        }
    }

    pub fn message_en(&self) -> String {
        match self {
            CryptoError::WrongPassphraseOrDamaged => "Wrong passphrase or damaged file — nothing was imported. Check the passphrase with the sender.".into(),
            CryptoError::BadEnvelope { detail } => format!("The encrypted file cannot be read: {detail}"),
            CryptoError::EmptyPassphrase => "Please choose a passphrase (it cannot be empty).".into(),
            CryptoError::NoRandomness { detail } => format!("The system gave no random numbers: {detail}"),
        }
    }
}

impl fmt::Display for CryptoError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_en())
    }
}

impl std::error::Error for CryptoError {}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Envelope {
    format: String,
    version: u32,
    kdf: String,
    iterations: u32,
    salt: String,
    nonce: String,
    ciphertext: String,
}

/// Encrypts `plaintext` (a bundle's JSON) with a key derived from `passphrase`; fresh random
/// salt and nonce each time.
pub fn encrypt(plaintext: &str, passphrase: &str) -> Result<String, CryptoError> {
    let mut salt = [0u8; SALT_LEN];
    let mut nonce = [0u8; NONCE_LEN];
    for buf in [&mut salt[..], &mut nonce[..]] {
        getrandom::fill(buf).map_err(|e| CryptoError::NoRandomness {
            detail: e.to_string(),
        })?;
    }
    encrypt_with(plaintext, passphrase, PBKDF2_ITERATIONS, salt, nonce)
}

/// [`encrypt`] with the salt, nonce and rounds given: for tests and fixtures only. Reusing
/// a nonce with the same key breaks AES-GCM, so real exports always use [`encrypt`].
pub fn encrypt_with(
    plaintext: &str,
    passphrase: &str,
    iterations: u32,
    salt: [u8; SALT_LEN],
    nonce: [u8; NONCE_LEN],
) -> Result<String, CryptoError> {
    if passphrase.is_empty() {
        return Err(CryptoError::EmptyPassphrase);
    }
    let cipher = cipher(passphrase, &salt, iterations)?;
    let payload = Payload {
        msg: plaintext.as_bytes(),
        aad: AAD,
    };
    let ciphertext = cipher
        .encrypt(Nonce::from_slice(&nonce), payload)
        .map_err(|_| CryptoError::BadEnvelope {
            detail: "encryption failed".into(),
        })?;
    let envelope = Envelope {
        format: ENCRYPTED_FORMAT.into(),
        version: ENVELOPE_VERSION,
        kdf: KDF.into(),
        iterations,
        salt: B64.encode(salt),
        nonce: B64.encode(nonce),
        ciphertext: B64.encode(ciphertext),
    };
    serde_json::to_string_pretty(&envelope).map_err(|e| CryptoError::BadEnvelope {
        detail: e.to_string(),
    })
}

/// Decrypts an envelope. Any failure after the envelope was read is the one clear message
/// "wrong passphrase or damaged file": AES-GCM cannot tell the two apart, and neither
/// yields data.
pub fn decrypt(envelope_text: &str, passphrase: &str) -> Result<String, CryptoError> {
    let bad = |detail: &str| CryptoError::BadEnvelope {
        detail: detail.into(),
    };
    let env: Envelope =
        serde_json::from_str(envelope_text).map_err(|e| CryptoError::BadEnvelope {
            detail: e.to_string(),
        })?;
    if env.format != ENCRYPTED_FORMAT || env.version != ENVELOPE_VERSION {
        return Err(bad("unknown envelope format or version"));
    }
    if env.kdf != KDF {
        return Err(bad("unsupported key derivation"));
    }
    if !(MIN_ITERATIONS..=MAX_ITERATIONS).contains(&env.iterations) {
        return Err(bad("iteration count out of range"));
    }
    let salt = B64
        .decode(&env.salt)
        .map_err(|_| bad("salt is not base64"))?;
    let nonce = B64
        .decode(&env.nonce)
        .map_err(|_| bad("nonce is not base64"))?;
    if salt.len() != SALT_LEN || nonce.len() != NONCE_LEN {
        return Err(bad("salt or nonce has the wrong length"));
    }
    let ciphertext = B64
        .decode(&env.ciphertext)
        .map_err(|_| CryptoError::WrongPassphraseOrDamaged)?;
    let cipher = cipher(passphrase, &salt, env.iterations)?;
    let plain = cipher
        .decrypt(
            Nonce::from_slice(&nonce),
            Payload {
                msg: &ciphertext,
                aad: AAD,
            },
        )
        .map_err(|_| CryptoError::WrongPassphraseOrDamaged)?;
    String::from_utf8(plain).map_err(|_| CryptoError::WrongPassphraseOrDamaged)
}

/// Whether `text` looks like an encrypted envelope (checked without parsing all of it).
pub fn is_encrypted(text: &str) -> bool {
    let head: String = text
        .chars()
        .take(200)
        .filter(|c| !c.is_whitespace())
        .collect();
    head.contains(&format!("\"format\":\"{ENCRYPTED_FORMAT}\""))
}

fn cipher(passphrase: &str, salt: &[u8], iterations: u32) -> Result<Aes256Gcm, CryptoError> {
    let key =
        pbkdf2::pbkdf2_hmac_array::<Sha256, 32>(normalise(passphrase).as_bytes(), salt, iterations);
    Aes256Gcm::new_from_slice(&key).map_err(|_| CryptoError::BadEnvelope {
        detail: "bad key length".into(),
    })
}

/// Thai keyboards may type SARA AM (ำ) as one character or as NIKHAHIT + SARA AA (ํา); both
/// look the same, so both must open the file.
fn normalise(passphrase: &str) -> String {
    passphrase.replace('\u{0E33}', "\u{0E4D}\u{0E32}")
}

#[cfg(test)]
mod tests {
    use super::*;

    const FAST: u32 = MIN_ITERATIONS;

    #[test]
    fn round_trip_and_wrong_passphrase() {
        let env = encrypt_with("{\"a\":1}", "ลับมาก", FAST, [7; 16], [9; 12]).unwrap();
        assert!(is_encrypted(&env));
        assert_eq!(decrypt(&env, "ลับมาก").unwrap(), "{\"a\":1}");
        assert_eq!(
            decrypt(&env, "ลับมาก!"),
            Err(CryptoError::WrongPassphraseOrDamaged)
        );
    }

    #[test]
    fn both_ways_of_typing_sara_am_open_the_file() {
        let env = encrypt_with("x", "น้ำ", FAST, [1; 16], [2; 12]).unwrap();
        assert_eq!(decrypt(&env, "น\u{0E49}\u{0E4D}\u{0E32}").unwrap(), "x");
    }

    #[test]
    fn an_absurd_iteration_count_is_refused_before_any_work() {
        let env = encrypt_with("x", "p", FAST, [1; 16], [2; 12]).unwrap();
        let env = env.replace(
            &format!("\"iterations\": {FAST}"),
            "\"iterations\": 4000000000",
        );
        assert_eq!(decrypt(&env, "p").unwrap_err().code(), "bad_envelope");
    }
}
