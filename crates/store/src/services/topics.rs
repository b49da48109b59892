//! The topic catalogue: listing with filters, search and keyset pages; admin create, change, delete.

use chrono::Utc;
use gmc_domain::error::{parse_enum, FieldProblem};
use gmc_domain::ids::TopicId;
use gmc_domain::page::Limit;
use gmc_domain::policy::{authorize, Operation};
use gmc_domain::reference::{TopicKind, TopicStatus};
use gmc_domain::topic::{NewTopic, TopicInput, TopicPatch, TopicPatchInput};
use gmc_domain::{Actor, ValidationErrors};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, IntoActiveModel, PaginatorTrait,
    QueryFilter, Set,
};
use serde_json::json;
use uuid::Uuid;

use super::search_text;
use crate::audit::{self, AuditEntry};
use crate::catalogue::Catalogue;
use crate::cursor::{self, Cursor, Page};
use crate::entities::topics;
use crate::error::{check_version, stored};
use crate::views::TopicView;
use crate::{AppError, AppResult};

#[derive(Debug, Default, Clone)]
pub struct TopicFilter {
    pub kind: Option<String>,
    pub status: Option<String>,
    /// The parent topic's id or code.
    pub parent: Option<String>,
    pub q: Option<String>,
    /// `code` (default), `-code`, `title`, `-title`.
    pub sort: Option<String>,
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

#[derive(Clone, Copy)]
enum SortKey {
    Code,
    Title,
}

fn parse_sort(sort: Option<&str>) -> Result<(SortKey, bool), FieldProblem> {
    match sort.unwrap_or("code") {
        "code" => Ok((SortKey::Code, false)),
        "-code" => Ok((SortKey::Code, true)),
        "title" => Ok((SortKey::Title, false)),
        "-title" => Ok((SortKey::Title, true)),
        _ => Err(FieldProblem::new("invalid_choice", "must be one of: code, -code, title, -title")),
    }
}

pub(crate) fn view(t: topics::Model) -> AppResult<TopicView> {
    Ok(TopicView {
        kind: stored(&t.kind)?,
        status: stored(&t.status)?,
        id: t.id,
        code: t.code,
        title: t.title,
        wto_body: t.wto_body,
        parent_id: t.parent_id,
        description: t.description,
        version: t.version,
        created_at: t.created_at,
        updated_at: t.updated_at,
    })
}

pub async fn list(
    db: &DatabaseConnection,
    catalogue: &Catalogue,
    actor: &Actor,
    f: TopicFilter,
) -> AppResult<Page<TopicView>> {
    authorize(actor, Operation::ReadReference)?;
    let mut e = ValidationErrors::new();
    let limit = e.check("limit", Limit::parse(f.limit));
    let kind = f.kind.as_deref().and_then(|k| e.check("kind", parse_enum::<TopicKind>(k)));
    let status = f.status.as_deref().and_then(|s| e.check("status", parse_enum::<TopicStatus>(s)));
    let q = e.check("q", search_text(f.q.as_deref())).flatten().map(|q| q.to_lowercase());
    let sort = e.check("sort", parse_sort(f.sort.as_deref()));
    let cursor = e.check("cursor", cursor::parse(f.cursor.as_deref()));
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
    let (Some(limit), Some((key, descending)), Some(cursor)) = (limit, sort, cursor) else {
        return Err(e.into());
    };
    e.finish()?;

    // Borrowed keys: sorting and the cursor comparison allocate nothing.
    fn key_of(key: SortKey, t: &TopicView) -> (&str, Uuid) {
        match key {
            SortKey::Code => (t.code.as_str(), t.id),
            SortKey::Title => (t.title.as_str(), t.id),
        }
    }
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
    let mut rows: Vec<&TopicView> = all.iter().filter(matches).collect();
    // The snapshot is ordered by code already; other orders sort here.
    if !matches!(key, SortKey::Code) {
        rows.sort_by(|a, b| key_of(key, a).cmp(&key_of(key, b)));
    }
    if descending {
        rows.reverse();
    }
    // Keyset: rows strictly after (key, id) in the chosen direction.
    if let Some(c) = &cursor {
        let after = (c.k.as_deref().unwrap_or(""), c.id);
        rows.retain(|t| if descending { key_of(key, t) < after } else { key_of(key, t) > after });
    }
    rows.truncate(limit.get() as usize + 1);
    let rows: Vec<TopicView> = rows.into_iter().cloned().collect();
    Ok(Page::from_rows(
        rows,
        limit.get(),
        |t| {
            let (k, id) = key_of(key, t);
            Cursor { k: Some(k.to_owned()), id, s: String::new() }
        },
        |t| t,
    ))
}

/// Finds a topic by UUID or by code.
async fn resolve<C: ConnectionTrait>(db: &C, id_or_code: &str) -> AppResult<Option<topics::Model>> {
    let q = match Uuid::parse_str(id_or_code) {
        Ok(id) => topics::Entity::find_by_id(id),
        Err(_) => topics::Entity::find().filter(topics::Column::Code.eq(id_or_code.trim().to_ascii_uppercase())),
    };
    Ok(q.one(db).await?)
}

pub async fn get(db: &DatabaseConnection, actor: &Actor, id_or_code: &str) -> AppResult<TopicView> {
    authorize(actor, Operation::ReadReference)?;
    view(resolve(db, id_or_code).await?.ok_or(AppError::NotFound("topic"))?)
}

pub(crate) async fn exists<C: ConnectionTrait>(db: &C, id: Uuid) -> AppResult<bool> {
    Ok(topics::Entity::find_by_id(id).one(db).await?.is_some())
}

pub async fn create(
    db: &DatabaseConnection,
    catalogue: &Catalogue,
    actor: &Actor,
    input: TopicInput,
) -> AppResult<TopicView> {
    authorize(actor, Operation::ManageTopics)?;
    let new = NewTopic::parse(input)?;
    let (_write, txn) = crate::db::begin_write(db).await?;
    if let Some(parent) = new.parent_id {
        if !exists(&txn, parent.as_uuid()).await? {
            return Err(ValidationErrors::single("parent_id", "unknown", "names no topic").into());
        }
    }
    if resolve(&txn, new.code.as_str()).await?.is_some() {
        return Err(ValidationErrors::single("code", "taken", "is already used by another topic").into());
    }
    let now = Utc::now();
    let model = topics::ActiveModel {
        id: Set(TopicId::new().as_uuid()),
        code: Set(new.code.into_string()),
        title: Set(new.title),
        kind: Set(new.kind.as_str().to_owned()),
        wto_body: Set(new.wto_body),
        parent_id: Set(new.parent_id.map(|p| p.as_uuid())),
        description: Set(new.description),
        status: Set(new.status.as_str().to_owned()),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await?;
    let changes = json!({"code": model.code, "title": model.title, "kind": model.kind, "status": model.status});
    audit::record(&txn, AuditEntry::by(actor, "topic.create", "topic", model.id).changes(changes)).await?;
    txn.commit().await?;
    catalogue.invalidate();
    view(model)
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
    let (_write, txn) = crate::db::begin_write(db).await?;
    let current = resolve(&txn, id_or_code).await?.ok_or(AppError::NotFound("topic"))?;
    check_version(if_match, current.version)?;
    if let Some(Some(parent)) = patch.parent_id {
        check_parent(&txn, current.id, parent.as_uuid()).await?;
    }
    let mut changes = serde_json::Map::new();
    let mut m = current.clone().into_active_model();
    if let Some(v) = patch.title {
        changes.insert("title".into(), json!({"from": current.title, "to": v}));
        m.title = Set(v);
    }
    if let Some(v) = patch.kind {
        changes.insert("kind".into(), json!({"from": current.kind, "to": v.as_str()}));
        m.kind = Set(v.as_str().to_owned());
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
        m.status = Set(v.as_str().to_owned());
    }
    m.version = Set(current.version + 1);
    m.updated_at = Set(Utc::now());
    // The version guard in the WHERE clause makes a concurrent update lose cleanly (412), not silently.
    let res = topics::Entity::update_many()
        .set(m)
        .filter(topics::Column::Id.eq(current.id))
        .filter(topics::Column::Version.eq(current.version))
        .exec(&txn)
        .await?;
    if res.rows_affected != 1 {
        return Err(AppError::PreconditionFailed { current: current.version + 1 });
    }
    let updated = topics::Entity::find_by_id(current.id).one(&txn).await?.ok_or(AppError::NotFound("topic"))?;
    audit::record(&txn, AuditEntry::by(actor, "topic.update", "topic", current.id).changes(changes.into())).await?;
    txn.commit().await?;
    catalogue.invalidate();
    view(updated)
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
    let (_write, txn) = crate::db::begin_write(db).await?;
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
    audit::record(
        &txn,
        AuditEntry::by(actor, "topic.delete", "topic", current.id).changes(json!({"code": current.code})),
    )
    .await?;
    txn.commit().await?;
    catalogue.invalidate();
    Ok(())
}
