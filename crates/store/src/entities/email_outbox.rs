//! The `email_outbox` table: e-mails waiting for (or done with) the SMTP worker.

use gmc_domain::notification::EmailStatus;
use sea_orm::entity::prelude::*;

use crate::column::DbEnum;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "email_outbox")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub user_id: Option<Uuid>,
    pub to_address: String,
    pub subject: String,
    pub body: String,
    pub status: DbEnum<EmailStatus>,
    pub attempts: i32,
    pub last_error: Option<String>,
    pub created_at: DateTimeUtc,
    pub sent_at: Option<DateTimeUtc>,
    // issue 10: the SMTP sender (migration 000023)
    /// When a sender took the mail (status `sending`); an old claim is a dead sender's, taken again.
    pub claimed_at: Option<DateTimeUtc>,
    /// Which claim: a sender updates the row only while its own token is on it.
    pub claim_token: Option<Uuid>,
    /// A queued mail is not tried before this (backoff after a failure); none: at once.
    pub next_attempt_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
