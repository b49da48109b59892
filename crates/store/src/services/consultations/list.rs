//! Listing consultations the caller may read, newest first or sorted by a field, with keyset pages and
//! the total on the first.

use gmc_domain::consultation::ConsultationStatus;
use gmc_domain::error::parse_enum;
use gmc_domain::policy::{authorize, Operation};
use gmc_domain::{Actor, ValidationErrors};
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter};
use uuid::Uuid;

use super::views;
use crate::cursor::{Key, KeyValue, Page, Paging, Sort};
use crate::entities::consultations;
use crate::services::{contains_ci, search_text, visibility::read_condition};
use crate::views::ConsultationView;
use crate::AppResult;

#[derive(Debug, Default, Clone)]
pub struct ConsultationFilter {
    pub status: Option<String>,
    pub delegation: Option<Uuid>,
    pub q: Option<String>,
    /// One of `ConsultationSort`, `-` first for descending; default: newest entered first.
    pub sort: Option<String>,
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

crate::sort_fields!(
    /// What the consultations list may be sorted by. A consultation without a closing date sorts before
    /// every date.
    ConsultationSort {
        Title => "title",
        Status => "status",
        CreatedAt => "created_at",
        ClosesAt => "closes_at",
    }
);

/// Without `sort`: by id, newest entered first — the order the list always had.
const DEFAULT_SORT: Sort<ConsultationSort> = Sort::by_id(true);

fn sort_key(field: ConsultationSort) -> Key<consultations::Column> {
    match field {
        ConsultationSort::Title => Key::text(consultations::Column::Title),
        ConsultationSort::Status => Key::text(consultations::Column::Status),
        ConsultationSort::CreatedAt => Key::time(consultations::Column::CreatedAt),
        ConsultationSort::ClosesAt => Key::time(consultations::Column::ClosesAt).nullable(),
    }
}

fn sort_value(field: Option<ConsultationSort>, r: &consultations::Model) -> KeyValue {
    match field {
        None => KeyValue::Null,
        Some(ConsultationSort::Title) => KeyValue::Text(r.title.clone()),
        Some(ConsultationSort::Status) => KeyValue::Text(r.status.0.as_str().to_owned()),
        Some(ConsultationSort::CreatedAt) => KeyValue::Time(r.created_at),
        Some(ConsultationSort::ClosesAt) => r.closes_at.map_or(KeyValue::Null, KeyValue::Time),
    }
}

pub async fn list(db: &DatabaseConnection, actor: &Actor, f: ConsultationFilter) -> AppResult<Page<ConsultationView>> {
    authorize(actor, Operation::ReadDelegationRecords)?;
    let mut e = ValidationErrors::new();
    let filters = ConsultationFilter { sort: None, limit: None, cursor: None, ..f.clone() };
    let paging = Paging::check(&mut e, (f.limit, f.sort.as_deref(), f.cursor.as_deref()), DEFAULT_SORT, &filters);
    let status = f.status.as_deref().and_then(|s| e.check("status", parse_enum::<ConsultationStatus>(s)));
    let q = e.check("q", search_text(f.q.as_deref())).flatten();
    let Some(paging) = paging else {
        return Err(e.into());
    };
    e.finish()?;
    let mut query = consultations::Entity::find().filter(read_condition(
        actor,
        consultations::Column::Visibility,
        consultations::Column::DelegationId,
    ));
    if let Some(s) = status {
        query = query.filter(consultations::Column::Status.eq(s.as_str()));
    }
    if let Some(d) = f.delegation {
        query = query.filter(consultations::Column::DelegationId.eq(d));
    }
    if let Some(q) = q {
        query = query.filter(contains_ci(consultations::Column::Title, &q));
    }
    let total = paging.total(db, &query).await?;
    let field = paging.sort.field;
    let query = paging.seek(query, db.get_database_backend(), field.map(sort_key), consultations::Column::Id)?;
    let (rows, next_cursor) = paging.split(query.all(db).await?, |r| (sort_value(field, r), r.id));
    let items = views(db, rows).await?;
    Ok(Page { items, next_cursor, total })
}
