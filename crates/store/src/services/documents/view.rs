//! A document and its versions as the API sends them, and how rows become them: the owner's and
//! topics' names with one query each for a whole page, and whether this caller may change it, decided
//! by the same policy the writes go through.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use gmc_domain::document::DocumentKind;
use gmc_domain::ids::DelegationId;
use gmc_domain::policy::can_write_document;
use gmc_domain::{Actor, Visibility};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use serde::Serialize;
use uuid::Uuid;

use crate::entities::{delegations, document_topics, document_versions, documents, topics};
use crate::services::prep::TopicRef;
use crate::{AppError, AppResult};

/// The delegation a document belongs to.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DocumentOwner {
    pub id: Uuid,
    pub name: String,
    /// The delegation's country (`BGD`).
    pub code: String,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = Document))]
pub struct DocumentView {
    pub id: Uuid,
    pub kind: DocumentKind,
    pub title: String,
    pub summary: String,
    /// `delegation`: the owning delegation only; `regional`: every signed-in member; `public`: everyone.
    pub visibility: Visibility,
    /// None for a platform-wide document (published by the secretariat's analysts and admins).
    pub owner: Option<DocumentOwner>,
    pub topics: Vec<TopicRef>,
    /// The number of the latest version; 0 while there is none.
    pub current_version: i32,
    /// Whether this caller may change the document and add versions.
    pub can_edit: bool,
    /// The optimistic-lock version (also the `ETag`).
    pub version: i32,
    pub created_by: Uuid,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// One version of a document: a Markdown body, a file, or both.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = DocumentVersion))]
pub struct DocumentVersionView {
    pub number: i32,
    /// The uploaded file's name (as given, cleaned of paths and control characters).
    pub file_name: Option<String>,
    /// The file's type, found from its content.
    pub media_type: Option<String>,
    pub byte_size: Option<i64>,
    /// Hex SHA-256 of the file.
    pub sha256: Option<String>,
    pub has_body: bool,
    /// Why the file yielded no searchable text (e.g. a PDF that could not be read).
    pub extraction_warning: Option<String>,
    pub created_by: Uuid,
    pub created_at: DateTime<Utc>,
}

/// A document with its current version and that version's Markdown body.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = DocumentDetail))]
pub struct DocumentDetailView {
    #[serde(flatten)]
    pub document: DocumentView,
    pub current: Option<DocumentVersionView>,
    /// The current version's Markdown body (render it as Markdown, never as HTML).
    pub body_markdown: Option<String>,
}

pub(super) fn version_view(v: &document_versions::Model) -> DocumentVersionView {
    DocumentVersionView {
        number: v.number,
        file_name: v.file_name.clone(),
        media_type: v.media_type.clone(),
        byte_size: v.byte_size,
        sha256: v.sha256.clone(),
        has_body: v.body_markdown.is_some(),
        extraction_warning: v.extraction_warning.clone(),
        created_by: v.created_by,
        created_at: v.created_at,
    }
}

/// Rows to views, in the same order.
pub(crate) async fn views<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    rows: Vec<documents::Model>,
) -> AppResult<Vec<DocumentView>> {
    let owner_ids: Vec<Uuid> = rows.iter().filter_map(|r| r.delegation_id).collect();
    let owners: HashMap<Uuid, delegations::Model> = if owner_ids.is_empty() {
        HashMap::new()
    } else {
        delegations::Entity::find()
            .filter(delegations::Column::Id.is_in(owner_ids))
            .all(db)
            .await?
            .into_iter()
            .map(|d| (d.id, d))
            .collect()
    };
    let ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
    let links = if ids.is_empty() {
        Vec::new()
    } else {
        document_topics::Entity::find().filter(document_topics::Column::DocumentId.is_in(ids)).all(db).await?
    };
    let topic_ids: Vec<Uuid> = links.iter().map(|l| l.topic_id).collect();
    let topic_rows: HashMap<Uuid, topics::Model> = if topic_ids.is_empty() {
        HashMap::new()
    } else {
        topics::Entity::find()
            .filter(topics::Column::Id.is_in(topic_ids))
            .all(db)
            .await?
            .into_iter()
            .map(|t| (t.id, t))
            .collect()
    };
    let mut doc_topics: HashMap<Uuid, Vec<TopicRef>> = HashMap::new();
    for link in &links {
        if let Some(t) = topic_rows.get(&link.topic_id) {
            let topic = TopicRef { id: t.id, code: t.code.clone(), title: t.title.clone() };
            doc_topics.entry(link.document_id).or_default().push(topic);
        }
    }
    Ok(rows
        .into_iter()
        .map(|r| {
            let mut topics = doc_topics.remove(&r.id).unwrap_or_default();
            topics.sort_by(|a, b| a.code.cmp(&b.code));
            let owner = r.delegation_id.and_then(|d| owners.get(&d)).map(|d| DocumentOwner {
                id: d.id,
                name: d.name.clone(),
                code: d.country_code.clone(),
            });
            DocumentView {
                id: r.id,
                kind: r.kind.0,
                title: r.title,
                summary: r.summary,
                visibility: r.visibility.0,
                owner,
                topics,
                current_version: r.current_version,
                can_edit: can_write_document(actor, r.delegation_id.map(DelegationId::from_uuid)),
                version: r.version,
                created_by: r.created_by,
                created_at: r.created_at,
                updated_at: r.updated_at,
            }
        })
        .collect())
}

pub(crate) async fn one<C: ConnectionTrait>(db: &C, actor: &Actor, row: documents::Model) -> AppResult<DocumentView> {
    views(db, actor, vec![row]).await?.pop().ok_or(AppError::NotFound("document"))
}

/// The document with its current version.
pub(super) async fn detail<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    row: documents::Model,
) -> AppResult<DocumentDetailView> {
    let current = document_versions::Entity::find()
        .filter(document_versions::Column::DocumentId.eq(row.id))
        .filter(document_versions::Column::Number.eq(row.current_version))
        .one(db)
        .await?;
    let id = row.id;
    let mut document = one(db, actor, row).await?;
    if !document.can_edit {
        // A deliverable of the analyst's open request (`policy::can_change_document`); lists never show
        // such a document to an analyst, so only the single record asks.
        let delivered = crate::services::access::delivered_for(db, actor, id).await?;
        let owner = document.owner.as_ref().map(|o| DelegationId::from_uuid(o.id));
        document.can_edit = gmc_domain::policy::can_change_document(actor, owner, delivered);
    }
    Ok(DocumentDetailView {
        document,
        current: current.as_ref().map(version_view),
        body_markdown: current.and_then(|v| v.body_markdown),
    })
}
