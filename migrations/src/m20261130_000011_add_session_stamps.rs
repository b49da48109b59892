//! What issue 7's confidentiality fixes need stored:
//! - `users.tokens_valid_after`: access tokens issued before it are refused, so signing out, a reused
//!   refresh token, a password change, disabling or erasing an account end the access tokens already
//!   handed out (and re-enabling an account does not revive them);
//! - `idempotency_keys.credential`: which credential (the session, or one API key) stored an outcome,
//!   so a narrower credential of the same user cannot replay a wider one's;
//! - an index on `idempotency_keys.created_at`, for purging expired outcomes.
//!
//! One column per `ALTER TABLE`: SQLite adds only one at a time.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const INDEX: &str = "ix_idempotency_keys_created_at";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Alias::new("users"))
                .add_column(ColumnDef::new(Alias::new("tokens_valid_after")).timestamp_with_time_zone().null())
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Alias::new("idempotency_keys"))
                .add_column(ColumnDef::new(Alias::new("credential")).string_len(64).null())
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create().name(INDEX).table(Alias::new("idempotency_keys")).col(Alias::new("created_at")).to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(Index::drop().name(INDEX).table(Alias::new("idempotency_keys")).to_owned()).await?;
        m.alter_table(
            Table::alter().table(Alias::new("idempotency_keys")).drop_column(Alias::new("credential")).to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter().table(Alias::new("users")).drop_column(Alias::new("tokens_valid_after")).to_owned(),
        )
        .await
    }
}
