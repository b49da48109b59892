//! Bulk imports: a file of stakeholders or impediments (CSV, JSON array, NDJSON, XLSX) checked row by
//! row with the kind's own create rules and written in one audited transaction; the import's summary
//! and report, the report as CSV, and the templates.
//!
//! Each kind is its own operation (`POST /imports/stakeholders`, `POST /imports/impediments`) rather
//! than one `POST /imports/{kind}`: a `{kind}` segment would share its place with `GET /imports/{id}`,
//! and one actix resource per path would then answer the other's method with 405. A fixed segment per
//! kind also lets each operation document its own columns.

mod dto;

use actix_web::http::header;
use actix_web::{web, HttpRequest, HttpResponse};
use gmc_domain::import::ImportKind;
use gmc_domain::Actor;
use gmc_store::services::imports::{self as svc, ImportView};
use uuid::Uuid;

pub use dto::*;

use crate::auth::Authed;
use crate::problem::ApiError;
use crate::responses as r;
use crate::routes::operations::{operations, Operations};
use crate::state::AppState;

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

mod spool;

pub(crate) async fn import(
    req: HttpRequest,
    state: web::Data<AppState>,
    actor: Actor,
    q: ImportQuery,
    payload: web::Payload,
    kind: ImportKind,
) -> Result<HttpResponse, ApiError> {
    let content_type = req.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok());
    let options = q.options(kind, content_type, state.small_cell_k)?;
    // Who may import is settled before the body is read.
    svc::authorize_import_for(&state.db, &actor, &options).await?;
    match spool::receive(&req, payload, &state, options.format).await? {
        spool::Upload::Held(bytes) => {
            let view = svc::import_bytes(&state.db, &actor, &options, &bytes).await?;
            Ok(HttpResponse::Ok().json(view))
        }
        // issue 11: import jobs — a large file waits on disk for its job; the answer says where to follow it.
        spool::Upload::Spooled(file) => {
            let queued = svc::queue(&state.db, &actor, &options, &file.name, file.rows_expected).await;
            let view = match queued {
                Ok(view) => view,
                Err(e) => {
                    file.remove();
                    return Err(e.into());
                }
            };
            Ok(HttpResponse::Accepted()
                .insert_header((header::LOCATION, format!("/api/v1/imports/{}", view.id)))
                .json(view))
        }
    }
}

/// Import stakeholders from a file
///
/// Who: whoever may add stakeholders (`POST /stakeholders`) — delegates and focal points for their own delegation,
/// admins for the one they name in `delegation_id`; with a session or an API key with the `write` scope. The body is
/// the file: CSV (UTF-8 with or without BOM, `,` `;` or tab, the header naming the columns of
/// `GET /imports/templates/stakeholders.csv`), a JSON array or NDJSON of `POST /stakeholders` bodies, or XLSX (first
/// sheet). Every row passes the checks of `POST /stakeholders` and is reported with the same codes. Atomic unless
/// `on_error=skip`; `dry_run=true` writes nothing; `mode=upsert` changes the caller's delegation's stakeholder with
/// the row's `external_id` (another delegation's is refused as `taken`, as `POST /stakeholders` refuses it). One
/// audit event per import. The answer is the import with its report, also at `GET /imports/{id}`. A file over the
/// job threshold (`GMC_IMPORT_JOB_THRESHOLD_BYTES`, default 1 MiB) is answered 202 with the import `queued` and
/// `Location`; it runs as a job (follow `GET /imports/{id}`; `POST /imports/{id}/cancel` stops it).
///
/// Refuses: 401 without a valid credential; 403 for analysts and stakeholders, a key without `write`, or a
/// `delegation_id` other than the caller's own; 413 for a file over the import limit; 422 for a bad parameter or a
/// file that cannot be read (not UTF-8 — the line is named —, not the format it claims, an unknown column; a JSON
/// array over the job threshold: send NDJSON).
#[utoipa::path(post, path = "/imports/stakeholders", tag = "imports", operation_id = "import_stakeholders",
    params(ImportQuery),
    request_body(description = "The file", content(
        (String = "text/csv"), (Vec<serde_json::Value> = "application/json"), (String = "application/x-ndjson"),
        (Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
    security(("bearer" = [])),
    responses((status = 200, description = "The import: its counts, status and every rejected value", body = ImportView),
        (status = 202, description = "A file over the job threshold: queued as a job; follow it at `Location` (`GET /imports/{id}`)",
            body = ImportView, headers(("Location" = String, description = "The import's URL"))),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::Conflict, r::PayloadTooLarge, r::Invalid, r::Busy))]
pub async fn import_stakeholders(
    req: HttpRequest,
    state: web::Data<AppState>,
    Authed(actor): Authed,
    q: web::Query<ImportQuery>,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    import(req, state, actor, q.into_inner(), payload, ImportKind::Stakeholders).await
}

/// Import impediments from a file
///
/// Who: whoever may report impediments (`POST /impediments`) — delegates and focal points for their own delegation,
/// admins for the one they name in `delegation_id`; with a session or an API key with the `write` scope. The body is
/// the file, as for stakeholders, with the columns of `GET /imports/templates/impediments.csv` (`topic_ids`
/// separated by `;`). Every row passes the checks of `POST /impediments` (links to a stakeholder or response only
/// when the caller may read it) and is reported with the same codes. Impediments have no external id: `mode` is
/// `insert` only. Atomic unless `on_error=skip`; `dry_run=true` writes nothing. One audit event per import.
///
/// Refuses: 401 without a valid credential; 403 for analysts and stakeholders, a key without `write`, or a
/// `delegation_id` other than the caller's own; 413 for a file over the upload limit; 422 for a bad parameter
/// (`mode=upsert`) or a file that cannot be read (not UTF-8 — the line is named —, another format, an unknown
/// column; a JSON array over the job threshold: send NDJSON). A file over the job threshold is answered 202 and runs
/// as a job, as for stakeholders.
#[utoipa::path(post, path = "/imports/impediments", tag = "imports", operation_id = "import_impediments",
    params(ImportQuery),
    request_body(description = "The file", content(
        (String = "text/csv"), (Vec<serde_json::Value> = "application/json"), (String = "application/x-ndjson"),
        (Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
    security(("bearer" = [])),
    responses((status = 200, description = "The import: its counts, status and every rejected value", body = ImportView),
        (status = 202, description = "A file over the job threshold: queued as a job; follow it at `Location` (`GET /imports/{id}`)",
            body = ImportView, headers(("Location" = String, description = "The import's URL"))),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::Conflict, r::PayloadTooLarge, r::Invalid, r::Busy))]
pub async fn import_impediments(
    req: HttpRequest,
    state: web::Data<AppState>,
    Authed(actor): Authed,
    q: web::Query<ImportQuery>,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    import(req, state, actor, q.into_inner(), payload, ImportKind::Impediments).await
}

/// Download an import template
///
/// Who: every signed-in user (a key needs `read`): it holds only reference data. `{kind}.csv` or `{kind}.xlsx`
/// (`stakeholders`, `impediments`): the header row and one example row; the CSV lists each column's rule and the
/// allowed codes on `#` lines above the header (an import skips them), the XLSX on the sheets "columns" and "codes".
/// `consultation_responses` needs `consultation_id` (a consultation the caller may read): one column per question,
/// `answers.<code>`, with its prompt and option codes, after the respondent's (`lang`, `profile.*`).
///
/// Refuses: 401 without a valid credential; 404 for another file name or a consultation the caller may not read;
/// 422 for `consultation_responses` without `consultation_id`.
#[utoipa::path(get, path = "/imports/templates/{file}", tag = "imports", operation_id = "get_import_template",
    params(("file" = String, Path, description = "`{kind}.csv` or `{kind}.xlsx`, the kind being `stakeholders`, `impediments`, `topics`, `prep_items` or `consultation_responses`"),
        TemplateQuery),
    security(("bearer" = [])),
    responses((status = 200, description = "The template", content(
            (String = "text/csv"), (Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Invalid, r::Busy))]
pub async fn get_import_template(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    file: web::Path<String>,
    q: web::Query<TemplateQuery>,
) -> Result<HttpResponse, ApiError> {
    let consultation_id = q.consultation_id;
    let (name, ext) = file.rsplit_once('.').ok_or(ApiError::App(gmc_store::AppError::NotFound("template")))?;
    let kind = name.parse::<ImportKind>().map_err(|_| ApiError::App(gmc_store::AppError::NotFound("template")))?;
    let disposition = format!("attachment; filename=\"{kind}-import-template.{ext}\"");
    match ext {
        "csv" => {
            let text = svc::template_csv(&state.db, &actor, kind, consultation_id).await?;
            Ok(HttpResponse::Ok()
                .content_type("text/csv; charset=utf-8")
                .insert_header(("Content-Disposition", disposition))
                .body(text))
        }
        "xlsx" => {
            let bytes = svc::template_xlsx(&state.db, &actor, kind, consultation_id).await?;
            Ok(HttpResponse::Ok().content_type(XLSX).insert_header(("Content-Disposition", disposition)).body(bytes))
        }
        _ => Err(ApiError::App(gmc_store::AppError::NotFound("template"))),
    }
}

/// Get an import
///
/// Who: the user who ran it, and admins (a key needs `read`). Its options, status, counts and every rejected value
/// (row, column, code, message), in file order.
///
/// Refuses: 401 without a valid credential; 403 for an API key without `read`; 404 for an unknown import or one
/// another user ran.
#[utoipa::path(get, path = "/imports/{id}", tag = "imports", operation_id = "get_import",
    params(("id" = Uuid, Path)), security(("bearer" = [])),
    responses((status = 200, description = "The import and its report", body = ImportView),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Busy))]
pub async fn get_import(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(svc::get(&state.db, &actor, *id).await?))
}

/// Download an import's report as CSV
///
/// Who: as `GET /imports/{id}`. One line per rejected value: `row,column,code,message`; a text cell a spreadsheet
/// would take for a formula is written as text.
///
/// Refuses: as `GET /imports/{id}`.
#[utoipa::path(get, path = "/imports/{id}/report.csv", tag = "imports", operation_id = "get_import_report",
    params(("id" = Uuid, Path)), security(("bearer" = [])),
    responses((status = 200, description = "The report as CSV", content_type = "text/csv", body = String),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Busy))]
pub async fn get_import_report(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let text = svc::report_csv(&state.db, &actor, *id).await?;
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header(("Content-Disposition", format!("attachment; filename=\"import-{id}-report.csv\"")))
        .body(text))
}

// issue 11: import jobs
/// Cancel an import job
///
/// Who: the user who ran it, and admins, with a credential that may import (a key needs `write`). A `queued` import
/// never runs; a `running` one stops at its next row and its transaction rolls back: nothing of the file is written.
/// The answer is the import, `cancelled`.
///
/// Refuses: 401 without a valid credential; 403 for a role or key that may not import; 404 for an unknown import or
/// one another user ran; 409 when the import has already ended.
#[utoipa::path(post, path = "/imports/{id}/cancel", tag = "imports", operation_id = "cancel_import",
    params(("id" = Uuid, Path)), security(("bearer" = [])),
    responses((status = 200, description = "The import, cancelled", body = ImportView),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Conflict, r::Busy))]
pub async fn cancel_import(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let (view, file) = svc::cancel(&state.db, &actor, *id).await?;
    if let Some(name) = file {
        spool::remove_named(&state.import_spool_dir, &name);
    }
    Ok(HttpResponse::Ok().json(view))
}

pub fn operations() -> Operations {
    // The templates before `/imports/{id}/…`: a fixed segment must be tried first.
    operations![
        import_stakeholders,
        import_impediments,
        get_import_template,
        get_import,
        get_import_report,
        // issue 11: import jobs
        cancel_import
    ]
}
