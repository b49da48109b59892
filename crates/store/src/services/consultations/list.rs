//! Listing consultations the caller may read, newest first, with keyset pages.

use gmc_domain::consultation::ConsultationStatus;
use gmc_domain::error::parse_enum;
use gmc_domain::page::Limit;
use gmc_domain::policy::{authorize, Operation};
use gmc_domain::{Actor, ValidationErrors};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

use super::views;
use crate::cursor::{self, Cursor, Page};
use crate::entities::consultations;
use crate::services::{contains_ci, search_text, visibility::read_condition};
use crate::views::ConsultationView;
use crate::AppResult;

#[derive(Debug, Default, Clone)]
pub struct ConsultationFilter {
    pub status: Option<String>,
    pub delegation: Option<Uuid>,
    pub q: Option<String>,
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

pub async fn list(db: &DatabaseConnection, actor: &Actor, f: ConsultationFilter) -> AppResult<Page<ConsultationView>> {
    authorize(actor, Operation::ReadDelegationRecords)?;
    let mut e = ValidationErrors::new();
    let limit = e.check("limit", Limit::parse(f.limit));
    let cursor = e.check("cursor", cursor::parse(f.cursor.as_deref()));
    let status = f.status.as_deref().and_then(|s| e.check("status", parse_enum::<ConsultationStatus>(s)));
    let q = e.check("q", search_text(f.q.as_deref())).flatten();
    let (Some(limit), Some(cursor)) = (limit, cursor) else {
        return Err(e.into());
    };
    e.finish()?;
    let mut query = consultations::Entity::find()
        .filter(read_condition(actor, consultations::Column::Visibility, consultations::Column::DelegationId))
        .order_by_desc(consultations::Column::Id);
    if let Some(s) = status {
        query = query.filter(consultations::Column::Status.eq(s.as_str()));
    }
    if let Some(d) = f.delegation {
        query = query.filter(consultations::Column::DelegationId.eq(d));
    }
    if let Some(q) = q {
        query = query.filter(contains_ci(consultations::Column::Title, &q));
    }
    if let Some(c) = cursor {
        query = query.filter(consultations::Column::Id.lt(c.id));
    }
    let rows = query.limit(limit.get() + 1).all(db).await?;
    let more = rows.len() as u64 > limit.get();
    let mut items = views(db, rows).await?;
    items.truncate(limit.get() as usize);
    let next_cursor =
        if more { items.last().map(|i| Cursor { k: None, id: i.id, s: String::new() }.encode()) } else { None };
    Ok(Page { items, next_cursor, total: None })
}
