//! Each user's calendar feed: an unguessable URL a calendar application polls without signing in.
//! Only the SHA-256 of its token is stored (`secrets`, like refresh tokens and API keys); creating
//! one again replaces (rotates) it, and revoking deletes it. Every fetch re-reads the account and
//! what it may see now: a deactivated account, a revoked or rotated token all answer 404, and a
//! meeting whose visibility narrowed or whose invitation was withdrawn drops out at once.

use chrono::{DateTime, Duration, Utc};
use gmc_domain::policy::{authorize, Operation};
use gmc_domain::{Actor, AuthMethod, Role};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use serde_json::json;

use super::guard::read_condition;
use crate::audit::{AuditEntry, AuditedTxn};
use crate::entities::{calendar_feeds, meetings, users};
use crate::services::mfa::has_active_factor;
use crate::services::secrets;
use crate::{AppError, AppResult};

pub const FEED_PREFIX: &str = "gmcal_";

/// How far back a feed reaches; future meetings are all in it (up to `FEED_MAX`).
const FEED_PAST_DAYS: i64 = 365;
const FEED_MAX: u64 = 1_000;

/// A new feed token, shown once.
#[derive(Debug, Clone)]
pub struct CalendarFeedView {
    pub token: String,
    pub created_at: DateTime<Utc>,
}

/// Creates the caller's feed, or replaces its token (the old URL stops working).
pub async fn rotate_feed(db: &DatabaseConnection, actor: &Actor) -> AppResult<CalendarFeedView> {
    authorize(actor, Operation::ManageOwnCalendarFeed)?;
    let token = secrets::generate(FEED_PREFIX);
    let now = Utc::now();
    let user = actor.user_id.as_uuid();
    let txn = AuditedTxn::begin(db).await?;
    let existed = calendar_feeds::Entity::delete_by_id(user).exec(&txn).await?.rows_affected > 0;
    calendar_feeds::ActiveModel { user_id: Set(user), token_hash: Set(secrets::hash(&token)), created_at: Set(now) }
        .insert(&txn)
        .await?;
    let entry = AuditEntry::by(actor, "calendar_feed.rotate", "user", user).changes(json!({"replaced": existed}));
    txn.commit(entry).await?;
    Ok(CalendarFeedView { token, created_at: now })
}

/// Revokes the caller's feed; 404 when there is none.
pub async fn revoke_feed(db: &DatabaseConnection, actor: &Actor) -> AppResult<()> {
    authorize(actor, Operation::ManageOwnCalendarFeed)?;
    let user = actor.user_id.as_uuid();
    let txn = AuditedTxn::begin(db).await?;
    if calendar_feeds::Entity::delete_by_id(user).exec(&txn).await?.rows_affected == 0 {
        return Err(AppError::NotFound("calendar feed"));
    }
    txn.commit(AuditEntry::by(actor, "calendar_feed.revoke", "user", user)).await?;
    Ok(())
}

/// The feed behind a token, as iCalendar; 404 for an unknown, revoked or rotated token, or an account
/// that is no longer active. The account reads as with a session, but only what it may read now.
pub async fn feed_ics(db: &DatabaseConnection, token: &str) -> AppResult<String> {
    const NOT_FOUND: AppError = AppError::NotFound("calendar feed");
    if !token.starts_with(FEED_PREFIX) || token.len() > 100 {
        return Err(NOT_FOUND);
    }
    let feed = calendar_feeds::Entity::find()
        .filter(calendar_feeds::Column::TokenHash.eq(secrets::hash(token)))
        .one(db)
        .await?
        .ok_or(NOT_FOUND)?;
    let user = users::Entity::find_by_id(feed.user_id).one(db).await?.filter(|u| u.active).ok_or(NOT_FOUND)?;
    // An admin reads as an admin only with a second factor, as everywhere (`policy::authorize`).
    let mfa = user.role.0 == Role::Admin && has_active_factor(db, user.id).await?;
    let actor = crate::services::auth::actor_of(&user, AuthMethod::Session, mfa)?;
    authorize(&actor, Operation::ReadDelegationRecords).map_err(|_| NOT_FOUND)?;
    let rows = meetings::Entity::find()
        .filter(read_condition(&actor))
        .filter(meetings::Column::EndsAt.gte(Utc::now() - Duration::days(FEED_PAST_DAYS)))
        .order_by_asc(meetings::Column::StartsAt)
        .order_by_asc(meetings::Column::Id)
        .limit(FEED_MAX)
        .all(db)
        .await?;
    super::ics::calendar("Geneva–MSME Connection meetings", &rows)
}
