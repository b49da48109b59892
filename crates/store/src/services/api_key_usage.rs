//! Requests per API key per UTC day. The API counts requests in memory and each node adds its counts
//! here in one batch per flush (`add`), so the hot path never writes; a read (`usage`, the key list's
//! totals) shows what has been flushed, and the usage route flushes its own node first.

use std::collections::HashMap;

use chrono::{Duration, NaiveDate, Utc};
use gmc_domain::policy::{authorize, reaches_all_api_keys, Operation};
use gmc_domain::Actor;
use sea_orm::sea_query::{Expr, OnConflict, Query, SimpleExpr};
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};
use serde::Serialize;
use uuid::Uuid;

use crate::entities::{api_key_usage, api_keys};
use crate::{AppError, AppResult};

/// How many days of usage a key's usage answer covers (today included).
pub const USAGE_DAYS: i64 = 30;

/// One day of a key's usage.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApiKeyUsageDay {
    /// The UTC day.
    pub day: NaiveDate,
    pub requests: u64,
}

/// A key's usage over the last 30 UTC days, days without requests left out, oldest first.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApiKeyUsageView {
    pub api_key_id: Uuid,
    /// The key's budget in requests per minute; none: the server's default.
    pub requests_per_minute: Option<u32>,
    pub requests_today: u64,
    pub requests_last_30_days: u64,
    pub days: Vec<ApiKeyUsageDay>,
}

/// Adds counts of requests (key, UTC day, requests) to the stored totals, in one statement per batch.
pub async fn add(db: &DatabaseConnection, counts: &HashMap<(Uuid, NaiveDate), u64>) -> AppResult<()> {
    use api_key_usage::Column;
    let rows: Vec<_> = counts.iter().filter(|(_, n)| **n > 0).collect();
    for chunk in rows.chunks(200) {
        let mut insert = Query::insert();
        insert.into_table(api_key_usage::Entity).columns([Column::ApiKeyId, Column::Day, Column::Requests]);
        for ((key, day), n) in chunk {
            let n = i64::try_from(**n).unwrap_or(i64::MAX);
            let values: [SimpleExpr; 3] = [(*key).into(), (*day).into(), n.into()];
            insert.values(values).map_err(|e| AppError::Internal(e.into()))?;
        }
        insert.on_conflict(
            OnConflict::columns([Column::ApiKeyId, Column::Day])
                .value(Column::Requests, Expr::cust("\"api_key_usage\".\"requests\" + \"excluded\".\"requests\""))
                .to_owned(),
        );
        let _gate = crate::db::write_gate(db).await;
        db.execute(db.get_database_backend().build(&insert)).await?;
    }
    Ok(())
}

/// Per key of `ids`: (requests today, requests over the last 30 days).
pub(crate) async fn totals<C: ConnectionTrait>(db: &C, ids: &[Uuid]) -> AppResult<HashMap<Uuid, (u64, u64)>> {
    let today = Utc::now().date_naive();
    let mut out: HashMap<Uuid, (u64, u64)> = HashMap::new();
    if ids.is_empty() {
        return Ok(out);
    }
    let rows = api_key_usage::Entity::find()
        .filter(api_key_usage::Column::ApiKeyId.is_in(ids.iter().copied()))
        .filter(api_key_usage::Column::Day.gt(today - Duration::days(USAGE_DAYS)))
        .all(db)
        .await?;
    for r in rows {
        let n = u64::try_from(r.requests).unwrap_or(0);
        let e = out.entry(r.api_key_id).or_default();
        e.1 += n;
        if r.day == today {
            e.0 += n;
        }
    }
    Ok(out)
}

/// A key's usage: its owner's, or any key's for admins with a session (the key list's reach). Someone
/// else's key is "not found".
pub async fn usage(db: &DatabaseConnection, actor: &Actor, id: Uuid) -> AppResult<ApiKeyUsageView> {
    authorize(actor, Operation::ListApiKeys)?;
    let key = api_keys::Entity::find_by_id(id)
        .one(db)
        .await?
        .filter(|k| reaches_all_api_keys(actor) || k.user_id == actor.user_id.as_uuid())
        .ok_or(AppError::NotFound("api key"))?;
    let today = Utc::now().date_naive();
    let rows = api_key_usage::Entity::find()
        .filter(api_key_usage::Column::ApiKeyId.eq(id))
        .filter(api_key_usage::Column::Day.gt(today - Duration::days(USAGE_DAYS)))
        .order_by_asc(api_key_usage::Column::Day)
        .all(db)
        .await?;
    let days: Vec<ApiKeyUsageDay> = rows
        .into_iter()
        .map(|r| ApiKeyUsageDay { day: r.day, requests: u64::try_from(r.requests).unwrap_or(0) })
        .collect();
    Ok(ApiKeyUsageView {
        api_key_id: id,
        requests_per_minute: key.requests_per_minute.and_then(|n| u32::try_from(n).ok()),
        requests_today: days.iter().filter(|d| d.day == today).map(|d| d.requests).sum(),
        requests_last_30_days: days.iter().map(|d| d.requests).sum(),
        days,
    })
}

/// A key's stored budget (none: the server's default); none too for an unknown key.
pub async fn budget_of(db: &DatabaseConnection, id: Uuid) -> AppResult<Option<u32>> {
    let key = api_keys::Entity::find_by_id(id).one(db).await?;
    Ok(key.and_then(|k| k.requests_per_minute).and_then(|n| u32::try_from(n).ok()))
}
