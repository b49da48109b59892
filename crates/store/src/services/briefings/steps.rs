//! The workflow: one step at a time, by the roles `gmc_domain::briefing::check_step` allows, kept as
//! history and audited. Accepting commits a due date and assigns the analyst; declining needs a
//! reason; delivering needs a deliverable.

use chrono::{DateTime, NaiveDate, Utc};
use gmc_domain::briefing::{check_step, BriefingStatus, Relation, StepRefused, NOTE_MAX, REASON_MAX};
use gmc_domain::error::{optional_text, parse_enum, required_text};
use gmc_domain::policy::{authorize, Operation};
use gmc_domain::{Actor, Role, ValidationErrors};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Set};
use serde::{Deserialize, Serialize};
use serde_json::json;
use uuid::Uuid;

use super::view::{self, BriefingRequestView};
use crate::audit::AuditedTxn;
use crate::entities::{briefing_request_steps, briefing_requests, users};
use crate::services::access::{find_readable, find_visible};
use crate::{AppError, AppResult};

// The body of `POST /briefing-requests/{id}/steps`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = BriefingStepRequest))]
pub struct BriefingStepInput {
    /// The next status.
    #[cfg_attr(feature = "openapi", schema(value_type = BriefingStatus, example = "accepted"))]
    pub to: String,
    /// Kept in the history.
    pub note: Option<String>,
    /// Required for `accepted` (today or later): the date the analyst commits to. Refused otherwise.
    pub due_date: Option<NaiveDate>,
    /// Required for `declined`: why, for the requesting delegation. Refused otherwise.
    pub reason: Option<String>,
    /// For `accepted` by an admin: the analyst to assign (required then). An analyst accepting is
    /// assigned themselves.
    pub assignee_id: Option<Uuid>,
    /// For `delivered`: a document to attach as the deliverable first (as `POST .../deliverables`).
    pub document_id: Option<Uuid>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = BriefingStep))]
pub struct BriefingStepView {
    pub id: Uuid,
    /// `null` for the first step (requested).
    pub from_status: Option<BriefingStatus>,
    pub to_status: BriefingStatus,
    pub note: String,
    pub actor_id: Option<Uuid>,
    pub actor_name: Option<String>,
    pub at: DateTime<Utc>,
}

struct Checked {
    to: BriefingStatus,
    note: String,
    due_date: Option<NaiveDate>,
    reason: Option<String>,
}

fn checked(input: &BriefingStepInput) -> Result<Checked, ValidationErrors> {
    let mut e = ValidationErrors::new();
    let to = e.check("to", parse_enum::<BriefingStatus>(&input.to));
    let note = e.check("note", optional_text(input.note.as_deref().unwrap_or(""), NOTE_MAX));
    let accepting = to == Some(BriefingStatus::Accepted);
    let declining = to == Some(BriefingStatus::Declined);
    match input.due_date {
        None if accepting => e.add("due_date", "required", "commit to a due date when accepting"),
        Some(_) if to.is_some() && !accepting => e.add("due_date", "not_allowed", "is set only when accepting"),
        Some(d) if d < Utc::now().date_naive() => e.add("due_date", "in_the_past", "must not be in the past"),
        _ => {}
    }
    let reason = match input.reason.as_deref() {
        None if declining => {
            e.add("reason", "required", "say why the request is declined");
            None
        }
        Some(_) if to.is_some() && !declining => {
            e.add("reason", "not_allowed", "is given only when declining");
            None
        }
        Some(r) => e.check("reason", required_text(r, REASON_MAX)),
        None => None,
    };
    if input.assignee_id.is_some() && to.is_some() && !accepting {
        e.add("assignee_id", "not_allowed", "is named only when accepting");
    }
    if input.document_id.is_some() && to.is_some() && to != Some(BriefingStatus::Delivered) {
        e.add("document_id", "not_allowed", "is attached with the step to delivered only");
    }
    match (to, note) {
        (Some(to), Some(note)) if e.is_empty() => Ok(Checked { to, note, due_date: input.due_date, reason }),
        _ => Err(e),
    }
}

/// Who is assigned on acceptance: an analyst takes it themselves; an admin names an active analyst.
async fn assignee(db: &DatabaseConnection, actor: &Actor, named: Option<Uuid>) -> AppResult<Uuid> {
    if actor.role == Role::Analyst {
        return match named {
            None => Ok(actor.user_id.as_uuid()),
            Some(u) if u == actor.user_id.as_uuid() => Ok(u),
            Some(_) => {
                Err(ValidationErrors::single("assignee_id", "not_allowed", "an analyst accepts for themselves").into())
            }
        };
    }
    let Some(named) = named else {
        return Err(ValidationErrors::single("assignee_id", "required", "name the analyst who will do the work").into());
    };
    let user = users::Entity::find_by_id(named).one(db).await?;
    match user {
        Some(u) if u.active && u.role.0 == Role::Analyst => Ok(u.id),
        _ => Err(ValidationErrors::single("assignee_id", "unknown", "names no active analyst").into()),
    }
}

pub async fn step(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    input: BriefingStepInput,
) -> AppResult<BriefingRequestView> {
    authorize(actor, Operation::WorkBriefings)?;
    let row: briefing_requests::Model = find_visible(db, actor, id).await?;
    let c = checked(&input)?;
    let from = row.status.0;
    let rel = Relation { assignee: row.assigned_to == Some(actor.user_id.as_uuid()) };
    match check_step(actor, rel, from, c.to) {
        Ok(()) => {}
        Err(StepRefused::NotYours) => return Err(AppError::Forbidden),
        Err(StepRefused::NotAllowed { from, to }) => {
            return Err(ValidationErrors::single("to", "invalid_step", format!("cannot go from {from} to {to}")).into())
        }
    }
    let assigned = match c.to {
        BriefingStatus::Accepted => Some(assignee(db, actor, input.assignee_id).await?),
        // The analyst who declines stays its handler: they keep reading what they answered, and the
        // delegation sees who did.
        BriefingStatus::Declined if actor.role == Role::Analyst => Some(actor.user_id.as_uuid()),
        _ => None,
    };
    if let (BriefingStatus::Delivered, Some(document_id)) = (c.to, input.document_id) {
        // Attached in its own transaction: if the step then fails, the document stays attached and a
        // retry of the step finds it.
        let already = super::deliverables::count(db, id).await? > 0;
        let attached = super::deliverables::attach(db, actor, id, super::DeliverableInput { document_id }).await;
        if let Err(e) = attached {
            if !(already && matches!(e, AppError::Conflict(_))) {
                return Err(e);
            }
        }
    }
    if c.to == BriefingStatus::Delivered && super::deliverables::count(db, id).await? == 0 {
        return Err(ValidationErrors::single(
            "to",
            "no_deliverable",
            "attach the delivered document first (POST /briefing-requests/{id}/deliverables)",
        )
        .into());
    }
    let txn = AuditedTxn::begin(db).await?;
    let now = Utc::now();
    use briefing_requests::Column as C;
    let mut update = briefing_requests::Entity::update_many()
        .col_expr(C::Status, Expr::value(c.to.as_str()))
        .col_expr(C::Version, Expr::value(row.version + 1))
        .col_expr(C::UpdatedAt, Expr::value(now));
    if let Some(a) = assigned {
        update = update.col_expr(C::AssignedTo, Expr::value(a));
    }
    if c.due_date.is_some() {
        update = update.col_expr(C::DueDate, Expr::value(c.due_date));
    }
    if let Some(reason) = &c.reason {
        update = update.col_expr(C::DeclineReason, Expr::value(reason.clone()));
    }
    if c.to == BriefingStatus::Delivered {
        update = update.col_expr(C::DeliveredAt, Expr::value(now));
    }
    // Guarded by the status and version read above: of two analysts taking the same request from the
    // queue, one wins.
    let res = update
        .filter(C::Id.eq(id))
        .filter(C::Status.eq(from.as_str()))
        .filter(C::Version.eq(row.version))
        .exec(&txn)
        .await?;
    if res.rows_affected != 1 {
        return Err(AppError::Conflict("the briefing request changed meanwhile; reload it".into()));
    }
    let note = match (&c.reason, c.note.is_empty()) {
        (Some(reason), true) => reason.clone(),
        _ => c.note.clone(),
    };
    briefing_request_steps::ActiveModel {
        id: Set(Uuid::now_v7()),
        briefing_request_id: Set(id),
        from_status: Set(Some(from.into())),
        to_status: Set(c.to.into()),
        note: Set(note),
        actor_id: Set(Some(actor.user_id.as_uuid())),
        at: Set(now),
    }
    .insert(&txn)
    .await?;
    let changes = json!({"status": {"from": from.as_str(), "to": c.to.as_str()}, "note": c.note,
        "due_date": c.due_date, "reason": c.reason, "assigned_to": assigned});
    let entry = super::audit_entry(actor, "briefing_request.step", &row).changes(changes);
    let updated =
        briefing_requests::Entity::find_by_id(id).one(&txn).await?.ok_or(AppError::NotFound("briefing request"))?;
    // issue 11: webhooks — in the step's transaction, to subscribers who may read the request.
    if c.to == BriefingStatus::Delivered {
        crate::services::webhooks::events::briefing_delivered(&txn, &updated).await?;
    }
    let view = view::one(&txn, actor, updated).await?;
    txn.commit(entry).await?;
    Ok(view)
}

/// The steps so far, oldest first, with who took each.
pub async fn history(db: &DatabaseConnection, actor: &Actor, id: Uuid) -> AppResult<Vec<BriefingStepView>> {
    authorize(actor, Operation::ReadDelegationRecords)?;
    find_readable::<briefing_requests::Model, _>(db, actor, id).await?;
    let rows = briefing_request_steps::Entity::find()
        .filter(briefing_request_steps::Column::BriefingRequestId.eq(id))
        .order_by_asc(briefing_request_steps::Column::At)
        .order_by_asc(briefing_request_steps::Column::Id)
        .all(db)
        .await?;
    let people = super::comments::names(db, rows.iter().filter_map(|s| s.actor_id).collect()).await?;
    Ok(rows
        .into_iter()
        .map(|s| BriefingStepView {
            from_status: s.from_status.map(|s| s.0),
            to_status: s.to_status.0,
            actor_name: s.actor_id.and_then(|a| people.get(&a).cloned()),
            id: s.id,
            note: s.note,
            actor_id: s.actor_id,
            at: s.at,
        })
        .collect())
}
