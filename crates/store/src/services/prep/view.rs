//! A prep item as the API sends it, and how rows become it: names of the ministerial, owner, topics and
//! responsible person with one query each for a whole page, and what the caller may do with it
//! (`can_edit`, `steps_open`), decided by the same policy the writes go through.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use gmc_domain::ids::DelegationId;
use gmc_domain::policy::{authorize, can_write_shared, Operation, Owner};
use gmc_domain::prep::{steps_open, Interest, PrepKind, PrepStatus};
use gmc_domain::watch::Priority;
use gmc_domain::{Actor, Visibility};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use serde::Serialize;
use uuid::Uuid;

use crate::entities::{coalition_members, coalitions, delegations, ministerials, prep_item_topics, prep_items};
use crate::entities::{topics, users};
use crate::{AppError, AppResult};

/// A ministerial conference, as a prep item names it.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MinisterialRef {
    #[cfg_attr(feature = "openapi", schema(example = "MC14"))]
    pub code: String,
    pub name: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum OwnerKind {
    Delegation,
    Coalition,
}

/// Who owns a prep item: a delegation, or a coalition whose member delegations own it together.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = PrepOwner))]
pub struct OwnerView {
    pub kind: OwnerKind,
    pub id: Uuid,
    pub name: String,
    /// The delegation's country (`BGD`) or the coalition's code (`LDC`).
    pub code: String,
}

/// What came of a tabled item.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = PrepOutcome))]
pub struct OutcomeView {
    pub text: String,
    pub date: NaiveDate,
    /// The WTO body where it was decided (`General Council`, `MC14 plenary`).
    pub body: String,
}

/// A topic, as a prep item names it.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TopicRef {
    pub id: Uuid,
    #[cfg_attr(feature = "openapi", schema(example = "FISH"))]
    pub code: String,
    pub title: String,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = PrepItem))]
pub struct PrepItemView {
    pub id: Uuid,
    pub ministerial: MinisterialRef,
    pub owner: OwnerView,
    /// `delegation`: the owners only (for a coalition, its member delegations).
    pub visibility: Visibility,
    pub title: String,
    pub summary: String,
    pub kind: PrepKind,
    pub interest: Interest,
    pub priority: Priority,
    pub status: PrepStatus,
    pub deadline: Option<NaiveDate>,
    /// The deadline has passed (before today, UTC) and the item is neither decided nor withdrawn.
    pub overdue: bool,
    pub responsible_user_id: Option<Uuid>,
    pub responsible_name: Option<String>,
    /// Recorded with the step to `outcome_recorded`.
    pub outcome: Option<OutcomeView>,
    pub topics: Vec<TopicRef>,
    /// The number of the latest text version (0: none yet); send it as `If-Match` to save the next one.
    pub text_number: i32,
    /// The statuses this caller may move the item to now (`POST /prep-items/{id}/steps`).
    pub steps_open: Vec<PrepStatus>,
    /// Whether this caller may change it (`PATCH`, texts).
    pub can_edit: bool,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// The ministerial with this code (`MC14`), if any.
pub(super) async fn ministerial<C: ConnectionTrait>(db: &C, code: &str) -> AppResult<Option<ministerials::Model>> {
    let code = code.trim().to_ascii_uppercase();
    Ok(ministerials::Entity::find().filter(ministerials::Column::Code.eq(code)).one(db).await?)
}

/// Who owns a row, as the policy takes it (for a coalition, its member delegations from `members`).
pub(super) fn owner_of<'a>(row: &prep_items::Model, members: &'a HashMap<Uuid, Vec<DelegationId>>) -> Owner<'a> {
    owner_from(row.delegation_id, row.coalition_id, members)
}

/// `owner_of` for an item known by its owner columns.
pub(super) fn owner_from<'a>(
    delegation_id: Option<Uuid>,
    coalition_id: Option<Uuid>,
    members: &'a HashMap<Uuid, Vec<DelegationId>>,
) -> Owner<'a> {
    match (delegation_id, coalition_id) {
        (Some(d), _) => Owner::Delegation(DelegationId::from_uuid(d)),
        (None, Some(c)) => Owner::Coalition { members: members.get(&c).map_or(&[], Vec::as_slice) },
        // `Guarded` refuses such a row before it gets here; owned by nobody, it is the admins' alone.
        (None, None) => Owner::Coalition { members: &[] },
    }
}

/// The member delegations of the coalitions owning some of `rows`.
pub(super) async fn members_of<C: ConnectionTrait>(
    db: &C,
    rows: &[prep_items::Model],
) -> AppResult<HashMap<Uuid, Vec<DelegationId>>> {
    let ids: Vec<Uuid> = rows.iter().filter_map(|r| r.coalition_id).collect();
    let mut members: HashMap<Uuid, Vec<DelegationId>> = HashMap::new();
    if ids.is_empty() {
        return Ok(members);
    }
    for m in coalition_members::Entity::find().filter(coalition_members::Column::CoalitionId.is_in(ids)).all(db).await?
    {
        members.entry(m.coalition_id).or_default().push(DelegationId::from_uuid(m.delegation_id));
    }
    Ok(members)
}

async fn names<C: ConnectionTrait, E: EntityTrait>(db: &C, col: E::Column, ids: Vec<Uuid>) -> AppResult<Vec<E::Model>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(E::find().filter(col.is_in(ids)).all(db).await?)
}

/// Rows to views, in the same order.
pub(super) async fn views<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    rows: Vec<prep_items::Model>,
) -> AppResult<Vec<PrepItemView>> {
    let ids = |f: fn(&prep_items::Model) -> Option<Uuid>| rows.iter().filter_map(f).collect::<Vec<_>>();
    let ministerials: HashMap<Uuid, ministerials::Model> =
        names::<_, ministerials::Entity>(db, ministerials::Column::Id, ids(|r| Some(r.ministerial_id)))
            .await?
            .into_iter()
            .map(|m| (m.id, m))
            .collect();
    let delegations: HashMap<Uuid, delegations::Model> =
        names::<_, delegations::Entity>(db, delegations::Column::Id, ids(|r| r.delegation_id))
            .await?
            .into_iter()
            .map(|d| (d.id, d))
            .collect();
    let coalitions: HashMap<Uuid, coalitions::Model> =
        names::<_, coalitions::Entity>(db, coalitions::Column::Id, ids(|r| r.coalition_id))
            .await?
            .into_iter()
            .map(|c| (c.id, c))
            .collect();
    let people: HashMap<Uuid, String> =
        names::<_, users::Entity>(db, users::Column::Id, ids(|r| r.responsible_user_id))
            .await?
            .into_iter()
            .map(|u| (u.id, u.name))
            .collect();
    let links =
        names::<_, prep_item_topics::Entity>(db, prep_item_topics::Column::PrepItemId, ids(|r| Some(r.id))).await?;
    let topic_rows: HashMap<Uuid, topics::Model> =
        names::<_, topics::Entity>(db, topics::Column::Id, links.iter().map(|l| l.topic_id).collect())
            .await?
            .into_iter()
            .map(|t| (t.id, t))
            .collect();
    let mut item_topics: HashMap<Uuid, Vec<TopicRef>> = HashMap::new();
    for link in &links {
        if let Some(t) = topic_rows.get(&link.topic_id) {
            let topic = TopicRef { id: t.id, code: t.code.clone(), title: t.title.clone() };
            item_topics.entry(link.prep_item_id).or_default().push(topic);
        }
    }
    let members = members_of(db, &rows).await?;
    let may_write = authorize(actor, Operation::WriteDelegationRecords).is_ok();
    let today = Utc::now().date_naive();
    rows.into_iter()
        .map(|r| {
            let owner = owner_of(&r, &members);
            let owner_view = match (r.delegation_id, r.coalition_id) {
                (Some(d), _) => delegations.get(&d).map(|d| OwnerView {
                    kind: OwnerKind::Delegation,
                    id: d.id,
                    name: d.name.clone(),
                    code: d.country_code.clone(),
                }),
                (None, Some(c)) => coalitions.get(&c).map(|c| OwnerView {
                    kind: OwnerKind::Coalition,
                    id: c.id,
                    name: c.name.clone(),
                    code: c.code.clone(),
                }),
                (None, None) => None,
            }
            .ok_or_else(|| AppError::Internal(anyhow::anyhow!("prep item {} has no owner to show", r.id)))?;
            let ministerial = ministerials
                .get(&r.ministerial_id)
                .map(|m| MinisterialRef { code: m.code.clone(), name: m.name.clone() })
                .ok_or_else(|| AppError::Internal(anyhow::anyhow!("prep item {} has no ministerial", r.id)))?;
            let status = r.status.0;
            let outcome = match (r.outcome_text, r.outcome_date, r.outcome_body) {
                (Some(text), Some(date), Some(body)) => Some(OutcomeView { text, date, body }),
                _ => None,
            };
            let mut topics = item_topics.remove(&r.id).unwrap_or_default();
            topics.sort_by(|a, b| a.code.cmp(&b.code));
            let member = owner.includes(actor.delegation_id);
            Ok(PrepItemView {
                id: r.id,
                ministerial,
                owner: owner_view,
                visibility: r.visibility.0,
                title: r.title,
                summary: r.summary,
                kind: r.kind.0,
                interest: r.interest.0,
                priority: r.priority.0,
                status,
                deadline: r.deadline,
                overdue: r.deadline.is_some_and(|d| d < today) && !status.is_final(),
                responsible_user_id: r.responsible_user_id,
                responsible_name: r.responsible_user_id.and_then(|u| people.get(&u).cloned()),
                outcome,
                topics,
                text_number: r.text_number,
                steps_open: if may_write { steps_open(actor, member, status) } else { Vec::new() },
                can_edit: can_write_shared(actor, owner),
                version: r.version,
                created_at: r.created_at,
                updated_at: r.updated_at,
            })
        })
        .collect()
}

pub(super) async fn one<C: ConnectionTrait>(db: &C, actor: &Actor, row: prep_items::Model) -> AppResult<PrepItemView> {
    views(db, actor, vec![row]).await?.pop().ok_or(AppError::NotFound("prep item"))
}
