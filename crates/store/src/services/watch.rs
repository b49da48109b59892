//! The delegation watch-list: each delegation's topics with notes, at a visibility. Reads go through
//! `read_condition`, the SQL form of `policy::read_scope`, so no list, filter or search can reach a
//! record the policy hides; single reads and writes check `policy::can_read` / `can_write`.

use std::collections::HashMap;

use chrono::Utc;
use gmc_domain::ids::{DelegationId, WatchItemId};
use gmc_domain::policy::{authorize, Operation, Ownership};
use gmc_domain::watch::{Priority, WatchFields};
use gmc_domain::{Actor, ValidationErrors, Visibility};
use sea_orm::sea_query::Condition;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, IntoActiveModel, QueryFilter, Set,
};
use serde_json::json;
use uuid::Uuid;

use super::reference_checks as checks;
use super::{contains_ci, search_text, topics};
use crate::audit::{AuditEntry, AuditedTxn};
use crate::cursor::{Key, KeyValue, Page, Paging, Sort};
use crate::entities::{delegations, topics as topic_rows, watch_items};
use crate::error::check_version;
use crate::services::access::{find_readable, find_writable, Guard, Guarded};
use crate::views::WatchItemView;
use crate::{AppError, AppResult};

/// The rows an actor may read, as SQL.
fn read_condition(actor: &Actor) -> Condition {
    super::visibility::read_condition(actor, watch_items::Column::Visibility, watch_items::Column::DelegationId)
}

impl Guarded for watch_items::Model {
    const NOUN: &'static str = "watch item";

    fn guard(&self) -> AppResult<Guard> {
        Ok(Guard::Owned(ownership(self)?))
    }
}

fn ownership(row: &watch_items::Model) -> AppResult<Ownership> {
    Ok(Ownership { delegation_id: DelegationId::from_uuid(row.delegation_id), visibility: row.visibility.0 })
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
                priority: r.priority.0,
                visibility: r.visibility.0,
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
    /// One of `WatchSort`, `-` first for descending; default: oldest entered first.
    pub sort: Option<String>,
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

crate::sort_fields!(
    /// What the watch-list may be sorted by.
    WatchSort {
        CreatedAt => "created_at",
        UpdatedAt => "updated_at",
    }
);

fn sort_key(field: WatchSort) -> Key<watch_items::Column> {
    match field {
        WatchSort::CreatedAt => Key::time(watch_items::Column::CreatedAt),
        WatchSort::UpdatedAt => Key::time(watch_items::Column::UpdatedAt),
    }
}

fn sort_value(field: Option<WatchSort>, w: &watch_items::Model) -> KeyValue {
    match field {
        None => KeyValue::Null,
        Some(WatchSort::CreatedAt) => KeyValue::Time(w.created_at),
        Some(WatchSort::UpdatedAt) => KeyValue::Time(w.updated_at),
    }
}

pub async fn list(db: &DatabaseConnection, actor: &Actor, f: WatchFilter) -> AppResult<Page<WatchItemView>> {
    authorize(actor, Operation::ReadDelegationRecords)?;
    let mut e = ValidationErrors::new();
    let filters = WatchFilter { sort: None, limit: None, cursor: None, ..f.clone() };
    // Without `sort`: by id, oldest entered first — the order the list always had.
    let paging = Paging::check(&mut e, (f.limit, f.sort.as_deref(), f.cursor.as_deref()), Sort::by_id(false), &filters);
    let q = e.check("q", search_text(f.q.as_deref())).flatten();
    let Some(paging) = paging else {
        return Err(e.into());
    };
    let mut query = watch_items::Entity::find().filter(read_condition(actor));
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
    let total = paging.total(db, &query).await?;
    let field = paging.sort.field;
    let query = paging.seek(query, db.get_database_backend(), field.map(sort_key), watch_items::Column::Id)?;
    let (rows, next_cursor) = paging.split(query.all(db).await?, |w| (sort_value(field, w), w.id));
    let items = views(db, rows).await?;
    Ok(Page { items, next_cursor, total })
}

pub async fn get(db: &DatabaseConnection, actor: &Actor, id: Uuid) -> AppResult<WatchItemView> {
    authorize(actor, Operation::ReadDelegationRecords)?;
    let row: watch_items::Model = find_readable(db, actor, id).await?;
    views(db, vec![row]).await?.pop().ok_or(AppError::NotFound("watch item"))
}

// The body of `POST /watch-items` (a plain comment: a doc comment would become the schema's description).
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = CreateWatchItemRequest))]
pub struct WatchInput {
    pub topic_id: Uuid,
    /// Admins name the delegation; members default to (and may only use) their own.
    pub delegation_id: Option<Uuid>,
    pub note: Option<String>,
    /// Default `medium`.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Priority>))]
    pub priority: Option<String>,
    /// Default `delegation`.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Visibility>))]
    pub visibility: Option<String>,
}

pub async fn create(db: &DatabaseConnection, actor: &Actor, input: WatchInput) -> AppResult<WatchItemView> {
    authorize(actor, Operation::WriteDelegationRecords)?;
    let fields = WatchFields::parse(input.note.as_deref(), input.priority.as_deref(), input.visibility.as_deref())?;
    let delegation = crate::services::visibility::owning_delegation(actor, input.delegation_id)?;
    let txn = AuditedTxn::begin(db).await?;
    let mut e = ValidationErrors::new();
    checks::delegation(&txn, &mut e, "delegation_id", delegation.as_uuid()).await?;
    checks::topic(&txn, &mut e, "topic_id", input.topic_id).await?;
    e.finish()?;
    let now = Utc::now();
    let model = watch_items::ActiveModel {
        id: Set(WatchItemId::new().as_uuid()),
        delegation_id: Set(delegation.as_uuid()),
        topic_id: Set(input.topic_id),
        note: Set(fields.note.unwrap_or_default()),
        priority: Set(fields.priority.unwrap_or(Priority::Medium).into()),
        visibility: Set(fields.visibility.unwrap_or(Visibility::Delegation).into()),
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
    txn.commit(entry.changes(changes)).await?;
    views(db, vec![model]).await?.pop().ok_or(AppError::NotFound("watch item"))
}

// The body of `PATCH /watch-items/{id}`.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = UpdateWatchItemRequest))]
pub struct WatchPatch {
    pub note: Option<String>,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Priority>))]
    pub priority: Option<String>,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Visibility>))]
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
    let txn = AuditedTxn::begin(db).await?;
    let row: watch_items::Model = find_writable(&txn, actor, id).await?;
    check_version(if_match, row.version)?;
    let mut changes = serde_json::Map::new();
    let mut m = row.clone().into_active_model();
    if let Some(v) = fields.note {
        changes.insert("note".into(), json!({"from": row.note, "to": v}));
        m.note = Set(v);
    }
    if let Some(v) = fields.priority {
        changes.insert("priority".into(), json!({"from": row.priority, "to": v.as_str()}));
        m.priority = Set(v.into());
    }
    if let Some(v) = fields.visibility {
        changes.insert("visibility".into(), json!({"from": row.visibility, "to": v.as_str()}));
        m.visibility = Set(v.into());
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
    let audit_entry = entry.changes(changes.into());
    let updated = watch_items::Entity::find_by_id(id).one(&txn).await?.ok_or(AppError::NotFound("watch item"))?;
    txn.commit(audit_entry).await?;
    views(db, vec![updated]).await?.pop().ok_or(AppError::NotFound("watch item"))
}

pub async fn delete(db: &DatabaseConnection, actor: &Actor, id: Uuid) -> AppResult<()> {
    authorize(actor, Operation::ReadDelegationRecords)?;
    let txn = AuditedTxn::begin(db).await?;
    let row: watch_items::Model = find_writable(&txn, actor, id).await?;
    watch_items::Entity::delete_by_id(id).exec(&txn).await?;
    let entry = AuditEntry::by(actor, "watch_item.delete", "watch_item", id).delegation(row.delegation_id);
    txn.commit(entry.changes(json!({"topic_id": row.topic_id}))).await?;
    Ok(())
}
