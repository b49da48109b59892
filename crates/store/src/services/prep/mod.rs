//! Ministerial preparation (issue 9): prep items owned by a delegation or a coalition, their workflow,
//! versioned texts and evidence. Reads go through `read_condition` (the SQL form of the policy, with
//! coalition members as owners); single records through `access::find_readable` / `find_writable`.

mod board;
// issue 9: the board's read model
mod board_model;
mod diff;
pub mod evidence;
pub(crate) mod fields;
// issue 11: import-kinds
pub(crate) mod import;
mod list;
mod steps;
pub mod strength;
mod strength_figures;
pub(crate) mod targets;
mod texts;
pub mod trace;
mod trace_views;
pub(crate) mod view;

pub use board::{BoardColumn, BoardFilter, PrepBoardView, PrepCardView};
pub use board_model::{board, BoardModel};
pub use diff::{diff, DiffOp, DiffOpKind, TextDiffView};
pub use fields::{PrepItemInput, PrepItemPatch};
pub use list::{list, PrepItemFilter, PrepItemSort};
pub use steps::{history, step, OutcomeInput, PrepStepInput, PrepStepView};
pub use texts::{save_text, text, texts, PrepTextInput, PrepTextVersionView, PrepTextView};
pub use view::{MinisterialRef, OutcomeView, OwnerKind, OwnerView, PrepItemView, TopicRef};

use chrono::Utc;
use gmc_domain::ids::{DelegationId, PrepItemId};
use gmc_domain::policy::{authorize, Operation, Ownership};
use gmc_domain::prep::PrepStatus;
use gmc_domain::Actor;
use sea_orm::sea_query::Condition;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};
use serde_json::json;
use uuid::Uuid;

use crate::audit::{AuditEntry, AuditedTxn};
use crate::entities::{prep_item_steps, prep_item_topics, prep_items};
use crate::error::check_version;
use crate::services::access::{find_readable, find_writable, Guard, Guarded};
use crate::{AppError, AppResult};

/// The prep items an actor may read, as SQL: own delegation's and own coalitions' at any visibility,
/// others' by visibility.
#[allow(dead_code)] // the list, board and report of the next commits read through it
pub(crate) fn read_condition(actor: &Actor) -> Condition {
    super::visibility::shared_read_condition(
        actor,
        prep_items::Column::Visibility,
        prep_items::Column::DelegationId,
        prep_items::Column::CoalitionId,
    )
}

impl Guarded for prep_items::Model {
    const NOUN: &'static str = "prep item";

    fn guard(&self) -> AppResult<Guard> {
        let visibility = self.visibility.0;
        match (self.delegation_id, self.coalition_id) {
            (Some(d), None) => Ok(Guard::Owned(Ownership { delegation_id: DelegationId::from_uuid(d), visibility })),
            (None, Some(coalition_id)) => Ok(Guard::Coalition { coalition_id, visibility }),
            // The service writes exactly one owner; a row with neither or both is damaged data, and
            // refusing it is safer than guessing who may read it.
            _ => Err(AppError::Internal(anyhow::anyhow!("prep item {} has no single owner", self.id))),
        }
    }
}

/// The audit entry of a write on a prep item, with its delegation when a delegation owns it.
pub(crate) fn audit_entry<'a>(actor: &Actor, action: &'a str, row: &prep_items::Model) -> AuditEntry<'a> {
    let entry = AuditEntry::by(actor, action, "prep_item", row.id);
    match row.delegation_id {
        Some(d) => entry.delegation(d),
        None => entry,
    }
}

pub async fn get(db: &DatabaseConnection, actor: &Actor, id: Uuid) -> AppResult<PrepItemView> {
    authorize(actor, Operation::ReadDelegationRecords)?;
    let row: prep_items::Model = find_readable(db, actor, id).await?;
    view::one(db, actor, row).await
}

async fn set_topics<C: ConnectionTrait>(db: &C, id: Uuid, topics: &[Uuid]) -> AppResult<()> {
    prep_item_topics::Entity::delete_many().filter(prep_item_topics::Column::PrepItemId.eq(id)).exec(db).await?;
    for topic in topics {
        prep_item_topics::ActiveModel { prep_item_id: Set(id), topic_id: Set(*topic) }.insert(db).await?;
    }
    Ok(())
}

pub async fn create(db: &DatabaseConnection, actor: &Actor, input: PrepItemInput) -> AppResult<PrepItemView> {
    authorize(actor, Operation::WriteDelegationRecords)?;
    let owner = fields::owner(db, actor, &input).await?;
    let f = fields::checked(db, owner, &input).await?;
    let txn = AuditedTxn::begin(db).await?;
    let (model, entry) = insert(&txn, actor, owner, f).await?;
    let view = view::one(&txn, actor, model).await?;
    txn.commit(entry).await?;
    Ok(view)
}

/// Inserts a checked item on `db` (the create's transaction, or an import's — `import.rs`) with its topics
/// and its first step; answers the row and the audit entry the caller commits (the import keeps one
/// entry per file instead).
async fn insert<'a, C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    owner: fields::NewOwner,
    f: fields::Checked,
) -> AppResult<(prep_items::Model, AuditEntry<'a>)> {
    let (delegation_id, coalition_id) = match owner {
        fields::NewOwner::Delegation(d) => (Some(d.as_uuid()), None),
        fields::NewOwner::Coalition(c) => (None, Some(c)),
    };
    let now = Utc::now();
    let id = PrepItemId::new().as_uuid();
    let model = prep_items::ActiveModel {
        id: Set(id),
        ministerial_id: Set(f.ministerial_id),
        delegation_id: Set(delegation_id),
        coalition_id: Set(coalition_id),
        visibility: Set(f.visibility.into()),
        title: Set(f.title),
        summary: Set(f.summary),
        kind: Set(f.kind.into()),
        interest: Set(f.interest.into()),
        priority: Set(f.priority.into()),
        status: Set(PrepStatus::Identified.into()),
        deadline: Set(f.deadline),
        responsible_user_id: Set(f.responsible_user_id),
        outcome_text: Set(None),
        outcome_date: Set(None),
        outcome_body: Set(None),
        text_number: Set(0),
        created_by: Set(Some(actor.user_id.as_uuid())),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(db)
    .await?;
    set_topics(db, id, &f.topic_ids).await?;
    prep_item_steps::ActiveModel {
        id: Set(Uuid::now_v7()),
        prep_item_id: Set(id),
        from_status: Set(None),
        to_status: Set(PrepStatus::Identified.into()),
        note: Set("identified".to_owned()),
        actor_id: Set(Some(actor.user_id.as_uuid())),
        at: Set(now),
    }
    .insert(db)
    .await?;
    let changes = json!({"title": model.title, "kind": model.kind, "ministerial_id": model.ministerial_id,
        "coalition_id": model.coalition_id, "visibility": model.visibility, "topic_ids": f.topic_ids});
    let entry = audit_entry(actor, "prep_item.create", &model).changes(changes);
    Ok((model, entry))
}

pub async fn update(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    patch: PrepItemPatch,
    if_match: Option<i32>,
) -> AppResult<PrepItemView> {
    authorize(actor, Operation::ReadDelegationRecords)?;
    let current: prep_items::Model = find_writable(db, actor, id).await?;
    let (mut m, changes, topics) = fields::patched(db, &current, &patch).await?;
    check_version(if_match, current.version)?;
    let txn = AuditedTxn::begin(db).await?;
    m.version = Set(current.version + 1);
    m.updated_at = Set(Utc::now());
    let res = prep_items::Entity::update_many()
        .set(m)
        .filter(prep_items::Column::Id.eq(id))
        .filter(prep_items::Column::Version.eq(current.version))
        .exec(&txn)
        .await?;
    if res.rows_affected != 1 {
        return Err(AppError::PreconditionFailed { current: current.version + 1 });
    }
    if let Some(topics) = &topics {
        set_topics(&txn, id, topics).await?;
    }
    let entry = audit_entry(actor, "prep_item.update", &current).changes(changes);
    let updated = prep_items::Entity::find_by_id(id).one(&txn).await?.ok_or(AppError::NotFound("prep item"))?;
    let view = view::one(&txn, actor, updated).await?;
    txn.commit(entry).await?;
    Ok(view)
}
