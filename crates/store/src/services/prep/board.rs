//! The preparation board of one ministerial: a column per status in workflow order, each with how many
//! items the caller may read are in it and the first of them by deadline.

use gmc_domain::policy::{authorize, Operation};
use gmc_domain::prep::PrepStatus;
use gmc_domain::{Actor, ValidationErrors};
use sea_orm::sea_query::{NullOrdering, Order};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use serde::Serialize;
use uuid::Uuid;

use super::list::{filtered, PrepItemFilter};
use super::view::{self, MinisterialRef, PrepItemView};
use crate::entities::{ministerials, prep_items};
use crate::AppResult;

/// Items shown per column; `total` says how many there are, and the list (`GET /prep-items?status=`)
/// pages through the rest. A board is read at a glance: 20 cards fill a column on a large screen, and
/// 7 × 50 cards made a 290 KB answer that cost more to build and send than every query behind it.
const COLUMN_ITEMS: u64 = 20;

#[derive(Debug, Default, Clone)]
pub struct BoardFilter {
    /// The ministerial's code; default: the latest by start date.
    pub ministerial: Option<String>,
    pub topic: Option<String>,
    pub delegation_id: Option<Uuid>,
    pub coalition_id: Option<Uuid>,
    pub interest: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = PrepBoardColumn))]
pub struct BoardColumn {
    pub status: PrepStatus,
    /// Items in this status the caller may read, under the filters.
    pub total: u64,
    /// The first 20 by deadline (none last), then oldest entered.
    pub items: Vec<PrepItemView>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = PrepBoard))]
pub struct PrepBoardView {
    pub ministerial: MinisterialRef,
    /// One per status, in workflow order (`identified` … `withdrawn`).
    pub columns: Vec<BoardColumn>,
}

pub async fn board(db: &DatabaseConnection, actor: &Actor, f: BoardFilter) -> AppResult<PrepBoardView> {
    authorize(actor, Operation::ReadDelegationRecords)?;
    let mut e = ValidationErrors::new();
    let ministerial = match f.ministerial.as_deref() {
        Some(code) => view::ministerial(db, code).await?,
        None => ministerials::Entity::find().order_by_desc(ministerials::Column::StartsOn).one(db).await?,
    };
    let Some(ministerial) = ministerial else {
        return Err(ValidationErrors::single("ministerial", "unknown", "names no ministerial conference").into());
    };
    let filter = PrepItemFilter {
        ministerial: Some(ministerial.code.clone()),
        topic: f.topic,
        delegation_id: f.delegation_id,
        coalition_id: f.coalition_id,
        interest: f.interest,
        ..Default::default()
    };
    let query = filtered(db, actor, &filter, &mut e).await?;
    e.finish()?;
    // Every column's count in one statement (the read condition is evaluated once, not seven times).
    let counts: Vec<(String, i64)> = query
        .clone()
        .select_only()
        .column(prep_items::Column::Status)
        .column_as(prep_items::Column::Id.count(), "n")
        .group_by(prep_items::Column::Status)
        .into_tuple()
        .all(db)
        .await?;
    let mut totals = Vec::with_capacity(PrepStatus::ALL.len());
    let mut rows = Vec::new();
    for status in PrepStatus::ALL {
        let total = counts.iter().find(|(s, _)| s == status.as_str()).map_or(0, |(_, n)| *n);
        totals.push((*status, u64::try_from(total).unwrap_or(0)));
        if total == 0 {
            continue;
        }
        let column = query.clone().filter(prep_items::Column::Status.eq(status.as_str()));
        let first = column
            .order_by_with_nulls(prep_items::Column::Deadline, Order::Asc, NullOrdering::Last)
            .order_by_asc(prep_items::Column::Id)
            .limit(COLUMN_ITEMS)
            .all(db)
            .await?;
        rows.extend(first);
    }
    // One pass of names for the whole board; the views keep the rows' order, column by column.
    let mut items = view::views(db, actor, rows).await?.into_iter().peekable();
    let columns = totals
        .into_iter()
        .map(|(status, total)| {
            let mut column = Vec::new();
            while let Some(item) = items.next_if(|i| i.status == status) {
                column.push(item);
            }
            BoardColumn { status, total, items: column }
        })
        .collect();
    Ok(PrepBoardView { ministerial: MinisterialRef { code: ministerial.code, name: ministerial.name }, columns })
}
