//! Per-key request budgets and daily usage (issue 11, part 5).
//! - `api_keys.requests_per_minute`: the key's budget; none means the server's default
//!   (`GMC_API_KEY_REQUESTS_PER_MINUTE`), so changing the default reaches every key not set by hand;
//! - `api_key_usage`: requests per key per UTC day, added to in batches by each node's periodic flush
//!   (never a write per request), so the primary key is also the upsert's conflict target.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

fn a(name: &str) -> Alias {
    Alias::new(name)
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(a("api_keys"))
                .add_column(ColumnDef::new(a("requests_per_minute")).integer().null())
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(a("api_key_usage"))
                .col(ColumnDef::new(a("api_key_id")).uuid().not_null())
                .col(ColumnDef::new(a("day")).date().not_null())
                .col(ColumnDef::new(a("requests")).big_integer().not_null())
                .primary_key(Index::create().col(a("api_key_id")).col(a("day")))
                .foreign_key(
                    ForeignKey::create()
                        .from(a("api_key_usage"), a("api_key_id"))
                        .to(a("api_keys"), a("id"))
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(a("api_key_usage")).to_owned()).await?;
        m.alter_table(Table::alter().table(a("api_keys")).drop_column(a("requests_per_minute")).to_owned()).await
    }
}
