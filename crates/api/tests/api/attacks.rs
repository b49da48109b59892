//! Attack tests for confidentiality (issue 7): each performs an attack an auditor reproduced and
//! asserts it now fails. `docs/security.md` maps every control to its test here.

use reqwest::Method;
use serde_json::{json, Value};

use crate::helpers::*;

const FIRM: &str = "firm@gmc.test";

fn questions() -> Value {
    json!([
        {"code": "q1", "kind": "single_choice", "required": true, "prompt": {"en": "Do you export?"},
         "options": [{"id": "yes", "label": {"en": "Yes"}}, {"id": "no", "label": {"en": "No"}}]},
        {"code": "q2", "kind": "text", "max_length": 200, "prompt": {"en": "What stops you?"}}
    ])
}

/// A Bangladesh consultation at `visibility`, opened; returns it.
async fn open_consultation(app: &TestApp, bgd: &str, visibility: &str, questions: Value) -> Value {
    let res = app
        .post_json(
            "/api/v1/consultations",
            Some(bgd),
            json!({"title": "Exporting in 2026", "visibility": visibility, "questions": questions}),
        )
        .await;
    assert_eq!(res.status(), 201);
    let c: Value = res.json().await.unwrap();
    let res = app
        .request(Method::POST, &format!("/api/v1/consultations/{}/status", c["id"].as_str().unwrap()), Some(bgd))
        .header("if-match", format!("\"{}\"", c["version"]))
        .json(&json!({"status": "open"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    res.json().await.unwrap()
}

async fn answer(app: &TestApp, c: &Value, who: Option<&str>, country: &str, text: &str) -> Value {
    let body = json!({"answers": {"q1": "yes", "q2": text},
                      "profile": {"country": country, "sector": "C", "size_class": "micro", "women_led": false}});
    let path = format!("/api/v1/public/consultations/{}/responses", c["token"].as_str().unwrap());
    let res = app.post_json(&path, who, body).await;
    assert_eq!(res.status(), 201);
    res.json().await.unwrap()
}

/// A stakeholder account linked to a Bangladesh firm; returns (firm's token, stakeholder record).
async fn firm_account(app: &TestApp, bgd: &str, visibility_note: &str) -> (String, Value) {
    let admin = app.login(ADMIN).await;
    let user: Value = app
        .post_json(
            "/api/v1/users",
            Some(&admin),
            json!({"email": FIRM, "name": "Firm owner", "password": PASSWORD, "role": "stakeholder"}),
        )
        .await
        .json()
        .await
        .unwrap();
    let res = app
        .post_json(
            "/api/v1/stakeholders",
            Some(bgd),
            json!({"name": format!("Rupali Shrimp {visibility_note}"), "kind": "msme", "country": "BGD",
                   "sector": "A", "size_class": "small", "women_led": true, "user_id": user["id"]}),
        )
        .await;
    assert_eq!(res.status(), 201);
    (app.login(FIRM).await, res.json().await.unwrap())
}

/// Finding 1: a reader of a shared consultation read every response row (profile, exact time, free
/// text) and with it the cells `/results` withholds. Rows now go to the owners only.
#[tokio::test]
async fn raw_responses_go_only_to_the_consultations_owners() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let c = open_consultation(&app, &bgd, "regional", questions()).await;
    for i in 0..6 {
        answer(&app, &c, None, "BGD", &format!("answer {i}")).await;
    }
    for i in 0..3 {
        answer(&app, &c, None, "SGP", &format!("Singapore firm {i}")).await;
    }
    let id = c["id"].as_str().unwrap();
    let npl = app.login(NPL).await;
    let analyst = app.login(ANALYST).await;
    for (who, token) in [("Nepal", &npl), ("analyst", &analyst)] {
        let r = app.get_json(&format!("/api/v1/consultations/{id}/results?country=SGP"), token).await;
        assert_eq!(r["respondents"]["withheld"], true, "{who}: the cell is withheld");
        for path in ["responses", "responses.csv"] {
            let res = app.get(&format!("/api/v1/consultations/{id}/{path}"), token).await;
            let body = res.text().await.unwrap();
            assert!(!body.contains("SGP") && !body.contains("Singapore"), "{who} read rows through {path}: {body}");
        }
        problem(app.get(&format!("/api/v1/consultations/{id}/responses"), token).await, 403).await;
        problem(app.get(&format!("/api/v1/consultations/{id}/responses.csv"), token).await, 403).await;
    }
    // A stakeholder account reads a public consultation's aggregates, never its rows.
    let public = open_consultation(&app, &bgd, "public", questions()).await;
    answer(&app, &public, None, "SGP", "public answer").await;
    let (firm, _) = firm_account(&app, &bgd, "").await;
    let pid = public["id"].as_str().unwrap();
    assert_eq!(app.get(&format!("/api/v1/consultations/{pid}/results"), &firm).await.status(), 200);
    problem(app.get(&format!("/api/v1/consultations/{pid}/responses"), &firm).await, 403).await;
    problem(app.get(&format!("/api/v1/consultations/{pid}/responses.csv"), &firm).await, 403).await;
    // The owners read them.
    for token in [&bgd, &app.login(ADMIN).await] {
        assert_eq!(app.all_pages(&format!("/api/v1/consultations/{id}/responses"), token).await.len(), 9);
        let csv = app.get(&format!("/api/v1/consultations/{id}/responses.csv"), token).await.text().await.unwrap();
        assert_eq!(csv.lines().count(), 10);
    }
}

/// Finding 3: filing an impediment from a response copied the response's firm onto the impediment, so
/// an anonymous answer led to a named firm — across delegations on a regional consultation — and the
/// 409 on deleting that firm counted another delegation's records.
#[tokio::test]
async fn filing_an_impediment_from_a_response_does_not_name_the_respondent() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let npl = app.login(NPL).await;
    let (firm, stakeholder) = firm_account(&app, &bgd, "").await;
    let c = open_consultation(&app, &bgd, "regional", questions()).await;
    let response = answer(&app, &c, Some(&firm), "BGD", "testing fees").await;
    let body = |country: &str| {
        json!({"reporting_country": country, "partner": "EU", "ntm_code": "A14", "title": "Re-testing",
               "description": "From a consultation answer.", "severity": 4, "visibility": "regional",
               "response_id": response["id"]})
    };
    // Nepal reads the regional consultation but not its rows: the response is unknown to it.
    let p = problem(app.post_json("/api/v1/impediments", Some(&npl), body("NPL")).await, 422).await;
    assert_eq!(fields(&p), vec!["response_id"]);
    // The owner files from it: the impediment keeps the response, not the firm.
    let res = app.post_json("/api/v1/impediments", Some(&bgd), body("BGD")).await;
    assert_eq!(res.status(), 201);
    let from_response: Value = res.json().await.unwrap();
    assert_eq!((from_response["source"].as_str(), from_response["stakeholder_id"].as_str()), (Some("response"), None));

    // Linked on purpose to the firm, a regional impediment shows the firm only to who may read it.
    let mut named = body("BGD");
    named.as_object_mut().unwrap().remove("response_id");
    named["stakeholder_id"] = stakeholder["id"].clone();
    let res = app.post_json("/api/v1/impediments", Some(&bgd), named).await;
    assert_eq!(res.status(), 201);
    let named: Value = res.json().await.unwrap();
    let iid = named["id"].as_str().unwrap();
    assert_eq!(app.get_json(&format!("/api/v1/impediments/{iid}"), &bgd).await["stakeholder_id"], stakeholder["id"]);
    let seen = app.get_json(&format!("/api/v1/impediments/{iid}"), &npl).await;
    assert_eq!(seen["stakeholder_id"], Value::Null, "Nepal reads the impediment, not the firm");
    let listed = app.all_pages("/api/v1/impediments", &npl).await;
    let row = listed.iter().find(|i| i["id"] == named["id"]).expect("Nepal lists the regional impediment");
    assert_eq!(row["stakeholder_id"], Value::Null);
    let body = app.get(&format!("/api/v1/impediments/{iid}"), &npl).await.text().await.unwrap();
    assert!(!body.contains(stakeholder["id"].as_str().unwrap()));

    // Deleting the firm is refused without counting records the caller may not read.
    let sid = stakeholder["id"].as_str().unwrap();
    let res = app.request(Method::DELETE, &format!("/api/v1/stakeholders/{sid}"), Some(&bgd)).send().await.unwrap();
    let p = problem(res, 409).await;
    let detail = p["detail"].as_str().unwrap_or_default();
    assert!(!detail.chars().any(|ch| ch.is_ascii_digit()), "no counts in: {detail}");
}

/// Also reproduced: `results.csv` wrote a consultation's own prompts and options verbatim, so a prompt
/// typed as a formula ran when a delegate opened the export. Every text cell is now made safe.
#[tokio::test]
async fn every_text_cell_of_a_results_export_is_spreadsheet_safe() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let questions = json!([
        {"code": "q1", "kind": "single_choice", "prompt": {"en": "=HYPERLINK(\"http://x.test\",\"click\")"},
         "options": [{"id": "yes", "label": {"en": "@SUM(A1)"}}, {"id": "no", "label": {"en": "+1"}}]},
        {"code": "q2", "kind": "number", "min": -10, "max": 10, "prompt": {"en": "-2+3"}}
    ]);
    let c = open_consultation(&app, &bgd, "delegation", questions).await;
    let path = format!("/api/v1/public/consultations/{}/responses", c["token"].as_str().unwrap());
    for v in [-4, -2] {
        assert_eq!(app.post_json(&path, None, json!({"answers": {"q1": "yes", "q2": v}})).await.status(), 201);
    }
    let id = c["id"].as_str().unwrap();
    let csv = app.get(&format!("/api/v1/consultations/{id}/results.csv"), &bgd).await.text().await.unwrap();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    for record in reader.records() {
        for cell in record.unwrap().iter() {
            let formula_like = cell.starts_with(['=', '+', '-', '@']) && cell.parse::<f64>().is_err();
            assert!(!formula_like, "a cell would run as a formula: {cell:?} in {csv}");
        }
    }
    assert!(csv.contains("'=HYPERLINK") && csv.contains("'-2+3"), "{csv}");
    assert!(csv.contains("-3.0000"), "a negative mean stays a number: {csv}");
}

/// Every text value stored anywhere in the database: the bytes of the SQLite file and its
/// write-ahead log (as the files are on disk, free pages included), or every row of every table
/// on PostgreSQL, as text.
async fn database_contents(app: &TestApp) -> Vec<u8> {
    let url = app.database_url();
    if let Some(rest) = url.strip_prefix("sqlite://") {
        let path = rest.split('?').next().unwrap();
        let mut bytes = std::fs::read(path).unwrap();
        for suffix in ["-wal", "-shm", "-journal"] {
            if let Ok(more) = std::fs::read(format!("{path}{suffix}")) {
                bytes.extend(more);
            }
        }
        return bytes;
    }
    use sea_orm::{ConnectionTrait, Statement};
    let db = app.db().await;
    let tables = db
        .query_all(Statement::from_string(
            db.get_database_backend(),
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public'",
        ))
        .await
        .unwrap();
    let mut out = Vec::new();
    for t in tables {
        let name: String = t.try_get_by_index(0).unwrap();
        let rows = db
            .query_all(Statement::from_string(db.get_database_backend(), format!("SELECT t::text FROM \"{name}\" t")))
            .await
            .unwrap();
        for r in rows {
            let text: String = r.try_get_by_index(0).unwrap();
            out.extend(text.into_bytes());
        }
    }
    out
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle.as_bytes())
}

/// Finding 5: after erasure the stakeholder's name, external id and consent came back from a replay
/// of its create, the linked account stayed active with its name and e-mail (and its tokens worked),
/// the audit log kept the e-mail, and SQLite's write-ahead log kept the old pages. Now none of the
/// erased strings is found in the database files, and the account can do nothing.
#[tokio::test]
async fn erasure_leaves_no_personal_data_anywhere_in_the_database() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let admin = app.login(ADMIN).await;
    let (name, email, phone, external, contact, account_name) = (
        "Zephyrine Tideworks Ltd",
        "zephyrine.owner@tideworks.test",
        "+880 1711 424242",
        "ZEPHYR-EXT-7741",
        "Qorvath Mirelle",
        "Ysolde Farquhar-Tidewell",
    );
    let user: Value = app
        .post_json(
            "/api/v1/users",
            Some(&admin),
            json!({"email": email, "name": account_name, "password": PASSWORD, "role": "stakeholder"}),
        )
        .await
        .json()
        .await
        .unwrap();
    let create = json!({"name": name, "kind": "msme", "country": "BGD", "sector": "A", "size_class": "small",
        "women_led": true, "external_id": external, "contact_name": contact, "contact_email": email,
        "contact_phone": phone, "consent_purpose": "Consultations of the Bangladesh mission",
        "consent_at": "2026-11-01", "user_id": user["id"]});
    let post_create = || {
        app.request(Method::POST, "/api/v1/stakeholders", Some(&bgd))
            .header("idempotency-key", "create-zephyr-1")
            .json(&create)
            .send()
    };
    let res = post_create().await.unwrap();
    assert_eq!(res.status(), 201);
    let stakeholder: Value = res.json().await.unwrap();
    let sid = stakeholder["id"].as_str().unwrap().to_owned();
    // The firm signs in (and once fails to), makes a key, and reads its record.
    let bad = app.post_json("/api/v1/auth/login", None, json!({"email": email, "password": "wrong-password"})).await;
    assert_eq!(bad.status(), 401);
    let pair = app.login_pair(email).await;
    let firm = pair["access_token"].as_str().unwrap().to_owned();
    let key: Value = app
        .post_json("/api/v1/api-keys", Some(&firm), json!({"name": "firm", "scopes": ["read"]}))
        .await
        .json()
        .await
        .unwrap();
    let key = key["key"].as_str().unwrap().to_owned();
    assert_eq!(app.get(&format!("/api/v1/stakeholders/{sid}"), &firm).await.status(), 200);
    assert_eq!(app.get(&format!("/api/v1/stakeholders/{sid}/contact"), &bgd).await.status(), 200);

    let res =
        app.request(Method::POST, &format!("/api/v1/stakeholders/{sid}/erasure"), Some(&bgd)).send().await.unwrap();
    assert_eq!(res.status(), 200);

    // A replay of the original create answers "gone", with none of the erased data, and creates nothing.
    let replay = post_create().await.unwrap();
    assert_eq!(replay.status(), 410);
    let body = replay.text().await.unwrap();
    assert!(!body.contains(name) && !body.contains(external), "{body}");
    assert!(app.all_pages("/api/v1/stakeholders", &bgd).await.iter().all(|s| s["name"] != name));
    // The account can do nothing: its token, refresh token, key and password are all refused.
    problem(app.get("/api/v1/me", &firm).await, 401).await;
    problem(app.get("/api/v1/me", &key).await, 401).await;
    let refresh = app.post_json("/api/v1/auth/refresh", None, json!({"refresh_token": pair["refresh_token"]})).await;
    problem(refresh, 401).await;
    let login = app.post_json("/api/v1/auth/login", None, json!({"email": email, "password": PASSWORD})).await;
    problem(login, 401).await;

    let contents = database_contents(&app).await;
    for erased in [name, email, phone, external, contact, account_name] {
        assert!(!contains(&contents, erased), "{erased:?} is still in the database");
    }
}

/// Also reproduced: access tokens outlived sign-out, a reused refresh token (family revocation) and
/// disabling, and enabling a user again revived its old tokens and keys.
#[tokio::test]
async fn access_tokens_end_with_sign_out_refresh_reuse_and_disabling() {
    let app = TestApp::spawn().await;
    // Sign-out ends the access token at once.
    let pair = app.login_pair(NPL).await;
    let access = pair["access_token"].as_str().unwrap().to_owned();
    assert_eq!(app.get("/api/v1/me", &access).await.status(), 200);
    let out = app.post_json("/api/v1/auth/logout", None, json!({"refresh_token": pair["refresh_token"]})).await;
    assert_eq!(out.status(), 204);
    problem(app.get("/api/v1/me", &access).await, 401).await;
    // A fresh sign-in right after works.
    let again = app.login(NPL).await;
    assert_eq!(app.get("/api/v1/me", &again).await.status(), 200);

    // A reused refresh token signs out the access tokens too.
    let pair = app.login_pair(BGD).await;
    let first = pair["refresh_token"].clone();
    let rotated: Value =
        app.post_json("/api/v1/auth/refresh", None, json!({"refresh_token": first})).await.json().await.unwrap();
    let rotated_access = rotated["access_token"].as_str().unwrap().to_owned();
    assert_eq!(app.get("/api/v1/me", &rotated_access).await.status(), 200);
    problem(app.post_json("/api/v1/auth/refresh", None, json!({"refresh_token": first})).await, 401).await;
    problem(app.get("/api/v1/me", &rotated_access).await, 401).await;

    // Disabling ends tokens and keys; enabling again revives neither.
    let admin = app.login(ADMIN).await;
    let analyst = app.login(ANALYST).await;
    let key: Value = app
        .post_json("/api/v1/api-keys", Some(&analyst), json!({"name": "k", "scopes": ["read"]}))
        .await
        .json()
        .await
        .unwrap();
    let key = key["key"].as_str().unwrap().to_owned();
    let me = app.get_json("/api/v1/me", &analyst).await;
    let uid = me["id"].as_str().unwrap();
    for active in [false, true] {
        let user = app.get(&format!("/api/v1/users/{uid}"), &admin).await;
        let etag = user.headers().get("etag").unwrap().to_str().unwrap().to_owned();
        let res = app
            .request(Method::PATCH, &format!("/api/v1/users/{uid}"), Some(&admin))
            .header("if-match", etag)
            .json(&json!({"active": active}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
        problem(app.get("/api/v1/me", &analyst).await, 401).await;
        problem(app.get("/api/v1/me", &key).await, 401).await;
    }
    assert_eq!(app.get("/api/v1/me", &app.login(ANALYST).await).await.status(), 200, "a new sign-in works");
}

/// Also reproduced: `POST /stakeholders {"user_id": X}` told a delegate whether a UUID is a user,
/// which role it has, and whether another firm uses it. All three now get one answer.
#[tokio::test]
async fn linking_a_user_reveals_nothing_about_accounts() {
    let app = TestApp::spawn().await;
    let admin = app.login(ADMIN).await;
    let bgd = app.login(BGD).await;
    let npl = app.login(NPL).await;
    let firm: Value = app
        .post_json(
            "/api/v1/users",
            Some(&admin),
            json!({"email": FIRM, "name": "Firm", "password": PASSWORD, "role": "stakeholder"}),
        )
        .await
        .json()
        .await
        .unwrap();
    let body = |name: &str, user: &Value| {
        json!({"name": name, "kind": "msme", "country": "NPL", "sector": "A", "size_class": "small",
               "women_led": false, "user_id": user})
    };
    // Bangladesh links the firm's account first.
    let mut linked = body("Linked", &firm["id"]);
    linked["country"] = json!("BGD");
    assert_eq!(app.post_json("/api/v1/stakeholders", Some(&bgd), linked).await.status(), 201);
    let analyst = app.get_json("/api/v1/me", &app.login(ANALYST).await).await;
    let probes = [json!("00000000-0000-7000-8000-000000000000"), analyst["id"].clone(), firm["id"].clone()];
    let mut answers = Vec::new();
    for probe in probes {
        let p = problem(app.post_json("/api/v1/stakeholders", Some(&npl), body("Probe", &probe)).await, 422).await;
        answers.push(p["errors"].clone());
    }
    assert!(answers.iter().all(|a| *a == answers[0]), "{answers:?}");
}

/// Also reproduced: the per-account sign-in limiter let anyone lock a known account out by failing on
/// purpose. Failures now count per (account, address): the guessing addresses are blocked, and the
/// owner with the right password from an address of their own gets in after at most a short wait.
#[tokio::test]
async fn failing_on_purpose_cannot_lock_the_owner_out() {
    let app = TestApp::spawn_with(|s| {
        s.login_burst = 2;
        s.login_period_secs = 600;
    })
    .await;
    let from =
        |last: u8| reqwest::Client::builder().local_address(std::net::IpAddr::from([127, 0, 0, last])).build().unwrap();
    let url = format!("{}/api/v1/auth/login", app.base);
    let mut blocked = 0;
    for last in 2..=7u8 {
        let attacker = from(last);
        for _ in 0..3 {
            let res = attacker.post(&url).json(&json!({"email": BGD, "password": "guess-guess"})).send().await.unwrap();
            match res.status().as_u16() {
                401 => {}
                429 => {
                    assert!(res.headers().get("retry-after").is_some());
                    blocked += 1;
                }
                other => panic!("unexpected {other}"),
            }
        }
    }
    assert!(blocked >= 6, "each guessing address is stopped after its failures ({blocked})");
    let started = std::time::Instant::now();
    let res = from(9).post(&url).json(&json!({"email": BGD, "password": PASSWORD})).send().await.unwrap();
    assert_eq!(res.status(), 200, "the owner is not locked out");
    assert!(started.elapsed() < std::time::Duration::from_secs(3), "only a short backoff");
}

/// Also reproduced: no Content-Security-Policy, and results, responses and exports without
/// `Cache-Control: no-store`, so a shared computer's browser cache kept them.
#[tokio::test]
async fn confidential_answers_are_not_cached_and_pages_carry_a_content_security_policy() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let c = open_consultation(&app, &bgd, "delegation", questions()).await;
    let id = c["id"].as_str().unwrap();
    for path in [
        format!("/api/v1/consultations/{id}/results"),
        format!("/api/v1/consultations/{id}/responses"),
        format!("/api/v1/consultations/{id}/responses.csv"),
        format!("/api/v1/consultations/{id}/results.csv"),
        "/api/v1/impediments".to_owned(),
        "/api/v1/stakeholders".to_owned(),
    ] {
        let res = app.get(&path, &bgd).await;
        assert_eq!(res.status(), 200, "{path}");
        assert_eq!(res.headers()["cache-control"], "no-store", "{path}");
        let csp = res.headers()["content-security-policy"].to_str().unwrap();
        assert!(csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
    }
    let page = app.client.get(format!("{}/api/docs/", app.base)).send().await.unwrap();
    assert!(page.headers()["content-security-policy"].to_str().unwrap().contains("script-src 'self'"));
}

/// Also reproduced: a POST with an `Idempotency-Key` and a body over the limit answered a plain-text
/// 413; it is now problem+json like every other error.
#[tokio::test]
async fn an_oversized_body_with_an_idempotency_key_is_refused_as_problem_json() {
    let app = TestApp::spawn_with(|s| s.max_json_bytes = 1024).await;
    let bgd = app.login(BGD).await;
    let big = json!({"title": "x".repeat(4096), "questions": []});
    let res = app
        .request(Method::POST, "/api/v1/consultations", Some(&bgd))
        .header("idempotency-key", "big-1")
        .json(&big)
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["content-type"], "application/problem+json");
    problem(res, 413).await;
}

/// Also reproduced: a per-node page cache kept showing an impediment to another delegation for up to
/// two seconds after its owner narrowed it from `regional` to `delegation`.
#[tokio::test]
async fn a_record_narrowed_to_its_delegation_disappears_from_other_delegations_at_once() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let npl = app.login(NPL).await;
    let body = json!({"reporting_country": "BGD", "partner": "EU", "ntm_code": "A14", "title": "Soon private",
                      "description": "Narrowed later.", "severity": 3, "visibility": "regional"});
    let created: Value = app.post_json("/api/v1/impediments", Some(&bgd), body).await.json().await.unwrap();
    let id = created["id"].as_str().unwrap();
    let listed = |token: String| {
        let app = &app;
        async move { app.get_json("/api/v1/impediments?limit=200", &token).await["items"].to_string() }
    };
    assert!(listed(npl.clone()).await.contains(id), "Nepal reads the regional impediment (and warms any cache)");
    // The owner narrows it straight in the database, as another node (or a script) would.
    use gmc_store::entities::impediments;
    use sea_orm::{sea_query::Expr, ColumnTrait, EntityTrait, QueryFilter};
    let narrowed = impediments::Entity::update_many()
        .col_expr(impediments::Column::Visibility, Expr::value("delegation"))
        .filter(impediments::Column::Id.eq(uuid::Uuid::parse_str(id).unwrap()))
        .exec(&app.db().await)
        .await
        .unwrap();
    assert_eq!(narrowed.rows_affected, 1);
    assert!(!listed(npl).await.contains(id), "the narrowed record is gone for Nepal at once");
    problem(app.get(&format!("/api/v1/impediments/{id}"), &app.login(NPL).await).await, 404).await;
}

/// A list's `total` is a count of what the caller may read, never of what exists: another delegation's
/// confidential records change neither the items nor the count, under any filter or sort.
#[tokio::test]
async fn list_totals_do_not_count_another_delegations_confidential_records() {
    let app = TestApp::spawn().await;
    let (bgd, npl, analyst) = (app.login(BGD).await, app.login(NPL).await, app.login(ANALYST).await);
    let file = |token: String, country: &'static str, visibility: &'static str| {
        let app = &app;
        async move {
            let body = json!({"reporting_country": country, "partner": "EU", "ntm_code": "A14", "hs_code": "0306",
                              "title": "Residue limits", "description": "Documented.", "severity": 3,
                              "visibility": visibility});
            assert_eq!(app.post_json("/api/v1/impediments", Some(&token), body).await.status(), 201);
        }
    };
    file(npl.clone(), "NPL", "delegation").await;
    file(npl.clone(), "NPL", "delegation").await;
    file(npl.clone(), "NPL", "regional").await;
    file(bgd.clone(), "BGD", "delegation").await;
    for (token, readable) in [(&bgd, 2), (&analyst, 1), (&npl, 3)] {
        for query in ["", "?partner=EU", "?q=residue&sort=-title", "?sort=severity&limit=1"] {
            let page = app.get_json(&format!("/api/v1/impediments{query}"), token).await;
            assert_eq!(page["total"], readable, "{query}");
            assert_eq!(app.all_pages(&format!("/api/v1/impediments{query}"), token).await.len(), readable, "{query}");
        }
    }
}
