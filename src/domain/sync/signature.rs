//! Bundles signed by the exporting device (Ed25519), and what the receiving office does
//! about it: keep each office's key on first use, warn before storing when a known office's
//! bundle comes unsigned or signed by another key, refuse a bad signature.
//!
//! The browser signs and verifies with Web Crypto (the private key never leaves the
//! device's key store); the command line and the tests verify with `ed25519-dalek`
//! ([`verify_native`]). Both sign and verify the same bytes, [`signed_bytes`]: the context
//! line [`CONTEXT`] followed by the canonical JSON (sorted keys, no whitespace) of the
//! bundle's header — `format`, `schema_version`, `exported_at`, `exported_by` and
//! `manifest`, whose `sha256` covers every record. See docs/file-format.md, "Signature".

use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::domain::meta::OfficeId;
use crate::domain::sync::bundle::Bundle;
use crate::domain::sync::canonical::canonical_of;
use crate::domain::sync::error::BundleError;
use crate::domain::sync::peers::Peers;

/// The only algorithm: Ed25519 (RFC 8032), as Web Crypto and `ed25519-dalek` implement it.
pub const ALGORITHM: &str = "Ed25519";

/// Put before the header, so a signature over a bundle can never be taken for a signature
/// over anything else the key might sign later.
pub const CONTEXT: &[u8] = b"mueang-bundle-signature-v1\n";

/// A bundle's signature, written in the document beside the manifest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Signature {
    /// Always `"Ed25519"`.
    pub algorithm: String,
    /// The signing device's public key: its 32 raw bytes in base64 (RFC 4648, padded).
    pub public_key: String,
    /// The 64-byte signature of the signed bytes, base64.
    pub value: String,
}

/// A public key and the parts of a signature, decoded and of the right lengths.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedParts {
    pub public_key: [u8; 32],
    pub signature: [u8; 64],
    pub message: Vec<u8>,
}

impl Signature {
    /// A signature of `public_key` (raw, 32 bytes) and `value` (64 bytes).
    pub fn new(public_key: &[u8], value: &[u8]) -> Signature {
        Signature {
            algorithm: ALGORITHM.to_string(),
            public_key: B64.encode(public_key),
            value: B64.encode(value),
        }
    }
}

/// The bytes a bundle's signature covers (see the module docs).
pub fn signed_bytes(bundle: &Bundle) -> Vec<u8> {
    let doc = bundle.document();
    let head = serde_json::json!({
        "format": doc.format,
        "schema_version": bundle.written_version(),
        "exported_at": bundle.exported_at(),
        "exported_by": bundle.exported_by(),
        "manifest": bundle.manifest(),
    });
    let mut out = CONTEXT.to_vec();
    out.extend_from_slice(canonical_of(&head).as_bytes());
    out
}

/// What to verify, or `None` for an unsigned bundle. A signature that cannot be decoded
/// (another algorithm, not base64, wrong lengths) is refused as bad, like a wrong one.
pub fn parts(bundle: &Bundle) -> Result<Option<SignedParts>, BundleError> {
    let Some(sig) = bundle.signature() else {
        return Ok(None);
    };
    let bad = |reason: &'static str| BundleError::BadSignature { reason };
    if sig.algorithm != ALGORITHM {
        return Err(bad("algorithm"));
    }
    let public_key = B64
        .decode(&sig.public_key)
        .ok()
        .and_then(|k| <[u8; 32]>::try_from(k).ok())
        .ok_or(bad("public_key"))?;
    let signature = B64
        .decode(&sig.value)
        .ok()
        .and_then(|s| <[u8; 64]>::try_from(s).ok())
        .ok_or(bad("value"))?;
    Ok(Some(SignedParts {
        public_key,
        signature,
        message: signed_bytes(bundle),
    }))
}

/// Verifies a bundle's signature with `ed25519-dalek` (strict: no malleable signatures or
/// weak keys). `Ok(None)`: unsigned; `Ok(Some(key))`: signed by `key`.
#[cfg(not(target_arch = "wasm32"))]
pub fn verify_native(bundle: &Bundle) -> Result<Option<[u8; 32]>, BundleError> {
    use ed25519_dalek::{Signature as Ed, VerifyingKey};
    let Some(p) = parts(bundle)? else {
        return Ok(None);
    };
    let bad = BundleError::BadSignature { reason: "value" };
    let key = VerifyingKey::from_bytes(&p.public_key).map_err(|_| bad.clone())?;
    key.verify_strict(&p.message, &Ed::from_bytes(&p.signature))
        .map_err(|_| bad)?;
    Ok(Some(p.public_key))
}

/// The public key a bundle names as its signer, *not verified here*: for bundles already
/// verified on opening (the app's opener refuses a bad signature), e.g. to keep the key.
pub fn signer(bundle: &Bundle) -> Option<[u8; 32]> {
    parts(bundle).ok().flatten().map(|p| p.public_key)
}

/// A short fingerprint of a public key for people to compare by phone or LINE: the first
/// 8 bytes of its SHA-256, in four groups of four hex digits (`"3f2a 9c01 77de 0b45"`).
pub fn fingerprint(public_key: &[u8]) -> String {
    let sum = Sha256::digest(public_key);
    let hex: Vec<String> = sum[..8]
        .chunks(2)
        .map(|p| format!("{:02x}{:02x}", p[0], p[1]))
        .collect();
    hex.join(" ")
}

/// The key kept for an office (trust on first use), with the keys it replaced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeptKey {
    /// Raw public key, base64.
    pub public_key: String,
    pub kept_at: DateTime<Utc>,
    /// Earlier keys, oldest first, each with when a person accepted its replacement.
    #[serde(default)]
    pub replaced: Vec<ReplacedKey>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplacedKey {
    pub public_key: String,
    pub replaced_at: DateTime<Utc>,
}

impl KeptKey {
    pub fn fingerprint(&self) -> String {
        B64.decode(&self.public_key)
            .map(|k| fingerprint(&k))
            .unwrap_or_default()
    }
}

/// What the import screen shows about who signed, and whether it must warn before storing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Trust {
    /// Signed by the key kept for this office.
    KnownKey { fingerprint: String },
    /// Signed, and no key kept for this office yet: kept when the import is stored.
    FirstKey { fingerprint: String },
    /// Unsigned, from an office without a kept key (older Mueang): imports as before.
    Unsigned,
    /// Warn: this office's bundles were signed, this one is not.
    UnsignedFromKnown { kept: String },
    /// Warn: signed by another key than the one kept for this office (a new device, a
    /// reinstalled browser — or someone else).
    KeyChanged { kept: String, now: String },
}

impl Trust {
    /// Whether the person must confirm before anything is stored.
    pub fn needs_warning(&self) -> bool {
        matches!(
            self,
            Trust::UnsignedFromKnown { .. } | Trust::KeyChanged { .. }
        )
    }
}

/// The trust decision for a bundle from `office` signed by `signer` (already verified;
/// `None` when unsigned), given the keys kept with the peers.
pub fn trust(peers: &Peers, office: &OfficeId, signer: Option<&[u8; 32]>) -> Trust {
    let kept = peers.get(office).and_then(|p| p.key.as_ref());
    match (kept, signer) {
        (None, None) => Trust::Unsigned,
        (None, Some(k)) => Trust::FirstKey {
            fingerprint: fingerprint(k),
        },
        (Some(kept), None) => Trust::UnsignedFromKnown {
            kept: kept.fingerprint(),
        },
        (Some(kept), Some(k)) if kept.public_key == B64.encode(k) => Trust::KnownKey {
            fingerprint: fingerprint(k),
        },
        (Some(kept), Some(k)) => Trust::KeyChanged {
            kept: kept.fingerprint(),
            now: fingerprint(k),
        },
    }
}

impl Peers {
    /// Call when an import from `office` signed by `signer` is stored: keeps the key on first
    /// use, or — the person having accepted the warning — replaces the kept key, recording
    /// the old one. An unsigned import changes nothing (the kept key stays expected).
    pub fn keep_key(&mut self, office: &OfficeId, signer: Option<&[u8; 32]>, now: DateTime<Utc>) {
        let Some(k) = signer else { return };
        let public_key = B64.encode(k);
        let peer = self.0.entry(office.clone()).or_default();
        match &mut peer.key {
            Some(kept) if kept.public_key == public_key => {}
            Some(kept) => {
                let old = std::mem::replace(&mut kept.public_key, public_key);
                kept.replaced.push(ReplacedKey {
                    public_key: old,
                    replaced_at: now,
                });
                kept.kept_at = now;
            }
            None => {
                peer.key = Some(KeptKey {
                    public_key,
                    kept_at: now,
                    replaced: Vec::new(),
                })
            }
        }
    }
}
