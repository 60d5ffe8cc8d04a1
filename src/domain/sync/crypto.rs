//! Optional passphrase encryption of bundles (they hold people's names and phone numbers,
//! which Thailand's PDPA protects).
//!
//! The envelope is a small JSON object, so it is recognisable and travels like any bundle:
//! `{"format":"mueang-encrypted","version":2,"kdf":"pbkdf2-sha256","iterations":N,
//! "salt":B64,"nonce":B64,"ciphertext":B64}`. AES-256-GCM authenticates what it decrypts, so
//! a wrong passphrase or a changed byte is reported, never turned into garbage data.
//! Version 2 also authenticates the header (see [`header_aad`]); version 1 envelopes, which
//! bound only a fixed string, still open.

use std::fmt;

use aes_gcm::aead::{Aead, Payload};
use aes_gcm::{Aes256Gcm, KeyInit, Nonce};
use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use serde::{Deserialize, Serialize};
use sha2::Sha256;

/// The `format` of an encrypted bundle.
pub const ENCRYPTED_FORMAT: &str = "mueang-encrypted";
const ENVELOPE_VERSION: u32 = 2;
/// Envelopes written before the header was authenticated; still opened.
const ENVELOPE_VERSION_1: u32 = 1;
const KDF: &str = "pbkdf2-sha256";

/// PBKDF2-HMAC-SHA256 rounds for new envelopes: OWASP's 2023 figure. About 0.66 s in the
/// app's size-optimised wasm on this 2-core machine (0.4 s natively), paid once per export
/// or import. Stored in each envelope, so it can rise again.
pub const PBKDF2_ITERATIONS: u32 = 600_000;

/// Envelopes outside these bounds are refused before any work. The ceiling keeps a file
/// from freezing a tablet (10,000,000 rounds was ~12 s of frozen UI); it leaves room to
/// raise [`PBKDF2_ITERATIONS`] about threefold. Fewer than the floor would mean a broken or
/// hostile exporter: such a key is cheap to guess, so the data is better refused than trusted.
pub const MIN_ITERATIONS: u32 = 100_000;
pub const MAX_ITERATIONS: u32 = 2_000_000;
const SALT_LEN: usize = 16;
const NONCE_LEN: usize = 12;

/// What version 1 bound to the ciphertext: a fixed string, so the iteration count, salt and
/// nonce could be changed without AES-GCM noticing (it would only fail later, as "wrong
/// passphrase").
const AAD_V1: &[u8] = b"mueang-encrypted/1/pbkdf2-sha256";

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
    /// The envelope asks for a number of key-derivation rounds outside
    /// [`MIN_ITERATIONS`]..=[`MAX_ITERATIONS`]; refused before any work.
    IterationsOutOfRange { iterations: u64 },
}

impl CryptoError {
    pub fn code(&self) -> &'static str {
        match self {
            CryptoError::WrongPassphraseOrDamaged => "wrong_passphrase",
            CryptoError::BadEnvelope { .. } => "bad_envelope",
            CryptoError::EmptyPassphrase => "empty_passphrase",
            CryptoError::NoRandomness { .. } => "no_randomness",
            // The code older tests and logs know for this refusal.
            CryptoError::IterationsOutOfRange { .. } => "bad_envelope",
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
            CryptoError::IterationsOutOfRange { iterations } => format!(
                "ไฟล์เข้ารหัสอ่านไม่ได้: ระบุจำนวนรอบการสร้างกุญแจ {iterations} รอบ ซึ่งอยู่นอกช่วงที่รับได้ ({MIN_ITERATIONS}–{MAX_ITERATIONS}) ไฟล์อาจมาจากโปรแกรมอื่นหรือถูกแก้ไข ไม่ได้นำเข้าข้อมูลใด ๆ"
            ),
        }
    }

    pub fn message_en(&self) -> String {
        match self {
            CryptoError::WrongPassphraseOrDamaged => "Wrong passphrase or damaged file — nothing was imported. Check the passphrase with the sender.".into(),
            CryptoError::BadEnvelope { detail } => format!("The encrypted file cannot be read: {detail}"),
            CryptoError::EmptyPassphrase => "Please choose a passphrase (it cannot be empty).".into(),
            CryptoError::NoRandomness { detail } => format!("The system gave no random numbers: {detail}"),
            CryptoError::IterationsOutOfRange { iterations } => format!("The encrypted file cannot be read: iteration count out of range ({iterations}; accepted {MIN_ITERATIONS}–{MAX_ITERATIONS}). It may come from another program or have been changed; nothing was imported."),
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
    // Wider than any accepted count, so an absurd one is named in the message rather than
    // reported as unreadable JSON.
    iterations: u64,
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
    let mut envelope = Envelope {
        format: ENCRYPTED_FORMAT.into(),
        version: ENVELOPE_VERSION,
        kdf: KDF.into(),
        iterations: iterations.into(),
        salt: B64.encode(salt),
        nonce: B64.encode(nonce),
        ciphertext: String::new(),
    };
    let cipher = cipher(passphrase, &salt, iterations)?;
    let payload = Payload {
        msg: plaintext.as_bytes(),
        aad: &header_aad(&envelope),
    };
    let ciphertext = cipher
        .encrypt(Nonce::from_slice(&nonce), payload)
        .map_err(|_| CryptoError::BadEnvelope {
            detail: "encryption failed".into(),
        })?;
    envelope.ciphertext = B64.encode(ciphertext);
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
    let aad = match env.version {
        ENVELOPE_VERSION => header_aad(&env),
        ENVELOPE_VERSION_1 => AAD_V1.to_vec(),
        _ => return Err(bad("unknown envelope format or version")),
    };
    if env.format != ENCRYPTED_FORMAT {
        return Err(bad("unknown envelope format or version"));
    }
    if env.kdf != KDF {
        return Err(bad("unsupported key derivation"));
    }
    let iterations = u32::try_from(env.iterations)
        .ok()
        .filter(|n| (MIN_ITERATIONS..=MAX_ITERATIONS).contains(n))
        .ok_or(CryptoError::IterationsOutOfRange {
            iterations: env.iterations,
        })?;
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
    let cipher = cipher(passphrase, &salt, iterations)?;
    let plain = cipher
        .decrypt(
            Nonce::from_slice(&nonce),
            Payload {
                msg: &ciphertext,
                aad: &aad,
            },
        )
        .map_err(|_| CryptoError::WrongPassphraseOrDamaged)?;
    String::from_utf8(plain).map_err(|_| CryptoError::WrongPassphraseOrDamaged)
}

/// The associated data of a version 2 envelope: every header field as written, so changing
/// the rounds (a downgrade), the salt, the nonce or the version is caught by AES-GCM itself
/// rather than trusted. One line of fixed order; base64 and the names hold no `\n`.
fn header_aad(env: &Envelope) -> Vec<u8> {
    format!(
        "{}\n{}\n{}\n{}\n{}\n{}",
        env.format, env.version, env.kdf, env.iterations, env.salt, env.nonce
    )
    .into_bytes()
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

/// Fewest characters a new passphrase may have. Bundles travel by chat and USB stick, so
/// a leaked file can be guessed at offline for as long as the attacker likes.
pub const MIN_PASSPHRASE_CHARS: usize = 10;
/// Fewest different characters: "aaaaaaaaaa1" is long but guessed at once.
const MIN_DISTINCT_CHARS: usize = 6;

/// Why a passphrase is too weak to lock a bundle with. Only new exports are held to this:
/// a file already locked with a weaker one must still open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PassphraseWeakness {
    Empty,
    /// Fewer than [`MIN_PASSPHRASE_CHARS`] characters; `chars` is how many it has.
    TooShort {
        chars: usize,
    },
    /// Only one kind of character (Thai letters, Latin letters, digits, or other signs).
    OneKind,
    /// Fewer than six different characters.
    Repetitive,
}

impl PassphraseWeakness {
    /// What to change, for the hint under the passphrase field.
    pub fn hint_th(self) -> String {
        match self {
            PassphraseWeakness::Empty => "กรุณาตั้งรหัสผ่าน (ห้ามว่าง)".into(),
            PassphraseWeakness::TooShort { chars } => format!(
                "รหัสผ่านสั้นเกินไป ({chars} ตัวอักษร) ต้องมีอย่างน้อย {MIN_PASSPHRASE_CHARS} ตัว เช่น ประโยคสั้น ๆ ที่จำง่ายผสมตัวเลข"
            ),
            PassphraseWeakness::OneKind => "รหัสผ่านใช้ตัวอักษรชนิดเดียว กรุณาผสมอย่างน้อยสองชนิด (อักษรไทย อักษรอังกฤษ ตัวเลข หรือเครื่องหมาย/เว้นวรรค)".into(),
            PassphraseWeakness::Repetitive => "รหัสผ่านมีตัวอักษรซ้ำมากเกินไป กรุณาใช้ตัวอักษรที่ต่างกันอย่างน้อย 6 ตัว".into(),
        }
    }

    pub fn hint_en(self) -> String {
        match self {
            PassphraseWeakness::Empty => "Please choose a passphrase (it cannot be empty).".into(),
            PassphraseWeakness::TooShort { chars } => format!(
                "The passphrase is too short ({chars} characters); use at least {MIN_PASSPHRASE_CHARS}, e.g. a short sentence with a number."
            ),
            PassphraseWeakness::OneKind => "The passphrase uses one kind of character only; mix at least two (Thai letters, Latin letters, digits, or signs/spaces).".into(),
            PassphraseWeakness::Repetitive => "The passphrase repeats too much; use at least 6 different characters.".into(),
        }
    }
}

/// Whether `passphrase` is strong enough to lock a new bundle. A simple estimate, not a
/// guarantee: long enough, more than one kind of character, not one character repeated.
///
/// ```
/// use mueang::domain::sync::crypto::{check_passphrase, PassphraseWeakness};
/// assert_eq!(check_passphrase("1234567890"), Err(PassphraseWeakness::OneKind));
/// assert!(check_passphrase("ส่งข้อมูล ภาคเหนือ 2561").is_ok());
/// ```
pub fn check_passphrase(passphrase: &str) -> Result<(), PassphraseWeakness> {
    let normalised = normalise(passphrase.trim());
    let chars = normalised.chars().count();
    if chars == 0 {
        return Err(PassphraseWeakness::Empty);
    }
    if chars < MIN_PASSPHRASE_CHARS {
        return Err(PassphraseWeakness::TooShort { chars });
    }
    // Thai digits count as digits, not as Thai letters.
    let kind = |c: char| match c {
        c if c.is_numeric() => 2,
        '\u{0E00}'..='\u{0E7F}' => 0,
        c if c.is_alphabetic() => 1,
        _ => 3,
    };
    let mut kinds = [false; 4];
    normalised.chars().for_each(|c| kinds[kind(c)] = true);
    if kinds.iter().filter(|k| **k).count() < 2 {
        return Err(PassphraseWeakness::OneKind);
    }
    let mut distinct: Vec<char> = normalised.chars().collect();
    distinct.sort_unstable();
    distinct.dedup();
    if distinct.len() < MIN_DISTINCT_CHARS {
        return Err(PassphraseWeakness::Repetitive);
    }
    Ok(())
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
        assert_eq!(
            decrypt(&env, "p"),
            Err(CryptoError::IterationsOutOfRange {
                iterations: 4_000_000_000
            })
        );
    }
}
