//! The `mfa_factors` table: a user's TOTP factor, pending until verified.

use sea_orm::entity::prelude::*;

#[derive(Clone, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "mfa_factors")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub user_id: Uuid,
    /// The shared secret, base32.
    pub secret: String,
    pub active: bool,
    /// The last time step (Unix time / 30 s) a code was accepted for; only later steps are accepted.
    pub last_step: Option<i64>,
    pub created_at: DateTimeUtc,
    pub activated_at: Option<DateTimeUtc>,
}

// Written by hand so the secret never reaches a log line.
impl std::fmt::Debug for Model {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("mfa_factors::Model")
            .field("user_id", &self.user_id)
            .field("active", &self.active)
            .field("last_step", &self.last_step)
            .finish_non_exhaustive()
    }
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
