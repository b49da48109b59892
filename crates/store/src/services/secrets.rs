//! Opaque secrets (refresh tokens, API keys): generated at random, stored only as SHA-256 hashes.
//! A fast hash is right here (unlike for passwords): the secrets carry 256 random bits, so there is
//! nothing to brute-force, and lookups by hash must be quick on every API-key request.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use rand::RngCore;
use sha2::{Digest, Sha256};

pub const REFRESH_PREFIX: &str = "gmr_";
pub const API_KEY_PREFIX: &str = "gmc_";

/// A new secret: the prefix plus 32 random bytes, base64url.
pub fn generate(prefix: &str) -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    format!("{prefix}{}", URL_SAFE_NO_PAD.encode(bytes))
}

pub fn hash(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_unique_prefixed_and_hashed_stably() {
        let a = generate(API_KEY_PREFIX);
        let b = generate(API_KEY_PREFIX);
        assert_ne!(a, b);
        assert!(a.starts_with("gmc_") && a.len() == 4 + 43);
        assert_eq!(hash(&a), hash(&a));
        assert_eq!(hash(&a).len(), 64);
    }
}
