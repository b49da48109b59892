//! Consultations over HTTP: questionnaire rules, lifecycle and scheduled dates, the public form with its
//! language fallback, each kind of bad answer, results arithmetic against a hand-computed fixture, the
//! small-cell rule, exports, and isolation between delegations.

use reqwest::Method;
use serde_json::{json, Value};

use crate::helpers::*;

fn questionnaire() -> Value {
    json!([
        {"code": "q1", "kind": "single_choice", "required": true,
         "prompt": {"en": "Do you export?", "bn": "আপনি কি রপ্তানি করেন?"},
         "options": [{"id": "yes", "label": {"en": "Yes", "bn": "হ্যাঁ"}},
                     {"id": "no", "label": {"en": "No", "bn": "না"}},
                     {"id": "maybe", "label": {"en": "Planning to", "bn": "পরিকল্পনা করছি"}}]},
        {"code": "q2", "kind": "multi_choice", "prompt": {"en": "Which obstacles?", "bn": "কোন বাধা?"},
         "options": [{"id": "a", "label": {"en": "Testing", "bn": "পরীক্ষা"}},
                     {"id": "b", "label": {"en": "Permits", "bn": "অনুমতি"}},
                     {"id": "c", "label": {"en": "Fees", "bn": "ফি"}}]},
        {"code": "q3", "kind": "scale", "min": 1, "max": 5,
         "prompt": {"en": "How hard is exporting?", "bn": "রপ্তানি কতটা কঠিন?"},
         "min_label": {"en": "Easy", "bn": "সহজ"}, "max_label": {"en": "Very hard", "bn": "খুব কঠিন"}},
        {"code": "q4", "kind": "number", "min": 0, "prompt": {"en": "Days lost per shipment", "bn": "প্রতি চালানে দিন"}},
        {"code": "q5", "kind": "text", "max_length": 200, "prompt": {"en": "Anything else?", "bn": "আর কিছু?"}}
    ])
}

async fn create(app: &TestApp, token: &str, body: Value) -> Value {
    let res = app.post_json("/api/v1/consultations", Some(token), body).await;
    assert_eq!(res.status(), 201);
    res.json().await.unwrap()
}

async fn set_status(app: &TestApp, token: &str, c: &Value, status: &str) -> reqwest::Response {
    app.request(Method::POST, &format!("/api/v1/consultations/{}/status", c["id"].as_str().unwrap()), Some(token))
        .header("if-match", format!("\"{}\"", c["version"]))
        .json(&json!({"status": status}))
        .send()
        .await
        .unwrap()
}

/// A Bangladesh consultation in English and Bengali, opened.
async fn open_bgd(app: &TestApp, bgd: &str) -> Value {
    let c = create(
        app,
        bgd,
        json!({"title": "Exporting shrimp in 2026", "languages": ["bn"], "questions": questionnaire()}),
    )
    .await;
    let res = set_status(app, bgd, &c, "open").await;
    assert_eq!(res.status(), 200);
    res.json().await.unwrap()
}

async fn submit(app: &TestApp, token: &str, body: Value) -> reqwest::Response {
    app.post_json(&format!("/api/v1/public/consultations/{token}/responses"), None, body).await
}

#[tokio::test]
async fn questionnaires_are_checked_per_kind_and_opening_needs_every_translation() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let bad = json!({"title": "Bad", "languages": ["bn", "xx"], "questions": [
        {"code": "Q1", "kind": "single_choice", "prompt": {"en": "One option"}, "options": [{"id": "a", "label": {"en": "A"}}]},
        {"code": "s", "kind": "scale", "min": 1, "max": 1, "prompt": {"en": "Scale"}},
        {"code": "n", "kind": "number", "min": 5, "max": 1, "prompt": {"en": "Number"}},
        {"code": "t", "kind": "text", "max_length": 0, "prompt": {"en": ""}}]});
    let p = problem(app.post_json("/api/v1/consultations", Some(&bgd), bad).await, 422).await;
    assert_eq!(fields(&p), vec!["languages"], "languages are checked before the texts that depend on them");
    let mut body = json!({"title": "Bad", "languages": ["bn"], "questions": [
        {"code": "Q1", "kind": "single_choice", "prompt": {"en": "One option"}, "options": [{"id": "a", "label": {"en": "A"}}]},
        {"code": "s", "kind": "scale", "min": 1, "max": 1, "prompt": {"en": "Scale"}},
        {"code": "n", "kind": "number", "min": 5, "max": 1, "prompt": {"en": "Number"}},
        {"code": "t", "kind": "text", "max_length": 0, "prompt": {"en": ""}}]});
    let p = problem(app.post_json("/api/v1/consultations", Some(&bgd), body.clone()).await, 422).await;
    assert_eq!(
        fields(&p),
        vec![
            "questions[0].code",
            "questions[0].options",
            "questions[1].max",
            "questions[2].max",
            "questions[3].prompt.en",
            "questions[3].max_length"
        ]
    );
    // A draft may lack translations; opening may not.
    body["questions"] = json!([{"code": "q1", "kind": "single_choice", "prompt": {"en": "Export?"},
        "options": [{"id": "yes", "label": {"en": "Yes", "bn": "হ্যাঁ"}}, {"id": "no", "label": {"en": "No"}}]}]);
    let c = create(&app, &bgd, body).await;
    assert_eq!((c["status"].as_str(), c["languages"].clone()), (Some("draft"), json!(["en", "bn"])));
    let p = problem(set_status(&app, &bgd, &c, "open").await, 422).await;
    assert_eq!(fields(&p), vec!["questions[0].prompt.bn", "questions[0].options[1].label.bn"]);
    let empty = create(&app, &bgd, json!({"title": "Empty"})).await;
    assert_eq!(fields(&problem(set_status(&app, &bgd, &empty, "open").await, 422).await), vec!["questions"]);
    problem(set_status(&app, &bgd, &empty, "archived").await, 422).await;
}

#[tokio::test]
async fn the_lifecycle_freezes_questions_honours_dates_and_closed_links_take_nothing() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let c = open_bgd(&app, &bgd).await;
    let id = c["id"].as_str().unwrap();
    let token = c["token"].as_str().unwrap();
    assert_eq!((c["state"].as_str(), c["accepting_responses"].as_bool()), (Some("open"), Some(true)));
    assert_eq!(c["share_path"], format!("/respond/{token}"));
    let patch = |body: Value, version: &Value| {
        app.request(Method::PATCH, &format!("/api/v1/consultations/{id}"), Some(&bgd))
            .header("if-match", format!("\"{version}\""))
            .json(&body)
            .send()
    };
    let p = problem(patch(json!({"questions": []}), &c["version"]).await.unwrap(), 422).await;
    assert_eq!(fields(&p), vec!["questions"]);
    // A closing date in the past closes the link at once, with no job needed.
    let past = (chrono::Utc::now() - chrono::Duration::minutes(1)).to_rfc3339();
    let res = patch(json!({"closes_at": past}), &c["version"]).await.unwrap();
    assert_eq!(res.status(), 200);
    let c: Value = res.json().await.unwrap();
    assert_eq!((c["status"].as_str(), c["state"].as_str()), (Some("open"), Some("closed")));
    let p = problem(submit(&app, token, json!({"answers": {"q1": "yes"}})).await, 409).await;
    assert_eq!(p["type"], "urn:gmc:problem:consultation-closed");
    // Reopen later: scheduled for the future, the link says "not yet open".
    let future = (chrono::Utc::now() + chrono::Duration::days(1)).to_rfc3339();
    let res = patch(json!({"opens_at": future, "closes_at": null}), &c["version"]).await.unwrap();
    let c: Value = res.json().await.unwrap();
    assert_eq!(c["state"], "not_yet_open");
    let form = app.request(Method::GET, &format!("/api/v1/public/consultations/{token}"), None).send().await.unwrap();
    assert_eq!(form.json::<Value>().await.unwrap()["state"], "not_yet_open");
    problem(submit(&app, token, json!({"answers": {"q1": "yes"}})).await, 409).await;
    let c: Value = patch(json!({"opens_at": null}), &c["version"]).await.unwrap().json().await.unwrap();
    assert_eq!(submit(&app, token, json!({"answers": {"q1": "yes"}})).await.status(), 201);
    let c: Value = set_status(&app, &bgd, &c, "closed").await.json().await.unwrap();
    assert_eq!((c["status"].as_str(), c["response_count"].as_i64()), (Some("closed"), Some(1)));
    problem(submit(&app, token, json!({"answers": {"q1": "yes"}})).await, 409).await;
    problem(app.request(Method::DELETE, &format!("/api/v1/consultations/{id}"), Some(&bgd)).send().await.unwrap(), 409)
        .await;
    // Unknown and draft tokens are both "not found".
    problem(submit(&app, "no-such-token", json!({"answers": {}})).await, 404).await;
    let draft = create(&app, &bgd, json!({"title": "Draft"})).await;
    let res = app
        .request(Method::GET, &format!("/api/v1/public/consultations/{}", draft["token"].as_str().unwrap()), None)
        .send()
        .await
        .unwrap();
    problem(res, 404).await;
}

#[tokio::test]
async fn the_public_form_speaks_the_respondents_language_or_falls_back_to_english() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let c = open_bgd(&app, &bgd).await;
    let token = c["token"].as_str().unwrap();
    let form = |lang: &'static str| {
        app.request(Method::GET, &format!("/api/v1/public/consultations/{token}?lang={lang}"), None).send()
    };
    let bn: Value = form("bn").await.unwrap().json().await.unwrap();
    assert_eq!((bn["lang"].as_str(), bn["questions"][0]["prompt"].as_str()), (Some("bn"), Some("আপনি কি রপ্তানি করেন?")));
    assert_eq!(bn["questions"][0]["options"][0], json!({"id": "yes", "label": "হ্যাঁ"}));
    assert_eq!(bn["questions"][2]["max_label"], "খুব কঠিন");
    let regional: Value = form("bn-BD").await.unwrap().json().await.unwrap();
    assert_eq!(regional["lang"], "bn");
    let th: Value = form("th").await.unwrap().json().await.unwrap();
    assert_eq!((th["lang"].as_str(), th["requested_lang"].as_str()), (Some("en"), Some("th")));
    assert_eq!(th["questions"][0]["prompt"], "Do you export?");
}

#[tokio::test]
async fn each_kind_of_bad_answer_is_refused_naming_its_field_and_nothing_is_written() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let c = open_bgd(&app, &bgd).await;
    let token = c["token"].as_str().unwrap();
    let cases = [
        (json!({"q2": ["a"]}), "answers.q1", "required"),
        (json!({"q1": "perhaps"}), "answers.q1", "invalid_option"),
        (json!({"q1": ["yes"]}), "answers.q1", "invalid_type"),
        (json!({"q1": "yes", "q2": ["a", "a"]}), "answers.q2", "duplicate_option"),
        (json!({"q1": "yes", "q2": ["z"]}), "answers.q2", "invalid_option"),
        (json!({"q1": "yes", "q3": 6}), "answers.q3", "out_of_range"),
        (json!({"q1": "yes", "q3": 2.5}), "answers.q3", "not_integer"),
        (json!({"q1": "yes", "q4": -3}), "answers.q4", "out_of_range"),
        (json!({"q1": "yes", "q4": "ten"}), "answers.q4", "invalid_type"),
        (json!({"q1": "yes", "q5": "x".repeat(201)}), "answers.q5", "too_long"),
        (json!({"q1": "yes", "q9": 1}), "answers.q9", "unknown_question"),
    ];
    for (answers, field, code) in cases {
        let p = problem(submit(&app, token, json!({"lang": "bn", "answers": answers})).await, 422).await;
        assert_eq!(fields(&p), vec![field], "{answers}");
        assert_eq!(p["errors"][0]["code"], code, "{answers}");
    }
    let p = problem(
        submit(&app, token, json!({"lang": "fr", "answers": {"q1": "yes"}, "profile": {"country": "XYZ", "sector": "Z", "size_class": "huge"}}))
            .await,
        422,
    )
    .await;
    assert_eq!(fields(&p), vec!["lang", "profile.country", "profile.sector", "profile.size_class"]);
    let c = app.get_json(&format!("/api/v1/consultations/{}", c["id"].as_str().unwrap()), &bgd).await;
    assert_eq!(c["response_count"], 0);
}

#[tokio::test]
async fn public_submissions_are_rate_limited_per_client() {
    let app = TestApp::spawn_with(|s| {
        s.public_burst = 2;
        s.public_period_ms = 60_000;
    })
    .await;
    let bgd = app.login(BGD).await;
    let c = open_bgd(&app, &bgd).await;
    let token = c["token"].as_str().unwrap();
    for _ in 0..2 {
        assert_eq!(submit(&app, token, json!({"answers": {"q1": "no"}})).await.status(), 201);
    }
    let res = submit(&app, token, json!({"answers": {"q1": "no"}})).await;
    assert!(res.headers().get("retry-after").is_some());
    problem(res, 429).await;
}

/// The fixture of docs/consultations.md's arithmetic, seven responses:
///
/// | r | q1 | q2 | q3 | q4 | q5 | profile |
/// |---|----|----|----|----|----|---------|
/// | 1 | yes | a b | 5 | 10 | x | BGD C micro women-led |
/// | 2 | yes | a | 4 | 20 | | BGD C small |
/// | 3 | no | b c | 2 | 30 | | BGD A micro women-led |
/// | 4 | yes | | 3 | | | NPL C micro |
/// | 5 | maybe | a | 5 | 40 | y | BGD C micro women-led |
/// | 6 | no | c | 1 | | | BGD G medium |
/// | 7 | yes | a c | | 100 | | (none) |
async fn fixture(app: &TestApp, bgd: &str) -> Value {
    fixture_with(app, bgd, "delegation").await.0
}

/// A profile as the public form sends it.
pub(crate) fn profile(country: &str, sector: &str, size: &str, women: bool) -> Value {
    json!({"country": country, "sector": sector, "size_class": size, "women_led": women})
}

/// The seven responses of `fixture`, as `(answers, profile)`.
pub(crate) fn fixture_rows() -> Vec<(Value, Option<Value>)> {
    let p = profile;
    vec![
        (json!({"q1": "yes", "q2": ["a", "b"], "q3": 5, "q4": 10, "q5": "x"}), Some(p("BGD", "C", "micro", true))),
        (json!({"q1": "yes", "q2": ["a"], "q3": 4, "q4": 20}), Some(p("BGD", "C", "small", false))),
        (json!({"q1": "no", "q2": ["b", "c"], "q3": 2, "q4": 30}), Some(p("BGD", "A", "micro", true))),
        (json!({"q1": "yes", "q3": 3}), Some(p("NPL", "C", "micro", false))),
        (json!({"q1": "maybe", "q2": ["a"], "q3": 5, "q4": 40, "q5": "y"}), Some(p("BGD", "C", "micro", true))),
        (json!({"q1": "no", "q2": ["c"], "q3": 1}), Some(p("BGD", "G", "medium", false))),
        (json!({"q1": "yes", "q2": ["a", "c"], "q4": 100}), None),
    ]
}

/// Bangladesh's consultation at `visibility` with `rows` submitted in order; returns it and the ids of
/// the responses.
pub(crate) async fn fixture_with_rows(
    app: &TestApp,
    bgd: &str,
    visibility: &str,
    rows: Vec<(Value, Option<Value>)>,
) -> (Value, Vec<String>) {
    let c = create(
        app,
        bgd,
        json!({"title": "Exporting shrimp in 2026", "languages": ["bn"], "visibility": visibility,
               "questions": questionnaire()}),
    )
    .await;
    let c: Value = set_status(app, bgd, &c, "open").await.json().await.unwrap();
    let token = c["token"].as_str().unwrap().to_owned();
    let mut ids = Vec::new();
    for (answers, profile) in rows {
        let mut body = json!({"lang": "en", "answers": answers});
        if let Some(p) = profile {
            body["profile"] = p;
        }
        let res = submit(app, &token, body).await;
        assert_eq!(res.status(), 201);
        ids.push(res.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_owned());
    }
    (c, ids)
}

/// The seven-response fixture at `visibility`.
pub(crate) async fn fixture_with(app: &TestApp, bgd: &str, visibility: &str) -> (Value, Vec<String>) {
    fixture_with_rows(app, bgd, visibility, fixture_rows()).await
}

fn question<'a>(results: &'a Value, code: &str) -> &'a Value {
    results["questions"].as_array().unwrap().iter().find(|q| q["code"] == code).unwrap()
}

fn counts(q: &Value) -> Vec<(String, Value)> {
    q["options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| (o["id"].as_str().unwrap().to_owned(), o["count"].clone()))
        .collect()
}

/// The numbers of a results or cross-tab document, without the suppression flags (a date filter marks
/// every cell as a breakdown, so the flags differ where the numbers must not).
fn counts_only(v: &Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.iter()
                .filter(|(k, _)| *k != "below_k" && *k != "withheld")
                .map(|(k, v)| (k.clone(), counts_only(v)))
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.iter().map(counts_only).collect()),
        other => other.clone(),
    }
}

#[tokio::test]
async fn results_match_the_hand_computed_fixture() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let c = fixture(&app, &bgd).await;
    let id = c["id"].as_str().unwrap();
    let r = app.get_json(&format!("/api/v1/consultations/{id}/results"), &bgd).await;
    assert_eq!(
        (r["respondents"]["count"].as_i64(), r["k"].as_i64(), r["filtered"].as_bool()),
        (Some(7), Some(5), Some(false))
    );
    let q1 = question(&r, "q1");
    assert_eq!((q1["answered"]["count"].as_i64(), q1["skipped"]["count"].as_i64()), (Some(7), Some(0)));
    assert_eq!(counts(q1), vec![("yes".into(), json!(4)), ("no".into(), json!(2)), ("maybe".into(), json!(1))]);
    let share = q1["options"][0]["share"].as_f64().unwrap();
    assert!((share - 4.0 / 7.0).abs() < 1e-9);
    let q2 = question(&r, "q2");
    assert_eq!((q2["answered"]["count"].as_i64(), q2["skipped"]["count"].as_i64()), (Some(6), Some(1)));
    assert_eq!(counts(q2), vec![("a".into(), json!(4)), ("b".into(), json!(2)), ("c".into(), json!(3))]);
    let q3 = question(&r, "q3");
    assert_eq!(q3["answered"]["count"], 6);
    assert_eq!(
        counts(q3),
        vec![
            ("1".into(), json!(1)),
            ("2".into(), json!(1)),
            ("3".into(), json!(1)),
            ("4".into(), json!(1)),
            ("5".into(), json!(2))
        ]
    );
    assert!((q3["mean"].as_f64().unwrap() - 20.0 / 6.0).abs() < 1e-9);
    assert_eq!(q3["median"], 3.5);
    let q4 = question(&r, "q4");
    assert_eq!(
        (q4["answered"]["count"].as_i64(), q4["mean"].as_f64(), q4["median"].as_f64()),
        (Some(5), Some(40.0), Some(30.0))
    );
    let q5 = question(&r, "q5");
    assert_eq!((q5["answered"]["count"].as_i64(), q5["skipped"]["count"].as_i64()), (Some(2), Some(5)));
    let texts = app.get_json(&format!("/api/v1/consultations/{id}/text-answers?question=q5"), &bgd).await;
    let listed: Vec<&str> = texts["items"].as_array().unwrap().iter().map(|t| t["text"].as_str().unwrap()).collect();
    assert_eq!(listed, vec!["y", "x"]);
    let page = app.get_json(&format!("/api/v1/consultations/{id}/text-answers?question=q5&limit=1"), &bgd).await;
    assert_eq!(page["items"].as_array().unwrap().len(), 1);
    assert!(page["next_cursor"].is_string());

    // Bangladesh only: 5 respondents (an admin's exact arithmetic: q3 is 5, 4, 2, 5, 1).
    let admin = app.login(ADMIN).await;
    let r = app.get_json(&format!("/api/v1/consultations/{id}/results?country=BGD"), &admin).await;
    assert_eq!((r["respondents"]["count"].as_i64(), r["filtered"].as_bool()), (Some(5), Some(true)));
    let q3 = question(&r, "q3");
    assert_eq!((q3["mean"].as_f64(), q3["median"].as_f64()), (Some(3.4), Some(4.0)));
    // Its owners are not admins: 5 of 7 would leave 2 for everyone else (Nepal's one firm and one
    // without a profile), a group below k, so the whole column is withheld from them too.
    let r = app.get_json(&format!("/api/v1/consultations/{id}/results?country=BGD"), &bgd).await;
    assert_eq!(r["respondents"], json!({"count": null, "withheld": true, "below_k": true}));
    assert!(question(&r, "q3")["mean"].is_null());
    assert!(question(&r, "q1")["options"]
        .as_array()
        .unwrap()
        .iter()
        .all(|o| o["withheld"] == true && o["count"].is_null()));
    let dated = app.get_json(&format!("/api/v1/consultations/{id}/results?from=2020-01-01&to=2099-12-31"), &bgd).await;
    assert_eq!(dated["respondents"]["count"], 7);
    assert_eq!((dated["from"].clone(), dated["to"].clone()), (Value::Null, Value::Null), "every block: no dates apply");
    // A date range reads the raw answers; without one the pre-aggregated counts answer. Both agree.
    for filter in ["", "&country=BGD", "&sector=C&women_led=true", "&size_class=micro"] {
        let counted = app.get_json(&format!("/api/v1/consultations/{id}/results?x=1{filter}"), &admin).await;
        let raw = app.get_json(&format!("/api/v1/consultations/{id}/results?from=2020-01-01{filter}"), &admin).await;
        assert_eq!(counts_only(&counted["questions"]), counts_only(&raw["questions"]), "{filter}");
        assert_eq!(counted["respondents"]["count"], raw["respondents"]["count"], "{filter}");
        for (q, by) in [("q1", "country"), ("q2", "women_led"), ("q3", "sector"), ("q4", "size_class")] {
            let path = format!("/api/v1/consultations/{id}/crosstab?question={q}&by={by}{filter}");
            let counted = app.get_json(&path, &admin).await;
            let raw = app.get_json(&format!("{path}&from=2020-01-01"), &admin).await;
            assert_eq!(counts_only(&counted), counts_only(&raw), "{q} by {by}{filter}");
        }
    }
}

#[tokio::test]
async fn small_cells_are_withheld_for_everyone_but_admins_and_k_is_configurable() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let admin = app.login(ADMIN).await;
    let c = fixture(&app, &bgd).await;
    let id = c["id"].as_str().unwrap();
    // Nepal has one respondent: nothing about that firm is shown to the delegation.
    let r = app.get_json(&format!("/api/v1/consultations/{id}/results?country=NPL"), &bgd).await;
    assert_eq!(r["respondents"], json!({"count": null, "withheld": true, "below_k": true}));
    let q3 = question(&r, "q3");
    assert!(q3["mean"].is_null() && q3["answered"]["withheld"] == true);
    let t = app.get_json(&format!("/api/v1/consultations/{id}/text-answers?question=q5&country=NPL"), &bgd).await;
    assert_eq!((t["withheld"].as_bool(), t["items"].as_array().unwrap().len()), (Some(true), 0));
    let r = app.get_json(&format!("/api/v1/consultations/{id}/results?country=NPL"), &admin).await;
    assert_eq!(r["respondents"], json!({"count": 1, "withheld": false, "below_k": true}));
    assert_eq!(question(&r, "q3")["mean"], 3.0);

    let tab = app.get_json(&format!("/api/v1/consultations/{id}/crosstab?question=q1&by=country"), &bgd).await;
    let keys: Vec<&str> = tab["columns"].as_array().unwrap().iter().map(|c| c["key"].as_str().unwrap()).collect();
    assert_eq!(keys, vec!["BGD", "NPL", "unknown"]);
    // Nepal's 1 and the unknown 1 add up to 2, below k: Bangladesh's 5 (= 7 − 2) goes with them.
    assert!(tab["columns"].as_array().unwrap().iter().all(|c| c["respondents"]["withheld"] == true));
    assert!(tab["rows"].as_array().unwrap().iter().all(|r| r["cells"]
        .as_array()
        .unwrap()
        .iter()
        .all(|c| c["withheld"] == true)));
    problem(app.get(&format!("/api/v1/consultations/{id}/crosstab?question=q5&by=country"), &bgd).await, 422).await;
    problem(app.get(&format!("/api/v1/consultations/{id}/crosstab?question=q1&by=colour"), &bgd).await, 422).await;

    // With k = 2, Bangladesh's column shows its 5 respondents, all of whom answered q1. Its yes 2 and
    // no 2 are not below k, but Nepal's firm and the one without a profile both said yes: were
    // Bangladesh's 2 and 2 shown, its maybe would be 5 − 4 = 1, the whole maybe total, and the others'
    // zeros would follow. So its options are withheld too (secondary suppression).
    let app2 = TestApp::spawn_with(|s| s.small_cell_k = 2).await;
    let bgd2 = app2.login(BGD).await;
    let admin2 = app2.login(ADMIN).await;
    let c2 = fixture(&app2, &bgd2).await;
    let base = format!("/api/v1/consultations/{}", c2["id"].as_str().unwrap());
    let tab = app2.get_json(&format!("{base}/crosstab?question=q1&by=country"), &bgd2).await;
    assert_eq!(tab["columns"][0]["respondents"]["count"], 5);
    let bgd_cells: Vec<Value> =
        tab["rows"].as_array().unwrap().iter().map(|r| r["cells"][0]["count"].clone()).collect();
    assert_eq!(bgd_cells, vec![Value::Null, Value::Null, Value::Null]);
    let tab = app2.get_json(&format!("{base}/crosstab?question=q1&by=country"), &admin2).await;
    let bgd_cells: Vec<Value> =
        tab["rows"].as_array().unwrap().iter().map(|r| r["cells"][0]["count"].clone()).collect();
    assert_eq!(bgd_cells, vec![json!(2), json!(2), json!(1)], "admins see every count");
    // Women-led firms rated q3 5, 2, 5: an admin reads the mean 4; others do not, since the 2 and the
    // missing 1, 3 and 4 are withheld and the mean would pin them.
    let path = format!("{base}/crosstab?question=q3&by=women_led");
    let keys: Vec<String> = app2.get_json(&path, &admin2).await["columns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["key"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(keys, vec!["false", "true"], "the firm without a profile skipped q3");
    assert_eq!(app2.get_json(&path, &admin2).await["columns"][1]["mean"], 4.0);
    let tab = app2.get_json(&path, &bgd2).await;
    assert_eq!(tab["columns"][1]["key"], "true");
    assert!(tab["columns"][1]["mean"].is_null());
}

/// The small-cell rule applied to the whole round: a shared consultation with fewer than k respondents
/// tells a non-owner only that there are fewer than k — not "Yes 1 — 100 %", not which countries
/// answered, not the text — while its owners and admins read it.
#[tokio::test]
async fn below_k_respondents_a_shared_consultation_shows_non_owners_only_that_there_are_fewer_than_k() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let c = create(
        &app,
        &bgd,
        json!({"title": "A small round", "languages": ["bn"], "visibility": "regional", "questions": questionnaire()}),
    )
    .await;
    let c: Value = set_status(&app, &bgd, &c, "open").await.json().await.unwrap();
    let id = c["id"].as_str().unwrap();
    let profile = json!({"country": "BGD", "sector": "C", "size_class": "micro", "women_led": true});
    let one = json!({"lang": "en", "answers": {"q1": "yes", "q3": 4, "q4": 12, "q5": "our firm, Rupali Shrimp"}, "profile": profile});
    assert_eq!(submit(&app, c["token"].as_str().unwrap(), one).await.status(), 201);

    let npl = app.login(NPL).await;
    let analyst = app.login(ANALYST).await;
    for (who, token) in [("Nepal's delegate", &npl), ("the analyst", &analyst)] {
        let r = app.get_json(&format!("/api/v1/consultations/{id}/results"), token).await;
        assert_eq!(r["respondents"], json!({"count": null, "withheld": true, "below_k": true}), "{who}");
        for q in r["questions"].as_array().unwrap() {
            assert!(q["answered"]["count"].is_null() && q["skipped"]["count"].is_null(), "{who}: {q}");
            assert!(q["mean"].is_null() && q["median"].is_null(), "{who}: {q}");
            for o in q["options"].as_array().unwrap() {
                assert!(o["count"].is_null() && o["share"].is_null(), "{who}: {o}");
            }
        }
        let t = app.get_json(&format!("/api/v1/consultations/{id}/text-answers?question=q5"), token).await;
        assert_eq!((t["withheld"].as_bool(), t["items"].as_array().unwrap().len()), (Some(true), 0), "{who}");
        for by in ["country", "sector", "size_class", "women_led"] {
            let tab = app.get_json(&format!("/api/v1/consultations/{id}/crosstab?question=q1&by={by}"), token).await;
            assert_eq!(tab["columns"], json!([]), "{who} learns no column of {by}");
        }
        let csv = app.get(&format!("/api/v1/consultations/{id}/results.csv"), token).await.text().await.unwrap();
        assert!(!csv.contains("Rupali"), "{who}: {csv}");
        // count, share, answered, skipped, mean, median: withheld or empty on every line.
        for line in csv.lines().skip(1) {
            let cols: Vec<&str> = line.split(',').collect();
            assert!(cols[4..].iter().all(|v| v.is_empty() || *v == "withheld"), "{who}: {line}");
        }
    }

    // The owning delegation and the secretariat read the round.
    for token in [&bgd, &app.login(ADMIN).await] {
        let r = app.get_json(&format!("/api/v1/consultations/{id}/results"), token).await;
        assert_eq!(r["respondents"]["count"], 1);
        assert_eq!(question(&r, "q1")["options"][0]["count"], 1);
        let t = app.get_json(&format!("/api/v1/consultations/{id}/text-answers?question=q5"), token).await;
        assert_eq!(t["items"].as_array().unwrap().len(), 1);
    }
}

#[tokio::test]
async fn exports_are_anonymised_csv_with_withheld_cells_marked() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let c = fixture(&app, &bgd).await;
    let id = c["id"].as_str().unwrap();
    let res = app.get(&format!("/api/v1/consultations/{id}/responses.csv"), &bgd).await;
    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-type"].to_str().unwrap().starts_with("text/csv"));
    let text = res.text().await.unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "response_id,submitted_at,channel,lang,country,sector,size_class,women_led,q1,q2,q3,q4,q5");
    assert_eq!(lines.len(), 8);
    assert!(lines.iter().any(|l| l.ends_with(",yes,a;b,5,10,x")));
    let text =
        app.get(&format!("/api/v1/consultations/{id}/results.csv?country=BGD"), &bgd).await.text().await.unwrap();
    assert!(text.lines().any(|l| l.starts_with("q1,single_choice,Do you export?,yes,withheld,")));
    let page = app.get_json(&format!("/api/v1/consultations/{id}/responses?limit=3"), &bgd).await;
    assert_eq!(page["items"].as_array().unwrap().len(), 3);
    assert!(page["items"][0].get("stakeholder_id").is_none());
    assert_eq!(app.all_pages(&format!("/api/v1/consultations/{id}/responses?limit=3"), &bgd).await.len(), 7);
    // Text from the public cannot become a formula in the spreadsheet a delegate opens.
    let body = json!({"answers": {"q1": "yes", "q5": "=HYPERLINK(\"http://evil.example\")"}});
    assert_eq!(submit(&app, c["token"].as_str().unwrap(), body).await.status(), 201);
    let text = app.get(&format!("/api/v1/consultations/{id}/responses.csv"), &bgd).await.text().await.unwrap();
    assert!(text.contains("'=HYPERLINK"), "{text}");
    assert!(!text.contains(",=HYPERLINK") && !text.contains(",\"=HYPERLINK"), "{text}");
}

#[tokio::test]
async fn nepal_sees_none_of_bangladeshs_delegation_consultations_through_any_path() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let npl = app.login(NPL).await;
    let admin = app.login(ADMIN).await;
    let c = fixture(&app, &bgd).await;
    let id = c["id"].as_str().unwrap();
    let bgd_delegation = app.delegation_id(&admin, "BGD").await;
    for path in [
        "/api/v1/consultations".to_owned(),
        "/api/v1/consultations?q=shrimp".to_owned(),
        format!("/api/v1/consultations?delegation={bgd_delegation}"),
        "/api/v1/consultations?status=open".to_owned(),
    ] {
        assert!(app.all_pages(&path, &npl).await.iter().all(|c| c["id"] != id), "{path}");
        assert!(app.all_pages(&path, &bgd).await.iter().any(|c| c["id"] == id), "{path}");
    }
    for path in [
        format!("/api/v1/consultations/{id}"),
        format!("/api/v1/consultations/{id}/results"),
        format!("/api/v1/consultations/{id}/results?country=BGD"),
        format!("/api/v1/consultations/{id}/crosstab?question=q1&by=country"),
        format!("/api/v1/consultations/{id}/text-answers?question=q5"),
        format!("/api/v1/consultations/{id}/responses"),
        format!("/api/v1/consultations/{id}/results.csv"),
        format!("/api/v1/consultations/{id}/responses.csv"),
    ] {
        problem(app.get(&path, &npl).await, 404).await;
        problem(app.get(&path, &app.login(ANALYST).await).await, 404).await;
    }
    let res = app
        .request(Method::PATCH, &format!("/api/v1/consultations/{id}"), Some(&npl))
        .header("if-match", "\"2\"")
        .json(&json!({"title": "Mine now"}))
        .send()
        .await
        .unwrap();
    problem(res, 404).await;
    problem(set_status(&app, &npl, &c, "closed").await, 404).await;

    // A regional consultation is read by every delegation and written by admins only.
    let regional = create(&app, &admin, json!({"regional": true, "title": "Regional survey"})).await;
    assert_eq!((regional["delegation_id"].clone(), regional["visibility"].as_str()), (Value::Null, Some("regional")));
    app.get_json(&format!("/api/v1/consultations/{}", regional["id"].as_str().unwrap()), &npl).await;
    problem(set_status(&app, &npl, &regional, "open").await, 403).await;
    problem(
        app.post_json("/api/v1/consultations", Some(&npl), json!({"regional": true, "title": "Not mine"})).await,
        403,
    )
    .await;
}

#[tokio::test]
async fn an_impediment_is_filed_from_a_response_and_summarised_by_sector() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let npl = app.login(NPL).await;
    let c = fixture(&app, &bgd).await;
    let id = c["id"].as_str().unwrap();
    let responses = app.all_pages(&format!("/api/v1/consultations/{id}/responses"), &bgd).await;
    let from = responses.iter().find(|r| r["answers"]["q5"] == "x").unwrap();
    let body = json!({"reporting_country": "BGD", "partner": "EU", "ntm_code": "A14", "hs_code": "0306",
        "title": "Re-testing of shrimp", "description": "From a consultation answer.", "severity": 4,
        "response_id": from["id"]});
    let res = app.post_json("/api/v1/impediments", Some(&bgd), body.clone()).await;
    assert_eq!(res.status(), 201);
    let i: Value = res.json().await.unwrap();
    assert_eq!((i["source"].as_str(), i["sector"].as_str()), (Some("response"), Some("C")));
    assert_eq!(i["response_id"], from["id"]);
    // Nepal cannot link Bangladesh's response: it is "unknown" to them.
    let p = problem(
        app.post_json("/api/v1/impediments", Some(&npl), {
            let mut b = body.clone();
            b["reporting_country"] = json!("NPL");
            b
        })
        .await,
        422,
    )
    .await;
    assert_eq!(fields(&p), vec!["response_id"]);
    let mut staff = body.clone();
    staff.as_object_mut().unwrap().remove("response_id");
    staff["sector"] = json!("a");
    let res = app.post_json("/api/v1/impediments", Some(&bgd), staff.clone()).await;
    assert_eq!(res.json::<Value>().await.unwrap()["sector"], "A");
    staff["sector"] = json!("Z");
    assert_eq!(
        fields(&problem(app.post_json("/api/v1/impediments", Some(&bgd), staff).await, 422).await),
        vec!["sector"]
    );
    let s = app.get_json("/api/v1/impediments/summary?by=sector", &bgd).await;
    let cells: Vec<(String, i64)> = s["cells"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["key"][0].as_str().unwrap().to_owned(), c["count"].as_i64().unwrap()))
        .collect();
    assert_eq!(cells, vec![("A".to_owned(), 1), ("C".to_owned(), 1)]);
    let s = app.get_json("/api/v1/impediments/summary?by=sector", &npl).await;
    assert_eq!(s["cells"], json!([]), "Bangladesh's delegation-level impediments are not counted for Nepal");
}

#[tokio::test]
async fn a_signed_in_stakeholder_answers_as_its_record_and_a_bad_credential_is_refused() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let admin = app.login(ADMIN).await;
    let user: Value = app
        .post_json(
            "/api/v1/users",
            Some(&admin),
            json!({"email": "firm@gmc.test", "name": "Firm", "password": PASSWORD, "role": "stakeholder"}),
        )
        .await
        .json()
        .await
        .unwrap();
    let s = app
        .post_json(
            "/api/v1/stakeholders",
            Some(&bgd),
            json!({"name": "Khulna Shrimp Co-op", "kind": "cooperative", "country": "BGD", "sector": "A",
                   "size_class": "small", "women_led": true, "user_id": user["id"]}),
        )
        .await;
    assert_eq!(s.status(), 201);
    let stakeholder: Value = s.json().await.unwrap();
    let c = open_bgd(&app, &bgd).await;
    let token = c["token"].as_str().unwrap();
    let firm = app.login("firm@gmc.test").await;
    // The profile sent is ignored: the record's own profile is used.
    let body = json!({"answers": {"q1": "yes"}, "profile": {"country": "NPL", "sector": "C"}});
    let res =
        app.post_json(&format!("/api/v1/public/consultations/{token}/responses"), Some(&firm), body.clone()).await;
    assert_eq!(res.status(), 201);
    let response: Value = res.json().await.unwrap();
    let listed = app.all_pages(&format!("/api/v1/consultations/{}/responses", c["id"].as_str().unwrap()), &bgd).await;
    assert_eq!((listed[0]["country"].as_str(), listed[0]["sector"].as_str()), (Some("BGD"), Some("A")));
    let db = app.db().await;
    use sea_orm::EntityTrait;
    let row = gmc_store::entities::responses::Entity::find_by_id(
        uuid::Uuid::parse_str(response["id"].as_str().unwrap()).unwrap(),
    )
    .one(&db)
    .await
    .unwrap()
    .unwrap();
    assert_eq!(row.stakeholder_id.map(|u| u.to_string()), stakeholder["id"].as_str().map(str::to_owned));
    let res =
        app.post_json(&format!("/api/v1/public/consultations/{token}/responses"), Some("not-a-token"), body).await;
    problem(res, 401).await;
}

#[tokio::test]
async fn concurrent_submissions_are_group_committed_and_every_one_is_counted() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let c = open_bgd(&app, &bgd).await;
    let url = format!("{}/api/v1/public/consultations/{}/responses", app.base, c["token"].as_str().unwrap());
    let mut tasks = Vec::new();
    for i in 0..60 {
        let (client, url) = (app.client.clone(), url.clone());
        let answer = if i % 3 == 0 { "no" } else { "yes" };
        // Every fifth is invalid: it is refused on its own while the valid ones around it are written.
        let body = if i % 5 == 4 {
            json!({"answers": {"q1": "bad"}})
        } else {
            json!({"answers": {"q1": answer, "q3": 1 + i % 5}})
        };
        tasks.push(tokio::spawn(async move { client.post(url).json(&body).send().await.unwrap().status().as_u16() }));
    }
    let mut statuses = Vec::new();
    for t in tasks {
        statuses.push(t.await.unwrap());
    }
    assert_eq!(statuses.iter().filter(|s| **s == 201).count(), 48);
    assert_eq!(statuses.iter().filter(|s| **s == 422).count(), 12);
    let id = c["id"].as_str().unwrap();
    let r = app.get_json(&format!("/api/v1/consultations/{id}/results"), &bgd).await;
    assert_eq!(r["respondents"]["count"], 48);
    let q1 = question(&r, "q1");
    let total: i64 = q1["options"].as_array().unwrap().iter().map(|o| o["count"].as_i64().unwrap()).sum();
    assert_eq!(total, 48);
    assert_eq!(app.get_json(&format!("/api/v1/consultations/{id}"), &bgd).await["response_count"], 48);
}

#[tokio::test]
async fn a_retried_submission_is_recorded_once() {
    let app = TestApp::spawn().await;
    let bgd = app.login(BGD).await;
    let c = open_bgd(&app, &bgd).await;
    let url = format!("{}/api/v1/public/consultations/{}/responses", app.base, c["token"].as_str().unwrap());
    let body = json!({"submission_id": uuid::Uuid::new_v4(), "answers": {"q1": "yes"}});
    let mut tasks = Vec::new();
    for _ in 0..6 {
        let (client, url, body) = (app.client.clone(), url.clone(), body.clone());
        tasks.push(tokio::spawn(async move {
            let res = client.post(url).json(&body).send().await.unwrap();
            (res.status().as_u16(), res.json::<Value>().await.unwrap()["id"].clone())
        }));
    }
    let mut ids = Vec::new();
    for t in tasks {
        let (status, id) = t.await.unwrap();
        assert_eq!(status, 201);
        ids.push(id);
    }
    ids.dedup();
    assert_eq!(ids.len(), 1, "every copy answers with the first submission");
    let again = submit(&app, c["token"].as_str().unwrap(), body).await.json::<Value>().await.unwrap();
    assert_eq!(again["id"], ids[0]);
    let id = c["id"].as_str().unwrap();
    assert_eq!(app.get_json(&format!("/api/v1/consultations/{id}"), &bgd).await["response_count"], 1);
    let r = app.get_json(&format!("/api/v1/consultations/{id}/results"), &bgd).await;
    assert_eq!(r["respondents"]["count"], 1);
}
