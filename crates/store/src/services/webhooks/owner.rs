//! Whose a subscription is: the user who made it, and — when a key made it — that key. A leaf module, so
//! that the subscriptions and their delivery log share one rule without importing each other.

use gmc_domain::{Actor, AuthMethod};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use crate::entities::webhook_subscriptions::{self as subs, Column};
use crate::{AppError, AppResult};

const NOUN: &str = "webhook";

pub(crate) fn key_of(actor: &Actor) -> Option<Uuid> {
    match &actor.method {
        AuthMethod::ApiKey { id, .. } => Some(id.as_uuid()),
        AuthMethod::Session => None,
    }
}

/// The subscriptions an actor owns, as SQL: the user's; for a key, only the key's.
pub(crate) fn owned_by(actor: &Actor) -> sea_orm::Condition {
    let mut c = sea_orm::Condition::all().add(Column::OwnerUserId.eq(actor.user_id.as_uuid()));
    if let Some(k) = key_of(actor) {
        c = c.add(Column::OwnerApiKeyId.eq(k));
    }
    c
}

/// One of the actor's subscriptions; 404 for any other (whose existence is not confirmed).
pub(crate) async fn find_own<C: ConnectionTrait>(db: &C, actor: &Actor, id: Uuid) -> AppResult<subs::Model> {
    subs::Entity::find_by_id(id).filter(owned_by(actor)).one(db).await?.ok_or(AppError::NotFound(NOUN))
}
