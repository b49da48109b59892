//! Consultations as rows: the list's own query (`consultations::list`), the owning delegation's code and
//! name and the topics' beside their ids. Not the questions, the answers or the link token (the token
//! opens the public form: it stays on the consultation's own page).

use gmc_domain::Actor;
use sea_orm::DatabaseConnection;

use super::cells::Cell;
use super::names::Names;
use crate::services::consultations::{list, ConsultationFilter};
use crate::views::ConsultationView;
use crate::AppResult;

pub const HEADER: &[&str] = &[
    "id",
    "delegation_id",
    "delegation_code",
    "delegation_name",
    "visibility",
    "title",
    "description",
    "status",
    "state",
    "languages",
    "topics",
    "topic_names",
    "question_count",
    "opens_at",
    "closes_at",
    "response_count",
    "version",
    "created_at",
    "updated_at",
];

fn row(names: &Names, c: ConsultationView) -> Vec<Cell> {
    let (topics, topic_names) = names.topics(&c.topic_ids);
    let (code, name) = names.delegation(c.delegation_id);
    vec![
        Cell::id(c.id),
        Cell::opt_id(c.delegation_id),
        Cell::text(code),
        Cell::text(name),
        Cell::text(c.visibility.as_str()),
        Cell::text(c.title),
        Cell::text(c.description),
        Cell::text(c.status.as_str()),
        Cell::text(c.state.as_str()),
        Cell::text(c.languages.join("; ")),
        Cell::text(topics),
        Cell::text(topic_names),
        Cell::Int(i64::try_from(c.questions.len()).unwrap_or(i64::MAX)),
        Cell::opt_time(c.opens_at),
        Cell::opt_time(c.closes_at),
        Cell::Int(c.response_count),
        Cell::Int(c.version.into()),
        Cell::time(c.created_at),
        Cell::time(c.updated_at),
    ]
}

/// One page of the list (`limit` rows) after `cursor`: its rows and the next cursor.
pub async fn page(
    db: &DatabaseConnection,
    actor: &Actor,
    names: &Names,
    filter: &ConsultationFilter,
    cursor: Option<String>,
    limit: i64,
) -> AppResult<(Vec<Vec<Cell>>, Option<String>)> {
    let f = ConsultationFilter { limit: Some(limit), cursor, ..filter.clone() };
    let page = list(db, actor, f).await?;
    Ok((page.items.into_iter().map(|c| row(names, c)).collect(), page.next_cursor))
}
