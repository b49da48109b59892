//! Idempotency keys: the stored outcome of a POST, so a retried request is answered, not re-applied.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Alias::new("idempotency_keys"))
                .col(ColumnDef::new(Alias::new("user_id")).uuid().not_null())
                .col(ColumnDef::new(Alias::new("key")).string_len(255).not_null())
                .col(ColumnDef::new(Alias::new("request_hash")).string_len(64).not_null())
                // NULL while the first request is still being handled.
                .col(ColumnDef::new(Alias::new("status")).integer().null())
                .col(ColumnDef::new(Alias::new("content_type")).string_len(100).null())
                .col(ColumnDef::new(Alias::new("location")).string_len(400).null())
                .col(ColumnDef::new(Alias::new("body")).text().null())
                .col(ColumnDef::new(Alias::new("created_at")).timestamp_with_time_zone().not_null())
                .primary_key(Index::create().col(Alias::new("user_id")).col(Alias::new("key")))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(Alias::new("idempotency_keys")).to_owned()).await
    }
}
