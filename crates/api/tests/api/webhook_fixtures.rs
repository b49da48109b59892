//! issue 11: webhooks — the records the authorization matrices act on: a subscription of Bangladesh's
//! delegate (made with a session) and a settled delivery of it, fresh for each call.

use chrono::Utc;
use gmc_domain::webhook::DeliveryStatus;
use gmc_store::entities::{webhook_deliveries, webhook_subscriptions};
use sea_orm::{ActiveModelTrait, EntityTrait, Set};
use serde_json::{json, Value};
use uuid::Uuid;

use crate::helpers::*;
use crate::matrix::{Call, Ctx};

/// A public address written as an IP (no DNS lookup in tests); nothing is ever sent to it: the
/// matrices run no worker.
pub(crate) const PUBLIC_URL: &str = "https://93.184.216.34/gmc-hook";

pub(crate) const OPERATIONS: &[&str] = &[
    "create_webhook",
    "get_webhook",
    "update_webhook",
    "delete_webhook",
    "rotate_webhook_secret",
    "list_webhook_deliveries",
    "replay_webhook_delivery",
];

/// A subscription made by `token`'s session; returns the whole answer (with the secret).
pub(crate) async fn subscribe(app: &TestApp, token: &str, url: &str, events: &[&str]) -> Value {
    let res = app.post_json("/api/v1/webhooks", Some(token), json!({"url": url, "events": events})).await;
    let status = res.status().as_u16();
    let body: Value = res.json().await.unwrap();
    assert_eq!(status, 201, "{body}");
    body
}

/// A delivery of `subscription` that has ended (failed), written as the worker would leave it.
pub(crate) async fn settled_delivery(app: &TestApp, subscription: &str) -> Uuid {
    let db = app.db().await;
    let id = Uuid::now_v7();
    webhook_deliveries::ActiveModel {
        id: Set(id),
        subscription_id: Set(Uuid::parse_str(subscription).unwrap()),
        event_type: Set("impediment.created".into()),
        body: Set(r#"{"type":"impediment.created","data":{}}"#.into()),
        status: Set(DeliveryStatus::Failed.into()),
        attempts: Set(12),
        http_status: Set(Some(500)),
        latency_ms: Set(Some(12)),
        response_excerpt: Set(Some("down".into())),
        last_error: Set(Some("the receiver answered 500".into())),
        created_at: Set(Utc::now()),
        last_attempt_at: Set(Some(Utc::now())),
        next_attempt_at: Set(None),
    }
    .insert(&db)
    .await
    .unwrap();
    id
}

pub(crate) async fn prepare_call(app: &TestApp, ctx: &Ctx, op: &str, template: &str, call: &mut Call) {
    if op == "create_webhook" {
        call.body = Some(json!({"url": PUBLIC_URL, "events": ["impediment.created"]}));
        return;
    }
    // Each call makes its own subscription: clear the delegate's earlier ones first, so that the
    // matrix's many calls stay under the per-user limit.
    let db = app.db().await;
    webhook_deliveries::Entity::delete_many().exec(&db).await.unwrap();
    webhook_subscriptions::Entity::delete_many().exec(&db).await.unwrap();
    let sub = subscribe(app, &ctx.bgd, PUBLIC_URL, &["impediment.created"]).await;
    let id = sub["id"].as_str().unwrap().to_owned();
    call.path = template.replace("{id}", &id);
    match op {
        "update_webhook" => {
            call.body = Some(json!({"description": "Changed"}));
            call.if_match = Some("\"1\"");
        }
        "replay_webhook_delivery" => {
            let d = settled_delivery(app, &id).await;
            call.path = call.path.replace("{delivery_id}", &d.to_string());
        }
        _ => {}
    }
}
