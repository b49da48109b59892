//! One `Settings`, layered: defaults → optional TOML file (`GMC_CONFIG`, else `./gmc.toml` if present)
//! → `GMC_*` environment variables (and `DATABASE_URL`).

use serde::Deserialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Environment {
    Development,
    Production,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    Pretty,
    Json,
}

/// A secret that never appears in `Debug` output or logs.
#[derive(Clone, Deserialize, Default)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    pub fn new(s: impl Into<String>) -> Self {
        Self(s.into())
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("<redacted>")
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct Settings {
    pub env: Environment,
    pub host: String,
    pub port: u16,
    pub database_url: String,
    pub jwt_secret: Option<Secret>,
    pub access_ttl_secs: i64,
    pub refresh_ttl_secs: i64,
    /// Where the built SPA is (`frontend/dist`); missing means "API only".
    pub static_dir: String,
    /// Login attempts allowed at once per client address, then one more every `login_period_secs`.
    pub login_burst: u32,
    pub login_period_secs: u64,
    pub log_format: LogFormat,
    /// actix worker threads; default: one per core.
    pub workers: Option<usize>,
    /// Largest JSON body accepted, in bytes.
    pub max_json_bytes: usize,
    /// Public consultation submissions allowed at once per client address, then one more every
    /// `public_period_ms`.
    pub public_burst: u32,
    pub public_period_ms: u64,
    /// The small-cell rule: breakdown cells of fewer respondents are withheld (except for admins).
    pub small_cell_k: i64,
    /// Reuse the JSON of catalogue records per (id, version) (`gmc_api::render_cache`); off for benchmarks.
    pub render_cache: bool,
    // issue 9: the board's read model
    /// Compute the ministerial board from each ministerial's items held in memory, proven current by
    /// the database's change count on every request (`gmc_store::generations`); off reads the tables.
    pub prep_board_read_model: bool,
    // issue 8: the registry's read model
    /// Serve registry pages (without a text search) from every impediment held in memory, kept in step
    /// through the database's change log and proven current on every request; off reads the tables.
    pub registry_read_model: bool,
    /// The alignment report's formula (`docs/alignment.md`): the weight of a validated impediment by
    /// severity 1–5 (five comma-separated numbers), of one respondent's answer, the half-life in days of
    /// an impediment's weight, and the concern from which an uncovered topic is a blind spot.
    pub alignment_severity_weights: String,
    pub alignment_answer_weight: f64,
    pub alignment_half_life_days: f64,
    pub alignment_blind_spot_threshold: f64,
    // issue 10: notifications
    /// How often the periodic notifications run (prep deadlines), in seconds; 0 turns them off.
    pub notify_interval_secs: u64,
    /// The SMTP server the outbox is sent through (`smtp://user:pass@host:587?tls=required`,
    /// `smtps://user:pass@host:465`, or plain `smtp://host:25`); none (the default): e-mail is off and
    /// mails stay queued in the outbox.
    pub smtp_url: Option<Secret>,
    /// The `From:` address of the e-mails; required with `smtp_url`.
    pub smtp_from: Option<String>,
    /// Where users reach the dashboard (`https://gmc.example.org`): the links in e-mails are made
    /// absolute with it. Unset, an e-mail names the page by its path only.
    pub public_url: Option<String>,
    /// How often the sender looks for queued mails, in seconds.
    pub smtp_interval_secs: u64,
    /// The longest one send may take (connect, TLS, the message), in seconds; a dead server costs this.
    pub smtp_timeout_secs: u64,
    /// Attempts before a mail is marked `failed`; between them the wait doubles from `smtp_retry_secs`.
    pub smtp_max_attempts: i32,
    pub smtp_retry_secs: u64,
    /// A mail claimed by a sender for longer than this (the node died mid-send) is taken again.
    pub smtp_claim_timeout_secs: u64,
    // issue 10: documents
    /// Where uploaded documents are kept on this node (`GMC_STORAGE_DIR`); unused with an S3 bucket.
    pub storage_dir: String,
    /// An S3-compatible bucket for uploaded documents (several nodes); credentials from `AWS_*`.
    pub storage_s3_bucket: Option<String>,
    /// The S3 endpoint (MinIO, another provider); default: AWS.
    pub storage_s3_endpoint: Option<String>,
    pub storage_s3_region: Option<String>,
    /// Allow a plain-HTTP endpoint (a local MinIO).
    pub storage_s3_allow_http: bool,
    /// The largest uploaded file accepted, in bytes (default 20 MB).
    pub upload_max_bytes: usize,
    // issue 11: jobs and webhooks
    /// How often this node's job worker looks for due jobs, in milliseconds; 0: no worker on this node.
    pub job_poll_ms: u64,
    /// Jobs one worker runs at once (webhook deliveries wait on receivers, not on the CPU).
    pub job_concurrency: usize,
    /// A running job whose worker has not reported for this long (the node died) is taken again, in seconds.
    pub job_lease_secs: u64,
    /// Allow webhook targets at private, loopback and other internal addresses (SSRF guard off).
    pub webhook_allow_private: bool,
    /// Internal ranges webhooks may still go to, comma-separated CIDRs (`10.20.0.0/16,fd00::/8`).
    pub webhook_allow_cidrs: String,
    /// The longest one delivery attempt may take, in seconds.
    pub webhook_timeout_secs: u64,
    /// Failed attempts in a row after which a subscription is switched off (and its owner told).
    pub webhook_disable_after: i32,
    // issue 11: key budgets
    /// The request budget of an API key without one of its own, per minute, per node.
    pub api_key_requests_per_minute: u32,
    /// How often each node adds its counted key requests to `api_key_usage`, in seconds; 0: only when
    /// usage is read and at shutdown.
    pub api_key_usage_flush_secs: u64,
    // issue 11: import jobs
    /// An import file larger than this (bytes) is spooled to disk and run as a job (202); smaller ones
    /// run in the request (200).
    pub import_job_threshold_bytes: usize,
    /// The largest import file accepted, in bytes (spooled to disk, so well above `upload_max_bytes`).
    pub import_max_bytes: u64,
    /// Where large import files wait for their job. Several nodes must share it (one mount), since any
    /// node's worker may run the job.
    pub import_spool_dir: String,
}

impl Settings {
    pub fn load() -> anyhow::Result<Self> {
        let mut b = config::Config::builder()
            .set_default("env", "development")?
            .set_default("host", "127.0.0.1")?
            .set_default("port", 8080)?
            .set_default("database_url", "sqlite://./data/gmc.sqlite3?mode=rwc")?
            .set_default("access_ttl_secs", 900)?
            .set_default("refresh_ttl_secs", 30 * 24 * 3600)?
            .set_default("static_dir", "frontend/dist")?
            .set_default("login_burst", 10)?
            .set_default("login_period_secs", 6)?
            .set_default("log_format", "pretty")?
            .set_default("max_json_bytes", 1024 * 1024)?
            .set_default("public_burst", 20)?
            .set_default("public_period_ms", 3000)?
            .set_default("small_cell_k", 5)?
            .set_default("render_cache", true)?
            .set_default("prep_board_read_model", true)?
            .set_default("registry_read_model", true)?
            .set_default("alignment_severity_weights", "1,2,3,5,8")?
            .set_default("alignment_answer_weight", 0.2)?
            .set_default("alignment_half_life_days", 365.0)?
            .set_default("alignment_blind_spot_threshold", 5.0)?
            // issue 10: notifications
            .set_default("notify_interval_secs", 900)?
            .set_default("smtp_interval_secs", 15)?
            .set_default("smtp_timeout_secs", 20)?
            .set_default("smtp_max_attempts", 5)?
            .set_default("smtp_retry_secs", 60)?
            .set_default("smtp_claim_timeout_secs", 600)?
            // issue 10: documents
            .set_default("storage_dir", "./data/files")?
            .set_default("storage_s3_allow_http", false)?
            .set_default("upload_max_bytes", 20 * 1024 * 1024)?
            // issue 11: jobs and webhooks
            .set_default("job_poll_ms", 1000)?
            .set_default("job_concurrency", 8)?
            .set_default("job_lease_secs", 300)?
            .set_default("webhook_allow_private", false)?
            .set_default("webhook_allow_cidrs", "")?
            .set_default("webhook_timeout_secs", 10)?
            .set_default("webhook_disable_after", 15)?
            // issue 11: key budgets
            .set_default("api_key_requests_per_minute", 600)?
            .set_default("api_key_usage_flush_secs", 10)?
            // issue 11: import jobs
            .set_default("import_job_threshold_bytes", 1024 * 1024)?
            .set_default("import_max_bytes", 1024_u64 * 1024 * 1024)?
            .set_default("import_spool_dir", "./data/spool")?;
        let file = std::env::var("GMC_CONFIG")
            .ok()
            .or_else(|| std::path::Path::new("gmc.toml").exists().then(|| "gmc.toml".to_owned()));
        if let Some(file) = file {
            b = b.add_source(config::File::with_name(&file).required(true));
        }
        b = b.add_source(config::Environment::with_prefix("GMC").try_parsing(true));
        if let Ok(url) = std::env::var("DATABASE_URL") {
            b = b.set_override("database_url", url)?;
        }
        let settings: Settings = b.build()?.try_deserialize()?;
        settings.alignment_weights()?;
        Ok(settings)
    }

    /// The alignment report's weights, checked (a bad setting stops the server at start).
    pub fn alignment_weights(&self) -> anyhow::Result<gmc_store::services::alignment::Weights> {
        gmc_store::services::alignment::Weights::parse(
            &self.alignment_severity_weights,
            self.alignment_answer_weight,
            self.alignment_half_life_days,
            self.alignment_blind_spot_threshold,
        )
        .map_err(|e| anyhow::anyhow!("GMC_ALIGNMENT_*: {e}"))
    }

    // issue 11: webhooks
    /// Where webhooks may be sent (a bad range stops the server at start).
    pub fn webhook_egress(&self) -> anyhow::Result<gmc_store::services::webhooks::egress::Egress> {
        gmc_store::services::webhooks::egress::Egress::from_settings(
            self.webhook_allow_private,
            &self.webhook_allow_cidrs,
        )
        .map_err(|e| anyhow::anyhow!("GMC_WEBHOOK_ALLOW_CIDRS: {e}"))
    }

    // issue 10: documents
    /// The storage backend the settings name: an S3 bucket when `storage_s3_bucket` is set, else the directory.
    pub fn storage(&self) -> gmc_store::storage::StorageConfig {
        use gmc_store::storage::StorageConfig;
        match &self.storage_s3_bucket {
            Some(bucket) => StorageConfig::S3 {
                bucket: bucket.clone(),
                endpoint: self.storage_s3_endpoint.clone(),
                region: self.storage_s3_region.clone(),
                allow_http: self.storage_s3_allow_http,
            },
            None => StorageConfig::Local(self.storage_dir.clone().into()),
        }
    }

    /// Settings for tests: an ephemeral port on loopback and the given database.
    pub fn for_tests(database_url: &str) -> Self {
        Settings {
            env: Environment::Development,
            host: "127.0.0.1".into(),
            port: 0,
            database_url: database_url.to_owned(),
            jwt_secret: Some(Secret::new("test-secret-test-secret-test-secret")),
            access_ttl_secs: 900,
            refresh_ttl_secs: 3600,
            static_dir: "does-not-exist".into(),
            login_burst: 1000,
            login_period_secs: 1,
            log_format: LogFormat::Pretty,
            workers: Some(2),
            max_json_bytes: 64 * 1024,
            public_burst: 1000,
            public_period_ms: 1,
            small_cell_k: 5,
            render_cache: true,
            prep_board_read_model: true,
            registry_read_model: true,
            alignment_severity_weights: "1,2,3,5,8".into(),
            alignment_answer_weight: 0.2,
            alignment_half_life_days: 365.0,
            alignment_blind_spot_threshold: 5.0,
            // issue 10: notifications (off: tests run the job's service directly)
            notify_interval_secs: 0,
            smtp_url: None,
            smtp_from: None,
            public_url: None,
            smtp_interval_secs: 1,
            smtp_timeout_secs: 5,
            smtp_max_attempts: 3,
            smtp_retry_secs: 60,
            smtp_claim_timeout_secs: 600,
            // issue 10: documents — each test server its own directory, and a small limit to test against.
            storage_dir: std::env::temp_dir()
                .join(format!("gmc-test-files-{}", uuid::Uuid::new_v4()))
                .to_string_lossy()
                .into_owned(),
            storage_s3_bucket: None,
            storage_s3_endpoint: None,
            storage_s3_region: None,
            storage_s3_allow_http: false,
            upload_max_bytes: 1024 * 1024,
            // issue 11: jobs and webhooks (no worker: tests run it directly, or turn it on)
            job_poll_ms: 0,
            job_concurrency: 4,
            job_lease_secs: 300,
            webhook_allow_private: false,
            webhook_allow_cidrs: String::new(),
            webhook_timeout_secs: 5,
            webhook_disable_after: 15,
            // issue 11: key budgets (the usage routes flush; tests read usage through them)
            api_key_requests_per_minute: 600,
            api_key_usage_flush_secs: 0,
            // issue 11: import jobs — a low threshold, so that tests reach the job with small files.
            import_job_threshold_bytes: 64 * 1024,
            import_max_bytes: 64 * 1024 * 1024,
            import_spool_dir: std::env::temp_dir()
                .join(format!("gmc-test-spool-{}", uuid::Uuid::new_v4()))
                .to_string_lossy()
                .into_owned(),
        }
    }
}
