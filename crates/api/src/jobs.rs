//! Background jobs of the server (issue 10): the periodic notifications (`prep_deadline`, and the
//! overdue action items hook), every `notify_interval_secs`. Each run is idempotent through the
//! notifications' dedupe key, so several nodes may run it at once. E-mail sending (SMTP) is not built:
//! mails stay `queued` in the outbox (see docs/adding-a-capability.md, "Notifying users").

use std::time::Duration;

use sea_orm::DatabaseConnection;

/// What the server runs in the background.
pub struct Jobs {
    db: DatabaseConnection,
    /// 0: off (tests call the services directly).
    notify_interval_secs: u64,
}

impl Jobs {
    pub fn new(db: DatabaseConnection, notify_interval_secs: u64) -> Self {
        Self { db, notify_interval_secs }
    }

    /// Starts the jobs on the current runtime; they stop with it.
    pub fn spawn(self) {
        if self.notify_interval_secs == 0 {
            return;
        }
        let period = Duration::from_secs(self.notify_interval_secs);
        let db = self.db;
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(period);
            // A slow run is not followed by a burst of catch-up runs.
            tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                tick.tick().await;
                let today = chrono::Utc::now().date_naive();
                match gmc_store::services::notifications::periodic::run(&db, today).await {
                    Ok(report) => tracing::debug!(?report, "periodic notifications"),
                    Err(e) => tracing::warn!(error = %e, "periodic notifications failed; retrying next period"),
                }
            }
        });
    }
}
