//! A document's versions: the list, uploading a new one (`multipart/form-data`: a file and/or a Markdown
//! body) and downloading one. The upload is read part by part and a file is held only up to the upload
//! limit (setting `upload_max_bytes`, default 20 MB): past it the rest of the request is drained without
//! being kept, and the answer is a 422 naming `file`. The file's type is the store's to judge, from its
//! content (`gmc_store::services::documents::content`).

use actix_multipart::{Field, Multipart};
use actix_web::http::header;
use actix_web::{web, HttpRequest, HttpResponse};
use futures_util::StreamExt;
use gmc_domain::document::BODY_MAX;
use gmc_domain::FieldError;
use gmc_store::services::documents::content::content_disposition;
use gmc_store::services::documents::{self as svc, DocumentDetailView, UploadedFile, VersionUpload};
use gmc_store::AppError;
use uuid::Uuid;

#[allow(unused_imports)] // the form type is named in the `utoipa::path` attribute
use super::dto::{DocumentVersionForm, DocumentVersionList};
use crate::auth::Authed;
use crate::problem::ApiError;
use crate::responses as r;
use crate::state::AppState;

/// The versions of a document
///
/// Who: whoever may read the document (see `GET /documents/{id}`). Oldest first, each with its file's name, type,
/// size and checksum, whether it has a Markdown body, and any text-extraction warning.
///
/// Refuses: 401 without a valid credential; 403 for an API key without `read`; 404 for an unknown document or one
/// the caller may not read.
#[utoipa::path(get, path = "/documents/{id}/versions", tag = "documents", operation_id = "list_document_versions",
    params(("id" = Uuid, Path)), security(("bearer" = [])),
    responses((status = 200, description = "The versions, oldest first", body = DocumentVersionList),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Busy))]
pub async fn list_document_versions(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let items = svc::versions(&state.db, &actor, *id).await?;
    Ok(HttpResponse::Ok().json(DocumentVersionList { items }))
}

fn invalid(field: &str, code: &str, message: impl Into<String>) -> ApiError {
    ApiError::Invalid(vec![FieldError { field: field.into(), code: code.into(), message: message.into() }])
}

/// Reads a part into memory up to `max` bytes; `None` past it (the rest of the part is then drained,
/// up to `drain_max` bytes, so that the client reads the answer instead of a reset connection).
async fn read_part(field: &mut Field, max: usize, drain_max: usize) -> Result<Option<Vec<u8>>, ApiError> {
    let mut buf = Vec::new();
    let mut seen = 0usize;
    while let Some(chunk) = field.next().await {
        let chunk = chunk.map_err(|e| ApiError::BadRequest(format!("the upload could not be read: {e}")))?;
        seen = seen.saturating_add(chunk.len());
        if seen > max {
            buf = Vec::new();
            if seen > drain_max {
                break;
            }
            continue;
        }
        buf.extend_from_slice(&chunk);
    }
    Ok((seen <= max).then_some(buf))
}

/// Add a version
///
/// Who: as for changing the document (`PATCH /documents/{id}`). A `multipart/form-data` body with a `file` part (a
/// PDF, DOCX, XLSX or Markdown file, its type judged from its content, never its name or declared type) and/or a
/// `body_markdown` part. The file's text (PDF, DOCX, XLSX, Markdown) is extracted for search; a file whose text
/// cannot be read is kept with an `extraction_warning`. The new version becomes the current one. Uploads are not
/// covered by `Idempotency-Key` (send none: the key's check reads bodies only up to the JSON limit).
///
/// Refuses: 401 without a valid credential; 404 for an unknown document or one the caller may not read; 403 for one
/// the caller may read but not write; 413 for a body far over the upload limit (by its `Content-Length`); 422 naming
/// `file` for an empty file, a file over the limit or of another type (an executable named `report.pdf`), naming
/// `body_markdown` for an invalid body, and when neither is sent; 409 when another version was added meanwhile.
#[utoipa::path(post, path = "/documents/{id}/versions", tag = "documents", operation_id = "upload_document_version",
    params(("id" = Uuid, Path)),
    request_body(content = DocumentVersionForm, content_type = "multipart/form-data"), security(("bearer" = [])),
    responses((status = 201, description = "The document with its new current version", body = DocumentDetailView),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Conflict, r::PayloadTooLarge,
        r::UnsupportedMediaType, r::Invalid, r::Busy))]
pub async fn upload_document_version(
    req: HttpRequest,
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    // Who may upload is settled before the body is read.
    svc::check_writable(&state.db, &actor, *id).await?;
    let max = state.upload_max_bytes;
    // The Markdown part and the form's own framing come on top of the file.
    let drain_max = max.saturating_mul(2).saturating_add(BODY_MAX * 4);
    let declared =
        req.headers().get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()).and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > drain_max) {
        return Err(ApiError::PayloadTooLarge(max));
    }
    let is_multipart = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.to_ascii_lowercase().starts_with("multipart/form-data"));
    if !is_multipart {
        return Err(ApiError::UnsupportedMediaType);
    }
    let mut form = Multipart::new(req.headers(), payload);
    let mut upload = VersionUpload::default();
    let mut problems = Vec::new();
    while let Some(field) = form.next().await {
        let mut field = field.map_err(|e| ApiError::BadRequest(format!("the form could not be read: {e}")))?;
        let name = field.name().unwrap_or_default().to_owned();
        match name.as_str() {
            "file" => {
                let file_name = field
                    .content_disposition()
                    .and_then(|cd| cd.get_filename())
                    .map(str::to_owned)
                    .unwrap_or_else(|| "file".to_owned());
                match read_part(&mut field, max, drain_max).await? {
                    Some(bytes) => upload.file = Some(UploadedFile { name: file_name, bytes: bytes.into() }),
                    None => problems.push(FieldError {
                        field: "file".into(),
                        code: "too_large".into(),
                        message: format!("must be at most {max} bytes"),
                    }),
                }
            }
            "body_markdown" => match read_part(&mut field, BODY_MAX * 4, drain_max).await? {
                Some(bytes) => match String::from_utf8(bytes) {
                    Ok(text) => upload.body_markdown = Some(text),
                    Err(_) => return Err(invalid("body_markdown", "invalid_encoding", "must be UTF-8 text")),
                },
                None => {
                    return Err(invalid("body_markdown", "too_long", format!("must be at most {BODY_MAX} characters")))
                }
            },
            other => {
                read_part(&mut field, 0, drain_max).await?;
                problems.push(FieldError {
                    field: other.chars().take(40).collect(),
                    code: "unknown_field".into(),
                    message: "is not a part of this form (`file`, `body_markdown`)".into(),
                });
            }
        }
    }
    if !problems.is_empty() {
        return Err(ApiError::Invalid(problems));
    }
    let d = svc::add_version(&state.db, state.storage.as_ref(), &actor, *id, upload).await?;
    Ok(HttpResponse::Created()
        .insert_header((
            "Location",
            format!("/api/v1/documents/{}/versions/{}/download", d.document.id, d.document.current_version),
        ))
        .json(&d))
}

/// Download a version
///
/// Who: whoever may read the document. The file as uploaded (or, for a version with only a Markdown body, that body
/// as a `.md` file), streamed, as an attachment: `Content-Disposition` carries an ASCII `filename` and the real name
/// as `filename*` (RFC 6266), and `X-Content-Type-Options: nosniff` keeps browsers from second-guessing the type.
///
/// Refuses: 401 without a valid credential; 403 for an API key without `read`; 404 for an unknown document, one the
/// caller may not read, or an unknown version.
#[utoipa::path(get, path = "/documents/{id}/versions/{number}/download", tag = "documents",
    operation_id = "download_document_version",
    params(("id" = Uuid, Path), ("number" = i32, Path, description = "The version's number")), security(("bearer" = [])),
    responses((status = 200, description = "The file, in the type read from its content when it was uploaded",
        content((String = "application/pdf"),
            (String = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            (String = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            (String = "text/markdown")),
        headers(("Content-Disposition" = String, description = "`attachment` with the file's name"))),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Busy))]
pub async fn download_document_version(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    path: web::Path<(Uuid, i32)>,
) -> Result<HttpResponse, ApiError> {
    let (id, number) = path.into_inner();
    let d = svc::download(&state.db, &actor, id, number).await?;
    let mut res = HttpResponse::Ok();
    res.insert_header((header::CONTENT_TYPE, d.media_type.clone()))
        .insert_header((header::CONTENT_DISPOSITION, content_disposition(&d.file_name)))
        .insert_header(("X-Content-Type-Options", "nosniff"));
    match (d.storage_key, d.body) {
        (Some(key), _) => {
            let stream = state.storage.get(&key).await.map_err(|e| ApiError::App(AppError::Internal(e)))?;
            let stream = stream.map(|chunk| chunk.map_err(actix_web::error::ErrorInternalServerError));
            match d.byte_size.and_then(|n| u64::try_from(n).ok()) {
                Some(n) => Ok(res.no_chunking(n).streaming(stream)),
                None => Ok(res.streaming(stream)),
            }
        }
        (None, Some(body)) => Ok(res.body(body)),
        (None, None) => Err(ApiError::App(AppError::NotFound("document version"))),
    }
}
