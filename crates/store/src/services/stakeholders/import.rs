//! One row of a stakeholder import, through the same checks as `POST /stakeholders` (`fields::checked`)
//! and the same insert — or, in upsert mode, when the row's delegation has a stakeholder with the row's
//! `external_id`, the same checks as `PATCH /stakeholders/{id}` over that record. The import runner
//! (`services::imports`) holds the transaction and writes the one audit event.

use chrono::Utc;
use gmc_domain::ids::DelegationId;
use gmc_domain::import::RowOutcome;
use gmc_domain::{Actor, ValidationErrors};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, Set};
use serde_json::Value;

use super::fields::{self, StakeholderInput};
use super::{insert, set_fields, unique_to_field};
use crate::entities::stakeholders;
use crate::services::imports::delegation::of_row;
use crate::{AppError, AppResult};

/// The columns of a stakeholder file: the fields of `POST /stakeholders`.
pub(crate) fn parse(body: Value) -> AppResult<StakeholderInput> {
    serde_json::from_value(body).map_err(|e| ValidationErrors::single("row", "invalid_format", e.to_string()).into())
}

/// Writes one row on `db` (the import's transaction). A refused row answers `AppError::Validation`
/// with the API's field names and codes; anything else stops the import.
pub(crate) async fn write_row<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    delegation: DelegationId,
    upsert: bool,
    input: StakeholderInput,
) -> AppResult<RowOutcome> {
    // A row may name its delegation, as the create's body may; the create's rule decides.
    // A row may name its delegation, as the create's body may; the create's rule decides.
    let delegation = of_row(actor, input.delegation_id, delegation)?;
    let external_id = input.external_id.as_deref().map(str::trim).filter(|x| !x.is_empty());
    // Only the row's own delegation's records are candidates: another delegation's record with the
    // same external id makes the row a create, which the create's check refuses as `taken` — the
    // answer `POST /stakeholders` gives, so the import tells nothing more about it.
    let current = match (upsert, external_id) {
        (true, Some(x)) => {
            stakeholders::Entity::find()
                .filter(stakeholders::Column::ExternalId.eq(x))
                .filter(stakeholders::Column::DelegationId.eq(delegation.as_uuid()))
                .filter(stakeholders::Column::ErasedAt.is_null())
                .one(db)
                .await?
        }
        _ => None,
    };
    let Some(current) = current else {
        let f = fields::checked(db, None, input.into()).await?;
        insert(db, actor, delegation, &f).await?;
        return Ok(RowOutcome::Inserted);
    };
    let f = fields::checked(db, Some(&current), input.into()).await?;
    let mut m = current.clone().into_active_model();
    set_fields(&mut m, &f);
    m.version = Set(current.version + 1);
    m.updated_at = Set(Utc::now());
    let res = stakeholders::Entity::update_many()
        .set(m)
        .filter(stakeholders::Column::Id.eq(current.id))
        .filter(stakeholders::Column::Version.eq(current.version))
        .exec(db)
        .await
        .map_err(unique_to_field)?;
    if res.rows_affected != 1 {
        return Err(AppError::Conflict("a stakeholder of the file changed while it was imported".into()));
    }
    Ok(RowOutcome::Updated)
}
