//! The home page's sections. Each reads only what the caller may read, through the same SQL read
//! condition as the record's own list, so the home page cannot show what a list would hide.

use chrono::{DateTime, Days, NaiveDate, Utc};
use gmc_domain::consultation::ConsultationStatus;
use gmc_domain::impediment::ImpedimentStatus;
use gmc_domain::notification::FollowKind;
use gmc_domain::policy::{authorize, Operation};
use gmc_domain::prep::PrepStatus;
use gmc_domain::Actor;
use sea_orm::sea_query::{Condition, Query};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use serde::Serialize;
use uuid::Uuid;

use crate::entities::{consultations, impediment_steps, impediment_topics, impediments, prep_items};
use crate::services::notifications::follows;
use crate::services::prep::read_condition as prep_readable;
use crate::services::visibility::read_condition;
use crate::AppResult;

const DAYS: u64 = 7;
const MAX_ITEMS: u64 = 50;

/// A prep item due soon.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = HomePrepDeadline))]
pub struct DueDeadline {
    pub id: Uuid,
    pub title: String,
    pub deadline: NaiveDate,
    pub status: PrepStatus,
    /// The deadline has passed.
    pub overdue: bool,
    /// The caller is the responsible officer (else their delegation is).
    pub mine: bool,
}

/// A consultation closing soon.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = HomeClosingConsultation))]
pub struct ClosingConsultation {
    pub id: Uuid,
    pub title: String,
    pub closes_at: DateTime<Utc>,
}

/// A newly validated impediment on something the caller follows.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = HomeFollowedImpediment))]
pub struct FollowedImpediment {
    pub id: Uuid,
    pub title: String,
    pub reporting_country: String,
    pub partner: String,
    pub hs_code: Option<String>,
    pub updated_at: DateTime<Utc>,
}

fn week_ahead(now: DateTime<Utc>) -> (NaiveDate, NaiveDate) {
    let today = now.date_naive();
    (today, today.checked_add_days(Days::new(DAYS)).unwrap_or(today))
}

pub(super) async fn prep_deadlines(
    db: &DatabaseConnection,
    actor: &Actor,
    now: DateTime<Utc>,
) -> AppResult<Vec<DueDeadline>> {
    if authorize(actor, Operation::ReadDelegationRecords).is_err() {
        return Ok(Vec::new());
    }
    let (today, until) = week_ahead(now);
    let user = actor.user_id.as_uuid();
    let mut mine = Condition::any().add(prep_items::Column::ResponsibleUserId.eq(user));
    if let Some(d) = actor.delegation_id {
        mine = mine.add(prep_items::Column::DelegationId.eq(d.as_uuid()));
    }
    let open: Vec<&str> = PrepStatus::ALL.iter().filter(|s| !s.is_final()).map(|s| s.as_str()).collect();
    let rows = prep_items::Entity::find()
        .filter(prep_readable(actor))
        .filter(mine)
        .filter(prep_items::Column::Deadline.lte(until))
        .filter(prep_items::Column::Status.is_in(open))
        .order_by_asc(prep_items::Column::Deadline)
        .order_by_asc(prep_items::Column::Id)
        .limit(MAX_ITEMS)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            let deadline = r.deadline?;
            Some(DueDeadline {
                id: r.id,
                title: r.title,
                deadline,
                status: r.status.0,
                overdue: deadline < today,
                mine: r.responsible_user_id == Some(user),
            })
        })
        .collect())
}

pub(super) async fn consultations_closing(
    db: &DatabaseConnection,
    actor: &Actor,
    now: DateTime<Utc>,
) -> AppResult<Vec<ClosingConsultation>> {
    if authorize(actor, Operation::ReadDelegationRecords).is_err() {
        return Ok(Vec::new());
    }
    let until = now.checked_add_days(Days::new(DAYS)).unwrap_or(now);
    let rows = consultations::Entity::find()
        .filter(read_condition(actor, consultations::Column::Visibility, consultations::Column::DelegationId))
        .filter(consultations::Column::Status.eq(ConsultationStatus::Open.as_str()))
        .filter(consultations::Column::ClosesAt.gte(now))
        .filter(consultations::Column::ClosesAt.lte(until))
        .order_by_asc(consultations::Column::ClosesAt)
        .order_by_asc(consultations::Column::Id)
        .limit(MAX_ITEMS)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| Some(ClosingConsultation { closes_at: r.closes_at?, id: r.id, title: r.title }))
        .collect())
}

pub(super) async fn followed_impediments(
    db: &DatabaseConnection,
    actor: &Actor,
    now: DateTime<Utc>,
) -> AppResult<Vec<FollowedImpediment>> {
    if authorize(actor, Operation::ReadDelegationRecords).is_err() {
        return Ok(Vec::new());
    }
    let follows = follows::of_user(db, actor.user_id.as_uuid()).await?;
    let values =
        |kind: FollowKind| follows.iter().filter(move |f| f.follow_kind == kind.as_str()).map(|f| f.value.clone());
    let topics: Vec<Uuid> = values(FollowKind::Topic).filter_map(|v| v.parse().ok()).collect();
    let partners: Vec<String> = values(FollowKind::Partner).collect();
    let mut on_what = Condition::any();
    if !topics.is_empty() {
        on_what = on_what.add(
            impediments::Column::Id.in_subquery(
                Query::select()
                    .column(impediment_topics::Column::ImpedimentId)
                    .from(impediment_topics::Entity)
                    .and_where(impediment_topics::Column::TopicId.is_in(topics))
                    .to_owned(),
            ),
        );
    }
    if !partners.is_empty() {
        on_what = on_what.add(impediments::Column::Partner.is_in(partners));
    }
    // Prefixes are digits only (checked when followed), so they are safe in LIKE.
    for prefix in values(FollowKind::HsPrefix) {
        on_what = on_what.add(impediments::Column::HsCode.starts_with(prefix));
    }
    if on_what.is_empty() {
        return Ok(Vec::new());
    }
    let since = now.checked_sub_days(Days::new(DAYS)).unwrap_or(now);
    let validated_lately = Query::select()
        .column(impediment_steps::Column::ImpedimentId)
        .from(impediment_steps::Entity)
        .and_where(impediment_steps::Column::ToStatus.eq(ImpedimentStatus::Validated.as_str()))
        .and_where(impediment_steps::Column::At.gte(since))
        .to_owned();
    let rows = impediments::Entity::find()
        .filter(read_condition(actor, impediments::Column::Visibility, impediments::Column::DelegationId))
        .filter(on_what)
        .filter(impediments::Column::Id.in_subquery(validated_lately))
        .order_by_desc(impediments::Column::UpdatedAt)
        .order_by_desc(impediments::Column::Id)
        .limit(MAX_ITEMS)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| FollowedImpediment {
            id: r.id,
            title: r.title,
            reporting_country: r.reporting_country,
            partner: r.partner,
            hs_code: r.hs_code,
            updated_at: r.updated_at,
        })
        .collect())
}
