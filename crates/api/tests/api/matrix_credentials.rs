//! The authorization matrix, continued (issue 7): every operation of the OpenAPI document × three
//! more callers — the Bangladesh delegate's API key scoped `read`, the same delegate's key scoped
//! `read` + `write`, and a `stakeholder` account (an MSME's sign-in) — acting on the same Bangladesh
//! records as `matrix.rs`. And the "readable but not writable" branch for every record type: a record
//! of Bangladesh shared at `regional` visibility, which Nepal's delegate and the analyst may read but
//! not change (deleting any `can_write` check fails these rows).

use reqwest::Method;
use serde_json::{json, Value};

use crate::helpers::*;
use crate::matrix::{context, prepare, send, Ctx};

const WHO: [&str; 3] = ["read key", "write key", "stakeholder account"];
const FIRM: &str = "matrix.firm@gmc.test";

/// Expected status for (BGD delegate's read key, BGD delegate's read+write key, stakeholder account).
const CREDENTIALS: &[(&str, [u16; 3])] = &[
    ("health_live", [200, 200, 200]),
    ("health_ready", [200, 200, 200]),
    ("login", [200, 200, 200]),
    ("refresh_token", [200, 200, 200]),
    ("logout", [204, 204, 204]),
    ("get_me", [200, 200, 200]),
    ("list_countries", [200, 200, 200]),
    ("get_country", [200, 200, 200]),
    ("list_delegations", [200, 200, 200]),
    ("get_delegation", [200, 200, 200]),
    ("list_ministerials", [200, 200, 200]),
    ("get_ministerial", [200, 200, 200]),
    ("create_ministerial", [403, 403, 403]),
    ("list_ntm_categories", [200, 200, 200]),
    ("list_sectors", [200, 200, 200]),
    ("list_topics", [200, 200, 200]),
    ("get_topic", [200, 200, 200]),
    ("create_topic", [403, 403, 403]),
    ("update_topic", [403, 403, 403]),
    ("delete_topic", [403, 403, 403]),
    ("list_watch_items", [200, 200, 200]),
    ("get_watch_item", [200, 200, 404]),
    ("create_watch_item", [403, 201, 403]),
    ("update_watch_item", [403, 200, 404]),
    ("delete_watch_item", [403, 204, 404]),
    ("list_impediments", [200, 200, 200]),
    ("summarize_impediments", [200, 200, 200]),
    ("create_impediment", [403, 201, 403]),
    ("get_impediment", [200, 200, 404]),
    ("update_impediment", [403, 200, 404]),
    ("delete_impediment", [403, 204, 404]),
    ("step_impediment", [403, 200, 403]),
    ("list_impediment_steps", [200, 200, 404]),
    ("list_consultations", [200, 200, 200]),
    ("create_consultation", [403, 201, 403]),
    ("get_consultation", [200, 200, 404]),
    ("update_consultation", [403, 200, 404]),
    ("delete_consultation", [403, 204, 404]),
    ("set_consultation_status", [403, 200, 404]),
    ("publish_consultation_feedback", [403, 200, 404]),
    ("get_consultation_results", [200, 200, 404]),
    ("get_consultation_crosstab", [200, 200, 404]),
    ("list_consultation_text_answers", [200, 200, 404]),
    ("list_consultation_responses", [200, 200, 404]),
    ("export_consultation_results", [200, 200, 404]),
    ("export_consultation_responses", [200, 200, 404]),
    ("get_public_form", [200, 200, 200]),
    ("submit_public_response", [201, 201, 201]),
    ("list_prep_item_evidence", [200, 200, 404]),
    ("create_evidence_link", [403, 201, 404]),
    ("delete_evidence_link", [403, 204, 404]),
    ("get_prep_item_strength", [200, 200, 404]),
    ("get_topic_strength", [200, 200, 200]),
    ("get_impediment_trace", [200, 200, 404]),
    ("get_prep_item_trace", [200, 200, 404]),
    // A stakeholder account reads no alignment report.
    ("get_alignment", [200, 200, 404]),
    ("export_alignment", [200, 200, 404]),
    ("list_stakeholders", [200, 200, 200]),
    ("create_stakeholder", [403, 201, 403]),
    ("get_stakeholder", [200, 200, 404]),
    ("update_stakeholder", [403, 200, 404]),
    ("delete_stakeholder", [403, 204, 404]),
    // Personal data never leaves through an API key, whatever its scopes.
    ("get_stakeholder_contact", [403, 403, 404]),
    ("erase_stakeholder", [403, 200, 404]),
    ("list_users", [403, 403, 403]),
    ("get_user", [403, 403, 403]),
    ("create_user", [403, 403, 403]),
    ("update_user", [403, 403, 403]),
    ("list_api_keys", [200, 200, 200]),
    // A key never mints another key.
    ("create_api_key", [403, 403, 201]),
    ("revoke_api_key", [403, 204, 404]),
    ("list_audit_events", [403, 403, 403]),
    // A key never changes how its owner signs in. The calls are prepared for Bangladesh's delegate: the
    // stakeholder account's own enrolment (started by the row above it; paths run in order) does not
    // take Bangladesh's code (422), and it has no active factor to disable (404).
    ("complete_mfa_sign_in", [200, 200, 200]),
    ("start_mfa_enrolment", [403, 403, 200]),
    ("verify_mfa_enrolment", [403, 403, 422]),
    ("disable_mfa", [403, 403, 404]),
    ("reset_user_mfa", [403, 403, 403]),
    // Ministerial preparation (issue 9).
    ("list_coalitions", [200, 200, 200]),
    ("get_coalition", [200, 200, 200]),
    ("create_coalition", [403, 403, 403]),
    ("update_coalition", [403, 403, 403]),
    ("list_prep_items", [200, 200, 200]),
    ("get_prep_board", [200, 200, 200]),
    ("create_prep_item", [403, 201, 403]),
    ("get_prep_item", [200, 200, 404]),
    ("update_prep_item", [403, 200, 404]),
    ("step_prep_item", [403, 200, 403]),
    ("list_prep_item_steps", [200, 200, 404]),
    ("list_prep_item_texts", [200, 200, 404]),
    ("diff_prep_item_texts", [200, 200, 404]),
    ("get_prep_item_text", [200, 200, 404]),
    ("save_prep_item_text", [403, 201, 403]),
    // issue 10: notifications — the keys are Bangladesh's delegate's, so the notification is theirs.
    ("list_my_notifications", [200, 200, 200]),
    ("count_my_unread_notifications", [200, 200, 200]),
    ("mark_notification_read", [403, 200, 404]),
    ("mark_all_notifications_read", [403, 200, 200]),
    ("get_my_follows", [200, 200, 200]),
    ("put_my_follows", [403, 200, 200]),
    ("get_my_notification_settings", [200, 200, 200]),
    ("put_my_notification_settings", [403, 200, 200]),
    ("list_email_outbox", [403, 403, 403]),
    ("get_home", [200, 200, 200]),
    // issue 11: imports — a read key imports nothing; the import read is the key owner's own.
    ("import_stakeholders", [403, 200, 403]),
    ("import_impediments", [403, 200, 403]),
    ("get_import_template", [200, 200, 200]),
    ("get_import", [200, 200, 404]),
    ("get_import_report", [200, 200, 404]),
    // issue 11: import-kinds — the keys are a delegate's, who manages no topics.
    ("import_topics", [403, 403, 403]),
    ("import_prep_items", [403, 200, 403]),
    // issue 11: response imports — a write key of the owning delegation's delegate imports.
    ("import_consultation_responses", [403, 200, 403]),
    // issue 11: import jobs — a read key cancels nothing; a stakeholder account may not import.
    ("cancel_import", [403, 200, 403]),
    // issue 11: wto notifications — the keys are a delegate's, who imports no WTO data; anyone reads it.
    ("import_wto_notifications", [403, 403, 403]),
    ("list_wto_notifications", [200, 200, 200]),
    ("get_wto_notification", [200, 200, 200]),
    // issue 10: meetings. A read key answers no invitation; the `rsvp_meeting` meeting does not invite
    // Bangladesh (the organiser), so its write key is refused too.
    ("list_meetings", [200, 200, 200]),
    ("create_meeting", [403, 201, 403]),
    ("get_meeting", [200, 200, 404]),
    ("update_meeting", [403, 200, 404]),
    ("cancel_meeting", [403, 200, 404]),
    ("rsvp_meeting", [403, 403, 404]),
    ("get_meeting_ics", [200, 200, 404]),
    ("get_meeting_minutes", [200, 200, 404]),
    ("save_meeting_minutes", [403, 200, 404]),
    ("list_meeting_action_items", [200, 200, 404]),
    // issue 10: forum SPA
    ("list_meeting_participants", [200, 200, 404]),
    ("create_action_item", [403, 201, 403]),
    ("list_action_items", [200, 200, 200]),
    ("update_action_item", [403, 200, 404]),
    // A key never mints a feed (its token is a credential); the stakeholder account has no feed to revoke.
    ("create_calendar_feed", [403, 403, 201]),
    ("revoke_calendar_feed", [403, 403, 404]),
    ("get_calendar_feed", [200, 200, 200]),
    // issue 10: briefings. Stakeholders read none and write none; the step is the analyst's, not
    // Bangladesh's (403 with a write key too).
    ("list_briefing_requests", [200, 200, 200]),
    ("create_briefing_request", [403, 201, 403]),
    ("get_briefing_request", [200, 200, 404]),
    ("update_briefing_request", [403, 200, 403]),
    ("step_briefing_request", [403, 403, 403]),
    ("list_briefing_request_steps", [200, 200, 404]),
    ("list_briefing_comments", [200, 200, 404]),
    ("create_briefing_comment", [403, 201, 403]),
    ("list_briefing_deliverables", [200, 200, 404]),
    ("create_briefing_deliverable", [403, 403, 403]),
    ("file_briefing_deliverable", [403, 403, 403]),
    // issue 10: documents
    ("list_documents", [200, 200, 200]),
    ("search_documents", [200, 200, 200]),
    ("create_document", [403, 201, 403]),
    ("get_document", [200, 200, 404]),
    ("update_document", [403, 200, 404]),
    ("list_document_versions", [200, 200, 404]),
    ("upload_document_version", [403, 201, 404]),
    ("download_document_version", [200, 200, 404]),
    // issue 11: webhooks — the subscription is the delegate's session's: a key sees only what it made
    // itself (404), a read key changes nothing (403), stakeholders have no webhooks (403).
    ("list_webhooks", [200, 200, 403]),
    ("create_webhook", [403, 201, 403]),
    ("get_webhook", [404, 404, 403]),
    ("update_webhook", [403, 404, 403]),
    ("delete_webhook", [403, 404, 403]),
    ("rotate_webhook_secret", [403, 404, 403]),
    ("list_webhook_deliveries", [404, 404, 403]),
    ("replay_webhook_delivery", [403, 404, 403]),
    // issue 11: key budgets and exports — no key changes a budget, its own or another's.
    ("set_api_key_budget", [403, 403, 403]),
    ("get_api_key_usage", [200, 200, 404]),
    ("export_impediments", [200, 200, 200]),
    ("export_stakeholders", [200, 200, 200]),
    // issue 11: exports — the other collections, each as its list.
    ("export_topics", [200, 200, 200]),
    ("export_prep_items", [200, 200, 200]),
    ("export_consultations", [200, 200, 200]),
    ("export_meetings", [200, 200, 200]),
    ("export_briefing_requests", [200, 200, 200]),
    ("export_documents", [200, 200, 200]),
];

async fn key(app: &TestApp, bgd: &str, scopes: Value) -> String {
    let res = app.post_json("/api/v1/api-keys", Some(bgd), json!({"name": "matrix", "scopes": scopes})).await;
    assert_eq!(res.status(), 201);
    res.json::<Value>().await.unwrap()["key"].as_str().unwrap().to_owned()
}

async fn firm(app: &TestApp, ctx: &Ctx) -> String {
    let res = app
        .post_json(
            "/api/v1/users",
            Some(&ctx.admin),
            json!({"email": FIRM, "name": "Firm", "password": PASSWORD, "role": "stakeholder"}),
        )
        .await;
    assert_eq!(res.status(), 201);
    app.login(FIRM).await
}

#[tokio::test]
async fn every_operation_answers_api_keys_and_stakeholder_accounts_as_declared() {
    let app = TestApp::spawn().await;
    let ctx = context(&app).await;
    let callers = [key(&app, &ctx.bgd, json!(["read"])).await, key(&app, &ctx.bgd, json!(["read", "write"])).await];
    let callers = [callers[0].clone(), callers[1].clone(), firm(&app, &ctx).await];
    let doc: Value = app.request(Method::GET, "/api/v1/openapi.json", None).send().await.unwrap().json().await.unwrap();
    let mut failures = Vec::new();
    let mut covered = Vec::new();
    for (template, ops) in doc["paths"].as_object().unwrap() {
        for (method, op) in ops.as_object().unwrap() {
            let op_id = op["operationId"].as_str().unwrap();
            covered.push(op_id.to_owned());
            let Some((_, expected)) = CREDENTIALS.iter().find(|(name, _)| *name == op_id) else {
                failures.push(format!("{op_id} ({method} {template}) has no row in the credentials matrix"));
                continue;
            };
            let method = Method::from_bytes(method.to_uppercase().as_bytes()).unwrap();
            for (i, token) in callers.iter().enumerate() {
                // Records are prepared as for Bangladesh's delegate (column 3 of the first matrix).
                let call = prepare(&app, &ctx, op_id, template, method.clone(), 3).await;
                let res = send(&app, call, Some(token)).await;
                let status = res.status().as_u16();
                if status != expected[i] {
                    let body = res.text().await.unwrap_or_default();
                    failures.push(format!("{op_id} as {}: expected {}, got {status}: {body}", WHO[i], expected[i]));
                }
            }
        }
    }
    for (name, _) in CREDENTIALS {
        if !covered.iter().any(|c| c == name) {
            failures.push(format!("credentials row {name} names no operation in the document"));
        }
    }
    assert!(failures.is_empty(), "credentials matrix failures:\n{}", failures.join("\n"));
}

/// Bangladesh records at `regional` visibility: one of each type that has a visibility.
async fn regional(app: &TestApp, ctx: &Ctx, kind: &str) -> String {
    let (path, body) = match kind {
        "impediment" => (
            "/api/v1/impediments",
            json!({"delegation_id": ctx.bgd_delegation, "reporting_country": "BGD", "partner": "EU",
                   "ntm_code": "A14", "title": "Shared", "description": "Shared with the region.", "severity": 3,
                   "visibility": "regional"}),
        ),
        "prep_item" => (
            "/api/v1/prep-items",
            json!({"delegation_id": ctx.bgd_delegation, "ministerial": "MC14", "title": "Shared position",
                   "kind": "proposal", "interest": "offensive", "priority": "medium", "visibility": "regional"}),
        ),
        // issue 10: meetings
        "meeting" => {
            ("/api/v1/meetings", crate::meeting_fixtures::meeting_body(&ctx.bgd_delegation, "regional", &[], &[]))
        }
        // issue 10: documents
        "document" => (
            "/api/v1/documents",
            json!({"delegation_id": ctx.bgd_delegation, "kind": "minutes", "title": "Shared minutes",
                   "visibility": "regional"}),
        ),
        "consultation" => (
            "/api/v1/consultations",
            json!({"delegation_id": ctx.bgd_delegation, "title": "Shared round", "visibility": "regional",
                   "questions": [{"code": "q1", "kind": "single_choice", "prompt": {"en": "Exporting?"},
                   "options": [{"id": "yes", "label": {"en": "Yes"}}, {"id": "no", "label": {"en": "No"}}]}]}),
        ),
        _ => {
            let code = format!("RG-{}", &uuid::Uuid::new_v4().simple().to_string()[..8]).to_uppercase();
            let topic: Value = app
                .post_json(
                    "/api/v1/topics",
                    Some(&ctx.admin),
                    json!({"code": code, "title": "Shared", "kind": "other"}),
                )
                .await
                .json()
                .await
                .unwrap();
            (
                "/api/v1/watch-items",
                json!({"topic_id": topic["id"], "delegation_id": ctx.bgd_delegation, "visibility": "regional",
                       "note": "shared"}),
            )
        }
    };
    let res = app.post_json(path, Some(&ctx.admin), body).await;
    assert_eq!(res.status(), 201, "{kind}");
    res.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_owned()
}

/// Writes on another delegation's `regional` record: readable, so the answer is 403 (not 404).
/// Columns: (Nepal's delegate, the analyst, Bangladesh's own delegate as the control).
const READ_NOT_WRITE: &[(&str, &str, Method, &str, [u16; 3])] = &[
    ("update_watch_item", "watch_item", Method::PATCH, "/api/v1/watch-items/{id}", [403, 403, 200]),
    ("delete_watch_item", "watch_item", Method::DELETE, "/api/v1/watch-items/{id}", [403, 403, 204]),
    ("update_impediment", "impediment", Method::PATCH, "/api/v1/impediments/{id}", [403, 403, 200]),
    ("delete_impediment", "impediment", Method::DELETE, "/api/v1/impediments/{id}", [403, 403, 204]),
    // Raising is the owning delegation's step; the analyst's steps are review and validation.
    ("step_impediment", "impediment", Method::POST, "/api/v1/impediments/{id}/steps", [403, 200, 200]),
    ("update_prep_item", "prep_item", Method::PATCH, "/api/v1/prep-items/{id}", [403, 403, 200]),
    // issue 10: documents — an analyst publishes platform-wide documents, never a delegation's.
    ("update_document", "document", Method::PATCH, "/api/v1/documents/{id}", [403, 403, 200]),
    // Steps are the owners' (and analysts take none); a text is saved by those who may change the item.
    ("step_prep_item", "prep_item", Method::POST, "/api/v1/prep-items/{id}/steps", [403, 403, 200]),
    ("save_prep_item_text", "prep_item", Method::POST, "/api/v1/prep-items/{id}/texts", [403, 403, 201]),
    ("update_consultation", "consultation", Method::PATCH, "/api/v1/consultations/{id}", [403, 403, 200]),
    ("delete_consultation", "consultation", Method::DELETE, "/api/v1/consultations/{id}", [403, 403, 204]),
    ("set_consultation_status", "consultation", Method::POST, "/api/v1/consultations/{id}/status", [403, 403, 200]),
    // The control is refused too, for another reason: the regional round is a draft, not closed (409).
    (
        "publish_consultation_feedback",
        "consultation",
        Method::PUT,
        "/api/v1/consultations/{id}/feedback",
        [403, 403, 409],
    ),
    // Reading a shared consultation is not reading its response rows.
    (
        "list_consultation_responses",
        "consultation",
        Method::GET,
        "/api/v1/consultations/{id}/responses",
        [403, 403, 200],
    ),
    (
        "export_consultation_responses",
        "consultation",
        Method::GET,
        "/api/v1/consultations/{id}/responses.csv",
        [403, 403, 200],
    ),
    // issue 10: meetings
    ("update_meeting", "meeting", Method::PATCH, "/api/v1/meetings/{id}", [403, 403, 200]),
    ("cancel_meeting", "meeting", Method::POST, "/api/v1/meetings/{id}/cancel", [403, 403, 200]),
];

fn body_for(op: &str) -> Option<Value> {
    match op {
        "update_watch_item" => Some(json!({"note": "changed"})),
        "update_impediment" => Some(json!({"severity": 5})),
        "step_impediment" => Some(json!({"to": "under_review", "note": "triage"})),
        "update_consultation" => Some(json!({"title": "Changed"})),
        "update_prep_item" => Some(json!({"priority": "low"})),
        // issue 10: documents
        "update_document" => Some(json!({"title": "Changed"})),
        "step_prep_item" => Some(json!({"to": "drafting"})),
        "save_prep_item_text" => Some(json!({"body": "A shared text."})),
        "set_consultation_status" => Some(json!({"status": "open"})),
        "publish_consultation_feedback" => Some(json!({"texts": {"en": "We raised it."}})),
        // issue 10: meetings
        "update_meeting" => Some(json!({"title": "Changed"})),
        _ => None,
    }
}

#[tokio::test]
async fn another_delegations_regional_records_are_readable_but_not_writable() {
    let app = TestApp::spawn().await;
    let ctx = context(&app).await;
    let callers = [ctx.tokens[4].clone().unwrap(), ctx.tokens[2].clone().unwrap(), ctx.bgd.clone()];
    let who = ["Nepal's delegate", "analyst", "Bangladesh's delegate"];
    let mut failures = Vec::new();
    for (op, kind, method, template, expected) in READ_NOT_WRITE {
        for (i, token) in callers.iter().enumerate() {
            let id = regional(&app, &ctx, kind).await;
            let read_path = template.split("/{id}").next().unwrap().to_owned() + "/" + &id;
            if i < 2 {
                let read = app.get(&read_path, token).await.status().as_u16();
                if read != 200 {
                    failures.push(format!("{op}: {} cannot even read the regional {kind} ({read})", who[i]));
                }
            }
            let mut rb = app.request(method.clone(), &template.replace("{id}", &id), Some(token));
            if let Some(body) = body_for(op) {
                rb = rb.json(&body);
            }
            if matches!(*method, Method::PATCH | Method::PUT) || *op == "set_consultation_status" {
                rb = rb.header("if-match", "\"1\"");
            }
            if *op == "save_prep_item_text" {
                rb = rb.header("if-match", "\"0\"");
            }
            let status = rb.send().await.unwrap().status().as_u16();
            if status != expected[i] {
                failures
                    .push(format!("{op} on a regional {kind} as {}: expected {}, got {status}", who[i], expected[i]));
            }
        }
    }
    assert!(failures.is_empty(), "readable-but-not-writable failures:\n{}", failures.join("\n"));
}
