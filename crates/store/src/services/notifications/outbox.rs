//! The e-mail outbox, for admins: what was queued for whom and what became of it. With SMTP configured
//! the server's sender (`smtp::deliver_due`, run by `gmc_api::jobs`) sends the queued mails; without it
//! (the default) they stay `queued`.

use chrono::{DateTime, Utc};
use gmc_domain::notification::EmailStatus;
use gmc_domain::page::Limit;
use gmc_domain::policy::{authorize, Operation};
use gmc_domain::{Actor, ValidationErrors};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use serde::Serialize;
use uuid::Uuid;

use crate::cursor::{self, count_up_to, Cursor, Page, Total, COUNT_LIMIT};
use crate::entities::email_outbox;
use crate::AppResult;

/// One e-mail in the outbox.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = OutboxEmail))]
pub struct OutboxEmailView {
    pub id: Uuid,
    pub user_id: Option<Uuid>,
    pub to: String,
    pub subject: String,
    pub status: EmailStatus,
    /// SMTP attempts made: failed ones, and the one that sent it.
    pub attempts: i32,
    /// The last failure: the SMTP server's reply or what went wrong (never the server's credentials).
    pub last_error: Option<String>,
    pub created_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
    /// A queued mail that failed is not tried again before this.
    pub next_attempt_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Default, Clone)]
pub struct OutboxFilter {
    pub status: Option<String>,
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

/// Newest first; the first page carries `total`.
pub async fn list(db: &DatabaseConnection, actor: &Actor, f: OutboxFilter) -> AppResult<Page<OutboxEmailView>> {
    authorize(actor, Operation::ReadEmailOutbox)?;
    let mut e = ValidationErrors::new();
    let limit = e.check("limit", Limit::parse(f.limit));
    let after = e.check("cursor", cursor::parse(f.cursor.as_deref())).flatten();
    let status = f.status.as_deref().and_then(|s| e.check("status", gmc_domain::error::parse_enum::<EmailStatus>(s)));
    let sig = status.map(EmailStatus::as_str).unwrap_or("");
    if after.as_ref().is_some_and(|c| c.s != sig) {
        e.add("cursor", "cursor_mismatch", "belongs to other filters; start again without it");
    }
    let Some(limit) = limit else {
        return Err(e.into());
    };
    e.finish()?;
    let mut query = email_outbox::Entity::find();
    if let Some(s) = status {
        query = query.filter(email_outbox::Column::Status.eq(s.as_str()));
    }
    let total = match &after {
        None => Total::bounded(count_up_to(db, &query, COUNT_LIMIT + 1).await?),
        Some(c) => {
            query = query.filter(email_outbox::Column::Id.lt(c.id));
            Total::NONE
        }
    };
    let rows = query.order_by_desc(email_outbox::Column::Id).limit(limit.get() + 1).all(db).await?;
    let key = |r: &email_outbox::Model| Cursor { k: None, id: r.id, s: sig.to_owned(), b: false };
    Ok(Page::from_rows(rows, limit.get(), key, |r| OutboxEmailView {
        id: r.id,
        user_id: r.user_id,
        to: r.to_address,
        subject: r.subject,
        status: r.status.0,
        attempts: r.attempts,
        last_error: r.last_error,
        created_at: r.created_at,
        sent_at: r.sent_at,
        next_attempt_at: r.next_attempt_at,
    })
    .with_total(total))
}
