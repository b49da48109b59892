//! Checking a prep item's fields: the owner (a delegation, or a coalition the caller's delegation belongs
//! to), shapes through domain types, references (ministerial, topics, the responsible person) against
//! the database, every problem named by field.

use chrono::NaiveDate;
use gmc_domain::error::{optional_text, parse_enum, required_text};
use gmc_domain::ids::DelegationId;
use gmc_domain::policy::{can_write_shared, Owner};
use gmc_domain::prep::{Interest, PrepKind, SUMMARY_MAX, TITLE_MAX, TOPICS_MAX};
use gmc_domain::watch::Priority;
use gmc_domain::{Actor, ValidationErrors, Visibility};
use sea_orm::{ActiveValue::Set, ConnectionTrait, DatabaseConnection, EntityTrait, IntoActiveModel};
use serde::Deserialize;
use serde_json::{json, Map, Value};
use uuid::Uuid;

use crate::entities::{coalition_members, coalitions, prep_items, users};
use crate::services::access::coalition_members_of;
use crate::services::reference_checks as checks;
use crate::{AppError, AppResult};

// The body of `POST /prep-items` (plain comments here: a doc comment would become the schema's
// description). Enum-valued fields arrive as text so that a bad value is a 422 naming the field.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = CreatePrepItemRequest))]
pub struct PrepItemInput {
    /// The ministerial conference's code.
    #[cfg_attr(feature = "openapi", schema(example = "MC14"))]
    pub ministerial: String,
    /// Admins name the delegation; members default to (and may only use) their own. Not with `coalition_id`.
    pub delegation_id: Option<Uuid>,
    /// A coalition the caller's delegation belongs to (admins: any), whose members then own the item together.
    pub coalition_id: Option<Uuid>,
    pub title: String,
    #[serde(default)]
    pub summary: String,
    #[cfg_attr(feature = "openapi", schema(value_type = PrepKind))]
    pub kind: String,
    #[cfg_attr(feature = "openapi", schema(value_type = Interest))]
    pub interest: String,
    #[cfg_attr(feature = "openapi", schema(value_type = Priority))]
    pub priority: String,
    pub deadline: Option<NaiveDate>,
    /// A member of an owning delegation.
    pub responsible_user_id: Option<Uuid>,
    #[cfg_attr(feature = "openapi", schema(value_type = Visibility))]
    pub visibility: String,
    #[serde(default)]
    pub topic_ids: Vec<Uuid>,
}

/// Fields to change; absent fields stay; `null` clears `deadline` and `responsible_user_id`. The status
/// moves only through steps, the owner and ministerial not at all.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = UpdatePrepItemRequest))]
pub struct PrepItemPatch {
    pub title: Option<String>,
    pub summary: Option<String>,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<PrepKind>))]
    pub kind: Option<String>,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Interest>))]
    pub interest: Option<String>,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Priority>))]
    pub priority: Option<String>,
    #[serde(default, deserialize_with = "gmc_domain::patch::double_option")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<NaiveDate>, nullable))]
    pub deadline: Option<Option<NaiveDate>>,
    #[serde(default, deserialize_with = "gmc_domain::patch::double_option")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Uuid>, nullable))]
    pub responsible_user_id: Option<Option<Uuid>>,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Visibility>))]
    pub visibility: Option<String>,
    /// Replaces the topics.
    pub topic_ids: Option<Vec<Uuid>>,
}

/// The owner a new item gets, once the caller may write there.
#[derive(Debug, Clone, Copy)]
pub(super) enum NewOwner {
    Delegation(DelegationId),
    Coalition(Uuid),
}

pub(super) struct Checked {
    pub ministerial_id: Uuid,
    pub title: String,
    pub summary: String,
    pub kind: PrepKind,
    pub interest: Interest,
    pub priority: Priority,
    pub deadline: Option<NaiveDate>,
    pub responsible_user_id: Option<Uuid>,
    pub visibility: Visibility,
    pub topic_ids: Vec<Uuid>,
}

/// Who owns a new item: the coalition named (the caller's delegation must be a member; admins any), else
/// the delegation (`visibility::owning_delegation`). 403 when the caller may not write there.
pub(super) async fn owner<C: ConnectionTrait>(db: &C, actor: &Actor, i: &PrepItemInput) -> AppResult<NewOwner> {
    match (i.delegation_id, i.coalition_id) {
        (Some(_), Some(_)) => Err(ValidationErrors::single(
            "coalition_id",
            "not_allowed",
            "name either delegation_id or coalition_id, not both",
        )
        .into()),
        (_, Some(c)) => {
            if coalitions::Entity::find_by_id(c).one(db).await?.is_none() {
                return Err(ValidationErrors::single("coalition_id", "unknown", "names no coalition").into());
            }
            let members = coalition_members_of(db, c).await?;
            if !can_write_shared(actor, Owner::Coalition { members: &members }) {
                return Err(AppError::Forbidden);
            }
            Ok(NewOwner::Coalition(c))
        }
        (d, None) => {
            let delegation = crate::services::visibility::owning_delegation(actor, d)?;
            let mut e = ValidationErrors::new();
            checks::delegation(db, &mut e, "delegation_id", delegation.as_uuid()).await?;
            e.finish()?;
            Ok(NewOwner::Delegation(delegation))
        }
    }
}

async fn topics<C: ConnectionTrait>(db: &C, e: &mut ValidationErrors, ids: &[Uuid]) -> AppResult<Vec<Uuid>> {
    if ids.len() > TOPICS_MAX {
        e.add("topic_ids", "too_many", format!("may name at most {TOPICS_MAX} topics"));
        return Ok(Vec::new());
    }
    checks::topic_ids(db, e, "topic_ids", ids).await
}

/// The responsible person must be an active member of an owning delegation; anyone else (or nobody) is
/// the same answer, so the check tells nothing about accounts elsewhere.
async fn responsible<C: ConnectionTrait>(
    db: &C,
    e: &mut ValidationErrors,
    owner: NewOwner,
    user: Uuid,
) -> AppResult<()> {
    let row = users::Entity::find_by_id(user).one(db).await?.filter(|u| u.active);
    let member = match (row.and_then(|u| u.delegation_id), owner) {
        (None, _) => false,
        (Some(d), NewOwner::Delegation(owner)) => d == owner.as_uuid(),
        (Some(d), NewOwner::Coalition(c)) => coalition_members::Entity::find_by_id((c, d)).one(db).await?.is_some(),
    };
    if !member {
        e.add("responsible_user_id", "unknown", "names no member of the owning delegation or coalition");
    }
    Ok(())
}

pub(super) async fn checked<C: ConnectionTrait>(db: &C, owner: NewOwner, i: &PrepItemInput) -> AppResult<Checked> {
    let mut e = ValidationErrors::new();
    let ministerial = super::view::ministerial(db, &i.ministerial).await?;
    if ministerial.is_none() {
        e.add("ministerial", "unknown", "names no ministerial conference");
    }
    let title = e.check("title", required_text(&i.title, TITLE_MAX));
    let summary = e.check("summary", optional_text(&i.summary, SUMMARY_MAX));
    let kind = e.check("kind", parse_enum::<PrepKind>(&i.kind));
    let interest = e.check("interest", parse_enum::<Interest>(&i.interest));
    let priority = e.check("priority", parse_enum::<Priority>(&i.priority));
    let visibility = e.check("visibility", parse_enum::<Visibility>(&i.visibility));
    if let Some(user) = i.responsible_user_id {
        responsible(db, &mut e, owner, user).await?;
    }
    let topic_ids = topics(db, &mut e, &i.topic_ids).await?;
    match (ministerial, title, summary, kind, interest, priority, visibility) {
        (Some(m), Some(title), Some(summary), Some(kind), Some(interest), Some(priority), Some(visibility))
            if e.is_empty() =>
        {
            Ok(Checked {
                ministerial_id: m.id,
                title,
                summary,
                kind,
                interest,
                priority,
                deadline: i.deadline,
                responsible_user_id: i.responsible_user_id,
                visibility,
                topic_ids,
            })
        }
        _ => Err(e.into()),
    }
}

/// The topics a patch sets, when it names them: they live in a link table, not in the row.
pub(super) type NewTopics = Option<Vec<Uuid>>;

/// Checks a patch against the current row; returns the active model to save, the audit changes
/// (`{field: {from, to}}`), and the topics to set.
pub(super) async fn patched(
    db: &DatabaseConnection,
    current: &prep_items::Model,
    p: &PrepItemPatch,
) -> AppResult<(prep_items::ActiveModel, Value, NewTopics)> {
    let mut e = ValidationErrors::new();
    let mut m = current.clone().into_active_model();
    let mut changes = Map::new();
    let mut note = |field: &str, from: Value, to: Value| {
        changes.insert(field.to_owned(), json!({"from": from, "to": to}));
    };
    if let Some(v) = p.title.as_deref().and_then(|t| e.check("title", required_text(t, TITLE_MAX))) {
        note("title", json!(current.title), json!(v));
        m.title = Set(v);
    }
    if let Some(v) = p.summary.as_deref().and_then(|t| e.check("summary", optional_text(t, SUMMARY_MAX))) {
        note("summary", json!(current.summary), json!(v));
        m.summary = Set(v);
    }
    if let Some(v) = p.kind.as_deref().and_then(|k| e.check("kind", parse_enum::<PrepKind>(k))) {
        // Saved texts stay reachable only through a kind that carries one.
        if current.text_number > 0 && !v.carries_text() {
            e.add("kind", "not_allowed", "the item has saved texts: only a kind that carries a text may follow");
        }
        note("kind", json!(current.kind), json!(v.as_str()));
        m.kind = Set(v.into());
    }
    if let Some(v) = p.interest.as_deref().and_then(|k| e.check("interest", parse_enum::<Interest>(k))) {
        note("interest", json!(current.interest), json!(v.as_str()));
        m.interest = Set(v.into());
    }
    if let Some(v) = p.priority.as_deref().and_then(|k| e.check("priority", parse_enum::<Priority>(k))) {
        note("priority", json!(current.priority), json!(v.as_str()));
        m.priority = Set(v.into());
    }
    if let Some(v) = p.visibility.as_deref().and_then(|k| e.check("visibility", parse_enum::<Visibility>(k))) {
        note("visibility", json!(current.visibility), json!(v.as_str()));
        m.visibility = Set(v.into());
    }
    if let Some(v) = p.deadline {
        note("deadline", json!(current.deadline), json!(v));
        m.deadline = Set(v);
    }
    if let Some(v) = p.responsible_user_id {
        if let Some(user) = v {
            let owner = match (current.delegation_id, current.coalition_id) {
                (Some(d), _) => NewOwner::Delegation(DelegationId::from_uuid(d)),
                (None, Some(c)) => NewOwner::Coalition(c),
                (None, None) => return Err(AppError::NotFound("prep item")),
            };
            responsible(db, &mut e, owner, user).await?;
        }
        note("responsible_user_id", json!(current.responsible_user_id), json!(v));
        m.responsible_user_id = Set(v);
    }
    let topic_ids = match &p.topic_ids {
        Some(ids) => {
            let ids = topics(db, &mut e, ids).await?;
            note("topic_ids", Value::Null, json!(ids));
            Some(ids)
        }
        None => None,
    };
    if changes.is_empty() && e.is_empty() {
        e.add("body", "empty", "names no field to change");
    }
    e.finish()?;
    Ok((m, Value::Object(changes), topic_ids))
}
