//! `ETag` on reads of versioned records and `If-Match` on their updates.

use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpRequest, HttpResponse};

/// The strong ETag of a record version: `"7"`.
pub fn etag(version: i32) -> String {
    format!("\"{version}\"")
}

/// The version named by `If-Match`, if any. A value we never issued becomes `-1`, which matches no
/// version, so the update fails with 412 rather than being applied blindly.
pub fn if_match(req: &HttpRequest) -> Option<i32> {
    let raw = req.headers().get(header::IF_MATCH)?.to_str().ok()?.trim();
    let raw = raw.strip_prefix("W/").unwrap_or(raw);
    Some(raw.trim_matches('"').parse::<i32>().unwrap_or(-1))
}

/// A 200 JSON response with the record's ETag.
pub fn json_with_etag<T: serde::Serialize>(version: i32, body: &T) -> HttpResponse {
    let mut res = HttpResponse::Ok().json(body);
    if let Ok(v) = HeaderValue::from_str(&etag(version)) {
        res.headers_mut().insert(header::ETAG, v);
    }
    res
}
