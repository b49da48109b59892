//! RFC 9457 problem details: the one error format of the API. `ApiError` maps every service error to a
//! status in one place; actix's own errors (bad JSON, query or path, payload too large, unknown route,
//! wrong method) are rewritten into the same format by `problemize`.

use actix_web::dev::ServiceResponse;
use actix_web::http::header::{self, HeaderValue};
use actix_web::http::StatusCode;
use actix_web::middleware::ErrorHandlerResponse;
use actix_web::{HttpResponse, ResponseError};
use gmc_domain::FieldError;
use gmc_store::context::current_request_id;
use gmc_store::AppError;
use serde::Serialize;
use utoipa::ToSchema;

pub const PROBLEM_JSON: &str = "application/problem+json";

/// One field that failed validation.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ProblemField {
    /// The field, as named in the request (`title`, `scopes[1]`, `limit`).
    pub field: String,
    /// A stable machine-readable code (`required`, `too_long`, `invalid_choice`…).
    pub code: String,
    pub message: String,
}

/// An RFC 9457 problem document.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Problem {
    /// A URI naming the kind of problem (`urn:gmc:problem:validation`).
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    /// The request id, also sent as `X-Request-Id`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<ProblemField>,
}

impl Problem {
    pub fn new(status: StatusCode, slug: &str, detail: impl Into<String>) -> Self {
        Problem {
            kind: format!("urn:gmc:problem:{slug}"),
            title: status.canonical_reason().unwrap_or("Error").to_owned(),
            status: status.as_u16(),
            detail: detail.into(),
            request_id: current_request_id(),
            errors: Vec::new(),
        }
    }

    pub fn response(&self) -> HttpResponse {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        HttpResponse::build(status).content_type(PROBLEM_JSON).json(self)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error(transparent)]
    App(#[from] AppError),
    #[error("bad request: {0}")]
    BadRequest(String),
    /// A body or parameter that parsed but failed a field rule at the edge.
    #[error("invalid input")]
    Invalid(Vec<FieldError>),
    #[error("payload too large")]
    PayloadTooLarge(usize),
    #[error("unsupported media type")]
    UnsupportedMediaType,
    #[error("too many requests")]
    RateLimited(u64),
    // issue 11: key budgets
    #[error("the API key's budget is spent")]
    KeyBudgetSpent(crate::key_budget::KeyRate),
}

impl From<gmc_domain::ValidationErrors> for ApiError {
    fn from(e: gmc_domain::ValidationErrors) -> Self {
        ApiError::Invalid(e.into_vec())
    }
}

impl ApiError {
    fn problem(&self) -> Problem {
        use AppError as A;
        match self {
            ApiError::App(A::Validation(errors)) => validation(errors.clone().into_vec()),
            ApiError::Invalid(errors) => validation(errors.clone()),
            ApiError::App(A::Unauthenticated(m)) => Problem::new(StatusCode::UNAUTHORIZED, "unauthenticated", *m),
            ApiError::App(A::Forbidden) => {
                Problem::new(StatusCode::FORBIDDEN, "forbidden", "your role or API key scope does not allow this")
            }
            ApiError::App(A::SecondFactorRequired) => Problem::new(
                StatusCode::FORBIDDEN,
                "second-factor-required",
                "an admin account acts as admin only after a second factor: enrol one (POST /api/v1/me/mfa/enrolment, \
                 then /api/v1/me/mfa/verification), or sign in again and give your authenticator code",
            ),
            ApiError::App(A::NotFound(what)) => {
                Problem::new(StatusCode::NOT_FOUND, "not-found", format!("no such {what}"))
            }
            ApiError::App(A::Conflict(m)) => Problem::new(StatusCode::CONFLICT, "conflict", m.clone()),
            ApiError::App(A::Closed(m)) => Problem::new(StatusCode::CONFLICT, "consultation-closed", m.clone()),
            ApiError::App(A::PreconditionFailed { current }) => Problem::new(
                StatusCode::PRECONDITION_FAILED,
                "stale-version",
                format!("the record has changed (current version {current}); reload it and apply your change again"),
            ),
            ApiError::App(A::PreconditionRequired) => Problem::new(
                StatusCode::PRECONDITION_REQUIRED,
                "if-match-required",
                "send If-Match with the ETag of the version you are changing",
            ),
            ApiError::App(A::Busy) => Problem::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "busy",
                "the database is busy; retry in a moment (see Retry-After)",
            ),
            ApiError::App(A::Internal(e)) => {
                tracing::error!(error = ?e, "internal error");
                Problem::new(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "internal",
                    "something went wrong on our side; the request id identifies it in our logs",
                )
            }
            ApiError::BadRequest(m) => Problem::new(StatusCode::BAD_REQUEST, "bad-request", m.clone()),
            ApiError::PayloadTooLarge(limit) => Problem::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                "payload-too-large",
                format!("the body is larger than the {limit} bytes accepted"),
            ),
            ApiError::UnsupportedMediaType => Problem::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported-media-type",
                "send the body as application/json",
            ),
            ApiError::RateLimited(secs) => Problem::new(
                StatusCode::TOO_MANY_REQUESTS,
                "rate-limited",
                format!("too many attempts; try again in {secs} s"),
            ),
            // issue 11: key budgets
            ApiError::KeyBudgetSpent(rate) => Problem::new(
                StatusCode::TOO_MANY_REQUESTS,
                "rate-limited",
                format!(
                    "this API key's budget of {} requests a minute is spent; try again in {} s",
                    rate.limit, rate.reset_secs
                ),
            ),
        }
    }
}

fn validation(errors: Vec<FieldError>) -> Problem {
    let mut p = Problem::new(StatusCode::UNPROCESSABLE_ENTITY, "validation", "some fields are invalid; see errors");
    p.errors = errors.into_iter().map(|e| ProblemField { field: e.field, code: e.code, message: e.message }).collect();
    p
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        StatusCode::from_u16(self.problem().status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }

    fn error_response(&self) -> HttpResponse {
        let mut res = self.problem().response();
        match self {
            ApiError::RateLimited(secs) => {
                if let Ok(v) = HeaderValue::from_str(&secs.to_string()) {
                    res.headers_mut().insert(header::RETRY_AFTER, v);
                }
            }
            // issue 11: key budgets
            ApiError::KeyBudgetSpent(rate) => {
                for (name, value) in [
                    (header::RETRY_AFTER.as_str(), rate.reset_secs.to_string()),
                    (crate::key_budget::POLICY_HEADER, rate.policy_header()),
                    (crate::key_budget::RATE_HEADER, rate.rate_header()),
                ] {
                    if let (Ok(n), Ok(v)) =
                        (header::HeaderName::from_bytes(name.as_bytes()), HeaderValue::from_str(&value))
                    {
                        res.headers_mut().insert(n, v);
                    }
                }
            }
            ApiError::App(AppError::Busy) => {
                res.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
            }
            ApiError::App(AppError::Unauthenticated(_)) => {
                res.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
            }
            _ => {}
        }
        res
    }
}

/// Rewrites any error response that is not already problem+json (actix's own 404, 405, 413, …).
pub fn problemize<B>(res: ServiceResponse<B>) -> actix_web::Result<ErrorHandlerResponse<B>> {
    let is_problem = res
        .response()
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(PROBLEM_JSON.as_bytes()));
    if is_problem {
        return Ok(ErrorHandlerResponse::Response(res.map_into_left_body()));
    }
    let status = res.status();
    let (slug, detail) = match status {
        StatusCode::NOT_FOUND => ("not-found", "no such resource".to_owned()),
        StatusCode::METHOD_NOT_ALLOWED => {
            ("method-not-allowed", "this resource does not accept that method".to_owned())
        }
        StatusCode::PAYLOAD_TOO_LARGE => ("payload-too-large", "the body is too large".to_owned()),
        StatusCode::UNSUPPORTED_MEDIA_TYPE => {
            ("unsupported-media-type", "send the body as application/json".to_owned())
        }
        s if s.is_server_error() => ("internal", "something went wrong on our side".to_owned()),
        s => ("bad-request", s.canonical_reason().unwrap_or("bad request").to_lowercase()),
    };
    let (req, old) = res.into_parts();
    let mut new = Problem::new(status, slug, detail).response();
    for name in [header::ALLOW, header::RETRY_AFTER, header::WWW_AUTHENTICATE] {
        if let Some(v) = old.headers().get(&name) {
            new.headers_mut().insert(name, v.clone());
        }
    }
    Ok(ErrorHandlerResponse::Response(ServiceResponse::new(req, new).map_into_right_body()))
}
