//! User administration (admins only) and the caller's own profile.

use std::collections::HashSet;

use chrono::Utc;
use gmc_domain::error::{parse_enum, required_text};
use gmc_domain::ids::{DelegationId, UserId};
use gmc_domain::page::Limit;
use gmc_domain::policy::{authorize, Operation};
use gmc_domain::user::{check_membership, NewUser, Password, UserInput};
use gmc_domain::{Actor, AuthMethod, Role, Scope, ValidationErrors};
use sea_orm::sea_query::{Condition, Expr};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use serde_json::json;
use uuid::Uuid;

use super::reference::find_delegation;
use super::tokens::{blocking, hash_password};
use super::{auth, contains_ci, mfa, search_text};
use crate::audit::{self, AuditEntry};
use crate::catalogue::Catalogue;
use crate::cursor::{self, Cursor, Page};
use crate::entities::{api_keys, mfa_factors, users};
use crate::error::{check_version, stored};
use crate::sessions::SessionCache;
use crate::views::{MeView, UserView};
use crate::{AppError, AppResult};

fn view(u: users::Model, second_factor: bool) -> AppResult<UserView> {
    Ok(UserView {
        role: stored(&u.role)?,
        id: u.id,
        email: u.email,
        name: u.name,
        delegation_id: u.delegation_id,
        active: u.active,
        second_factor,
        version: u.version,
        created_at: u.created_at,
    })
}

/// Which of these users have an active second factor.
async fn with_second_factor(db: &DatabaseConnection, ids: Vec<Uuid>) -> AppResult<HashSet<Uuid>> {
    Ok(mfa_factors::Entity::find()
        .filter(mfa_factors::Column::UserId.is_in(ids))
        .filter(mfa_factors::Column::Active.eq(true))
        .all(db)
        .await?
        .into_iter()
        .map(|f| f.user_id)
        .collect())
}

pub async fn me(db: &DatabaseConnection, catalogue: &Catalogue, actor: &Actor) -> AppResult<MeView> {
    authorize(actor, Operation::ReadSelf)?;
    let user = users::Entity::find_by_id(actor.user_id.as_uuid())
        .one(db)
        .await?
        .filter(|u| u.active)
        .ok_or(AppError::Unauthenticated("the account no longer exists or is disabled"))?;
    let delegation = match user.delegation_id {
        Some(id) => catalogue.delegation(db, id).await?,
        None => None,
    };
    let scopes = match &actor.method {
        AuthMethod::Session => Scope::ALL.to_vec(),
        AuthMethod::ApiKey { scopes, .. } => scopes.clone(),
    };
    let role = stored(&user.role)?;
    let second_factor = mfa::status(db, actor, role).await?;
    Ok(MeView { role, id: user.id, email: user.email, name: user.name, delegation, scopes, second_factor })
}

#[derive(Debug, Default, Clone)]
pub struct UserFilter {
    pub role: Option<String>,
    pub delegation: Option<Uuid>,
    pub q: Option<String>,
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

pub async fn list(db: &DatabaseConnection, actor: &Actor, f: UserFilter) -> AppResult<Page<UserView>> {
    authorize(actor, Operation::ManageUsers)?;
    let mut e = ValidationErrors::new();
    let limit = e.check("limit", Limit::parse(f.limit));
    let role = f.role.as_deref().and_then(|r| e.check("role", parse_enum::<Role>(r)));
    let q = e.check("q", search_text(f.q.as_deref())).flatten();
    let cursor = e.check("cursor", cursor::parse(f.cursor.as_deref()));
    let (Some(limit), Some(cursor)) = (limit, cursor) else {
        return Err(e.into());
    };
    e.finish()?;
    let mut query = users::Entity::find().order_by_asc(users::Column::Email);
    if let Some(role) = role {
        query = query.filter(users::Column::Role.eq(role.as_str()));
    }
    if let Some(d) = f.delegation {
        query = query.filter(users::Column::DelegationId.eq(d));
    }
    if let Some(q) = &q {
        query = query.filter(
            Condition::any().add(contains_ci(users::Column::Email, q)).add(contains_ci(users::Column::Name, q)),
        );
    }
    if let Some(c) = cursor {
        query = query.filter(users::Column::Email.gt(c.k.unwrap_or_default()));
    }
    let rows = query.limit(limit.get() + 1).all(db).await?;
    let factors = with_second_factor(db, rows.iter().map(|u| u.id).collect()).await?;
    let rows = rows
        .into_iter()
        .map(|u| {
            let mfa = factors.contains(&u.id);
            view(u, mfa)
        })
        .collect::<AppResult<Vec<_>>>()?;
    Ok(Page::from_rows(rows, limit.get(), |u| Cursor { k: Some(u.email.clone()), id: u.id, s: String::new() }, |u| u))
}

pub async fn get(db: &DatabaseConnection, actor: &Actor, id: Uuid) -> AppResult<UserView> {
    authorize(actor, Operation::ManageUsers)?;
    let user = users::Entity::find_by_id(id).one(db).await?.ok_or(AppError::NotFound("user"))?;
    view(user, mfa::has_active_factor(db, id).await?)
}

/// Creates a user. Used by admins through the API and by the demo seed (with `actor: None`).
pub async fn create(db: &DatabaseConnection, actor: Option<&Actor>, input: UserInput) -> AppResult<UserView> {
    if let Some(actor) = actor {
        authorize(actor, Operation::ManageUsers)?;
    }
    let new = NewUser::parse(input)?;
    if let Some(d) = new.delegation_id {
        if find_delegation(db, d.as_uuid()).await?.is_none() {
            return Err(ValidationErrors::single("delegation_id", "unknown", "names no delegation").into());
        }
    }
    let exists = users::Entity::find().filter(users::Column::Email.eq(new.email.as_str())).one(db).await?;
    if exists.is_some() {
        return Err(ValidationErrors::single("email", "taken", "is already used by another account").into());
    }
    let password = new.password.clone();
    let hash = blocking(move || hash_password(password.expose())).await??;
    let now = Utc::now();
    let (_write, txn) = crate::db::begin_write(db).await?;
    let model = users::ActiveModel {
        id: Set(UserId::new().as_uuid()),
        email: Set(new.email.as_str().to_owned()),
        name: Set(new.name),
        password_hash: Set(hash),
        role: Set(new.role.as_str().to_owned()),
        delegation_id: Set(new.delegation_id.map(|d| d.as_uuid())),
        active: Set(true),
        tokens_valid_after: Set(None),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await?;
    let changes = json!({"email": model.email, "role": model.role, "delegation_id": model.delegation_id});
    let entry = match actor {
        Some(a) => AuditEntry::by(a, "user.create", "user", model.id),
        None => {
            let mut e = AuditEntry::by_label("user.create", "user", "system");
            e.entity_id = Some(model.id.to_string());
            e
        }
    };
    audit::record(&txn, entry.changes(changes)).await?;
    txn.commit().await?;
    view(model, false)
}

#[derive(Debug, Default, Clone)]
pub struct UserPatchInput {
    pub name: Option<String>,
    pub role: Option<String>,
    /// `Some(None)` removes the delegation.
    pub delegation_id: Option<Option<DelegationId>>,
    pub active: Option<bool>,
    pub password: Option<String>,
}

pub async fn update(
    db: &DatabaseConnection,
    sessions: &SessionCache,
    actor: &Actor,
    id: Uuid,
    input: UserPatchInput,
    if_match: Option<i32>,
) -> AppResult<UserView> {
    authorize(actor, Operation::ManageUsers)?;
    let current = users::Entity::find_by_id(id).one(db).await?.ok_or(AppError::NotFound("user"))?;
    let mut e = ValidationErrors::new();
    let empty = input.name.is_none()
        && input.role.is_none()
        && input.delegation_id.is_none()
        && input.active.is_none()
        && input.password.is_none();
    if empty {
        e.add("body", "empty", "names no field to change");
    }
    let name = input.name.as_deref().and_then(|n| e.check("name", required_text(n, 200)));
    let role = input.role.as_deref().and_then(|r| e.check("role", parse_enum::<Role>(r)));
    let password = input.password.as_deref().and_then(|p| e.check("password", Password::parse(p)));
    let final_role = match role {
        Some(r) => r,
        None => stored::<Role>(&current.role)?,
    };
    let final_delegation = match input.delegation_id {
        Some(d) => d,
        None => current.delegation_id.map(DelegationId::from_uuid),
    };
    check_membership(&mut e, final_role, final_delegation);
    if let Some(Some(d)) = input.delegation_id {
        if find_delegation(db, d.as_uuid()).await?.is_none() {
            e.add("delegation_id", "unknown", "names no delegation");
        }
    }
    if current.id == actor.user_id.as_uuid() && (input.active == Some(false) || role.is_some_and(|r| r != Role::Admin))
    {
        e.add("active", "self_lockout", "an admin cannot disable or demote their own account");
    }
    e.finish()?;
    check_version(if_match, current.version)?;
    let hash = match password {
        Some(p) => Some(blocking(move || hash_password(p.expose())).await??),
        None => None,
    };
    let mut changes = serde_json::Map::new();
    let mut m = current.clone().into_active_model();
    if let Some(v) = name {
        changes.insert("name".into(), json!({"from": current.name, "to": v}));
        m.name = Set(v);
    }
    if let Some(v) = role {
        changes.insert("role".into(), json!({"from": current.role, "to": v.as_str()}));
        m.role = Set(v.as_str().to_owned());
    }
    if let Some(v) = input.delegation_id {
        let v = v.map(|d| d.as_uuid());
        changes.insert("delegation_id".into(), json!({"from": current.delegation_id, "to": v}));
        m.delegation_id = Set(v);
    }
    if let Some(v) = input.active {
        changes.insert("active".into(), json!({"from": current.active, "to": v}));
        m.active = Set(v);
    }
    let password_changed = hash.is_some();
    let revoke_sessions =
        password_changed || input.active == Some(false) || role.is_some() || input.delegation_id.is_some();
    if let Some(h) = hash {
        changes.insert("password".into(), json!("changed"));
        m.password_hash = Set(h);
    }
    m.version = Set(current.version + 1);
    m.updated_at = Set(Utc::now());
    let (_write, txn) = crate::db::begin_write(db).await?;
    let res = users::Entity::update_many()
        .set(m)
        .filter(users::Column::Id.eq(id))
        .filter(users::Column::Version.eq(current.version))
        .exec(&txn)
        .await?;
    if res.rows_affected != 1 {
        return Err(AppError::PreconditionFailed { current: current.version + 1 });
    }
    // A changed password, role or delegation, or a disabled account, ends the sessions that carried the old facts.
    if revoke_sessions {
        auth::revoke_all_for_user(&txn, id).await?;
    }
    // A new password or a disabled account ends the access tokens already handed out (enabling the
    // account again must not revive them), and a disabled account's API keys are revoked for good.
    if password_changed || input.active == Some(false) {
        auth::stamp_tokens(&txn, id).await?;
    }
    if input.active == Some(false) {
        api_keys::Entity::update_many()
            .col_expr(api_keys::Column::RevokedAt, Expr::value(Utc::now()))
            .filter(api_keys::Column::UserId.eq(id))
            .filter(api_keys::Column::RevokedAt.is_null())
            .exec(&txn)
            .await?;
    }
    audit::record(&txn, AuditEntry::by(actor, "user.update", "user", id).changes(changes.into())).await?;
    let updated = users::Entity::find_by_id(id).one(&txn).await?.ok_or(AppError::NotFound("user"))?;
    txn.commit().await?;
    sessions.forget(id);
    view(updated, mfa::has_active_factor(db, id).await?)
}
