//! The impediment registry as rows: the list's own query (`impediments::list`, so its filters and the
//! caller's visibility are the one read rule), each code with its name beside it (the NTM code's chapter:
//! the reference names chapters, not every finer code).

use gmc_domain::Actor;
use sea_orm::DatabaseConnection;

use super::cells::Cell;
use super::names::Names;
use crate::services::impediments::{list, ImpedimentFilter};
use crate::views::ImpedimentView;
use crate::AppResult;

pub const HEADER: &[&str] = &[
    "id",
    "delegation_id",
    "visibility",
    "reporting_country",
    "reporting_country_name",
    "partner",
    "partner_name",
    "hs_code",
    "ntm_code",
    "ntm_chapter",
    "ntm_chapter_name",
    "title",
    "description",
    "severity",
    "frequency",
    "estimated_cost",
    "currency",
    "source",
    "status",
    "raised_body",
    "raised_on",
    "topics",
    "topic_names",
    "sector",
    "sector_name",
    "stakeholder_id",
    "response_id",
    "version",
    "created_at",
    "updated_at",
];

fn row(names: &Names, i: ImpedimentView) -> Vec<Cell> {
    let (topics, topic_names) = names.topics(&i.topic_ids);
    let sector_name = i.sector.as_deref().map(|s| names.sector(s));
    let (country_name, partner_name, ntm_name) =
        (names.country(&i.reporting_country), names.partner(&i.partner), names.ntm(&i.ntm_chapter));
    vec![
        Cell::id(i.id),
        Cell::id(i.delegation_id),
        Cell::text(i.visibility.as_str()),
        Cell::text(i.reporting_country),
        Cell::text(country_name),
        Cell::text(i.partner),
        Cell::text(partner_name),
        Cell::opt_text(i.hs_code),
        Cell::text(i.ntm_code),
        Cell::text(i.ntm_chapter),
        Cell::text(ntm_name),
        Cell::text(i.title),
        Cell::text(i.description),
        Cell::Int(i.severity.into()),
        Cell::text(i.frequency.as_str()),
        i.estimated_cost.map_or(Cell::Empty, Cell::Number),
        Cell::opt_text(i.currency),
        Cell::text(i.source.as_str()),
        Cell::text(i.status.as_str()),
        Cell::opt_text(i.raised_body),
        Cell::date(i.raised_on),
        Cell::text(topics),
        Cell::text(topic_names),
        Cell::opt_text(i.sector),
        Cell::opt_text(sector_name),
        Cell::opt_id(i.stakeholder_id),
        Cell::opt_id(i.response_id),
        Cell::Int(i.version.into()),
        Cell::time(i.created_at),
        Cell::time(i.updated_at),
    ]
}

/// One page of the list (`limit` rows) after `cursor`: its rows and the next cursor.
pub async fn page(
    db: &DatabaseConnection,
    actor: &Actor,
    names: &Names,
    filter: &ImpedimentFilter,
    cursor: Option<String>,
    limit: i64,
) -> AppResult<(Vec<Vec<Cell>>, Option<String>)> {
    let f = ImpedimentFilter { limit: Some(limit), cursor, ..filter.clone() };
    let page = list(db, actor, f).await?;
    Ok((page.items.into_iter().map(|i| row(names, i)).collect(), page.next_cursor))
}
