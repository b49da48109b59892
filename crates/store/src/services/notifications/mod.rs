//! Notifications (issue 10): what a user is told, in the app and by e-mail.
//!
//! Other features tell users things with [`notify`], called INSIDE their own audited write transaction,
//! so a notification exists exactly when the change it announces commits:
//!
//! ```ignore
//! let txn = AuditedTxn::begin(db).await?;
//! // … the feature's own writes …
//! notifications::notify(&txn, &invitees, NewNotification {
//!     kind: NotificationKind::MeetingInvitation,
//!     title: format!("Invitation: {}", meeting.title),
//!     body: None,
//!     link: format!("/meetings/{}", meeting.id),
//!     subject: Subject::new("meeting", meeting.id),
//!     dedupe_key: format!("meeting_invitation:{}", meeting.id),
//! }).await?;
//! txn.commit(entry).await?;
//! ```
//!
//! Each recipient's settings decide whether they get it in the app, by e-mail (the outbox), both or
//! neither; the `dedupe_key` makes a repeat for the same user a no-op, so periodic jobs may run on
//! several nodes. Notifications carry no confidential text beyond what the caller puts in `title` and
//! `body`: callers must only name recipients who may read the subject (`followed::impediment_validated`
//! shows how).

pub mod action_items;
pub mod delivery;
pub mod followed;
pub mod follows;
pub mod inbox;
pub mod outbox;
pub mod periodic;
pub(crate) mod readers;
pub mod settings;
pub mod smtp;

use chrono::Utc;
use gmc_domain::notification::{EmailStatus, NotificationKind};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use uuid::Uuid;

use crate::entities::{email_outbox, notifications, users};
use crate::AppResult;

/// What a notification is about: a kind of record (`meeting`, `impediment`, …) and its id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subject {
    pub kind: &'static str,
    pub id: Option<Uuid>,
}

impl Subject {
    pub fn new(kind: &'static str, id: Uuid) -> Self {
        Self { kind, id: Some(id) }
    }
}

/// A notification to create for each recipient.
#[derive(Debug, Clone)]
pub struct NewNotification {
    pub kind: NotificationKind,
    /// One line, shown in the bell's list and as the e-mail's subject.
    pub title: String,
    pub body: Option<String>,
    /// Where the SPA opens the subject (`/impediments/…`).
    pub link: String,
    pub subject: Subject,
    /// The same key for the same user is one notification: e.g. `prep_deadline:<id>:<date>`.
    pub dedupe_key: String,
}

/// Longest title and body kept: a notification points at a record, it does not copy it.
const TITLE_MAX: usize = 300;
const BODY_MAX: usize = 2000;

fn clip(text: &str, max: usize) -> String {
    text.chars().take(max).collect()
}

/// Tells each recipient, as their settings for the kind say; returns how many in-app notifications
/// were created (repeats of a `dedupe_key` are not). Run it on the caller's transaction.
pub async fn notify<C: ConnectionTrait>(txn: &C, recipients: &[Uuid], n: NewNotification) -> AppResult<u64> {
    let mut recipients = recipients.to_vec();
    recipients.sort();
    recipients.dedup();
    if recipients.is_empty() {
        return Ok(0);
    }
    let prefs = settings::for_users(txn, &recipients, n.kind).await?;
    let now = Utc::now();
    let title = clip(&n.title, TITLE_MAX);
    let body = n.body.as_deref().map(|b| clip(b, BODY_MAX));
    let mut created = 0;
    let mut emailed = Vec::new();
    for user in recipients {
        let pref = prefs.get(&user).copied().unwrap_or_default();
        if !pref.in_app && !pref.email {
            continue;
        }
        // The row is written even when in-app is off (then already read), so that the dedupe key also
        // keeps the e-mail from going out twice.
        let row = notifications::ActiveModel {
            id: Set(Uuid::now_v7()),
            user_id: Set(user),
            kind: Set(n.kind.into()),
            title: Set(title.clone()),
            body: Set(body.clone()),
            link: Set(n.link.clone()),
            subject_kind: Set(n.subject.kind.to_owned()),
            subject_id: Set(n.subject.id),
            dedupe_key: Set(n.dedupe_key.clone()),
            created_at: Set(now),
            read_at: Set((!pref.in_app).then_some(now)),
        };
        let inserted = notifications::Entity::insert(row)
            .on_conflict(
                OnConflict::columns([notifications::Column::UserId, notifications::Column::DedupeKey])
                    .do_nothing()
                    .to_owned(),
            )
            .exec_without_returning(txn)
            .await?;
        if inserted == 0 {
            continue;
        }
        if pref.in_app {
            created += 1;
        }
        if pref.email {
            emailed.push(user);
        }
    }
    if !emailed.is_empty() {
        queue_emails(txn, &emailed, &title, body.as_deref(), &n.link).await?;
    }
    Ok(created)
}

/// One outbox row per recipient who wants the kind by e-mail; `smtp::deliver_due` sends them when the
/// server has SMTP configured. The body is the notification's own title and body (what the caller may
/// tell this recipient) and the link, nothing more.
async fn queue_emails<C: ConnectionTrait>(
    txn: &C,
    users_: &[Uuid],
    title: &str,
    body: Option<&str>,
    link: &str,
) -> AppResult<()> {
    let rows = users::Entity::find()
        .filter(users::Column::Id.is_in(users_.to_vec()))
        .filter(users::Column::Active.eq(true))
        .all(txn)
        .await?;
    let now = Utc::now();
    let text = format!("{}\n\n{}\n\nOpen: {link}\n", title, body.unwrap_or(""));
    let mails: Vec<email_outbox::ActiveModel> = rows
        .into_iter()
        .map(|u| email_outbox::ActiveModel {
            id: Set(Uuid::now_v7()),
            user_id: Set(Some(u.id)),
            to_address: Set(u.email),
            subject: Set(title.to_owned()),
            body: Set(text.clone()),
            status: Set(EmailStatus::Queued.into()),
            attempts: Set(0),
            last_error: Set(None),
            created_at: Set(now),
            sent_at: Set(None),
            claimed_at: Set(None),
            claim_token: Set(None),
            next_attempt_at: Set(None),
        })
        .collect();
    if !mails.is_empty() {
        email_outbox::Entity::insert_many(mails).exec_without_returning(txn).await?;
    }
    Ok(())
}
