//! Jobs and webhooks (issue 11): the durable job queue every node shares, webhook subscriptions, and
//! the log of their deliveries (each delivery is sent by a `webhook.deliver` job).

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

fn a(name: &str) -> Alias {
    Alias::new(name)
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(a("jobs"))
                .col(ColumnDef::new(a("id")).uuid().not_null().primary_key())
                .col(ColumnDef::new(a("kind")).string_len(64).not_null())
                .col(ColumnDef::new(a("payload")).json().not_null())
                .col(ColumnDef::new(a("status")).string_len(12).not_null())
                .col(ColumnDef::new(a("attempts")).integer().not_null())
                .col(ColumnDef::new(a("max_attempts")).integer().not_null())
                .col(ColumnDef::new(a("run_at")).timestamp_with_time_zone().not_null())
                .col(ColumnDef::new(a("locked_by")).string_len(64).null())
                .col(ColumnDef::new(a("locked_until")).timestamp_with_time_zone().null())
                .col(ColumnDef::new(a("progress_done")).big_integer().not_null())
                .col(ColumnDef::new(a("progress_total")).big_integer().null())
                .col(ColumnDef::new(a("last_error")).text().null())
                .col(ColumnDef::new(a("result")).json().null())
                .col(ColumnDef::new(a("created_by")).uuid().null())
                .col(ColumnDef::new(a("created_at")).timestamp_with_time_zone().not_null())
                .col(ColumnDef::new(a("updated_at")).timestamp_with_time_zone().not_null())
                .to_owned(),
        )
        .await?;
        // A worker's claim looks for the oldest due job of a status: this index answers it.
        m.create_index(
            Index::create()
                .name("ix_jobs_status_run_at")
                .table(a("jobs"))
                .col(a("status"))
                .col(a("run_at"))
                .col(a("id"))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(a("webhook_subscriptions"))
                .col(ColumnDef::new(a("id")).uuid().not_null().primary_key())
                .col(ColumnDef::new(a("owner_user_id")).uuid().not_null())
                // Set when an API key created it: then that key (and its user's sessions) own it, and
                // revoking the key silences it.
                .col(ColumnDef::new(a("owner_api_key_id")).uuid().null())
                .col(ColumnDef::new(a("url")).text().not_null())
                .col(ColumnDef::new(a("description")).string_len(300).not_null())
                .col(ColumnDef::new(a("events")).json().not_null())
                // `whsec_…`: kept as is because it signs every delivery (a hash could not).
                .col(ColumnDef::new(a("secret")).string_len(100).not_null())
                .col(ColumnDef::new(a("enabled")).boolean().not_null())
                .col(ColumnDef::new(a("consecutive_failures")).integer().not_null())
                .col(ColumnDef::new(a("disabled_reason")).string_len(300).null())
                .col(ColumnDef::new(a("version")).integer().not_null())
                .col(ColumnDef::new(a("created_at")).timestamp_with_time_zone().not_null())
                .col(ColumnDef::new(a("updated_at")).timestamp_with_time_zone().not_null())
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_webhook_subscriptions_owner")
                        .from(a("webhook_subscriptions"), a("owner_user_id"))
                        .to(a("users"), a("id"))
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        // "My subscriptions", by creation; and the fan-out of an event reads the enabled ones.
        m.create_index(
            Index::create()
                .name("ix_webhook_subscriptions_owner_id")
                .table(a("webhook_subscriptions"))
                .col(a("owner_user_id"))
                .col(a("id"))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_webhook_subscriptions_enabled")
                .table(a("webhook_subscriptions"))
                .col(a("enabled"))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(a("webhook_deliveries"))
                .col(ColumnDef::new(a("id")).uuid().not_null().primary_key())
                .col(ColumnDef::new(a("subscription_id")).uuid().not_null())
                .col(ColumnDef::new(a("event_type")).string_len(40).not_null())
                // The exact body sent (and signed), fixed when the event happened.
                .col(ColumnDef::new(a("body")).text().not_null())
                .col(ColumnDef::new(a("status")).string_len(12).not_null())
                .col(ColumnDef::new(a("attempts")).integer().not_null())
                .col(ColumnDef::new(a("http_status")).integer().null())
                .col(ColumnDef::new(a("latency_ms")).big_integer().null())
                .col(ColumnDef::new(a("response_excerpt")).text().null())
                .col(ColumnDef::new(a("last_error")).string_len(300).null())
                .col(ColumnDef::new(a("created_at")).timestamp_with_time_zone().not_null())
                .col(ColumnDef::new(a("last_attempt_at")).timestamp_with_time_zone().null())
                .col(ColumnDef::new(a("next_attempt_at")).timestamp_with_time_zone().null())
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_webhook_deliveries_subscription")
                        .from(a("webhook_deliveries"), a("subscription_id"))
                        .to(a("webhook_subscriptions"), a("id"))
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        // A subscription's delivery log, newest first (ids are time-ordered v7).
        m.create_index(
            Index::create()
                .name("ix_webhook_deliveries_subscription_id")
                .table(a("webhook_deliveries"))
                .col(a("subscription_id"))
                .col(a("id"))
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in ["webhook_deliveries", "webhook_subscriptions", "jobs"] {
            m.drop_table(Table::drop().table(a(t)).to_owned()).await?;
        }
        Ok(())
    }
}
