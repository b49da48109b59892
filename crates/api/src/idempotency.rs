//! `Idempotency-Key` on POST (DESIGN §4): a retried create is answered with the first outcome instead
//! of creating twice. Applies under `/api/v1` except sign-in (no user yet), API keys and the second
//! factor (their responses carry secrets — a key, a TOTP secret, recovery codes — that must never be
//! stored). The bookkeeping is `gmc_store::services::idempotency`.

use actix_web::body::{to_bytes, BoxBody, MessageBody};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::Next;
use actix_web::{web, HttpResponse, ResponseError};
use gmc_domain::{AuthMethod, FieldError};
use gmc_store::services::auth::authenticate;
use gmc_store::services::idempotency::{self, Claim, StoredResponse};
use gmc_store::services::secrets;
use gmc_store::AppError;

use crate::problem::ApiError;
use crate::state::AppState;

pub const HEADER: &str = "idempotency-key";

fn applies(req: &ServiceRequest) -> bool {
    let path = req.path();
    req.method() == Method::POST
        && path.starts_with("/api/v1/")
        && !path.starts_with("/api/v1/auth/")
        && !path.starts_with("/api/v1/api-keys")
        && !path.starts_with("/api/v1/me/mfa")
        // issue 10: meetings — the feed's URL is a credential, shown once; a stored copy would show it again.
        && !path.starts_with("/api/v1/me/calendar-feed")
        // issue 10: documents — an upload is a multipart body up to the upload limit, which the
        // replay store (it keeps bodies up to the JSON limit) must not buffer; a version is a new
        // number each time, and a repeated upload of the same file stores the same content once.
        && !(path.starts_with("/api/v1/documents/") && path.ends_with("/versions"))
        // issue 11: webhooks — a subscription's answer carries its signing secret, shown once.
        && !path.starts_with("/api/v1/webhooks")
        // issue 11: imports — the body is a file up to the upload limit, which the replay store must not
        // buffer; an upsert import is safe to repeat, an insert import is refused row by row as `taken`
        // where rows carry external ids.
        && !path.starts_with("/api/v1/imports/")
}

fn key_of(req: &ServiceRequest) -> Option<Result<String, ApiError>> {
    let raw = req.headers().get(HEADER)?;
    let ok = raw.to_str().ok().filter(|k| !k.is_empty() && k.len() <= 255 && k.bytes().all(|b| b.is_ascii_graphic()));
    Some(ok.map(str::to_owned).ok_or_else(|| {
        ApiError::Invalid(vec![FieldError {
            field: "Idempotency-Key".into(),
            code: "invalid_format".into(),
            message: "must be 1–255 visible ASCII characters".into(),
        }])
    }))
}

fn reply(req: ServiceRequest, res: HttpResponse) -> ServiceResponse<BoxBody> {
    req.into_response(res).map_into_boxed_body()
}

pub async fn middleware(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let key = match (applies(&req), key_of(&req)) {
        (true, Some(Ok(key))) => key,
        (true, Some(Err(e))) => return Ok(reply(req, e.error_response())),
        _ => return next.call(req).await.map(ServiceResponse::map_into_boxed_body),
    };
    let Some(state) = req.app_data::<web::Data<AppState>>().cloned() else {
        return next.call(req).await.map(ServiceResponse::map_into_boxed_body);
    };
    let bearer = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|h| h.to_str().ok())
        .and_then(|h| h.split_once(' '))
        .map(|(_, t)| t.trim().to_owned());
    // Without a valid credential the handler answers 401 itself; there is no user to key by.
    let actor = match bearer {
        Some(t) => authenticate(&state.db, &state.tokens, &state.sessions, &t).await.ok(),
        None => None,
    };
    let Some(actor) = actor else {
        return next.call(req).await.map(ServiceResponse::map_into_boxed_body);
    };
    // Over the limit (or unreadable), the body is refused here in the API's own format: actix's error
    // would be a plain-text 413 that no error handler sees.
    let body = match req.extract::<web::Bytes>().await {
        Ok(body) => body,
        Err(e) => {
            let err = match e.as_error::<actix_web::error::PayloadError>() {
                Some(actix_web::error::PayloadError::Overflow) => ApiError::PayloadTooLarge(state.max_body_bytes),
                Some(other) => ApiError::BadRequest(format!("the body could not be read: {other}")),
                None => ApiError::BadRequest(format!("the body could not be read: {e}")),
            };
            return Ok(reply(req, err.error_response()));
        }
    };
    let fingerprint = format!("{} {}?{}\n", req.method(), req.path(), req.query_string());
    let hash = secrets::hash(&(fingerprint + &String::from_utf8_lossy(&body)));
    req.set_payload(Payload::from(body));
    let user = actor.user_id.as_uuid();
    let credential = match &actor.method {
        AuthMethod::Session => "session".to_owned(),
        AuthMethod::ApiKey { id, .. } => format!("key:{}", id.as_uuid()),
    };
    match idempotency::claim(&state.db, user, &credential, &key, &hash).await.map_err(ApiError::from) {
        Err(e) => Ok(reply(req, e.error_response())),
        Ok(Claim::Replay(stored)) => Ok(reply(req, replayed(stored))),
        Ok(Claim::Mismatch) => {
            let e = ApiError::Invalid(vec![FieldError {
                field: "Idempotency-Key".into(),
                code: "reused".into(),
                message: "was already used with a different request".into(),
            }]);
            Ok(reply(req, e.error_response()))
        }
        Ok(Claim::InProgress) => {
            let e =
                ApiError::App(AppError::Conflict("a request with this Idempotency-Key is still in progress".into()));
            Ok(reply(req, e.error_response()))
        }
        Ok(Claim::New) => {
            let res = next.call(req).await?;
            let status = res.status();
            let (req, response) = res.into_parts();
            let (head, body) = response.into_parts();
            let bytes = to_bytes(body).await.map_err(|e| actix_web::error::ErrorInternalServerError(e.into()))?;
            let stored = StoredResponse {
                status: status.as_u16(),
                content_type: header_text(&head, header::CONTENT_TYPE),
                location: header_text(&head, header::LOCATION),
                body: String::from_utf8_lossy(&bytes).into_owned(),
            };
            let saved = if status.is_server_error() {
                idempotency::abandon(&state.db, user, &key).await
            } else {
                idempotency::complete(&state.db, user, &key, &stored).await
            };
            if let Err(e) = saved {
                tracing::warn!(error = %e, "could not store the idempotent outcome");
            }
            Ok(ServiceResponse::new(req, head.set_body(BoxBody::new(bytes))))
        }
    }
}

fn header_text(res: &HttpResponse<()>, name: header::HeaderName) -> Option<String> {
    res.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_owned)
}

fn replayed(stored: StoredResponse) -> HttpResponse {
    let mut res = HttpResponse::build(StatusCode::from_u16(stored.status).unwrap_or(StatusCode::OK)).body(stored.body);
    let headers = res.headers_mut();
    if let Some(v) = stored.content_type.and_then(|v| HeaderValue::from_str(&v).ok()) {
        headers.insert(header::CONTENT_TYPE, v);
    }
    if let Some(v) = stored.location.and_then(|v| HeaderValue::from_str(&v).ok()) {
        headers.insert(header::LOCATION, v);
    }
    headers.insert(header::HeaderName::from_static("idempotency-replayed"), HeaderValue::from_static("true"));
    res
}
