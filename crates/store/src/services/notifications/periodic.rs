//! The time-driven notifications, run by the server every `notify_interval_secs` (see
//! `gmc_api::jobs`). Each is idempotent through the dedupe key, so running it twice, or on several
//! nodes at once, tells nobody twice.

use std::collections::HashSet;

use chrono::{Days, NaiveDate};
use gmc_domain::meeting::ActionStatus;
use gmc_domain::notification::NotificationKind;
use gmc_domain::prep::PrepStatus;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use uuid::Uuid;

use super::readers::readers;
use super::{notify, NewNotification, Subject};
use crate::audit::{AuditEntry, AuditedTxn};
use crate::entities::{action_items, notifications, prep_items};
use crate::AppResult;

/// How far ahead a prep deadline is announced.
pub const PREP_DEADLINE_DAYS: u64 = 7;

/// What one run created.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RunReport {
    pub prep_deadlines: u64,
    pub overdue_action_items: u64,
}

/// Runs every periodic notification for `today` (the server passes the UTC date).
pub async fn run(db: &DatabaseConnection, today: NaiveDate) -> AppResult<RunReport> {
    let prep_deadlines = prep_deadlines(db, today).await?;
    let overdue_action_items = overdue_action_items(db, today).await?;
    Ok(RunReport { prep_deadlines, overdue_action_items })
}

/// `prep_deadline` for each open prep item due within `PREP_DEADLINE_DAYS` (or overdue), to its
/// responsible officer if they may read it. One per item and deadline: a moved deadline is announced
/// again.
pub async fn prep_deadlines(db: &DatabaseConnection, today: NaiveDate) -> AppResult<u64> {
    let until = today.checked_add_days(Days::new(PREP_DEADLINE_DAYS)).unwrap_or(today);
    let open: Vec<&str> = PrepStatus::ALL.iter().filter(|s| !s.is_final()).map(|s| s.as_str()).collect();
    let due = prep_items::Entity::find()
        .filter(prep_items::Column::Deadline.lte(until))
        .filter(prep_items::Column::ResponsibleUserId.is_not_null())
        .filter(prep_items::Column::Status.is_in(open))
        .all(db)
        .await?;
    let key = |item: &prep_items::Model| item.deadline.map(|d| format!("prep_deadline:{}:{d}", item.id));
    // Most runs find every due item already announced: they then write nothing, not even an audit event.
    let keys: Vec<String> = due.iter().filter_map(key).collect();
    let told: HashSet<(Uuid, String)> = notifications::Entity::find()
        .filter(notifications::Column::Kind.eq(NotificationKind::PrepDeadline.as_str()))
        .filter(notifications::Column::DedupeKey.is_in(keys))
        .all(db)
        .await?
        .into_iter()
        .map(|n| (n.user_id, n.dedupe_key))
        .collect();
    let fresh: Vec<&prep_items::Model> = due
        .iter()
        .filter(|i| match (i.responsible_user_id, key(i)) {
            (Some(u), Some(k)) => !told.contains(&(u, k)),
            _ => false,
        })
        .collect();
    if fresh.is_empty() {
        return Ok(0);
    }
    let txn = AuditedTxn::begin(db).await?;
    let mut created = 0;
    for item in fresh {
        let (Some(responsible), Some(deadline)) = (item.responsible_user_id, item.deadline) else {
            continue;
        };
        // The responsible officer normally reads the item; one who no longer may is not told its title.
        if readers::<prep_items::Model, _>(&txn, item.id, &[responsible]).await?.is_empty() {
            continue;
        }
        let when = if deadline < today { "was due" } else { "is due" };
        let n = NewNotification {
            kind: NotificationKind::PrepDeadline,
            title: format!("{} {when} on {deadline}", item.title),
            body: None,
            link: format!("/prep-items/{}", item.id),
            subject: Subject::new("prep_item", item.id),
            dedupe_key: key(item).unwrap_or_default(),
        };
        created += notify(&txn, &[responsible], n).await?;
    }
    let entry = AuditEntry::by_label("notification.periodic", "notification", "system")
        .changes(serde_json::json!({"kind": "prep_deadline", "created": created, "today": today}));
    txn.commit(entry).await?;
    Ok(created)
}

/// `action_item_overdue` to the owner of each open action item whose due date has passed. One per item
/// and due date (`action_item_overdue:<id>:<due>`): a moved due date that passes again is told again.
/// The owner always reads their own item (`meetings::actions::readable`), so its title may be told.
pub async fn overdue_action_items(db: &DatabaseConnection, today: NaiveDate) -> AppResult<u64> {
    let overdue = action_items::Entity::find()
        .filter(action_items::Column::DueOn.lt(today))
        .filter(action_items::Column::Status.eq(ActionStatus::Open.as_str()))
        .all(db)
        .await?;
    let key = |item: &action_items::Model| format!("action_item_overdue:{}:{}", item.id, item.due_on);
    // As for prep deadlines: a run that finds everything told writes nothing.
    let told: HashSet<(Uuid, String)> = notifications::Entity::find()
        .filter(notifications::Column::Kind.eq(NotificationKind::ActionItemOverdue.as_str()))
        .filter(notifications::Column::DedupeKey.is_in(overdue.iter().map(key)))
        .all(db)
        .await?
        .into_iter()
        .map(|n| (n.user_id, n.dedupe_key))
        .collect();
    let fresh: Vec<&action_items::Model> =
        overdue.iter().filter(|i| !told.contains(&(i.owner_user_id, key(i)))).collect();
    if fresh.is_empty() {
        return Ok(0);
    }
    let txn = AuditedTxn::begin(db).await?;
    let mut created = 0;
    for item in fresh {
        let n = NewNotification {
            kind: NotificationKind::ActionItemOverdue,
            title: format!("Overdue since {}: {}", item.due_on, item.title),
            body: None,
            link: super::action_items::link(item),
            subject: Subject::new("action_item", item.id),
            dedupe_key: key(item),
        };
        created += notify(&txn, &[item.owner_user_id], n).await?;
    }
    let entry = AuditEntry::by_label("notification.periodic", "notification", "system")
        .changes(serde_json::json!({"kind": "action_item_overdue", "created": created, "today": today}));
    txn.commit(entry).await?;
    Ok(created)
}
