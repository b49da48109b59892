//! The audit log: who did what to which record, when, with the change.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Alias::new("audit_events"))
                .col(ColumnDef::new(Alias::new("id")).uuid().not_null().primary_key())
                .col(ColumnDef::new(Alias::new("at")).timestamp_with_time_zone().not_null())
                .col(ColumnDef::new(Alias::new("actor_id")).uuid().null())
                .col(ColumnDef::new(Alias::new("actor_label")).string_len(254).not_null())
                .col(ColumnDef::new(Alias::new("action")).string_len(40).not_null())
                .col(ColumnDef::new(Alias::new("entity_type")).string_len(40).not_null())
                .col(ColumnDef::new(Alias::new("entity_id")).string_len(64).null())
                .col(ColumnDef::new(Alias::new("delegation_id")).uuid().null())
                .col(ColumnDef::new(Alias::new("changes")).json().null())
                .col(ColumnDef::new(Alias::new("request_id")).string_len(64).null())
                .to_owned(),
        )
        .await?;
        for (name, col) in [("ix_audit_entity", "entity_id"), ("ix_audit_actor", "actor_id")] {
            m.create_index(
                Index::create().name(name).table(Alias::new("audit_events")).col(Alias::new(col)).to_owned(),
            )
            .await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(Alias::new("audit_events")).to_owned()).await
    }
}
