//! A request id for every request: taken from a sane incoming `X-Request-Id` or made fresh, returned
//! on the response, put on the request's tracing span, and made current for audit events.

use std::time::Instant;

use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::ResponseError;
use gmc_store::context::with_request_id;
use tracing::Instrument;

use crate::problem::ApiError;

pub const HEADER: &str = "x-request-id";

fn incoming(req: &ServiceRequest) -> Option<String> {
    let v = req.headers().get(HEADER)?.to_str().ok()?;
    let ok = !v.is_empty() && v.len() <= 64 && v.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    ok.then(|| v.to_owned())
}

/// A NUL byte in the path or query would reach the database as text, which PostgreSQL refuses: turn
/// it away here, for every route at once.
fn has_nul(req: &ServiceRequest) -> bool {
    let uri = req.uri().to_string();
    uri.contains('\0') || uri.to_ascii_lowercase().contains("%00")
}

pub async fn middleware(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, actix_web::Error> {
    let id = incoming(&req).unwrap_or_else(|| uuid::Uuid::now_v7().simple().to_string());
    if has_nul(&req) {
        let problem = with_request_id(id.clone(), async {
            ApiError::BadRequest("the URL contains a NUL byte".into()).error_response()
        })
        .await;
        let mut res = req.into_response(problem).map_into_right_body();
        if let Ok(v) = HeaderValue::from_str(&id) {
            res.headers_mut().insert(HeaderName::from_static(HEADER), v);
        }
        return Ok(res);
    }
    let span = tracing::info_span!("request", request_id = %id, method = %req.method(), path = %req.path());
    let started = Instant::now();
    let result = with_request_id(id.clone(), next.call(req)).instrument(span.clone()).await;
    let _enter = span.enter();
    match result {
        Ok(res) => {
            let mut res = res.map_into_left_body();
            tracing::info!(
                status = res.status().as_u16(),
                elapsed_ms = started.elapsed().as_millis() as u64,
                "request done"
            );
            if let Ok(v) = HeaderValue::from_str(&id) {
                res.headers_mut().insert(HeaderName::from_static(HEADER), v);
            }
            Ok(res)
        }
        Err(e) => {
            tracing::warn!(error = %e, "request failed");
            Err(e)
        }
    }
}
