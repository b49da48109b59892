//! Listing meetings: only those the caller may read (`guard::read_condition`, invitees included),
//! filtered by time window, kind, status, "invites me" and agenda topic; by start (default, soonest
//! first) or title, with keyset pages and the bounded total on the first.

use chrono::{DateTime, Utc};
use gmc_domain::error::parse_enum;
use gmc_domain::meeting::{MeetingKind, MeetingStatus};
use gmc_domain::policy::{authorize, Operation};
use gmc_domain::{Actor, ValidationErrors};
use sea_orm::sea_query::{Condition, Query};
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, Select};
use uuid::Uuid;

use super::guard::read_condition;
use super::view::{self, MeetingView};
use crate::cursor::{Key, KeyValue, Page, Paging, Sort};
use crate::entities::{meeting_agenda_items, meeting_invitations, meetings, topics};
use crate::AppResult;

#[derive(Debug, Default, Clone)]
pub struct MeetingFilter {
    /// Meetings that end at or after this instant.
    pub from: Option<DateTime<Utc>>,
    /// Meetings that start before this instant.
    pub to: Option<DateTime<Utc>>,
    pub kind: Option<String>,
    pub status: Option<String>,
    /// `me`: meetings that invite the caller or the caller's delegation.
    pub invited: Option<String>,
    /// Topic id or code on the agenda.
    pub topic: Option<String>,
    pub sort: Option<String>,
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

crate::sort_fields!(
    /// What meetings may be sorted by.
    MeetingSort {
        StartsAt => "starts_at",
        Title => "title",
    }
);

/// Without `sort`: soonest first, so the upcoming ones lead when `from` is now.
const DEFAULT_SORT: Sort<MeetingSort> = Sort { field: Some(MeetingSort::StartsAt), descending: false };

fn sort_key(field: MeetingSort) -> Key<meetings::Column> {
    match field {
        MeetingSort::StartsAt => Key::time(meetings::Column::StartsAt),
        MeetingSort::Title => Key::text(meetings::Column::Title),
    }
}

fn sort_value(field: Option<MeetingSort>, r: &meetings::Model) -> KeyValue {
    match field {
        None => KeyValue::Null,
        Some(MeetingSort::StartsAt) => KeyValue::Time(r.starts_at),
        Some(MeetingSort::Title) => KeyValue::Text(r.title.clone()),
    }
}

pub async fn list(db: &DatabaseConnection, actor: &Actor, f: MeetingFilter) -> AppResult<Page<MeetingView>> {
    authorize(actor, Operation::ReadDelegationRecords)?;
    let mut e = ValidationErrors::new();
    let filters = MeetingFilter { sort: None, limit: None, cursor: None, ..f.clone() };
    let paging = Paging::check(&mut e, (f.limit, f.sort.as_deref(), f.cursor.as_deref()), DEFAULT_SORT, &filters);
    let query = filtered(db, actor, &f, &mut e).await?;
    let Some(paging) = paging else {
        return Err(e.into());
    };
    e.finish()?;
    let total = paging.total(db, &query).await?;
    let field = paging.sort.field;
    let query = paging.seek(query, db.get_database_backend(), field.map(sort_key), meetings::Column::Id)?;
    let (rows, next_cursor) = paging.split(query.all(db).await?, |r| (sort_value(field, r), r.id));
    let items = view::views(db, actor, rows).await?;
    Ok(Page { items, next_cursor, total })
}

/// Meetings that invite the actor or the actor's delegation.
pub(crate) fn invites(actor: &Actor) -> Condition {
    let mut who = Condition::any().add(meeting_invitations::Column::UserId.eq(actor.user_id.as_uuid()));
    if let Some(d) = actor.delegation_id {
        who = who.add(meeting_invitations::Column::DelegationId.eq(d.as_uuid()));
    }
    Condition::all().add(
        meetings::Column::Id.in_subquery(
            Query::select()
                .column(meeting_invitations::Column::MeetingId)
                .from(meeting_invitations::Entity)
                .cond_where(who)
                .to_owned(),
        ),
    )
}

async fn filtered<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    f: &MeetingFilter,
    e: &mut ValidationErrors,
) -> AppResult<Select<meetings::Entity>> {
    use meetings::Column as C;
    let kind = f.kind.as_deref().and_then(|s| e.check("kind", parse_enum::<MeetingKind>(s)));
    let status = f.status.as_deref().and_then(|s| e.check("status", parse_enum::<MeetingStatus>(s)));
    let mut query = meetings::Entity::find().filter(read_condition(actor));
    if let Some(v) = f.from {
        query = query.filter(C::EndsAt.gte(v));
    }
    if let Some(v) = f.to {
        query = query.filter(C::StartsAt.lt(v));
    }
    if let (Some(from), Some(to)) = (f.from, f.to) {
        if to <= from {
            e.add("to", "out_of_range", "must be after from");
        }
    }
    if let Some(v) = kind {
        query = query.filter(C::Kind.eq(v.as_str()));
    }
    if let Some(v) = status {
        query = query.filter(C::Status.eq(v.as_str()));
    }
    match f.invited.as_deref() {
        None => {}
        Some("me") => query = query.filter(invites(actor)),
        Some(_) => e.add("invited", "invalid_choice", "must be me"),
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
                    .column(meeting_agenda_items::Column::MeetingId)
                    .from(meeting_agenda_items::Entity)
                    .and_where(meeting_agenda_items::Column::TopicId.eq(topic.unwrap_or(Uuid::nil())))
                    .to_owned(),
            ),
        );
    }
    Ok(query)
}
