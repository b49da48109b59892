//! Action items tell their owner (issue 10): when one is assigned to them (created, or its owner
//! changed), in the write's own transaction, and when it is overdue (`periodic`). The owner always
//! reads their own action item (`meetings::actions::readable`), so its title may be told to them.

use gmc_domain::notification::NotificationKind;
use gmc_domain::Actor;
use sea_orm::ConnectionTrait;

use super::{notify, NewNotification, Subject};
use crate::entities::action_items;
use crate::AppResult;

/// The link the SPA opens for an action item: its meeting, where the items are listed.
pub(crate) fn link(item: &action_items::Model) -> String {
    format!("/meetings/{}", item.meeting_id)
}

/// Tells `item`'s owner it is now theirs, unless they assigned it to themselves. Call it on the
/// transaction that creates the item or changes its owner, after the write. The version is in the key,
/// so an item handed back to an earlier owner tells them again.
pub async fn assigned<C: ConnectionTrait>(txn: &C, actor: &Actor, item: &action_items::Model) -> AppResult<u64> {
    if item.owner_user_id == actor.user_id.as_uuid() {
        return Ok(0);
    }
    let n = NewNotification {
        kind: NotificationKind::ActionItemAssigned,
        title: format!("Assigned to you: {} (due {})", item.title, item.due_on),
        body: None,
        link: link(item),
        subject: Subject::new("action_item", item.id),
        dedupe_key: format!("action_item_assigned:{}:{}", item.id, item.version),
    };
    notify(txn, &[item.owner_user_id], n).await
}
