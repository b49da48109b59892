//! The HTTP face of Geneva–MSME Connection: actix-web routes, DTOs, OpenAPI, auth extractor,
//! problem+json errors and SPA serving. Business rules live in `gmc_store::services`, not here.

pub mod auth;
pub mod etag;
pub mod headers;
pub mod idempotency;
// issue 10: notifications
pub mod jobs;
// issue 11: key budgets
pub mod key_budget;
pub mod openapi;
pub mod problem;
pub mod rate_limit;
pub mod render_cache;
pub mod request_id;
pub mod responses;
pub mod routes;
pub mod settings;
pub mod spa;
pub mod startup;
pub mod state;
pub mod status_log;
pub mod telemetry;

pub use settings::Settings;
pub use startup::Application;
