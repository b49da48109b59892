//! The `jobs` table: the durable queue (`services::jobs`).

use gmc_domain::webhook::JobStatus;
use sea_orm::entity::prelude::*;

use crate::column::DbEnum;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "jobs")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// Which handler runs it (`services::jobs::kinds`).
    pub kind: String,
    pub payload: Json,
    pub status: DbEnum<JobStatus>,
    /// Attempts started so far (a claim counts one).
    pub attempts: i32,
    pub max_attempts: i32,
    /// Not claimed before this (first run, or the backoff after a failure).
    pub run_at: DateTimeUtc,
    /// The worker holding a running job, and until when; a later claim may take it after that.
    pub locked_by: Option<String>,
    pub locked_until: Option<DateTimeUtc>,
    pub progress_done: i64,
    pub progress_total: Option<i64>,
    pub last_error: Option<String>,
    pub result: Option<Json>,
    pub created_by: Option<Uuid>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
