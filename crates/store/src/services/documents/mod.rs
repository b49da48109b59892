//! The document library (issue 10): documents owned by a delegation or published platform-wide, their
//! numbered versions (Markdown and/or an uploaded file kept in `crate::storage`), and full-text search.
//! Reads go through `read_condition` (the SQL form of the policy, shared with every other list); single
//! records through `access::find_readable`; writes are decided by `policy::can_write_document`.

pub mod content;
mod fields;
mod headline;
mod list;
pub mod search;
pub(crate) mod search_index;
mod syntax;
mod versions;
pub(crate) mod view;

pub use fields::{DocumentInput, DocumentPatch};
pub use list::{list, DocumentFilter, DocumentSort};
pub use search::{search, DocumentSearch, DocumentSearchHit, SnippetPart};
pub use versions::{add_version, download, versions, Download, UploadedFile, VersionUpload};
pub use view::{DocumentDetailView, DocumentOwner, DocumentVersionView, DocumentView};

use chrono::Utc;
use gmc_domain::ids::DelegationId;
use gmc_domain::policy::{authorize, Operation};
use gmc_domain::Actor;
use sea_orm::sea_query::Condition;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};
use serde_json::json;
use uuid::Uuid;

use crate::audit::{AuditEntry, AuditedTxn};
use crate::entities::{document_topics, document_versions, documents};
use crate::error::check_version;
use crate::services::access::{find_readable, find_writable, Guard, Guarded};
use crate::{AppError, AppResult};

/// The documents an actor may read, as SQL: own delegation's at any visibility, others' (and
/// platform-wide ones) by visibility.
pub(crate) fn read_condition(actor: &Actor) -> Condition {
    super::visibility::read_condition(actor, documents::Column::Visibility, documents::Column::DelegationId)
}

impl Guarded for documents::Model {
    const NOUN: &'static str = "document";

    fn guard(&self) -> AppResult<Guard> {
        Ok(Guard::Document {
            id: self.id,
            owner: self.delegation_id.map(DelegationId::from_uuid),
            visibility: self.visibility.0,
        })
    }
}

/// Whether the actor may add a version to the document (404 unreadable, 403 not writable) — asked
/// before an upload is read, so a refused caller costs no body.
pub async fn check_writable(db: &DatabaseConnection, actor: &Actor, id: Uuid) -> AppResult<()> {
    authorize(actor, Operation::ReadDelegationRecords)?;
    find_writable_document(db, actor, id).await.map(|_| ())
}

/// A readable document the actor may also change (403 otherwise): `policy::can_change_document`, through
/// the document's guard (a platform-wide document is written by analysts too, and a deliverable by the
/// analyst assigned to its open request).
pub(crate) async fn find_writable_document<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
) -> AppResult<documents::Model> {
    find_writable(db, actor, id).await
}

pub(crate) fn audit_entry<'a>(actor: &Actor, action: &'a str, row: &documents::Model) -> AuditEntry<'a> {
    let entry = AuditEntry::by(actor, action, "document", row.id);
    match row.delegation_id {
        Some(d) => entry.delegation(d),
        None => entry,
    }
}

pub async fn get(db: &DatabaseConnection, actor: &Actor, id: Uuid) -> AppResult<DocumentDetailView> {
    authorize(actor, Operation::ReadDelegationRecords)?;
    let row: documents::Model = find_readable(db, actor, id).await?;
    view::detail(db, actor, row).await
}

/// A document's full view, inside a transaction that wrote it.
pub(crate) async fn detail_of<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    row: documents::Model,
) -> AppResult<DocumentDetailView> {
    view::detail(db, actor, row).await
}

async fn set_topics<C: ConnectionTrait>(db: &C, id: Uuid, topics: &[Uuid]) -> AppResult<()> {
    document_topics::Entity::delete_many().filter(document_topics::Column::DocumentId.eq(id)).exec(db).await?;
    for topic in topics {
        document_topics::ActiveModel { document_id: Set(id), topic_id: Set(*topic) }.insert(db).await?;
    }
    Ok(())
}

pub async fn create(db: &DatabaseConnection, actor: &Actor, input: DocumentInput) -> AppResult<DocumentDetailView> {
    authorize(actor, Operation::PublishDocuments)?;
    let owner = fields::owner(db, actor, &input).await?;
    let f = fields::checked(db, owner, &input).await?;
    let txn = AuditedTxn::begin(db).await?;
    let (model, entry) = insert(&txn, actor, owner, f).await?;
    let view = view::detail(&txn, actor, model).await?;
    txn.commit(entry).await?;
    Ok(view)
}

/// Checks a new document's fields for an owner the caller was already allowed to file under by another
/// rule (a briefing deliverable: `policy::can_file_deliverable`), then inserts it in `txn`; the caller
/// records the returned audit entry in the same transaction.
pub(crate) async fn create_filed(
    db: &DatabaseConnection,
    txn: &AuditedTxn,
    actor: &Actor,
    owner: Uuid,
    input: &DocumentInput,
) -> AppResult<(documents::Model, AuditEntry<'static>)> {
    let f = fields::checked(db, Some(owner), input).await?;
    insert(txn, actor, Some(owner), f).await
}

async fn insert(
    txn: &AuditedTxn,
    actor: &Actor,
    owner: Option<Uuid>,
    f: fields::Checked,
) -> AppResult<(documents::Model, AuditEntry<'static>)> {
    let now = Utc::now();
    let id = Uuid::now_v7();
    let first = u8::from(f.body_markdown.is_some());
    let model = documents::ActiveModel {
        id: Set(id),
        kind: Set(f.kind.into()),
        title: Set(f.title),
        summary: Set(f.summary),
        visibility: Set(f.visibility.into()),
        delegation_id: Set(owner),
        created_by: Set(actor.user_id.as_uuid()),
        current_version: Set(i32::from(first)),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(txn)
    .await?;
    set_topics(txn, id, &f.topic_ids).await?;
    if let Some(body) = &f.body_markdown {
        document_versions::ActiveModel {
            id: Set(Uuid::now_v7()),
            document_id: Set(id),
            number: Set(1),
            body_markdown: Set(Some(body.clone())),
            file_name: Set(None),
            media_type: Set(None),
            byte_size: Set(None),
            sha256: Set(None),
            storage_key: Set(None),
            extracted_text: Set(None),
            extraction_warning: Set(None),
            created_by: Set(actor.user_id.as_uuid()),
            created_at: Set(now),
        }
        .insert(txn)
        .await?;
    }
    search_index::refresh(txn, id).await?;
    let changes = json!({"title": model.title, "kind": model.kind, "visibility": model.visibility,
        "delegation_id": model.delegation_id, "topic_ids": f.topic_ids, "body_chars": f.body_markdown.map(|b| b.chars().count())});
    let entry = audit_entry(actor, "document.create", &model).changes(changes);
    Ok((model, entry))
}

pub async fn update(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    patch: DocumentPatch,
    if_match: Option<i32>,
) -> AppResult<DocumentDetailView> {
    authorize(actor, Operation::ReadDelegationRecords)?;
    let current = find_writable_document(db, actor, id).await?;
    let (mut m, changes, topics) = fields::patched(db, &current, &patch).await?;
    check_version(if_match, current.version)?;
    let txn = AuditedTxn::begin(db).await?;
    m.version = Set(current.version + 1);
    m.updated_at = Set(Utc::now());
    let res = documents::Entity::update_many()
        .set(m)
        .filter(documents::Column::Id.eq(id))
        .filter(documents::Column::Version.eq(current.version))
        .exec(&txn)
        .await?;
    if res.rows_affected != 1 {
        return Err(AppError::PreconditionFailed { current: current.version + 1 });
    }
    if let Some(topics) = &topics {
        set_topics(&txn, id, topics).await?;
    }
    search_index::refresh(&txn, id).await?;
    let entry = audit_entry(actor, "document.update", &current).changes(changes);
    let updated = documents::Entity::find_by_id(id).one(&txn).await?.ok_or(AppError::NotFound("document"))?;
    let view = view::detail(&txn, actor, updated).await?;
    txn.commit(entry).await?;
    Ok(view)
}
