//! Checking a code against a factor, and making and spending recovery codes.

use chrono::Utc;
use rand::RngCore;
use sea_orm::sea_query::{Condition, Expr};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};
use totp_rs::{Builder, Secret, Totp};
use uuid::Uuid;

use crate::entities::{mfa_challenges, mfa_factors, mfa_recovery_codes};
use crate::services::secrets;
use crate::{AppError, AppResult};

/// The name authenticator apps show above the account. No `:` (it separates issuer and account).
pub const ISSUER: &str = "Geneva-MSME Connection";
/// Recovery codes handed out at each activation.
pub const RECOVERY_CODES: usize = 10;

fn internal(what: &str, e: impl std::fmt::Display) -> AppError {
    AppError::Internal(anyhow::anyhow!("{what}: {e}"))
}

/// SHA-1, 6 digits, 30-second steps, one step of clock drift either way: what every authenticator app
/// reads from an `otpauth://` URI without extra parameters.
pub(crate) fn totp(secret: &str, account: &str) -> AppResult<Totp> {
    let secret = Secret::try_from_base32(secret).map_err(|e| internal("a stored TOTP secret", e))?;
    Builder::new()
        .with_secret(secret)
        .with_account_name(account)
        .with_issuer(Some(ISSUER))
        .build()
        .map_err(|e| internal("building a TOTP", e))
}

/// A new shared secret: 160 random bits (RFC 4226 §4 recommends that length), base32.
pub(crate) fn new_secret() -> String {
    let mut bytes = [0u8; 20];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    Secret::from(bytes.to_vec()).to_base32()
}

pub async fn has_active_factor<C: ConnectionTrait>(conn: &C, user_id: Uuid) -> AppResult<bool> {
    Ok(mfa_factors::Entity::find_by_id(user_id).one(conn).await?.is_some_and(|f| f.active))
}

/// How a code was accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Accepted {
    Totp,
    RecoveryCode { remaining: u64 },
}

impl Accepted {
    pub(crate) fn label(self) -> &'static str {
        match self {
            Accepted::Totp => "totp",
            Accepted::RecoveryCode { .. } => "recovery_code",
        }
    }
}

/// Accepts `code` for the factor, once, or says no. Six digits are a TOTP code; anything else is tried
/// as a recovery code when `recovery` allows it. Spaces and dashes are ignored, as people type them.
pub(crate) async fn accept<C: ConnectionTrait>(
    conn: &C,
    factor: &mfa_factors::Model,
    code: &str,
    recovery: bool,
) -> AppResult<Option<Accepted>> {
    let code: String = code.chars().filter(|c| !c.is_whitespace() && *c != '-').collect();
    if code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(accept_totp(conn, factor, &code).await?.then_some(Accepted::Totp));
    }
    if recovery && !code.is_empty() && code.len() <= 64 {
        return accept_recovery(conn, factor.user_id, &code.to_uppercase()).await;
    }
    Ok(None)
}

async fn accept_totp<C: ConnectionTrait>(conn: &C, factor: &mfa_factors::Model, code: &str) -> AppResult<bool> {
    let now = u64::try_from(Utc::now().timestamp()).unwrap_or_default();
    let Some(step) = totp(&factor.secret, "")?.check(code, now) else {
        return Ok(false);
    };
    let step = i64::try_from(step).map_err(|e| internal("a TOTP step", e))?;
    // Only a step later than the last accepted one, and as one conditional write: of two requests with
    // the same code (a replay racing the real sign-in) exactly one moves the step on.
    let moved = mfa_factors::Entity::update_many()
        .col_expr(mfa_factors::Column::LastStep, Expr::value(step))
        .filter(mfa_factors::Column::UserId.eq(factor.user_id))
        .filter(
            Condition::any().add(mfa_factors::Column::LastStep.is_null()).add(mfa_factors::Column::LastStep.lt(step)),
        )
        .exec(conn)
        .await?;
    Ok(moved.rows_affected == 1)
}

async fn accept_recovery<C: ConnectionTrait>(conn: &C, user_id: Uuid, code: &str) -> AppResult<Option<Accepted>> {
    let spent = mfa_recovery_codes::Entity::update_many()
        .col_expr(mfa_recovery_codes::Column::UsedAt, Expr::value(Utc::now()))
        .filter(mfa_recovery_codes::Column::UserId.eq(user_id))
        .filter(mfa_recovery_codes::Column::CodeHash.eq(secrets::hash(code)))
        .filter(mfa_recovery_codes::Column::UsedAt.is_null())
        .exec(conn)
        .await?;
    if spent.rows_affected != 1 {
        return Ok(None);
    }
    Ok(Some(Accepted::RecoveryCode { remaining: unused_recovery_codes(conn, user_id).await? }))
}

pub(crate) async fn unused_recovery_codes<C: ConnectionTrait>(conn: &C, user_id: Uuid) -> AppResult<u64> {
    Ok(mfa_recovery_codes::Entity::find()
        .filter(mfa_recovery_codes::Column::UserId.eq(user_id))
        .filter(mfa_recovery_codes::Column::UsedAt.is_null())
        .count(conn)
        .await?)
}

/// Replaces the user's recovery codes with `RECOVERY_CODES` new ones and returns them, the only time
/// they are seen: 80 random bits each, base32 in groups of four (`ABCD-EFGH-IJKL-MNOP`), stored as
/// SHA-256 hashes — with that many bits a fast hash leaves nothing to brute-force (see `secrets`).
pub(crate) async fn replace_recovery_codes<C: ConnectionTrait>(conn: &C, user_id: Uuid) -> AppResult<Vec<String>> {
    mfa_recovery_codes::Entity::delete_many().filter(mfa_recovery_codes::Column::UserId.eq(user_id)).exec(conn).await?;
    let now = Utc::now();
    let mut codes = Vec::with_capacity(RECOVERY_CODES);
    let mut rows = Vec::with_capacity(RECOVERY_CODES);
    for _ in 0..RECOVERY_CODES {
        let mut bytes = [0u8; 10];
        rand::rngs::OsRng.fill_bytes(&mut bytes);
        let plain = Secret::from(bytes.to_vec()).to_base32();
        rows.push(mfa_recovery_codes::ActiveModel {
            id: Set(Uuid::now_v7()),
            user_id: Set(user_id),
            code_hash: Set(secrets::hash(&plain)),
            used_at: Set(None),
            created_at: Set(now),
        });
        let groups: Vec<String> = plain.as_bytes().chunks(4).map(|g| String::from_utf8_lossy(g).into_owned()).collect();
        codes.push(groups.join("-"));
    }
    mfa_recovery_codes::Entity::insert_many(rows).exec(conn).await?;
    Ok(codes)
}

/// Removes the user's factor, recovery codes and pending sign-in challenges.
pub(crate) async fn forget_factor<C: ConnectionTrait>(conn: &C, user_id: Uuid) -> AppResult<bool> {
    mfa_challenges::Entity::delete_many().filter(mfa_challenges::Column::UserId.eq(user_id)).exec(conn).await?;
    mfa_recovery_codes::Entity::delete_many().filter(mfa_recovery_codes::Column::UserId.eq(user_id)).exec(conn).await?;
    let gone = mfa_factors::Entity::delete_by_id(user_id).exec(conn).await?;
    Ok(gone.rows_affected > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_secret_has_160_bits_and_makes_a_valid_totp() {
        let secret = new_secret();
        assert_eq!(secret.len(), 32, "20 bytes are 32 base32 characters");
        let t = totp(&secret, "someone@example.org");
        assert!(t.as_ref().is_ok_and(|t| t.to_url().is_ok_and(|u| u.starts_with("otpauth://totp/"))));
        let code = t.map(|t| t.generate(1_000_000).to_string()).unwrap_or_default();
        assert_eq!(totp(&secret, "").ok().and_then(|t| t.check(&code, 1_000_000)), Some(1_000_000 / 30));
    }
}
