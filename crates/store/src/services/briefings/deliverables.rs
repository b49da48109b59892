//! The documents delivered for a briefing request. The assigned analyst (or an admin) attaches a
//! document from the library while the work is open; delivering needs one. A deliverable must be
//! readable by the analyst attaching it and by the requesting delegation (`policy::
//! delegation_reads_owned`: the delegation's own document, or one shared `regional`/`public`), so a
//! delivered briefing never points the requester at a document it cannot open (docs/security.md).

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use gmc_domain::document::DocumentKind;
use gmc_domain::ids::DelegationId;
use gmc_domain::policy::{
    authorize, can_file_deliverable, can_read_document, can_read_owned, delegation_reads_owned, DeliveredFor, Operation,
};
use gmc_domain::{Actor, Role, ValidationErrors, Visibility};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use serde::{Deserialize, Serialize};
use serde_json::json;
use uuid::Uuid;

use crate::audit::AuditedTxn;
use crate::entities::{briefing_deliverables, briefing_request_topics, briefing_requests, documents};
use crate::services::access::{find_readable, find_visible};
use crate::{AppError, AppResult};

// The body of `POST /briefing-requests/{id}/deliverables`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = BriefingDeliverableRequest))]
pub struct DeliverableInput {
    /// A document of the library, readable by the caller and by the requesting delegation.
    pub document_id: Uuid,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = BriefingDeliverable))]
pub struct DeliverableView {
    pub document_id: Uuid,
    pub title: String,
    pub kind: DocumentKind,
    pub visibility: Visibility,
    pub created_at: DateTime<Utc>,
    pub created_by: Option<Uuid>,
}

/// How many documents are attached (delivering needs one).
pub(super) async fn count<C: ConnectionTrait>(db: &C, id: Uuid) -> AppResult<u64> {
    Ok(briefing_deliverables::Entity::find()
        .filter(briefing_deliverables::Column::BriefingRequestId.eq(id))
        .count(db)
        .await?)
}

fn readable_by(actor: &Actor, d: &documents::Model) -> bool {
    can_read_owned(actor, d.delegation_id.map(DelegationId::from_uuid), d.visibility.0)
}

/// What the request's deliverables are to the actor: its assigned analyst reads them all
/// (`policy::can_read_document`), even a `delegation`-level one filed under the requesting delegation.
fn delivered_to(actor: &Actor, request: &briefing_requests::Model) -> DeliveredFor {
    if actor.role == Role::Analyst && request.assigned_to == Some(actor.user_id.as_uuid()) {
        DeliveredFor::Assigned { open: request.status.0.is_open_work() }
    } else {
        DeliveredFor::NotAssigned
    }
}

/// The deliverables, oldest first — only those documents the caller may read now (a document's
/// visibility may have changed since it was attached; its title must not leak).
pub async fn deliverables(db: &DatabaseConnection, actor: &Actor, id: Uuid) -> AppResult<Vec<DeliverableView>> {
    authorize(actor, Operation::ReadDelegationRecords)?;
    let request: briefing_requests::Model = find_readable(db, actor, id).await?;
    let delivered = delivered_to(actor, &request);
    let links = briefing_deliverables::Entity::find()
        .filter(briefing_deliverables::Column::BriefingRequestId.eq(id))
        .order_by_asc(briefing_deliverables::Column::CreatedAt)
        .all(db)
        .await?;
    if links.is_empty() {
        return Ok(Vec::new());
    }
    let docs: HashMap<Uuid, documents::Model> = documents::Entity::find()
        .filter(documents::Column::Id.is_in(links.iter().map(|l| l.document_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|d| (d.id, d))
        .collect();
    Ok(links
        .into_iter()
        .filter_map(|l| {
            let d = docs.get(&l.document_id).filter(|d| {
                can_read_document(actor, d.delegation_id.map(DelegationId::from_uuid), d.visibility.0, delivered)
            })?;
            Some(DeliverableView {
                document_id: d.id,
                title: d.title.clone(),
                kind: d.kind.0,
                visibility: d.visibility.0,
                created_at: l.created_at,
                created_by: l.created_by,
            })
        })
        .collect())
}

pub async fn attach(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    input: DeliverableInput,
) -> AppResult<Vec<DeliverableView>> {
    authorize(actor, Operation::WorkBriefings)?;
    let request: briefing_requests::Model = find_visible(db, actor, id).await?;
    let assignee = actor.role == Role::Analyst && request.assigned_to == Some(actor.user_id.as_uuid());
    if !(assignee || actor.role == Role::Admin) {
        return Err(AppError::Forbidden);
    }
    if !request.status.0.is_open_work() {
        return Err(AppError::Conflict(format!(
            "the request is {}: documents are attached while the work is open",
            request.status.0
        )));
    }
    // An unreadable document is answered as a missing one: the check tells nothing of the library.
    let doc = documents::Entity::find_by_id(input.document_id).one(db).await?.filter(|d| readable_by(actor, d));
    let Some(doc) = doc else {
        return Err(ValidationErrors::single("document_id", "unknown", "names no document you may read").into());
    };
    let requester = DelegationId::from_uuid(request.delegation_id);
    if !delegation_reads_owned(requester, doc.delegation_id.map(DelegationId::from_uuid), doc.visibility.0) {
        return Err(ValidationErrors::single(
            "document_id",
            "not_shared",
            "the requesting delegation could not read it: share it `regional` or `public`, or file it under that delegation",
        )
        .into());
    }
    let exists = briefing_deliverables::Entity::find_by_id((id, doc.id)).one(db).await?;
    if exists.is_some() {
        return Err(AppError::Conflict("the document is already attached".into()));
    }
    let txn = AuditedTxn::begin(db).await?;
    briefing_deliverables::ActiveModel {
        briefing_request_id: Set(id),
        document_id: Set(doc.id),
        created_at: Set(Utc::now()),
        created_by: Set(Some(actor.user_id.as_uuid())),
    }
    .insert(&txn)
    .await?;
    let entry =
        super::audit_entry(actor, "briefing_request.deliverable", &request).changes(json!({"document_id": doc.id}));
    txn.commit(entry).await?;
    deliverables(db, actor, id).await
}

// The body of `POST /briefing-requests/{id}/deliverable-documents`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = BriefingDeliverableDocumentRequest))]
pub struct NewDeliverableInput {
    /// The document's title (1–200 characters).
    pub title: String,
    /// A short summary (at most 1,000 characters).
    #[serde(default)]
    pub summary: String,
}

/// Files a new document under the requesting delegation — of the request's kind, on its topics, at its
/// visibility — and attaches it, in one transaction; the file is then uploaded as its first version
/// (`POST /documents/{id}/versions`), which the assigned analyst may do while the work is open. This is
/// how a `delegation`-level request gets a deliverable only that delegation (and its analyst) reads:
/// the analyst cannot publish a delegation's document through the library (`policy::can_write_document`).
pub async fn file_document(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    input: NewDeliverableInput,
) -> AppResult<crate::services::documents::DocumentDetailView> {
    authorize(actor, Operation::WorkBriefings)?;
    let request: briefing_requests::Model = find_visible(db, actor, id).await?;
    if !can_file_deliverable(actor, super::facts(&request), true) {
        return Err(AppError::Forbidden);
    }
    if !request.status.0.is_open_work() {
        return Err(AppError::Conflict(format!(
            "the request is {}: documents are attached while the work is open",
            request.status.0
        )));
    }
    let topic_ids: Vec<Uuid> = briefing_request_topics::Entity::find()
        .select_only()
        .column(briefing_request_topics::Column::TopicId)
        .filter(briefing_request_topics::Column::BriefingRequestId.eq(id))
        .into_tuple()
        .all(db)
        .await?;
    let doc = crate::services::documents::DocumentInput {
        kind: request.kind.0.as_str().to_owned(),
        title: input.title,
        summary: input.summary,
        visibility: request.visibility.0.as_str().to_owned(),
        delegation_id: Some(request.delegation_id),
        topic_ids,
        body_markdown: None,
    };
    let txn = AuditedTxn::begin(db).await?;
    let (model, created) =
        crate::services::documents::create_filed(db, &txn, actor, request.delegation_id, &doc).await?;
    briefing_deliverables::ActiveModel {
        briefing_request_id: Set(id),
        document_id: Set(model.id),
        created_at: Set(Utc::now()),
        created_by: Set(Some(actor.user_id.as_uuid())),
    }
    .insert(&txn)
    .await?;
    txn.record(created).await?;
    let document_id = model.id;
    let view = crate::services::documents::detail_of(&txn, actor, model).await?;
    let entry = super::audit_entry(actor, "briefing_request.deliverable", &request)
        .changes(json!({"document_id": document_id, "filed": true}));
    txn.commit(entry).await?;
    Ok(view)
}
