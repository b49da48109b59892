//! The topic catalogue: listing with filters, search and keyset pages; admin create, change, delete.

use std::collections::HashMap;

use chrono::Utc;
use gmc_domain::error::parse_enum;
use gmc_domain::ids::TopicId;
use gmc_domain::policy::{authorize, Operation};
use gmc_domain::reference::{TopicKind, TopicStatus};
use gmc_domain::topic::{NewTopic, TopicInput, TopicPatch, TopicPatchInput};
use gmc_domain::{Actor, ValidationErrors};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, IntoActiveModel, PaginatorTrait,
    QueryFilter, QuerySelect, Set,
};
use serde_json::json;
use uuid::Uuid;

use super::reference_checks as checks;
use super::search_text;
use crate::audit::{AuditEntry, AuditedTxn};
use crate::catalogue::{topic_view, Catalogue};
use crate::cursor::{KeyType, KeyValue, Page, Paging, Sort};
use crate::entities::topics;
use crate::error::check_version;
use crate::views::TopicView;
use crate::{AppError, AppResult};

#[derive(Debug, Default, Clone)]
pub struct TopicFilter {
    pub kind: Option<String>,
    pub status: Option<String>,
    /// The parent topic's id or code.
    pub parent: Option<String>,
    pub q: Option<String>,
    /// One of `TopicSort`, `-` first for descending; default: by code.
    pub sort: Option<String>,
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

crate::sort_fields!(
    /// What the catalogue may be sorted by.
    TopicSort {
        Code => "code",
        Title => "title",
    }
);

pub async fn list(
    db: &DatabaseConnection,
    catalogue: &Catalogue,
    actor: &Actor,
    f: TopicFilter,
) -> AppResult<Page<TopicView>> {
    authorize(actor, Operation::ReadReference)?;
    let mut e = ValidationErrors::new();
    let filters = TopicFilter { sort: None, limit: None, cursor: None, ..f.clone() };
    let page = (f.limit, f.sort.as_deref(), f.cursor.as_deref());
    let paging = Paging::check(&mut e, page, Sort::asc(TopicSort::Code), &filters);
    let kind = f.kind.as_deref().and_then(|k| e.check("kind", parse_enum::<TopicKind>(k)));
    let status = f.status.as_deref().and_then(|s| e.check("status", parse_enum::<TopicStatus>(s)));
    let q = e.check("q", search_text(f.q.as_deref())).flatten().map(|q| q.to_lowercase());
    let all = catalogue.topics(db).await?;
    let parent = match f.parent.as_deref() {
        Some(p) => {
            let found =
                all.iter().find(|t| t.code.eq_ignore_ascii_case(p.trim()) || t.id.to_string() == p).map(|t| t.id);
            if found.is_none() {
                e.add("parent", "unknown", "names no topic");
            }
            found
        }
        None => None,
    };
    let Some(paging) = paging else {
        return Err(e.into());
    };
    e.finish()?;
    let matches = |t: &&TopicView| {
        kind.is_none_or(|k| t.kind == k)
            && status.is_none_or(|s| t.status == s)
            && parent.is_none_or(|p| t.parent_id == Some(p))
            && q.as_ref().is_none_or(|q| {
                t.code.to_lowercase().contains(q)
                    || t.title.to_lowercase().contains(q)
                    || t.description.to_lowercase().contains(q)
            })
    };
    // The catalogue is a small cached snapshot: filtered and sorted here, in the same order SQL would.
    let rows: Vec<TopicView> = all.iter().filter(matches).cloned().collect();
    let field = paging.sort.field;
    let key = |t: &TopicView| {
        let k = match field {
            Some(TopicSort::Code) => KeyValue::Text(t.code.clone()),
            Some(TopicSort::Title) => KeyValue::Text(t.title.clone()),
            None => KeyValue::Null,
        };
        (k, t.id)
    };
    Ok(paging.in_memory(rows, KeyType::Text, key)?)
}

/// Finds a topic by UUID or by code.
pub(crate) async fn resolve<C: ConnectionTrait>(db: &C, id_or_code: &str) -> AppResult<Option<topics::Model>> {
    let q = match Uuid::parse_str(id_or_code) {
        Ok(id) => topics::Entity::find_by_id(id),
        Err(_) => topics::Entity::find().filter(topics::Column::Code.eq(id_or_code.trim().to_ascii_uppercase())),
    };
    Ok(q.one(db).await?)
}

pub async fn get(db: &DatabaseConnection, actor: &Actor, id_or_code: &str) -> AppResult<TopicView> {
    authorize(actor, Operation::ReadReference)?;
    topic_view(resolve(db, id_or_code).await?.ok_or(AppError::NotFound("topic"))?)
}

pub async fn create(
    db: &DatabaseConnection,
    catalogue: &Catalogue,
    actor: &Actor,
    input: TopicInput,
) -> AppResult<TopicView> {
    authorize(actor, Operation::ManageTopics)?;
    let new = NewTopic::parse(input)?;
    let txn = AuditedTxn::begin(db).await?;
    let model = insert(&txn, new).await?;
    let changes = json!({"code": model.code, "title": model.title, "kind": model.kind, "status": model.status});
    txn.commit(AuditEntry::by(actor, "topic.create", "topic", model.id).changes(changes)).await?;
    catalogue.invalidate();
    topic_view(model)
}

/// Checks a new topic against the catalogue (its parent exists, its code is free) and inserts it on
/// `db` — the create's transaction, or an import's (`services::topic_import`).
pub(crate) async fn insert<C: ConnectionTrait>(db: &C, new: NewTopic) -> AppResult<topics::Model> {
    if let Some(parent) = new.parent_id {
        let mut e = ValidationErrors::new();
        checks::topic(db, &mut e, "parent_id", parent.as_uuid()).await?;
        e.finish()?;
    }
    if resolve(db, new.code.as_str()).await?.is_some() {
        return Err(ValidationErrors::single("code", "taken", "is already used by another topic").into());
    }
    let now = Utc::now();
    Ok(topics::ActiveModel {
        id: Set(TopicId::new().as_uuid()),
        code: Set(new.code.into_string()),
        title: Set(new.title),
        kind: Set(new.kind.into()),
        wto_body: Set(new.wto_body),
        parent_id: Set(new.parent_id.map(|p| p.as_uuid())),
        description: Set(new.description),
        status: Set(new.status.into()),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(db)
    .await?)
}

pub async fn update(
    db: &DatabaseConnection,
    catalogue: &Catalogue,
    actor: &Actor,
    id_or_code: &str,
    input: TopicPatchInput,
    if_match: Option<i32>,
) -> AppResult<TopicView> {
    authorize(actor, Operation::ManageTopics)?;
    let patch = TopicPatch::parse(input)?;
    let txn = AuditedTxn::begin(db).await?;
    let current = resolve(&txn, id_or_code).await?.ok_or(AppError::NotFound("topic"))?;
    check_version(if_match, current.version)?;
    let (updated, changes) = apply_patch(&txn, &current, patch).await?;
    txn.commit(AuditEntry::by(actor, "topic.update", "topic", current.id).changes(changes)).await?;
    catalogue.invalidate();
    topic_view(updated)
}

/// Applies a checked patch to `current` on `db` (the update's transaction, or an import's), guarded by
/// the version it was read at. Answers the updated row and the audit changes (`{field: {from, to}}`).
pub(crate) async fn apply_patch<C: ConnectionTrait>(
    db: &C,
    current: &topics::Model,
    patch: TopicPatch,
) -> AppResult<(topics::Model, serde_json::Value)> {
    if let Some(Some(parent)) = patch.parent_id {
        check_parent(db, current.id, parent.as_uuid()).await?;
    }
    let mut changes = serde_json::Map::new();
    let mut m = current.clone().into_active_model();
    if let Some(v) = patch.title {
        changes.insert("title".into(), json!({"from": current.title, "to": v}));
        m.title = Set(v);
    }
    if let Some(v) = patch.kind {
        changes.insert("kind".into(), json!({"from": current.kind, "to": v.as_str()}));
        m.kind = Set(v.into());
    }
    if let Some(v) = patch.wto_body {
        changes.insert("wto_body".into(), json!({"from": current.wto_body, "to": v}));
        m.wto_body = Set(v);
    }
    if let Some(v) = patch.parent_id {
        let v = v.map(|p| p.as_uuid());
        changes.insert("parent_id".into(), json!({"from": current.parent_id, "to": v}));
        m.parent_id = Set(v);
    }
    if let Some(v) = patch.description {
        changes.insert("description".into(), json!({"from": current.description, "to": v}));
        m.description = Set(v);
    }
    if let Some(v) = patch.status {
        changes.insert("status".into(), json!({"from": current.status, "to": v.as_str()}));
        m.status = Set(v.into());
    }
    m.version = Set(current.version + 1);
    m.updated_at = Set(Utc::now());
    // The version guard in the WHERE clause makes a concurrent update lose cleanly (412), not silently.
    let res = topics::Entity::update_many()
        .set(m)
        .filter(topics::Column::Id.eq(current.id))
        .filter(topics::Column::Version.eq(current.version))
        .exec(db)
        .await?;
    if res.rows_affected != 1 {
        return Err(AppError::PreconditionFailed { current: current.version + 1 });
    }
    let updated = topics::Entity::find_by_id(current.id).one(db).await?.ok_or(AppError::NotFound("topic"))?;
    Ok((updated, changes.into()))
}

/// A topic cannot be its own ancestor.
async fn check_parent<C: ConnectionTrait>(db: &C, id: Uuid, parent: Uuid) -> AppResult<()> {
    let mut cursor = Some(parent);
    let mut hops = 0;
    while let Some(p) = cursor {
        if p == id || hops > 64 {
            return Err(ValidationErrors::single("parent_id", "cycle", "would make the topic its own ancestor").into());
        }
        let row = topics::Entity::find_by_id(p).one(db).await?;
        let Some(row) = row else {
            return Err(ValidationErrors::single("parent_id", "unknown", "names no topic").into());
        };
        cursor = row.parent_id;
        hops += 1;
    }
    Ok(())
}

pub async fn delete(db: &DatabaseConnection, catalogue: &Catalogue, actor: &Actor, id_or_code: &str) -> AppResult<()> {
    authorize(actor, Operation::ManageTopics)?;
    let txn = AuditedTxn::begin(db).await?;
    let current = resolve(&txn, id_or_code).await?.ok_or(AppError::NotFound("topic"))?;
    let children = topics::Entity::find().filter(topics::Column::ParentId.eq(current.id)).count(&txn).await?;
    if children > 0 {
        return Err(AppError::Conflict(format!("the topic has {children} sub-topics; move or delete them first")));
    }
    topics::Entity::delete_by_id(current.id).exec(&txn).await.map_err(|e| match AppError::from(e) {
        AppError::Conflict(_) => {
            AppError::Conflict("the topic is still referred to (e.g. by watch-list entries)".into())
        }
        other => other,
    })?;
    txn.commit(AuditEntry::by(actor, "topic.delete", "topic", current.id).changes(json!({"code": current.code})))
        .await?;
    catalogue.invalidate();
    Ok(())
}

/// Every topic's id by code: how the in-process read models (the board, the registry) resolve the
/// `topic` filter without a query.
#[derive(Debug, Default, Clone)]
pub struct TopicCodes(HashMap<String, Uuid>);

impl TopicCodes {
    pub async fn load<C: ConnectionTrait>(db: &C) -> AppResult<Self> {
        let rows = topics::Entity::find()
            .select_only()
            .columns([topics::Column::Code, topics::Column::Id])
            .into_tuple::<(String, Uuid)>()
            .all(db)
            .await?;
        Ok(TopicCodes(rows.into_iter().collect()))
    }

    /// As the lists' `topic` filter reads it: an id as given, a code looked up in any case; an unknown
    /// code the nil id, which no record has.
    pub fn resolve(&self, topic: &str) -> Uuid {
        Uuid::parse_str(topic)
            .unwrap_or_else(|_| self.0.get(&topic.trim().to_ascii_uppercase()).copied().unwrap_or(Uuid::nil()))
    }
}
