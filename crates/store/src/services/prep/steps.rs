//! The workflow: one step at a time, by the roles `gmc_domain::prep::check_step` allows, kept as history
//! and audited. Recording the outcome needs its text, date and body.

use chrono::{DateTime, NaiveDate, Utc};
use gmc_domain::error::{optional_text, parse_enum, required_text};
use gmc_domain::policy::{authorize, Operation};
use gmc_domain::prep::{check_step, PrepStatus, StepRefused, OUTCOME_BODY_MAX, OUTCOME_MAX, STEP_NOTE_MAX};
use gmc_domain::{Actor, ValidationErrors};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Set};
use serde::{Deserialize, Serialize};
use serde_json::json;
use uuid::Uuid;

use super::view::{self, members_of, owner_of, PrepItemView};
use crate::audit::AuditedTxn;
use crate::entities::{prep_item_steps, prep_items, users};
use crate::services::access::{find_readable, find_visible};
use crate::{AppError, AppResult};

/// What came of a tabled item (required for `outcome_recorded`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = PrepOutcomeRequest))]
pub struct OutcomeInput {
    pub text: String,
    /// Not in the future.
    pub date: NaiveDate,
    /// The WTO body where it was decided.
    #[cfg_attr(feature = "openapi", schema(example = "MC14 plenary"))]
    pub body: String,
}

// The body of `POST /prep-items/{id}/steps`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = PrepStepRequest))]
pub struct PrepStepInput {
    /// The next status.
    #[cfg_attr(feature = "openapi", schema(value_type = PrepStatus, example = "drafting"))]
    pub to: String,
    /// Why: kept in the history.
    pub note: Option<String>,
    /// Required for `outcome_recorded`, refused for any other step.
    pub outcome: Option<OutcomeInput>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = PrepStep))]
pub struct PrepStepView {
    pub id: Uuid,
    /// `null` for the first step (identified).
    pub from_status: Option<PrepStatus>,
    pub to_status: PrepStatus,
    pub note: String,
    pub actor_id: Option<Uuid>,
    pub actor_name: Option<String>,
    pub at: DateTime<Utc>,
}

type Outcome = (String, NaiveDate, String);

fn checked(input: &PrepStepInput) -> Result<(PrepStatus, String, Option<Outcome>), ValidationErrors> {
    let mut e = ValidationErrors::new();
    let to = e.check("to", parse_enum::<PrepStatus>(&input.to));
    let note = e.check("note", optional_text(input.note.as_deref().unwrap_or(""), STEP_NOTE_MAX));
    let outcome = match (&input.outcome, to) {
        (None, Some(PrepStatus::OutcomeRecorded)) => {
            e.add("outcome", "required", "give the outcome: its text, date and the body that decided it");
            None
        }
        (Some(_), Some(to)) if to != PrepStatus::OutcomeRecorded => {
            e.add("outcome", "not_allowed", "is recorded only with the step to outcome_recorded");
            None
        }
        (Some(o), _) => {
            let text = e.check("outcome.text", required_text(&o.text, OUTCOME_MAX));
            let body = e.check("outcome.body", required_text(&o.body, OUTCOME_BODY_MAX));
            if o.date > Utc::now().date_naive() {
                e.add("outcome.date", "in_the_future", "must not be in the future");
            }
            text.zip(body).map(|(text, body)| (text, o.date, body))
        }
        (None, _) => None,
    };
    match (to, note) {
        (Some(to), Some(note)) if e.is_empty() => Ok((to, note, outcome)),
        _ => Err(e),
    }
}

pub async fn step(db: &DatabaseConnection, actor: &Actor, id: Uuid, input: PrepStepInput) -> AppResult<PrepItemView> {
    authorize(actor, Operation::WriteDelegationRecords)?;
    let row: prep_items::Model = find_visible(db, actor, id).await?;
    let (to, note, outcome) = checked(&input)?;
    let from = row.status.0;
    let members = members_of(db, std::slice::from_ref(&row)).await?;
    let member = owner_of(&row, &members).includes(actor.delegation_id);
    match check_step(actor, member, from, to) {
        Ok(()) => {}
        Err(StepRefused::NotYours) => return Err(AppError::Forbidden),
        Err(StepRefused::NotAllowed { from, to }) => {
            return Err(ValidationErrors::single("to", "invalid_step", format!("cannot go from {from} to {to}")).into())
        }
    }
    let txn = AuditedTxn::begin(db).await?;
    let now = Utc::now();
    let mut update = prep_items::Entity::update_many()
        .col_expr(prep_items::Column::Status, Expr::value(to.as_str()))
        .col_expr(prep_items::Column::Version, Expr::value(row.version + 1))
        .col_expr(prep_items::Column::UpdatedAt, Expr::value(now));
    if let Some((text, date, body)) = &outcome {
        update = update
            .col_expr(prep_items::Column::OutcomeText, Expr::value(text.clone()))
            .col_expr(prep_items::Column::OutcomeDate, Expr::value(*date))
            .col_expr(prep_items::Column::OutcomeBody, Expr::value(body.clone()));
    }
    // Guarded by the status and version read above: of two racing steps, one wins.
    let res = update
        .filter(prep_items::Column::Id.eq(id))
        .filter(prep_items::Column::Status.eq(from.as_str()))
        .filter(prep_items::Column::Version.eq(row.version))
        .exec(&txn)
        .await?;
    if res.rows_affected != 1 {
        return Err(AppError::Conflict("the prep item changed meanwhile; reload it".into()));
    }
    prep_item_steps::ActiveModel {
        id: Set(Uuid::now_v7()),
        prep_item_id: Set(id),
        from_status: Set(Some(from.into())),
        to_status: Set(to.into()),
        note: Set(note.clone()),
        actor_id: Set(Some(actor.user_id.as_uuid())),
        at: Set(now),
    }
    .insert(&txn)
    .await?;
    let changes = json!({"status": {"from": from.as_str(), "to": to.as_str()}, "note": note,
        "outcome": outcome.as_ref().map(|(text, date, body)| json!({"text": text, "date": date, "body": body}))});
    let entry = super::audit_entry(actor, "prep_item.step", &row).changes(changes);
    let updated = prep_items::Entity::find_by_id(id).one(&txn).await?.ok_or(AppError::NotFound("prep item"))?;
    // issue 11: webhooks
    crate::services::webhooks::events::prep_item_status_changed(&txn, &updated, from.as_str()).await?;
    let view = view::one(&txn, actor, updated).await?;
    txn.commit(entry).await?;
    Ok(view)
}

/// The steps so far, oldest first, with who took each.
pub async fn history(db: &DatabaseConnection, actor: &Actor, id: Uuid) -> AppResult<Vec<PrepStepView>> {
    authorize(actor, Operation::ReadDelegationRecords)?;
    find_readable::<prep_items::Model, _>(db, actor, id).await?;
    let rows = prep_item_steps::Entity::find()
        .filter(prep_item_steps::Column::PrepItemId.eq(id))
        .order_by_asc(prep_item_steps::Column::At)
        .order_by_asc(prep_item_steps::Column::Id)
        .all(db)
        .await?;
    let people: std::collections::HashMap<Uuid, String> = users::Entity::find()
        .filter(users::Column::Id.is_in(rows.iter().filter_map(|s| s.actor_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.name))
        .collect();
    Ok(rows
        .into_iter()
        .map(|s| PrepStepView {
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
