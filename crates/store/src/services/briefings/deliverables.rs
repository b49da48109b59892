//! The documents delivered for a briefing request.

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter};
use uuid::Uuid;

use crate::entities::briefing_deliverables;
use crate::AppResult;

/// How many documents are attached (delivering needs one).
pub(super) async fn count<C: ConnectionTrait>(db: &C, id: Uuid) -> AppResult<u64> {
    Ok(briefing_deliverables::Entity::find()
        .filter(briefing_deliverables::Column::BriefingRequestId.eq(id))
        .count(db)
        .await?)
}
