//! Listing prep items: the filters of the preparation pages, over only the rows the caller may read
//! (`read_condition`, coalition members as owners), newest entered first or sorted by a field, with
//! keyset pages and the bounded total on the first.

use chrono::NaiveDate;
use gmc_domain::error::parse_enum;
use gmc_domain::policy::{authorize, Operation};
use gmc_domain::prep::{Interest, PrepKind, PrepStatus};
use gmc_domain::{Actor, ValidationErrors};
use sea_orm::sea_query::Query;
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, Select};
use uuid::Uuid;

use super::view::{self, PrepItemView};
use crate::cursor::{Key, KeyValue, Page, Paging, Sort};
use crate::entities::{prep_item_topics, prep_items, topics};
use crate::services::{contains_ci, search_text};
use crate::AppResult;

#[derive(Debug, Default, Clone)]
pub struct PrepItemFilter {
    /// The ministerial's code (`MC14`).
    pub ministerial: Option<String>,
    pub status: Option<String>,
    /// Topic id or code.
    pub topic: Option<String>,
    /// Items the delegation owns itself (not through a coalition).
    pub delegation_id: Option<Uuid>,
    pub coalition_id: Option<Uuid>,
    pub interest: Option<String>,
    pub kind: Option<String>,
    /// In the title.
    pub q: Option<String>,
    /// A deadline on or before this date.
    pub due_before: Option<NaiveDate>,
    /// One of `PrepItemSort`, `-` first for descending; default: newest entered first.
    pub sort: Option<String>,
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

crate::sort_fields!(
    /// What prep items may be sorted by. A missing deadline sorts first ascending; priority and status
    /// sort by their stored spelling (alphabetically).
    PrepItemSort {
        Deadline => "deadline",
        UpdatedAt => "updated_at",
        Priority => "priority",
        Title => "title",
        Status => "status",
    }
);

/// Without `sort`: by id, newest first (ids are time-ordered, in the order items were entered).
const DEFAULT_SORT: Sort<PrepItemSort> = Sort::by_id(true);

fn sort_key(field: PrepItemSort) -> Key<prep_items::Column> {
    use prep_items::Column as C;
    match field {
        PrepItemSort::Deadline => Key::date(C::Deadline).nullable(),
        PrepItemSort::UpdatedAt => Key::time(C::UpdatedAt),
        PrepItemSort::Priority => Key::text(C::Priority),
        PrepItemSort::Title => Key::text(C::Title),
        PrepItemSort::Status => Key::text(C::Status),
    }
}

fn sort_value(field: Option<PrepItemSort>, r: &prep_items::Model) -> KeyValue {
    match field {
        None => KeyValue::Null,
        Some(PrepItemSort::Deadline) => r.deadline.map_or(KeyValue::Null, KeyValue::Date),
        Some(PrepItemSort::UpdatedAt) => KeyValue::Time(r.updated_at),
        Some(PrepItemSort::Priority) => KeyValue::Text(r.priority.0.as_str().to_owned()),
        Some(PrepItemSort::Title) => KeyValue::Text(r.title.clone()),
        Some(PrepItemSort::Status) => KeyValue::Text(r.status.0.as_str().to_owned()),
    }
}

pub async fn list(db: &DatabaseConnection, actor: &Actor, f: PrepItemFilter) -> AppResult<Page<PrepItemView>> {
    authorize(actor, Operation::ReadDelegationRecords)?;
    let mut e = ValidationErrors::new();
    let filters = PrepItemFilter { sort: None, limit: None, cursor: None, ..f.clone() };
    let paging = Paging::check(&mut e, (f.limit, f.sort.as_deref(), f.cursor.as_deref()), DEFAULT_SORT, &filters);
    let query = filtered(db, actor, &f, &mut e).await?;
    let Some(paging) = paging else {
        return Err(e.into());
    };
    e.finish()?;
    let total = paging.total(db, &query).await?;
    let field = paging.sort.field;
    let query = paging.seek(query, db.get_database_backend(), field.map(sort_key), prep_items::Column::Id)?;
    let (rows, next_cursor) = paging.split(query.all(db).await?, |r| (sort_value(field, r), r.id));
    let items = view::views(db, actor, rows).await?;
    Ok(Page { items, next_cursor, total })
}

/// The rows the actor may read that match the filter (its `status` too); problems go into `e`. An
/// unknown ministerial is a problem (the board names it); an unknown topic matches nothing.
/// The topic a filter names by id or by code; an unknown code names no topic (the nil id, which no
/// link holds), so the filter matches nothing rather than failing.
pub(super) async fn topic_id<C: ConnectionTrait>(db: &C, topic: &str) -> AppResult<Uuid> {
    if let Ok(id) = Uuid::parse_str(topic) {
        return Ok(id);
    }
    let code = topic.trim().to_ascii_uppercase();
    let found = topics::Entity::find().filter(topics::Column::Code.eq(code)).one(db).await?;
    Ok(found.map_or(Uuid::nil(), |t| t.id))
}

pub(super) async fn filtered<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    f: &PrepItemFilter,
    e: &mut ValidationErrors,
) -> AppResult<Select<prep_items::Entity>> {
    use prep_items::Column as C;
    let q = e.check("q", search_text(f.q.as_deref())).flatten();
    let status = f.status.as_deref().and_then(|s| e.check("status", parse_enum::<PrepStatus>(s)));
    let interest = f.interest.as_deref().and_then(|s| e.check("interest", parse_enum::<Interest>(s)));
    let kind = f.kind.as_deref().and_then(|s| e.check("kind", parse_enum::<PrepKind>(s)));
    let mut query = prep_items::Entity::find().filter(super::read_condition(actor));
    if let Some(code) = f.ministerial.as_deref() {
        match view::ministerial(db, code).await? {
            Some(m) => query = query.filter(C::MinisterialId.eq(m.id)),
            None => e.add("ministerial", "unknown", "names no ministerial conference"),
        }
    }
    if let Some(v) = status {
        query = query.filter(C::Status.eq(v.as_str()));
    }
    if let Some(v) = interest {
        query = query.filter(C::Interest.eq(v.as_str()));
    }
    if let Some(v) = kind {
        query = query.filter(C::Kind.eq(v.as_str()));
    }
    if let Some(v) = f.delegation_id {
        query = query.filter(C::DelegationId.eq(v));
    }
    if let Some(v) = f.coalition_id {
        query = query.filter(C::CoalitionId.eq(v));
    }
    if let Some(d) = f.due_before {
        query = query.filter(C::Deadline.lte(d));
    }
    if let Some(t) = f.topic.as_deref() {
        let topic = topic_id(db, t).await?;
        query = query.filter(
            C::Id.in_subquery(
                Query::select()
                    .column(prep_item_topics::Column::PrepItemId)
                    .from(prep_item_topics::Entity)
                    .and_where(prep_item_topics::Column::TopicId.eq(topic))
                    .to_owned(),
            ),
        );
    }
    if let Some(q) = &q {
        query = query.filter(contains_ci(C::Title, q));
    }
    Ok(query)
}
