//! Consultations: list, create, read, change, delete, lifecycle; results, cross-tabs, text answers,
//! anonymised responses and CSV exports; and the public form and submission behind the link token.

mod dto;

use actix_web::{web, HttpRequest, HttpResponse};
use gmc_domain::consultation::Channel;
use gmc_store::services::consultations::public::{self, ProfileInput, SubmitInput};
use gmc_store::services::consultations::{self as svc, results, ConsultationFilter};
use uuid::Uuid;

pub use dto::*;

use super::PageQuery;
use crate::auth::{Authed, MaybeAuthed};
use crate::etag::{etag, if_match, json_with_etag};
use crate::problem::{ApiError, ReadErrors, WriteErrors};
use crate::state::AppState;

#[utoipa::path(get, path = "/api/v1/consultations", tag = "consultations", operation_id = "list_consultations",
    params(ConsultationQuery, PageQuery), security(("bearer" = [])),
    responses((status = 200, description = "The consultations the caller may see, newest first", body = ConsultationPage), ReadErrors))]
pub async fn list_consultations(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    q: web::Query<ConsultationQuery>,
    page: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let (q, page) = (q.into_inner(), page.into_inner());
    let f = ConsultationFilter {
        status: q.status,
        delegation: q.delegation,
        q: q.q,
        limit: page.limit,
        cursor: page.cursor,
    };
    Ok(HttpResponse::Ok().json(ConsultationPage::from(svc::list(&state.db, &actor, f).await?)))
}

#[utoipa::path(post, path = "/api/v1/consultations", tag = "consultations", operation_id = "create_consultation",
    params(("Idempotency-Key" = Option<String>, Header, description = "Retry-safe: a repeat with the same key and request answers with the first outcome (24 h)")),
    request_body = CreateConsultationRequest, security(("bearer" = [])),
    responses((status = 201, description = "Created as a draft", body = ConsultationDto), WriteErrors))]
pub async fn create_consultation(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    body: web::Json<CreateConsultationRequest>,
) -> Result<HttpResponse, ApiError> {
    let c = svc::create(&state.db, &actor, body.into_inner().into()).await?;
    Ok(HttpResponse::Created()
        .insert_header(("Location", format!("/api/v1/consultations/{}", c.id)))
        .insert_header(("ETag", etag(c.version)))
        .json(ConsultationDto::from(c)))
}

#[utoipa::path(get, path = "/api/v1/consultations/{id}", tag = "consultations", operation_id = "get_consultation",
    params(("id" = Uuid, Path)), security(("bearer" = [])),
    responses((status = 200, description = "The consultation with its questionnaire; its version as ETag", body = ConsultationDto), ReadErrors))]
pub async fn get_consultation(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let c = svc::get(&state.db, &actor, *id).await?;
    Ok(json_with_etag(c.version, &ConsultationDto::from(c)))
}

#[utoipa::path(patch, path = "/api/v1/consultations/{id}", tag = "consultations", operation_id = "update_consultation",
    params(("id" = Uuid, Path), ("If-Match" = String, Header, description = "The ETag of the version being changed")),
    request_body = UpdateConsultationRequest, security(("bearer" = [])),
    responses((status = 200, description = "Updated", body = ConsultationDto), WriteErrors))]
pub async fn update_consultation(
    req: HttpRequest,
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
    body: web::Json<UpdateConsultationRequest>,
) -> Result<HttpResponse, ApiError> {
    let c = svc::update(&state.db, &actor, *id, body.into_inner().into(), if_match(&req)).await?;
    Ok(json_with_etag(c.version, &ConsultationDto::from(c)))
}

#[utoipa::path(delete, path = "/api/v1/consultations/{id}", tag = "consultations", operation_id = "delete_consultation",
    params(("id" = Uuid, Path)), security(("bearer" = [])),
    responses((status = 204, description = "Deleted (drafts without responses only)"), WriteErrors))]
pub async fn delete_consultation(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    svc::delete(&state.db, &actor, *id).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[utoipa::path(post, path = "/api/v1/consultations/{id}/status", tag = "consultations", operation_id = "set_consultation_status",
    params(("id" = Uuid, Path), ("If-Match" = String, Header, description = "The ETag of the version being changed")),
    request_body = ConsultationStatusRequest, security(("bearer" = [])),
    responses((status = 200, description = "Moved; opening checks the questionnaire is complete in every language", body = ConsultationDto), WriteErrors))]
pub async fn set_consultation_status(
    req: HttpRequest,
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
    body: web::Json<ConsultationStatusRequest>,
) -> Result<HttpResponse, ApiError> {
    let c = svc::set_status(&state.db, &actor, *id, &body.status, if_match(&req)).await?;
    Ok(json_with_etag(c.version, &ConsultationDto::from(c)))
}

#[utoipa::path(get, path = "/api/v1/consultations/{id}/results", tag = "consultations", operation_id = "get_consultation_results",
    params(("id" = Uuid, Path), ResultQuery), security(("bearer" = [])),
    responses((status = 200, description = "Counts, shares, mean and median per question; small cells withheld", body = ResultsDto), ReadErrors))]
pub async fn get_consultation_results(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
    q: web::Query<ResultQuery>,
) -> Result<HttpResponse, ApiError> {
    let r = results::results(&state.db, &actor, *id, q.into_inner().into(), state.small_cell_k).await?;
    Ok(HttpResponse::Ok().json(ResultsDto::from(r)))
}

#[utoipa::path(get, path = "/api/v1/consultations/{id}/crosstab", tag = "consultations", operation_id = "get_consultation_crosstab",
    params(("id" = Uuid, Path), CrossTabQuery, ResultQuery), security(("bearer" = [])),
    responses((status = 200, description = "One question by one profile dimension; small cells withheld", body = CrossTabDto), ReadErrors))]
pub async fn get_consultation_crosstab(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
    t: web::Query<CrossTabQuery>,
    q: web::Query<ResultQuery>,
) -> Result<HttpResponse, ApiError> {
    let k = state.small_cell_k;
    let r = results::crosstab(&state.db, &actor, *id, &t.question, &t.by, q.into_inner().into(), k).await?;
    Ok(HttpResponse::Ok().json(CrossTabDto::from(r)))
}

#[utoipa::path(get, path = "/api/v1/consultations/{id}/text-answers", tag = "consultations", operation_id = "list_consultation_text_answers",
    params(("id" = Uuid, Path), TextAnswerQuery, ResultQuery, PageQuery), security(("bearer" = [])),
    responses((status = 200, description = "Answers to a text question, newest first", body = TextAnswerPage), ReadErrors))]
pub async fn list_consultation_text_answers(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
    t: web::Query<TextAnswerQuery>,
    q: web::Query<ResultQuery>,
    page: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = page.into_inner();
    let (p, withheld) = results::text_answers(
        &state.db,
        &actor,
        *id,
        &t.question,
        q.into_inner().into(),
        (page.limit, page.cursor.as_deref()),
        state.small_cell_k,
    )
    .await?;
    Ok(HttpResponse::Ok().json(TextAnswerPage {
        items: p.items.into_iter().map(Into::into).collect(),
        next_cursor: p.next_cursor,
        withheld,
    }))
}

#[utoipa::path(get, path = "/api/v1/consultations/{id}/responses", tag = "consultations", operation_id = "list_consultation_responses",
    params(("id" = Uuid, Path), PageQuery), security(("bearer" = [])),
    responses((status = 200, description = "Anonymised responses (no stakeholder), newest first", body = ResponsePage), ReadErrors))]
pub async fn list_consultation_responses(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
    page: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = page.into_inner();
    let p = results::responses_page(&state.db, &actor, *id, page.limit, page.cursor.as_deref()).await?;
    Ok(HttpResponse::Ok().json(ResponsePage::from(p)))
}

fn csv(name: String, body: String) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header(("Content-Disposition", format!("attachment; filename=\"{name}\"")))
        .body(body)
}

#[utoipa::path(get, path = "/api/v1/consultations/{id}/results.csv", tag = "consultations", operation_id = "export_consultation_results",
    params(("id" = Uuid, Path), ResultQuery), security(("bearer" = [])),
    responses((status = 200, description = "The results as CSV, small cells written as `withheld`", content_type = "text/csv", body = String), ReadErrors))]
pub async fn export_consultation_results(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
    q: web::Query<ResultQuery>,
) -> Result<HttpResponse, ApiError> {
    let body = results::results_csv(&state.db, &actor, *id, q.into_inner().into(), state.small_cell_k).await?;
    Ok(csv(format!("consultation-{id}-results.csv"), body))
}

#[utoipa::path(get, path = "/api/v1/consultations/{id}/responses.csv", tag = "consultations", operation_id = "export_consultation_responses",
    params(("id" = Uuid, Path)), security(("bearer" = [])),
    responses((status = 200, description = "Every response, anonymised, one column per question", content_type = "text/csv", body = String), ReadErrors))]
pub async fn export_consultation_responses(
    state: web::Data<AppState>,
    Authed(actor): Authed,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let body = results::responses_csv(&state.db, &actor, *id).await?;
    Ok(csv(format!("consultation-{id}-responses.csv"), body))
}

#[utoipa::path(get, path = "/api/v1/public/consultations/{token}", tag = "public", operation_id = "get_public_form",
    params(("token" = String, Path), LangQuery),
    responses((status = 200, description = "The form in the language asked for, else English", body = PublicFormDto), ReadErrors))]
pub async fn get_public_form(
    state: web::Data<AppState>,
    token: web::Path<String>,
    q: web::Query<LangQuery>,
) -> Result<HttpResponse, ApiError> {
    let f = public::form(&state.db, &token, q.lang.as_deref()).await?;
    Ok(HttpResponse::Ok().insert_header(("Cache-Control", "no-store")).json(PublicFormDto::from(f)))
}

#[utoipa::path(post, path = "/api/v1/public/consultations/{token}/responses", tag = "public", operation_id = "submit_public_response",
    params(("token" = String, Path)), request_body = SubmitResponseRequest,
    responses((status = 201, description = "Received", body = SubmittedDto), WriteErrors))]
pub async fn submit_public_response(
    req: HttpRequest,
    state: web::Data<AppState>,
    MaybeAuthed(actor): MaybeAuthed,
    token: web::Path<String>,
    body: web::Json<SubmitResponseRequest>,
) -> Result<HttpResponse, ApiError> {
    state.public_limiter.check(super::auth::client_ip(&req)).map_err(ApiError::RateLimited)?;
    let b = body.into_inner();
    let profile = b.profile.map(|p| ProfileInput {
        country: p.country,
        sector: p.sector,
        size_class: p.size_class,
        women_led: p.women_led,
    });
    let channel = if actor.as_ref().is_some_and(|a| a.is_api_key()) { Channel::Api } else { Channel::Web };
    let input = SubmitInput { submission_id: b.submission_id, lang: b.lang, answers: b.answers, profile };
    let s = public::submit(&state.db, &state.responses, &token, actor.as_ref(), input, channel).await?;
    Ok(HttpResponse::Created().json(SubmittedDto { id: s.id, submitted_at: s.submitted_at }))
}

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/consultations")
            .route(web::get().to(list_consultations))
            .route(web::post().to(create_consultation)),
    )
    .service(
        web::resource("/consultations/{id}")
            .route(web::get().to(get_consultation))
            .route(web::patch().to(update_consultation))
            .route(web::delete().to(delete_consultation)),
    )
    .service(web::resource("/consultations/{id}/status").route(web::post().to(set_consultation_status)))
    .service(web::resource("/consultations/{id}/results").route(web::get().to(get_consultation_results)))
    .service(web::resource("/consultations/{id}/results.csv").route(web::get().to(export_consultation_results)))
    .service(web::resource("/consultations/{id}/crosstab").route(web::get().to(get_consultation_crosstab)))
    .service(web::resource("/consultations/{id}/text-answers").route(web::get().to(list_consultation_text_answers)))
    .service(web::resource("/consultations/{id}/responses").route(web::get().to(list_consultation_responses)))
    .service(web::resource("/consultations/{id}/responses.csv").route(web::get().to(export_consultation_responses)))
    .service(web::resource("/public/consultations/{token}").route(web::get().to(get_public_form)))
    .service(web::resource("/public/consultations/{token}/responses").route(web::post().to(submit_public_response)));
}
