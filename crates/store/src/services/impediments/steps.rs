//! The workflow: one step at a time, by the roles `gmc_domain::impediment::check_step` allows, each
//! with a note, kept as history and audited. Raising needs the WTO body and the date.

use chrono::{NaiveDate, Utc};
use gmc_domain::error::{parse_enum, required_text};
use gmc_domain::ids::DelegationId;
use gmc_domain::impediment::{check_step, ImpedimentStatus, StepRefused};
use gmc_domain::policy::{authorize, Operation};
use gmc_domain::{Actor, ValidationErrors};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Set};
use serde_json::json;
use uuid::Uuid;

use super::one;
use crate::audit::{AuditEntry, AuditedTxn};
use crate::entities::{impediment_steps, impediments};
use crate::services::access::{find_readable, find_visible};
use crate::views::{ImpedimentStepView, ImpedimentView};
use crate::{AppError, AppResult};

// The body of `POST /impediments/{id}/steps`.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = StepRequest))]
pub struct StepInput {
    /// The next status.
    #[cfg_attr(feature = "openapi", schema(value_type = ImpedimentStatus, example = "under_review"))]
    pub to: String,
    /// Why: kept in the history.
    pub note: String,
    /// Required for `raised`: the WTO body (e.g. `SPS Committee`).
    pub raised_body: Option<String>,
    /// Required for `raised`: when.
    pub raised_on: Option<NaiveDate>,
}

pub async fn step(db: &DatabaseConnection, actor: &Actor, id: Uuid, input: StepInput) -> AppResult<ImpedimentView> {
    authorize(actor, Operation::StepImpediments)?;
    let row: impediments::Model = find_visible(db, actor, id).await?;
    let from: ImpedimentStatus = row.status.0;
    let mut e = ValidationErrors::new();
    let to = e.check("to", parse_enum::<ImpedimentStatus>(&input.to));
    let note = e.check("note", required_text(&input.note, 2000));
    let raised_body = input.raised_body.as_deref().and_then(|b| e.check("raised_body", required_text(b, 200)));
    if to == Some(ImpedimentStatus::Raised) {
        if raised_body.is_none() && input.raised_body.is_none() {
            e.add("raised_body", "required", "name the WTO body where it was raised");
        }
        match input.raised_on {
            None => e.add("raised_on", "required", "give the date it was raised"),
            Some(d) if d > Utc::now().date_naive() => e.add("raised_on", "in_the_future", "must not be in the future"),
            Some(_) => {}
        }
    }
    let (Some(to), Some(note)) = (to, note) else {
        return Err(e.into());
    };
    e.finish()?;
    match check_step(actor, DelegationId::from_uuid(row.delegation_id), from, to) {
        Ok(()) => {}
        Err(StepRefused::NotYours) => return Err(AppError::Forbidden),
        Err(StepRefused::NotAllowed { from, to }) => {
            return Err(ValidationErrors::single("to", "invalid_step", format!("cannot go from {from} to {to}")).into())
        }
    }
    let txn = AuditedTxn::begin(db).await?;
    let mut update = impediments::Entity::update_many()
        .col_expr(impediments::Column::Status, Expr::value(to.as_str()))
        .col_expr(impediments::Column::Version, Expr::value(row.version + 1))
        .col_expr(impediments::Column::UpdatedAt, Expr::value(Utc::now()));
    if to == ImpedimentStatus::Raised {
        update = update
            .col_expr(impediments::Column::RaisedBody, Expr::value(raised_body.clone()))
            .col_expr(impediments::Column::RaisedOn, Expr::value(input.raised_on));
    }
    // Guarded by the status and version read above: of two racing steps, one wins.
    let res = update
        .filter(impediments::Column::Id.eq(id))
        .filter(impediments::Column::Status.eq(from.as_str()))
        .filter(impediments::Column::Version.eq(row.version))
        .exec(&txn)
        .await?;
    if res.rows_affected != 1 {
        return Err(AppError::Conflict("the impediment changed meanwhile; reload it".into()));
    }
    impediment_steps::ActiveModel {
        id: Set(Uuid::now_v7()),
        impediment_id: Set(id),
        from_status: Set(Some(from.into())),
        to_status: Set(to.into()),
        note: Set(note.clone()),
        actor_id: Set(Some(actor.user_id.as_uuid())),
        at: Set(Utc::now()),
    }
    .insert(&txn)
    .await?;
    let changes = json!({"status": {"from": from.as_str(), "to": to.as_str()}, "note": note, "raised_body": raised_body, "raised_on": input.raised_on});
    let entry = AuditEntry::by(actor, "impediment.step", "impediment", id).delegation(row.delegation_id);
    let audit_entry = entry.changes(changes);
    let updated = impediments::Entity::find_by_id(id).one(&txn).await?.ok_or(AppError::NotFound("impediment"))?;
    // issue 10: notifications — followers who may read it are told, in this transaction.
    if to == ImpedimentStatus::Validated {
        crate::services::notifications::followed::impediment_validated(&txn, &updated).await?;
    }
    // issue 11: webhooks
    crate::services::webhooks::events::impediment_status_changed(&txn, &updated, from.as_str()).await?;
    let view = one(&txn, actor, updated).await?;
    txn.commit(audit_entry).await?;
    Ok(view)
}

/// The steps so far, oldest first.
pub async fn history(db: &DatabaseConnection, actor: &Actor, id: Uuid) -> AppResult<Vec<ImpedimentStepView>> {
    authorize(actor, Operation::ReadDelegationRecords)?;
    find_readable::<impediments::Model, _>(db, actor, id).await?;
    let rows = impediment_steps::Entity::find()
        .filter(impediment_steps::Column::ImpedimentId.eq(id))
        .order_by_asc(impediment_steps::Column::Id)
        .all(db)
        .await?;
    rows.into_iter()
        .map(|s| {
            Ok(ImpedimentStepView {
                from_status: s.from_status.map(|s| s.0),
                to_status: s.to_status.0,
                id: s.id,
                note: s.note,
                actor_id: s.actor_id,
                at: s.at,
            })
        })
        .collect()
}
