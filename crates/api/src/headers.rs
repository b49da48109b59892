//! Response headers every answer carries: a Content-Security-Policy for the SPA, the public page and
//! the API docs, and `Cache-Control: no-store` on the API, whose answers (results, responses, exports,
//! a delegation's confidential records) must not stay in a browser's or a proxy's cache.

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderValue, CACHE_CONTROL};
use actix_web::middleware::Next;

/// Scripts only from this origin, no plugins, no framing, forms and `<base>` only to this origin.
/// Inline styles are allowed (Mantine sets CSS variables and the charts position themselves with
/// `style` attributes); inline scripts are not. Images may be `data:`/`blob:` (chart downloads).
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; \
    style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; \
    connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/// Adds `Cache-Control: no-store` to every answer under `/api/` that did not set its own.
pub async fn no_store_for_api(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let api = req.path().starts_with("/api/v1/");
    let mut res = next.call(req).await?;
    if api && !res.headers().contains_key(CACHE_CONTROL) {
        res.headers_mut().insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    Ok(res)
}
