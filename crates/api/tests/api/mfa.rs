//! The second factor (TOTP): enrolment and verification, the step-up at sign-in, codes accepted once,
//! recovery codes, the admin rule, disabling, an admin's reset — each with its audit event.

use reqwest::Method;
use serde_json::{json, Value};

use crate::helpers::*;
use crate::totp::{code_at, now_step, wrong_code};

/// Signs in with the password only and returns the raw answer (tokens or a challenge).
async fn password_only(app: &TestApp, email: &str) -> Value {
    let res = app.post_json("/api/v1/auth/login", None, json!({"email": email, "password": PASSWORD})).await;
    assert_eq!(res.status(), 200);
    res.json().await.unwrap()
}

async fn token_of(app: &TestApp, email: &str) -> String {
    password_only(app, email).await["access_token"].as_str().expect("a password-only account gets tokens").to_owned()
}

async fn start(app: &TestApp, token: &str) -> String {
    let res = app.post_json("/api/v1/me/mfa/enrolment", Some(token), json!({})).await;
    assert_eq!(res.status(), 200);
    let e: Value = res.json().await.unwrap();
    let uri = e["otpauth_uri"].as_str().unwrap();
    assert!(uri.starts_with("otpauth://totp/"), "{uri}");
    assert!(uri.contains(&format!("secret={}", e["secret"].as_str().unwrap())));
    e["secret"].as_str().unwrap().to_owned()
}

async fn mfa_sign_in(app: &TestApp, challenge: &str, code: &str) -> reqwest::Response {
    app.post_json("/api/v1/auth/mfa", None, json!({"mfa_token": challenge, "code": code})).await
}

async fn actions(app: &TestApp, admin: &str, user_id: &str) -> Vec<Value> {
    app.get_json(&format!("/api/v1/audit-events?entity_id={user_id}&limit=200"), admin).await["items"]
        .as_array()
        .unwrap()
        .clone()
}

#[tokio::test]
async fn a_user_enrols_verifies_with_a_current_code_and_gets_ten_recovery_codes() {
    let app = TestApp::spawn().await;
    let token = token_of(&app, BGD).await;
    let secret = start(&app, &token).await;
    let me = app.get_json("/api/v1/me", &token).await;
    assert_eq!(
        me["second_factor"],
        json!({"active": false, "pending": true, "verified": false, "required": false, "recovery_codes_left": 0})
    );

    let wrong = app.post_json("/api/v1/me/mfa/verification", Some(&token), json!({"code": wrong_code(&secret)})).await;
    assert_eq!(fields(&problem(wrong, 422).await), ["code"]);

    let res =
        app.post_json("/api/v1/me/mfa/verification", Some(&token), json!({"code": code_at(&secret, now_step())})).await;
    assert_eq!(res.status(), 200);
    let activation: Value = res.json().await.unwrap();
    let codes = activation["recovery_codes"].as_array().unwrap();
    assert_eq!(codes.len(), 10);
    assert!(codes.iter().all(|c| c.as_str().unwrap().len() == 19), "{codes:?}");
    let upgraded = activation["tokens"]["access_token"].as_str().unwrap();
    let me = app.get_json("/api/v1/me", upgraded).await;
    assert_eq!(me["second_factor"]["active"], true);
    assert_eq!(me["second_factor"]["verified"], true);
    assert_eq!(me["second_factor"]["recovery_codes_left"], 10);
    // The session that enrolled keeps working but did not pass the factor itself.
    assert_eq!(app.get_json("/api/v1/me", &token).await["second_factor"]["verified"], false);
    // Enrolling again while active is refused: a stolen session cannot swap the owner's factor.
    problem(app.post_json("/api/v1/me/mfa/enrolment", Some(upgraded), json!({})).await, 409).await;

    let admin = app.login(ADMIN).await;
    let events = actions(&app, &admin, me["id"].as_str().unwrap()).await;
    let names: Vec<&str> = events.iter().filter_map(|e| e["action"].as_str()).collect();
    assert!(names.contains(&"mfa.enrol") && names.contains(&"mfa.activate"), "{names:?}");
    let text = serde_json::to_string(&events).unwrap();
    assert!(!text.contains(&secret) && !text.contains(codes[0].as_str().unwrap()), "no secret in the audit log");
}

#[tokio::test]
async fn with_a_factor_the_password_gets_a_challenge_and_a_wrong_code_is_refused() {
    let app = TestApp::spawn().await;
    let token = token_of(&app, NPL).await;
    app.enrol_mfa(NPL, &token).await;

    let answer = password_only(&app, NPL).await;
    assert_eq!(answer["mfa_required"], true);
    assert!(answer.get("access_token").is_none(), "no tokens before the second factor");
    let challenge = answer["mfa_token"].as_str().unwrap();
    // A challenge is not a credential.
    problem(app.get("/api/v1/me", challenge).await, 401).await;
    let factor = app.factors.get(NPL).unwrap();
    problem(mfa_sign_in(&app, challenge, &wrong_code(&factor.secret)).await, 401).await;

    let pair = app.complete_mfa(NPL, challenge).await;
    let me = app.get_json("/api/v1/me", pair["access_token"].as_str().unwrap()).await;
    assert_eq!(me["second_factor"]["verified"], true);
    // A spent challenge does not sign in twice.
    problem(mfa_sign_in(&app, challenge, &app.factors.next_code(NPL)).await, 401).await;
}

#[tokio::test]
async fn a_code_replayed_within_its_time_step_is_refused() {
    let app = TestApp::spawn().await;
    let token = token_of(&app, ANALYST).await;
    let secret = start(&app, &token).await;
    let step = now_step();
    let used = code_at(&secret, step);
    let res = app.post_json("/api/v1/me/mfa/verification", Some(&token), json!({"code": used})).await;
    assert_eq!(res.status(), 200);

    // Same code, same 30 seconds: someone who watched it being typed cannot use it.
    let challenge = password_only(&app, ANALYST).await["mfa_token"].as_str().unwrap().to_owned();
    problem(mfa_sign_in(&app, &challenge, &used).await, 401).await;
    // The next step's code (within the one step of drift allowed) works, once.
    let next = code_at(&secret, step + 1);
    assert_eq!(mfa_sign_in(&app, &challenge, &next).await.status(), 200);
    let challenge = password_only(&app, ANALYST).await["mfa_token"].as_str().unwrap().to_owned();
    problem(mfa_sign_in(&app, &challenge, &next).await, 401).await;
}

#[tokio::test]
async fn a_recovery_code_signs_in_once_and_its_use_is_audited() {
    let app = TestApp::spawn().await;
    let token = token_of(&app, BGD).await;
    let activation = app.enrol_mfa(BGD, &token).await;
    let recovery = activation["recovery_codes"][3].as_str().unwrap().to_owned();

    let challenge = password_only(&app, BGD).await["mfa_token"].as_str().unwrap().to_owned();
    // People type them in lower case and without dashes; that is the same code.
    let typed = recovery.to_lowercase().replace('-', " ");
    let res = mfa_sign_in(&app, &challenge, &typed).await;
    assert_eq!(res.status(), 200);
    let pair: Value = res.json().await.unwrap();
    let me = app.get_json("/api/v1/me", pair["access_token"].as_str().unwrap()).await;
    assert_eq!(me["second_factor"]["recovery_codes_left"], 9);

    let challenge = password_only(&app, BGD).await["mfa_token"].as_str().unwrap().to_owned();
    problem(mfa_sign_in(&app, &challenge, &recovery).await, 401).await;

    let admin = app.login(ADMIN).await;
    let events = actions(&app, &admin, me["id"].as_str().unwrap()).await;
    let used: Vec<&Value> = events.iter().filter(|e| e["action"] == "mfa.recovery_code_used").collect();
    assert_eq!(used.len(), 1);
    assert_eq!(used[0]["changes"]["remaining"], 9);
    assert!(!serde_json::to_string(&events).unwrap().contains(&recovery[..9]));
}

#[tokio::test]
async fn an_admin_without_a_second_factor_is_refused_every_admin_operation_until_enrolled() {
    let app = TestApp::spawn().await;
    let password_session = token_of(&app, ADMIN).await;
    for path in ["/api/v1/users", "/api/v1/audit-events", "/api/v1/watch-items", "/api/v1/impediments"] {
        let p = problem(app.get(path, &password_session).await, 403).await;
        assert_eq!(p["type"], "urn:gmc:problem:second-factor-required", "{path}");
        assert!(p["detail"].as_str().unwrap().contains("second factor"));
    }
    let topic = json!({"code": "MFA-1", "title": "Needs a second factor", "kind": "other"});
    problem(app.post_json("/api/v1/topics", Some(&password_session), topic.clone()).await, 403).await;
    let key = json!({"name": "integration", "scopes": ["read", "admin"]});
    problem(app.post_json("/api/v1/api-keys", Some(&password_session), key.clone()).await, 403).await;
    let me = app.get_json("/api/v1/me", &password_session).await;
    assert_eq!(me["second_factor"]["required"], true);
    assert_eq!(me["second_factor"]["verified"], false);

    let activation = app.enrol_mfa(ADMIN, &password_session).await;
    let admin = activation["tokens"]["access_token"].as_str().unwrap();
    app.get_json("/api/v1/users", admin).await;
    assert_eq!(app.post_json("/api/v1/topics", Some(admin), topic).await.status(), 201);
    // The password-only session stays what it was.
    problem(app.get("/api/v1/users", &password_session).await, 403).await;

    // A key made in the second-factor session acts as admin — while the factor is active.
    let res = app.post_json("/api/v1/api-keys", Some(admin), key).await;
    assert_eq!(res.status(), 201);
    let key = res.json::<Value>().await.unwrap()["key"].as_str().unwrap().to_owned();
    app.get_json("/api/v1/users", &key).await;
    let code = app.factors.next_code(ADMIN);
    let res = app
        .request(Method::DELETE, "/api/v1/me/mfa", Some(admin))
        .json(&json!({"password": PASSWORD, "code": code}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 204);
    let p = problem(app.get("/api/v1/users", &key).await, 403).await;
    assert_eq!(p["type"], "urn:gmc:problem:second-factor-required");
    problem(app.get("/api/v1/users", admin).await, 403).await;
}

#[tokio::test]
async fn disabling_needs_the_password_and_a_current_code() {
    let app = TestApp::spawn().await;
    let token = token_of(&app, BGD).await;
    let tokens = app.enrol_mfa(BGD, &token).await["tokens"].clone();
    let session = tokens["access_token"].as_str().unwrap();
    let disable = |body: Value| app.request(Method::DELETE, "/api/v1/me/mfa", Some(session)).json(&body).send();

    let p = problem(disable(json!({"password": "not-the-password", "code": "123456"})).await.unwrap(), 422).await;
    assert_eq!(fields(&p), ["password"]);
    let p = problem(disable(json!({"password": PASSWORD, "code": "12345x"})).await.unwrap(), 422).await;
    assert_eq!(fields(&p), ["code"]);
    problem(disable(json!({"password": PASSWORD})).await.unwrap(), 422).await;
    // An API key cannot do it, whatever its scopes.
    let res = app.post_json("/api/v1/api-keys", Some(session), json!({"name": "k", "scopes": ["read", "write"]})).await;
    let key = res.json::<Value>().await.unwrap()["key"].as_str().unwrap().to_owned();
    let res = app
        .request(Method::DELETE, "/api/v1/me/mfa", Some(&key))
        .json(&json!({"password": PASSWORD, "code": "123456"}))
        .send()
        .await
        .unwrap();
    problem(res, 403).await;

    let res = disable(json!({"password": PASSWORD, "code": app.factors.next_code(BGD)})).await.unwrap();
    assert_eq!(res.status(), 204);
    assert!(password_only(&app, BGD).await["access_token"].is_string(), "the password alone signs in again");
    assert_eq!(app.get_json("/api/v1/me", session).await["second_factor"]["active"], false);
    problem(disable(json!({"password": PASSWORD, "code": "123456"})).await.unwrap(), 404).await;

    let admin = app.login(ADMIN).await;
    let me = app.get_json("/api/v1/me", session).await;
    let events = actions(&app, &admin, me["id"].as_str().unwrap()).await;
    assert!(events.iter().any(|e| e["action"] == "mfa.disable" && e["changes"]["with"] == "totp"));
}

#[tokio::test]
async fn an_admin_resets_a_users_factor_which_signs_them_out_and_is_audited() {
    let app = TestApp::spawn().await;
    let token = token_of(&app, BGD).await;
    let bgd = app.enrol_mfa(BGD, &token).await["tokens"]["access_token"].as_str().unwrap().to_owned();
    let bgd_id = app.get_json("/api/v1/me", &bgd).await["id"].as_str().unwrap().to_owned();
    let npl = app.login(NPL).await;
    let path = format!("/api/v1/users/{bgd_id}/mfa");
    problem(app.request(Method::DELETE, &path, Some(&npl)).send().await.unwrap(), 403).await;
    let admin = app.login(ADMIN).await;
    let users = app.get_json(&format!("/api/v1/users?q={BGD}"), &admin).await;
    assert_eq!(users["items"][0]["second_factor"], true);

    let res = app.request(Method::DELETE, &path, Some(&admin)).send().await.unwrap();
    assert_eq!(res.status(), 204);
    problem(app.get("/api/v1/me", &bgd).await, 401).await;
    assert!(password_only(&app, BGD).await["access_token"].is_string());
    let users = app.get_json(&format!("/api/v1/users?q={BGD}"), &admin).await;
    assert_eq!(users["items"][0]["second_factor"], false);
    let unknown = format!("/api/v1/users/{}/mfa", uuid::Uuid::new_v4());
    problem(app.request(Method::DELETE, &unknown, Some(&admin)).send().await.unwrap(), 404).await;

    let events = actions(&app, &admin, &bgd_id).await;
    let reset = events.iter().find(|e| e["action"] == "mfa.reset").expect("an mfa.reset event");
    assert_eq!(reset["changes"]["had_factor"], true);
    let me = app.get_json("/api/v1/me", &admin).await;
    assert_eq!(reset["actor_id"], me["id"]);
}

#[tokio::test]
async fn wrong_codes_count_towards_the_login_rate_limit() {
    let app = TestApp::spawn_with(|s| {
        s.login_burst = 5;
        s.login_period_secs = 60;
    })
    .await;
    let token = token_of(&app, NPL).await;
    app.enrol_mfa(NPL, &token).await;
    let challenge = password_only(&app, NPL).await["mfa_token"].as_str().unwrap().to_owned();
    let wrong = wrong_code(&app.factors.get(NPL).unwrap().secret);
    for _ in 0..2 {
        problem(mfa_sign_in(&app, &challenge, &wrong).await, 401).await;
    }
    // The budget of five went on two sign-ins, the verification and two wrong codes: even the right
    // code now waits.
    let res = mfa_sign_in(&app, &challenge, &app.factors.next_code(NPL)).await;
    assert!(res.headers().contains_key("retry-after"));
    problem(res, 429).await;
}

/// The accounts behind the matrix's columns (anonymous has none).
const MATRIX_ACCOUNTS: [&str; 5] = ["", ADMIN, ANALYST, BGD, NPL];

async fn factor_active(app: &TestApp, token: &str) -> bool {
    app.get_json("/api/v1/me", token).await["second_factor"]["active"] == true
}

/// A fresh analyst with an active factor; returns the e-mail and the user's id.
async fn fresh_enrolled_user(app: &TestApp, admin: &str) -> (String, String) {
    let email = format!("f{}@gmc.test", uuid::Uuid::new_v4().simple());
    let body = json!({"email": email, "name": "Factor", "password": PASSWORD, "role": "analyst"});
    let res = app.post_json("/api/v1/users", Some(admin), body).await;
    assert_eq!(res.status(), 201);
    let id = res.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_owned();
    let token = token_of(app, &email).await;
    app.enrol_mfa(&email, &token).await;
    (email, id)
}

/// The matrix's calls for the second-factor operations (`matrix::prepare`): each caller's own account is
/// put in the state the operation needs — no active factor before enrolling, an active one before
/// disabling — and the admin column's factor is restored after it disabled it.
pub(crate) async fn prepare_call(
    app: &TestApp,
    ctx: &crate::matrix::Ctx,
    op: &str,
    who: usize,
    call: &mut crate::matrix::Call,
) {
    if !factor_active(app, &ctx.admin).await {
        app.enrol_mfa(ADMIN, &ctx.admin).await;
    }
    let (email, token) = (MATRIX_ACCOUNTS[who], ctx.tokens[who].as_deref());
    let disable_own = |token: &str, email: &str| {
        let body = json!({"password": PASSWORD, "code": app.factors.next_code(email)});
        app.request(Method::DELETE, "/api/v1/me/mfa", Some(token)).json(&body).send()
    };
    match (op, token) {
        ("complete_mfa_sign_in", _) => {
            let (email, _) = fresh_enrolled_user(app, &ctx.admin).await;
            let challenge = password_only(app, &email).await["mfa_token"].as_str().unwrap().to_owned();
            call.body = Some(json!({"mfa_token": challenge, "code": app.factors.next_code(&email)}));
        }
        ("reset_user_mfa", _) => {
            let (_, id) = fresh_enrolled_user(app, &ctx.admin).await;
            call.path = call.path.replace("{id}", &id);
        }
        ("start_mfa_enrolment", Some(token)) if who != 1 && factor_active(app, token).await => {
            assert_eq!(disable_own(token, email).await.unwrap().status(), 204);
        }
        ("verify_mfa_enrolment", Some(token)) if who != 1 => {
            if factor_active(app, token).await {
                assert_eq!(disable_own(token, email).await.unwrap().status(), 204);
            }
            let secret = start(app, token).await;
            let step = now_step();
            call.body = Some(json!({"code": code_at(&secret, step)}));
            app.factors.insert(email, crate::totp::Factor { secret, last_step: step, recovery_codes: Vec::new() });
        }
        ("disable_mfa", Some(token)) => {
            if !factor_active(app, token).await {
                app.enrol_mfa(email, token).await;
            }
            call.body = Some(json!({"password": PASSWORD, "code": app.factors.next_code(email)}));
        }
        ("verify_mfa_enrolment", _) => call.body = Some(json!({"code": "123456"})),
        ("disable_mfa", None) => call.body = Some(json!({"password": PASSWORD, "code": "123456"})),
        _ => {}
    }
}
