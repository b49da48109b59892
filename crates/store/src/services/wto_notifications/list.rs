//! Listing and reading notifications: public WTO data for every signed-in role. What a notification
//! tells of the caller's impediments goes through the impediments' own `read_condition`, so a match
//! to an impediment the caller may not read is neither shown nor counted.

use std::collections::HashMap;

use chrono::Utc;
use gmc_domain::policy::{authorize, Operation};
use gmc_domain::wto::Agreement;
use gmc_domain::{Actor, ValidationErrors};
use sea_orm::sea_query::Condition;
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use super::view::{view, WtoMatchView, WtoNotificationDetail, WtoNotificationView};
use crate::cursor::{Key, KeyValue, Page, Paging, Sort};
use crate::entities::{impediments, wto_notification_matches as matches, wto_notifications as wto};
use crate::services::visibility::read_condition;
use crate::{AppError, AppResult};

#[derive(Debug, Default, Clone)]
pub struct WtoFilter {
    /// `sps` or `tbt`.
    pub agreement: Option<String>,
    /// The notifying member's code (`EU`, `USA`).
    pub member: Option<String>,
    /// Only notifications whose comment period is open (`true`) or closed or unknown (`false`).
    pub open: Option<bool>,
    /// An HS prefix: notifications listing a code that starts with it.
    pub hs: Option<String>,
    pub sort: Option<String>,
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

crate::sort_fields!(
    /// What notifications may be sorted by.
    WtoSort {
        DistributedOn => "distributed_on",
        CommentDeadline => "comment_deadline",
        Symbol => "symbol",
    }
);

fn sort_key(field: WtoSort) -> Key<wto::Column> {
    match field {
        WtoSort::DistributedOn => Key::date(wto::Column::DistributedOn),
        WtoSort::CommentDeadline => Key::date(wto::Column::CommentDeadline).nullable(),
        WtoSort::Symbol => Key::text(wto::Column::Symbol),
    }
}

fn sort_value(field: Option<WtoSort>, n: &wto::Model) -> KeyValue {
    match field {
        None => KeyValue::Null,
        Some(WtoSort::DistributedOn) => KeyValue::Date(n.distributed_on),
        Some(WtoSort::CommentDeadline) => n.comment_deadline.map_or(KeyValue::Null, KeyValue::Date),
        Some(WtoSort::Symbol) => KeyValue::Text(n.symbol.clone()),
    }
}

/// The matched impediments of `ids` the actor may read, with when each matched.
async fn readable_matches<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    ids: Vec<Uuid>,
) -> AppResult<Vec<(matches::Model, impediments::Model)>> {
    let found = matches::Entity::find().filter(matches::Column::NotificationId.is_in(ids)).all(db).await?;
    let impediment_ids: Vec<Uuid> = found.iter().map(|m| m.impediment_id).collect();
    let readable: HashMap<Uuid, impediments::Model> = impediments::Entity::find()
        .filter(impediments::Column::Id.is_in(impediment_ids))
        .filter(read_condition(actor, impediments::Column::Visibility, impediments::Column::DelegationId))
        .order_by_asc(impediments::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|i| (i.id, i))
        .collect();
    Ok(found.into_iter().filter_map(|m| readable.get(&m.impediment_id).cloned().map(|i| (m, i))).collect())
}

/// An HS prefix filter: 2 to 6 digits.
fn hs_prefix(value: &str) -> Result<String, gmc_domain::error::FieldProblem> {
    let v: String = value.trim().chars().filter(|c| *c != '.').collect();
    if (2..=6).contains(&v.len()) && v.bytes().all(|b| b.is_ascii_digit()) {
        Ok(v)
    } else {
        Err(gmc_domain::error::FieldProblem::new("invalid_format", "must be 2 to 6 digits"))
    }
}

pub async fn list(db: &DatabaseConnection, actor: &Actor, f: WtoFilter) -> AppResult<Page<WtoNotificationView>> {
    authorize(actor, Operation::ReadReference)?;
    let mut e = ValidationErrors::new();
    let filters = WtoFilter { sort: None, limit: None, cursor: None, ..f.clone() };
    let newest = Sort { field: Some(WtoSort::DistributedOn), descending: true };
    let paging = Paging::check(&mut e, (f.limit, f.sort.as_deref(), f.cursor.as_deref()), newest, &filters);
    let agreement = f.agreement.as_deref().and_then(|a| {
        e.check(
            "agreement",
            a.trim()
                .to_ascii_lowercase()
                .parse::<Agreement>()
                .map_err(|m| gmc_domain::error::FieldProblem::new("invalid_choice", m)),
        )
    });
    let hs = f.hs.as_deref().and_then(|h| e.check("hs", hs_prefix(h)));
    let Some(paging) = paging else {
        return Err(e.into());
    };
    e.finish()?;
    let today = Utc::now().date_naive();
    let mut query = wto::Entity::find();
    if let Some(a) = agreement {
        query = query.filter(wto::Column::Agreement.eq(a.as_str()));
    }
    if let Some(m) = f.member.as_deref() {
        query = query.filter(wto::Column::NotifyingMember.eq(m.trim().to_ascii_uppercase()));
    }
    match f.open {
        Some(true) => query = query.filter(wto::Column::CommentDeadline.gte(today)),
        Some(false) => {
            let closed = Condition::any()
                .add(wto::Column::CommentDeadline.is_null())
                .add(wto::Column::CommentDeadline.lt(today));
            query = query.filter(closed);
        }
        None => {}
    }
    if let Some(h) = &hs {
        // Codes are stored space-separated: the prefix starts the list or follows a space.
        let at = Condition::any()
            .add(wto::Column::HsCodes.starts_with(h.as_str()))
            .add(wto::Column::HsCodes.contains(format!(" {h}")));
        query = query.filter(at);
    }
    let total = paging.total(db, &query).await?;
    let field = paging.sort.field;
    let query = paging.seek(query, db.get_database_backend(), field.map(sort_key), wto::Column::Id)?;
    let (rows, next_cursor) = paging.split(query.all(db).await?, |n| (sort_value(field, n), n.id));
    let mut counts: HashMap<Uuid, u64> = HashMap::new();
    for (m, _) in readable_matches(db, actor, rows.iter().map(|n| n.id).collect()).await? {
        *counts.entry(m.notification_id).or_default() += 1;
    }
    let items = rows
        .into_iter()
        .map(|n| {
            let c = counts.get(&n.id).copied().unwrap_or_default();
            view(n, today, c)
        })
        .collect();
    Ok(Page { items, next_cursor, total })
}

pub async fn get(db: &DatabaseConnection, actor: &Actor, id: Uuid) -> AppResult<WtoNotificationDetail> {
    authorize(actor, Operation::ReadReference)?;
    let n = wto::Entity::find_by_id(id).one(db).await?.ok_or(AppError::NotFound("WTO notification"))?;
    let found = readable_matches(db, actor, vec![id]).await?;
    let matches: Vec<WtoMatchView> = found
        .into_iter()
        .map(|(m, i)| WtoMatchView {
            impediment_id: i.id,
            delegation_id: i.delegation_id,
            title: i.title,
            partner: i.partner,
            hs_code: i.hs_code,
            ntm_code: i.ntm_code,
            matched_on: m.matched_on,
        })
        .collect();
    let count = u64::try_from(matches.len()).unwrap_or(u64::MAX);
    Ok(WtoNotificationDetail { notification: view(n, Utc::now().date_naive(), count), matches })
}
