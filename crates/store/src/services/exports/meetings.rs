//! Meetings as rows: the list's own query (`meetings::list`: the caller's visibility), the organiser's
//! code and name, the agenda's topics and the invited delegations' codes.

use gmc_domain::Actor;
use sea_orm::DatabaseConnection;

use super::cells::Cell;
use crate::services::meetings::{list, MeetingFilter, MeetingView};
use crate::AppResult;

pub const HEADER: &[&str] = &[
    "id",
    "owner_id",
    "owner_code",
    "owner_name",
    "visibility",
    "kind",
    "title",
    "description",
    "starts_at",
    "ends_at",
    "time_zone",
    "place",
    "online_url",
    "status",
    "rsvp_deadline",
    "agenda_topics",
    "invited_delegations",
    "invited_delegation_names",
    "has_minutes",
    "version",
    "created_at",
    "updated_at",
];

fn row(m: MeetingView) -> Vec<Cell> {
    let topics: Vec<String> = m.agenda.iter().filter_map(|a| a.topic_code.clone()).collect();
    let (codes, names): (Vec<String>, Vec<String>) =
        m.invitations.iter().filter_map(|i| i.delegation.as_ref()).map(|d| (d.code.clone(), d.name.clone())).unzip();
    vec![
        Cell::id(m.id),
        Cell::id(m.owner.id),
        Cell::text(m.owner.code),
        Cell::text(m.owner.name),
        Cell::text(m.visibility.as_str()),
        Cell::text(m.kind.as_str()),
        Cell::text(m.title),
        Cell::text(m.description),
        Cell::time(m.starts_at),
        Cell::time(m.ends_at),
        Cell::text(m.time_zone),
        Cell::opt_text(m.place),
        Cell::opt_text(m.online_url),
        Cell::text(m.status.as_str()),
        Cell::opt_time(m.rsvp_deadline),
        Cell::text(topics.join("; ")),
        Cell::text(codes.join("; ")),
        Cell::text(names.join("; ")),
        Cell::Bool(m.has_minutes),
        Cell::Int(m.version.into()),
        Cell::time(m.created_at),
        Cell::time(m.updated_at),
    ]
}

/// One page of the list (`limit` rows) after `cursor`: its rows and the next cursor.
pub async fn page(
    db: &DatabaseConnection,
    actor: &Actor,
    filter: &MeetingFilter,
    cursor: Option<String>,
    limit: i64,
) -> AppResult<(Vec<Vec<Cell>>, Option<String>)> {
    let f = MeetingFilter { limit: Some(limit), cursor, ..filter.clone() };
    let page = list(db, actor, f).await?;
    Ok((page.items.into_iter().map(row).collect(), page.next_cursor))
}
