//! The delegation a row is written for: the one it names, if the caller may write for it (the rule of
//! the create's own body), otherwise the import's.

use gmc_domain::ids::DelegationId;
use gmc_domain::{Actor, ValidationErrors};
use uuid::Uuid;

use crate::services::visibility::owning_delegation;
use crate::{AppError, AppResult};

/// A delegation the caller may not write for is the row's problem (`delegation_id`, `not_allowed`),
/// not a 403 for the whole file.
pub(crate) fn of_row(actor: &Actor, named: Option<Uuid>, import: DelegationId) -> AppResult<DelegationId> {
    match named {
        None => Ok(import),
        Some(d) => owning_delegation(actor, Some(d)).map_err(|e| match e {
            AppError::Forbidden => {
                ValidationErrors::single("delegation_id", "not_allowed", "is not a delegation you may write for").into()
            }
            other => other,
        }),
    }
}
