//! Briefing requests as rows: the list's own query (`briefings::list`: the caller's visibility), the
//! requesting delegation's code and name, the topics' and the people's names beside their ids.

use gmc_domain::Actor;
use sea_orm::DatabaseConnection;

use super::cells::Cell;
use super::names::topic_refs;
use crate::services::briefings::{list, BriefingFilter, BriefingRequestView};
use crate::AppResult;

pub const HEADER: &[&str] = &[
    "id",
    "delegation_id",
    "delegation_code",
    "delegation_name",
    "kind",
    "title",
    "question",
    "topics",
    "topic_names",
    "priority",
    "wished_date",
    "visibility",
    "status",
    "assigned_to",
    "assignee_name",
    "due_date",
    "overdue",
    "decline_reason",
    "delivered_at",
    "requested_by",
    "requested_by_name",
    "version",
    "created_at",
    "updated_at",
];

fn row(b: BriefingRequestView) -> Vec<Cell> {
    let (topics, topic_names) = topic_refs(&b.topics);
    vec![
        Cell::id(b.id),
        Cell::id(b.delegation_id),
        Cell::text(b.delegation_code),
        Cell::text(b.delegation_name),
        Cell::text(b.kind.as_str()),
        Cell::text(b.title),
        Cell::text(b.question),
        Cell::text(topics),
        Cell::text(topic_names),
        Cell::text(b.priority.as_str()),
        Cell::date(b.wished_date),
        Cell::text(b.visibility.as_str()),
        Cell::text(b.status.as_str()),
        Cell::opt_id(b.assigned_to),
        Cell::opt_text(b.assignee_name),
        Cell::date(b.due_date),
        Cell::Bool(b.overdue),
        Cell::opt_text(b.decline_reason),
        Cell::opt_time(b.delivered_at),
        Cell::opt_id(b.requested_by),
        Cell::opt_text(b.requested_by_name),
        Cell::Int(b.version.into()),
        Cell::time(b.created_at),
        Cell::time(b.updated_at),
    ]
}

/// One page of the list (`limit` rows) after `cursor`: its rows and the next cursor.
pub async fn page(
    db: &DatabaseConnection,
    actor: &Actor,
    filter: &BriefingFilter,
    cursor: Option<String>,
    limit: i64,
) -> AppResult<(Vec<Vec<Cell>>, Option<String>)> {
    let f = BriefingFilter { limit: Some(limit), cursor, ..filter.clone() };
    let page = list(db, actor, f).await?;
    Ok((page.items.into_iter().map(row).collect(), page.next_cursor))
}
