//! A request id for every request: taken from a sane incoming `X-Request-Id` or made fresh, returned
//! on the response, put on the request's tracing span, and made current for audit events.

use std::time::Instant;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::Next;
use gmc_store::context::with_request_id;
use tracing::Instrument;

pub const HEADER: &str = "x-request-id";

fn incoming(req: &ServiceRequest) -> Option<String> {
    let v = req.headers().get(HEADER)?.to_str().ok()?;
    let ok = !v.is_empty() && v.len() <= 64 && v.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    ok.then(|| v.to_owned())
}

pub async fn middleware(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let id = incoming(&req).unwrap_or_else(|| uuid::Uuid::now_v7().simple().to_string());
    let span = tracing::info_span!("request", request_id = %id, method = %req.method(), path = %req.path());
    let started = Instant::now();
    let result = with_request_id(id.clone(), next.call(req)).instrument(span.clone()).await;
    let _enter = span.enter();
    match result {
        Ok(mut res) => {
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
