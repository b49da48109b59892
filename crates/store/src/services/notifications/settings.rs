//! Per-kind preferences: in the app on or off, by e-mail on or off. A kind without a stored row has
//! the defaults (`DEFAULT_IN_APP`, `DEFAULT_EMAIL`), so only choices are stored.

use std::collections::HashMap;

use gmc_domain::notification::{NotificationKind, DEFAULT_EMAIL, DEFAULT_IN_APP};
use gmc_domain::policy::{authorize, Operation};
use gmc_domain::{Actor, ValidationErrors};
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};
use serde::Serialize;
use serde_json::json;
use uuid::Uuid;

use crate::audit::{AuditEntry, AuditedTxn};
use crate::entities::notification_settings as rows;
use crate::AppResult;

/// How one user wants one kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Preference {
    pub in_app: bool,
    pub email: bool,
}

impl Default for Preference {
    fn default() -> Self {
        Preference { in_app: DEFAULT_IN_APP, email: DEFAULT_EMAIL }
    }
}

/// The stored choices of these users for one kind (users absent from the map have the defaults).
pub(crate) async fn for_users<C: ConnectionTrait>(
    db: &C,
    users: &[Uuid],
    kind: NotificationKind,
) -> AppResult<HashMap<Uuid, Preference>> {
    Ok(rows::Entity::find()
        .filter(rows::Column::UserId.is_in(users.to_vec()))
        .filter(rows::Column::Kind.eq(kind.as_str()))
        .all(db)
        .await?
        .into_iter()
        .map(|r| (r.user_id, Preference { in_app: r.in_app, email: r.email }))
        .collect())
}

/// One kind's setting, as `GET /me/notification-settings` lists it and `PUT` takes it.
#[derive(Debug, Clone, Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = NotificationSetting))]
pub struct KindSetting {
    pub kind: NotificationKind,
    /// Shown in the bell and the notifications page.
    pub in_app: bool,
    /// Sent by e-mail (when the server has SMTP configured; otherwise queued in the outbox).
    pub email: bool,
}

/// Every kind, with the caller's choice or the default.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = NotificationSettings))]
pub struct SettingsView {
    pub items: Vec<KindSetting>,
}

// The body of `PUT /me/notification-settings`: the kinds to set (others keep their setting).
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = UpdateNotificationSettingsRequest))]
pub struct SettingsInput {
    pub items: Vec<KindSetting>,
}

pub async fn get(db: &DatabaseConnection, actor: &Actor) -> AppResult<SettingsView> {
    authorize(actor, Operation::ReadSelf)?;
    view(db, actor.user_id.as_uuid()).await
}

async fn view<C: ConnectionTrait>(db: &C, user: Uuid) -> AppResult<SettingsView> {
    let stored: HashMap<String, rows::Model> = rows::Entity::find()
        .filter(rows::Column::UserId.eq(user))
        .all(db)
        .await?
        .into_iter()
        .map(|r| (r.kind.clone(), r))
        .collect();
    let items = NotificationKind::ALL
        .iter()
        .map(|&kind| match stored.get(kind.as_str()) {
            Some(r) => KindSetting { kind, in_app: r.in_app, email: r.email },
            None => KindSetting { kind, in_app: DEFAULT_IN_APP, email: DEFAULT_EMAIL },
        })
        .collect();
    Ok(SettingsView { items })
}

pub async fn put(db: &DatabaseConnection, actor: &Actor, input: SettingsInput) -> AppResult<SettingsView> {
    authorize(actor, Operation::ManageOwnNotifications)?;
    let mut e = ValidationErrors::new();
    let mut seen = std::collections::HashSet::new();
    for (i, s) in input.items.iter().enumerate() {
        if !seen.insert(s.kind) {
            e.add(&format!("items[{i}].kind"), "duplicate", "names a kind already set in this request");
        }
    }
    e.finish()?;
    let user = actor.user_id.as_uuid();
    let txn = AuditedTxn::begin(db).await?;
    for s in &input.items {
        rows::Entity::delete_many()
            .filter(rows::Column::UserId.eq(user))
            .filter(rows::Column::Kind.eq(s.kind.as_str()))
            .exec(&txn)
            .await?;
        rows::Entity::insert(rows::ActiveModel {
            user_id: Set(user),
            kind: Set(s.kind.as_str().to_owned()),
            in_app: Set(s.in_app),
            email: Set(s.email),
        })
        .exec_without_returning(&txn)
        .await?;
    }
    let changes = json!({"items": input.items});
    let result = view(&txn, user).await?;
    txn.commit(AuditEntry::by(actor, "notification_settings.update", "user", user).changes(changes)).await?;
    Ok(result)
}
