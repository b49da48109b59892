//! A briefing request as the API sends it, and how rows become it: names of the delegation, analyst
//! and topics with one query each for a whole page, and what the caller may do with it (`can_edit`,
//! `steps_open`), decided by the same rules the writes go through.

use gmc_domain::ids::{DelegationId, UserId};
use gmc_domain::policy::BriefingFacts;
use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use gmc_domain::briefing::{is_overdue, steps_open, BriefingKind, BriefingStatus, Relation};
use gmc_domain::policy::{authorize, can_edit_briefing, Operation};
use gmc_domain::watch::Priority;
use gmc_domain::{Actor, Visibility};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use serde::Serialize;
use uuid::Uuid;

use crate::entities::{briefing_request_topics, briefing_requests, delegations, topics, users};
use crate::services::prep::TopicRef;
use crate::{AppError, AppResult};

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = BriefingRequest))]
pub struct BriefingRequestView {
    pub id: Uuid,
    /// The requesting delegation.
    pub delegation_id: Uuid,
    pub delegation_name: String,
    /// The requesting delegation's country (`BGD`).
    pub delegation_code: String,
    pub kind: BriefingKind,
    pub title: String,
    pub question: String,
    pub topics: Vec<TopicRef>,
    pub priority: Priority,
    pub wished_date: Option<NaiveDate>,
    /// The reach the delegation wants for the deliverable; the request itself is read only by its
    /// delegation, its analyst (and the queue) and admins, whatever this says.
    pub visibility: Visibility,
    pub status: BriefingStatus,
    /// The analyst doing the work (set on acceptance).
    pub assigned_to: Option<Uuid>,
    pub assignee_name: Option<String>,
    /// The date the analyst committed to.
    pub due_date: Option<NaiveDate>,
    /// The due date has passed (before today, UTC) and the request is neither delivered nor declined.
    pub overdue: bool,
    /// Why it was declined.
    pub decline_reason: Option<String>,
    pub delivered_at: Option<DateTime<Utc>>,
    pub requested_by: Option<Uuid>,
    pub requested_by_name: Option<String>,
    /// The statuses this caller may move the request to now (`POST /briefing-requests/{id}/steps`).
    pub steps_open: Vec<BriefingStatus>,
    /// Whether this caller may change its fields now (`PATCH`: the requesting delegation, while requested).
    pub can_edit: bool,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// Rows to views, in the same order.
pub(crate) async fn views<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    rows: Vec<briefing_requests::Model>,
) -> AppResult<Vec<BriefingRequestView>> {
    let delegation_ids: Vec<Uuid> = rows.iter().map(|r| r.delegation_id).collect();
    let delegations: HashMap<Uuid, delegations::Model> = if delegation_ids.is_empty() {
        HashMap::new()
    } else {
        delegations::Entity::find()
            .filter(delegations::Column::Id.is_in(delegation_ids))
            .all(db)
            .await?
            .into_iter()
            .map(|d| (d.id, d))
            .collect()
    };
    let people_ids: Vec<Uuid> = rows.iter().flat_map(|r| [r.assigned_to, r.created_by]).flatten().collect();
    let people: HashMap<Uuid, String> = if people_ids.is_empty() {
        HashMap::new()
    } else {
        users::Entity::find()
            .filter(users::Column::Id.is_in(people_ids))
            .all(db)
            .await?
            .into_iter()
            .map(|u| (u.id, u.name))
            .collect()
    };
    let links = if rows.is_empty() {
        Vec::new()
    } else {
        briefing_request_topics::Entity::find()
            .filter(briefing_request_topics::Column::BriefingRequestId.is_in(rows.iter().map(|r| r.id)))
            .all(db)
            .await?
    };
    let topic_rows: HashMap<Uuid, topics::Model> = if links.is_empty() {
        HashMap::new()
    } else {
        topics::Entity::find()
            .filter(topics::Column::Id.is_in(links.iter().map(|l| l.topic_id)))
            .all(db)
            .await?
            .into_iter()
            .map(|t| (t.id, t))
            .collect()
    };
    let mut item_topics: HashMap<Uuid, Vec<TopicRef>> = HashMap::new();
    for link in &links {
        if let Some(t) = topic_rows.get(&link.topic_id) {
            let topic = TopicRef { id: t.id, code: t.code.clone(), title: t.title.clone() };
            item_topics.entry(link.briefing_request_id).or_default().push(topic);
        }
    }
    // A read-only key sees no buttons it could not press.
    let may_step = authorize(actor, Operation::WorkBriefings).is_ok();
    let may_edit = authorize(actor, Operation::WriteDelegationRecords).is_ok();
    let today = Utc::now().date_naive();
    rows.into_iter()
        .map(|r| {
            let delegation = delegations
                .get(&r.delegation_id)
                .ok_or_else(|| AppError::Internal(anyhow::anyhow!("briefing request {} has no delegation", r.id)))?;
            let status = r.status.0;
            let mut topics = item_topics.remove(&r.id).unwrap_or_default();
            topics.sort_by(|a, b| a.code.cmp(&b.code));
            let rel = Relation { assignee: r.assigned_to == Some(actor.user_id.as_uuid()) };
            let facts = facts(&r);
            Ok(BriefingRequestView {
                id: r.id,
                delegation_id: r.delegation_id,
                delegation_name: delegation.name.clone(),
                delegation_code: delegation.country_code.clone(),
                kind: r.kind.0,
                title: r.title,
                question: r.question,
                topics,
                priority: r.priority.0,
                wished_date: r.wished_date,
                visibility: r.visibility.0,
                status,
                assigned_to: r.assigned_to,
                assignee_name: r.assigned_to.and_then(|u| people.get(&u).cloned()),
                due_date: r.due_date,
                overdue: is_overdue(status, r.due_date, today),
                decline_reason: r.decline_reason,
                delivered_at: r.delivered_at,
                requested_by: r.created_by,
                requested_by_name: r.created_by.and_then(|u| people.get(&u).cloned()),
                steps_open: if may_step { steps_open(actor, rel, status) } else { Vec::new() },
                can_edit: may_edit && status == BriefingStatus::Requested && can_edit_briefing(actor, facts),
                version: r.version,
                created_at: r.created_at,
                updated_at: r.updated_at,
            })
        })
        .collect()
}

pub(crate) async fn one<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    row: briefing_requests::Model,
) -> AppResult<BriefingRequestView> {
    views(db, actor, vec![row]).await?.pop().ok_or(AppError::NotFound("briefing request"))
}

/// What the policy needs of a request to decide who reads and edits it.
pub(crate) fn facts(row: &briefing_requests::Model) -> BriefingFacts {
    BriefingFacts {
        delegation_id: DelegationId::from_uuid(row.delegation_id),
        assigned_to: row.assigned_to.map(UserId::from_uuid),
        queued: row.status.0 == BriefingStatus::Requested && row.assigned_to.is_none(),
    }
}
