//! Linking a new impediment to where it came from: a consultation response or a stakeholder, each one
//! the caller may read. A link the caller may not read is "unknown", never "forbidden", so the answer
//! does not confirm that the record exists.

use gmc_domain::ids::DelegationId;
use gmc_domain::impediment::ImpedimentSource;
use gmc_domain::policy::reads_response_rows;
use gmc_domain::{Actor, ValidationErrors};
use sea_orm::{ConnectionTrait, EntityTrait};
use uuid::Uuid;

use super::fields::ImpedimentInput;
use crate::entities::{consultations, responses, stakeholders};
use crate::services::access::find_readable;
use crate::{AppError, AppResult};

pub(super) struct Link {
    pub stakeholder_id: Option<Uuid>,
    pub response_id: Option<Uuid>,
    pub sector: Option<String>,
    pub source: Option<ImpedimentSource>,
}

pub(super) async fn resolve<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    input: &ImpedimentInput,
    sector: Option<String>,
) -> AppResult<Link> {
    let mut link = Link { stakeholder_id: None, response_id: None, sector, source: None };
    let mut e = ValidationErrors::new();
    if let Some(id) = input.response_id {
        match readable_response(db, actor, id).await? {
            Some(r) => {
                link.response_id = Some(r.id);
                link.source = Some(ImpedimentSource::Response);
                link.sector = link.sector.or(r.sector);
                // The response's firm is not copied: an answer stays anonymous unless the respondent
                // agreed to be named, and nothing records that agreement yet. To name a firm, link
                // the stakeholder itself (`stakeholder_id`), which needs the right to read it.
            }
            None => e.add("response_id", "unknown", "names no response you can read"),
        }
    }
    if let Some(id) = input.stakeholder_id {
        let readable = match find_readable::<stakeholders::Model, _>(db, actor, id).await {
            Ok(s) => Some(s),
            Err(AppError::NotFound(_)) => None,
            Err(other) => return Err(other),
        };
        match readable {
            Some(s) => {
                link.stakeholder_id = Some(s.id);
                link.source = link.source.or(Some(ImpedimentSource::Stakeholder));
                link.sector = link.sector.or(Some(s.sector));
            }
            None => e.add("stakeholder_id", "unknown", "names no stakeholder you can read"),
        }
    }
    e.finish()?;
    Ok(link)
}

/// A response row the actor may read: row-level responses are the consultation's owners' only
/// (`policy::reads_response_rows`), so only they may file an impediment from one.
async fn readable_response<C: ConnectionTrait>(db: &C, actor: &Actor, id: Uuid) -> AppResult<Option<responses::Model>> {
    let Some(r) = responses::Entity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    match find_readable::<consultations::Model, _>(db, actor, r.consultation_id).await {
        Ok(c) if reads_response_rows(actor, c.delegation_id.map(DelegationId::from_uuid)) => Ok(Some(r)),
        Ok(_) | Err(AppError::NotFound(_)) => Ok(None),
        Err(other) => Err(other),
    }
}
