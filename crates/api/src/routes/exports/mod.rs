//! Exports of collections as CSV or XLSX (issue 11, part 3): `GET /impediments/export`,
//! `GET /stakeholders/export`, and topics, prep items, consultations, meetings, briefing requests and
//! documents (`more.rs`). The store walks the collection's own list (`services::exports`); here the
//! walk becomes a streamed body — the CSV leaves page by page as it is read, never whole in memory.

// issue 11: exports — the other collections.
mod collections;
mod more;
mod qs;
mod query;

use actix_web::http::header::CONTENT_DISPOSITION;
use actix_web::web::Bytes;
use actix_web::{web, HttpRequest, HttpResponse};
use gmc_domain::Actor;
use gmc_store::services::exports::{Export, Format};

// issue 11: exports — the other collections' routes.
pub use self::more::*;
pub use self::query::{export_query, parameters, ContactsQuery, FormatQuery, KINDS};
use crate::auth::Authed;
use crate::problem::ApiError;
use crate::responses as r;
use crate::routes::impediments::{ImpedimentQuery, ImpedimentSortQuery};
use crate::routes::operations::{operations, Operations};
use crate::routes::stakeholders::{StakeholderQuery, StakeholderSortQuery};
use crate::state::AppState;

/// Starts the export (authorization, filters, the first page: any refusal is a proper problem), then
/// answers with the file.
async fn respond(state: &AppState, actor: &Actor, kind: &str, req: &HttpRequest) -> Result<HttpResponse, ApiError> {
    let (query, format) = export_query(kind, req.query_string())?;
    let export = Export::start(&state.db, actor, query).await?;
    let disposition = format!("attachment; filename=\"{}\"", export.file_name(format));
    let mut res = HttpResponse::Ok();
    res.content_type(format.content_type()).insert_header((CONTENT_DISPOSITION, disposition));
    Ok(match format {
        Format::Xlsx => res.body(export.xlsx().await?),
        Format::Csv => {
            let head = export.csv_header()?;
            let pages = futures_util::stream::unfold(Some(export), |state| async move {
                let mut export = state?;
                match export.next_csv().await {
                    Ok(Some(chunk)) => Some((Ok(Bytes::from(chunk)), Some(export))),
                    Ok(None) => None,
                    Err(e) => {
                        // The status is sent already: the body ends short, and the log says why.
                        tracing::error!(error = %e, "export stopped mid-way");
                        Some((Err(actix_web::error::ErrorInternalServerError("export failed")), None))
                    }
                }
            });
            let head = futures_util::stream::once(async move { Ok::<_, actix_web::Error>(Bytes::from(head)) });
            res.streaming(futures_util::StreamExt::chain(head, pages))
        }
    })
}

/// Export impediments
///
/// Who: any role, signed in with a session or an API key with the `read` scope. Exactly what `GET /impediments`
/// shows the caller with the same filters and `sort` (another delegation's `delegation`-level records never),
/// every page of it, as CSV (UTF-8 with a byte order mark, streamed) or XLSX (`format`). Codes come with their
/// names beside them (`partner`, `partner_name`); a text that a spreadsheet would take for a formula starts
/// with `'`.
///
/// Refuses: 401 without a valid credential; 403 for an API key without `read`; 400 for a filter of the wrong
/// type; 422 for a bad filter value, `sort` or `format`.
#[utoipa::path(get, path = "/impediments/export", tag = "impediments", operation_id = "export_impediments",
    params(ImpedimentQuery, ImpedimentSortQuery, FormatQuery), security(("bearer" = [])),
    responses((status = 200, description = "The file, as an attachment",
            content((String = "text/csv"), (Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")),
            headers(("Content-Disposition" = String, description = "`attachment; filename=\"impediments-<date>.csv\"`"))),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::Invalid, r::Busy))]
pub async fn export_impediments(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    respond(&state, &actor, "impediments", &req).await
}

/// Export stakeholders
///
/// Who: any role, signed in with a session or an API key with the `read` scope. Exactly what `GET /stakeholders`
/// shows the caller with the same filters and `sort`, as CSV (streamed) or XLSX (`format`), codes with their
/// names beside them. Contact details only with `include_contacts=true`, and only for roles that may read them
/// (admins and the owning delegation's members, with a session): each stakeholder whose contact is exported is
/// audited as a contact read.
///
/// Refuses: 401 without a valid credential; 403 for an API key without `read`, and for `include_contacts=true`
/// from a caller who may not read contacts (analysts, stakeholder accounts, any API key); 400 for a filter of
/// the wrong type; 422 for a bad filter value, `sort` or `format`.
#[utoipa::path(get, path = "/stakeholders/export", tag = "stakeholders", operation_id = "export_stakeholders",
    params(StakeholderQuery, StakeholderSortQuery, ContactsQuery, FormatQuery), security(("bearer" = [])),
    responses((status = 200, description = "The file, as an attachment",
            content((String = "text/csv"), (Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")),
            headers(("Content-Disposition" = String, description = "`attachment; filename=\"stakeholders-<date>.csv\"`"))),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::Invalid, r::Busy))]
pub async fn export_stakeholders(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    respond(&state, &actor, "stakeholders", &req).await
}

pub fn operations() -> Operations {
    operations![
        export_impediments,
        export_stakeholders,
        // issue 11: exports — the other collections.
        export_topics,
        export_prep_items,
        export_consultations,
        export_meetings,
        export_briefing_requests,
        export_documents
    ]
}
