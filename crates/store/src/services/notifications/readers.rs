//! Who among some users may read a record: each account taken as the actor it signs in as, and asked
//! of the same `find_readable` every read goes through. Notifications name a record (and its title),
//! so nobody is told about one they may not read.

use std::collections::HashSet;

use gmc_domain::ids::{DelegationId, UserId};
use gmc_domain::{Actor, AuthMethod};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use crate::entities::{mfa_factors, users};
use crate::services::access::{find_readable, Guarded};
use crate::{AppError, AppResult};

/// The active accounts among `ids`, as session actors. An admin counts as one only with an active
/// second factor, as they read only with one (`policy::authorize`).
async fn actors<C: ConnectionTrait>(db: &C, ids: &[Uuid]) -> AppResult<Vec<Actor>> {
    let accounts = users::Entity::find()
        .filter(users::Column::Id.is_in(ids.to_vec()))
        .filter(users::Column::Active.eq(true))
        .all(db)
        .await?;
    let with_factor: HashSet<Uuid> = mfa_factors::Entity::find()
        .filter(mfa_factors::Column::UserId.is_in(ids.to_vec()))
        .filter(mfa_factors::Column::Active.eq(true))
        .all(db)
        .await?
        .into_iter()
        .map(|f| f.user_id)
        .collect();
    Ok(accounts
        .into_iter()
        .map(|u| Actor {
            user_id: UserId::from_uuid(u.id),
            role: u.role.0,
            delegation_id: u.delegation_id.map(DelegationId::from_uuid),
            method: AuthMethod::Session,
            mfa: with_factor.contains(&u.id),
        })
        .collect())
}

/// The users among `candidates` who may read record `id` of type `M`.
pub(crate) async fn readers<M: Guarded, C: ConnectionTrait>(
    db: &C,
    id: Uuid,
    candidates: &[Uuid],
) -> AppResult<Vec<Uuid>> {
    readers_where::<M, C>(db, id, candidates, &|_| true).await
}

// issue 11: response imports
/// `readers`, keeping only the actors `also` accepts: for what needs more than reading the record (a
/// consultation's responses are its owners' alone, `policy::reads_response_rows`).
pub(crate) async fn readers_where<M: Guarded, C: ConnectionTrait>(
    db: &C,
    id: Uuid,
    candidates: &[Uuid],
    also: &(dyn Fn(&Actor) -> bool + Sync),
) -> AppResult<Vec<Uuid>> {
    if candidates.is_empty() {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for actor in actors(db, candidates).await?.into_iter().filter(|a| also(a)) {
        match find_readable::<M, C>(db, &actor, id).await {
            Ok(_) => out.push(actor.user_id.as_uuid()),
            Err(AppError::NotFound(_) | AppError::Forbidden | AppError::SecondFactorRequired) => {}
            Err(other) => return Err(other),
        }
    }
    Ok(out)
}
