//! What every handler can reach: the database, the token keys, the login limiter.

use gmc_store::catalogue::Catalogue;
use gmc_store::services::tokens::Tokens;
use gmc_store::sessions::SessionCache;
use sea_orm::DatabaseConnection;

use crate::rate_limit::LoginLimiter;
use crate::render_cache::RenderCache;

#[derive(Clone)]
pub struct AppState {
    pub db: DatabaseConnection,
    pub tokens: Tokens,
    pub login_limiter: LoginLimiter,
    pub public_limiter: crate::rate_limit::IpLimiter,
    /// Group-commits public responses.
    pub responses: gmc_store::services::consultations::ResponseWriter,
    /// The small-cell rule's k.
    pub small_cell_k: i64,
    /// The alignment report's weights (settings `alignment_*`).
    pub alignment: gmc_store::services::alignment::Weights,
    pub catalogue: Catalogue,
    pub sessions: SessionCache,
    pub rendered_topics: RenderCache,
    // issue 9: the board's read model
    /// Each ministerial's items in memory for the board (setting `prep_board_read_model`).
    pub prep_board: gmc_store::services::prep::BoardModel,
    // issue 8: the registry's read model
    /// Every impediment in memory for the registry list (setting `registry_read_model`).
    pub registry: gmc_store::services::impediments::RegistryModel,
    /// The largest request body read (JSON, and the raw body the `Idempotency-Key` check reads).
    pub max_body_bytes: usize,
    // issue 10: documents
    /// Where uploaded files are kept (settings `storage_*`).
    pub storage: gmc_store::storage::Storage,
    /// The largest uploaded file accepted, in bytes (setting `upload_max_bytes`).
    pub upload_max_bytes: usize,
    // issue 11: webhooks
    /// Where webhook subscriptions may point (settings `webhook_allow_*`).
    pub webhook_egress: gmc_store::services::webhooks::egress::Egress,
    // issue 11: key budgets
    /// Each API key's request budget and its usage counts (`key_budget`).
    pub key_limiter: crate::key_budget::KeyLimiter,
    // issue 11: import jobs
    /// Import files larger than this run as a job (setting `import_job_threshold_bytes`).
    pub import_job_threshold_bytes: usize,
    /// The largest import file accepted (setting `import_max_bytes`).
    pub import_max_bytes: u64,
    /// Where large import files are spooled for their job (setting `import_spool_dir`).
    pub import_spool_dir: std::path::PathBuf,
}
