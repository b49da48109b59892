//! Prep items as rows: the list's own query (`prep::list`: the caller's visibility, so another
//! delegation's `delegation`-level items never come), the ministerial's, owner's and topics' names
//! beside their codes.

use gmc_domain::Actor;
use sea_orm::DatabaseConnection;

use super::cells::Cell;
use super::names::topic_refs;
use crate::services::prep::{list, OwnerKind, PrepItemFilter, PrepItemView};
use crate::AppResult;

pub const HEADER: &[&str] = &[
    "id",
    "ministerial",
    "ministerial_name",
    "owner_kind",
    "owner_id",
    "owner_code",
    "owner_name",
    "visibility",
    "title",
    "summary",
    "kind",
    "interest",
    "priority",
    "status",
    "deadline",
    "overdue",
    "responsible_user_id",
    "responsible_name",
    "outcome",
    "outcome_date",
    "outcome_body",
    "topics",
    "topic_names",
    "text_number",
    "version",
    "created_at",
    "updated_at",
];

fn row(p: PrepItemView) -> Vec<Cell> {
    let (topics, topic_names) = topic_refs(&p.topics);
    let owner_kind = match p.owner.kind {
        OwnerKind::Delegation => "delegation",
        OwnerKind::Coalition => "coalition",
    };
    let (outcome, outcome_date, outcome_body) =
        p.outcome.map_or((None, None, None), |o| (Some(o.text), Some(o.date), Some(o.body)));
    vec![
        Cell::id(p.id),
        Cell::text(p.ministerial.code),
        Cell::text(p.ministerial.name),
        Cell::text(owner_kind),
        Cell::id(p.owner.id),
        Cell::text(p.owner.code),
        Cell::text(p.owner.name),
        Cell::text(p.visibility.as_str()),
        Cell::text(p.title),
        Cell::text(p.summary),
        Cell::text(p.kind.as_str()),
        Cell::text(p.interest.as_str()),
        Cell::text(p.priority.as_str()),
        Cell::text(p.status.as_str()),
        Cell::date(p.deadline),
        Cell::Bool(p.overdue),
        Cell::opt_id(p.responsible_user_id),
        Cell::opt_text(p.responsible_name),
        Cell::opt_text(outcome),
        Cell::date(outcome_date),
        Cell::opt_text(outcome_body),
        Cell::text(topics),
        Cell::text(topic_names),
        Cell::Int(p.text_number.into()),
        Cell::Int(p.version.into()),
        Cell::time(p.created_at),
        Cell::time(p.updated_at),
    ]
}

/// One page of the list (`limit` rows) after `cursor`: its rows and the next cursor.
pub async fn page(
    db: &DatabaseConnection,
    actor: &Actor,
    filter: &PrepItemFilter,
    cursor: Option<String>,
    limit: i64,
) -> AppResult<(Vec<Vec<Cell>>, Option<String>)> {
    let f = PrepItemFilter { limit: Some(limit), cursor, ..filter.clone() };
    let page = list(db, actor, f).await?;
    Ok((page.items.into_iter().map(row).collect(), page.next_cursor))
}
