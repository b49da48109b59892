//! The `meetings` table (issue 10): a delegation's meeting, its times as UTC instants plus the
//! organiser's zone, its minutes, and its RFC 5545 sequence.

use gmc_domain::meeting::{MeetingKind, MeetingStatus};
use gmc_domain::Visibility;
use sea_orm::entity::prelude::*;

use crate::column::DbEnum;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "meetings")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub delegation_id: Uuid,
    pub visibility: DbEnum<Visibility>,
    pub kind: DbEnum<MeetingKind>,
    pub title: String,
    pub description: String,
    pub starts_at: DateTimeUtc,
    pub ends_at: DateTimeUtc,
    /// The organiser's IANA zone, in which the meeting was entered.
    pub time_zone: String,
    pub place: Option<String>,
    pub online_url: Option<String>,
    pub status: DbEnum<MeetingStatus>,
    pub sequence: i32,
    pub rsvp_deadline: Option<DateTimeUtc>,
    pub minutes: Option<String>,
    pub minutes_visibility: Option<DbEnum<Visibility>>,
    pub minutes_updated_at: Option<DateTimeUtc>,
    pub minutes_updated_by: Option<Uuid>,
    pub created_by: Option<Uuid>,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
