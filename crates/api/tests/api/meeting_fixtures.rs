//! Meetings made through the API for the tests and both authorization matrices (issue 10).

use reqwest::Method;
use serde_json::{json, Value};

use crate::helpers::*;
use crate::matrix::{Call, Ctx};

/// A meeting body for `delegation`, at `visibility`, inviting `delegations` and `users`.
pub(crate) fn meeting_body(delegation: &str, visibility: &str, delegations: &[&str], users: &[&str]) -> Value {
    json!({"delegation_id": delegation, "kind": "forum_meeting", "title": "Matrix meeting",
           "starts_at": "2027-03-25T10:00", "ends_at": "2027-03-25T11:30", "time_zone": "Europe/Zurich",
           "place": "CICG Room 3", "visibility": visibility,
           "invited_delegation_ids": delegations, "invited_user_ids": users})
}

/// A meeting created by `token`; its id.
pub(crate) async fn meeting(app: &TestApp, token: &str, body: Value) -> String {
    let res = app.post_json("/api/v1/meetings", Some(token), body).await;
    let status = res.status();
    let body: Value = res.json().await.unwrap();
    assert_eq!(status, 201, "{body}");
    body["id"].as_str().unwrap().to_owned()
}

/// The id of the user with this e-mail (as seen by the admin).
pub(crate) async fn user_id(app: &TestApp, admin: &str, email: &str) -> String {
    let users = app.all_pages(&format!("/api/v1/users?q={email}"), admin).await;
    users.iter().find(|u| u["email"] == email).and_then(|u| u["id"].as_str()).unwrap().to_owned()
}

/// An action item of a meeting, owned by `owner`; its id.
pub(crate) async fn action_item(app: &TestApp, token: &str, meeting: &str, owner: &str) -> String {
    let body = json!({"title": "Share the testing data", "owner_user_id": owner, "due_on": "2027-04-15"});
    let res = app.post_json(&format!("/api/v1/meetings/{meeting}/action-items"), Some(token), body).await;
    let status = res.status();
    let body: Value = res.json().await.unwrap();
    assert_eq!(status, 201, "{body}");
    body["id"].as_str().unwrap().to_owned()
}

/// Saves minutes on a meeting as `token`, with the meeting's current version as `If-Match`.
pub(crate) async fn minutes(app: &TestApp, token: &str, meeting: &str, visibility: &str) {
    let version = app.get_json(&format!("/api/v1/meetings/{meeting}"), token).await["version"].clone();
    let res = app
        .request(Method::PUT, &format!("/api/v1/meetings/{meeting}/minutes"), Some(token))
        .header("if-match", format!("\"{version}\""))
        .json(&json!({"body": "## Decisions\n\n- Share data.", "visibility": visibility}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
}

/// A new calendar feed of the session `token`; its path.
pub(crate) async fn feed(app: &TestApp, token: &str) -> String {
    let res = app.request(Method::POST, "/api/v1/me/calendar-feed", Some(token)).send().await.unwrap();
    assert_eq!(res.status(), 201);
    res.json::<Value>().await.unwrap()["path"].as_str().unwrap().to_owned()
}

/// The operations of issue 10, for `matrix::prepare`.
pub(crate) const OPERATIONS: &[&str] = &[
    "create_meeting",
    "get_meeting",
    "update_meeting",
    "cancel_meeting",
    "rsvp_meeting",
    "get_meeting_ics",
    "get_meeting_minutes",
    "save_meeting_minutes",
    "list_meeting_action_items",
    "list_meeting_participants", // issue 10: forum SPA
    "create_action_item",
    "update_action_item",
    "revoke_calendar_feed",
    "get_calendar_feed",
];

/// Builds the matrix call of a meeting operation on a Bangladesh `delegation`-level meeting (the
/// admin's), inviting nobody — except for `rsvp_meeting`, whose meeting invites Nepal's delegation and
/// the analyst, so only they may answer.
pub(crate) async fn prepare_call(app: &TestApp, ctx: &Ctx, op: &str, template: &str, who: usize, call: &mut Call) {
    let private = || meeting_body(&ctx.bgd_delegation, "delegation", &[], &[]);
    let id = |v: &str| template.replace("{id}", v);
    match op {
        "create_meeting" => call.body = Some(private()),
        "get_meeting"
        | "get_meeting_ics"
        | "list_meeting_action_items"
        | "list_meeting_participants"
        | "cancel_meeting" => {
            call.path = id(&meeting(app, &ctx.admin, private()).await);
        }
        "update_meeting" => {
            call.path = id(&meeting(app, &ctx.admin, private()).await);
            call.body = Some(json!({"starts_at": "2027-03-30T10:00", "ends_at": "2027-03-30T11:30"}));
            call.if_match = Some("\"1\"");
        }
        "rsvp_meeting" => {
            let npl = app.delegation_id(&ctx.admin, "NPL").await;
            let analyst = user_id(app, &ctx.admin, ANALYST).await;
            let m =
                meeting(app, &ctx.admin, meeting_body(&ctx.bgd_delegation, "delegation", &[&npl], &[&analyst])).await;
            call.path = id(&m);
            call.body = Some(json!({"response": "yes"}));
        }
        "get_meeting_minutes" => {
            let m = meeting(app, &ctx.admin, private()).await;
            minutes(app, &ctx.admin, &m, "delegation").await;
            call.path = id(&m);
        }
        "save_meeting_minutes" => {
            call.path = id(&meeting(app, &ctx.admin, private()).await);
            call.body = Some(json!({"body": "Decided: share data."}));
            call.if_match = Some("\"1\"");
        }
        "create_action_item" => {
            call.path = id(&meeting(app, &ctx.admin, private()).await);
            let owner = user_id(app, &ctx.admin, BGD).await;
            call.body = Some(json!({"title": "Follow up", "owner_user_id": owner, "due_on": "2027-04-15"}));
        }
        "update_action_item" => {
            let m = meeting(app, &ctx.admin, private()).await;
            let owner = user_id(app, &ctx.admin, BGD).await;
            call.path = id(&action_item(app, &ctx.admin, &m, &owner).await);
            call.body = Some(json!({"status": "done"}));
            call.if_match = Some("\"1\"");
        }
        "revoke_calendar_feed" => {
            // The caller's own feed, so that revoking has something to revoke.
            if let Some(token) = ctx.tokens.get(who).cloned().flatten() {
                feed(app, &token).await;
            }
        }
        "get_calendar_feed" => call.path = feed(app, &ctx.bgd).await,
        _ => {}
    }
}
