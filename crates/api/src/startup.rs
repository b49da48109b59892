//! Building the application: database, keys, routes, middleware, listener. Tests build it on port 0
//! and read the real port back.

use std::net::TcpListener;
use std::time::Duration;

use actix_web::body::MessageBody;
use actix_web::dev::Server;
use actix_web::dev::{ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::http::Method;
use actix_web::middleware::{Condition, DefaultHeaders, ErrorHandlers, Next};
use actix_web::{error::JsonPayloadError, web, App, HttpServer};
use gmc_store::catalogue::Catalogue;
use gmc_store::demo;
use gmc_store::services::{tokens::JwtSecret, tokens::Tokens};
use sea_orm::DatabaseConnection;
use utoipa_actix_web::AppExt;
use utoipa_swagger_ui::SwaggerUi;

use crate::openapi::{api_not_found, mount};
use crate::problem::{problemize, ApiError};
use crate::rate_limit::LoginLimiter;
use crate::settings::{Environment, Settings};
use crate::state::AppState;
use crate::{request_id, spa, status_log};

pub struct Application {
    port: u16,
    server: Server,
    shutdown: Shutdown,
    rendered_topics: crate::render_cache::RenderCache,
    // issue 10: notifications
    jobs: crate::jobs::Jobs,
    // issue 11: key budgets
    key_usage: (crate::key_budget::KeyLimiter, DatabaseConnection, Duration),
    // issue 8: the registry's read model, loaded as the server starts
    registry: (gmc_store::services::impediments::RegistryModel, DatabaseConnection),
}

/// SIGINT and SIGTERM, registered when the app is built, so a signal that arrives as soon as the
/// "listening" line is out is already ours (actix would register its own later, racing the log line).
struct Shutdown {
    interrupt: tokio::signal::unix::Signal,
    terminate: tokio::signal::unix::Signal,
}

impl Shutdown {
    fn register() -> std::io::Result<Self> {
        use tokio::signal::unix::{signal, SignalKind};
        Ok(Self { interrupt: signal(SignalKind::interrupt())?, terminate: signal(SignalKind::terminate())? })
    }

    async fn recv(mut self) {
        tokio::select! {
            _ = self.interrupt.recv() => {}
            _ = self.terminate.recv() => {}
        }
    }
}

impl Application {
    /// Connects, migrates and binds.
    pub async fn build(settings: Settings) -> anyhow::Result<Self> {
        let db = gmc_store::db::connect(&settings.database_url).await?;
        gmc_store::db::migrate(&db).await?;
        if settings.env == Environment::Production && demo::has_demo_accounts(&db).await? {
            anyhow::bail!("demo accounts (@gmc.test) exist in this database; production refuses to start with them");
        }
        Self::build_with_db(settings, db)
    }

    pub fn build_with_db(settings: Settings, db: DatabaseConnection) -> anyhow::Result<Self> {
        let secret = jwt_secret(&settings)?;
        let responses =
            gmc_store::services::consultations::ResponseWriter::start(db.clone(), settings.small_cell_k.max(1));
        let state = AppState {
            db,
            tokens: Tokens::new(&secret, settings.access_ttl_secs, settings.refresh_ttl_secs),
            login_limiter: LoginLimiter::new(settings.login_burst, Duration::from_secs(settings.login_period_secs)),
            public_limiter: crate::rate_limit::IpLimiter::new(
                settings.public_burst,
                Duration::from_millis(settings.public_period_ms),
            ),
            small_cell_k: settings.small_cell_k.max(1),
            alignment: settings.alignment_weights()?,
            responses,
            catalogue: Catalogue::default(),
            sessions: Default::default(),
            rendered_topics: crate::render_cache::RenderCache::new(settings.render_cache),
            // issue 9: the board's read model
            prep_board: gmc_store::services::prep::BoardModel::new(settings.prep_board_read_model),
            // issue 8: the registry's read model
            registry: gmc_store::services::impediments::RegistryModel::new(settings.registry_read_model),
            max_body_bytes: settings.max_json_bytes,
            // issue 10: documents
            storage: gmc_store::storage::open(&settings.storage())?,
            upload_max_bytes: settings.upload_max_bytes,
            // issue 11: webhooks
            webhook_egress: settings.webhook_egress()?,
            // issue 11: key budgets
            key_limiter: crate::key_budget::KeyLimiter::new(settings.api_key_requests_per_minute),
            // issue 11: import jobs
            import_job_threshold_bytes: settings.import_job_threshold_bytes,
            import_max_bytes: settings.import_max_bytes,
            import_spool_dir: settings.import_spool_dir.clone().into(),
        };
        let listener = TcpListener::bind((settings.host.as_str(), settings.port))?;
        let port = listener.local_addr()?.port();
        let shutdown = Shutdown::register()?;
        let rendered_topics = state.rendered_topics.clone();
        // issue 10: notifications
        let jobs = crate::jobs::Jobs::new(state.db.clone(), settings.notify_interval_secs)
            .with_mail(crate::jobs::Mail::from_settings(&settings)?)
            // issue 11: the job queue's worker
            .with_queue(crate::jobs::Queue::from_settings(&settings)?);
        // issue 11: key budgets
        let key_usage =
            (state.key_limiter.clone(), state.db.clone(), Duration::from_secs(settings.api_key_usage_flush_secs));
        let registry = (state.registry.clone(), state.db.clone());
        let server = server(listener, state, settings)?;
        Ok(Self { port, server, shutdown, rendered_topics, jobs, key_usage, registry })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// Serves until SIGINT/SIGTERM, then finishes in-flight requests (graceful shutdown).
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let handle = self.server.handle();
        let shutdown = self.shutdown;
        // issue 10: notifications
        self.jobs.spawn();
        // issue 11: key budgets
        let (key_limiter, key_db, key_flush) = self.key_usage;
        key_limiter.spawn_flusher(key_db.clone(), key_flush);
        // issue 8: the first registry page should not wait for the model's load.
        let (registry, registry_db) = self.registry;
        if registry.is_on() {
            tokio::spawn(async move {
                let started = std::time::Instant::now();
                match registry.warm(&registry_db).await {
                    Ok(records) => {
                        // Its own target, so that a log kept at `warn` can still show when the model is ready
                        // (scripts/bench-mixed.sh waits for this line before measuring).
                        tracing::info!(
                            target: "gmc_model",
                            records,
                            ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX),
                            "registry read model loaded"
                        );
                    }
                    // Not fatal: the first page tries again and reports its own error.
                    Err(e) => tracing::warn!(error = %e, "registry read model: the load at startup failed"),
                }
            });
        }
        tokio::spawn(async move {
            shutdown.recv().await;
            tracing::info!("shutting down: finishing requests in flight");
            handle.stop(true).await;
        });
        let served = self.server.await;
        // issue 11: key budgets — what this node counted since its last flush is not lost at shutdown.
        if let Err(e) = key_limiter.flush(&key_db).await {
            tracing::warn!(error = %e, "API key usage flush at shutdown failed");
        }
        // For benchmarks (scripts/bench-mixed.sh reads it): how much the one remaining cache saved.
        let (hits, misses) = self.rendered_topics.counts();
        tracing::info!(target: "gmc_cache", cache = "render", hits, misses, "cache counts");
        served
    }
}

fn jwt_secret(settings: &Settings) -> anyhow::Result<JwtSecret> {
    match (&settings.jwt_secret, settings.env) {
        (Some(s), Environment::Production) if s.expose().len() < 32 => {
            anyhow::bail!("GMC_JWT_SECRET must be at least 32 characters in production")
        }
        (Some(s), _) if !s.expose().is_empty() => Ok(JwtSecret::new(s.expose().to_owned())),
        (_, Environment::Production) => anyhow::bail!("GMC_JWT_SECRET is required when GMC_ENV=production"),
        (_, Environment::Development) => {
            tracing::warn!("GMC_JWT_SECRET is not set: using a random secret; tokens will not survive a restart");
            Ok(JwtSecret::random())
        }
    }
}

fn json_error(err: JsonPayloadError) -> ApiError {
    match err {
        JsonPayloadError::OverflowKnownLength { limit, .. } | JsonPayloadError::Overflow { limit } => {
            ApiError::PayloadTooLarge(limit)
        }
        JsonPayloadError::ContentType => ApiError::UnsupportedMediaType,
        JsonPayloadError::Deserialize(e) if e.is_data() => {
            let msg = e.to_string();
            let field = msg.split('`').nth(1).filter(|_| msg.contains("field")).unwrap_or("body").to_owned();
            ApiError::Invalid(vec![gmc_domain::FieldError { field, code: "invalid".into(), message: msg }])
        }
        JsonPayloadError::Deserialize(e) => ApiError::BadRequest(format!("the body is not valid JSON: {e}")),
        other => ApiError::BadRequest(format!("the body could not be read: {other}")),
    }
}

fn server(listener: TcpListener, state: AppState, settings: Settings) -> anyhow::Result<Server> {
    let data = web::Data::new(state);
    let openapi = crate::openapi::document();
    let max_json = settings.max_json_bytes;
    let static_dir = settings.static_dir.clone();
    let mut server = HttpServer::new(move || {
        let app = App::new()
            .wrap(actix_web::middleware::from_fn(crate::idempotency::middleware))
            // issue 11: key budgets
            .wrap(actix_web::middleware::from_fn(crate::key_budget::rate_headers))
            .wrap(ErrorHandlers::new().default_handler(problemize))
            .wrap(
                DefaultHeaders::new()
                    .add(("X-Content-Type-Options", "nosniff"))
                    .add(("Referrer-Policy", "no-referrer"))
                    .add(("X-Frame-Options", "DENY"))
                    .add(("Content-Security-Policy", crate::headers::CONTENT_SECURITY_POLICY)),
            )
            .wrap(actix_web::middleware::from_fn(crate::headers::no_store_for_api))
            .wrap(actix_web::middleware::from_fn(request_id::middleware))
            .wrap(actix_web::middleware::from_fn(head_as_get))
            .wrap(Condition::new(status_log::enabled(), actix_web::middleware::from_fn(status_log::middleware)))
            .app_data(data.clone())
            .app_data(web::JsonConfig::default().limit(max_json).error_handler(|err, _| json_error(err).into()))
            // The raw body the `Idempotency-Key` check reads: the same limit as JSON.
            .app_data(web::PayloadConfig::new(max_json))
            .app_data(
                web::QueryConfig::default()
                    .error_handler(|err, _| ApiError::BadRequest(format!("the query string is invalid: {err}")).into()),
            )
            .app_data(
                web::PathConfig::default()
                    .error_handler(|err, _| ApiError::BadRequest(format!("the path is invalid: {err}")).into()),
            );
        serve(app, openapi.clone(), &static_dir)
    })
    .listen(listener)?
    .disable_signals()
    .shutdown_timeout(20);
    if let Some(workers) = settings.workers {
        server = server.workers(workers);
    }
    Ok(server.run())
}

/// Every route, in the order actix tries them: the docs, the operations (`mount`), the API's 404, the SPA.
fn serve<T>(app: App<T>, openapi: utoipa::openapi::OpenApi, static_dir: &str) -> App<T>
where
    T: ServiceFactory<ServiceRequest, Config = (), Error = actix_web::Error, InitError = ()>,
{
    let app = app
        .route("/api/docs", web::get().to(docs_redirect))
        // Before `mount`: the document's own URL is under the `/api/v1` scope, which would answer 404.
        .service(SwaggerUi::new("/api/docs/{_:.*}").url("/api/v1/openapi.json", openapi))
        .into_utoipa_app();
    mount(app)
        .into_app()
        .route("/api/{tail:.*}", web::to(api_not_found))
        .configure(|cfg| spa::configure(cfg, static_dir))
}

async fn docs_redirect() -> actix_web::HttpResponse {
    actix_web::HttpResponse::PermanentRedirect().insert_header(("Location", "/api/docs/")).finish()
}

/// HEAD is GET without the body (RFC 9110 §9.3.2), but utoipa-swagger-ui registers the docs UI and the
/// document for GET only, so HEAD fell through to the API's 404. Asked there, HEAD is routed as GET;
/// actix-http still answers a HEAD request without a body (it decides from the request as received).
async fn head_as_get(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    if req.method() == Method::HEAD && serves_docs(req.path()) {
        req.head_mut().method = Method::GET;
    }
    next.call(req).await
}

fn serves_docs(path: &str) -> bool {
    path == "/api/docs" || path.starts_with("/api/docs/") || path == "/api/v1/openapi.json"
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use actix_web::introspection::{IntrospectionNode, IntrospectionTree, ResourceType};
    use actix_web::test::{call_service, init_service, TestRequest};
    use actix_web::{web, App};
    use utoipa::openapi::PathItem;

    use super::serve;

    /// Path → methods.
    type Routes = BTreeMap<String, BTreeSet<&'static str>>;

    /// What the app serves under `/api` that is not an operation, and why.
    const NOT_OPERATIONS: [(&str, &str); 4] = [
        ("/api/docs", "redirects to the docs UI"),
        ("/api/docs/{_:.*}", "the docs UI"),
        ("/api/v1/openapi.json", "the document itself"),
        ("/api/{tail:.*}", "the API's 404"),
    ];

    fn served(node: &IntrospectionNode, out: &mut Routes) {
        let path = node.full_path.as_str();
        if matches!(node.kind, ResourceType::Resource) && (path.starts_with("/api") || path.starts_with("/health")) {
            out.entry(path.to_owned()).or_default().extend(node.methods.iter().map(|m| method_name(m.as_str())));
        }
        for child in &node.children {
            served(child, out);
        }
    }

    fn method_name(m: &str) -> &'static str {
        ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"]
            .into_iter()
            .find(|k| *k == m)
            .unwrap_or("?")
    }

    fn documented(item: &PathItem) -> BTreeSet<&'static str> {
        let ops = [
            ("GET", &item.get),
            ("PUT", &item.put),
            ("POST", &item.post),
            ("DELETE", &item.delete),
            ("OPTIONS", &item.options),
            ("HEAD", &item.head),
            ("PATCH", &item.patch),
            ("TRACE", &item.trace),
        ];
        ops.into_iter().filter(|(_, op)| op.is_some()).map(|(m, _)| m).collect()
    }

    /// The routes actix was given (its own introspection, not our registration code) are the document's
    /// operations, method for method: none served undocumented, none documented unserved.
    #[actix_web::test]
    async fn the_app_serves_exactly_the_operations_of_its_document() {
        let doc = crate::openapi::document();
        let expected: Routes = doc.paths.paths.iter().map(|(path, item)| (path.clone(), documented(item))).collect();
        let app = init_service(serve(App::new(), doc, "does-not-exist")).await;
        let res = call_service(&app, TestRequest::get().uri("/health/live").to_request()).await;
        let tree = res.request().app_data::<web::Data<IntrospectionTree>>().expect("introspection is on in tests");
        let mut actual = Routes::new();
        served(&tree.root, &mut actual);
        for (path, why) in NOT_OPERATIONS {
            assert!(actual.remove(path).is_some(), "{path} ({why}) is no longer served: update NOT_OPERATIONS");
        }
        assert!(expected.len() > 40, "the document lists {} paths", expected.len());
        assert_eq!(actual, expected);
    }
}
