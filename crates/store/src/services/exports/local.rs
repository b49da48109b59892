//! Who a local `gmc export --as EMAIL` acts as: that user, as if signed in — the same policy, visibility
//! and audit as through the API (an admin acts as admin only with an active second factor, as a session
//! does). Someone with the database file can read it anyway; this keeps the export's rules, not a secret.

use gmc_domain::ids::{DelegationId, UserId};
use gmc_domain::{Actor, AuthMethod};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

use crate::entities::users;
use crate::services::mfa::has_active_factor;
use crate::{AppError, AppResult};

pub async fn local_actor(db: &DatabaseConnection, email: &str) -> AppResult<Actor> {
    let user = users::Entity::find()
        .filter(users::Column::Email.eq(email.trim().to_lowercase()))
        .one(db)
        .await?
        .filter(|u| u.active)
        .ok_or(AppError::Unauthenticated("no active account has that e-mail"))?;
    Ok(Actor {
        user_id: UserId::from_uuid(user.id),
        role: user.role.0,
        delegation_id: user.delegation_id.map(DelegationId::from_uuid),
        method: AuthMethod::Session,
        mfa: has_active_factor(db, user.id).await?,
    })
}
