//! Users, refresh-token families and API keys.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

fn fk(name: &str, from_table: &str, from_col: &str, to_table: &str) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(Alias::new(from_table), Alias::new(from_col))
        .to(Alias::new(to_table), Alias::new("id"))
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Alias::new("users"))
                .col(ColumnDef::new(Alias::new("id")).uuid().not_null().primary_key())
                .col(ColumnDef::new(Alias::new("email")).string_len(254).not_null().unique_key())
                .col(ColumnDef::new(Alias::new("name")).string_len(200).not_null())
                .col(ColumnDef::new(Alias::new("password_hash")).string_len(200).not_null())
                .col(ColumnDef::new(Alias::new("role")).string_len(20).not_null())
                .col(ColumnDef::new(Alias::new("delegation_id")).uuid().null())
                .col(ColumnDef::new(Alias::new("active")).boolean().not_null())
                .col(ColumnDef::new(Alias::new("version")).integer().not_null())
                .col(ColumnDef::new(Alias::new("created_at")).timestamp_with_time_zone().not_null())
                .col(ColumnDef::new(Alias::new("updated_at")).timestamp_with_time_zone().not_null())
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_users_delegation")
                        .from(Alias::new("users"), Alias::new("delegation_id"))
                        .to(Alias::new("delegations"), Alias::new("id")),
                )
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Alias::new("refresh_tokens"))
                .col(ColumnDef::new(Alias::new("id")).uuid().not_null().primary_key())
                .col(ColumnDef::new(Alias::new("family_id")).uuid().not_null())
                .col(ColumnDef::new(Alias::new("user_id")).uuid().not_null())
                .col(ColumnDef::new(Alias::new("token_hash")).string_len(64).not_null().unique_key())
                .col(ColumnDef::new(Alias::new("expires_at")).timestamp_with_time_zone().not_null())
                .col(ColumnDef::new(Alias::new("used_at")).timestamp_with_time_zone().null())
                .col(ColumnDef::new(Alias::new("revoked_at")).timestamp_with_time_zone().null())
                .col(ColumnDef::new(Alias::new("created_at")).timestamp_with_time_zone().not_null())
                .foreign_key(&mut fk("fk_refresh_tokens_user", "refresh_tokens", "user_id", "users"))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_refresh_tokens_family")
                .table(Alias::new("refresh_tokens"))
                .col(Alias::new("family_id"))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Alias::new("api_keys"))
                .col(ColumnDef::new(Alias::new("id")).uuid().not_null().primary_key())
                .col(ColumnDef::new(Alias::new("user_id")).uuid().not_null())
                .col(ColumnDef::new(Alias::new("name")).string_len(120).not_null())
                .col(ColumnDef::new(Alias::new("prefix")).string_len(16).not_null())
                .col(ColumnDef::new(Alias::new("key_hash")).string_len(64).not_null().unique_key())
                .col(ColumnDef::new(Alias::new("scopes")).string_len(64).not_null())
                .col(ColumnDef::new(Alias::new("created_at")).timestamp_with_time_zone().not_null())
                .col(ColumnDef::new(Alias::new("expires_at")).timestamp_with_time_zone().null())
                .col(ColumnDef::new(Alias::new("last_used_at")).timestamp_with_time_zone().null())
                .col(ColumnDef::new(Alias::new("revoked_at")).timestamp_with_time_zone().null())
                .foreign_key(&mut fk("fk_api_keys_user", "api_keys", "user_id", "users"))
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in ["api_keys", "refresh_tokens", "users"] {
            m.drop_table(Table::drop().table(Alias::new(t)).to_owned()).await?;
        }
        Ok(())
    }
}
