//! Notifications' wire types beyond the store's own: the list queries, pages and the unread count.

use gmc_store::services::notifications::inbox::NotificationView;
use gmc_store::services::notifications::outbox::OutboxEmailView;
use gmc_store::services::notifications::settings::KindSetting;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::routes::page_of;

page_of!(NotificationPage, NotificationView);
page_of!(OutboxEmailPage, OutboxEmailView);

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct InboxQuery {
    /// `true`: only the unread ones.
    pub unread: Option<bool>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OutboxQuery {
    /// `queued`, `sent` or `failed`.
    pub status: Option<String>,
}

/// The bell's number (a separate type: the answer is a count, not a resource).
#[derive(Debug, Serialize, ToSchema)]
pub struct UnreadCount {
    pub unread: u64,
}

/// A valid `PUT /me/follows` body, shown in the OpenAPI document.
pub fn follows_example() -> serde_json::Value {
    serde_json::json!({"topics": [], "hs_prefixes": ["03", "0306"], "partners": ["EU", "USA"]})
}

/// A valid `PUT /me/notification-settings` body.
pub fn settings_example() -> serde_json::Value {
    serde_json::to_value(vec![KindSetting {
        kind: gmc_domain::notification::NotificationKind::PrepDeadline,
        in_app: true,
        email: false,
    }])
    .map(|items| serde_json::json!({ "items": items }))
    .unwrap_or_default()
}
