//! Matching notifications to impediments, in the import's transaction: an impediment matches when its
//! partner market is the notifying member, its HS code and one of the notification's overlap (one a
//! prefix of the other), and its MAST chapter is the agreement's (SPS ↔ A, TBT ↔ B). Matches are kept
//! (idempotently; a re-imported notification's stale ones dropped), and while the comment period is
//! open each delegation with a new match is told — only its users who may read a matched impediment,
//! and in words that name the public notification, never the impediment.
//!
//! The rule runs from both sides: when notifications are imported (`match_written`) and when an
//! impediment is filed or its partner, HS code or measure changes (`match_impediment`), so an obstacle
//! reported after the notification still reaches its delegation while comments can be made.

use std::collections::{BTreeMap, HashSet};

use chrono::Utc;
use gmc_domain::notification::NotificationKind;
use gmc_domain::wto::{hs_overlap, Agreement};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use uuid::Uuid;

use super::hs_list;
use super::import::Written;
use crate::entities::{impediments, users, wto_notification_matches as matches, wto_notifications};
use crate::services::notifications::readers::readers;
use crate::services::notifications::{notify, NewNotification, Subject};
use crate::AppResult;

/// Matches the notifications `written` names (then forgets them), alerting as the module says.
pub(crate) async fn match_written<C: ConnectionTrait>(db: &C, written: &mut Written) -> AppResult<()> {
    let mut ids = std::mem::take(&mut written.ids);
    ids.sort();
    ids.dedup();
    if ids.is_empty() {
        return Ok(());
    }
    for n in wto_notifications::Entity::find().filter(wto_notifications::Column::Id.is_in(ids)).all(db).await? {
        match_one(db, &n).await?;
    }
    Ok(())
}

/// Matches one impediment (just written) to the notifications of its partner and agreement: new
/// matches kept and, while their comment period is open, alerted as `match_one` does; matches that no
/// longer hold (the impediment changed) dropped.
pub(crate) async fn match_impediment<C: ConnectionTrait>(db: &C, i: &impediments::Model) -> AppResult<()> {
    let found: Vec<wto_notifications::Model> = match (Agreement::for_mast_chapter(&i.ntm_chapter), &i.hs_code) {
        (Some(agreement), Some(hs)) => wto_notifications::Entity::find()
            .filter(wto_notifications::Column::NotifyingMember.eq(i.partner.as_str()))
            .filter(wto_notifications::Column::Agreement.eq(agreement.as_str()))
            .all(db)
            .await?
            .into_iter()
            .filter(|n| hs_overlap(&hs_list(&n.hs_codes), &[hs]))
            .collect(),
        _ => Vec::new(),
    };
    let kept: HashSet<Uuid> = matches::Entity::find()
        .filter(matches::Column::ImpedimentId.eq(i.id))
        .all(db)
        .await?
        .into_iter()
        .map(|m| m.notification_id)
        .collect();
    let now_matching: HashSet<Uuid> = found.iter().map(|n| n.id).collect();
    let stale: Vec<Uuid> = kept.difference(&now_matching).copied().collect();
    if !stale.is_empty() {
        matches::Entity::delete_many()
            .filter(matches::Column::ImpedimentId.eq(i.id))
            .filter(matches::Column::NotificationId.is_in(stale))
            .exec(db)
            .await?;
    }
    let now = Utc::now();
    for n in found.iter().filter(|n| !kept.contains(&n.id)) {
        matches::ActiveModel {
            notification_id: Set(n.id),
            impediment_id: Set(i.id),
            delegation_id: Set(i.delegation_id),
            matched_on: Set(now),
        }
        .insert(db)
        .await?;
        if n.comment_deadline.is_some_and(|d| d >= now.date_naive()) {
            alert(db, n, i.delegation_id, &[i.id]).await?;
        }
    }
    Ok(())
}

/// The impediments `n` matches.
async fn matching<C: ConnectionTrait>(db: &C, n: &wto_notifications::Model) -> AppResult<Vec<impediments::Model>> {
    let codes = hs_list(&n.hs_codes);
    if codes.is_empty() {
        return Ok(Vec::new());
    }
    let candidates = impediments::Entity::find()
        .filter(impediments::Column::Partner.eq(n.notifying_member.as_str()))
        .filter(impediments::Column::NtmChapter.eq(n.agreement.0.mast_chapter()))
        .filter(impediments::Column::HsCode.is_not_null())
        .all(db)
        .await?;
    Ok(candidates.into_iter().filter(|i| i.hs_code.as_ref().is_some_and(|h| hs_overlap(&codes, &[h]))).collect())
}

async fn match_one<C: ConnectionTrait>(db: &C, n: &wto_notifications::Model) -> AppResult<()> {
    let found = matching(db, n).await?;
    let kept: HashSet<Uuid> = matches::Entity::find()
        .filter(matches::Column::NotificationId.eq(n.id))
        .all(db)
        .await?
        .into_iter()
        .map(|m| m.impediment_id)
        .collect();
    let now_matching: HashSet<Uuid> = found.iter().map(|i| i.id).collect();
    let stale: Vec<Uuid> = kept.difference(&now_matching).copied().collect();
    if !stale.is_empty() {
        matches::Entity::delete_many()
            .filter(matches::Column::NotificationId.eq(n.id))
            .filter(matches::Column::ImpedimentId.is_in(stale))
            .exec(db)
            .await?;
    }
    let now = Utc::now();
    // New matches, by delegation (ordered, so alerts are written in a stable order).
    let mut new: BTreeMap<Uuid, Vec<Uuid>> = BTreeMap::new();
    for i in found.into_iter().filter(|i| !kept.contains(&i.id)) {
        matches::ActiveModel {
            notification_id: Set(n.id),
            impediment_id: Set(i.id),
            delegation_id: Set(i.delegation_id),
            matched_on: Set(now),
        }
        .insert(db)
        .await?;
        new.entry(i.delegation_id).or_default().push(i.id);
    }
    let open = n.comment_deadline.is_some_and(|d| d >= now.date_naive());
    if open {
        for (delegation, impediments) in new {
            alert(db, n, delegation, &impediments).await?;
        }
    }
    Ok(())
}

/// Tells `delegation`'s users who may read one of its newly matched `impediment_ids` (once per
/// notification and delegation: the dedupe key).
async fn alert<C: ConnectionTrait>(
    db: &C,
    n: &wto_notifications::Model,
    delegation: Uuid,
    impediment_ids: &[Uuid],
) -> AppResult<()> {
    let members: Vec<Uuid> = users::Entity::find()
        .filter(users::Column::DelegationId.eq(delegation))
        .filter(users::Column::Active.eq(true))
        .all(db)
        .await?
        .into_iter()
        .map(|u| u.id)
        .collect();
    let mut recipients: Vec<Uuid> = Vec::new();
    for id in impediment_ids {
        recipients.extend(readers::<impediments::Model, C>(db, *id, &members).await?);
    }
    let deadline = n.comment_deadline.map(|d| d.to_string()).unwrap_or_default();
    let note = NewNotification {
        kind: NotificationKind::WtoNotificationMatch,
        title: format!("WTO {} ({}) matches your impediments: comments by {deadline}", n.symbol, n.notifying_member),
        body: Some(n.title.clone()),
        link: format!("/wto-notifications/{}", n.id),
        subject: Subject::new("wto_notification", n.id),
        dedupe_key: format!("wto_notification_match:{}:{delegation}", n.id),
    };
    notify(db, &recipients, note).await?;
    Ok(())
}
