//! Coalitions: WTO negotiating groups (LDC Group, ASEAN, G-33) and which of the platform's delegations
//! belong to each. Membership is public to every signed-in role (the WTO publishes it), but changing it
//! is an access decision — members read the coalition's confidential prep items — so only admins do
//! (`Operation::ManageCoalitions`), audited. A change applies at once: the policy reads the members
//! with each record.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use gmc_domain::error::{optional_text, required_text, FieldProblem};
use gmc_domain::ids::CoalitionId;
use gmc_domain::policy::{authorize, Operation};
use gmc_domain::prep::{COALITION_CODE_MAX, COALITION_NAME_MAX};
use gmc_domain::{Actor, ValidationErrors};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, IntoActiveModel, QueryFilter, Set,
};
use serde::{Deserialize, Serialize};
use serde_json::json;
use uuid::Uuid;

use crate::audit::{AuditEntry, AuditedTxn};
use crate::cursor::{KeyType, KeyValue, Page, Paging, Sort};
use crate::entities::{coalition_members, coalitions, delegations};
use crate::error::check_version;
use crate::{AppError, AppResult};

const TEXT_MAX: usize = 4000;

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = CoalitionMember))]
pub struct CoalitionMemberView {
    pub delegation_id: Uuid,
    #[cfg_attr(feature = "openapi", schema(example = "NPL"))]
    pub country_code: String,
    pub name: String,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = Coalition))]
pub struct CoalitionView {
    pub id: Uuid,
    #[cfg_attr(feature = "openapi", schema(example = "LDC"))]
    pub code: String,
    pub name: String,
    pub description: String,
    /// Where the membership was taken from.
    pub source: String,
    /// The platform's delegations in the group, by country code.
    pub members: Vec<CoalitionMemberView>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

// The body of `POST /coalitions`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = CreateCoalitionRequest))]
pub struct CoalitionInput {
    /// Upper-case letters, digits and `-`, unique.
    #[cfg_attr(feature = "openapi", schema(example = "G90"))]
    pub code: String,
    pub name: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub source: String,
    /// Delegation ids.
    #[serde(default)]
    pub members: Vec<Uuid>,
}

/// Fields to change; absent fields stay; `members` replaces the membership.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = UpdateCoalitionRequest))]
pub struct CoalitionPatch {
    pub name: Option<String>,
    pub description: Option<String>,
    pub source: Option<String>,
    /// Delegation ids: the whole new membership.
    pub members: Option<Vec<Uuid>>,
}

crate::sort_fields!(
    /// What coalitions may be sorted by.
    CoalitionSort {
        Code => "code",
        Name => "name",
    }
);

async fn views<C: ConnectionTrait>(db: &C, rows: Vec<coalitions::Model>) -> AppResult<Vec<CoalitionView>> {
    let ids: Vec<Uuid> = rows.iter().map(|c| c.id).collect();
    let links =
        coalition_members::Entity::find().filter(coalition_members::Column::CoalitionId.is_in(ids)).all(db).await?;
    let delegations: HashMap<Uuid, delegations::Model> = delegations::Entity::find()
        .filter(delegations::Column::Id.is_in(links.iter().map(|l| l.delegation_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|d| (d.id, d))
        .collect();
    let mut members: HashMap<Uuid, Vec<CoalitionMemberView>> = HashMap::new();
    for l in links {
        if let Some(d) = delegations.get(&l.delegation_id) {
            let member =
                CoalitionMemberView { delegation_id: d.id, country_code: d.country_code.clone(), name: d.name.clone() };
            members.entry(l.coalition_id).or_default().push(member);
        }
    }
    Ok(rows
        .into_iter()
        .map(|c| {
            let mut members = members.remove(&c.id).unwrap_or_default();
            members.sort_by(|a, b| a.country_code.cmp(&b.country_code));
            CoalitionView {
                id: c.id,
                code: c.code,
                name: c.name,
                description: c.description,
                source: c.source,
                members,
                version: c.version,
                created_at: c.created_at,
                updated_at: c.updated_at,
            }
        })
        .collect())
}

/// Every coalition (a handful: paged in memory), by code unless sorted otherwise.
pub async fn list(
    db: &DatabaseConnection,
    actor: &Actor,
    params: crate::cursor::PageParams<'_>,
) -> AppResult<Page<CoalitionView>> {
    authorize(actor, Operation::ReadReference)?;
    let mut e = ValidationErrors::new();
    let Some(paging) = Paging::check(&mut e, params, Sort::asc(CoalitionSort::Code), &()) else {
        return Err(e.into());
    };
    let rows = views(db, coalitions::Entity::find().all(db).await?).await?;
    let field = paging.sort.field;
    let key = |c: &CoalitionView| {
        let k = match field {
            Some(CoalitionSort::Code) => KeyValue::Text(c.code.clone()),
            Some(CoalitionSort::Name) => KeyValue::Text(c.name.clone()),
            None => KeyValue::Null,
        };
        (k, c.id)
    };
    Ok(paging.in_memory(rows, KeyType::Text, key)?)
}

/// By id or code.
pub async fn get(db: &DatabaseConnection, actor: &Actor, id_or_code: &str) -> AppResult<CoalitionView> {
    authorize(actor, Operation::ReadReference)?;
    let q = match Uuid::parse_str(id_or_code) {
        Ok(id) => coalitions::Entity::find_by_id(id),
        Err(_) => {
            coalitions::Entity::find().filter(coalitions::Column::Code.eq(id_or_code.trim().to_ascii_uppercase()))
        }
    };
    let row = q.one(db).await?.ok_or(AppError::NotFound("coalition"))?;
    views(db, vec![row]).await?.pop().ok_or(AppError::NotFound("coalition"))
}

fn code(value: &str) -> Result<String, FieldProblem> {
    let v = value.trim().to_ascii_uppercase();
    let shape = v.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    if v.is_empty() || v.len() > COALITION_CODE_MAX || !shape {
        return Err(FieldProblem::new(
            "invalid_format",
            format!("must be 1–{COALITION_CODE_MAX} letters, digits or '-'"),
        ));
    }
    Ok(v)
}

/// The members, deduplicated; each must be a delegation (`members[i]` names the bad ones).
async fn members<C: ConnectionTrait>(db: &C, e: &mut ValidationErrors, ids: &[Uuid]) -> AppResult<Vec<Uuid>> {
    let known: Vec<Uuid> = delegations::Entity::find()
        .filter(delegations::Column::Id.is_in(ids.to_vec()))
        .all(db)
        .await?
        .into_iter()
        .map(|d| d.id)
        .collect();
    let mut out = Vec::new();
    for (i, id) in ids.iter().enumerate() {
        if !known.contains(id) {
            e.add(&format!("members[{i}]"), "unknown", "names no delegation");
        } else if !out.contains(id) {
            out.push(*id);
        }
    }
    out.sort();
    Ok(out)
}

async fn set_members<C: ConnectionTrait>(db: &C, id: Uuid, members: &[Uuid]) -> AppResult<()> {
    coalition_members::Entity::delete_many().filter(coalition_members::Column::CoalitionId.eq(id)).exec(db).await?;
    for d in members {
        coalition_members::ActiveModel { coalition_id: Set(id), delegation_id: Set(*d) }.insert(db).await?;
    }
    Ok(())
}

pub async fn create(db: &DatabaseConnection, actor: &Actor, input: CoalitionInput) -> AppResult<CoalitionView> {
    authorize(actor, Operation::ManageCoalitions)?;
    let mut e = ValidationErrors::new();
    let code = e.check("code", code(&input.code));
    if let Some(c) = &code {
        if coalitions::Entity::find().filter(coalitions::Column::Code.eq(c.as_str())).one(db).await?.is_some() {
            e.add("code", "taken", "another coalition has this code");
        }
    }
    let name = e.check("name", required_text(&input.name, COALITION_NAME_MAX));
    let description = e.check("description", optional_text(&input.description, TEXT_MAX));
    let source = e.check("source", optional_text(&input.source, TEXT_MAX));
    let members = members(db, &mut e, &input.members).await?;
    let (Some(code), Some(name), Some(description), Some(source)) = (code, name, description, source) else {
        return Err(e.into());
    };
    e.finish()?;
    let txn = AuditedTxn::begin(db).await?;
    let now = Utc::now();
    let model = coalitions::ActiveModel {
        id: Set(CoalitionId::new().as_uuid()),
        code: Set(code),
        name: Set(name),
        description: Set(description),
        source: Set(source),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await?;
    set_members(&txn, model.id, &members).await?;
    let changes = json!({"code": model.code, "name": model.name, "members": members});
    let entry = AuditEntry::by(actor, "coalition.create", "coalition", model.id).changes(changes);
    let view = views(&txn, vec![model]).await?.pop().ok_or(AppError::NotFound("coalition"))?;
    txn.commit(entry).await?;
    Ok(view)
}

pub async fn update(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    patch: CoalitionPatch,
    if_match: Option<i32>,
) -> AppResult<CoalitionView> {
    authorize(actor, Operation::ManageCoalitions)?;
    let current = coalitions::Entity::find_by_id(id).one(db).await?.ok_or(AppError::NotFound("coalition"))?;
    let mut e = ValidationErrors::new();
    let mut m = current.clone().into_active_model();
    let mut changes = serde_json::Map::new();
    if let Some(v) = patch.name.as_deref().and_then(|v| e.check("name", required_text(v, COALITION_NAME_MAX))) {
        changes.insert("name".into(), json!({"from": current.name, "to": v}));
        m.name = Set(v);
    }
    if let Some(v) = patch.description.as_deref().and_then(|v| e.check("description", optional_text(v, TEXT_MAX))) {
        changes.insert("description".into(), json!({"from": current.description, "to": v}));
        m.description = Set(v);
    }
    if let Some(v) = patch.source.as_deref().and_then(|v| e.check("source", optional_text(v, TEXT_MAX))) {
        changes.insert("source".into(), json!({"from": current.source, "to": v}));
        m.source = Set(v);
    }
    let new_members = match &patch.members {
        Some(ids) => Some(members(db, &mut e, ids).await?),
        None => None,
    };
    if patch.name.is_none() && patch.description.is_none() && patch.source.is_none() && patch.members.is_none() {
        e.add("body", "empty", "names no field to change");
    }
    e.finish()?;
    check_version(if_match, current.version)?;
    let txn = AuditedTxn::begin(db).await?;
    if let Some(ids) = &new_members {
        let before = crate::services::access::coalition_members_of(&txn, id).await?;
        changes.insert("members".into(), json!({"from": before, "to": ids}));
        set_members(&txn, id, ids).await?;
    }
    m.version = Set(current.version + 1);
    m.updated_at = Set(Utc::now());
    let res = coalitions::Entity::update_many()
        .set(m)
        .filter(coalitions::Column::Id.eq(id))
        .filter(coalitions::Column::Version.eq(current.version))
        .exec(&txn)
        .await?;
    if res.rows_affected != 1 {
        return Err(AppError::PreconditionFailed { current: current.version + 1 });
    }
    let entry = AuditEntry::by(actor, "coalition.update", "coalition", id).changes(changes.into());
    let updated = coalitions::Entity::find_by_id(id).one(&txn).await?.ok_or(AppError::NotFound("coalition"))?;
    let view = views(&txn, vec![updated]).await?.pop().ok_or(AppError::NotFound("coalition"))?;
    txn.commit(entry).await?;
    Ok(view)
}
