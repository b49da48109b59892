//! The authorization matrix: every operation of the OpenAPI document × anonymous, admin, analyst, a
//! delegate of the owning delegation (Bangladesh) and a delegate of another (Nepal). An operation with
//! no row here fails the test, so a new endpoint cannot ship without its row.

use reqwest::Method;
use serde_json::{json, Value};

use crate::evidence_fixtures::{cite, impediment_link, prep_item, Owner};
use crate::helpers::*;

const WHO: [&str; 5] = ["anonymous", "admin", "analyst", "own delegate", "other delegate"];

/// Expected status for (anonymous, admin, analyst, BGD delegate, NPL delegate). Records acted on
/// belong to Bangladesh at `delegation` visibility.
const MATRIX: &[(&str, [u16; 5])] = &[
    ("health_live", [200, 200, 200, 200, 200]),
    ("health_ready", [200, 200, 200, 200, 200]),
    ("login", [200, 200, 200, 200, 200]),
    ("refresh_token", [200, 200, 200, 200, 200]),
    ("logout", [204, 204, 204, 204, 204]),
    ("get_me", [401, 200, 200, 200, 200]),
    ("list_countries", [401, 200, 200, 200, 200]),
    ("get_country", [401, 200, 200, 200, 200]),
    ("list_delegations", [401, 200, 200, 200, 200]),
    ("get_delegation", [401, 200, 200, 200, 200]),
    ("list_ministerials", [401, 200, 200, 200, 200]),
    ("get_ministerial", [401, 200, 200, 200, 200]),
    ("create_ministerial", [401, 201, 403, 403, 403]),
    ("list_ntm_categories", [401, 200, 200, 200, 200]),
    ("list_sectors", [401, 200, 200, 200, 200]),
    ("list_topics", [401, 200, 200, 200, 200]),
    ("get_topic", [401, 200, 200, 200, 200]),
    ("create_topic", [401, 201, 403, 403, 403]),
    ("update_topic", [401, 200, 403, 403, 403]),
    ("delete_topic", [401, 204, 403, 403, 403]),
    ("list_watch_items", [401, 200, 200, 200, 200]),
    ("get_watch_item", [401, 200, 404, 200, 404]),
    ("create_watch_item", [401, 201, 403, 201, 403]),
    ("update_watch_item", [401, 200, 404, 200, 404]),
    ("delete_watch_item", [401, 204, 404, 204, 404]),
    ("list_impediments", [401, 200, 200, 200, 200]),
    ("summarize_impediments", [401, 200, 200, 200, 200]),
    ("create_impediment", [401, 201, 403, 201, 403]),
    ("get_impediment", [401, 200, 404, 200, 404]),
    ("update_impediment", [401, 200, 404, 200, 404]),
    ("delete_impediment", [401, 204, 404, 204, 404]),
    ("step_impediment", [401, 200, 404, 200, 404]),
    ("list_impediment_steps", [401, 200, 404, 200, 404]),
    ("list_consultations", [401, 200, 200, 200, 200]),
    ("create_consultation", [401, 201, 403, 201, 403]),
    ("get_consultation", [401, 200, 404, 200, 404]),
    ("update_consultation", [401, 200, 404, 200, 404]),
    ("delete_consultation", [401, 204, 404, 204, 404]),
    ("set_consultation_status", [401, 200, 404, 200, 404]),
    ("publish_consultation_feedback", [401, 200, 404, 200, 404]),
    ("get_consultation_results", [401, 200, 404, 200, 404]),
    ("get_consultation_crosstab", [401, 200, 404, 200, 404]),
    ("list_consultation_text_answers", [401, 200, 404, 200, 404]),
    ("list_consultation_responses", [401, 200, 404, 200, 404]),
    ("export_consultation_results", [401, 200, 404, 200, 404]),
    ("export_consultation_responses", [401, 200, 404, 200, 404]),
    ("get_public_form", [200, 200, 200, 200, 200]),
    ("submit_public_response", [201, 201, 201, 201, 201]),
    // Evidence behind prep items (issue 9), on a Bangladesh prep item at `delegation` visibility.
    ("list_prep_item_evidence", [401, 200, 404, 200, 404]),
    ("create_evidence_link", [401, 201, 404, 201, 404]),
    ("delete_evidence_link", [401, 204, 404, 204, 404]),
    ("get_prep_item_strength", [401, 200, 404, 200, 404]),
    ("get_topic_strength", [401, 200, 200, 200, 200]),
    ("get_impediment_trace", [401, 200, 404, 200, 404]),
    ("get_prep_item_trace", [401, 200, 404, 200, 404]),
    // Bangladesh's alignment report: its own members, admins and analysts; not Nepal's delegate.
    ("get_alignment", [401, 200, 200, 200, 404]),
    ("export_alignment", [401, 200, 200, 200, 404]),
    ("list_stakeholders", [401, 200, 200, 200, 200]),
    ("create_stakeholder", [401, 201, 403, 201, 403]),
    ("get_stakeholder", [401, 200, 200, 200, 404]),
    ("update_stakeholder", [401, 200, 403, 200, 404]),
    ("delete_stakeholder", [401, 204, 403, 204, 404]),
    ("get_stakeholder_contact", [401, 200, 403, 200, 404]),
    ("erase_stakeholder", [401, 200, 403, 200, 404]),
    ("list_users", [401, 200, 403, 403, 403]),
    ("get_user", [401, 200, 403, 403, 403]),
    ("create_user", [401, 201, 403, 403, 403]),
    ("update_user", [401, 200, 403, 403, 403]),
    ("list_api_keys", [401, 200, 200, 200, 200]),
    ("create_api_key", [401, 201, 201, 201, 201]),
    ("revoke_api_key", [401, 204, 404, 204, 404]),
    ("list_audit_events", [401, 200, 403, 403, 403]),
    // The second factor. The admin column's session passed one (admins act as admins only so), so the
    // admin cannot start another enrolment while it is active (409); everyone may disable their own.
    ("complete_mfa_sign_in", [200, 200, 200, 200, 200]),
    ("start_mfa_enrolment", [401, 409, 200, 200, 200]),
    ("verify_mfa_enrolment", [401, 409, 200, 200, 200]),
    ("disable_mfa", [401, 204, 204, 204, 204]),
    ("reset_user_mfa", [401, 204, 403, 403, 403]),
    // Ministerial preparation (issue 9). Coalition membership is public; changing it is an admin's.
    ("list_coalitions", [401, 200, 200, 200, 200]),
    ("get_coalition", [401, 200, 200, 200, 200]),
    ("create_coalition", [401, 201, 403, 403, 403]),
    ("update_coalition", [401, 200, 403, 403, 403]),
    ("list_prep_items", [401, 200, 200, 200, 200]),
    ("get_prep_board", [401, 200, 200, 200, 200]),
    ("create_prep_item", [401, 201, 403, 201, 403]),
    ("get_prep_item", [401, 200, 404, 200, 404]),
    ("update_prep_item", [401, 200, 404, 200, 404]),
    // Analysts take no step and save no text: refused before the item is looked at.
    ("step_prep_item", [401, 200, 403, 200, 404]),
    ("list_prep_item_steps", [401, 200, 404, 200, 404]),
    ("list_prep_item_texts", [401, 200, 404, 200, 404]),
    ("diff_prep_item_texts", [401, 200, 404, 200, 404]),
    ("get_prep_item_text", [401, 200, 404, 200, 404]),
    ("save_prep_item_text", [401, 201, 403, 201, 404]),
    // issue 10: notifications — each caller's own; the notification marked is Bangladesh's delegate's.
    ("list_my_notifications", [401, 200, 200, 200, 200]),
    ("count_my_unread_notifications", [401, 200, 200, 200, 200]),
    ("mark_notification_read", [401, 404, 404, 200, 404]),
    ("mark_all_notifications_read", [401, 200, 200, 200, 200]),
    ("get_my_follows", [401, 200, 200, 200, 200]),
    ("put_my_follows", [401, 200, 200, 200, 200]),
    ("get_my_notification_settings", [401, 200, 200, 200, 200]),
    ("put_my_notification_settings", [401, 200, 200, 200, 200]),
    ("list_email_outbox", [401, 200, 403, 403, 403]),
    ("get_home", [401, 200, 200, 200, 200]),
    // issue 10: meetings, on a Bangladesh `delegation`-level meeting that invites no one — but for
    // `rsvp_meeting`, whose meeting invites Nepal's delegation and the analyst: only invitees answer.
    ("list_meetings", [401, 200, 200, 200, 200]),
    ("create_meeting", [401, 201, 403, 201, 403]),
    ("get_meeting", [401, 200, 404, 200, 404]),
    ("update_meeting", [401, 200, 404, 200, 404]),
    ("cancel_meeting", [401, 200, 404, 200, 404]),
    ("rsvp_meeting", [401, 403, 200, 403, 200]),
    ("get_meeting_ics", [401, 200, 404, 200, 404]),
    ("get_meeting_minutes", [401, 200, 404, 200, 404]),
    ("save_meeting_minutes", [401, 200, 404, 200, 404]),
    ("list_meeting_action_items", [401, 200, 404, 200, 404]),
    // issue 10: forum SPA — who takes part, read like the meeting.
    ("list_meeting_participants", [401, 200, 404, 200, 404]),
    // Analysts write no delegation records: refused before the meeting is looked at.
    ("create_action_item", [401, 201, 403, 201, 404]),
    ("list_action_items", [401, 200, 200, 200, 200]),
    ("update_action_item", [401, 200, 404, 200, 404]),
    // Everyone's own feed; the feed itself needs no credential, only its token.
    ("create_calendar_feed", [401, 201, 201, 201, 201]),
    ("revoke_calendar_feed", [401, 204, 204, 204, 204]),
    ("get_calendar_feed", [200, 200, 200, 200, 200]),
    // issue 10: briefings. A Bangladesh request in the queue (the analyst reads the queue), or — for a
    // step — accepted by the analyst, whose it then is: Bangladesh reads it but takes no step.
    ("list_briefing_requests", [401, 200, 200, 200, 200]),
    ("create_briefing_request", [401, 201, 403, 201, 403]),
    ("get_briefing_request", [401, 200, 200, 200, 404]),
    ("update_briefing_request", [401, 200, 403, 200, 404]),
    ("step_briefing_request", [401, 200, 200, 403, 404]),
    ("list_briefing_request_steps", [401, 200, 200, 200, 404]),
    ("list_briefing_comments", [401, 200, 200, 200, 404]),
    ("create_briefing_comment", [401, 201, 201, 201, 404]),
    ("list_briefing_deliverables", [401, 200, 200, 200, 404]),
    ("create_briefing_deliverable", [401, 201, 201, 403, 404]),
    ("file_briefing_deliverable", [401, 201, 201, 403, 404]),
    // issue 10: documents — on a Bangladesh document at `delegation` visibility. An analyst publishes
    // platform-wide documents only, so naming Bangladesh is refused.
    ("list_documents", [401, 200, 200, 200, 200]),
    ("search_documents", [401, 200, 200, 200, 200]),
    ("create_document", [401, 201, 403, 201, 403]),
    ("get_document", [401, 200, 404, 200, 404]),
    ("update_document", [401, 200, 404, 200, 404]),
    ("list_document_versions", [401, 200, 404, 200, 404]),
    ("upload_document_version", [401, 201, 404, 201, 404]),
    ("download_document_version", [401, 200, 404, 200, 404]),
    // issue 11: webhooks — a subscription of Bangladesh's delegate: only its owner sees it (others 404).
    ("list_webhooks", [401, 200, 200, 200, 200]),
    ("create_webhook", [401, 201, 201, 201, 201]),
    ("get_webhook", [401, 404, 404, 200, 404]),
    ("update_webhook", [401, 404, 404, 200, 404]),
    ("delete_webhook", [401, 404, 404, 204, 404]),
    ("rotate_webhook_secret", [401, 404, 404, 200, 404]),
    ("list_webhook_deliveries", [401, 404, 404, 200, 404]),
    ("replay_webhook_delivery", [401, 404, 404, 202, 404]),
    // issue 11: imports — files of rows for Bangladesh (admins name it; Nepal may not write for it); an
    // import is read by the user who ran it (Bangladesh's delegate) and admins; templates by anyone.
    ("import_stakeholders", [401, 200, 403, 200, 403]),
    ("import_impediments", [401, 200, 403, 200, 403]),
    ("get_import_template", [401, 200, 200, 200, 200]),
    ("get_import", [401, 200, 404, 200, 404]),
    ("get_import_report", [401, 200, 404, 200, 404]),
    // issue 11: import-kinds — topics are the admins' catalogue; prep items for Bangladesh, as their create.
    ("import_topics", [401, 200, 403, 403, 403]),
    ("import_prep_items", [401, 200, 403, 200, 403]),
    // issue 11: response imports — paper answers to a Bangladesh consultation, named for Bangladesh (Nepal may
    // not import for it: 403 before the consultation; without `delegation_id` it gets 404, response_imports.rs).
    ("import_consultation_responses", [401, 200, 403, 200, 403]),
    // issue 11: import jobs — a queued import of Bangladesh's delegate: its owner and admins cancel it,
    // analysts may not import at all, Nepal's delegate does not see it.
    ("cancel_import", [401, 200, 403, 200, 404]),
    // issue 11: key budgets and exports — a key of Bangladesh's delegate; only an admin's session sets a
    // budget; usage is the owner's and the admins'.
    ("set_api_key_budget", [401, 200, 403, 403, 403]),
    ("get_api_key_usage", [401, 200, 404, 200, 404]),
    ("export_impediments", [401, 200, 200, 200, 200]),
    ("export_stakeholders", [401, 200, 200, 200, 200]),
    // issue 11: exports — the other collections, each as its list.
    ("export_topics", [401, 200, 200, 200, 200]),
    ("export_prep_items", [401, 200, 200, 200, 200]),
    ("export_consultations", [401, 200, 200, 200, 200]),
    ("export_meetings", [401, 200, 200, 200, 200]),
    ("export_briefing_requests", [401, 200, 200, 200, 200]),
    ("export_documents", [401, 200, 200, 200, 200]),
    // issue 11: wto notifications — public WTO data: read by every role, imported by admins and analysts.
    ("import_wto_notifications", [401, 200, 200, 403, 403]),
    ("list_wto_notifications", [401, 200, 200, 200, 200]),
    ("get_wto_notification", [401, 200, 200, 200, 200]),
];

pub(crate) struct Ctx {
    pub(crate) tokens: [Option<String>; 5],
    pub(crate) admin: String,
    pub(crate) bgd: String,
    pub(crate) bgd_delegation: String,
    npl_user: String,
    bgd_private_item: String,
}

/// A request to make: method, path, body, If-Match.
pub(crate) struct Call {
    pub(crate) method: Method,
    pub(crate) path: String,
    pub(crate) body: Option<Value>,
    pub(crate) if_match: Option<&'static str>,
    // issue 10: documents
    /// A `multipart/form-data` body (`documents::form`), sent instead of `body`.
    pub(crate) multipart: Option<Vec<u8>>,
}

async fn fresh_topic(app: &TestApp, ctx: &Ctx) -> String {
    let code = format!("MX-{}", &uuid::Uuid::new_v4().simple().to_string()[..8]).to_uppercase();
    let res = app
        .post_json("/api/v1/topics", Some(&ctx.admin), json!({"code": code, "title": "Matrix", "kind": "other"}))
        .await;
    assert_eq!(res.status(), 201);
    res.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_owned()
}

async fn fresh_bgd_item(app: &TestApp, ctx: &Ctx) -> String {
    let topic = fresh_topic(app, ctx).await;
    let res = app
        .post_json(
            "/api/v1/watch-items",
            Some(&ctx.admin),
            json!({"topic_id": topic, "delegation_id": ctx.bgd_delegation, "visibility": "delegation", "note": "private"}),
        )
        .await;
    assert_eq!(res.status(), 201);
    res.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_owned()
}

fn impediment_body(delegation: &str) -> Value {
    json!({"delegation_id": delegation, "reporting_country": "BGD", "partner": "EU", "hs_code": "0306",
           "ntm_code": "A14", "title": "Residue testing", "description": "Each shrimp consignment is re-tested.",
           "severity": 4})
}

async fn fresh_bgd_impediment(app: &TestApp, ctx: &Ctx) -> String {
    let res = app.post_json("/api/v1/impediments", Some(&ctx.admin), impediment_body(&ctx.bgd_delegation)).await;
    assert_eq!(res.status(), 201);
    res.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_owned()
}

fn consultation_body(delegation: &str) -> Value {
    json!({"delegation_id": delegation, "title": "Matrix consultation", "questions": [
        {"code": "q1", "kind": "single_choice", "required": true, "prompt": {"en": "Exporting?"},
         "options": [{"id": "yes", "label": {"en": "Yes"}}, {"id": "no", "label": {"en": "No"}}]},
        {"code": "t1", "kind": "text", "prompt": {"en": "Anything else?"}}]})
}

/// A Bangladesh `delegation`-level consultation, opened when asked, with one response; `(id, token)`.
async fn fresh_bgd_consultation(app: &TestApp, ctx: &Ctx, open: bool) -> (String, String) {
    let res = app.post_json("/api/v1/consultations", Some(&ctx.admin), consultation_body(&ctx.bgd_delegation)).await;
    assert_eq!(res.status(), 201);
    let c: Value = res.json().await.unwrap();
    let (id, token) = (c["id"].as_str().unwrap().to_owned(), c["token"].as_str().unwrap().to_owned());
    if open {
        let res = app
            .request(Method::POST, &format!("/api/v1/consultations/{id}/status"), Some(&ctx.admin))
            .header("if-match", "\"1\"")
            .json(&json!({"status": "open"}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
        let answer = json!({"answers": {"q1": "yes", "t1": "Testing delays"}});
        let res = app.post_json(&format!("/api/v1/public/consultations/{token}/responses"), None, answer).await;
        assert_eq!(res.status(), 201);
    }
    (id, token)
}

fn stakeholder_body(delegation: &str) -> Value {
    json!({"delegation_id": delegation, "name": "Chattogram Shrimp Farms Ltd", "kind": "msme", "country": "BGD",
           "sector": "A", "size_class": "small", "employees": 25, "contact_email": "owner@example.org",
           "consent_purpose": "consultations", "consent_at": "2026-01-15"})
}

async fn fresh_bgd_stakeholder(app: &TestApp, ctx: &Ctx) -> String {
    let res = app.post_json("/api/v1/stakeholders", Some(&ctx.admin), stakeholder_body(&ctx.bgd_delegation)).await;
    assert_eq!(res.status(), 201);
    res.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_owned()
}

fn prep_item_body(delegation: &str, kind: &str) -> Value {
    json!({"delegation_id": delegation, "ministerial": "MC14", "title": "Matrix position", "kind": kind,
           "interest": "defensive", "priority": "high", "visibility": "delegation"})
}

/// A Bangladesh `delegation`-level proposal with `texts` saved versions.
pub(crate) async fn fresh_bgd_prep_item(app: &TestApp, ctx: &Ctx, texts: i32) -> String {
    let res =
        app.post_json("/api/v1/prep-items", Some(&ctx.admin), prep_item_body(&ctx.bgd_delegation, "proposal")).await;
    assert_eq!(res.status(), 201);
    let id = res.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_owned();
    for n in 0..texts {
        let res = app
            .request(Method::POST, &format!("/api/v1/prep-items/{id}/texts"), Some(&ctx.admin))
            .header("if-match", format!("\"{n}\""))
            .json(&json!({"body": format!("Version {} of the text.", n + 1)}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 201);
    }
    id
}

async fn fresh_coalition(app: &TestApp, ctx: &Ctx) -> String {
    let code = format!("C{}", &uuid::Uuid::new_v4().simple().to_string()[..8]).to_uppercase();
    let res =
        app.post_json("/api/v1/coalitions", Some(&ctx.admin), json!({"code": code, "name": "Matrix group"})).await;
    assert_eq!(res.status(), 201);
    res.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_owned()
}

/// A Bangladesh prep item at `delegation` visibility (inserted: prep-item creation is another branch's).
async fn bgd_prep_item(app: &TestApp, ctx: &Ctx) -> String {
    prep_item(app, Owner::Delegation(&ctx.bgd_delegation), "delegation", &[]).await
}

// issue 10: documents
/// A Bangladesh document at `delegation` visibility with a Markdown version 1.
pub(crate) async fn fresh_bgd_document(app: &TestApp, ctx: &Ctx) -> String {
    let body = json!({"kind": "briefing_note", "title": "Fisheries note", "visibility": "delegation",
        "delegation_id": ctx.bgd_delegation, "body_markdown": "Fisheries subsidies."});
    let res = app.post_json("/api/v1/documents", Some(&ctx.admin), body).await;
    assert_eq!(res.status(), 201);
    res.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_owned()
}

/// A refresh token of a throwaway account: signing out ends all of a user's access tokens, so the
/// `logout` row must not sign out the callers the other rows use.
async fn fresh_refresh_token(app: &TestApp, ctx: &Ctx) -> String {
    let email = format!("s{}@gmc.test", uuid::Uuid::new_v4().simple());
    let body = json!({"email": email, "name": "Session", "password": PASSWORD, "role": "analyst"});
    assert_eq!(app.post_json("/api/v1/users", Some(&ctx.admin), body).await.status(), 201);
    app.login_pair(&email).await["refresh_token"].as_str().unwrap().to_owned()
}

/// Builds the call for an operation, creating whatever record it needs so each caller starts alike.
pub(crate) async fn prepare(app: &TestApp, ctx: &Ctx, op: &str, template: &str, method: Method, who: usize) -> Call {
    let id = |v: &str| template.replace("{id}", v).replace("{code}", v);
    let mut call = Call { method, path: template.to_owned(), body: None, if_match: None, multipart: None };
    match op {
        "login" => {
            let email = [BGD, ADMIN, ANALYST, BGD, NPL][who];
            call.body = Some(json!({"email": email, "password": PASSWORD}));
        }
        "refresh_token" | "logout" => call.body = Some(json!({"refresh_token": fresh_refresh_token(app, ctx).await})),
        "get_country" => call.path = id("NPL"),
        "get_ministerial" => call.path = id("MC12"),
        "create_ministerial" => {
            let code = format!("MC-{}", &uuid::Uuid::new_v4().simple().to_string()[..8]).to_uppercase();
            call.body =
                Some(json!({"code": code, "name": "Next", "host_city": "Geneva", "host_country": "Switzerland",
                "starts_on": "2028-03-01", "ends_on": "2028-03-04"}));
        }
        "get_delegation" => call.path = id(&ctx.bgd_delegation),
        "get_topic" => call.path = id("FISH"),
        "create_topic" => {
            let code = format!("NEW-{}", &uuid::Uuid::new_v4().simple().to_string()[..8]).to_uppercase();
            call.body = Some(json!({"code": code, "title": "New", "kind": "other"}));
        }
        "update_topic" => {
            call.path = id(&fresh_topic(app, ctx).await);
            call.body = Some(json!({"title": "Changed"}));
            call.if_match = Some("\"1\"");
        }
        "delete_topic" => call.path = id(&fresh_topic(app, ctx).await),
        "get_watch_item" => call.path = id(&ctx.bgd_private_item),
        "create_watch_item" => {
            let topic = fresh_topic(app, ctx).await;
            call.body = Some(json!({"topic_id": topic, "delegation_id": ctx.bgd_delegation}));
        }
        "update_watch_item" => {
            call.path = id(&fresh_bgd_item(app, ctx).await);
            call.body = Some(json!({"note": "changed"}));
            call.if_match = Some("\"1\"");
        }
        "delete_watch_item" => call.path = id(&fresh_bgd_item(app, ctx).await),
        "summarize_impediments" => call.path = format!("{template}?by=chapter_partner"),
        "create_impediment" => call.body = Some(impediment_body(&ctx.bgd_delegation)),
        "get_impediment" | "list_impediment_steps" => call.path = id(&fresh_bgd_impediment(app, ctx).await),
        "update_impediment" => {
            call.path = id(&fresh_bgd_impediment(app, ctx).await);
            call.body = Some(json!({"severity": 5}));
            call.if_match = Some("\"1\"");
        }
        "delete_impediment" => call.path = id(&fresh_bgd_impediment(app, ctx).await),
        "step_impediment" => {
            call.path = id(&fresh_bgd_impediment(app, ctx).await);
            call.body = Some(json!({"to": "under_review", "note": "triage"}));
        }
        "create_consultation" => call.body = Some(consultation_body(&ctx.bgd_delegation)),
        "get_consultation"
        | "get_consultation_results"
        | "list_consultation_responses"
        | "export_consultation_results"
        | "export_consultation_responses" => call.path = id(&fresh_bgd_consultation(app, ctx, true).await.0),
        "get_consultation_crosstab" => {
            call.path = format!("{}?question=q1&by=country", id(&fresh_bgd_consultation(app, ctx, true).await.0));
        }
        "list_consultation_text_answers" => {
            call.path = format!("{}?question=t1", id(&fresh_bgd_consultation(app, ctx, true).await.0));
        }
        "update_consultation" => {
            call.path = id(&fresh_bgd_consultation(app, ctx, false).await.0);
            call.body = Some(json!({"title": "Changed"}));
            call.if_match = Some("\"1\"");
        }
        "delete_consultation" => call.path = id(&fresh_bgd_consultation(app, ctx, false).await.0),
        "set_consultation_status" => {
            call.path = id(&fresh_bgd_consultation(app, ctx, false).await.0);
            call.body = Some(json!({"status": "open"}));
            call.if_match = Some("\"1\"");
        }
        "publish_consultation_feedback" => {
            let (c, _) = fresh_bgd_consultation(app, ctx, true).await;
            let res = app
                .request(Method::POST, &format!("/api/v1/consultations/{c}/status"), Some(&ctx.admin))
                .header("if-match", "\"2\"")
                .json(&json!({"status": "closed"}))
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 200);
            call.path = id(&c);
            call.body = Some(json!({"texts": {"en": "You said testing stalls shipments; we raised it."}}));
            call.if_match = Some("\"3\"");
        }
        "get_public_form" => {
            call.path = template.replace("{token}", &fresh_bgd_consultation(app, ctx, true).await.1);
        }
        "submit_public_response" => {
            call.path = template.replace("{token}", &fresh_bgd_consultation(app, ctx, true).await.1);
            call.body = Some(json!({"lang": "en", "answers": {"q1": "no"}, "profile": {"country": "BGD"}}));
        }
        "list_prep_item_evidence" | "get_prep_item_strength" | "get_prep_item_trace" => {
            call.path = id(&bgd_prep_item(app, ctx).await);
        }
        "create_evidence_link" => {
            call.path = id(&bgd_prep_item(app, ctx).await);
            call.body = Some(impediment_link(&fresh_bgd_impediment(app, ctx).await));
        }
        "delete_evidence_link" => {
            let item = bgd_prep_item(app, ctx).await;
            let res = cite(app, &ctx.admin, &item, impediment_link(&fresh_bgd_impediment(app, ctx).await)).await;
            let link = res.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_owned();
            call.path = template.replace("{id}", &item).replace("{link_id}", &link);
        }
        "get_topic_strength" => call.path = id("FISH"),
        "get_impediment_trace" => call.path = id(&fresh_bgd_impediment(app, ctx).await),
        "get_alignment" | "export_alignment" => call.path = format!("{template}?delegation_id={}", ctx.bgd_delegation),
        "create_stakeholder" => call.body = Some(stakeholder_body(&ctx.bgd_delegation)),
        "get_stakeholder" | "delete_stakeholder" | "get_stakeholder_contact" | "erase_stakeholder" => {
            call.path = id(&fresh_bgd_stakeholder(app, ctx).await);
        }
        "update_stakeholder" => {
            call.path = id(&fresh_bgd_stakeholder(app, ctx).await);
            call.body = Some(json!({"exporter": true}));
            call.if_match = Some("\"1\"");
        }
        "get_user" => call.path = id(&ctx.npl_user),
        "create_user" => {
            let email = format!("u{}@gmc.test", uuid::Uuid::new_v4().simple());
            call.body = Some(json!({"email": email, "name": "New", "password": "long-enough-pass", "role": "analyst"}));
        }
        "update_user" => {
            let email = format!("u{}@gmc.test", uuid::Uuid::new_v4().simple());
            let res = app
                .post_json(
                    "/api/v1/users",
                    Some(&ctx.admin),
                    json!({"email": email, "name": "Target", "password": "long-enough-pass", "role": "analyst"}),
                )
                .await;
            call.path = id(res.json::<Value>().await.unwrap()["id"].as_str().unwrap());
            call.body = Some(json!({"name": "Renamed"}));
            call.if_match = Some("\"1\"");
        }
        "create_api_key" => call.body = Some(json!({"name": "matrix", "scopes": ["read"]})),
        "revoke_api_key" => {
            let res = app.post_json("/api/v1/api-keys", Some(&ctx.bgd), json!({"name": "k", "scopes": ["read"]})).await;
            call.path = id(res.json::<Value>().await.unwrap()["api_key"]["id"].as_str().unwrap());
        }
        "get_coalition" => call.path = id("LDC"),
        "create_coalition" => {
            let code = format!("N{}", &uuid::Uuid::new_v4().simple().to_string()[..8]).to_uppercase();
            call.body = Some(json!({"code": code, "name": "New group"}));
        }
        "update_coalition" => {
            call.path = id(&fresh_coalition(app, ctx).await);
            call.body = Some(json!({"description": "changed"}));
            call.if_match = Some("\"1\"");
        }
        "get_prep_board" => call.path = format!("{template}?ministerial=MC14"),
        "create_prep_item" => call.body = Some(prep_item_body(&ctx.bgd_delegation, "position")),
        "get_prep_item" | "list_prep_item_steps" | "list_prep_item_texts" => {
            call.path = id(&fresh_bgd_prep_item(app, ctx, 0).await);
        }
        "update_prep_item" => {
            call.path = id(&fresh_bgd_prep_item(app, ctx, 0).await);
            call.body = Some(json!({"priority": "low"}));
            call.if_match = Some("\"1\"");
        }
        "step_prep_item" => {
            call.path = id(&fresh_bgd_prep_item(app, ctx, 0).await);
            call.body = Some(json!({"to": "drafting", "note": "start"}));
        }
        "save_prep_item_text" => {
            call.path = id(&fresh_bgd_prep_item(app, ctx, 0).await);
            call.body = Some(json!({"body": "A first text."}));
            call.if_match = Some("\"0\"");
        }
        "get_prep_item_text" => {
            call.path = template.replace("{id}", &fresh_bgd_prep_item(app, ctx, 1).await).replace("{number}", "1");
        }
        "diff_prep_item_texts" => {
            call.path = format!("{}?from=1&to=2", id(&fresh_bgd_prep_item(app, ctx, 2).await));
        }
        // issue 10: notifications
        "mark_notification_read" => {
            let bgd = crate::notifications::user_id(app, &ctx.bgd).await;
            let key = uuid::Uuid::now_v7().to_string();
            call.path = id(&crate::notifications::notify(app, bgd, &key).await.unwrap().to_string());
        }
        "put_my_follows" => call.body = Some(json!({"hs_prefixes": ["03"], "partners": ["EU"]})),
        "put_my_notification_settings" => {
            call.body = Some(json!({"items": [{"kind": "prep_deadline", "in_app": true, "email": false}]}));
        }
        // issue 10: meetings
        op if crate::meeting_fixtures::OPERATIONS.contains(&op) => {
            crate::meeting_fixtures::prepare_call(app, ctx, op, template, who, &mut call).await;
        }
        // issue 10: briefings
        op if op.contains("briefing") => crate::briefings::prepare_call(app, ctx, op, &mut call).await,
        // issue 10: documents
        "search_documents" => call.path = format!("{template}?q=fisheries"),
        "create_document" => {
            call.body = Some(json!({"kind": "minutes", "title": "Minutes", "visibility": "delegation",
                "delegation_id": ctx.bgd_delegation}));
        }
        "get_document" | "list_document_versions" => call.path = id(&fresh_bgd_document(app, ctx).await),
        "update_document" => {
            call.path = id(&fresh_bgd_document(app, ctx).await);
            call.body = Some(json!({"title": "Changed"}));
            call.if_match = Some("\"1\"");
        }
        "upload_document_version" => {
            call.path = id(&fresh_bgd_document(app, ctx).await);
            call.multipart = Some(crate::documents::form(&[("body_markdown", None, b"## Second version")]));
        }
        "download_document_version" => {
            call.path = template.replace("{id}", &fresh_bgd_document(app, ctx).await).replace("{number}", "1");
        }
        // issue 11: webhooks
        op if crate::webhook_fixtures::OPERATIONS.contains(&op) => {
            crate::webhook_fixtures::prepare_call(app, ctx, op, template, &mut call).await;
        }
        // issue 11: imports
        "import_stakeholders" | "import_impediments" | "get_import_template" | "get_import" | "get_import_report" => {
            crate::imports::prepare_call(app, ctx, op, template, &mut call).await;
        }
        // issue 11: import-kinds
        "import_topics" | "import_prep_items" => crate::import_kinds::prepare_call(ctx, op, template, &mut call),
        // issue 11: response imports
        "import_consultation_responses" => {
            let (c, _) = fresh_bgd_consultation(app, ctx, true).await;
            call.path = format!("{template}?delegation_id={}&consultation_id={c}", ctx.bgd_delegation);
            call.body = Some(json!([{"answers.q1": "no", "answers.t1": "From paper"}]));
        }
        // issue 11: wto notifications
        "import_wto_notifications" | "get_wto_notification" => {
            crate::wto_notifications::prepare_call(app, ctx, op, template, &mut call).await;
        }
        // issue 11: import jobs
        "cancel_import" => crate::import_jobs::prepare_call(app, ctx, template, &mut call).await,
        // issue 11: key budgets and exports
        "set_api_key_budget" | "get_api_key_usage" => {
            let res = app.post_json("/api/v1/api-keys", Some(&ctx.bgd), json!({"name": "k", "scopes": ["read"]})).await;
            call.path = id(res.json::<Value>().await.unwrap()["api_key"]["id"].as_str().unwrap());
            if op == "set_api_key_budget" {
                call.body = Some(json!({"requests_per_minute": 120}));
            }
        }
        "complete_mfa_sign_in" | "start_mfa_enrolment" | "verify_mfa_enrolment" | "disable_mfa" | "reset_user_mfa" => {
            crate::mfa::prepare_call(app, ctx, op, who, &mut call).await;
        }
        _ => {}
    }
    call
}

/// Makes the call as `token` (none: anonymous).
pub(crate) async fn send(app: &TestApp, call: Call, token: Option<&str>) -> reqwest::Response {
    let mut rb = app.request(call.method, &call.path, token);
    if let Some(body) = call.body {
        rb = rb.json(&body);
    }
    if let Some(v) = call.if_match {
        rb = rb.header("if-match", v);
    }
    // issue 10: documents
    if let Some(form) = call.multipart {
        rb = rb.header("content-type", crate::documents::form_content_type()).body(form);
    }
    rb.send().await.unwrap()
}

/// The callers and records every matrix test starts from.
pub(crate) async fn context(app: &TestApp) -> Ctx {
    let admin = app.login(ADMIN).await;
    let bgd = app.login(BGD).await;
    let npl_users = app.all_pages("/api/v1/users?q=delegate.npl", &admin).await;
    let bgd_items = app.all_pages("/api/v1/watch-items", &bgd).await;
    let ctx = Ctx {
        tokens: [
            None,
            Some(admin.clone()),
            Some(app.login(ANALYST).await),
            Some(bgd.clone()),
            Some(app.login(NPL).await),
        ],
        bgd_delegation: app.delegation_id(&admin, "BGD").await,
        npl_user: npl_users[0]["id"].as_str().unwrap().to_owned(),
        bgd_private_item: bgd_items
            .iter()
            .find(|w| w["country_code"] == "BGD" && w["visibility"] == "delegation")
            .and_then(|w| w["id"].as_str())
            .unwrap()
            .to_owned(),
        admin,
        bgd,
    };
    ctx
}

#[tokio::test]
async fn every_operation_answers_every_role_as_the_matrix_declares() {
    let app = TestApp::spawn().await;
    let ctx = context(&app).await;
    let doc: Value = app.request(Method::GET, "/api/v1/openapi.json", None).send().await.unwrap().json().await.unwrap();

    let mut failures = Vec::new();
    let mut covered = Vec::new();
    for (template, ops) in doc["paths"].as_object().unwrap() {
        for (method, op) in ops.as_object().unwrap() {
            let op_id = op["operationId"].as_str().unwrap();
            covered.push(op_id.to_owned());
            let Some((_, expected)) = MATRIX.iter().find(|(name, _)| *name == op_id) else {
                failures.push(format!("{op_id} ({method} {template}) has no row in the matrix"));
                continue;
            };
            let method = Method::from_bytes(method.to_uppercase().as_bytes()).unwrap();
            for who in 0..5 {
                let call = prepare(&app, &ctx, op_id, template, method.clone(), who).await;
                let res = send(&app, call, ctx.tokens[who].as_deref()).await;
                let status = res.status().as_u16();
                if status != expected[who] {
                    let body = res.text().await.unwrap_or_default();
                    failures.push(format!("{op_id} as {}: expected {}, got {status}: {body}", WHO[who], expected[who]));
                } else if status >= 400 {
                    let ct = res.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or("");
                    if !ct.starts_with("application/problem+json") {
                        failures.push(format!("{op_id} as {}: {status} without problem+json", WHO[who]));
                    }
                }
            }
        }
    }
    for (name, _) in MATRIX {
        if !covered.iter().any(|c| c == name) {
            failures.push(format!("matrix row {name} names no operation in the document"));
        }
    }
    assert!(failures.is_empty(), "authorization matrix failures:\n{}", failures.join("\n"));
}

/// A coalition's confidential prep item, read through every read operation: its members read it (Nepal
/// is in the LDC Group), a delegation outside the coalition (Bangladesh) and the analyst get 404 — and
/// the list and the board hold nothing of it.
/// Columns: (admin, analyst, Bangladesh's delegate, Nepal's delegate).
const COALITION_READS: &[(&str, [u16; 4])] = &[
    ("/api/v1/prep-items/{id}", [200, 404, 404, 200]),
    ("/api/v1/prep-items/{id}/steps", [200, 404, 404, 200]),
    ("/api/v1/prep-items/{id}/texts", [200, 404, 404, 200]),
    ("/api/v1/prep-items/{id}/texts/1", [200, 404, 404, 200]),
    ("/api/v1/prep-items/{id}/texts/diff?from=1&to=1", [200, 404, 404, 200]),
];

#[tokio::test]
async fn a_coalitions_confidential_item_answers_its_members_only() {
    let app = TestApp::spawn().await;
    let ctx = context(&app).await;
    let npl = ctx.tokens[4].clone().unwrap();
    let ldc = app.get_json("/api/v1/coalitions/LDC", &npl).await["id"].as_str().unwrap().to_owned();
    let body = json!({"coalition_id": ldc, "ministerial": "MC14", "title": "LDC Group statement",
        "kind": "declaration_text", "interest": "offensive", "priority": "high", "visibility": "delegation"});
    let res = app.post_json("/api/v1/prep-items", Some(&npl), body).await;
    assert_eq!(res.status(), 201);
    let id = res.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_owned();
    let res = app
        .request(Method::POST, &format!("/api/v1/prep-items/{id}/texts"), Some(&npl))
        .header("if-match", "\"0\"")
        .json(&json!({"body": "The LDC Group calls for ..."}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    let callers = [&ctx.admin, ctx.tokens[2].as_ref().unwrap(), &ctx.bgd, &npl];
    let who = ["admin", "analyst", "Bangladesh's delegate", "Nepal's delegate"];
    let mut failures = Vec::new();
    for (template, expected) in COALITION_READS {
        for (i, token) in callers.iter().enumerate() {
            let status = app.get(&template.replace("{id}", &id), token).await.status().as_u16();
            if status != expected[i] {
                failures.push(format!("{template} as {}: expected {}, got {status}", who[i], expected[i]));
            }
        }
    }
    for (i, token) in callers.iter().enumerate() {
        let member = expected_reader(i);
        let listed = app.get_json(&format!("/api/v1/prep-items?coalition_id={ldc}"), token).await["total"] == 1;
        let board = app.get_json("/api/v1/prep-items/board?ministerial=MC14", token).await;
        let on_board = board["columns"][0]["total"] == 1;
        if listed != member || on_board != member {
            failures.push(format!("as {}: listed {listed}, on the board {on_board}, expected {member}", who[i]));
        }
    }
    assert!(failures.is_empty(), "coalition visibility failures:\n{}", failures.join("\n"));
}

/// Whether the caller at this column of `COALITION_READS` reads the coalition's item.
fn expected_reader(column: usize) -> bool {
    matches!(column, 0 | 3)
}
