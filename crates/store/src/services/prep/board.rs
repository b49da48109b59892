//! The preparation board of one ministerial: a column per status in workflow order, each with how many
//! items the caller may read are in it and the first of them by deadline.
//!
//! The whole board is one statement: the readable, filtered rows of the ministerial are numbered within
//! their status by deadline (`ROW_NUMBER`) and counted (`COUNT(*) OVER`) in one pass, and only the first
//! of each column leave the database, with their owner's and officer's names joined in. A board is read
//! far more than it changes; the profile of the first version (a count, a query per column, a query per
//! kind of name, ~17 statements and full rows for every card) showed the time going into statements and
//! the allocation of rows, not into any one of them, so the fix is fewer statements and narrower rows.

use chrono::{NaiveDate, Utc};
use gmc_domain::policy::{authorize, Operation};
use gmc_domain::prep::{Interest, PrepKind, PrepStatus};
use gmc_domain::watch::Priority;
use gmc_domain::{Actor, ValidationErrors, Visibility};
use sea_orm::sea_query::{Alias, Expr, JoinType, Order, Query, SelectStatement};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, FromQueryResult, QueryFilter, QueryOrder, QueryTrait,
};
use serde::Serialize;
use uuid::Uuid;

use super::list::{filtered, PrepItemFilter};
use super::view::{self, MinisterialRef, OwnerKind, OwnerView};
use crate::column::DbEnum;
use crate::entities::{coalitions, delegations, ministerials, prep_items, users};
use crate::{AppError, AppResult};

/// Items shown per column; `total` says how many there are, and the list (`GET /prep-items?status=`)
/// pages through the rest. A board is read at a glance: 20 cards fill a column on a large screen, and
/// 7 × 50 cards made a 290 KB answer that cost more to build and send than every query behind it.
const COLUMN_ITEMS: i64 = 20;

#[derive(Debug, Default, Clone)]
pub struct BoardFilter {
    /// The ministerial's code; default: the latest by start date.
    pub ministerial: Option<String>,
    pub topic: Option<String>,
    pub delegation_id: Option<Uuid>,
    pub coalition_id: Option<Uuid>,
    pub interest: Option<String>,
}

/// A prep item as a board card shows it: what it is, whose, how urgent. The full record (summary,
/// topics, outcome, what the caller may do) is one click away, `GET /prep-items/{id}`.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = PrepBoardCard))]
pub struct PrepCardView {
    pub id: Uuid,
    pub title: String,
    pub owner: OwnerView,
    pub visibility: Visibility,
    pub kind: PrepKind,
    pub interest: Interest,
    pub priority: Priority,
    pub status: PrepStatus,
    pub deadline: Option<NaiveDate>,
    /// The deadline has passed (before today, UTC) and the item is neither decided nor withdrawn.
    pub overdue: bool,
    pub responsible_name: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = PrepBoardColumn))]
pub struct BoardColumn {
    pub status: PrepStatus,
    /// Items in this status the caller may read, under the filters.
    pub total: u64,
    /// The first 20 by deadline (none last), then oldest entered.
    pub items: Vec<PrepCardView>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = PrepBoard))]
pub struct PrepBoardView {
    pub ministerial: MinisterialRef,
    /// One per status, in workflow order (`identified` … `withdrawn`).
    pub columns: Vec<BoardColumn>,
}

/// One row of the board statement: a card's columns, its place in its column and the column's size.
#[derive(Debug, FromQueryResult)]
struct CardRow {
    id: Uuid,
    title: String,
    visibility: DbEnum<Visibility>,
    kind: DbEnum<PrepKind>,
    interest: DbEnum<Interest>,
    priority: DbEnum<Priority>,
    status: DbEnum<PrepStatus>,
    deadline: Option<NaiveDate>,
    delegation_id: Option<Uuid>,
    coalition_id: Option<Uuid>,
    total: i64,
    delegation_name: Option<String>,
    country_code: Option<String>,
    coalition_name: Option<String>,
    coalition_code: Option<String>,
    responsible_name: Option<String>,
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
    // The ministerial is already known: the filter takes its id rather than looking the code up again.
    let filter = PrepItemFilter {
        topic: f.topic,
        delegation_id: f.delegation_id,
        coalition_id: f.coalition_id,
        interest: f.interest,
        ..Default::default()
    };
    let readable = filtered(db, actor, &filter, &mut e).await?;
    e.finish()?;
    let numbered = readable.filter(prep_items::Column::MinisterialId.eq(ministerial.id));
    let statement = db.get_database_backend().build(&first_of_each_column(numbered.into_query()));
    let rows = CardRow::find_by_statement(statement).all(db).await?;
    let today = Utc::now().date_naive();
    let mut columns: Vec<BoardColumn> =
        PrepStatus::ALL.iter().map(|s| BoardColumn { status: *s, total: 0, items: Vec::new() }).collect();
    for row in rows {
        let Some(column) = columns.iter_mut().find(|c| c.status == row.status.0) else {
            continue;
        };
        column.total = u64::try_from(row.total).unwrap_or(0);
        column.items.push(card(row, today)?);
    }
    Ok(PrepBoardView { ministerial: MinisterialRef { code: ministerial.code, name: ministerial.name }, columns })
}

/// `readable` numbered within each status by deadline (none last, then oldest entered) and counted,
/// cut to the first `COLUMN_ITEMS` of each status, with the rows and the names a card shows joined in.
/// The numbering reads only what `ix_prep_items_board_cards` holds (migration 000022), so rows are
/// fetched for the cards alone. The order of the rows is the order of the cards.
fn first_of_each_column(mut readable: SelectStatement) -> SelectStatement {
    use prep_items::Column as C;
    let t = "prep_items";
    // SQLite sorts NULL first ascending, PostgreSQL last: `IS NULL` first says "none last" on both.
    let order = format!(r#""{t}"."deadline" IS NULL, "{t}"."deadline", "{t}"."id""#);
    readable
        .clear_selects()
        .columns([C::Id, C::Status])
        .expr_as(
            Expr::cust(format!(r#"ROW_NUMBER() OVER (PARTITION BY "{t}"."status" ORDER BY {order})"#)),
            Alias::new("rn"),
        )
        .expr_as(Expr::cust(format!(r#"COUNT(*) OVER (PARTITION BY "{t}"."status")"#)), Alias::new("total"));
    let b = Alias::new("b");
    let p = Alias::new("p");
    let card = |name: C| (p.clone(), name);
    Query::select()
        .columns([C::Id, C::Title, C::Visibility, C::Kind, C::Interest, C::Priority, C::Status, C::Deadline].map(card))
        .columns([C::DelegationId, C::CoalitionId].map(card))
        .column((b.clone(), Alias::new("total")))
        .expr_as(Expr::col((delegations::Entity, delegations::Column::Name)), Alias::new("delegation_name"))
        .expr_as(Expr::col((delegations::Entity, delegations::Column::CountryCode)), Alias::new("country_code"))
        .expr_as(Expr::col((coalitions::Entity, coalitions::Column::Name)), Alias::new("coalition_name"))
        .expr_as(Expr::col((coalitions::Entity, coalitions::Column::Code)), Alias::new("coalition_code"))
        .expr_as(Expr::col((users::Entity, users::Column::Name)), Alias::new("responsible_name"))
        .from_subquery(readable, b.clone())
        .join_as(
            JoinType::InnerJoin,
            prep_items::Entity,
            p.clone(),
            Expr::col((p.clone(), C::Id)).equals((b.clone(), Alias::new("id"))),
        )
        .left_join(
            delegations::Entity,
            Expr::col((p.clone(), C::DelegationId)).equals((delegations::Entity, delegations::Column::Id)),
        )
        .left_join(
            coalitions::Entity,
            Expr::col((p.clone(), C::CoalitionId)).equals((coalitions::Entity, coalitions::Column::Id)),
        )
        .left_join(users::Entity, Expr::col((p, C::ResponsibleUserId)).equals((users::Entity, users::Column::Id)))
        .and_where(Expr::col((b.clone(), Alias::new("rn"))).lte(COLUMN_ITEMS))
        .order_by((b.clone(), Alias::new("status")), Order::Asc)
        .order_by((b, Alias::new("rn")), Order::Asc)
        .to_owned()
}

fn card(r: CardRow, today: NaiveDate) -> AppResult<PrepCardView> {
    let owner = match (r.delegation_id, r.coalition_id) {
        (Some(id), _) => OwnerView {
            kind: OwnerKind::Delegation,
            id,
            name: r.delegation_name.unwrap_or_default(),
            code: r.country_code.unwrap_or_default(),
        },
        (None, Some(id)) => OwnerView {
            kind: OwnerKind::Coalition,
            id,
            name: r.coalition_name.unwrap_or_default(),
            code: r.coalition_code.unwrap_or_default(),
        },
        (None, None) => return Err(AppError::Internal(anyhow::anyhow!("prep item {} has no owner to show", r.id))),
    };
    let status = r.status.0;
    Ok(PrepCardView {
        id: r.id,
        title: r.title,
        owner,
        visibility: r.visibility.0,
        kind: r.kind.0,
        interest: r.interest.0,
        priority: r.priority.0,
        status,
        deadline: r.deadline,
        overdue: r.deadline.is_some_and(|d| d < today) && !status.is_final(),
        responsible_name: r.responsible_name,
    })
}
