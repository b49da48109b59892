//! What the SMTP sender (issue 10) records on each outbox e-mail:
//! - `claimed_at` and `claim_token`: which sender took the mail and when. A sender takes a mail with a
//!   conditional `UPDATE … WHERE claim_token IS <what it read>` and sends only when that changed one row,
//!   so two nodes never send the same mail; a claim older than the claim timeout (the node died mid-send)
//!   may be taken again;
//! - `next_attempt_at`: after a failed attempt, when to try again (exponential backoff); none means now.
//!
//! One column per `ALTER TABLE`: SQLite adds only one at a time.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const INDEX: &str = "ix_email_outbox_status_next_attempt";

fn a(name: &str) -> Alias {
    Alias::new(name)
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for col in [
            ColumnDef::new(a("claimed_at")).timestamp_with_time_zone().null().to_owned(),
            ColumnDef::new(a("claim_token")).uuid().null().to_owned(),
            ColumnDef::new(a("next_attempt_at")).timestamp_with_time_zone().null().to_owned(),
        ] {
            m.alter_table(Table::alter().table(a("email_outbox")).add_column(col).to_owned()).await?;
        }
        // The sender looks for the mails that are due: queued (or stuck sending) by the time they are due.
        m.create_index(
            Index::create().name(INDEX).table(a("email_outbox")).col(a("status")).col(a("next_attempt_at")).to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(Index::drop().name(INDEX).table(a("email_outbox")).to_owned()).await?;
        for col in ["next_attempt_at", "claim_token", "claimed_at"] {
            m.alter_table(Table::alter().table(a("email_outbox")).drop_column(a(col)).to_owned()).await?;
        }
        Ok(())
    }
}
