//! A user's own factor (enrol, verify, disable), an admin's reset of someone else's, and its status.

use chrono::Utc;
use gmc_domain::policy::{authorize, Operation};
use gmc_domain::{Actor, Role, ValidationErrors};
use sea_orm::{ActiveModelTrait, DatabaseConnection, EntityTrait, IntoActiveModel, Set};
use serde_json::json;
use uuid::Uuid;

use super::codes::{accept, forget_factor, new_secret, replace_recovery_codes, totp, Accepted};
use crate::audit::{AuditEntry, AuditedTxn};
use crate::entities::{mfa_factors, users};
use crate::services::auth;
use crate::services::tokens::{blocking, verify_password, Tokens};
use crate::sessions::SessionCache;
use crate::views::{SecondFactorView, TokenPair};
use crate::{AppError, AppResult};

/// A started enrolment: what the authenticator app needs. Shown once; never logged.
pub struct Enrolment {
    /// The shared secret, base32, for typing into an app by hand.
    pub secret: String,
    /// `otpauth://totp/…`, for a QR code.
    pub otpauth_uri: String,
}

impl std::fmt::Debug for Enrolment {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Enrolment(<redacted>)")
    }
}

/// An activated factor: the recovery codes (shown once) and a new token pair for a session that has
/// now passed the second factor.
pub struct Activation {
    pub recovery_codes: Vec<String>,
    pub tokens: TokenPair,
}

impl std::fmt::Debug for Activation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Activation(<redacted>)")
    }
}

async fn signed_in_user(db: &DatabaseConnection, actor: &Actor) -> AppResult<users::Model> {
    users::Entity::find_by_id(actor.user_id.as_uuid())
        .one(db)
        .await?
        .filter(|u| u.active)
        .ok_or(AppError::Unauthenticated("the account no longer exists or is disabled"))
}

fn wrong_code() -> AppError {
    ValidationErrors::single("code", "wrong_code", "is not a current code of this factor, or was already used").into()
}

/// Starts (or restarts) an enrolment: a new secret, pending until `verify`. Refused while a factor is
/// active — a stolen session must not swap the owner's factor for its own; disable it first, with the
/// password and a code.
pub async fn enrol(db: &DatabaseConnection, actor: &Actor) -> AppResult<Enrolment> {
    authorize(actor, Operation::ManageOwnSecondFactor)?;
    let user = signed_in_user(db, actor).await?;
    let secret = new_secret();
    let otpauth_uri = totp(&secret, &user.email)?.to_url().map_err(|e| AppError::Internal(anyhow::anyhow!("{e}")))?;
    let txn = AuditedTxn::begin(db).await?;
    if let Some(current) = mfa_factors::Entity::find_by_id(user.id).one(&txn).await? {
        if current.active {
            return Err(AppError::Conflict(
                "a second factor is already active; disable it before enrolling another".into(),
            ));
        }
        mfa_factors::Entity::delete_by_id(user.id).exec(&txn).await?;
    }
    mfa_factors::ActiveModel {
        user_id: Set(user.id),
        secret: Set(secret.clone()),
        active: Set(false),
        last_step: Set(None),
        created_at: Set(Utc::now()),
        activated_at: Set(None),
    }
    .insert(&txn)
    .await?;
    txn.commit(AuditEntry::by(actor, "mfa.enrol", "user", user.id)).await?;
    Ok(Enrolment { secret, otpauth_uri })
}

/// Activates the pending factor with a current code; returns the recovery codes and a token pair whose
/// session counts as having passed the second factor (the code just proved it).
pub async fn verify(
    db: &DatabaseConnection,
    tokens: &Tokens,
    sessions: &SessionCache,
    actor: &Actor,
    code: &str,
) -> AppResult<Activation> {
    authorize(actor, Operation::ManageOwnSecondFactor)?;
    let user = signed_in_user(db, actor).await?;
    let txn = AuditedTxn::begin(db).await?;
    let factor = match mfa_factors::Entity::find_by_id(user.id).one(&txn).await? {
        Some(f) if f.active => return Err(AppError::Conflict("the second factor is already active".into())),
        Some(f) => f,
        None => {
            return Err(AppError::Conflict(
                "no enrolment is waiting for a code; start one with POST /api/v1/me/mfa/enrolment".into(),
            ))
        }
    };
    if accept(&txn, &factor, code, false).await?.is_none() {
        return Err(wrong_code());
    }
    let mut m = factor.into_active_model();
    m.active = Set(true);
    m.activated_at = Set(Some(Utc::now()));
    m.update(&txn).await?;
    let recovery_codes = replace_recovery_codes(&txn, user.id).await?;
    let pair = auth::start_family(&txn, tokens, &user, Uuid::now_v7(), true).await?;
    let changes = json!({"recovery_codes": recovery_codes.len()});
    txn.commit(AuditEntry::by(actor, "mfa.activate", "user", user.id).changes(changes)).await?;
    sessions.forget(user.id);
    Ok(Activation { recovery_codes, tokens: pair })
}

/// Turns the caller's factor off: needs the password and a current code (or an unused recovery code),
/// so a session left open is not enough.
pub async fn disable(
    db: &DatabaseConnection,
    sessions: &SessionCache,
    actor: &Actor,
    password: &str,
    code: &str,
) -> AppResult<()> {
    authorize(actor, Operation::ManageOwnSecondFactor)?;
    let user = signed_in_user(db, actor).await?;
    let hash = user.password_hash.clone();
    let password = password.to_owned();
    if !blocking(move || verify_password(&password, &hash)).await? {
        return Err(ValidationErrors::single("password", "wrong_password", "is not the account's password").into());
    }
    let txn = AuditedTxn::begin(db).await?;
    let factor = mfa_factors::Entity::find_by_id(user.id)
        .one(&txn)
        .await?
        .filter(|f| f.active)
        .ok_or(AppError::NotFound("active second factor"))?;
    let Some(how) = accept(&txn, &factor, code, true).await? else {
        return Err(wrong_code());
    };
    if let Accepted::RecoveryCode { remaining } = how {
        let entry = AuditEntry::by(actor, "mfa.recovery_code_used", "user", user.id);
        txn.record(entry.changes(json!({"remaining": remaining, "for": "disable"}))).await?;
    }
    forget_factor(&txn, user.id).await?;
    txn.commit(AuditEntry::by(actor, "mfa.disable", "user", user.id).changes(json!({"with": how.label()}))).await?;
    sessions.forget(user.id);
    Ok(())
}

/// An admin removes another user's factor (a lost phone). The user's sessions end, since whoever holds
/// the phone may hold them too; they sign in with the password and may enrol again.
pub async fn reset(db: &DatabaseConnection, sessions: &SessionCache, actor: &Actor, user_id: Uuid) -> AppResult<()> {
    authorize(actor, Operation::ManageUsers)?;
    users::Entity::find_by_id(user_id).one(db).await?.ok_or(AppError::NotFound("user"))?;
    let txn = AuditedTxn::begin(db).await?;
    let had_factor = forget_factor(&txn, user_id).await?;
    if had_factor {
        auth::revoke_all_for_user(&txn, user_id).await?;
        auth::stamp_tokens(&txn, user_id).await?;
    }
    let entry = AuditEntry::by(actor, "mfa.reset", "user", user_id).changes(json!({"had_factor": had_factor}));
    txn.commit(entry).await?;
    sessions.forget(user_id);
    Ok(())
}

/// The second-factor facts `GET /me` reports for the caller, from what `users::me` read in its one
/// statement: the factor's `active` column (`None`: no factor) and the unused recovery codes.
pub fn status(actor: &Actor, role: Role, factor_active: Option<bool>, unused_codes: u64) -> SecondFactorView {
    let active = factor_active == Some(true);
    SecondFactorView {
        active,
        pending: factor_active == Some(false),
        verified: active && actor.mfa,
        required: role == Role::Admin,
        recovery_codes_left: if active { unused_codes } else { 0 },
    }
}
