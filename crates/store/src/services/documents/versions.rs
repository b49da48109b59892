//! A document's versions: adding one (an uploaded file and/or a Markdown body), listing them, and what a
//! download serves. The file's type is found from its bytes (`content::sniff`); its text is extracted
//! off the async runtime; the bytes are stored under their content address BEFORE the version row is
//! written in the audited transaction, so a row never points at a file that is not there (an orphan
//! file from a failed transaction is harmless: see `crate::storage`).

use bytes::Bytes;
use chrono::Utc;
use gmc_domain::policy::{authorize, Operation};
use gmc_domain::{Actor, ValidationErrors};
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Set};
use serde_json::json;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::content::{self, FileKind};
use super::view::{self, DocumentDetailView, DocumentVersionView};
use super::{audit_entry, find_writable_document, search_index};
use crate::audit::AuditedTxn;
use crate::entities::{document_versions, documents};
use crate::services::access::find_readable;
use crate::storage::{key_for, BlobStore};
use crate::{AppError, AppResult};

/// A file as received (its size already held to the limit by the caller, which reads it).
#[derive(Debug, Clone)]
pub struct UploadedFile {
    /// The name the client gave (shown and offered on download; never trusted for the type).
    pub name: String,
    pub bytes: Bytes,
}

/// The parts of a new version; at least one.
#[derive(Debug, Clone, Default)]
pub struct VersionUpload {
    pub file: Option<UploadedFile>,
    pub body_markdown: Option<String>,
}

/// What `GET …/download` serves: a stored file (by key), or the Markdown body as a `.md` file.
#[derive(Debug, Clone)]
pub struct Download {
    pub file_name: String,
    pub media_type: String,
    pub byte_size: Option<i64>,
    pub storage_key: Option<String>,
    pub body: Option<String>,
}

struct Stored {
    name: String,
    kind: FileKind,
    size: i64,
    sha256: String,
    key: String,
    text: Option<String>,
    warning: Option<String>,
}

/// Checks the file's content and reads its text; every problem is the `file` field's.
async fn inspect(
    e: &mut ValidationErrors,
    file: UploadedFile,
) -> AppResult<Option<(UploadedFile, FileKind, Result<String, String>)>> {
    if file.bytes.is_empty() {
        e.add("file", "empty", "is empty (0 bytes)");
        return Ok(None);
    }
    let Some(kind) = content::sniff(&file.bytes) else {
        e.add("file", "unsupported_type", "must be a PDF, DOCX, XLSX or Markdown file (judged from its content)");
        return Ok(None);
    };
    let bytes = file.bytes.clone();
    // PDF parsing is CPU work: off the async workers, and a panic in it is a warning, not a 500.
    let text = tokio::task::spawn_blocking(move || content::extract(kind, &bytes))
        .await
        .unwrap_or_else(|_| Err("the file's text could not be read".to_owned()));
    // PostgreSQL text cannot hold NUL; a stray one in a PDF's text must not fail the upload.
    let text = text.map(|t| t.replace('\0', ""));
    Ok(Some((file, kind, text)))
}

pub async fn add_version(
    db: &DatabaseConnection,
    storage: &dyn BlobStore,
    actor: &Actor,
    id: Uuid,
    upload: VersionUpload,
) -> AppResult<DocumentDetailView> {
    authorize(actor, Operation::ReadDelegationRecords)?;
    let current = find_writable_document(db, actor, id).await?;
    let mut e = ValidationErrors::new();
    let body = super::fields::body(&mut e, "body_markdown", upload.body_markdown.as_deref());
    let inspected = match upload.file {
        Some(file) => inspect(&mut e, file).await?,
        None => None,
    };
    if e.is_empty() && inspected.is_none() && body.is_none() {
        e.add("file", "required", "send a file, a Markdown body, or both");
    }
    e.finish()?;
    let stored = match inspected {
        Some((file, kind, text)) => {
            let sha256 = hex::encode(Sha256::digest(&file.bytes));
            let key = key_for(&sha256);
            let size = i64::try_from(file.bytes.len()).unwrap_or(i64::MAX);
            // The file first: see the module comment.
            storage.put(&key, file.bytes).await.map_err(AppError::Internal)?;
            let (text, warning) = match text {
                Ok(t) => (Some(t), None),
                Err(w) => (None, Some(w)),
            };
            Some(Stored { name: content::clean_file_name(&file.name), kind, size, sha256, key, text, warning })
        }
        None => None,
    };
    let number = current.current_version + 1;
    let now = Utc::now();
    let txn = AuditedTxn::begin(db).await?;
    // Claims the number: a concurrent upload that read the same current version changes no row here.
    let res = documents::Entity::update_many()
        .col_expr(documents::Column::CurrentVersion, number.into())
        .col_expr(documents::Column::Version, (current.version + 1).into())
        .col_expr(documents::Column::UpdatedAt, now.into())
        .filter(documents::Column::Id.eq(id))
        .filter(documents::Column::CurrentVersion.eq(current.current_version))
        .exec(&txn)
        .await?;
    if res.rows_affected != 1 {
        return Err(AppError::Conflict("another version was added at the same time; reload and try again".into()));
    }
    document_versions::ActiveModel {
        id: Set(Uuid::now_v7()),
        document_id: Set(id),
        number: Set(number),
        body_markdown: Set(body.clone()),
        file_name: Set(stored.as_ref().map(|s| s.name.clone())),
        media_type: Set(stored.as_ref().map(|s| s.kind.media_type().to_owned())),
        byte_size: Set(stored.as_ref().map(|s| s.size)),
        sha256: Set(stored.as_ref().map(|s| s.sha256.clone())),
        storage_key: Set(stored.as_ref().map(|s| s.key.clone())),
        extracted_text: Set(stored.as_ref().and_then(|s| s.text.clone())),
        extraction_warning: Set(stored.as_ref().and_then(|s| s.warning.clone())),
        created_by: Set(actor.user_id.as_uuid()),
        created_at: Set(now),
    }
    .insert(&txn)
    .await?;
    search_index::refresh(&txn, id).await?;
    let changes = json!({"number": number, "file_name": stored.as_ref().map(|s| &s.name),
        "media_type": stored.as_ref().map(|s| s.kind.media_type()), "byte_size": stored.as_ref().map(|s| s.size),
        "sha256": stored.as_ref().map(|s| &s.sha256), "body_chars": body.map(|b| b.chars().count()),
        "extraction_warning": stored.as_ref().and_then(|s| s.warning.clone())});
    let entry = audit_entry(actor, "document.version", &current).changes(changes);
    let updated = documents::Entity::find_by_id(id).one(&txn).await?.ok_or(AppError::NotFound("document"))?;
    let detail = view::detail(&txn, actor, updated).await?;
    txn.commit(entry).await?;
    Ok(detail)
}

/// A readable document's versions, oldest first.
pub async fn versions(db: &DatabaseConnection, actor: &Actor, id: Uuid) -> AppResult<Vec<DocumentVersionView>> {
    authorize(actor, Operation::ReadDelegationRecords)?;
    let doc: documents::Model = find_readable(db, actor, id).await?;
    let rows = document_versions::Entity::find()
        .filter(document_versions::Column::DocumentId.eq(doc.id))
        .order_by_asc(document_versions::Column::Number)
        .all(db)
        .await?;
    Ok(rows.iter().map(view::version_view).collect())
}

/// What to send for one version of a readable document (404 for an unreadable document or a missing
/// version alike).
pub async fn download(db: &DatabaseConnection, actor: &Actor, id: Uuid, number: i32) -> AppResult<Download> {
    authorize(actor, Operation::ReadDelegationRecords)?;
    let doc: documents::Model = find_readable(db, actor, id).await?;
    let v = document_versions::Entity::find()
        .filter(document_versions::Column::DocumentId.eq(doc.id))
        .filter(document_versions::Column::Number.eq(number))
        .one(db)
        .await?
        .ok_or(AppError::NotFound("document version"))?;
    if let (Some(key), Some(name), Some(media)) = (v.storage_key, v.file_name, v.media_type) {
        return Ok(Download {
            file_name: name,
            media_type: media,
            byte_size: v.byte_size,
            storage_key: Some(key),
            body: None,
        });
    }
    let body = v.body_markdown.ok_or(AppError::NotFound("document version"))?;
    Ok(Download {
        file_name: format!("{}-v{number}.md", doc.title),
        media_type: "text/markdown; charset=utf-8".to_owned(),
        byte_size: i64::try_from(body.len()).ok(),
        storage_key: None,
        body: Some(body),
    })
}
