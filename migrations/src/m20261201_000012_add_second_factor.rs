//! The second factor (TOTP, RFC 6238) of issue 7:
//! - `mfa_factors`: one per user at most, pending until a current code verifies it, then active; the
//!   secret is kept as it is because the server must compute codes from it (a hash would not do), and
//!   `last_step` is the last time step accepted, so a code is never accepted twice;
//! - `mfa_recovery_codes`: ten one-time codes per activation, stored as SHA-256 hashes (each carries
//!   80 random bits, so a fast hash leaves nothing to brute-force);
//! - `mfa_challenges`: the short-lived ticket a correct password buys an account with an active factor,
//!   spent by the code at `/auth/mfa`; stored hashed, with a count of wrong codes;
//! - `refresh_tokens.mfa` and `api_keys.mfa`: whether the session passed the second factor (so refreshed
//!   access tokens keep saying so), and whether a key was created from such a session.
//!
//! One column per `ALTER TABLE`: SQLite adds only one at a time.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

fn to_user(table: &str) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(format!("fk_{table}_user"))
        .from(Alias::new(table), Alias::new("user_id"))
        .to(Alias::new("users"), Alias::new("id"))
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

fn flag(name: &str) -> ColumnDef {
    ColumnDef::new(Alias::new(name)).boolean().not_null().default(false).to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Alias::new("mfa_factors"))
                .col(ColumnDef::new(Alias::new("user_id")).uuid().not_null().primary_key())
                .col(ColumnDef::new(Alias::new("secret")).string_len(64).not_null())
                .col(ColumnDef::new(Alias::new("active")).boolean().not_null())
                .col(ColumnDef::new(Alias::new("last_step")).big_integer().null())
                .col(ColumnDef::new(Alias::new("created_at")).timestamp_with_time_zone().not_null())
                .col(ColumnDef::new(Alias::new("activated_at")).timestamp_with_time_zone().null())
                .foreign_key(&mut to_user("mfa_factors"))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Alias::new("mfa_recovery_codes"))
                .col(ColumnDef::new(Alias::new("id")).uuid().not_null().primary_key())
                .col(ColumnDef::new(Alias::new("user_id")).uuid().not_null())
                .col(ColumnDef::new(Alias::new("code_hash")).string_len(64).not_null())
                .col(ColumnDef::new(Alias::new("used_at")).timestamp_with_time_zone().null())
                .col(ColumnDef::new(Alias::new("created_at")).timestamp_with_time_zone().not_null())
                .foreign_key(&mut to_user("mfa_recovery_codes"))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_mfa_recovery_codes_user_hash")
                .table(Alias::new("mfa_recovery_codes"))
                .col(Alias::new("user_id"))
                .col(Alias::new("code_hash"))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Alias::new("mfa_challenges"))
                .col(ColumnDef::new(Alias::new("id")).uuid().not_null().primary_key())
                .col(ColumnDef::new(Alias::new("user_id")).uuid().not_null())
                .col(ColumnDef::new(Alias::new("token_hash")).string_len(64).not_null().unique_key())
                .col(ColumnDef::new(Alias::new("failures")).integer().not_null())
                .col(ColumnDef::new(Alias::new("expires_at")).timestamp_with_time_zone().not_null())
                .col(ColumnDef::new(Alias::new("created_at")).timestamp_with_time_zone().not_null())
                .foreign_key(&mut to_user("mfa_challenges"))
                .to_owned(),
        )
        .await?;
        m.alter_table(Table::alter().table(Alias::new("refresh_tokens")).add_column(flag("mfa")).to_owned()).await?;
        m.alter_table(Table::alter().table(Alias::new("api_keys")).add_column(flag("mfa")).to_owned()).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(Table::alter().table(Alias::new("api_keys")).drop_column(Alias::new("mfa")).to_owned()).await?;
        m.alter_table(Table::alter().table(Alias::new("refresh_tokens")).drop_column(Alias::new("mfa")).to_owned())
            .await?;
        for t in ["mfa_challenges", "mfa_recovery_codes", "mfa_factors"] {
            m.drop_table(Table::drop().table(Alias::new(t)).to_owned()).await?;
        }
        Ok(())
    }
}
