//! Access tokens (short-lived HS256 JWTs) and password hashing (Argon2id).

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use chrono::Utc;
use gmc_domain::ids::{DelegationId, UserId};
use gmc_domain::{Actor, AuthMethod, Role};
use jsonwebtoken::{decode, encode, Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::AppError;

/// The JWT signing secret; never printed.
#[derive(Clone)]
pub struct JwtSecret(String);

impl JwtSecret {
    pub fn new(secret: String) -> Self {
        Self(secret)
    }

    /// A random secret for development runs; tokens do not survive a restart.
    pub fn random() -> Self {
        Self(super::secrets::generate("dev_"))
    }
}

impl std::fmt::Debug for JwtSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("JwtSecret(<redacted>)")
    }
}

#[derive(Clone)]
pub struct Tokens {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
    pub access_ttl_secs: i64,
    pub refresh_ttl_secs: i64,
}

#[derive(Debug, Serialize, Deserialize)]
struct Claims {
    sub: Uuid,
    role: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    del: Option<Uuid>,
    iat: i64,
    /// Issued-at in milliseconds: `iat` has whole seconds, too coarse to tell a token issued just
    /// after a sign-out from one issued just before it. Tokens without it count as issued at 0.
    #[serde(default)]
    iat_ms: i64,
    /// The session passed the second factor. Absent (older tokens) means it did not.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    mfa: bool,
    exp: i64,
    iss: String,
}

const ISSUER: &str = "gmc";

impl Tokens {
    pub fn new(secret: &JwtSecret, access_ttl_secs: i64, refresh_ttl_secs: i64) -> Self {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_issuer(&[ISSUER]);
        validation.leeway = 5;
        Self {
            encoding: EncodingKey::from_secret(secret.0.as_bytes()),
            decoding: DecodingKey::from_secret(secret.0.as_bytes()),
            validation,
            access_ttl_secs,
            refresh_ttl_secs,
        }
    }

    pub fn issue(&self, user_id: Uuid, role: Role, delegation: Option<Uuid>, mfa: bool) -> Result<String, AppError> {
        let at = Utc::now();
        let now = at.timestamp();
        let claims = Claims {
            sub: user_id,
            role: role.as_str().to_owned(),
            del: delegation,
            iat: now,
            iat_ms: at.timestamp_millis(),
            mfa,
            exp: now + self.access_ttl_secs,
            iss: ISSUER.to_owned(),
        };
        encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)
            .map_err(|e| AppError::Internal(anyhow::anyhow!("signing a token: {e}")))
    }

    /// The actor an access token speaks for; any defect (signature, expiry, shape) is a 401.
    pub fn verify(&self, token: &str) -> Result<Actor, AppError> {
        self.verify_issued(token).map(|(actor, _)| actor)
    }

    /// The actor and the token's issue time in milliseconds, to compare with the user's
    /// `tokens_valid_after`.
    pub fn verify_issued(&self, token: &str) -> Result<(Actor, i64), AppError> {
        let data = decode::<Claims>(token, &self.decoding, &self.validation)
            .map_err(|_| AppError::Unauthenticated("the access token is invalid or expired"))?;
        let role = data
            .claims
            .role
            .parse::<Role>()
            .map_err(|_| AppError::Unauthenticated("the access token is invalid or expired"))?;
        let actor = Actor {
            user_id: UserId::from_uuid(data.claims.sub),
            role,
            delegation_id: data.claims.del.map(DelegationId::from_uuid),
            method: AuthMethod::Session,
            mfa: data.claims.mfa,
        };
        Ok((actor, data.claims.iat_ms))
    }
}

/// Hashes a password with Argon2id (the crate's defaults follow OWASP: 19 MiB, 2 passes). CPU-heavy:
/// call it from a blocking thread.
pub fn hash_password(password: &str) -> Result<String, AppError> {
    let salt = SaltString::generate(&mut rand::rngs::OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| AppError::Internal(anyhow::anyhow!("hashing a password: {e}")))
}

pub fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash)
        .map(|parsed| Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok())
        .unwrap_or(false)
}

/// At most this many password hashes at once: each takes ~19 MiB and a core, so a flood of sign-ins
/// from many addresses queues here instead of exhausting memory.
static HASHING: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(4);

/// Runs CPU-heavy hashing off the async workers, a bounded number at a time.
pub async fn blocking<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> Result<T, AppError> {
    let _permit = HASHING.acquire().await.map_err(|e| AppError::Internal(anyhow::anyhow!("hashing semaphore: {e}")))?;
    tokio::task::spawn_blocking(f).await.map_err(|e| AppError::Internal(anyhow::anyhow!("hashing task: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_round_trips_and_a_tampered_one_is_refused() {
        let tokens = Tokens::new(&JwtSecret::new("s".repeat(32)), 900, 3600);
        let id = Uuid::now_v7();
        let t = tokens.issue(id, Role::Delegate, Some(Uuid::now_v7()), false).ok();
        let actor = t.as_deref().map(|t| tokens.verify(t));
        assert!(matches!(actor, Some(Ok(a)) if a.user_id.as_uuid() == id && a.role == Role::Delegate));
        let other = Tokens::new(&JwtSecret::new("x".repeat(32)), 900, 3600);
        assert!(t.as_deref().map(|t| other.verify(t).is_err()).unwrap_or(false));
    }

    #[test]
    fn a_token_says_whether_the_session_passed_the_second_factor() {
        let tokens = Tokens::new(&JwtSecret::new("s".repeat(32)), 900, 3600);
        for mfa in [false, true] {
            let t = tokens.issue(Uuid::now_v7(), Role::Admin, None, mfa).unwrap_or_default();
            assert_eq!(tokens.verify(&t).map(|a| a.mfa).ok(), Some(mfa));
        }
    }

    #[test]
    fn an_expired_token_is_refused() {
        let tokens = Tokens::new(&JwtSecret::new("s".repeat(32)), -60, 3600);
        let t = tokens.issue(Uuid::now_v7(), Role::Admin, None, true).unwrap_or_default();
        assert!(tokens.verify(&t).is_err());
    }

    #[test]
    fn passwords_verify_only_against_their_own_hash() {
        let h = hash_password("demo-pass-2026").unwrap_or_default();
        assert!(verify_password("demo-pass-2026", &h));
        assert!(!verify_password("demo-pass-2027", &h));
        assert!(!verify_password("demo-pass-2026", "not a hash"));
    }
}
