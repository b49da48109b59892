//! Briefings as coverage (issue 10): the owner's delivered briefing requests per topic, counting only
//! those the caller may read (`services::briefings::read_condition`) — so another delegation's
//! request never shows, not even as a number.

use std::collections::HashMap;

use gmc_domain::briefing::BriefingStatus;
use gmc_domain::Actor;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use uuid::Uuid;

use super::sums::Whose;
use crate::entities::{briefing_request_topics, briefing_requests};
use crate::services::briefings::read_condition;
use crate::AppResult;

/// Delivered briefings per topic, of the owner's delegations (a coalition: its member delegations').
pub(crate) async fn delivered<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    whose: &Whose,
) -> AppResult<HashMap<Uuid, i64>> {
    let ids: Vec<Uuid> = briefing_requests::Entity::find()
        .select_only()
        .column(briefing_requests::Column::Id)
        .filter(briefing_requests::Column::DelegationId.is_in(whose.delegations()))
        .filter(briefing_requests::Column::Status.eq(BriefingStatus::Delivered.as_str()))
        .filter(read_condition(actor))
        .into_tuple()
        .all(db)
        .await?;
    let mut out: HashMap<Uuid, i64> = HashMap::new();
    if ids.is_empty() {
        return Ok(out);
    }
    for link in briefing_request_topics::Entity::find()
        .filter(briefing_request_topics::Column::BriefingRequestId.is_in(ids))
        .all(db)
        .await?
    {
        *out.entry(link.topic_id).or_default() += 1;
    }
    Ok(out)
}
