//! The step-up at sign-in: a correct password for an account with an active factor buys a short-lived
//! challenge instead of tokens; the challenge and a code (TOTP or recovery) buy the token pair.

use chrono::Utc;
use gmc_domain::AuthMethod;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter};
use serde_json::json;
use uuid::Uuid;

use super::challenge::CHALLENGE_PREFIX;
use super::codes::{accept, Accepted};
use crate::audit::{AuditEntry, AuditedTxn};
use crate::entities::{mfa_challenges, mfa_factors, users};
use crate::services::auth;
use crate::services::secrets;
use crate::services::tokens::Tokens;
use crate::views::TokenPair;
use crate::{AppError, AppResult};

/// Wrong codes one challenge takes before it is spent; the login rate limiter also counts each one.
const MAX_FAILURES: i32 = 5;

async fn find_challenge<C: ConnectionTrait>(conn: &C, token: &str) -> AppResult<Option<mfa_challenges::Model>> {
    if !token.starts_with(CHALLENGE_PREFIX) {
        return Ok(None);
    }
    Ok(mfa_challenges::Entity::find()
        .filter(mfa_challenges::Column::TokenHash.eq(secrets::hash(token)))
        .one(conn)
        .await?
        .filter(|c| c.expires_at > Utc::now()))
}

/// The e-mail of the account a challenge is for, so the login rate limiter counts code attempts
/// against the same account as password attempts; `None` for an unknown or expired challenge.
pub async fn challenge_account(db: &DatabaseConnection, token: &str) -> AppResult<Option<String>> {
    let Some(challenge) = find_challenge(db, token).await? else {
        return Ok(None);
    };
    Ok(users::Entity::find_by_id(challenge.user_id).one(db).await?.map(|u| u.email))
}

/// Spends the challenge with a code and returns a token pair for a session that passed the second
/// factor. A wrong or replayed code is a 401 and counts against the challenge.
pub async fn complete_sign_in(
    db: &DatabaseConnection,
    tokens: &Tokens,
    token: &str,
    code: &str,
) -> AppResult<TokenPair> {
    let expired = AppError::Unauthenticated("the sign-in is unknown or has expired; sign in with the password again");
    let txn = AuditedTxn::begin(db).await?;
    let challenge = find_challenge(&txn, token).await?.ok_or(expired)?;
    let user = users::Entity::find_by_id(challenge.user_id).one(&txn).await?.filter(|u| u.active);
    let factor = mfa_factors::Entity::find_by_id(challenge.user_id).one(&txn).await?.filter(|f| f.active);
    let (Some(user), Some(factor)) = (user, factor) else {
        return Err(AppError::Unauthenticated(
            "the sign-in is unknown or has expired; sign in with the password again",
        ));
    };
    let Some(how) = accept(&txn, &factor, code, true).await? else {
        // Counted in the database too: the in-memory limiter is per node, the challenge is not.
        if challenge.failures + 1 >= MAX_FAILURES {
            mfa_challenges::Entity::delete_by_id(challenge.id).exec(&txn).await?;
        } else {
            mfa_challenges::Entity::update_many()
                .col_expr(mfa_challenges::Column::Failures, Expr::col(mfa_challenges::Column::Failures).add(1))
                .filter(mfa_challenges::Column::Id.eq(challenge.id))
                .exec(&txn)
                .await?;
        }
        let mut entry = AuditEntry::by_label("auth.mfa_failed", "user", "failed second factor");
        entry.entity_id = Some(user.id.to_string());
        txn.commit(entry).await?;
        return Err(AppError::Unauthenticated("the code is wrong or was already used"));
    };
    mfa_challenges::Entity::delete_by_id(challenge.id).exec(&txn).await?;
    let pair = auth::start_family(&txn, tokens, &user, Uuid::now_v7(), true).await?;
    let actor = auth::actor_of(&user, AuthMethod::Session, true)?;
    if let Accepted::RecoveryCode { remaining } = how {
        let entry = AuditEntry::by(&actor, "mfa.recovery_code_used", "user", user.id);
        txn.record(entry.changes(json!({"remaining": remaining, "for": "sign_in"}))).await?;
    }
    let entry = AuditEntry::by(&actor, "auth.login", "user", user.id).changes(json!({"second_factor": how.label()}));
    txn.commit(entry).await?;
    Ok(pair)
}
