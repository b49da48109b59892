//! The impediment registry: concrete trade obstacles MSMEs face, classified by UNCTAD MAST chapter or
//! procedural obstacle, HS product and partner market, owned by a delegation at a visibility, and moved
//! through a workflow whose every step is kept with its note.

pub(crate) mod fields;
// issue 11: imports
pub(crate) mod import;
mod links;
mod list;
mod model;
mod search;
mod steps;
mod summary;

pub use fields::{ImpedimentInput, ImpedimentPatch};
pub use list::{list, ImpedimentFilter, ImpedimentSort};
pub use model::{list as list_from_model, list_rendered as list_rendered_from_model, RegistryModel, RenderedItem};
pub use steps::{history, step, StepInput};
pub use summary::{summary, SummaryCell};

use std::collections::{HashMap, HashSet};

use chrono::Utc;
use gmc_domain::ids::UserId;
use gmc_domain::ids::{DelegationId, ImpedimentId};
use gmc_domain::impediment::{ImpedimentSource, ImpedimentStatus};
use gmc_domain::policy::{authorize, can_read_stakeholder, Operation, Ownership};
use gmc_domain::{Actor, Visibility};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect, Set,
};
use serde_json::json;
use uuid::Uuid;

use crate::audit::{AuditEntry, AuditedTxn};
use crate::entities::{impediment_steps, impediment_topics, impediments, stakeholders};
use crate::error::check_version;
use crate::services::access::{find_readable, find_writable, Guard, Guarded};
use crate::views::ImpedimentView;
use crate::{AppError, AppResult};

/// Adds each row's topics, with one query, and shows a linked stakeholder only to a reader who may
/// read that stakeholder (one more query when any row has one): a regional impediment read by another
/// delegation must not lead to a firm that delegation cannot see.
async fn views<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    rows: Vec<impediments::Model>,
) -> AppResult<Vec<ImpedimentView>> {
    let ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
    let linked: Vec<Uuid> = rows.iter().filter_map(|r| r.stakeholder_id).collect();
    let mut readable_stakeholders: HashSet<Uuid> = HashSet::new();
    if !linked.is_empty() {
        let owners: Vec<(Uuid, Uuid, Option<Uuid>)> = stakeholders::Entity::find()
            .select_only()
            .column(stakeholders::Column::Id)
            .column(stakeholders::Column::DelegationId)
            .column(stakeholders::Column::UserId)
            .filter(stakeholders::Column::Id.is_in(linked))
            .into_tuple()
            .all(db)
            .await?;
        for (id, delegation, user) in owners {
            if can_read_stakeholder(actor, DelegationId::from_uuid(delegation), user.map(UserId::from_uuid)) {
                readable_stakeholders.insert(id);
            }
        }
    }
    let mut topics: HashMap<Uuid, Vec<Uuid>> = HashMap::new();
    for link in
        impediment_topics::Entity::find().filter(impediment_topics::Column::ImpedimentId.is_in(ids)).all(db).await?
    {
        topics.entry(link.impediment_id).or_default().push(link.topic_id);
    }
    Ok(rows
        .into_iter()
        .map(|r| {
            let topic_ids = topics.remove(&r.id).unwrap_or_default();
            let mut view = to_view(r, topic_ids);
            view.stakeholder_id = view.stakeholder_id.filter(|id| readable_stakeholders.contains(id));
            view
        })
        .collect())
}

/// A row with its topics as the wire shows it, its linked stakeholder as stored (for everyone: the
/// caller decides who may see it).
fn to_view(r: impediments::Model, mut topic_ids: Vec<Uuid>) -> ImpedimentView {
    topic_ids.sort();
    ImpedimentView {
        visibility: r.visibility.0,
        frequency: r.frequency.0,
        source: r.source.0,
        status: r.status.0,
        id: r.id,
        delegation_id: r.delegation_id,
        reporting_country: r.reporting_country,
        partner: r.partner,
        hs_code: r.hs_code,
        ntm_code: r.ntm_code,
        ntm_chapter: r.ntm_chapter,
        title: r.title,
        description: r.description,
        severity: r.severity,
        estimated_cost: r.estimated_cost,
        currency: r.currency,
        raised_body: r.raised_body,
        raised_on: r.raised_on,
        topic_ids,
        sector: r.sector,
        stakeholder_id: r.stakeholder_id,
        response_id: r.response_id,
        version: r.version,
        created_at: r.created_at,
        updated_at: r.updated_at,
    }
}

async fn one<C: ConnectionTrait>(db: &C, actor: &Actor, row: impediments::Model) -> AppResult<ImpedimentView> {
    views(db, actor, vec![row]).await?.pop().ok_or(AppError::NotFound("impediment"))
}

impl Guarded for impediments::Model {
    const NOUN: &'static str = "impediment";

    fn guard(&self) -> AppResult<Guard> {
        Ok(Guard::Owned(Ownership {
            delegation_id: DelegationId::from_uuid(self.delegation_id),
            visibility: self.visibility.0,
        }))
    }
}

pub async fn get(db: &DatabaseConnection, actor: &Actor, id: Uuid) -> AppResult<ImpedimentView> {
    authorize(actor, Operation::ReadDelegationRecords)?;
    let row: impediments::Model = find_readable(db, actor, id).await?;
    one(db, actor, row).await
}

async fn set_topics<C: ConnectionTrait>(db: &C, id: Uuid, topics: &[Uuid]) -> AppResult<()> {
    impediment_topics::Entity::delete_many().filter(impediment_topics::Column::ImpedimentId.eq(id)).exec(db).await?;
    for topic in topics {
        impediment_topics::ActiveModel { impediment_id: Set(id), topic_id: Set(*topic) }.insert(db).await?;
    }
    Ok(())
}

pub async fn create(db: &DatabaseConnection, actor: &Actor, input: ImpedimentInput) -> AppResult<ImpedimentView> {
    authorize(actor, Operation::WriteDelegationRecords)?;
    let delegation = crate::services::visibility::owning_delegation(actor, input.delegation_id)?;
    let f = fields::checked(db, &input).await?;
    let link = links::resolve(db, actor, &input, f.sector.clone()).await?;
    let txn = AuditedTxn::begin(db).await?;
    let model = insert(&txn, actor, delegation, f, link).await?;
    let id = model.id;
    let changes = json!({"title": model.title, "ntm_code": model.ntm_code, "partner": model.partner, "visibility": model.visibility});
    let entry = AuditEntry::by(actor, "impediment.create", "impediment", id).delegation(model.delegation_id);
    let audit_entry = entry.changes(changes);
    let view = one(&txn, actor, model).await?;
    txn.commit(audit_entry).await?;
    Ok(view)
}

/// Inserts a checked impediment with its topics and its first step (a create, and each row of an
/// import).
async fn insert<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    delegation: DelegationId,
    f: fields::Checked,
    link: links::Link,
) -> AppResult<impediments::Model> {
    let now = Utc::now();
    let id = ImpedimentId::new().as_uuid();
    let model = impediments::ActiveModel {
        id: Set(id),
        delegation_id: Set(delegation.as_uuid()),
        visibility: Set(f.visibility.unwrap_or(Visibility::Delegation).into()),
        reporting_country: Set(f.reporting_country),
        partner: Set(f.partner),
        hs_code: Set(f.hs_code),
        ntm_code: Set(f.ntm.code().to_owned()),
        ntm_chapter: Set(f.ntm.chapter().to_owned()),
        title: Set(f.title),
        description: Set(f.description),
        severity: Set(f.severity),
        frequency: Set(f.frequency.into()),
        estimated_cost: Set(f.estimated_cost),
        currency: Set(f.currency),
        source: Set(f.source.or(link.source).unwrap_or(ImpedimentSource::Staff).into()),
        status: Set(ImpedimentStatus::Reported.into()),
        raised_body: Set(None),
        raised_on: Set(None),
        created_by: Set(Some(actor.user_id.as_uuid())),
        sector: Set(link.sector),
        stakeholder_id: Set(link.stakeholder_id),
        response_id: Set(link.response_id),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(db)
    .await?;
    set_topics(db, id, &f.topic_ids).await?;
    impediment_steps::ActiveModel {
        id: Set(Uuid::now_v7()),
        impediment_id: Set(id),
        from_status: Set(None),
        to_status: Set(ImpedimentStatus::Reported.into()),
        note: Set("reported".to_owned()),
        actor_id: Set(Some(actor.user_id.as_uuid())),
        at: Set(now),
    }
    .insert(db)
    .await?;
    // issue 11: webhooks — in the same transaction, so an import's rows announce themselves too, and a
    // rolled-back row (a dry run, an atomic import that failed) announces nothing.
    crate::services::webhooks::events::impediment_created(db, &model).await?;
    // issue 11: wto notifications — an obstacle filed after a notification still meets it.
    crate::services::wto_notifications::matching::match_impediment(db, &model).await?;
    Ok(model)
}

pub async fn update(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    patch: ImpedimentPatch,
    if_match: Option<i32>,
) -> AppResult<ImpedimentView> {
    authorize(actor, Operation::ReadDelegationRecords)?;
    let current: impediments::Model = find_writable(db, actor, id).await?;
    let (mut m, changes, topics) = fields::patched(db, &current, &patch).await?;
    check_version(if_match, current.version)?;
    let txn = AuditedTxn::begin(db).await?;
    m.version = Set(current.version + 1);
    m.updated_at = Set(Utc::now());
    let res = impediments::Entity::update_many()
        .set(m)
        .filter(impediments::Column::Id.eq(id))
        .filter(impediments::Column::Version.eq(current.version))
        .exec(&txn)
        .await?;
    if res.rows_affected != 1 {
        return Err(AppError::PreconditionFailed { current: current.version + 1 });
    }
    if let Some(topics) = &topics {
        set_topics(&txn, id, topics).await?;
    }
    let entry = AuditEntry::by(actor, "impediment.update", "impediment", id).delegation(current.delegation_id);
    let audit_entry = entry.changes(changes);
    let updated = impediments::Entity::find_by_id(id).one(&txn).await?.ok_or(AppError::NotFound("impediment"))?;
    // issue 11: wto notifications — a changed partner, HS code or measure may make or break a match.
    if (updated.partner.as_str(), &updated.hs_code, updated.ntm_code.as_str())
        != (current.partner.as_str(), &current.hs_code, current.ntm_code.as_str())
    {
        crate::services::wto_notifications::matching::match_impediment(&txn, &updated).await?;
    }
    let view = one(&txn, actor, updated).await?;
    txn.commit(audit_entry).await?;
    Ok(view)
}

/// Deletes an impediment still in `reported`; later ones are evidence and are dismissed instead.
pub async fn delete(db: &DatabaseConnection, actor: &Actor, id: Uuid) -> AppResult<()> {
    authorize(actor, Operation::ReadDelegationRecords)?;
    let row: impediments::Model = find_writable(db, actor, id).await?;
    if row.status.0 != ImpedimentStatus::Reported {
        return Err(AppError::Conflict(format!(
            "the impediment is {}; dismiss it instead of deleting it",
            row.status.0
        )));
    }
    let txn = AuditedTxn::begin(db).await?;
    let res = impediments::Entity::delete_many()
        .filter(impediments::Column::Id.eq(id))
        .filter(impediments::Column::Status.eq(ImpedimentStatus::Reported.as_str()))
        .exec(&txn)
        .await?;
    if res.rows_affected != 1 {
        return Err(AppError::Conflict("the impediment moved on while it was being deleted".into()));
    }
    let entry = AuditEntry::by(actor, "impediment.delete", "impediment", id).delegation(row.delegation_id);
    txn.commit(entry.changes(json!({"title": row.title}))).await?;
    Ok(())
}
