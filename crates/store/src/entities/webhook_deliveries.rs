//! The `webhook_deliveries` table: one row per event and subscription, with its last attempt.

use gmc_domain::webhook::DeliveryStatus;
use sea_orm::entity::prelude::*;

use crate::column::DbEnum;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "webhook_deliveries")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub subscription_id: Uuid,
    pub event_type: String,
    pub body: String,
    pub status: DbEnum<DeliveryStatus>,
    pub attempts: i32,
    pub http_status: Option<i32>,
    pub latency_ms: Option<i64>,
    pub response_excerpt: Option<String>,
    pub last_error: Option<String>,
    pub created_at: DateTimeUtc,
    pub last_attempt_at: Option<DateTimeUtc>,
    pub next_attempt_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
