//! The delegation watch-list: each delegation's topics with notes, at a visibility. Reads go through
//! `read_condition`, the SQL form of `policy::read_scope`, so no list, filter or search can reach a
//! record the policy hides; single reads and writes check `policy::can_read` / `can_write`.

use std::collections::HashMap;

use chrono::Utc;
use gmc_domain::ids::{DelegationId, WatchItemId};
use gmc_domain::page::Limit;
use gmc_domain::policy::{authorize, can_read, can_write, Operation, Ownership};
use gmc_domain::watch::{Priority, WatchFields};
use gmc_domain::{Actor, ValidationErrors, Visibility};
use sea_orm::sea_query::Condition;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, IntoActiveModel, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use serde_json::json;
use uuid::Uuid;

use super::{contains_ci, search_text, topics};
use crate::audit::{self, AuditEntry};
use crate::cursor::{self, Cursor, Page};
use crate::entities::{delegations, topics as topic_rows, watch_items};
use crate::error::{check_version, stored};
use crate::views::WatchItemView;
use crate::{AppError, AppResult};

/// The rows an actor may read, as SQL.
fn read_condition(actor: &Actor) -> Condition {
    super::visibility::read_condition(actor, watch_items::Column::Visibility, watch_items::Column::DelegationId)
}

fn ownership(row: &watch_items::Model) -> AppResult<Ownership> {
    Ok(Ownership { delegation_id: DelegationId::from_uuid(row.delegation_id), visibility: stored(&row.visibility)? })
}

/// Adds topic and delegation names to rows, with one query each.
async fn views<C: ConnectionTrait>(db: &C, rows: Vec<watch_items::Model>) -> AppResult<Vec<WatchItemView>> {
    let topic_ids: Vec<Uuid> = rows.iter().map(|r| r.topic_id).collect();
    let delegation_ids: Vec<Uuid> = rows.iter().map(|r| r.delegation_id).collect();
    let topics: HashMap<Uuid, topic_rows::Model> = topic_rows::Entity::find()
        .filter(topic_rows::Column::Id.is_in(topic_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|t| (t.id, t))
        .collect();
    let delegations: HashMap<Uuid, String> = delegations::Entity::find()
        .filter(delegations::Column::Id.is_in(delegation_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|d| (d.id, d.country_code))
        .collect();
    rows.into_iter()
        .map(|r| {
            let topic = topics.get(&r.topic_id);
            Ok(WatchItemView {
                priority: stored(&r.priority)?,
                visibility: stored(&r.visibility)?,
                id: r.id,
                delegation_id: r.delegation_id,
                country_code: delegations.get(&r.delegation_id).cloned().unwrap_or_default(),
                topic_id: r.topic_id,
                topic_code: topic.map(|t| t.code.clone()).unwrap_or_default(),
                topic_title: topic.map(|t| t.title.clone()).unwrap_or_default(),
                note: r.note,
                version: r.version,
                created_at: r.created_at,
                updated_at: r.updated_at,
            })
        })
        .collect()
}

#[derive(Debug, Default, Clone)]
pub struct WatchFilter {
    /// Topic id or code.
    pub topic: Option<String>,
    pub delegation: Option<Uuid>,
    pub q: Option<String>,
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

pub async fn list(db: &DatabaseConnection, actor: &Actor, f: WatchFilter) -> AppResult<Page<WatchItemView>> {
    authorize(actor, Operation::ReadDelegationRecords)?;
    let mut e = ValidationErrors::new();
    let limit = e.check("limit", Limit::parse(f.limit));
    let q = e.check("q", search_text(f.q.as_deref())).flatten();
    let cursor = e.check("cursor", cursor::parse(f.cursor.as_deref()));
    let (Some(limit), Some(cursor)) = (limit, cursor) else {
        return Err(e.into());
    };
    let mut query = watch_items::Entity::find().filter(read_condition(actor)).order_by_asc(watch_items::Column::Id);
    if let Some(topic) = f.topic.as_deref() {
        // An unknown topic simply matches nothing.
        let id = topics::get(db, actor, topic).await.map(|t| t.id).unwrap_or_else(|_| Uuid::nil());
        query = query.filter(watch_items::Column::TopicId.eq(id));
    }
    if let Some(d) = f.delegation {
        query = query.filter(watch_items::Column::DelegationId.eq(d));
    }
    if let Some(q) = &q {
        query = query.filter(contains_ci(watch_items::Column::Note, q));
    }
    if let Some(c) = cursor {
        query = query.filter(watch_items::Column::Id.gt(c.id));
    }
    let rows = query.limit(limit.get() + 1).all(db).await?;
    let more = rows.len() as u64 > limit.get();
    let mut items = views(db, rows).await?;
    items.truncate(limit.get() as usize);
    let next_cursor =
        if more { items.last().map(|w| Cursor { k: None, id: w.id, s: String::new() }.encode()) } else { None };
    Ok(Page { items, next_cursor, total: None })
}

/// A record the actor may read, or "not found" — never "forbidden", which would confirm it exists.
async fn find_readable<C: ConnectionTrait>(db: &C, actor: &Actor, id: Uuid) -> AppResult<watch_items::Model> {
    let row = watch_items::Entity::find_by_id(id).one(db).await?.ok_or(AppError::NotFound("watch item"))?;
    if !can_read(actor, ownership(&row)?) {
        return Err(AppError::NotFound("watch item"));
    }
    Ok(row)
}

pub async fn get(db: &DatabaseConnection, actor: &Actor, id: Uuid) -> AppResult<WatchItemView> {
    authorize(actor, Operation::ReadDelegationRecords)?;
    let row = find_readable(db, actor, id).await?;
    views(db, vec![row]).await?.pop().ok_or(AppError::NotFound("watch item"))
}

pub struct WatchInput {
    pub topic_id: Uuid,
    pub delegation_id: Option<Uuid>,
    pub note: Option<String>,
    pub priority: Option<String>,
    pub visibility: Option<String>,
}

pub async fn create(db: &DatabaseConnection, actor: &Actor, input: WatchInput) -> AppResult<WatchItemView> {
    authorize(actor, Operation::WriteDelegationRecords)?;
    let fields = WatchFields::parse(input.note.as_deref(), input.priority.as_deref(), input.visibility.as_deref())?;
    let delegation = crate::services::visibility::owning_delegation(actor, input.delegation_id)?;
    let (_write, txn) = crate::db::begin_write(db).await?;
    let mut e = ValidationErrors::new();
    if delegations::Entity::find_by_id(delegation.as_uuid()).one(&txn).await?.is_none() {
        e.add("delegation_id", "unknown", "names no delegation");
    }
    if !topics::exists(&txn, input.topic_id).await? {
        e.add("topic_id", "unknown", "names no topic");
    }
    e.finish()?;
    let now = Utc::now();
    let model = watch_items::ActiveModel {
        id: Set(WatchItemId::new().as_uuid()),
        delegation_id: Set(delegation.as_uuid()),
        topic_id: Set(input.topic_id),
        note: Set(fields.note.unwrap_or_default()),
        priority: Set(fields.priority.unwrap_or(Priority::Medium).as_str().to_owned()),
        visibility: Set(fields.visibility.unwrap_or(Visibility::Delegation).as_str().to_owned()),
        created_by: Set(Some(actor.user_id.as_uuid())),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await
    .map_err(|err| match AppError::from(err) {
        AppError::Conflict(_) => AppError::Conflict("the delegation already watches this topic".into()),
        other => other,
    })?;
    let changes = json!({"topic_id": model.topic_id, "priority": model.priority, "visibility": model.visibility});
    let entry = AuditEntry::by(actor, "watch_item.create", "watch_item", model.id).delegation(model.delegation_id);
    audit::record(&txn, entry.changes(changes)).await?;
    txn.commit().await?;
    views(db, vec![model]).await?.pop().ok_or(AppError::NotFound("watch item"))
}

pub struct WatchPatch {
    pub note: Option<String>,
    pub priority: Option<String>,
    pub visibility: Option<String>,
}

pub async fn update(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    input: WatchPatch,
    if_match: Option<i32>,
) -> AppResult<WatchItemView> {
    authorize(actor, Operation::ReadDelegationRecords)?;
    if input.note.is_none() && input.priority.is_none() && input.visibility.is_none() {
        return Err(ValidationErrors::single("body", "empty", "names no field to change").into());
    }
    let fields = WatchFields::parse(input.note.as_deref(), input.priority.as_deref(), input.visibility.as_deref())?;
    let (_write, txn) = crate::db::begin_write(db).await?;
    let row = find_readable(&txn, actor, id).await?;
    if !can_write(actor, DelegationId::from_uuid(row.delegation_id)) {
        return Err(AppError::Forbidden);
    }
    check_version(if_match, row.version)?;
    let mut changes = serde_json::Map::new();
    let mut m = row.clone().into_active_model();
    if let Some(v) = fields.note {
        changes.insert("note".into(), json!({"from": row.note, "to": v}));
        m.note = Set(v);
    }
    if let Some(v) = fields.priority {
        changes.insert("priority".into(), json!({"from": row.priority, "to": v.as_str()}));
        m.priority = Set(v.as_str().to_owned());
    }
    if let Some(v) = fields.visibility {
        changes.insert("visibility".into(), json!({"from": row.visibility, "to": v.as_str()}));
        m.visibility = Set(v.as_str().to_owned());
    }
    m.version = Set(row.version + 1);
    m.updated_at = Set(Utc::now());
    let res = watch_items::Entity::update_many()
        .set(m)
        .filter(watch_items::Column::Id.eq(id))
        .filter(watch_items::Column::Version.eq(row.version))
        .exec(&txn)
        .await?;
    if res.rows_affected != 1 {
        return Err(AppError::PreconditionFailed { current: row.version + 1 });
    }
    let entry = AuditEntry::by(actor, "watch_item.update", "watch_item", id).delegation(row.delegation_id);
    audit::record(&txn, entry.changes(changes.into())).await?;
    let updated = watch_items::Entity::find_by_id(id).one(&txn).await?.ok_or(AppError::NotFound("watch item"))?;
    txn.commit().await?;
    views(db, vec![updated]).await?.pop().ok_or(AppError::NotFound("watch item"))
}

pub async fn delete(db: &DatabaseConnection, actor: &Actor, id: Uuid) -> AppResult<()> {
    authorize(actor, Operation::ReadDelegationRecords)?;
    let (_write, txn) = crate::db::begin_write(db).await?;
    let row = find_readable(&txn, actor, id).await?;
    if !can_write(actor, DelegationId::from_uuid(row.delegation_id)) {
        return Err(AppError::Forbidden);
    }
    watch_items::Entity::delete_by_id(id).exec(&txn).await?;
    let entry = AuditEntry::by(actor, "watch_item.delete", "watch_item", id).delegation(row.delegation_id);
    audit::record(&txn, entry.changes(json!({"topic_id": row.topic_id}))).await?;
    txn.commit().await?;
    Ok(())
}
