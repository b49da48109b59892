//! The topic catalogue as rows: the list's own query (`topics::list`, on a catalogue snapshot taken for
//! this export), the parent topic's code and title beside its id.

use gmc_domain::Actor;
use sea_orm::DatabaseConnection;

use super::cells::Cell;
use super::names::Names;
use crate::catalogue::Catalogue;
use crate::services::topics::{list, TopicFilter};
use crate::views::TopicView;
use crate::AppResult;

pub const HEADER: &[&str] = &[
    "id",
    "code",
    "title",
    "kind",
    "wto_body",
    "parent_id",
    "parent_code",
    "parent_title",
    "description",
    "status",
    "version",
    "created_at",
    "updated_at",
];

fn row(names: &Names, t: TopicView) -> Vec<Cell> {
    let (parent_code, parent_title) = t.parent_id.map(|p| names.topics(&[p])).unwrap_or_default();
    vec![
        Cell::id(t.id),
        Cell::text(t.code),
        Cell::text(t.title),
        Cell::text(t.kind.as_str()),
        Cell::text(t.wto_body),
        Cell::opt_id(t.parent_id),
        Cell::text(parent_code),
        Cell::text(parent_title),
        Cell::text(t.description),
        Cell::text(t.status.as_str()),
        Cell::Int(t.version.into()),
        Cell::time(t.created_at),
        Cell::time(t.updated_at),
    ]
}

/// One page of the list (`limit` rows) after `cursor`: its rows and the next cursor.
pub async fn page(
    db: &DatabaseConnection,
    catalogue: &Catalogue,
    actor: &Actor,
    names: &Names,
    filter: &TopicFilter,
    cursor: Option<String>,
    limit: i64,
) -> AppResult<(Vec<Vec<Cell>>, Option<String>)> {
    let f = TopicFilter { limit: Some(limit), cursor, ..filter.clone() };
    let page = list(db, catalogue, actor, f).await?;
    Ok((page.items.into_iter().map(|t| row(names, t)).collect(), page.next_cursor))
}
