//! `gmc import` against the local database: nobody signs in on a command line, so the import runs as
//! the account the operator names (`--as EMAIL`), with that account's role and delegation — the same
//! authorization and checks as its own `POST`, and the audit event names it (and the command line).

use gmc_domain::ids::{DelegationId, UserId};
use gmc_domain::{Actor, AuthMethod, ValidationErrors};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

use crate::entities::users;
use crate::AppResult;

/// The active account with `email`, as the actor of a command-line import. Whoever can run `gmc` on
/// the database's host already holds the database itself, so the account's second factor is not what
/// protects the data here (as for `gmc seed`).
pub async fn local_actor(db: &DatabaseConnection, email: &str) -> AppResult<Actor> {
    let unknown = || ValidationErrors::single("as", "unknown", "names no active account");
    let email = gmc_domain::user::Email::parse(email).map_err(|_| unknown())?;
    let user = users::Entity::find()
        .filter(users::Column::Email.eq(email.as_str()))
        .filter(users::Column::Active.eq(true))
        .one(db)
        .await?
        .ok_or_else(unknown)?;
    Ok(Actor {
        user_id: UserId::from_uuid(user.id),
        role: user.role.0,
        delegation_id: user.delegation_id.map(DelegationId::from_uuid),
        method: AuthMethod::Session,
        mfa: true,
    })
}
