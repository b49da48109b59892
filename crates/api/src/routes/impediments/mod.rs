//! The impediment registry: list with filters, create, read, change, delete, and workflow steps.

mod dto;

use actix_web::http::header::ContentType;
use actix_web::web::Bytes;
use actix_web::{web, HttpRequest, HttpResponse};
use gmc_store::cursor::Page;
use gmc_store::services::impediments::{self as svc, ImpedimentFilter, ImpedimentInput, ImpedimentPatch, StepInput};
use gmc_store::views::ImpedimentView;
use gmc_store::AppError;
use uuid::Uuid;

pub use dto::*;

use super::PageQuery;
use crate::auth::Authed;
use crate::etag::{etag, if_match, json_with_etag};
use crate::problem::ApiError;
use crate::responses as r;
use crate::routes::operations::{operations, Operations};
use crate::state::AppState;

fn filter_of(q: ImpedimentQuery, sort: Option<String>, page: PageQuery) -> ImpedimentFilter {
    ImpedimentFilter {
        reporting_country: q.reporting_country,
        partner: q.partner,
        ntm_chapter: q.ntm_chapter,
        hs: q.hs,
        topic: q.topic,
        status: q.status,
        delegation: q.delegation,
        severity_min: q.severity_min,
        severity_max: q.severity_max,
        from: q.from,
        to: q.to,
        q: q.q,
        sort,
        limit: page.limit,
        cursor: page.cursor,
    }
}

/// Count impediments by a dimension
///
/// Who: any role, signed in with a session or an API key with the `read` scope; the counts cover only the
/// impediments the caller may read. `by=chapter_partner` is the NTM chapter × partner heat map; `topic`, `month`,
/// `status` and `sector` count by those. Takes the list's filters.
///
/// Refuses: 401 without a valid credential; 403 for an API key without `read`; 400 without `by`; 422 for an unknown
/// `by` or an invalid filter.
#[utoipa::path(get, path = "/impediments/summary", tag = "impediments", operation_id = "summarize_impediments",
    params(SummaryQuery, ImpedimentQuery), security(("bearer" = [])),
    responses((status = 200, description = "Counts of the impediments the caller may see, under the filters", body = ImpedimentSummary),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::Invalid, r::Busy))]
pub async fn summarize_impediments(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    by: web::Query<SummaryQuery>,
    q: web::Query<ImpedimentQuery>,
) -> Result<HttpResponse, ApiError> {
    let f = filter_of(q.into_inner(), None, PageQuery { limit: None, cursor: None });
    let cells = svc::summary(&state.db, &actor, f, &by.by).await?;
    Ok(HttpResponse::Ok().json(ImpedimentSummary { by: by.into_inner().by, cells }))
}

/// List impediments
///
/// Who may read an impediment: admins every one; delegates and focal points their own delegation's at any
/// visibility and other delegations' `regional` and `public` ones; analysts `regional` and `public` ones;
/// stakeholders `public` ones only. Sessions, or API keys with the `read` scope. The list holds only what the
/// caller may read, newest first, filtered by reporting country, partner, NTM chapter, HS prefix, topic, status,
/// delegation, severity range, dates and a text search, or sorted by a field (`sort`). The first page carries
/// `total`, the count of matching impediments the caller may read, counted up to 1,000 (past that `total` is 1,000
/// and `total_is_lower_bound` is true).
///
/// Refuses: 401 without a valid credential; 403 for an API key without `read`; 422 for an invalid filter (each
/// named in `errors`), an unknown `sort`, a `limit` outside 1–200, a bad `cursor` or one from another sort or
/// filters; 400 for a filter of the wrong type (`severity_min=high`, `from=yesterday`).
#[utoipa::path(get, path = "/impediments", tag = "impediments", operation_id = "list_impediments",
    params(ImpedimentQuery, ImpedimentSortQuery, PageQuery), security(("bearer" = [])),
    responses((status = 200, description = "The impediments the caller may see, newest first", body = ImpedimentPage),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::Invalid, r::Busy))]
pub async fn list_impediments(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    q: web::Query<ImpedimentQuery>,
    sort: web::Query<ImpedimentSortQuery>,
    page: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    // No page cache: a per-node copy could show a record after its visibility narrowed (another node's
    // write) or a linked firm to a reader who may not read it; confidentiality may not lag. The read
    // model is not one: every page proves it current through the database first.
    let f = filter_of(q.into_inner(), sort.into_inner().sort, page.into_inner());
    let page = svc::list_rendered_from_model(&state.db, &state.registry, &actor, f).await?;
    let body = rendered_page_body(page).map_err(|e| AppError::Internal(e.into()))?;
    Ok(HttpResponse::Ok().content_type(ContentType::json()).body(body))
}

/// As `page_body`, with items already JSON (the read model keeps each record's): the page's other fields
/// are serialized by the same type around no items, and the items copied between its brackets — so the
/// body is byte for byte what `page_body` writes (`tests::a_rendered_page_is_the_serialized_page`).
pub fn rendered_page_body(page: Page<svc::RenderedItem>) -> Result<Bytes, serde_json::Error> {
    const EMPTY: &[u8] = br#"{"items":[]"#;
    let Page { items, next_cursor, total } = page;
    let shell =
        serde_json::to_vec(&ImpedimentPage::from(Page::<ImpedimentView> { items: Vec::new(), next_cursor, total }))?;
    let Some(rest) = shell.strip_prefix(EMPTY) else {
        return Err(serde::ser::Error::custom("the page does not start with its items"));
    };
    let mut body =
        Vec::with_capacity(EMPTY.len() + rest.len() + items.iter().map(|i| i.as_bytes().len() + 1).sum::<usize>());
    body.extend_from_slice(br#"{"items":["#);
    for (n, item) in items.iter().enumerate() {
        if n > 0 {
            body.push(b',');
        }
        body.extend_from_slice(item.as_bytes());
    }
    body.push(b']');
    body.extend_from_slice(rest);
    Ok(Bytes::from(body))
}

/// The JSON of a registry page, as `GET /impediments` sends it; `benches/serialize.rs` times this very
/// function, so the benchmark follows whatever the wire type becomes.
pub fn page_body(page: Page<ImpedimentView>) -> Result<Bytes, serde_json::Error> {
    let page = ImpedimentPage::from(page);
    // ~700 bytes an item: one allocation instead of a dozen doublings.
    let mut body = Vec::with_capacity(1024 + 768 * page.items.len());
    serde_json::to_writer(&mut body, &page)?;
    Ok(Bytes::from(body))
}

/// Report an impediment
///
/// Who: delegates and focal points, for their own delegation (the default); admins, for the delegation they name in
/// `delegation_id`. With a session or an API key with the `write` scope. It starts as `reported`. It may come from
/// a consultation response (`response_id`: a response of a consultation the caller owns — its firm is not copied)
/// or a stakeholder (`stakeholder_id`: one the caller may read); its `source` and `sector` follow the link unless
/// given. Answers 201 with `Location` and `ETag`. Retry-safe with `Idempotency-Key`.
///
/// Refuses: 401 without a valid credential; 403 for analysts and stakeholders, a key without `write`, or a
/// `delegation_id` other than the caller's own; 422 for a missing or invalid field (HS code, NTM code, partner,
/// severity 1–5, a cost without currency, unknown topics) or a link to a record the caller cannot read; 409 while a
/// request with the same `Idempotency-Key` is in progress.
#[utoipa::path(post, path = "/impediments", tag = "impediments", operation_id = "create_impediment",
    params(("Idempotency-Key" = Option<String>, Header, description = "Retry-safe: a repeat with the same key and request answers with the first outcome (24 h)")), request_body(content = ImpedimentInput, example = create_example), security(("bearer" = [])),
    responses((status = 201, description = "Reported", body = ImpedimentView,
        headers(("Location" = String, description = "The new record's URL"), ("ETag" = String, description = "The record's version, to send as `If-Match` when changing it"))),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::Conflict, r::PayloadTooLarge, r::UnsupportedMediaType,
        r::Invalid, r::Busy))]
pub async fn create_impediment(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    body: web::Json<ImpedimentInput>,
) -> Result<HttpResponse, ApiError> {
    let i = svc::create(&state.db, &actor, body.into_inner()).await?;
    Ok(HttpResponse::Created()
        .insert_header(("Location", format!("/api/v1/impediments/{}", i.id)))
        .insert_header(("ETag", etag(i.version)))
        .json(&i))
}

/// Get an impediment
///
/// Who may read an impediment: admins every one; delegates and focal points their own delegation's at any
/// visibility and other delegations' `regional` and `public` ones; analysts `regional` and `public` ones;
/// stakeholders `public` ones only. Sessions, or API keys with the `read` scope. The `ETag` is the version to send
/// as `If-Match` when changing it.
///
/// Refuses: 401 without a valid credential; 403 for an API key without `read`; 404 for an unknown impediment or one
/// the caller may not read (never 403, which would confirm it exists).
#[utoipa::path(get, path = "/impediments/{id}", tag = "impediments", operation_id = "get_impediment",
    params(("id" = Uuid, Path)), security(("bearer" = [])),
    responses((status = 200, description = "The impediment, with its version as ETag", body = ImpedimentView,
        headers(("ETag" = String, description = "The record's version, to send as `If-Match` when changing it"))),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Busy))]
pub async fn get_impediment(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let i = svc::get(&state.db, &actor, *id).await?;
    Ok(json_with_etag(i.version, &i))
}

/// Change an impediment
///
/// Who: delegates and focal points of the owning delegation, and admins; with a session or an API key with the
/// `write` scope. Send only the fields to change, with `If-Match` set to the `ETag`; `null` clears `hs_code`,
/// `estimated_cost` and `currency`; `topic_ids` replaces the topics. The status moves only through `POST
/// /impediments/{id}/steps`.
///
/// Refuses: 401 without a valid credential; 404 for an unknown impediment or one the caller may not read; 403 for
/// one the caller may read but not write (analysts, other delegations, a key without `write`); 428 without
/// `If-Match`; 412 when it changed since that version; 422 for an invalid field.
#[utoipa::path(patch, path = "/impediments/{id}", tag = "impediments", operation_id = "update_impediment",
    params(("id" = Uuid, Path), ("If-Match" = String, Header, description = "The ETag of the version being changed")),
    request_body(content = ImpedimentPatch, example = update_example), security(("bearer" = [])),
    responses((status = 200, description = "Updated", body = ImpedimentView,
        headers(("ETag" = String, description = "The record's version, to send as `If-Match` when changing it"))),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::PreconditionFailed, r::PayloadTooLarge,
        r::UnsupportedMediaType, r::Invalid, r::PreconditionRequired, r::Busy))]
pub async fn update_impediment(
    req: HttpRequest,
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
    body: web::Json<ImpedimentPatch>,
) -> Result<HttpResponse, ApiError> {
    let i = svc::update(&state.db, &actor, *id, body.into_inner(), if_match(&req)).await?;
    Ok(json_with_etag(i.version, &i))
}

/// Delete an impediment
///
/// Who: delegates and focal points of the owning delegation, and admins; with a session or an API key with the
/// `write` scope. Only while it is `reported`: later it is evidence, and is dismissed instead.
///
/// Refuses: 401 without a valid credential; 404 for an unknown impediment or one the caller may not read; 403 for
/// one the caller may read but not write; 409 once it has left `reported`.
#[utoipa::path(delete, path = "/impediments/{id}", tag = "impediments", operation_id = "delete_impediment",
    params(("id" = Uuid, Path)), security(("bearer" = [])),
    responses((status = 204, description = "Deleted (only while `reported`; later, dismiss it)"),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Conflict, r::Busy))]
pub async fn delete_impediment(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    svc::delete(&state.db, &actor, *id).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Move an impediment to its next status
///
/// Who: by step, for an impediment the caller may read — `reported → under_review` and dismissing (from `reported`,
/// `under_review` or `validated`): analysts, admins and members (delegates, focal points) of the owning delegation;
/// `under_review → validated`: analysts and admins; `validated → raised` and `raised → resolved`: members of the
/// owning delegation and admins. With a session or an API key with the `write` scope. Each step needs a `note`;
/// `raised` also needs `raised_body` and `raised_on`. The history is kept (`GET .../steps`). Retry-safe with
/// `Idempotency-Key`.
///
/// Refuses: 401 without a valid credential; 403 for stakeholders and keys without `write`; 404 for an unknown
/// impediment or one the caller may not read; 403 when the step exists but is not the caller's to take; 422 for a
/// step that does not exist from the current status (`invalid_step`), a missing note, or a `raised` without its
/// body and date; 409 when the impediment changed meanwhile (or while a request with the same `Idempotency-Key` is
/// in progress).
#[utoipa::path(post, path = "/impediments/{id}/steps", tag = "impediments", operation_id = "step_impediment",
    params(("id" = Uuid, Path), ("Idempotency-Key" = Option<String>, Header, description = "Retry-safe: a repeat with the same key and request answers with the first outcome (24 h)")), request_body(content = StepInput, example = step_example), security(("bearer" = [])),
    responses((status = 200, description = "Moved to the next status", body = ImpedimentView,
        headers(("ETag" = String, description = "The record's version, to send as `If-Match` when changing it"))),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Conflict, r::PayloadTooLarge,
        r::UnsupportedMediaType, r::Invalid, r::Busy))]
pub async fn step_impediment(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
    body: web::Json<StepInput>,
) -> Result<HttpResponse, ApiError> {
    let i = svc::step(&state.db, &actor, *id, body.into_inner()).await?;
    Ok(json_with_etag(i.version, &i))
}

/// An impediment's workflow history
///
/// Who may read an impediment: admins every one; delegates and focal points their own delegation's at any
/// visibility and other delegations' `regional` and `public` ones; analysts `regional` and `public` ones;
/// stakeholders `public` ones only. Sessions, or API keys with the `read` scope. The steps, oldest first, each with
/// its note, who took it and when.
///
/// Refuses: 401 without a valid credential; 403 for an API key without `read`; 404 for an unknown impediment or one
/// the caller may not read.
#[utoipa::path(get, path = "/impediments/{id}/steps", tag = "impediments", operation_id = "list_impediment_steps",
    params(("id" = Uuid, Path)), security(("bearer" = [])),
    responses((status = 200, description = "The workflow history, oldest first", body = ImpedimentStepList),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Busy))]
pub async fn list_impediment_steps(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let steps = svc::history(&state.db, &actor, *id).await?;
    Ok(HttpResponse::Ok().json(ImpedimentStepList { items: steps }))
}

pub fn operations() -> Operations {
    operations![
        summarize_impediments,
        list_impediments,
        create_impediment,
        get_impediment,
        update_impediment,
        delete_impediment,
        list_impediment_steps,
        step_impediment
    ]
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, Utc};
    use gmc_domain::impediment::{Frequency, ImpedimentSource, ImpedimentStatus};
    use gmc_domain::Visibility;
    use gmc_store::cursor::Total;

    use super::*;

    fn view(i: u128) -> ImpedimentView {
        let at = DateTime::<Utc>::from_timestamp(1_790_000_000, 0).unwrap_or_default();
        ImpedimentView {
            id: Uuid::from_u128(i),
            delegation_id: Uuid::from_u128(7),
            visibility: Visibility::Regional,
            reporting_country: "BGD".into(),
            partner: "EU".into(),
            hs_code: i.is_multiple_of(2).then(|| "030617".into()),
            ntm_code: "A14".into(),
            ntm_chapter: "A".into(),
            title: format!("Residue \"testing\" \\ é {i}"),
            description: "Line one\nline two\t</script>".into(),
            severity: 4,
            frequency: Frequency::Recurring,
            estimated_cost: (!i.is_multiple_of(3)).then_some(1250.5),
            currency: (!i.is_multiple_of(3)).then(|| "USD".into()),
            source: ImpedimentSource::Stakeholder,
            status: ImpedimentStatus::UnderReview,
            raised_body: None,
            raised_on: None,
            topic_ids: vec![Uuid::from_u128(9)],
            sector: None,
            stakeholder_id: i.is_multiple_of(4).then(|| Uuid::from_u128(11)),
            response_id: None,
            version: 1,
            created_at: at,
            updated_at: at,
        }
    }

    /// The body built from rendered items is byte for byte the serialized page, whatever the page holds.
    #[test]
    fn a_rendered_page_is_the_serialized_page() {
        let pages = [
            (0, None, Total::NONE),
            (1, None, Total::exact(1)),
            (3, Some("abc".to_owned()), Total::bounded(5000)),
            (50, Some("eyJrIjpudWxsfQ".to_owned()), Total::exact(806)),
        ];
        for (n, next_cursor, total) in pages {
            let items: Vec<ImpedimentView> = (0..n).map(view).collect();
            let rendered = items.iter().map(svc::RenderedItem::of).collect::<Result<Vec<_>, _>>().expect("render");
            let expected = page_body(Page { items, next_cursor: next_cursor.clone(), total }).expect("json");
            let body = rendered_page_body(Page { items: rendered, next_cursor, total }).expect("json");
            assert_eq!(String::from_utf8_lossy(&body), String::from_utf8_lossy(&expected), "{n} items");
        }
    }
}
