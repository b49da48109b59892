//! What a user follows: topics, HS prefixes and partner markets. A newly validated impediment on any
//! of them tells the follower (`followed`), if the follower may read it.

use gmc_domain::impediment::parse_partner;
use gmc_domain::notification::{parse_hs_prefix, FollowKind, MAX_FOLLOWS_PER_KIND};
use gmc_domain::policy::{authorize, Operation};
use gmc_domain::{Actor, ValidationErrors};
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Set};
use serde::Serialize;
use serde_json::json;
use uuid::Uuid;

use crate::audit::{AuditEntry, AuditedTxn};
use crate::entities::{topics, user_follows};
use crate::services::reference_checks as checks;
use crate::AppResult;

/// A followed topic, with its code and title for display.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = FollowedTopic))]
pub struct FollowedTopic {
    pub id: Uuid,
    pub code: String,
    pub title: String,
}

/// Everything the caller follows.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = Follows))]
pub struct FollowsView {
    pub topics: Vec<FollowedTopic>,
    /// HS prefixes, 2–10 digits (`03`, `0306`).
    pub hs_prefixes: Vec<String>,
    /// Partner markets: ISO alpha-3 country codes or market groups (`EU`).
    pub partners: Vec<String>,
}

// The body of `PUT /me/follows`: the whole set (what is left out is no longer followed).
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = UpdateFollowsRequest))]
pub struct FollowsInput {
    #[serde(default)]
    pub topics: Vec<Uuid>,
    #[serde(default)]
    pub hs_prefixes: Vec<String>,
    #[serde(default)]
    pub partners: Vec<String>,
}

/// The follows of one user (any connection: the home page and the hook read them too).
pub(crate) async fn of_user<C: ConnectionTrait>(db: &C, user: Uuid) -> AppResult<Vec<user_follows::Model>> {
    Ok(user_follows::Entity::find()
        .filter(user_follows::Column::UserId.eq(user))
        .order_by_asc(user_follows::Column::FollowKind)
        .order_by_asc(user_follows::Column::Value)
        .all(db)
        .await?)
}

async fn view<C: ConnectionTrait>(db: &C, user: Uuid) -> AppResult<FollowsView> {
    let rows = of_user(db, user).await?;
    let values = |kind: FollowKind| -> Vec<String> {
        rows.iter().filter(|r| r.follow_kind == kind.as_str()).map(|r| r.value.clone()).collect()
    };
    let topic_ids: Vec<Uuid> = values(FollowKind::Topic).iter().filter_map(|v| v.parse().ok()).collect();
    let topics = topics::Entity::find()
        .filter(topics::Column::Id.is_in(topic_ids))
        .order_by_asc(topics::Column::Code)
        .all(db)
        .await?
        .into_iter()
        .map(|t| FollowedTopic { id: t.id, code: t.code, title: t.title })
        .collect();
    Ok(FollowsView { topics, hs_prefixes: values(FollowKind::HsPrefix), partners: values(FollowKind::Partner) })
}

pub async fn get(db: &DatabaseConnection, actor: &Actor) -> AppResult<FollowsView> {
    authorize(actor, Operation::ReadSelf)?;
    view(db, actor.user_id.as_uuid()).await
}

fn too_many(e: &mut ValidationErrors, field: &str, n: usize) {
    if n > MAX_FOLLOWS_PER_KIND {
        e.add(field, "too_many", format!("may name at most {MAX_FOLLOWS_PER_KIND}"));
    }
}

/// Replaces what the caller follows. Every bad code is named (`partners[2]`), and nothing is written
/// unless all are good.
pub async fn put(db: &DatabaseConnection, actor: &Actor, input: FollowsInput) -> AppResult<FollowsView> {
    authorize(actor, Operation::ManageOwnNotifications)?;
    let mut e = ValidationErrors::new();
    too_many(&mut e, "topics", input.topics.len());
    too_many(&mut e, "hs_prefixes", input.hs_prefixes.len());
    too_many(&mut e, "partners", input.partners.len());
    if !e.is_empty() {
        return Err(e.into());
    }
    let mut wanted: Vec<(FollowKind, String)> = Vec::new();
    for (i, id) in input.topics.iter().enumerate() {
        checks::topic(db, &mut e, &format!("topics[{i}]"), *id).await?;
        wanted.push((FollowKind::Topic, id.to_string()));
    }
    for (i, raw) in input.hs_prefixes.iter().enumerate() {
        if let Some(p) = e.check(&format!("hs_prefixes[{i}]"), parse_hs_prefix(raw)) {
            wanted.push((FollowKind::HsPrefix, p));
        }
    }
    for (i, raw) in input.partners.iter().enumerate() {
        let field = format!("partners[{i}]");
        if let Some(p) = e.check(&field, parse_partner(raw)) {
            checks::partner(db, &mut e, &field, &p).await?;
            wanted.push((FollowKind::Partner, p));
        }
    }
    e.finish()?;
    wanted.sort_by(|a, b| (a.0.as_str(), &a.1).cmp(&(b.0.as_str(), &b.1)));
    wanted.dedup();
    let user = actor.user_id.as_uuid();
    let txn = AuditedTxn::begin(db).await?;
    user_follows::Entity::delete_many().filter(user_follows::Column::UserId.eq(user)).exec(&txn).await?;
    let rows: Vec<user_follows::ActiveModel> = wanted
        .iter()
        .map(|(kind, value)| user_follows::ActiveModel {
            user_id: Set(user),
            follow_kind: Set(kind.as_str().to_owned()),
            value: Set(value.clone()),
        })
        .collect();
    if !rows.is_empty() {
        user_follows::Entity::insert_many(rows).exec_without_returning(&txn).await?;
    }
    let result = view(&txn, user).await?;
    let changes = json!({"topics": input.topics, "hs_prefixes": result.hs_prefixes, "partners": result.partners});
    txn.commit(AuditEntry::by(actor, "follows.update", "user", user).changes(changes)).await?;
    Ok(result)
}
