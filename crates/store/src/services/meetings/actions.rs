//! Action items: what a meeting (its minutes) decided someone will do, with an owner and a due date,
//! open until done. The organiser creates and changes them; the owner marks theirs done. An item is
//! read by whoever reads its meeting, and by its owner (who may have been named without an invitation).

use chrono::{NaiveDate, Utc};
use gmc_domain::error::{parse_enum, required_text};
use gmc_domain::ids::DelegationId;
use gmc_domain::meeting::{ActionLinkKind, ActionStatus, ACTION_TITLE_MAX};
use gmc_domain::policy::{authorize, can_write, Operation};
use gmc_domain::{Actor, ValidationErrors};
use sea_orm::sea_query::{Condition, Query};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, IntoActiveModel, QueryFilter,
    QueryOrder, Set,
};
use serde::Deserialize;
use serde_json::{json, Map, Value};
use uuid::Uuid;

use super::guard::read_condition;
use super::view::{action_views, ActionItemView};
use crate::audit::{AuditEntry, AuditedTxn};
use crate::cursor::{Key, KeyValue, Page, Paging, Sort};
use crate::entities::{action_items, impediments, meetings, prep_items, users};
use crate::error::check_version;
use crate::services::access::{find_readable, find_writable};
use crate::services::notifications;
use crate::{AppError, AppResult};

// The body of `POST /meetings/{id}/action-items`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = CreateActionItemRequest))]
pub struct ActionItemInput {
    pub title: String,
    /// A person taking part: a member of the organising or an invited delegation, or an invited person.
    pub owner_user_id: Uuid,
    pub due_on: NaiveDate,
    /// With `linked_id`: a record the creator may read.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<ActionLinkKind>))]
    pub linked_kind: Option<String>,
    pub linked_id: Option<Uuid>,
}

/// Fields to change. The owner may send only `status`; the organiser any.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = UpdateActionItemRequest))]
pub struct ActionItemPatch {
    #[cfg_attr(feature = "openapi", schema(value_type = Option<ActionStatus>))]
    pub status: Option<String>,
    pub title: Option<String>,
    pub due_on: Option<NaiveDate>,
    pub owner_user_id: Option<Uuid>,
}

#[derive(Debug, Default, Clone)]
pub struct ActionItemFilter {
    /// `me`: the caller's own.
    pub owner: Option<String>,
    pub status: Option<String>,
    pub meeting_id: Option<Uuid>,
    pub sort: Option<String>,
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

crate::sort_fields!(
    /// What action items may be sorted by.
    ActionItemSort {
        DueOn => "due_on",
        Title => "title",
    }
);

/// Without `sort`: the most urgent first.
const DEFAULT_SORT: Sort<ActionItemSort> = Sort { field: Some(ActionItemSort::DueOn), descending: false };

/// The action items an actor may read, as SQL: its own, and those of meetings it reads.
pub(crate) fn readable(actor: &Actor) -> Condition {
    Condition::any().add(action_items::Column::OwnerUserId.eq(actor.user_id.as_uuid())).add(
        action_items::Column::MeetingId.in_subquery(
            Query::select()
                .column(meetings::Column::Id)
                .from(meetings::Entity)
                .cond_where(read_condition(actor))
                .to_owned(),
        ),
    )
}

/// Whether `user` takes part in the meeting: an active member of the organising or an invited
/// delegation, or an invited person.
async fn takes_part<C: ConnectionTrait>(db: &C, meeting: &meetings::Model, user: Uuid) -> AppResult<bool> {
    let rule = super::participants::taking_part(db, meeting).await?;
    Ok(users::Entity::find_by_id(user).filter(rule).one(db).await?.is_some())
}

/// A linked record must be one the creator may read (one it may not is "unknown", like a missing one).
async fn check_link(
    db: &DatabaseConnection,
    actor: &Actor,
    e: &mut ValidationErrors,
    kind: Option<&str>,
    id: Option<Uuid>,
) -> AppResult<Option<ActionLinkKind>> {
    let (kind, id) = match (kind, id) {
        (None, None) => return Ok(None),
        (Some(k), Some(id)) => match e.check("linked_kind", parse_enum::<ActionLinkKind>(k)) {
            Some(k) => (k, id),
            None => return Ok(None),
        },
        _ => {
            e.add("linked_id", "required_together", "linked_kind and linked_id go together");
            return Ok(None);
        }
    };
    let found = match kind {
        ActionLinkKind::PrepItem => find_readable::<prep_items::Model, _>(db, actor, id).await.map(|_| ()),
        ActionLinkKind::Impediment => find_readable::<impediments::Model, _>(db, actor, id).await.map(|_| ()),
        ActionLinkKind::Meeting => find_readable::<meetings::Model, _>(db, actor, id).await.map(|_| ()),
    };
    match found {
        Ok(()) => Ok(Some(kind)),
        Err(AppError::NotFound(_)) => {
            e.add("linked_id", "unknown", "names no record of that kind");
            Ok(None)
        }
        Err(other) => Err(other),
    }
}

pub async fn create(
    db: &DatabaseConnection,
    actor: &Actor,
    meeting_id: Uuid,
    input: ActionItemInput,
) -> AppResult<ActionItemView> {
    authorize(actor, Operation::WriteDelegationRecords)?;
    let meeting: meetings::Model = find_writable(db, actor, meeting_id).await?;
    let mut e = ValidationErrors::new();
    let title = e.check("title", required_text(&input.title, ACTION_TITLE_MAX));
    if !takes_part(db, &meeting, input.owner_user_id).await? {
        e.add("owner_user_id", "unknown", "names no one taking part in the meeting");
    }
    let link = check_link(db, actor, &mut e, input.linked_kind.as_deref(), input.linked_id).await?;
    let Some(title) = title.filter(|_| e.is_empty()) else {
        return Err(e.into());
    };
    let txn = AuditedTxn::begin(db).await?;
    let now = Utc::now();
    let row = action_items::ActiveModel {
        id: Set(Uuid::now_v7()),
        meeting_id: Set(meeting_id),
        title: Set(title),
        owner_user_id: Set(input.owner_user_id),
        due_on: Set(input.due_on),
        status: Set(ActionStatus::Open.into()),
        linked_kind: Set(link.map(Into::into)),
        linked_id: Set(link.and(input.linked_id)),
        created_by: Set(Some(actor.user_id.as_uuid())),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await?;
    // issue 10: the owner is told in the same transaction, so only an item that exists is announced.
    notifications::action_items::assigned(&txn, actor, &row).await?;
    let audit = AuditEntry::by(actor, "action_item.create", "action_item", row.id)
        .delegation(meeting.delegation_id)
        .changes(json!({"meeting_id": meeting_id, "title": row.title, "owner_user_id": row.owner_user_id,
            "due_on": row.due_on}));
    let view = action_views(&txn, vec![row]).await?.into_iter().next().ok_or(AppError::NotFound("action item"))?;
    txn.commit(audit).await?;
    Ok(view)
}

/// A meeting's action items, by due date.
pub async fn for_meeting(db: &DatabaseConnection, actor: &Actor, meeting_id: Uuid) -> AppResult<Vec<ActionItemView>> {
    authorize(actor, Operation::ReadDelegationRecords)?;
    let _: meetings::Model = find_readable(db, actor, meeting_id).await?;
    let rows = action_items::Entity::find()
        .filter(action_items::Column::MeetingId.eq(meeting_id))
        .order_by_asc(action_items::Column::DueOn)
        .order_by_asc(action_items::Column::Id)
        .all(db)
        .await?;
    action_views(db, rows).await
}

fn sort_key(field: ActionItemSort) -> Key<action_items::Column> {
    match field {
        ActionItemSort::DueOn => Key::date(action_items::Column::DueOn),
        ActionItemSort::Title => Key::text(action_items::Column::Title),
    }
}

fn sort_value(field: Option<ActionItemSort>, r: &action_items::Model) -> KeyValue {
    match field {
        None => KeyValue::Null,
        Some(ActionItemSort::DueOn) => KeyValue::Date(r.due_on),
        Some(ActionItemSort::Title) => KeyValue::Text(r.title.clone()),
    }
}

pub async fn list(db: &DatabaseConnection, actor: &Actor, f: ActionItemFilter) -> AppResult<Page<ActionItemView>> {
    authorize(actor, Operation::ReadDelegationRecords)?;
    let mut e = ValidationErrors::new();
    let filters = ActionItemFilter { sort: None, limit: None, cursor: None, ..f.clone() };
    let paging = Paging::check(&mut e, (f.limit, f.sort.as_deref(), f.cursor.as_deref()), DEFAULT_SORT, &filters);
    let mut query = action_items::Entity::find().filter(readable(actor));
    match f.owner.as_deref() {
        None => {}
        Some("me") => query = query.filter(action_items::Column::OwnerUserId.eq(actor.user_id.as_uuid())),
        Some(_) => e.add("owner", "invalid_choice", "must be me"),
    }
    if let Some(s) = f.status.as_deref().and_then(|s| e.check("status", parse_enum::<ActionStatus>(s))) {
        query = query.filter(action_items::Column::Status.eq(s.as_str()));
    }
    if let Some(m) = f.meeting_id {
        query = query.filter(action_items::Column::MeetingId.eq(m));
    }
    let Some(paging) = paging else {
        return Err(e.into());
    };
    e.finish()?;
    let total = paging.total(db, &query).await?;
    let field = paging.sort.field;
    let query = paging.seek(query, db.get_database_backend(), field.map(sort_key), action_items::Column::Id)?;
    let (rows, next_cursor) = paging.split(query.all(db).await?, |r| (sort_value(field, r), r.id));
    Ok(Page { items: action_views(db, rows).await?, next_cursor, total })
}

pub async fn update(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    patch: ActionItemPatch,
    if_match: Option<i32>,
) -> AppResult<ActionItemView> {
    authorize(actor, Operation::AnswerInvitation)?;
    let current = action_items::Entity::find_by_id(id)
        .filter(readable(actor))
        .one(db)
        .await?
        .ok_or(AppError::NotFound("action item"))?;
    let meeting =
        meetings::Entity::find_by_id(current.meeting_id).one(db).await?.ok_or(AppError::NotFound("action item"))?;
    let organiser = can_write(actor, DelegationId::from_uuid(meeting.delegation_id));
    let owner = current.owner_user_id == actor.user_id.as_uuid();
    let beyond_status = patch.title.is_some() || patch.due_on.is_some() || patch.owner_user_id.is_some();
    // The organiser changes anything; the owner only the status.
    if !organiser && (!owner || beyond_status) {
        return Err(AppError::Forbidden);
    }
    let mut e = ValidationErrors::new();
    let mut m = current.clone().into_active_model();
    let mut changes = Map::new();
    if let Some(s) = patch.status.as_deref().and_then(|s| e.check("status", parse_enum::<ActionStatus>(s))) {
        changes.insert("status".into(), json!({"from": current.status, "to": s.as_str()}));
        m.status = Set(s.into());
    }
    if let Some(t) = patch.title.as_deref().and_then(|t| e.check("title", required_text(t, ACTION_TITLE_MAX))) {
        changes.insert("title".into(), json!({"from": current.title, "to": t}));
        m.title = Set(t);
    }
    if let Some(d) = patch.due_on {
        changes.insert("due_on".into(), json!({"from": current.due_on, "to": d}));
        m.due_on = Set(d);
    }
    if let Some(u) = patch.owner_user_id {
        if !takes_part(db, &meeting, u).await? {
            e.add("owner_user_id", "unknown", "names no one taking part in the meeting");
        }
        changes.insert("owner_user_id".into(), json!({"from": current.owner_user_id, "to": u}));
        m.owner_user_id = Set(u);
    }
    if changes.is_empty() && e.is_empty() {
        e.add("body", "empty", "names no field to change");
    }
    e.finish()?;
    check_version(if_match, current.version)?;
    let txn = AuditedTxn::begin(db).await?;
    m.version = Set(current.version + 1);
    m.updated_at = Set(Utc::now());
    let res = action_items::Entity::update_many()
        .set(m)
        .filter(action_items::Column::Id.eq(id))
        .filter(action_items::Column::Version.eq(current.version))
        .exec(&txn)
        .await?;
    if res.rows_affected != 1 {
        return Err(AppError::PreconditionFailed { current: current.version + 1 });
    }
    let saved = action_items::Entity::find_by_id(id).one(&txn).await?.ok_or(AppError::NotFound("action item"))?;
    if saved.owner_user_id != current.owner_user_id {
        notifications::action_items::assigned(&txn, actor, &saved).await?;
    }
    let audit = AuditEntry::by(actor, "action_item.update", "action_item", id)
        .delegation(meeting.delegation_id)
        .changes(Value::Object(changes));
    let view = action_views(&txn, vec![saved]).await?.into_iter().next().ok_or(AppError::NotFound("action item"))?;
    txn.commit(audit).await?;
    Ok(view)
}
