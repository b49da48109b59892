//! Listing briefing requests: over only the rows the caller may read (`read_condition`), filtered by
//! status, kind, topic, delegation, "assigned to me", the queue and overdue, newest first or sorted,
//! with keyset pages and the bounded total on the first.

use chrono::Utc;
use gmc_domain::briefing::{BriefingKind, BriefingStatus};
use gmc_domain::error::parse_enum;
use gmc_domain::policy::{authorize, Operation};
use gmc_domain::{Actor, ValidationErrors};
use sea_orm::sea_query::Query;
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, Select};
use uuid::Uuid;

use super::view::{self, BriefingRequestView};
use crate::cursor::{Key, KeyValue, Page, Paging, Sort};
use crate::entities::{briefing_request_topics, briefing_requests, topics};
use crate::AppResult;

#[derive(Debug, Default, Clone)]
pub struct BriefingFilter {
    pub status: Option<String>,
    pub kind: Option<String>,
    /// Topic id or code.
    pub topic: Option<String>,
    pub delegation_id: Option<Uuid>,
    /// `me`: the requests assigned to the caller.
    pub assigned: Option<String>,
    /// The analysts' queue: requested and unassigned.
    pub queue: Option<bool>,
    /// Only overdue requests (`true`) or only those that are not (`false`).
    pub overdue: Option<bool>,
    /// One of `BriefingSort`, `-` first for descending; default: newest first.
    pub sort: Option<String>,
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

crate::sort_fields!(
    /// What briefing requests may be sorted by. Missing dates sort first ascending; priority sorts by
    /// its stored spelling (alphabetically).
    BriefingSort {
        WishedDate => "wished_date",
        DueDate => "due_date",
        UpdatedAt => "updated_at",
        Priority => "priority",
    }
);

/// Without `sort`: by id, newest first (ids are time-ordered).
const DEFAULT_SORT: Sort<BriefingSort> = Sort::by_id(true);

fn sort_key(field: BriefingSort) -> Key<briefing_requests::Column> {
    use briefing_requests::Column as C;
    match field {
        BriefingSort::WishedDate => Key::date(C::WishedDate).nullable(),
        BriefingSort::DueDate => Key::date(C::DueDate).nullable(),
        BriefingSort::UpdatedAt => Key::time(C::UpdatedAt),
        BriefingSort::Priority => Key::text(C::Priority),
    }
}

fn sort_value(field: Option<BriefingSort>, r: &briefing_requests::Model) -> KeyValue {
    match field {
        None => KeyValue::Null,
        Some(BriefingSort::WishedDate) => r.wished_date.map_or(KeyValue::Null, KeyValue::Date),
        Some(BriefingSort::DueDate) => r.due_date.map_or(KeyValue::Null, KeyValue::Date),
        Some(BriefingSort::UpdatedAt) => KeyValue::Time(r.updated_at),
        Some(BriefingSort::Priority) => KeyValue::Text(r.priority.0.as_str().to_owned()),
    }
}

pub async fn list(db: &DatabaseConnection, actor: &Actor, f: BriefingFilter) -> AppResult<Page<BriefingRequestView>> {
    authorize(actor, Operation::ReadDelegationRecords)?;
    let mut e = ValidationErrors::new();
    let filters = BriefingFilter { sort: None, limit: None, cursor: None, ..f.clone() };
    let paging = Paging::check(&mut e, (f.limit, f.sort.as_deref(), f.cursor.as_deref()), DEFAULT_SORT, &filters);
    let query = filtered(db, actor, &f, &mut e).await?;
    let Some(paging) = paging else {
        return Err(e.into());
    };
    e.finish()?;
    let total = paging.total(db, &query).await?;
    let field = paging.sort.field;
    let query = paging.seek(query, db.get_database_backend(), field.map(sort_key), briefing_requests::Column::Id)?;
    let (rows, next_cursor) = paging.split(query.all(db).await?, |r| (sort_value(field, r), r.id));
    let items = view::views(db, actor, rows).await?;
    Ok(Page { items, next_cursor, total })
}

/// The statuses a request can be overdue in (every status that is not final).
fn open_statuses() -> Vec<&'static str> {
    BriefingStatus::ALL.iter().filter(|s| !s.is_final()).map(|s| s.as_str()).collect()
}

/// The rows the actor may read that match the filter; problems go into `e`. An unknown topic matches
/// nothing.
pub(super) async fn filtered<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    f: &BriefingFilter,
    e: &mut ValidationErrors,
) -> AppResult<Select<briefing_requests::Entity>> {
    use briefing_requests::Column as C;
    let status = f.status.as_deref().and_then(|s| e.check("status", parse_enum::<BriefingStatus>(s)));
    let kind = f.kind.as_deref().and_then(|s| e.check("kind", parse_enum::<BriefingKind>(s)));
    let mut query = briefing_requests::Entity::find().filter(super::read_condition(actor));
    if let Some(v) = status {
        query = query.filter(C::Status.eq(v.as_str()));
    }
    if let Some(v) = kind {
        query = query.filter(C::Kind.eq(v.as_str()));
    }
    if let Some(v) = f.delegation_id {
        query = query.filter(C::DelegationId.eq(v));
    }
    match f.assigned.as_deref().map(str::trim) {
        None | Some("") => {}
        Some("me") => query = query.filter(C::AssignedTo.eq(actor.user_id.as_uuid())),
        Some(_) => e.add("assigned", "invalid", "must be `me`"),
    }
    if f.queue == Some(true) {
        query = query.filter(C::Status.eq(BriefingStatus::Requested.as_str())).filter(C::AssignedTo.is_null());
    }
    let today = Utc::now().date_naive();
    match f.overdue {
        Some(true) => query = query.filter(C::DueDate.lt(today)).filter(C::Status.is_in(open_statuses())),
        Some(false) => {
            query = query.filter(
                sea_orm::sea_query::Condition::any()
                    .add(C::DueDate.is_null())
                    .add(C::DueDate.gte(today))
                    .add(C::Status.is_not_in(open_statuses())),
            );
        }
        None => {}
    }
    if let Some(t) = f.topic.as_deref() {
        let topic = match Uuid::parse_str(t) {
            Ok(id) => Some(id),
            Err(_) => topics::Entity::find()
                .filter(topics::Column::Code.eq(t.trim().to_ascii_uppercase()))
                .one(db)
                .await?
                .map(|t| t.id),
        };
        query = query.filter(
            C::Id.in_subquery(
                Query::select()
                    .column(briefing_request_topics::Column::BriefingRequestId)
                    .from(briefing_request_topics::Entity)
                    .and_where(briefing_request_topics::Column::TopicId.eq(topic.unwrap_or(Uuid::nil())))
                    .to_owned(),
            ),
        );
    }
    Ok(query)
}
