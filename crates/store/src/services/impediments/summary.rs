//! Counts of the impediments an actor may see, under the same filters as the list: by NTM chapter ×
//! partner market (the heat map), by topic, by month, by status. Aggregates go through the same
//! visibility condition as rows, so a count never reveals a hidden record.

use std::collections::HashMap;

use gmc_domain::policy::{authorize, Operation};
use gmc_domain::{Actor, ValidationErrors};
use sea_orm::sea_query::{Alias, Expr, Query};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, DbBackend, EntityTrait, QueryFilter, QuerySelect, QueryTrait,
};
use uuid::Uuid;

use super::list::{filtered, ImpedimentFilter, Walk};
use crate::entities::{impediment_topics, impediments, topics};
use crate::AppResult;

// One cell: its key and the count (a plain comment: a doc comment would become the schema's description).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = SummaryCellDto))]
pub struct SummaryCell {
    /// `[chapter, partner]`, `[topic code]`, `[YYYY-MM]` or `[status]`.
    pub key: Vec<String>,
    pub count: i64,
}

pub async fn summary(
    db: &DatabaseConnection,
    actor: &Actor,
    f: ImpedimentFilter,
    by: &str,
) -> AppResult<Vec<SummaryCell>> {
    authorize(actor, Operation::ReadDelegationRecords)?;
    let mut e = ValidationErrors::new();
    let query = filtered(db, actor, &f, &mut e, Walk::Any).await?;
    if !matches!(by, "chapter_partner" | "topic" | "month" | "status" | "sector") {
        e.add("by", "invalid_choice", "must be one of: chapter_partner, topic, month, status, sector");
    }
    e.finish()?;
    let count = Expr::col((impediments::Entity, impediments::Column::Id)).count();
    let mut cells: Vec<SummaryCell> = match by {
        "chapter_partner" => query
            .select_only()
            .column(impediments::Column::NtmChapter)
            .column(impediments::Column::Partner)
            .column_as(count, "n")
            .group_by(impediments::Column::NtmChapter)
            .group_by(impediments::Column::Partner)
            .into_tuple::<(String, String, i64)>()
            .all(db)
            .await?
            .into_iter()
            .map(|(c, p, n)| SummaryCell { key: vec![c, p], count: n })
            .collect(),
        "sector" => query
            .select_only()
            .column(impediments::Column::Sector)
            .column_as(count.clone(), "n")
            .group_by(impediments::Column::Sector)
            .into_tuple::<(Option<String>, i64)>()
            .all(db)
            .await?
            .into_iter()
            .map(|(s, n)| SummaryCell { key: vec![s.unwrap_or_else(|| "unknown".into())], count: n })
            .collect(),
        "status" => query
            .select_only()
            .column(impediments::Column::Status)
            .column_as(count, "n")
            .group_by(impediments::Column::Status)
            .into_tuple::<(String, i64)>()
            .all(db)
            .await?
            .into_iter()
            .map(|(s, n)| SummaryCell { key: vec![s], count: n })
            .collect(),
        "month" => {
            // Timestamps are UTC: ISO text on SQLite, timestamptz on PostgreSQL.
            let month = match db.get_database_backend() {
                DbBackend::Postgres => {
                    Expr::cust("to_char(\"impediments\".\"created_at\" AT TIME ZONE 'UTC', 'YYYY-MM')")
                }
                _ => Expr::cust("substr(\"impediments\".\"created_at\", 1, 7)"),
            };
            query
                .select_only()
                .column_as(month.clone(), "month")
                .column_as(count, "n")
                .group_by(month)
                .into_tuple::<(String, i64)>()
                .all(db)
                .await?
                .into_iter()
                .map(|(m, n)| SummaryCell { key: vec![m], count: n })
                .collect()
        }
        _ => by_topic(db, query).await?,
    };
    cells.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.key.cmp(&b.key)));
    Ok(cells)
}

async fn by_topic(db: &DatabaseConnection, query: sea_orm::Select<impediments::Entity>) -> AppResult<Vec<SummaryCell>> {
    let ids = query.select_only().column(impediments::Column::Id).into_query();
    let stmt = Query::select()
        .column(impediment_topics::Column::TopicId)
        .expr_as(Expr::col(impediment_topics::Column::ImpedimentId).count(), Alias::new("n"))
        .from(impediment_topics::Entity)
        .and_where(Expr::col(impediment_topics::Column::ImpedimentId).in_subquery(ids))
        .group_by_col(impediment_topics::Column::TopicId)
        .to_owned();
    let rows = db.query_all(db.get_database_backend().build(&stmt)).await?;
    let mut counts: Vec<(Uuid, i64)> = Vec::with_capacity(rows.len());
    for row in rows {
        counts.push((row.try_get::<Uuid>("", "topic_id")?, row.try_get::<i64>("", "n")?));
    }
    let codes: HashMap<Uuid, String> = topics::Entity::find()
        .filter(topics::Column::Id.is_in(counts.iter().map(|(id, _)| *id)))
        .all(db)
        .await?
        .into_iter()
        .map(|t| (t.id, t.code))
        .collect();
    Ok(counts
        .into_iter()
        .map(|(id, n)| SummaryCell { key: vec![codes.get(&id).cloned().unwrap_or_else(|| id.to_string())], count: n })
        .collect())
}
