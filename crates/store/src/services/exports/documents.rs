//! The document library as rows — metadata only, never the files: the list's own query
//! (`documents::list`: the caller's visibility), the owner's and topics' names beside their ids.

use gmc_domain::Actor;
use sea_orm::DatabaseConnection;

use super::cells::Cell;
use super::names::topic_refs;
use crate::services::documents::{list, DocumentFilter, DocumentView};
use crate::AppResult;

pub const HEADER: &[&str] = &[
    "id",
    "kind",
    "title",
    "summary",
    "visibility",
    "owner_id",
    "owner_code",
    "owner_name",
    "topics",
    "topic_names",
    "current_version",
    "created_by",
    "version",
    "created_at",
    "updated_at",
];

fn row(d: DocumentView) -> Vec<Cell> {
    let (topics, topic_names) = topic_refs(&d.topics);
    let (owner_id, owner_code, owner_name) =
        d.owner.map_or((None, None, None), |o| (Some(o.id), Some(o.code), Some(o.name)));
    vec![
        Cell::id(d.id),
        Cell::text(d.kind.as_str()),
        Cell::text(d.title),
        Cell::text(d.summary),
        Cell::text(d.visibility.as_str()),
        Cell::opt_id(owner_id),
        Cell::opt_text(owner_code),
        Cell::opt_text(owner_name),
        Cell::text(topics),
        Cell::text(topic_names),
        Cell::Int(d.current_version.into()),
        Cell::id(d.created_by),
        Cell::Int(d.version.into()),
        Cell::time(d.created_at),
        Cell::time(d.updated_at),
    ]
}

/// One page of the list (`limit` rows) after `cursor`: its rows and the next cursor.
pub async fn page(
    db: &DatabaseConnection,
    actor: &Actor,
    filter: &DocumentFilter,
    cursor: Option<String>,
    limit: i64,
) -> AppResult<(Vec<Vec<Cell>>, Option<String>)> {
    let f = DocumentFilter { limit: Some(limit), cursor, ..filter.clone() };
    let page = list(db, actor, f).await?;
    Ok((page.items.into_iter().map(row).collect(), page.next_cursor))
}
