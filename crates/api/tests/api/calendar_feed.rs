//! The calendar feed (issue 10): a per-user iCalendar URL that needs no credential but its token. It
//! holds only what its owner may read at each fetch, answers 404 once revoked, rotated or its owner
//! deactivated, and is read back with an independent parser (Python's `icalendar`,
//! `scripts/check-ics.py`) to check local times across a Geneva daylight-saving change.

use std::path::PathBuf;

use reqwest::Method;
use serde_json::{json, Value};

use crate::helpers::*;
use crate::meeting_fixtures::{feed, meeting, meeting_body, user_id};

async fn fetch(app: &TestApp, path: &str) -> (u16, String) {
    let res = app.request(Method::GET, path, None).send().await.unwrap();
    (res.status().as_u16(), res.text().await.unwrap())
}

#[tokio::test]
async fn a_feed_holds_only_what_its_owner_may_read_now_and_dies_when_revoked_or_rotated() {
    let app = TestApp::spawn().await;
    let admin = app.login(ADMIN).await;
    let (bgd, npl) = (app.login(BGD).await, app.login(NPL).await);
    let (bgd_d, npl_d) = (app.delegation_id(&admin, "BGD").await, app.delegation_id(&admin, "NPL").await);
    let mut body = meeting_body(&bgd_d, "delegation", &[], &[]);
    body["title"] = json!("Bangladesh only");
    let private = meeting(&app, &bgd, body).await;
    let mut body = meeting_body(&bgd_d, "delegation", &[&npl_d], &[]);
    body["title"] = json!("With Nepal");
    let shared = meeting(&app, &bgd, body).await;

    let npl_feed = feed(&app, &npl).await;
    let (status, ics) = fetch(&app, &npl_feed).await;
    assert_eq!(status, 200);
    assert!(ics.contains(&format!("meeting-{shared}@gmc")) && ics.contains("With Nepal"), "{ics}");
    assert!(!ics.contains(&private) && !ics.contains("Bangladesh only"), "Nepal's feed leaks: {ics}");
    let bgd_feed = feed(&app, &bgd).await;
    assert!(fetch(&app, &bgd_feed).await.1.contains("Bangladesh only"));

    // Withdrawing Nepal's invitation takes the meeting out of Nepal's feed at the next fetch.
    let res = app
        .request(Method::PATCH, &format!("/api/v1/meetings/{shared}"), Some(&bgd))
        .header("if-match", "\"1\"")
        .json(&json!({"invited_delegation_ids": []}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert!(!fetch(&app, &npl_feed).await.1.contains("With Nepal"));

    // Rotating ends the old URL; revoking ends the new one; a token never guessed is 404 too.
    let rotated = feed(&app, &npl).await;
    assert_eq!(fetch(&app, &npl_feed).await.0, 404);
    assert_eq!(fetch(&app, &rotated).await.0, 200);
    let res = app.request(Method::DELETE, "/api/v1/me/calendar-feed", Some(&npl)).send().await.unwrap();
    assert_eq!(res.status(), 204);
    assert_eq!(fetch(&app, &rotated).await.0, 404);
    assert_eq!(fetch(&app, "/api/v1/calendar/gmcal_nothing.ics").await.0, 404);
    let res = app.request(Method::DELETE, "/api/v1/me/calendar-feed", Some(&npl)).send().await.unwrap();
    problem(res, 404).await;

    // A deactivated account's feed answers 404.
    let bgd_id = user_id(&app, &admin, BGD).await;
    let res = app
        .request(Method::PATCH, &format!("/api/v1/users/{bgd_id}"), Some(&admin))
        .header("if-match", "\"1\"")
        .json(&json!({"active": false}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(fetch(&app, &bgd_feed).await.0, 404);
}

#[tokio::test]
async fn a_feed_url_is_not_kept_in_the_clear_and_an_api_key_cannot_make_one() {
    let app = TestApp::spawn().await;
    let npl = app.login(NPL).await;
    let path = feed(&app, &npl).await;
    let token = path.trim_start_matches("/api/v1/calendar/").trim_end_matches(".ics").to_owned();
    let db = app.db().await;
    use sea_orm::{ConnectionTrait, Statement};
    let rows = db
        .query_all(Statement::from_string(db.get_database_backend(), "SELECT token_hash FROM calendar_feeds"))
        .await
        .unwrap();
    let stored: Vec<String> = rows.iter().map(|r| r.try_get::<String>("", "token_hash").unwrap()).collect();
    assert_eq!(stored.len(), 1);
    assert_ne!(stored[0], token);
    assert!(!stored[0].contains(&token));
    let key = app.post_json("/api/v1/api-keys", Some(&npl), json!({"name": "k", "scopes": ["read", "write"]})).await;
    let key = key.json::<Value>().await.unwrap()["key"].as_str().unwrap().to_owned();
    let res = app.request(Method::POST, "/api/v1/me/calendar-feed", Some(&key)).send().await.unwrap();
    problem(res, 403).await;
}

fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The Python that has Debian's `python3-icalendar`: the system one (`/usr/bin/python3`), not whatever
/// `python3` comes first on the PATH (a pyenv or virtualenv one does not see Debian's packages);
/// `GMC_ICS_PYTHON` names another. `.ci/run` and `scripts/test-all.sh` check the same interpreter.
fn python() -> String {
    std::env::var("GMC_ICS_PYTHON").unwrap_or_else(|_| {
        if std::path::Path::new("/usr/bin/python3").exists() { "/usr/bin/python3" } else { "python3" }.to_owned()
    })
}

/// Whether Python's `icalendar` can be imported. On CI (`CI=true`) its absence fails the test: the
/// independent parse is the point of it.
fn python_icalendar() -> bool {
    let ok = std::process::Command::new(python()).args(["-c", "import icalendar"]).status().is_ok_and(|s| s.success());
    if !ok {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "python3-icalendar is missing (apt-get install python3-icalendar): the feed must be checked by an independent parser"
        );
        eprintln!("python3-icalendar is missing: the independent parse of the feed is skipped outside CI");
    }
    ok
}

#[tokio::test]
async fn an_independent_parser_reads_kathmandu_and_geneva_times_across_a_geneva_clock_change() {
    if !python_icalendar() {
        return;
    }
    let app = TestApp::spawn().await;
    let admin = app.login(ADMIN).await;
    let (bgd, npl) = (app.login(BGD).await, app.login(NPL).await);
    let (bgd_d, npl_d) = (app.delegation_id(&admin, "BGD").await, app.delegation_id(&admin, "NPL").await);
    // Entered in Geneva time, 10:00 on both days: Geneva moves to summer time on 2027-03-28.
    let mut body = meeting_body(&bgd_d, "delegation", &[&npl_d], &[]);
    body["title"] = json!("Before the change");
    let before = meeting(&app, &bgd, body.clone()).await;
    body["title"] = json!("After the change");
    body["starts_at"] = json!("2027-03-30T10:00");
    body["ends_at"] = json!("2027-03-30T11:30");
    body["time_zone"] = json!("Europe/Zurich");
    let after = meeting(&app, &bgd, body.clone()).await;
    // One entered in Kathmandu time, so the feed carries two zones.
    body["title"] = json!("In Kathmandu");
    body["starts_at"] = json!("2027-03-26T15:00");
    body["ends_at"] = json!("2027-03-26T16:00");
    body["time_zone"] = json!("Asia/Kathmandu");
    let ktm = meeting(&app, &bgd, body).await;
    let res = app.request(Method::POST, &format!("/api/v1/meetings/{before}/cancel"), Some(&bgd)).send().await.unwrap();
    assert_eq!(res.status(), 200);

    let (status, ics) = fetch(&app, &feed(&app, &npl).await).await;
    assert_eq!(status, 200);
    let file = std::env::temp_dir().join(format!("gmc-feed-{}.ics", uuid::Uuid::new_v4()));
    std::fs::write(&file, &ics).unwrap();
    let out = std::process::Command::new(python())
        .arg(repo_root().join("scripts/check-ics.py"))
        .arg(&file)
        .args(["Europe/Zurich", "Asia/Kathmandu"])
        .output()
        .unwrap();
    let _ = std::fs::remove_file(&file);
    assert!(out.status.success(), "check-ics.py failed: {}", String::from_utf8_lossy(&out.stderr));
    let parsed: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(parsed["missing_vtimezones"], json!([]), "{ics}");
    let event = |id: &str| {
        parsed["events"].as_array().unwrap().iter().find(|e| e["uid"] == format!("meeting-{id}@gmc")).unwrap().clone()
    };
    let (b, a, k) = (event(&before), event(&after), event(&ktm));
    // 4:45 between Geneva and Kathmandu before the change, 3:45 after.
    assert_eq!(b["local"]["Europe/Zurich"], "2027-03-25T10:00");
    assert_eq!(b["local"]["Asia/Kathmandu"], "2027-03-25T14:45");
    assert_eq!(b["start_utc"], "2027-03-25T09:00");
    assert_eq!(a["local"]["Europe/Zurich"], "2027-03-30T10:00");
    assert_eq!(a["local"]["Asia/Kathmandu"], "2027-03-30T13:45");
    assert_eq!(a["start_utc"], "2027-03-30T08:00");
    assert_eq!(k["tzid"], "Asia/Kathmandu");
    assert_eq!(k["local"]["Europe/Zurich"], "2027-03-26T10:15");
    // The cancelled one stays, marked, with its raised sequence.
    assert_eq!((b["status"].clone(), b["sequence"].clone()), (json!("CANCELLED"), json!(1)));
    assert_eq!(a["status"], "CONFIRMED");
}
