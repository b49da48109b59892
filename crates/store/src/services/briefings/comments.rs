//! The conversation on a briefing request: the requesting delegation and the analysts write, and
//! whoever may read the request reads every comment — no more, since a comment is read through the
//! request it belongs to.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use gmc_domain::briefing::COMMENT_MAX;
use gmc_domain::error::required_text;
use gmc_domain::policy::{authorize, Operation};
use gmc_domain::{Actor, ValidationErrors};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use serde::{Deserialize, Serialize};
use serde_json::json;
use uuid::Uuid;

use crate::audit::AuditedTxn;
use crate::entities::{briefing_comments, briefing_requests, users};
use crate::services::access::{find_readable, find_visible};
use crate::AppResult;

/// The newest comments a request shows; a conversation longer than this is a sign the request
/// should have been a meeting.
const COMMENTS_SHOWN: u64 = 500;

// The body of `POST /briefing-requests/{id}/comments`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = BriefingCommentRequest))]
pub struct BriefingCommentInput {
    pub body: String,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = BriefingComment))]
pub struct BriefingCommentView {
    pub id: Uuid,
    pub author_id: Option<Uuid>,
    pub author_name: Option<String>,
    pub body: String,
    pub created_at: DateTime<Utc>,
}

pub(super) async fn names<C: ConnectionTrait>(db: &C, ids: Vec<Uuid>) -> AppResult<HashMap<Uuid, String>> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(users::Entity::find()
        .filter(users::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.name))
        .collect())
}

fn views(rows: Vec<briefing_comments::Model>, people: &HashMap<Uuid, String>) -> Vec<BriefingCommentView> {
    rows.into_iter()
        .map(|c| BriefingCommentView {
            author_name: c.author_id.and_then(|a| people.get(&a).cloned()),
            id: c.id,
            author_id: c.author_id,
            body: c.body,
            created_at: c.created_at,
        })
        .collect()
}

/// The comments, oldest first (the latest 500).
pub async fn comments(db: &DatabaseConnection, actor: &Actor, id: Uuid) -> AppResult<Vec<BriefingCommentView>> {
    authorize(actor, Operation::ReadDelegationRecords)?;
    find_readable::<briefing_requests::Model, _>(db, actor, id).await?;
    let mut rows = briefing_comments::Entity::find()
        .filter(briefing_comments::Column::BriefingRequestId.eq(id))
        .order_by_desc(briefing_comments::Column::Id)
        .limit(COMMENTS_SHOWN)
        .all(db)
        .await?;
    rows.reverse();
    let people = names(db, rows.iter().filter_map(|c| c.author_id).collect()).await?;
    Ok(views(rows, &people))
}

pub async fn add_comment(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    input: BriefingCommentInput,
) -> AppResult<BriefingCommentView> {
    authorize(actor, Operation::WorkBriefings)?;
    let request: briefing_requests::Model = find_visible(db, actor, id).await?;
    let mut e = ValidationErrors::new();
    let body = e.check("body", required_text(&input.body, COMMENT_MAX));
    let Some(body) = body else {
        return Err(e.into());
    };
    let txn = AuditedTxn::begin(db).await?;
    let row = briefing_comments::ActiveModel {
        id: Set(Uuid::now_v7()),
        briefing_request_id: Set(id),
        author_id: Set(Some(actor.user_id.as_uuid())),
        body: Set(body),
        created_at: Set(Utc::now()),
    }
    .insert(&txn)
    .await?;
    let entry = super::audit_entry(actor, "briefing_request.comment", &request)
        .changes(json!({"comment_id": row.id, "length": row.body.chars().count()}));
    let people = names(&txn, vec![actor.user_id.as_uuid()]).await?;
    txn.commit(entry).await?;
    views(vec![row], &people).into_iter().next().ok_or(crate::AppError::NotFound("comment"))
}
