//! Serving the built SPA: files from `static_dir`, and `index.html` for client-side routes.

use std::path::PathBuf;

use actix_files::{Files, NamedFile};
use actix_web::dev::{fn_service, ServiceRequest, ServiceResponse};
use actix_web::{http::Method, HttpResponse};

use crate::problem::ApiError;

const NOT_BUILT: &str =
    "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Geneva–MSME Connection</title></head>\
<body><main><h1>Geneva–MSME Connection</h1><p>The dashboard has not been built. Run <code>make run</code>, \
or see <a href=\"/api/docs/\">the API documentation</a>.</p></main></body></html>";

/// Registers the SPA's files (last, after the API), or a short page saying it is not built.
pub fn configure(cfg: &mut actix_web::web::ServiceConfig, static_dir: &str) {
    let dir = PathBuf::from(static_dir);
    let index = dir.join("index.html");
    if !index.exists() {
        cfg.default_service(fn_service(|req: ServiceRequest| async move {
            if req.method() != Method::GET && req.method() != Method::HEAD {
                return Ok(not_found(req));
            }
            Ok(req.into_response(HttpResponse::Ok().content_type("text/html; charset=utf-8").body(NOT_BUILT)))
        }));
        return;
    }
    let files =
        Files::new("/", dir).index_file("index.html").default_handler(fn_service(move |req: ServiceRequest| {
            let index = index.clone();
            async move { fallback(req, index).await }
        }));
    cfg.service(files);
}

fn not_found(req: ServiceRequest) -> ServiceResponse {
    let (req, _) = req.into_parts();
    let res = actix_web::ResponseError::error_response(&ApiError::App(gmc_store::AppError::NotFound("resource")));
    ServiceResponse::new(req, res)
}

/// Client routes (`/topics/FISH`) get `index.html`; the public response page (`/respond/{token}`) gets
/// its own light entry, `respond.html`; other methods get a 404 problem.
async fn fallback(req: ServiceRequest, index: PathBuf) -> Result<ServiceResponse, actix_web::Error> {
    if req.method() != Method::GET && req.method() != Method::HEAD {
        return Ok(not_found(req));
    }
    let page = if req.path().starts_with("/respond/") { index.with_file_name("respond.html") } else { index };
    let (req, _) = req.into_parts();
    let file = NamedFile::open_async(page).await?;
    let res = file.into_response(&req);
    Ok(ServiceResponse::new(req, res))
}
