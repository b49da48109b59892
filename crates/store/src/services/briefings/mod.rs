//! Briefing requests (issue 10): technical assistance a delegation asks the secretariat for — a
//! briefing note, a regional update, a research study — taken through its workflow by an analyst,
//! with comments and the documents delivered. Reads go through `read_condition` (the SQL form of
//! `policy::briefing_scope`); single records through `access::find_readable` / `find_writable`.

mod comments;
pub mod deliverables;
pub mod fields;
pub mod home;
mod list;
mod steps;
pub(crate) mod view;

pub use comments::{add_comment, comments, BriefingCommentInput, BriefingCommentView};
pub use deliverables::{attach, deliverables, file_document, DeliverableInput, DeliverableView, NewDeliverableInput};
pub use fields::{BriefingInput, BriefingPatch};
pub use list::{list, BriefingFilter, BriefingSort};
pub use steps::{history, step, BriefingStepInput, BriefingStepView};
pub use view::BriefingRequestView;

use chrono::Utc;
use gmc_domain::briefing::BriefingStatus;
use gmc_domain::policy::{authorize, briefing_scope, BriefingScope, Operation};
use gmc_domain::Actor;
use sea_orm::sea_query::Condition;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};
use serde_json::json;
use uuid::Uuid;

use crate::audit::{AuditEntry, AuditedTxn};
use crate::entities::{briefing_request_steps, briefing_request_topics, briefing_requests};
use crate::error::check_version;
use crate::services::access::{find_readable, find_writable, Guard, Guarded};
use crate::{AppError, AppResult};

/// The requests an actor may read, as SQL — `policy::briefing_scope`, row for row.
pub(crate) fn read_condition(actor: &Actor) -> Condition {
    use briefing_requests::Column as C;
    match briefing_scope(actor) {
        BriefingScope::All => Condition::all(),
        BriefingScope::Analyst(me) => Condition::any()
            .add(C::AssignedTo.eq(me.as_uuid()))
            .add(Condition::all().add(C::Status.eq(BriefingStatus::Requested.as_str())).add(C::AssignedTo.is_null())),
        BriefingScope::Delegation(d) => Condition::all().add(C::DelegationId.eq(d.as_uuid())),
        // The primary key is never null: a condition no row meets, on either engine.
        BriefingScope::Nothing => Condition::all().add(C::Id.is_null()),
    }
}

// What the policy reads of a request lives with the view, which needs it too (no import cycle).
pub(crate) use view::facts;

impl Guarded for briefing_requests::Model {
    const NOUN: &'static str = "briefing request";

    fn guard(&self) -> AppResult<Guard> {
        Ok(Guard::Briefing(facts(self)))
    }
}

/// The audit entry of a write on a request, filed under the requesting delegation.
pub(crate) fn audit_entry<'a>(actor: &Actor, action: &'a str, row: &briefing_requests::Model) -> AuditEntry<'a> {
    AuditEntry::by(actor, action, "briefing_request", row.id).delegation(row.delegation_id)
}

pub async fn get(db: &DatabaseConnection, actor: &Actor, id: Uuid) -> AppResult<BriefingRequestView> {
    authorize(actor, Operation::ReadDelegationRecords)?;
    let row: briefing_requests::Model = find_readable(db, actor, id).await?;
    view::one(db, actor, row).await
}

async fn set_topics<C: ConnectionTrait>(db: &C, id: Uuid, topics: &[Uuid]) -> AppResult<()> {
    briefing_request_topics::Entity::delete_many()
        .filter(briefing_request_topics::Column::BriefingRequestId.eq(id))
        .exec(db)
        .await?;
    for topic in topics {
        briefing_request_topics::ActiveModel { briefing_request_id: Set(id), topic_id: Set(*topic) }.insert(db).await?;
    }
    Ok(())
}

pub async fn create(db: &DatabaseConnection, actor: &Actor, input: BriefingInput) -> AppResult<BriefingRequestView> {
    authorize(actor, Operation::WriteDelegationRecords)?;
    let delegation = crate::services::visibility::owning_delegation(actor, input.delegation_id)?;
    let f = fields::checked(db, delegation, &input).await?;
    let txn = AuditedTxn::begin(db).await?;
    let now = Utc::now();
    let id = Uuid::now_v7();
    let model = briefing_requests::ActiveModel {
        id: Set(id),
        delegation_id: Set(delegation.as_uuid()),
        kind: Set(f.kind.into()),
        title: Set(f.title),
        question: Set(f.question),
        priority: Set(f.priority.into()),
        wished_date: Set(f.wished_date),
        visibility: Set(f.visibility.into()),
        status: Set(BriefingStatus::Requested.into()),
        assigned_to: Set(None),
        due_date: Set(None),
        decline_reason: Set(None),
        delivered_at: Set(None),
        created_by: Set(Some(actor.user_id.as_uuid())),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await?;
    set_topics(&txn, id, &f.topic_ids).await?;
    briefing_request_steps::ActiveModel {
        id: Set(Uuid::now_v7()),
        briefing_request_id: Set(id),
        from_status: Set(None),
        to_status: Set(BriefingStatus::Requested.into()),
        note: Set("requested".to_owned()),
        actor_id: Set(Some(actor.user_id.as_uuid())),
        at: Set(now),
    }
    .insert(&txn)
    .await?;
    let changes = json!({"title": model.title, "kind": model.kind, "priority": model.priority,
        "wished_date": model.wished_date, "visibility": model.visibility, "topic_ids": f.topic_ids});
    let entry = audit_entry(actor, "briefing_request.create", &model).changes(changes);
    let view = view::one(&txn, actor, model).await?;
    txn.commit(entry).await?;
    Ok(view)
}

/// The requesting delegation edits its request while nobody has taken it yet: once accepted, the
/// analyst's commitment (the due date) was made against this question.
pub async fn update(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    patch: BriefingPatch,
    if_match: Option<i32>,
) -> AppResult<BriefingRequestView> {
    authorize(actor, Operation::WriteDelegationRecords)?;
    let current: briefing_requests::Model = find_writable(db, actor, id).await?;
    if current.status.0 != BriefingStatus::Requested {
        return Err(AppError::Conflict(format!(
            "the request is {}: it can be changed only while requested",
            current.status.0
        )));
    }
    let (mut m, changes, topics) = fields::patched(db, &current, &patch).await?;
    check_version(if_match, current.version)?;
    let txn = AuditedTxn::begin(db).await?;
    m.version = Set(current.version + 1);
    m.updated_at = Set(Utc::now());
    let res = briefing_requests::Entity::update_many()
        .set(m)
        .filter(briefing_requests::Column::Id.eq(id))
        .filter(briefing_requests::Column::Version.eq(current.version))
        .filter(briefing_requests::Column::Status.eq(BriefingStatus::Requested.as_str()))
        .exec(&txn)
        .await?;
    if res.rows_affected != 1 {
        return Err(AppError::PreconditionFailed { current: current.version + 1 });
    }
    if let Some(topics) = &topics {
        set_topics(&txn, id, topics).await?;
    }
    let entry = audit_entry(actor, "briefing_request.update", &current).changes(changes);
    let updated =
        briefing_requests::Entity::find_by_id(id).one(&txn).await?.ok_or(AppError::NotFound("briefing request"))?;
    let view = view::one(&txn, actor, updated).await?;
    txn.commit(entry).await?;
    Ok(view)
}
