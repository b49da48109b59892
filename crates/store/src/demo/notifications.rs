//! Demo follows and notifications for the demo delegates: what each follows, and a few notifications
//! about their own delegation's records (some read, some unread), so the bell, the notifications page
//! and the home page have something to show. Only records the recipient may read are named: each
//! delegate is told about their own delegation's validated impediments and prep items. Idempotent
//! through the dedupe keys and the follows' primary key.

use chrono::Utc;
use gmc_domain::impediment::ImpedimentStatus;
use gmc_domain::notification::{FollowKind, NotificationKind};
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::audit::{AuditedTxn, Unaudited};
use crate::entities::{impediments, notifications, prep_items, topics, user_follows, users};
use crate::services::notifications::{notify, NewNotification, Subject};
use crate::AppResult;

/// (delegate's e-mail, topic codes, HS prefixes, partners) a demo delegate follows.
type Follows = (&'static str, &'static [&'static str], &'static [&'static str], &'static [&'static str]);

const FOLLOWS: &[Follows] = &[
    ("delegate.bgd@gmc.test", &["FISH"], &["03", "61"], &["EU"]),
    ("delegate.npl@gmc.test", &["ECOM-MORA"], &["09"], &["IND", "USA"]),
];

/// How many of each delegate's demo notifications are left unread (the rest are read).
const UNREAD: usize = 3;

pub async fn seed(db: &DatabaseConnection) -> AppResult<()> {
    let txn = AuditedTxn::begin(db).await?;
    for (email, topic_codes, hs, partners) in FOLLOWS {
        let Some(user) = users::Entity::find().filter(users::Column::Email.eq(*email)).one(&txn).await? else {
            continue;
        };
        let topic_ids =
            topics::Entity::find().filter(topics::Column::Code.is_in(topic_codes.to_vec())).all(&txn).await?;
        let mut rows: Vec<user_follows::ActiveModel> = Vec::new();
        let mut add = |kind: FollowKind, value: String| {
            rows.push(user_follows::ActiveModel {
                user_id: Set(user.id),
                follow_kind: Set(kind.as_str().to_owned()),
                value: Set(value),
            });
        };
        topic_ids.iter().for_each(|t| add(FollowKind::Topic, t.id.to_string()));
        hs.iter().for_each(|p| add(FollowKind::HsPrefix, (*p).to_owned()));
        partners.iter().for_each(|p| add(FollowKind::Partner, (*p).to_owned()));
        let keys = [user_follows::Column::UserId, user_follows::Column::FollowKind, user_follows::Column::Value];
        user_follows::Entity::insert_many(rows)
            .on_conflict(OnConflict::columns(keys).do_nothing().to_owned())
            .exec_without_returning(&txn)
            .await?;

        let Some(delegation) = user.delegation_id else { continue };
        let own_impediments = impediments::Entity::find()
            .filter(impediments::Column::DelegationId.eq(delegation))
            .filter(impediments::Column::Status.eq(ImpedimentStatus::Validated.as_str()))
            .order_by_asc(impediments::Column::Id)
            .limit(4)
            .all(&txn)
            .await?;
        let own_items = prep_items::Entity::find()
            .filter(prep_items::Column::DelegationId.eq(delegation))
            .order_by_asc(prep_items::Column::Id)
            .limit(2)
            .all(&txn)
            .await?;
        let mut told = Vec::new();
        for i in &own_impediments {
            told.push(NewNotification {
                kind: NotificationKind::FollowedImpediment,
                title: format!("Validated impediment you follow: {}", i.title),
                body: Some(format!("{} · {} · partner {}", i.reporting_country, i.ntm_code, i.partner)),
                link: format!("/impediments/{}", i.id),
                subject: Subject::new("impediment", i.id),
                dedupe_key: format!("demo:followed_impediment:{}", i.id),
            });
        }
        for p in &own_items {
            told.push(NewNotification {
                kind: NotificationKind::PrepDeadline,
                title: format!("{} needs your attention before the ministerial", p.title),
                body: None,
                link: format!("/prep-items/{}", p.id),
                subject: Subject::new("prep_item", p.id),
                dedupe_key: format!("demo:prep_deadline:{}", p.id),
            });
        }
        let total = told.len();
        for n in told {
            notify(&txn, &[user.id], n).await?;
        }
        // The oldest are read: the bell shows a few unread, the list shows both states.
        let read: Vec<uuid::Uuid> = notifications::Entity::find()
            .filter(notifications::Column::UserId.eq(user.id))
            .filter(notifications::Column::DedupeKey.starts_with("demo:"))
            .order_by_asc(notifications::Column::Id)
            .limit(total.saturating_sub(UNREAD) as u64)
            .all(&txn)
            .await?
            .into_iter()
            .map(|n| n.id)
            .collect();
        notifications::Entity::update_many()
            .col_expr(notifications::Column::ReadAt, Expr::value(Utc::now()))
            .filter(notifications::Column::Id.is_in(read))
            .filter(notifications::Column::ReadAt.is_null())
            .exec(&txn)
            .await?;
    }
    txn.commit_unaudited(Unaudited::DemoData).await
}
