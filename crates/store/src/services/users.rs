//! User administration (admins only) and the caller's own profile.

use std::collections::HashSet;

use chrono::Utc;
use gmc_domain::error::{parse_enum, required_text};
use gmc_domain::ids::{DelegationId, UserId};
use gmc_domain::policy::{authorize, Operation};
use gmc_domain::user::{check_membership, NewUser, Password, UserInput, REDACTED};
use gmc_domain::{Actor, AuthMethod, Role, Scope, ValidationErrors};
use sea_orm::sea_query::{Condition, DynIden, Expr, IntoIden, Query, SelectStatement, SimpleExpr};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, FromQueryResult, IntoActiveModel,
    QueryFilter, QuerySelect, Select, Set,
};
use serde_json::json;
use uuid::Uuid;

use super::reference_checks as checks;
use super::tokens::{blocking, hash_password};
use super::{auth, contains_ci, mfa, search_text};
use crate::audit::{AuditEntry, AuditedTxn};
use crate::catalogue::Catalogue;
use crate::column::DbEnum;
use crate::cursor::{Key, KeyValue, Page, Paging, Sort};
use crate::entities::{api_keys, mfa_factors, mfa_recovery_codes, users};
use crate::error::check_version;
use crate::sessions::SessionCache;
use crate::views::{MeView, UserView};
use crate::{AppError, AppResult};

fn view(u: users::Model, second_factor: bool) -> AppResult<UserView> {
    Ok(UserView {
        role: u.role.0,
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

/// The profile and its second factor as `GET /me` reads them: in one statement, since every page load
/// of the dashboard asks for it (the factor and the unused recovery codes as scalar subqueries).
#[derive(FromQueryResult)]
struct MeRow {
    id: Uuid,
    email: String,
    name: String,
    role: DbEnum<Role>,
    delegation_id: Option<Uuid>,
    active: bool,
    factor_active: Option<bool>,
    unused_codes: i64,
}

fn me_query(user_id: Uuid) -> Select<users::Entity> {
    let of_user =
        |table: DynIden, column: DynIden| Expr::col((table, column)).equals((users::Entity, users::Column::Id));
    let factor = Query::select()
        .column(mfa_factors::Column::Active)
        .from(mfa_factors::Entity)
        .and_where(of_user(mfa_factors::Entity.into_iden(), mfa_factors::Column::UserId.into_iden()))
        .to_owned();
    let codes = Query::select()
        .expr(Expr::cust("COUNT(*)"))
        .from(mfa_recovery_codes::Entity)
        .and_where(of_user(mfa_recovery_codes::Entity.into_iden(), mfa_recovery_codes::Column::UserId.into_iden()))
        .and_where(Expr::col((mfa_recovery_codes::Entity, mfa_recovery_codes::Column::UsedAt)).is_null())
        .to_owned();
    let scalar = |q: SelectStatement| SimpleExpr::SubQuery(None, Box::new(q.into_sub_query_statement()));
    users::Entity::find_by_id(user_id)
        .select_only()
        .columns([
            users::Column::Id,
            users::Column::Email,
            users::Column::Name,
            users::Column::Role,
            users::Column::DelegationId,
            users::Column::Active,
        ])
        .expr_as(scalar(factor), "factor_active")
        .expr_as(scalar(codes), "unused_codes")
}

pub async fn me(db: &DatabaseConnection, catalogue: &Catalogue, actor: &Actor) -> AppResult<MeView> {
    authorize(actor, Operation::ReadSelf)?;
    let user = me_query(actor.user_id.as_uuid())
        .into_model::<MeRow>()
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
    let role = user.role.0;
    let second_factor = mfa::status(actor, role, user.factor_active, u64::try_from(user.unused_codes).unwrap_or(0));
    Ok(MeView { role, id: user.id, email: user.email, name: user.name, delegation, scopes, second_factor })
}

#[derive(Debug, Default, Clone)]
pub struct UserFilter {
    pub role: Option<String>,
    pub delegation: Option<Uuid>,
    pub q: Option<String>,
    /// One of `UserSort`, `-` first for descending; default: by email.
    pub sort: Option<String>,
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

crate::sort_fields!(
    /// What the user list may be sorted by. Role sorts by its stored spelling (alphabetically).
    UserSort {
        Email => "email",
        Name => "name",
        Role => "role",
        CreatedAt => "created_at",
    }
);

fn sort_key(field: UserSort) -> Key<users::Column> {
    match field {
        UserSort::Email => Key::text(users::Column::Email),
        UserSort::Name => Key::text(users::Column::Name),
        UserSort::Role => Key::text(users::Column::Role),
        UserSort::CreatedAt => Key::time(users::Column::CreatedAt),
    }
}

fn sort_value(field: Option<UserSort>, u: &users::Model) -> KeyValue {
    match field {
        None => KeyValue::Null,
        Some(UserSort::Email) => KeyValue::Text(u.email.clone()),
        Some(UserSort::Name) => KeyValue::Text(u.name.clone()),
        Some(UserSort::Role) => KeyValue::Text(u.role.0.as_str().to_owned()),
        Some(UserSort::CreatedAt) => KeyValue::Time(u.created_at),
    }
}

pub async fn list(db: &DatabaseConnection, actor: &Actor, f: UserFilter) -> AppResult<Page<UserView>> {
    authorize(actor, Operation::ManageUsers)?;
    let mut e = ValidationErrors::new();
    let filters = UserFilter { sort: None, limit: None, cursor: None, ..f.clone() };
    let default = Sort::asc(UserSort::Email);
    let paging = Paging::check(&mut e, (f.limit, f.sort.as_deref(), f.cursor.as_deref()), default, &filters);
    let role = f.role.as_deref().and_then(|r| e.check("role", parse_enum::<Role>(r)));
    let q = e.check("q", search_text(f.q.as_deref())).flatten();
    let Some(paging) = paging else {
        return Err(e.into());
    };
    e.finish()?;
    let mut query = users::Entity::find();
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
    let total = paging.total(db, &query).await?;
    let field = paging.sort.field;
    let query = paging.seek(query, db.get_database_backend(), field.map(sort_key), users::Column::Id)?;
    let (rows, next_cursor) = paging.split(query.all(db).await?, |u| (sort_value(field, u), u.id));
    let factors = with_second_factor(db, rows.iter().map(|u| u.id).collect()).await?;
    let items = rows
        .into_iter()
        .map(|u| {
            let mfa = factors.contains(&u.id);
            view(u, mfa)
        })
        .collect::<AppResult<Vec<_>>>()?;
    Ok(Page { items, next_cursor, total })
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
        let mut e = ValidationErrors::new();
        checks::delegation(db, &mut e, "delegation_id", d.as_uuid()).await?;
        e.finish()?;
    }
    let exists = users::Entity::find().filter(users::Column::Email.eq(new.email.as_str())).one(db).await?;
    if exists.is_some() {
        return Err(ValidationErrors::single("email", "taken", "is already used by another account").into());
    }
    let password = new.password.clone();
    let hash = blocking(move || hash_password(password.expose())).await??;
    let now = Utc::now();
    let txn = AuditedTxn::begin(db).await?;
    let model = users::ActiveModel {
        id: Set(UserId::new().as_uuid()),
        email: Set(new.email.as_str().to_owned()),
        name: Set(new.name),
        password_hash: Set(hash),
        role: Set(new.role.into()),
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
    txn.commit(entry.changes(changes)).await?;
    view(model, false)
}

// The body of `PATCH /users/{id}`: absent fields stay; `delegation_id: null` removes the delegation (a plain
// comment: a doc comment would become the schema's description). `Debug` is written out below so that
// a new password never reaches a log.
#[derive(Default, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = UpdateUserRequest))]
pub struct UserPatchInput {
    pub name: Option<String>,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Role>))]
    pub role: Option<String>,
    #[serde(default, deserialize_with = "gmc_domain::patch::double_option")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Uuid>, nullable))]
    pub delegation_id: Option<Option<DelegationId>>,
    pub active: Option<bool>,
    pub password: Option<String>,
}

impl std::fmt::Debug for UserPatchInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UserPatchInput")
            .field("name", &self.name)
            .field("role", &self.role)
            .field("delegation_id", &self.delegation_id)
            .field("active", &self.active)
            .field("password", &self.password.as_ref().map(|_| REDACTED))
            .finish()
    }
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
        None => current.role.0,
    };
    let final_delegation = match input.delegation_id {
        Some(d) => d,
        None => current.delegation_id.map(DelegationId::from_uuid),
    };
    check_membership(&mut e, final_role, final_delegation);
    if let Some(Some(d)) = input.delegation_id {
        checks::delegation(db, &mut e, "delegation_id", d.as_uuid()).await?;
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
        m.role = Set(v.into());
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
    let txn = AuditedTxn::begin(db).await?;
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
    let audit_entry = AuditEntry::by(actor, "user.update", "user", id).changes(changes.into());
    let updated = users::Entity::find_by_id(id).one(&txn).await?.ok_or(AppError::NotFound("user"))?;
    txn.commit(audit_entry).await?;
    sessions.forget(id);
    view(updated, mfa::has_active_factor(db, id).await?)
}

#[cfg(test)]
mod tests {
    use super::UserPatchInput;

    #[test]
    fn a_user_patch_prints_everything_but_the_password() {
        let patch = UserPatchInput {
            name: Some("X".into()),
            password: Some("correct horse battery".into()),
            ..Default::default()
        };
        let printed = format!("{patch:?}");
        assert!(!printed.contains("correct horse battery"), "{printed}");
        assert!(printed.contains("password: Some(<redacted>)"), "{printed}");
        assert!(printed.contains("name: Some(\"X\")"), "{printed}");
        assert!(format!("{:?}", UserPatchInput::default()).contains("password: None"));
    }
}
