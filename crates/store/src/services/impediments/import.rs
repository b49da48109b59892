//! One row of an impediment import, through the same checks as `POST /impediments` (`fields::checked`,
//! then the links to a stakeholder or response the caller may read) and the same insert. Impediments
//! carry no external id, so an impediment file is always inserted. The import runner
//! (`services::imports`) holds the transaction and writes the one audit event.

use gmc_domain::ids::DelegationId;
use gmc_domain::import::RowOutcome;
use gmc_domain::{Actor, ValidationErrors};
use sea_orm::ConnectionTrait;
use serde_json::Value;

use super::fields::{self, ImpedimentInput};
use super::{insert, links};
use crate::services::imports::delegation::of_row;
use crate::AppResult;

/// The columns of an impediment file: the fields of `POST /impediments`.
pub(crate) fn parse(body: Value) -> AppResult<ImpedimentInput> {
    serde_json::from_value(body).map_err(|e| ValidationErrors::single("row", "invalid_format", e.to_string()).into())
}

/// Writes one row on `db` (the import's transaction). A refused row answers `AppError::Validation`
/// with the API's field names and codes; anything else stops the import.
pub(crate) async fn write_row<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    delegation: DelegationId,
    input: ImpedimentInput,
) -> AppResult<RowOutcome> {
    let delegation = of_row(actor, input.delegation_id, delegation)?;
    let f = fields::checked(db, &input).await?;
    let link = links::resolve(db, actor, &input, f.sector.clone()).await?;
    insert(db, actor, delegation, f, link).await?;
    Ok(RowOutcome::Inserted)
}
