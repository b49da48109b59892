//! Consultations: list, create, read, change, delete, lifecycle; results, cross-tabs, text answers,
//! anonymised responses and CSV exports; and the public form and submission behind the link token.

mod dto;

use actix_web::{web, HttpRequest, HttpResponse};
use gmc_domain::consultation::Channel;
use gmc_store::services::consultations::public::{self, SubmitInput, Submitted};
use gmc_store::services::consultations::{
    self as svc, results, ConsultationFilter, ConsultationInput, ConsultationPatch, FeedbackInput,
};
use gmc_store::views::ConsultationView;
use uuid::Uuid;

pub use dto::*;

use super::PageQuery;
use crate::auth::{Authed, MaybeAuthed};
use crate::etag::{etag, if_match, json_with_etag};
use crate::problem::ApiError;
use crate::responses as r;
use crate::routes::operations::{operations, Operations};
use crate::state::AppState;

/// List consultations
///
/// Who may read a consultation: admins every one; delegates and focal points their own delegation's at any
/// visibility, and others' (and the secretariat's regional ones) at `regional` or `public`; analysts those at
/// `regional` or `public`; stakeholders those at `public`. Sessions, or API keys with the `read` scope. The list
/// holds only what the caller may read, newest first or sorted by a field (`sort`), filtered by `status`,
/// `delegation` and words in the title. The first page carries `total`.
///
/// Refuses: 401 without a valid credential; 403 for an API key without `read`; 422 for an unknown `status` or
/// `sort`, a `limit` outside 1–200, a bad `cursor` or one from another sort or filters.
#[utoipa::path(get, path = "/consultations", tag = "consultations", operation_id = "list_consultations",
    params(ConsultationQuery, ConsultationSortQuery, PageQuery), security(("bearer" = [])),
    responses((status = 200, description = "The consultations the caller may see, newest first", body = ConsultationPage),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::Invalid, r::Busy))]
pub async fn list_consultations(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    q: web::Query<ConsultationQuery>,
    sort: web::Query<ConsultationSortQuery>,
    page: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let (q, page) = (q.into_inner(), page.into_inner());
    let f = ConsultationFilter {
        status: q.status,
        delegation: q.delegation,
        q: q.q,
        sort: sort.into_inner().sort,
        limit: page.limit,
        cursor: page.cursor,
    };
    Ok(HttpResponse::Ok().json(ConsultationPage::from(svc::list(&state.db, &actor, f).await?)))
}

/// Create a consultation (as a draft)
///
/// Who: delegates and focal points, for their own delegation (the default); admins, for the delegation they name in
/// `delegation_id`, or a regional consultation (`regional: true`, no owning delegation). With a session or an API
/// key with the `write` scope. It starts as a `draft` with an unguessable link token; English is always one of its
/// languages. Answers 201 with `Location` and `ETag`. Retry-safe with `Idempotency-Key`.
///
/// Refuses: 401 without a valid credential; 403 for analysts and stakeholders, a key without `write`, a
/// `delegation_id` other than the caller's own, or `regional: true` from anyone but an admin; 422 for an invalid
/// field (languages, visibility, dates, each question's code, kind, options and texts — each named, e.g.
/// `questions[0].options`); 409 while a request with the same `Idempotency-Key` is in progress.
#[utoipa::path(post, path = "/consultations", tag = "consultations", operation_id = "create_consultation",
    params(("Idempotency-Key" = Option<String>, Header, description = "Retry-safe: a repeat with the same key and request answers with the first outcome (24 h)")),
    request_body(content = ConsultationInput, example = create_example), security(("bearer" = [])),
    responses((status = 201, description = "Created as a draft", body = ConsultationView,
        headers(("Location" = String, description = "The new record's URL"), ("ETag" = String, description = "The record's version, to send as `If-Match` when changing it"))),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::Conflict, r::PayloadTooLarge, r::UnsupportedMediaType,
        r::Invalid, r::Busy))]
pub async fn create_consultation(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    body: web::Json<ConsultationInput>,
) -> Result<HttpResponse, ApiError> {
    let c = svc::create(&state.db, &actor, body.into_inner()).await?;
    Ok(HttpResponse::Created()
        .insert_header(("Location", format!("/api/v1/consultations/{}", c.id)))
        .insert_header(("ETag", etag(c.version)))
        .json(&c))
}

/// Get a consultation
///
/// Who may read a consultation: admins every one; delegates and focal points their own delegation's at any
/// visibility, and others' (and the secretariat's regional ones) at `regional` or `public`; analysts those at
/// `regional` or `public`; stakeholders those at `public`. Sessions, or API keys with the `read` scope. With its
/// questionnaire in every language, its public `state`, the link token and the number of responses; the `ETag` is
/// the version to send as `If-Match`.
///
/// Refuses: 401 without a valid credential; 403 for an API key without `read`; 404 for an unknown consultation or
/// one the caller may not read (never 403, which would confirm it exists).
#[utoipa::path(get, path = "/consultations/{id}", tag = "consultations", operation_id = "get_consultation",
    params(("id" = Uuid, Path)), security(("bearer" = [])),
    responses((status = 200, description = "The consultation with its questionnaire; its version as ETag", body = ConsultationView,
        headers(("ETag" = String, description = "The record's version, to send as `If-Match` when changing it"))),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Busy))]
pub async fn get_consultation(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let c = svc::get(&state.db, &actor, *id).await?;
    Ok(json_with_etag(c.version, &c))
}

/// Change a consultation
///
/// Who may change it: delegates and focal points of the owning delegation, and admins (only admins change a
/// regional consultation, which no delegation owns); with a session or an API key with the `write` scope. Send only
/// the fields to change, with `If-Match` set to the `ETag`. `questions` (the whole questionnaire) and `languages`
/// change only while it is a draft.
///
/// Refuses: 401 without a valid credential; 404 for an unknown consultation or one the caller may not read; 403 for
/// one the caller may read but not change; 428 without `If-Match`; 412 when it changed since that version; 422 for
/// an invalid field, or questions or languages outside `draft` (`not_draft`).
#[utoipa::path(patch, path = "/consultations/{id}", tag = "consultations", operation_id = "update_consultation",
    params(("id" = Uuid, Path), ("If-Match" = String, Header, description = "The ETag of the version being changed")),
    request_body(content = ConsultationPatch, example = update_example), security(("bearer" = [])),
    responses((status = 200, description = "Updated", body = ConsultationView,
        headers(("ETag" = String, description = "The record's version, to send as `If-Match` when changing it"))),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::PreconditionFailed, r::PayloadTooLarge,
        r::UnsupportedMediaType, r::Invalid, r::PreconditionRequired, r::Busy))]
pub async fn update_consultation(
    req: HttpRequest,
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
    body: web::Json<ConsultationPatch>,
) -> Result<HttpResponse, ApiError> {
    let c = svc::update(&state.db, &actor, *id, body.into_inner(), if_match(&req)).await?;
    Ok(json_with_etag(c.version, &c))
}

/// Delete a draft consultation
///
/// Who may change it: delegates and focal points of the owning delegation, and admins (only admins change a
/// regional consultation, which no delegation owns); with a session or an API key with the `write` scope. Only a
/// draft without responses can be deleted; later, close or archive it.
///
/// Refuses: 401 without a valid credential; 404 for an unknown consultation or one the caller may not read; 403 for
/// one the caller may read but not change; 409 when it is not a draft or has responses.
#[utoipa::path(delete, path = "/consultations/{id}", tag = "consultations", operation_id = "delete_consultation",
    params(("id" = Uuid, Path)), security(("bearer" = [])),
    responses((status = 204, description = "Deleted (drafts without responses only)"),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Conflict, r::Busy))]
pub async fn delete_consultation(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    svc::delete(&state.db, &actor, *id).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Open, close, reopen or archive a consultation
///
/// Who may change it: delegates and focal points of the owning delegation, and admins (only admins change a
/// regional consultation, which no delegation owns); with a session or an API key with the `write` scope. `draft →
/// open`, `open → closed`, `closed → open` (reopen), `closed → archived`, with `If-Match`. Opening needs every
/// question, option and label translated into every language of the consultation, and a closing date (if any) still
/// ahead. Scheduled `opens_at`/`closes_at` are honoured on top of the status.
///
/// Refuses: 401 without a valid credential; 404 for an unknown consultation or one the caller may not read; 403 for
/// one the caller may read but not change; 428 without `If-Match`; 412 when it changed since that version; 422 for
/// a move the lifecycle does not have, a missing translation (each named) or a past closing date; 409 while a
/// request with the same `Idempotency-Key` is in progress.
#[utoipa::path(post, path = "/consultations/{id}/status", tag = "consultations", operation_id = "set_consultation_status",
    params(("id" = Uuid, Path), ("If-Match" = String, Header, description = "The ETag of the version being changed"),
        ("Idempotency-Key" = Option<String>, Header, description = "Retry-safe: a repeat with the same key and request answers with the first outcome (24 h)")),
    request_body(content = ConsultationStatusRequest, example = ConsultationStatusRequest::example), security(("bearer" = [])),
    responses((status = 200, description = "Moved; opening checks the questionnaire is complete in every language", body = ConsultationView,
        headers(("ETag" = String, description = "The record's version, to send as `If-Match` when changing it"))),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Conflict, r::PreconditionFailed,
        r::PayloadTooLarge, r::UnsupportedMediaType, r::Invalid, r::PreconditionRequired, r::Busy))]
pub async fn set_consultation_status(
    req: HttpRequest,
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
    body: web::Json<ConsultationStatusRequest>,
) -> Result<HttpResponse, ApiError> {
    let c = svc::set_status(&state.db, &actor, *id, &body.status, if_match(&req)).await?;
    Ok(json_with_etag(c.version, &c))
}

/// Publish what came of a closed consultation ("you said, we did")
///
/// Who may change it: delegates and focal points of the owning delegation, and admins (only admins change a
/// regional consultation, which no delegation owns); with a session or an API key with the `write` scope. Once the
/// consultation is `closed` (or `archived`), its owners publish a short note, per language of the consultation
/// (English needed), telling respondents what was done with their answers; the public link then shows it, in the
/// respondent's language or else English, instead of the "closed" screen. Publishing again replaces the note;
/// send `If-Match` set to the `ETag`.
///
/// Refuses: 401 without a valid credential; 404 for an unknown consultation or one the caller may not read; 403 for
/// one the caller may read but not change; 428 without `If-Match`; 412 when it changed since that version; 409
/// while the consultation is a draft or open; 422 for a missing English text, a language the consultation does
/// not have, or a text over 3,000 characters (`texts.<lang>`).
#[utoipa::path(put, path = "/consultations/{id}/feedback", tag = "consultations", operation_id = "publish_consultation_feedback",
    params(("id" = Uuid, Path), ("If-Match" = String, Header, description = "The ETag of the version being changed")),
    request_body(content = FeedbackInput, example = feedback_example), security(("bearer" = [])),
    responses((status = 200, description = "Published; the public link shows it", body = ConsultationView,
        headers(("ETag" = String, description = "The record's version, to send as `If-Match` when changing it"))),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Conflict, r::PreconditionFailed,
        r::PayloadTooLarge, r::UnsupportedMediaType, r::Invalid, r::PreconditionRequired, r::Busy))]
pub async fn publish_consultation_feedback(
    req: HttpRequest,
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
    body: web::Json<FeedbackInput>,
) -> Result<HttpResponse, ApiError> {
    let c = svc::publish_feedback(&state.db, &actor, *id, body.into_inner(), if_match(&req)).await?;
    Ok(json_with_etag(c.version, &c))
}

/// A consultation's results
///
/// Who may read a consultation: admins every one; delegates and focal points their own delegation's at any
/// visibility, and others' (and the secretariat's regional ones) at `regional` or `public`; analysts those at
/// `regional` or `public`; stakeholders those at `public`. Sessions, or API keys with the `read` scope. Per
/// question: counts and shares of each option (or scale value), answered and skipped, mean and median. Filters
/// `country`, `sector`, `size_class`, `women_led`, `from`, `to` narrow the respondents. For everyone but admins:
/// one filter at a time (one profile filter, or dates); dates are rounded to whole periods of at least k
/// respondents, and `from`/`to` in the answer say which dates were used; small cells — fewer than k respondents,
/// `k` in the answer — are withheld, and so are the cells that would let one be worked out (see
/// `docs/consultations.md`). While the consultation has fewer than k respondents in all, callers other than its
/// owners (admins and the owning delegation's members) get every count withheld.
///
/// Refuses: 401 without a valid credential; 403 for an API key without `read`; 404 for an unknown consultation or
/// one the caller may not read; 422 for an invalid filter, or (anyone but admins) a second filter, naming it.
#[utoipa::path(get, path = "/consultations/{id}/results", tag = "consultations", operation_id = "get_consultation_results",
    params(("id" = Uuid, Path), ResultQuery), security(("bearer" = [])),
    responses((status = 200, description = "Counts, shares, mean and median per question; small cells withheld", body = ResultsDto),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Invalid, r::Busy))]
pub async fn get_consultation_results(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
    q: web::Query<ResultQuery>,
) -> Result<HttpResponse, ApiError> {
    let r = results::results(&state.db, &actor, *id, q.into_inner().into(), state.small_cell_k).await?;
    Ok(HttpResponse::Ok().json(ResultsDto::from(r)))
}

/// Cross-tabulate one question by a respondent dimension
///
/// Who may read a consultation: admins every one; delegates and focal points their own delegation's at any
/// visibility, and others' (and the secretariat's regional ones) at `regional` or `public`; analysts those at
/// `regional` or `public`; stakeholders those at `public`. Sessions, or API keys with the `read` scope. One
/// question (`question`, its code; not a text question) by `country`, `sector`, `size_class` or `women_led` (`by`),
/// one column per value any respondent gave and `unknown`. Admins may narrow the respondents with the filters
/// `country`, `sector`, `size_class`, `women_led`, `from`, `to`; for anyone else a cross-tab takes no filter, its
/// small cells — fewer than k respondents, `k` in the answer — are withheld, and so are the cells that would let one
/// be worked out, `unknown` always among them (see `docs/consultations.md`). While the consultation has fewer than k
/// respondents in all, callers other than its owners (admins and the owning delegation's members) get a cross-tab
/// without columns.
///
/// Refuses: 401 without a valid credential; 403 for an API key without `read`; 404 for an unknown consultation or
/// one the caller may not read; 400 without `question` or `by`; 422 for a question that is not in the questionnaire
/// or is a text question, an unknown `by`, an invalid filter, or (anyone but admins) any filter, naming it.
#[utoipa::path(get, path = "/consultations/{id}/crosstab", tag = "consultations", operation_id = "get_consultation_crosstab",
    params(("id" = Uuid, Path), CrossTabQuery, ResultQuery), security(("bearer" = [])),
    responses((status = 200, description = "One question by one profile dimension; small cells withheld", body = results::CrossTab),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Invalid, r::Busy))]
pub async fn get_consultation_crosstab(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
    t: web::Query<CrossTabQuery>,
    q: web::Query<ResultQuery>,
) -> Result<HttpResponse, ApiError> {
    let k = state.small_cell_k;
    let r = results::crosstab(&state.db, &actor, *id, &t.question, &t.by, q.into_inner().into(), k).await?;
    Ok(HttpResponse::Ok().json(&r))
}

/// Answers to a text question
///
/// Who may read a consultation: admins every one; delegates and focal points their own delegation's at any
/// visibility, and others' (and the secretariat's regional ones) at `regional` or `public`; analysts those at
/// `regional` or `public`; stakeholders those at `public`. Sessions, or API keys with the `read` scope. Newest
/// first (`sort=received`: oldest first); the first page carries `total` unless the answers are withheld. Filters `country`, `sector`, `size_class`, `women_led`, `from`, `to` narrow the respondents; outside the
/// owners (admins and the owning delegation's members) by date only, rounded as in the results, and without each
/// answer's time. For everyone but admins the answers are withheld (`withheld: true`) when the filter's group or
/// everyone else has fewer than k respondents, or when the results withhold the group's count of answers; and,
/// for callers other than the owners, while the consultation has fewer than k respondents in all.
///
/// Refuses: 401 without a valid credential; 403 for an API key without `read`; 404 for an unknown consultation or
/// one the caller may not read; 400 without `question`; 422 for a question that is not a text question of the
/// consultation, an invalid filter, a filter the caller may not combine or use (named), an unknown `sort`, a `limit`
/// outside 1–200, a bad `cursor` or one from another sort or filters.
#[utoipa::path(get, path = "/consultations/{id}/text-answers", tag = "consultations", operation_id = "list_consultation_text_answers",
    params(("id" = Uuid, Path), TextAnswerQuery, ResultQuery, TextAnswerSortQuery, PageQuery), security(("bearer" = [])),
    responses((status = 200, description = "Answers to a text question, newest first", body = TextAnswerPage),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Invalid, r::Busy))]
pub async fn list_consultation_text_answers(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
    t: web::Query<TextAnswerQuery>,
    q: web::Query<ResultQuery>,
    sort: web::Query<TextAnswerSortQuery>,
    page: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = page.into_inner();
    let (p, withheld) = results::text_answers(
        &state.db,
        &actor,
        *id,
        &t.question,
        q.into_inner().into(),
        (page.limit, sort.sort.as_deref(), page.cursor.as_deref()),
        state.small_cell_k,
    )
    .await?;
    Ok(HttpResponse::Ok().json(TextAnswerPage {
        items: p.items,
        next_cursor: p.next_cursor,
        total: p.total.count,
        total_is_lower_bound: p.total.is_lower_bound,
        withheld,
    }))
}

/// Anonymised responses
///
/// Who: the consultation's owners only — admins, and delegates and focal points of the owning delegation (a
/// regional consultation is the secretariat's); with a session or an API key with the `read` scope. Other readers
/// of the consultation get its aggregates (`GET .../results`), which pass the small-cell rule. Newest first, each
/// with its profile and answers by question code, never the stakeholder it may be linked to; or sorted by a field
/// (`sort`). The first page carries `total`.
///
/// Refuses: 401 without a valid credential; 404 for an unknown consultation or one the caller may not read; 403 for
/// one the caller may read but does not own, or an API key without `read`; 422 for an unknown `sort`, a `limit`
/// outside 1–200, a bad `cursor` or one from another sort.
#[utoipa::path(get, path = "/consultations/{id}/responses", tag = "consultations", operation_id = "list_consultation_responses",
    params(("id" = Uuid, Path), ResponseSortQuery, PageQuery), security(("bearer" = [])),
    responses((status = 200, description = "Anonymised responses (no stakeholder), newest first", body = ResponsePage),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Invalid, r::Busy))]
pub async fn list_consultation_responses(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
    sort: web::Query<ResponseSortQuery>,
    page: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = page.into_inner();
    let paging = (page.limit, sort.sort.as_deref(), page.cursor.as_deref());
    let p = results::responses_page(&state.db, &actor, *id, paging).await?;
    Ok(HttpResponse::Ok().json(ResponsePage::from(p)))
}

fn csv(name: String, body: String) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header(("Content-Disposition", format!("attachment; filename=\"{name}\"")))
        .body(body)
}

/// Download a consultation's results as CSV
///
/// Who may read a consultation: admins every one; delegates and focal points their own delegation's at any
/// visibility, and others' (and the secretariat's regional ones) at `regional` or `public`; analysts those at
/// `regional` or `public`; stakeholders those at `public`. Sessions, or API keys with the `read` scope. Filters
/// `country`, `sector`, `size_class`, `women_led`, `from`, `to` narrow the respondents, under the same rules as
/// `GET .../results`, whose withheld cells are written as `withheld`.
///
/// Refuses: 401 without a valid credential; 403 for an API key without `read`; 404 for an unknown consultation or
/// one the caller may not read; 422 for an invalid filter, or (anyone but admins) a second filter, naming it.
#[utoipa::path(get, path = "/consultations/{id}/results.csv", tag = "consultations", operation_id = "export_consultation_results",
    params(("id" = Uuid, Path), ResultQuery), security(("bearer" = [])),
    responses((status = 200, description = "The results as CSV, small cells written as `withheld`", content_type = "text/csv", body = String),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Invalid, r::Busy))]
pub async fn export_consultation_results(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
    q: web::Query<ResultQuery>,
) -> Result<HttpResponse, ApiError> {
    let body = results::results_csv(&state.db, &actor, *id, q.into_inner().into(), state.small_cell_k).await?;
    Ok(csv(format!("consultation-{id}-results.csv"), body))
}

/// Download the anonymised responses as CSV
///
/// Who: the consultation's owners only — admins, and delegates and focal points of the owning delegation (a
/// regional consultation is the secretariat's); with a session or an API key with the `read` scope. Other readers
/// of the consultation get its aggregates (`GET .../results`), which pass the small-cell rule. One row per
/// response, one column per question; text that a spreadsheet would take for a formula is written as text.
///
/// Refuses: 401 without a valid credential; 404 for an unknown consultation or one the caller may not read; 403 for
/// one the caller may read but does not own, or an API key without `read`.
#[utoipa::path(get, path = "/consultations/{id}/responses.csv", tag = "consultations", operation_id = "export_consultation_responses",
    params(("id" = Uuid, Path)), security(("bearer" = [])),
    responses((status = 200, description = "Every response, anonymised, one column per question", content_type = "text/csv", body = String),
        r::BadRequest, r::Unauthenticated, r::Forbidden, r::NotFound, r::Busy))]
pub async fn export_consultation_responses(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let body = results::responses_csv(&state.db, &actor, *id).await?;
    Ok(csv(format!("consultation-{id}-responses.csv"), body))
}

/// The public form behind a consultation's link
///
/// Who: anyone (anonymous; no credential is read). The questionnaire in the language asked for with `lang` (`bn`,
/// `bn-BD`), or in English when the consultation lacks it — title, description and questions, each falling back
/// to English where untranslated — with its `state`: whether it takes responses now (`open`), not yet, or no
/// more; who asks (`asked_by`); and, once it is closed, the owners' "you said, we did" note (`feedback`).
///
/// Refuses: 404 for an unknown token or a consultation that is still a draft.
#[utoipa::path(get, path = "/public/consultations/{token}", tag = "public", operation_id = "get_public_form",
    params(("token" = String, Path), LangQuery),
    responses((status = 200, description = "The form in the language asked for, else English", body = PublicFormDto),
        r::BadRequest, r::NotFound, r::Busy))]
pub async fn get_public_form(
    state: web::Data<AppState>,
    token: web::Path<String>,
    q: web::Query<LangQuery>,
) -> Result<HttpResponse, ApiError> {
    let f = public::form(&state.db, &token, q.lang.as_deref()).await?;
    Ok(HttpResponse::Ok().insert_header(("Cache-Control", "no-store")).json(PublicFormDto::from(f)))
}

/// Answer a consultation
///
/// Who: anyone with the link (anonymous), while the consultation is open. A signed-in stakeholder (session or API
/// key) is linked to the response and answers with the profile of their stakeholder record; anyone else may give an
/// anonymous `profile`. A `submission_id` made once per filled form makes retries safe: a repeat answers 201 with
/// the first submission. Rate limited per client address.
///
/// Refuses: 404 for an unknown token or a draft; 409 when the consultation is not open yet or no longer open; 422
/// for answers that do not fit the questionnaire (each named `answers.<code>`), a `lang` the consultation lacks or
/// an invalid profile (`profile.country`); 429 with `Retry-After` when this client sent too many; 401 for an
/// `Authorization` header that is present but invalid (send none to answer anonymously).
#[utoipa::path(post, path = "/public/consultations/{token}/responses", tag = "public", operation_id = "submit_public_response",
    params(("token" = String, Path),
        ("Idempotency-Key" = Option<String>, Header, description = "Signed-in callers only (anonymous ones send `submission_id`): a repeat with the same key and request answers with the first outcome (24 h)")),
    request_body(content = SubmitInput, example = submit_example), security((), ("bearer" = [])),
    responses((status = 201, description = "Received", body = Submitted),
        r::BadRequest, r::Unauthenticated, r::NotFound, r::Conflict, r::PayloadTooLarge, r::UnsupportedMediaType,
        r::Invalid, r::TooManyRequests, r::Busy))]
pub async fn submit_public_response(
    req: HttpRequest,
    state: web::Data<AppState>,
    MaybeAuthed(actor): MaybeAuthed,
    token: web::Path<String>,
    body: web::Json<SubmitInput>,
) -> Result<HttpResponse, ApiError> {
    state.public_limiter.check(super::auth::client_ip(&req)).map_err(ApiError::RateLimited)?;
    let channel = if actor.as_ref().is_some_and(gmc_domain::Actor::is_api_key) { Channel::Api } else { Channel::Web };
    let s = public::submit(&state.db, &state.responses, &token, actor.as_ref(), body.into_inner(), channel).await?;
    Ok(HttpResponse::Created().json(&s))
}

pub fn operations() -> Operations {
    operations![
        list_consultations,
        create_consultation,
        get_consultation,
        update_consultation,
        delete_consultation,
        set_consultation_status,
        publish_consultation_feedback,
        get_consultation_results,
        export_consultation_results,
        get_consultation_crosstab,
        list_consultation_text_answers,
        list_consultation_responses,
        export_consultation_responses,
        get_public_form,
        submit_public_response
    ]
}
