//! Signing in and out: login with e-mail and password (and, for an account with a second factor, the
//! challenge that `mfa::complete_sign_in` turns into tokens), refresh-token rotation with reuse
//! detection, logout, and turning a bearer credential (JWT or API key) into an `Actor`.

use chrono::{Duration, Utc};
use gmc_domain::ids::{ApiKeyId, DelegationId, UserId};
use gmc_domain::user::Email;
use gmc_domain::{Actor, AuthMethod, Scope};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};
use uuid::Uuid;

use super::mfa::{self, MfaChallenge};
use super::secrets::{self, API_KEY_PREFIX, REFRESH_PREFIX};
use super::tokens::{blocking, verify_password, Tokens};
use crate::audit::{AuditEntry, AuditedTxn};
use crate::entities::{api_keys, refresh_tokens, users};
use crate::error::stored;
use crate::sessions::SessionCache;
use crate::views::TokenPair;
use crate::{AppError, AppResult};

const BAD_CREDENTIALS: &str = "the e-mail or password is wrong, or the account is disabled";

/// A hash to verify against when the e-mail is unknown, so a wrong e-mail costs the same time as a
/// wrong password and response times do not reveal which accounts exist.
const DUMMY_HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$yS8cJrI3CVJRiVVZk4F2x0Iql8/q8b5fR1fBwyJ0Z1o";

/// What a correct password gets: tokens, or — for an account with an active second factor — a
/// challenge to answer with a code at `/auth/mfa`.
#[derive(Debug)]
pub enum SignIn {
    Tokens(TokenPair),
    SecondFactor(MfaChallenge),
}

pub async fn login(db: &DatabaseConnection, tokens: &Tokens, email: &str, password: &str) -> AppResult<SignIn> {
    let email = Email::parse(email).map_err(|_| AppError::Unauthenticated(BAD_CREDENTIALS))?;
    let user = users::Entity::find().filter(users::Column::Email.eq(email.as_str())).one(db).await?;
    let hash = user.as_ref().map_or(DUMMY_HASH.to_owned(), |u| u.password_hash.clone());
    let password = password.to_owned();
    let ok = blocking(move || verify_password(&password, &hash)).await?;
    let user = match user {
        Some(u) if ok && u.active => u,
        _ => {
            // The typed e-mail is not kept: it may be a stranger's address, a password pasted into
            // the wrong field, or an account erased since (DESIGN §5). A known account is named by
            // its id, which survives its erasure without saying who it was.
            let mut entry = AuditEntry::by_label("auth.login_failed", "user", "failed sign-in");
            entry.entity_id = user.as_ref().map(|u| u.id.to_string());
            // Nothing changes but the log: the event is the whole write.
            AuditedTxn::begin(db).await?.commit(entry).await?;
            return Err(AppError::Unauthenticated(BAD_CREDENTIALS));
        }
    };
    let txn = AuditedTxn::begin(db).await?;
    let actor = actor_of(&user, AuthMethod::Session, false)?;
    if mfa::has_active_factor(&txn, user.id).await? {
        let challenge = mfa::start_challenge(&txn, user.id).await?;
        txn.commit(AuditEntry::by(&actor, "auth.mfa_challenge", "user", user.id)).await?;
        return Ok(SignIn::SecondFactor(challenge));
    }
    let pair = start_family(&txn, tokens, &user, Uuid::now_v7(), false).await?;
    txn.commit(AuditEntry::by(&actor, "auth.login", "user", user.id)).await?;
    Ok(SignIn::Tokens(pair))
}

/// Spends a refresh token and returns a new pair in the same family. A token that was already spent
/// (or revoked) means it leaked: the whole family is revoked and the caller must sign in again.
pub async fn refresh(
    db: &DatabaseConnection,
    tokens: &Tokens,
    sessions: &SessionCache,
    refresh_token: &str,
) -> AppResult<TokenPair> {
    let invalid = AppError::Unauthenticated("the refresh token is invalid, expired or revoked");
    let Some(row) = find_refresh(db, refresh_token).await? else {
        return Err(invalid);
    };
    if row.used_at.is_some() || row.revoked_at.is_some() {
        revoke_for_reuse(db, sessions, &row).await?;
        return Err(invalid);
    }
    if row.expires_at <= Utc::now() {
        return Err(invalid);
    }
    let txn = AuditedTxn::begin(db).await?;
    // Spend the token only if it is still unspent and unrevoked: of two racing refreshes (or a refresh
    // racing a logout) exactly one wins, and the loser is treated as a reuse.
    let spent = refresh_tokens::Entity::update_many()
        .col_expr(refresh_tokens::Column::UsedAt, Expr::value(Utc::now()))
        .filter(refresh_tokens::Column::Id.eq(row.id))
        .filter(refresh_tokens::Column::UsedAt.is_null())
        .filter(refresh_tokens::Column::RevokedAt.is_null())
        .exec(&txn)
        .await?;
    if spent.rows_affected != 1 {
        // Release this transaction and the write gate before revoking in a transaction of its own.
        drop(txn);
        revoke_for_reuse(db, sessions, &row).await?;
        return Err(invalid);
    }
    let user = users::Entity::find_by_id(row.user_id).one(&txn).await?.filter(|u| u.active).ok_or(invalid)?;
    // The family keeps what its sign-in proved: a second factor passed then still counts.
    let pair = start_family(&txn, tokens, &user, row.family_id, row.mfa).await?;
    let actor = actor_of(&user, AuthMethod::Session, row.mfa)?;
    txn.commit(AuditEntry::by(&actor, "auth.refresh", "user", user.id)).await?;
    Ok(pair)
}

/// A spent or revoked token came back: it leaked, so the whole family is signed out, and so are the
/// access tokens it may already have been turned into.
async fn revoke_for_reuse(
    db: &DatabaseConnection,
    sessions: &SessionCache,
    row: &refresh_tokens::Model,
) -> AppResult<()> {
    let txn = AuditedTxn::begin(db).await?;
    revoke_family(&txn, row.family_id).await?;
    stamp_tokens(&txn, row.user_id).await?;
    let mut entry = AuditEntry::by_label("auth.refresh_reuse", "user", "refresh-token reuse");
    entry.entity_id = Some(row.user_id.to_string());
    txn.commit(entry).await?;
    sessions.forget(row.user_id);
    Ok(())
}

/// Revokes the family of the given refresh token and ends the user's access tokens issued so far
/// (on every device: they refresh silently with their own families). Unknown tokens are accepted
/// silently.
pub async fn logout(db: &DatabaseConnection, sessions: &SessionCache, refresh_token: &str) -> AppResult<()> {
    if let Some(row) = find_refresh(db, refresh_token).await? {
        let txn = AuditedTxn::begin(db).await?;
        revoke_family(&txn, row.family_id).await?;
        stamp_tokens(&txn, row.user_id).await?;
        let mut entry = AuditEntry::by_label("auth.logout", "user", "logout");
        entry.entity_id = Some(row.user_id.to_string());
        entry.actor_id = Some(row.user_id);
        txn.commit(entry).await?;
        sessions.forget(row.user_id);
    }
    Ok(())
}

/// Ends every access token of the user issued until now: `authenticate` refuses tokens issued at or
/// before `tokens_valid_after`. Callers clear the user from their node's `SessionCache`; other nodes
/// see the stamp when their cached facts expire (seconds).
pub async fn stamp_tokens<C: ConnectionTrait>(conn: &C, user_id: Uuid) -> AppResult<()> {
    users::Entity::update_many()
        .col_expr(users::Column::TokensValidAfter, Expr::value(Utc::now()))
        .filter(users::Column::Id.eq(user_id))
        .exec(conn)
        .await?;
    Ok(())
}

/// Revokes every refresh token of a user (after a password, role or delegation change, deactivation
/// or erasure). Access tokens already issued keep working under the user's current facts (a demoted
/// user keeps a session with the new rights); `stamp_tokens` ends them where that is the point.
pub async fn revoke_all_for_user<C: ConnectionTrait>(conn: &C, user_id: Uuid) -> AppResult<()> {
    // Stored create outcomes are copies made under the old rights: they go too.
    super::idempotency::forget_user(conn, user_id).await?;
    refresh_tokens::Entity::update_many()
        .col_expr(refresh_tokens::Column::RevokedAt, Expr::value(Utc::now()))
        .filter(refresh_tokens::Column::UserId.eq(user_id))
        .filter(refresh_tokens::Column::RevokedAt.is_null())
        .exec(conn)
        .await?;
    Ok(())
}

/// The actor behind an `Authorization: Bearer` credential: an API key (`gmc_…`) or an access token.
/// The token proves who the caller is; the role, delegation and active flag come from the user's
/// current record, so a change to them takes effect at once.
pub async fn authenticate(
    db: &DatabaseConnection,
    tokens: &Tokens,
    sessions: &SessionCache,
    bearer: &str,
) -> AppResult<Actor> {
    if bearer.starts_with(API_KEY_PREFIX) {
        return authenticate_key(db, bearer).await;
    }
    let (mut actor, issued_ms) = tokens.verify_issued(bearer)?;
    let facts = sessions
        .facts(db, actor.user_id.as_uuid())
        .await?
        .filter(|f| f.active)
        .ok_or(AppError::Unauthenticated("the account no longer exists or is disabled"))?;
    if facts.valid_after_ms.is_some_and(|after| issued_ms <= after) {
        return Err(AppError::Unauthenticated("the session has ended; sign in again"));
    }
    actor.role = facts.role;
    actor.delegation_id = facts.delegation_id.map(DelegationId::from_uuid);
    // A token's second factor counts only while the account still has one: disabling or resetting it
    // withdraws what the factor gave (an admin's rights) from the sessions already open.
    actor.mfa = actor.mfa && facts.second_factor;
    Ok(actor)
}

async fn authenticate_key(db: &DatabaseConnection, key: &str) -> AppResult<Actor> {
    let invalid = AppError::Unauthenticated("the API key is invalid, expired or revoked");
    let now = Utc::now();
    let row = api_keys::Entity::find()
        .filter(api_keys::Column::KeyHash.eq(secrets::hash(key)))
        .one(db)
        .await?
        .filter(|k| k.revoked_at.is_none() && k.expires_at.is_none_or(|e| e > now))
        .ok_or(invalid)?;
    let user = users::Entity::find_by_id(row.user_id)
        .one(db)
        .await?
        .filter(|u| u.active)
        .ok_or(AppError::Unauthenticated("the API key's owner is disabled"))?;
    // Writing on every request would serialize reads behind writes; a minute's precision is enough.
    if row.last_used_at.is_none_or(|t| now - t > Duration::seconds(60)) {
        let _gate = crate::db::write_gate(db).await;
        api_keys::Entity::update_many()
            .col_expr(api_keys::Column::LastUsedAt, Expr::value(now))
            .filter(api_keys::Column::Id.eq(row.id))
            .exec(db)
            .await?;
    }
    let scopes = parse_scopes(&row.scopes)?;
    // As for sessions: a key made from a second-factor session counts as one while the factor is active.
    let mfa = row.mfa && mfa::has_active_factor(db, user.id).await?;
    actor_of(&user, AuthMethod::ApiKey { id: ApiKeyId::from_uuid(row.id), scopes }, mfa)
}

pub(crate) fn parse_scopes(stored_scopes: &str) -> AppResult<Vec<Scope>> {
    stored_scopes.split(',').filter(|s| !s.is_empty()).map(stored::<Scope>).collect()
}

pub(crate) fn actor_of(user: &users::Model, method: AuthMethod, mfa: bool) -> AppResult<Actor> {
    Ok(Actor {
        user_id: UserId::from_uuid(user.id),
        role: user.role.0,
        delegation_id: user.delegation_id.map(DelegationId::from_uuid),
        method,
        mfa,
    })
}

/// A new refresh token in `family_id` and an access token; `mfa` says the family's sign-in passed the
/// second factor.
pub(crate) async fn start_family<C: ConnectionTrait>(
    conn: &C,
    tokens: &Tokens,
    user: &users::Model,
    family_id: Uuid,
    mfa: bool,
) -> AppResult<TokenPair> {
    let refresh_token = secrets::generate(REFRESH_PREFIX);
    let now = Utc::now();
    refresh_tokens::ActiveModel {
        id: Set(Uuid::now_v7()),
        family_id: Set(family_id),
        user_id: Set(user.id),
        token_hash: Set(secrets::hash(&refresh_token)),
        expires_at: Set(now + Duration::seconds(tokens.refresh_ttl_secs)),
        used_at: Set(None),
        revoked_at: Set(None),
        created_at: Set(now),
        mfa: Set(mfa),
    }
    .insert(conn)
    .await?;
    let access_token = tokens.issue(user.id, user.role.0, user.delegation_id, mfa)?;
    Ok(TokenPair { access_token, expires_in: tokens.access_ttl_secs, refresh_token })
}

async fn find_refresh(db: &DatabaseConnection, token: &str) -> AppResult<Option<refresh_tokens::Model>> {
    if !token.starts_with(REFRESH_PREFIX) {
        return Ok(None);
    }
    Ok(refresh_tokens::Entity::find()
        .filter(refresh_tokens::Column::TokenHash.eq(secrets::hash(token)))
        .one(db)
        .await?)
}

async fn revoke_family<C: ConnectionTrait>(conn: &C, family_id: Uuid) -> AppResult<()> {
    refresh_tokens::Entity::update_many()
        .col_expr(refresh_tokens::Column::RevokedAt, Expr::value(Utc::now()))
        .filter(refresh_tokens::Column::FamilyId.eq(family_id))
        .filter(refresh_tokens::Column::RevokedAt.is_null())
        .exec(conn)
        .await?;
    Ok(())
}
