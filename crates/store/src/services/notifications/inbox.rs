//! A user's own notifications: the list (unread first, then newest first), the unread count, and
//! marking read. Every query is keyed by the caller's user id, so another user's notification is
//! simply not found (404), never confirmed.

use chrono::{DateTime, Utc};
use gmc_domain::notification::NotificationKind;
use gmc_domain::page::Limit;
use gmc_domain::policy::{authorize, Operation};
use gmc_domain::{Actor, ValidationErrors};
use sea_orm::sea_query::{Condition, Expr};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, Select,
};
use serde::Serialize;
use serde_json::json;
use uuid::Uuid;

use crate::audit::{AuditEntry, AuditedTxn};
use crate::cursor::{self, count_up_to, Cursor, Page, Total, COUNT_LIMIT};
use crate::entities::notifications;
use crate::{AppError, AppResult};

/// A notification as its recipient sees it.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = Notification))]
pub struct NotificationView {
    pub id: Uuid,
    pub kind: NotificationKind,
    pub title: String,
    pub body: Option<String>,
    /// Where the SPA opens the subject (`/impediments/…`).
    pub link: String,
    /// The kind of record it is about (`impediment`, `prep_item`, `meeting`, …).
    pub subject_kind: String,
    pub subject_id: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    /// `null` while unread.
    pub read_at: Option<DateTime<Utc>>,
}

impl From<notifications::Model> for NotificationView {
    fn from(r: notifications::Model) -> Self {
        NotificationView {
            id: r.id,
            kind: r.kind.0,
            title: r.title,
            body: r.body,
            link: r.link,
            subject_kind: r.subject_kind,
            subject_id: r.subject_id,
            created_at: r.created_at,
            read_at: r.read_at,
        }
    }
}

#[derive(Debug, Default, Clone)]
pub struct InboxFilter {
    /// Only the unread ones.
    pub unread: bool,
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

fn mine(user: Uuid) -> Select<notifications::Entity> {
    notifications::Entity::find().filter(notifications::Column::UserId.eq(user))
}

const UNREAD: &str = "unread";
const READ: &str = "read";

/// Rows after the cursor in the order "unread first, then newest (largest v7 id) first".
fn after(c: &Cursor) -> AppResult<Condition> {
    let older = notifications::Column::Id.lt(c.id);
    let unread = notifications::Column::ReadAt.is_null();
    match c.k.as_deref() {
        Some(UNREAD) => Ok(Condition::any()
            .add(Condition::all().add(unread).add(older))
            .add(notifications::Column::ReadAt.is_not_null())),
        Some(READ) => Ok(Condition::all().add(notifications::Column::ReadAt.is_not_null()).add(older)),
        _ => Err(ValidationErrors::single("cursor", "invalid_cursor", "is not a cursor this API returned").into()),
    }
}

/// The caller's notifications, unread first, then newest first; the first page carries `total`.
pub async fn list(db: &DatabaseConnection, actor: &Actor, f: InboxFilter) -> AppResult<Page<NotificationView>> {
    authorize(actor, Operation::ReadSelf)?;
    let mut e = ValidationErrors::new();
    let limit = e.check("limit", Limit::parse(f.limit));
    let after_cursor = e.check("cursor", cursor::parse(f.cursor.as_deref())).flatten();
    let filter_sig = if f.unread { "unread" } else { "" };
    if after_cursor.as_ref().is_some_and(|c| c.s != filter_sig) {
        e.add("cursor", "cursor_mismatch", "belongs to other filters; start again without it");
    }
    let Some(limit) = limit else {
        return Err(e.into());
    };
    e.finish()?;
    let mut query = mine(actor.user_id.as_uuid());
    if f.unread {
        query = query.filter(notifications::Column::ReadAt.is_null());
    }
    let total = match &after_cursor {
        None => Total::bounded(count_up_to(db, &query, COUNT_LIMIT + 1).await?),
        Some(_) => Total::NONE,
    };
    if let Some(c) = &after_cursor {
        query = query.filter(after(c)?);
    }
    let rows = query
        .order_by_asc(Expr::col(notifications::Column::ReadAt).is_not_null())
        .order_by_desc(notifications::Column::Id)
        .limit(limit.get() + 1)
        .all(db)
        .await?;
    let key = |r: &notifications::Model| Cursor {
        k: Some(if r.read_at.is_none() { UNREAD } else { READ }.to_owned()),
        id: r.id,
        s: filter_sig.to_owned(),
        b: false,
    };
    Ok(Page::from_rows(rows, limit.get(), key, NotificationView::from).with_total(total))
}

/// How many unread notifications the user has (the bell; the home page).
pub async fn unread_count<C: ConnectionTrait>(db: &C, user: Uuid) -> AppResult<u64> {
    Ok(mine(user).filter(notifications::Column::ReadAt.is_null()).count(db).await?)
}

/// The newest unread, for the home page.
pub(crate) async fn latest_unread<C: ConnectionTrait>(db: &C, user: Uuid, n: u64) -> AppResult<Vec<NotificationView>> {
    Ok(mine(user)
        .filter(notifications::Column::ReadAt.is_null())
        .order_by_desc(notifications::Column::Id)
        .limit(n)
        .all(db)
        .await?
        .into_iter()
        .map(NotificationView::from)
        .collect())
}

pub async fn count_unread(db: &DatabaseConnection, actor: &Actor) -> AppResult<u64> {
    authorize(actor, Operation::ReadSelf)?;
    unread_count(db, actor.user_id.as_uuid()).await
}

/// Marks one of the caller's notifications read (again is harmless: it keeps its first `read_at`).
pub async fn mark_read(db: &DatabaseConnection, actor: &Actor, id: Uuid) -> AppResult<NotificationView> {
    authorize(actor, Operation::ManageOwnNotifications)?;
    let user = actor.user_id.as_uuid();
    let txn = AuditedTxn::begin(db).await?;
    let row = mine(user)
        .filter(notifications::Column::Id.eq(id))
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound("notification"))?;
    if row.read_at.is_some() {
        txn.commit(AuditEntry::by(actor, "notification.read", "notification", id).changes(json!({"already": true})))
            .await?;
        return Ok(row.into());
    }
    let now = Utc::now();
    notifications::Entity::update_many()
        .col_expr(notifications::Column::ReadAt, Expr::value(now))
        .filter(notifications::Column::Id.eq(id))
        .filter(notifications::Column::UserId.eq(user))
        .exec(&txn)
        .await?;
    txn.commit(AuditEntry::by(actor, "notification.read", "notification", id)).await?;
    Ok(NotificationView { read_at: Some(now), ..row.into() })
}

/// The answer of `POST /me/notifications/read-all`.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = MarkedRead))]
pub struct MarkedRead {
    /// How many were unread and are now read.
    pub marked: u64,
}

pub async fn mark_all_read(db: &DatabaseConnection, actor: &Actor) -> AppResult<MarkedRead> {
    authorize(actor, Operation::ManageOwnNotifications)?;
    let user = actor.user_id.as_uuid();
    let txn = AuditedTxn::begin(db).await?;
    let res = notifications::Entity::update_many()
        .col_expr(notifications::Column::ReadAt, Expr::value(Utc::now()))
        .filter(notifications::Column::UserId.eq(user))
        .filter(notifications::Column::ReadAt.is_null())
        .exec(&txn)
        .await?;
    let entry =
        AuditEntry::by(actor, "notification.read_all", "user", user).changes(json!({"marked": res.rows_affected}));
    txn.commit(entry).await?;
    Ok(MarkedRead { marked: res.rows_affected })
}
