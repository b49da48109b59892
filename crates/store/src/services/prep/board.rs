//! The preparation board of one ministerial: a column per status in workflow order, each with how many
//! items the caller may read are in it and the first of them by deadline.
//!
//! Two statements make the board, whatever its size: the readable, filtered items of the ministerial
//! counted per status (one `GROUP BY`), and the first cards of every non-empty column: per-status
//! `ORDER BY deadline … LIMIT 20` walks — a `UNION ALL` of them on SQLite, one walk `LATERAL` to the
//! list of statuses on PostgreSQL — with the owner's and officer's names joined in.
//! Both read `ix_prep_items_board_cards` (migration 000022), which holds the status, the deadline order
//! and the read condition's and filters' columns: a column's walk stops after its 20th readable entry,
//! and whole rows are fetched for the cards alone. Measured (docs/benchmarks.md): the first version's
//! 17 statements with full rows cost 9.5 ms of server CPU a board; a window function numbering every
//! item (`ROW_NUMBER() OVER (PARTITION BY status …)`) still pushed all 1,585 readable items of the
//! benchmark's ministerial through a sort, 3–4 ms of SQLite alone, where the limited walks cost 0.04 ms
//! a column.

use chrono::{NaiveDate, Utc};
use gmc_domain::prep::{Interest, PrepKind, PrepStatus};
use gmc_domain::watch::Priority;
use gmc_domain::{Actor, ValidationErrors, Visibility};
use sea_orm::sea_query::{Alias, Asterisk, Expr, JoinType, Order, Query, SelectStatement, SimpleExpr, UnionType};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, DbBackend, EntityTrait, FromQueryResult, QueryFilter, QueryOrder,
    QuerySelect, QueryTrait, TransactionTrait,
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
pub(super) const COLUMN_ITEMS: u64 = 20;

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

/// One row of the cards statement: what a card shows.
#[derive(Debug, FromQueryResult)]
pub(super) struct CardRow {
    pub(super) id: Uuid,
    title: String,
    visibility: DbEnum<Visibility>,
    kind: DbEnum<PrepKind>,
    interest: DbEnum<Interest>,
    priority: DbEnum<Priority>,
    status: DbEnum<PrepStatus>,
    deadline: Option<NaiveDate>,
    pub(super) delegation_id: Option<Uuid>,
    pub(super) coalition_id: Option<Uuid>,
    delegation_name: Option<String>,
    country_code: Option<String>,
    coalition_name: Option<String>,
    coalition_code: Option<String>,
    responsible_name: Option<String>,
}

/// The board read from the tables (the read model off, or before its first use): the statements above.
pub(super) async fn from_tables(db: &DatabaseConnection, actor: &Actor, f: BoardFilter) -> AppResult<PrepBoardView> {
    if db.get_database_backend() != DbBackend::Postgres {
        return board_on(db, actor, f).await;
    }
    // The pool plans every statement for its parameters (`plan_cache_mode = force_custom_plan`, for the
    // registry, whose filters' selectivity varies by orders of magnitude). The board's statements do not
    // vary so: one plan per connection serves them all, and planning the cards statement cost more than
    // running it (1.5 ms against 0.7 ms a board; docs/benchmarks.md). Read-only, so the transaction
    // only scopes the setting.
    let txn = db.begin().await?;
    txn.execute_unprepared("SET LOCAL plan_cache_mode = force_generic_plan").await?;
    let view = board_on(&txn, actor, f).await?;
    txn.commit().await?;
    Ok(view)
}

/// The ministerial a board shows: the one named by its code, else the latest by start date.
pub(super) async fn ministerial_of<C: ConnectionTrait>(db: &C, code: Option<&str>) -> AppResult<ministerials::Model> {
    let ministerial = match code {
        Some(code) => view::ministerial(db, code).await?,
        None => ministerials::Entity::find().order_by_desc(ministerials::Column::StartsOn).one(db).await?,
    };
    ministerial
        .ok_or_else(|| ValidationErrors::single("ministerial", "unknown", "names no ministerial conference").into())
}

/// Seven empty columns, in workflow order.
pub(super) fn empty_columns() -> Vec<BoardColumn> {
    PrepStatus::ALL.iter().map(|s| BoardColumn { status: *s, total: 0, items: Vec::new() }).collect()
}

async fn board_on<C: ConnectionTrait>(db: &C, actor: &Actor, f: BoardFilter) -> AppResult<PrepBoardView> {
    let mut e = ValidationErrors::new();
    let ministerial = ministerial_of(db, f.ministerial.as_deref()).await?;
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
    let readable = readable.filter(prep_items::Column::MinisterialId.eq(ministerial.id));
    let counts: Vec<(DbEnum<PrepStatus>, i64)> = readable
        .clone()
        .select_only()
        .column(prep_items::Column::Status)
        .column_as(prep_items::Column::Id.count(), "n")
        .group_by(prep_items::Column::Status)
        .into_tuple()
        .all(db)
        .await?;
    let mut columns = empty_columns();
    for (status, n) in counts {
        if let Some(column) = columns.iter_mut().find(|c| c.status == status.0) {
            column.total = u64::try_from(n).unwrap_or(0);
        }
    }
    let open: Vec<PrepStatus> = columns.iter().filter(|c| c.total > 0).map(|c| c.status).collect();
    let cards = match db.get_database_backend() {
        DbBackend::Postgres => first_of_each_column_lateral(readable.into_query(), &open),
        _ => first_of_each_column(readable.into_query(), &open),
    };
    if let Some(cards) = cards {
        let today = Utc::now().date_naive();
        for row in CardRow::find_by_statement(db.get_database_backend().build(&cards)).all(db).await? {
            if let Some(column) = columns.iter_mut().find(|c| c.status == row.status.0) {
                column.items.push(card(row, today)?);
            }
        }
    }
    // A union has no order of its own: each column's cards are put in the order its walk took.
    for column in &mut columns {
        column.items.sort_by_key(|c| (c.deadline.is_none(), c.deadline, c.id));
    }
    Ok(PrepBoardView { ministerial: MinisterialRef { code: ministerial.code, name: ministerial.name }, columns })
}

/// One column's walk: the ids of the first `COLUMN_ITEMS` of `readable` whose status is `status` (a
/// value, or the outer statement's column) by deadline, none last, then oldest entered.
fn walk(readable: &SelectStatement, status: SimpleExpr) -> SelectStatement {
    use prep_items::Column as C;
    let mut column = readable.clone();
    column
        .clear_selects()
        .column((prep_items::Entity, C::Id))
        .and_where(Expr::col((prep_items::Entity, C::Status)).eq(status))
        // SQLite sorts NULL first ascending, PostgreSQL last: `IS NULL` first says "none last" on
        // both, and is the index's own key, so the walk needs no sort.
        .order_by_expr(Expr::col((prep_items::Entity, C::Deadline)).is_null(), Order::Asc)
        .order_by((prep_items::Entity, C::Deadline), Order::Asc)
        .order_by((prep_items::Entity, C::Id), Order::Asc)
        .limit(COLUMN_ITEMS);
    column
}

/// The first `COLUMN_ITEMS` of `readable` in each of `statuses` by deadline (none last, then oldest
/// entered), with the rows and the names a card shows joined in; `None` when no column has any. One
/// walk per status in a `UNION ALL`, for SQLite, which has no `LATERAL`.
fn first_of_each_column(readable: SelectStatement, statuses: &[PrepStatus]) -> Option<SelectStatement> {
    // Wrapped, so that each member of the union keeps its own ORDER BY and LIMIT (SQLite allows them
    // on a compound's members only inside a subquery).
    let wrapped = |status: &PrepStatus| {
        let column = walk(&readable, Expr::val(status.as_str()).into());
        Query::select().column(Asterisk).from_subquery(column, Alias::new("c")).to_owned()
    };
    let mut walks = statuses.iter().map(wrapped);
    let mut union = walks.next()?;
    for w in walks {
        union.union(UnionType::All, w);
    }
    Some(with_card_columns(union))
}

/// The same for PostgreSQL: the walk written once and run per status, `LATERAL` to the statuses as a
/// `VALUES` list. PostgreSQL plans each member of a union apart, and the read
/// condition makes each member large: planning the seven-walk union cost 6.8 ms a board, more than
/// running it (docs/benchmarks.md); the lateral walk is planned once.
fn first_of_each_column_lateral(readable: SelectStatement, statuses: &[PrepStatus]) -> Option<SelectStatement> {
    if statuses.is_empty() {
        return None;
    }
    let s = Alias::new("s");
    // A `VALUES` list's only column is `column1` in PostgreSQL.
    let column = walk(&readable, Expr::col((s.clone(), Alias::new("column1"))).into());
    let mut walks = Query::select();
    walks
        .column((Alias::new("c"), Alias::new("id")))
        .from_values(statuses.iter().map(|status| status.as_str().to_owned()), s)
        // `INNER JOIN LATERAL … ON TRUE`: a cross join, written so that sea-query can give it its `ON`.
        .join_lateral(JoinType::InnerJoin, column, Alias::new("c"), Expr::cust("TRUE"));
    Some(with_card_columns(walks))
}

/// The cards of the ids that `walks` selects: their rows, and the names a card shows joined in.
pub(super) fn with_card_columns(walks: SelectStatement) -> SelectStatement {
    use prep_items::Column as C;
    let b = Alias::new("b");
    let p = Alias::new("p");
    let card = |name: C| (p.clone(), name);
    Query::select()
        .columns([C::Id, C::Title, C::Visibility, C::Kind, C::Interest, C::Priority, C::Status, C::Deadline].map(card))
        .columns([C::DelegationId, C::CoalitionId].map(card))
        .expr_as(Expr::col((delegations::Entity, delegations::Column::Name)), Alias::new("delegation_name"))
        .expr_as(Expr::col((delegations::Entity, delegations::Column::CountryCode)), Alias::new("country_code"))
        .expr_as(Expr::col((coalitions::Entity, coalitions::Column::Name)), Alias::new("coalition_name"))
        .expr_as(Expr::col((coalitions::Entity, coalitions::Column::Code)), Alias::new("coalition_code"))
        .expr_as(Expr::col((users::Entity, users::Column::Name)), Alias::new("responsible_name"))
        .from_subquery(walks, b.clone())
        .join_as(
            JoinType::InnerJoin,
            prep_items::Entity,
            p.clone(),
            Expr::col((p.clone(), C::Id)).equals((b, Alias::new("id"))),
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
        .to_owned()
}

pub(super) fn card(r: CardRow, today: NaiveDate) -> AppResult<PrepCardView> {
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
        overdue: overdue(r.deadline, status, today),
        responsible_name: r.responsible_name,
    })
}

/// A deadline passed (before `today`, UTC) on an item neither decided nor withdrawn.
pub(super) fn overdue(deadline: Option<NaiveDate>, status: PrepStatus, today: NaiveDate) -> bool {
    deadline.is_some_and(|d| d < today) && !status.is_final()
}
