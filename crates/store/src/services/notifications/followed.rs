//! The impediment workflow's hook: when an impediment becomes `validated`, everyone who follows one
//! of its topics, its HS code (by prefix) or its partner market is told — but only those who may read
//! it, decided by the same policy as every read (a confidential impediment of one delegation never
//! reaches another delegation's officers, not even as a title in a bell).

use gmc_domain::notification::{hs_prefixes_of, FollowKind, NotificationKind};
use sea_orm::sea_query::Condition;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use super::readers::readers;
use super::{notify, NewNotification, Subject};
use crate::entities::{impediment_topics, impediments, user_follows};
use crate::AppResult;

/// Who follows something this impediment is about (ids of users, unfiltered by what they may read).
async fn followers<C: ConnectionTrait>(db: &C, row: &impediments::Model) -> AppResult<Vec<Uuid>> {
    let topics: Vec<String> = impediment_topics::Entity::find()
        .filter(impediment_topics::Column::ImpedimentId.eq(row.id))
        .all(db)
        .await?
        .into_iter()
        .map(|t| t.topic_id.to_string())
        .collect();
    let of = |kind: FollowKind, values: Vec<String>| {
        Condition::all()
            .add(user_follows::Column::FollowKind.eq(kind.as_str()))
            .add(user_follows::Column::Value.is_in(values))
    };
    let mut any =
        Condition::any().add(of(FollowKind::Topic, topics)).add(of(FollowKind::Partner, vec![row.partner.clone()]));
    if let Some(hs) = &row.hs_code {
        any = any.add(of(FollowKind::HsPrefix, hs_prefixes_of(hs)));
    }
    let mut ids: Vec<Uuid> =
        user_follows::Entity::find().filter(any).all(db).await?.into_iter().map(|f| f.user_id).collect();
    ids.sort();
    ids.dedup();
    Ok(ids)
}

/// Called by `impediments::steps::step` in its transaction when an impediment becomes `validated`.
/// Returns how many were told.
pub async fn impediment_validated<C: ConnectionTrait>(txn: &C, row: &impediments::Model) -> AppResult<u64> {
    let candidates = followers(txn, row).await?;
    let recipients = readers::<impediments::Model, C>(txn, row.id, &candidates).await?;
    let n = NewNotification {
        kind: NotificationKind::FollowedImpediment,
        title: format!("Validated impediment you follow: {}", row.title),
        body: Some(format!("{} · {} · partner {}", row.reporting_country, row.ntm_code, row.partner)),
        link: format!("/impediments/{}", row.id),
        subject: Subject::new("impediment", row.id),
        dedupe_key: format!("followed_impediment:{}", row.id),
    };
    notify(txn, &recipients, n).await
}
