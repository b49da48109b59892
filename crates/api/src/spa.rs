//! Serving the built SPA: files from `static_dir`, and `index.html` for client-side routes.
//!
//! Caching: Vite names everything under `/assets/` after its content, so those answers are kept for a
//! year without revalidation; `index.html`, `respond.html` and the unhashed files of `public/` are
//! revalidated on every use (`no-cache`, answered 304 by ETag), so a release reaches browsers on their
//! next load. Compression: the build writes `.br` and `.gz` beside each compressible file
//! (frontend/vite.config.ts); one is served when `Accept-Encoding` allows it, and `Vary` tells caches
//! that the answer depends on that header. Source maps are not shipped: a `*.map` URL is a 404, as is a
//! missing file under `/assets/` (an old page asking for a chunk a release removed must not get HTML).

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use actix_files::{NamedFile, PathBufWrap};
use actix_web::dev::{fn_service, ServiceRequest, ServiceResponse};
use actix_web::http::header::{AcceptEncoding, ContentEncoding, Encoding, Header, HeaderValue, CACHE_CONTROL, VARY};
use actix_web::{http::Method, web, HttpRequest, HttpResponse};

use crate::problem::ApiError;

const NOT_BUILT: &str =
    "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Geneva–MSME Connection</title></head>\
<body><main><h1>Geneva–MSME Connection</h1><p>The dashboard has not been built. Run <code>make run</code>, \
or see <a href=\"/api/docs/\">the API documentation</a>.</p></main></body></html>";

/// For content-hashed files: a new version has a new name, so the old one never needs revalidating.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// For the pages and unhashed files: cache, but ask the server (a cheap 304) before each use.
pub const REVALIDATE: &str = "no-cache";

/// Registers the SPA's files (last, after the API), or a short page saying it is not built.
pub fn configure(cfg: &mut actix_web::web::ServiceConfig, static_dir: &str) {
    let dir = PathBuf::from(static_dir);
    if !dir.join("index.html").exists() {
        cfg.default_service(fn_service(|req: ServiceRequest| async move {
            if req.method() != Method::GET && req.method() != Method::HEAD {
                return Ok(not_found(req));
            }
            Ok(req.into_response(HttpResponse::Ok().content_type("text/html; charset=utf-8").body(NOT_BUILT)))
        }));
        return;
    }
    let dir: Rc<Path> = dir.into();
    cfg.default_service(fn_service(move |req: ServiceRequest| serve(req, Rc::clone(&dir))));
}

fn not_found(req: ServiceRequest) -> ServiceResponse {
    let (req, _) = req.into_parts();
    let res = actix_web::ResponseError::error_response(&ApiError::App(gmc_store::AppError::NotFound("resource")));
    ServiceResponse::new(req, res)
}

/// A file of the build, or for client routes (`/topics/FISH`) `index.html` and for the public response
/// page (`/respond/{token}`) its own light entry, `respond.html`. Other methods get a 405 problem.
async fn serve(req: ServiceRequest, dir: Rc<Path>) -> Result<ServiceResponse, actix_web::Error> {
    if req.method() != Method::GET && req.method() != Method::HEAD {
        return Ok(req.into_response(HttpResponse::MethodNotAllowed().finish()));
    }
    // The same checks as actix-files: no `..` above the root, no hidden files, valid UTF-8 (else 400).
    let relative = match PathBufWrap::parse_req_path(req.request(), false) {
        Ok(p) => p,
        Err(e) => return Ok(req.error_response(e)),
    };
    let relative: &Path = relative.as_ref();
    if relative.extension() == Some(OsStr::new("map")) {
        return Ok(not_found(req));
    }
    let hashed = relative.starts_with("assets");
    let path = dir.join(relative);
    if path.is_file() {
        return send(req, path, if hashed { IMMUTABLE } else { REVALIDATE }).await;
    }
    if hashed {
        return Ok(not_found(req));
    }
    let page = if req.path().starts_with("/respond/") { "respond.html" } else { "index.html" };
    send(req, dir.join(page), REVALIDATE).await
}

async fn send(req: ServiceRequest, path: PathBuf, cache: &'static str) -> Result<ServiceResponse, actix_web::Error> {
    let file = match precompressed(req.request(), &path) {
        Some((encoding, variant)) => {
            let opened = web::block(move || std::fs::File::open(variant)).await??;
            // Named after the original, so Content-Type and Content-Disposition are the original's.
            NamedFile::from_file(opened, &path)?.set_content_encoding(encoding)
        }
        None => NamedFile::open_async(&path).await?,
    };
    let (req, _) = req.into_parts();
    let mut res = file.into_response(&req);
    res.headers_mut().insert(CACHE_CONTROL, HeaderValue::from_static(cache));
    res.headers_mut().insert(VARY, HeaderValue::from_static("accept-encoding"));
    Ok(ServiceResponse::new(req, res))
}

/// The `.br` or `.gz` beside `path` that the request accepts (brotli first when equally welcome), if
/// the build wrote one; `None` means the file as it is.
fn precompressed(req: &HttpRequest, path: &Path) -> Option<(ContentEncoding, PathBuf)> {
    let accepted = AcceptEncoding::parse(req).ok()?;
    let variants: Vec<(ContentEncoding, PathBuf)> = [(ContentEncoding::Brotli, "br"), (ContentEncoding::Gzip, "gz")]
        .into_iter()
        .map(|(encoding, ext)| {
            let mut variant = path.as_os_str().to_owned();
            variant.push(".");
            variant.push(ext);
            (encoding, PathBuf::from(variant))
        })
        .filter(|(_, variant)| variant.is_file())
        .collect();
    if variants.is_empty() {
        return None;
    }
    let supported: Vec<Encoding> =
        std::iter::once(Encoding::identity()).chain(variants.iter().map(|(e, _)| Encoding::Known(*e))).collect();
    match accepted.negotiate(supported.iter())? {
        Encoding::Known(chosen) => variants.into_iter().find(|(e, _)| *e == chosen),
        Encoding::Unknown(_) => None,
    }
}
