//! issue 11: webhook deliveries through the durable job queue — signed so that an independent Standard
//! Webhooks implementation (the reference Python package) verifies them, retried with backoff against a
//! receiver that fails twice, replayed, refused at send time when the target turned internal, a
//! subscription disabled (and its owner told) after repeated failures, a job taken again after its
//! worker died, cancel seen at the next progress, and the server's own worker sending without slowing
//! the request.

use std::path::PathBuf;
use std::process::Stdio;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use gmc_api::jobs::{run_due, Queue};
use gmc_domain::webhook::JobStatus;
use gmc_store::entities::{jobs as job_rows, webhook_deliveries};
use gmc_store::services::jobs::{self, kinds, NewJob, Outcome, Progress, Worker};
use gmc_store::services::webhooks::egress::Egress;
use gmc_store::services::webhooks::send::Sender;
use sea_orm::{DatabaseConnection, EntityTrait};
use serde_json::{json, Value};
use tokio::io::AsyncWriteExt;

use crate::helpers::*;
use crate::webhook_fixtures::subscribe;
use crate::webhook_receiver::{Received, Receiver};

/// The Python with the `standardwebhooks` package: `GMC_WEBHOOKS_PYTHON`, or the virtualenv that
/// `scripts/webhooks-venv.sh` makes under target/. Missing is a failure, never a skip.
fn verifier_python() -> PathBuf {
    let path = std::env::var("GMC_WEBHOOKS_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/webhooks-venv/bin/python"));
    assert!(
        path.exists(),
        "{} is missing: run `bash scripts/webhooks-venv.sh` (or set GMC_WEBHOOKS_PYTHON)",
        path.display()
    );
    path
}

const VERIFY: &str = r#"
import json, sys
from standardwebhooks.webhooks import Webhook
d = json.load(sys.stdin)
try:
    payload = Webhook(d["secret"]).verify(d["body"], d["headers"])
    print(json.dumps({"ok": True, "type": payload.get("type")}))
except Exception as e:
    print(json.dumps({"ok": False, "error": str(e)}))
"#;

/// Asks the reference implementation whether `r` is a valid delivery signed with `secret`.
async fn verified(secret: &str, r: &Received) -> Value {
    let mut child = tokio::process::Command::new(verifier_python())
        .args(["-c", VERIFY])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let input = json!({"secret": secret, "body": r.body, "headers": r.headers}).to_string();
    child.stdin.take().unwrap().write_all(input.as_bytes()).await.unwrap();
    let out = child.wait_with_output().await.unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn queue(allow_private: bool, disable_after: i32) -> Queue {
    Queue {
        worker: Worker::new("test", chrono::Duration::seconds(60)),
        poll: Duration::from_millis(100),
        concurrency: 8,
        webhooks: Sender::new(Egress { allow_private, allow: vec![] }, Duration::from_secs(5), disable_after),
        // issue 11: import jobs
        import_spool: std::env::temp_dir(),
    }
}

async fn run(db: &DatabaseConnection, q: &Queue, at: DateTime<Utc>) -> usize {
    run_due(db, q, at).await.unwrap()
}

fn impediment(delegation: &str, title: &str) -> Value {
    json!({"delegation_id": delegation, "reporting_country": "BGD", "partner": "EU", "hs_code": "0306",
           "ntm_code": "A14", "title": title, "description": "Each consignment is re-tested.", "severity": 4})
}

/// An app allowing loopback targets, Bangladesh's delegate signed in, subscribed to `impediment.created`
/// at `url`; returns (app, token, subscription, delegation id).
async fn subscribed(url: &str) -> (TestApp, String, Value, String) {
    let app = TestApp::spawn_with(|s| s.webhook_allow_private = true).await;
    let bgd = app.login(BGD).await;
    let sub = subscribe(&app, &bgd, url, &["impediment.created"]).await;
    let delegation = app.delegation_id(&bgd, "BGD").await;
    (app, bgd, sub, delegation)
}

async fn report(app: &TestApp, token: &str, delegation: &str, title: &str) {
    let res = app.post_json("/api/v1/impediments", Some(token), impediment(delegation, title)).await;
    assert_eq!(res.status(), 201);
}

async fn log(app: &TestApp, token: &str, sub: &Value) -> Vec<Value> {
    let page = app.get_json(&format!("/api/v1/webhooks/{}/deliveries", sub["id"].as_str().unwrap()), token).await;
    page["items"].as_array().unwrap().clone()
}

#[tokio::test]
async fn a_delivery_is_signed_so_that_the_reference_implementation_verifies_it() {
    let rx = Receiver::start(&[200], Duration::ZERO).await;
    let (app, bgd, sub, delegation) = subscribed(&rx.url).await;
    report(&app, &bgd, &delegation, "Residue testing of shrimp").await;
    assert!(rx.received().is_empty(), "the request itself sends nothing");

    let db = app.db().await;
    assert_eq!(run(&db, &queue(true, 15), Utc::now()).await, 1);
    let got = rx.received();
    assert_eq!(got.len(), 1);
    let secret = sub["secret"].as_str().unwrap();
    let v = verified(secret, &got[0]).await;
    assert_eq!(v, json!({"ok": true, "type": "impediment.created"}), "{got:?}");
    let body: Value = serde_json::from_str(&got[0].body).unwrap();
    assert_eq!(body["data"]["title"], "Residue testing of shrimp");
    assert!(got[0].headers["webhook-id"].starts_with("msg_"));

    // The verifier can fail: a changed body, or another secret, is refused.
    let mut tampered = got[0].clone();
    tampered.body = tampered.body.replace("shrimp", "prawns");
    assert_eq!(verified(secret, &tampered).await["ok"], false);
    let other = subscribe(&app, &bgd, &rx.url, &["meeting.changed"]).await;
    assert_eq!(verified(other["secret"].as_str().unwrap(), &got[0]).await["ok"], false);

    let entries = log(&app, &bgd, &sub).await;
    assert_eq!(entries.len(), 1);
    let d = &entries[0];
    assert_eq!(
        (d["status"].as_str(), d["attempts"].as_i64(), d["http_status"].as_i64()),
        (Some("succeeded"), Some(1), Some(200))
    );
    assert_eq!(d["response_excerpt"], "{\"received\":0}");
    assert!(d["latency_ms"].as_i64().unwrap() >= 0);
}

#[tokio::test]
async fn a_receiver_that_fails_twice_gets_the_delivery_on_the_third_attempt_after_backoff() {
    let rx = Receiver::start(&[500, 503, 200], Duration::ZERO).await;
    let (app, bgd, sub, delegation) = subscribed(&rx.url).await;
    report(&app, &bgd, &delegation, "Fumigation certificates").await;
    let (db, q, t0) = (app.db().await, queue(true, 15), Utc::now());

    assert_eq!(run(&db, &q, t0).await, 1);
    let d = &log(&app, &bgd, &sub).await[0];
    assert_eq!(
        (d["status"].as_str(), d["attempts"].as_i64(), d["http_status"].as_i64()),
        (Some("pending"), Some(1), Some(500))
    );
    let next: DateTime<Utc> = d["next_attempt_at"].as_str().unwrap().parse().unwrap();
    // One minute ± 20 % jitter.
    let wait = (next - t0).num_seconds();
    assert!((45..=75).contains(&wait), "backoff {wait}s");
    assert_eq!(run(&db, &q, t0 + chrono::Duration::seconds(30)).await, 0, "not before the backoff");
    assert_eq!(
        app.get_json(&format!("/api/v1/webhooks/{}", sub["id"].as_str().unwrap()), &bgd).await["consecutive_failures"],
        1
    );

    assert_eq!(run(&db, &q, t0 + chrono::Duration::minutes(2)).await, 1);
    let d = &log(&app, &bgd, &sub).await[0];
    assert_eq!(
        (d["status"].as_str(), d["attempts"].as_i64(), d["http_status"].as_i64()),
        (Some("pending"), Some(2), Some(503))
    );
    let next2: DateTime<Utc> = d["next_attempt_at"].as_str().unwrap().parse().unwrap();
    let wait2 = (next2 - (t0 + chrono::Duration::minutes(2))).num_seconds();
    assert!((90..=150).contains(&wait2), "the backoff doubles: {wait2}s");

    assert_eq!(run(&db, &q, t0 + chrono::Duration::minutes(10)).await, 1);
    let d = &log(&app, &bgd, &sub).await[0];
    assert_eq!(
        (d["status"].as_str(), d["attempts"].as_i64(), d["http_status"].as_i64()),
        (Some("succeeded"), Some(3), Some(200))
    );
    assert!(d["next_attempt_at"].is_null());
    let got = rx.received();
    assert_eq!(got.len(), 3);
    // One message, three attempts: the same id each time (receivers dedupe on it), each validly signed.
    assert!(got.iter().all(|r| r.headers["webhook-id"] == got[0].headers["webhook-id"]));
    for r in &got {
        assert_eq!(verified(sub["secret"].as_str().unwrap(), r).await["ok"], true);
    }
    assert_eq!(
        app.get_json(&format!("/api/v1/webhooks/{}", sub["id"].as_str().unwrap()), &bgd).await["consecutive_failures"],
        0
    );
    assert_eq!(run(&db, &q, t0 + chrono::Duration::days(2)).await, 0, "nothing left");
}

#[tokio::test]
async fn a_settled_delivery_can_be_replayed_by_its_owner_only() {
    let rx = Receiver::start(&[200], Duration::ZERO).await;
    let (app, bgd, sub, delegation) = subscribed(&rx.url).await;
    report(&app, &bgd, &delegation, "Labelling rules").await;
    let (db, q) = (app.db().await, queue(true, 15));
    run(&db, &q, Utc::now()).await;
    let d = log(&app, &bgd, &sub).await[0].clone();
    let path =
        format!("/api/v1/webhooks/{}/deliveries/{}/replay", sub["id"].as_str().unwrap(), d["id"].as_str().unwrap());

    let npl = app.login(NPL).await;
    assert_eq!(app.post_json(&path, Some(&npl), json!({})).await.status(), 404);
    let res = app.post_json(&path, Some(&bgd), json!({})).await;
    assert_eq!(res.status(), 202);
    assert_eq!(res.json::<Value>().await.unwrap()["status"], "pending");
    let res = app.post_json(&path, Some(&bgd), json!({})).await;
    assert_eq!(problem(res, 409).await["status"], 409, "not while it is pending");

    assert_eq!(run(&db, &q, Utc::now()).await, 1);
    let got = rx.received();
    assert_eq!(got.len(), 2);
    assert_eq!(got[0].headers["webhook-id"], got[1].headers["webhook-id"]);
    assert_eq!(got[0].body, got[1].body, "the same message");
    assert_eq!(verified(sub["secret"].as_str().unwrap(), &got[1]).await["ok"], true);
    let d = &log(&app, &bgd, &sub).await[0];
    assert_eq!((d["status"].as_str(), d["attempts"].as_i64()), (Some("succeeded"), Some(2)));
}

#[tokio::test]
async fn the_target_is_checked_again_at_send_time() {
    let rx = Receiver::start(&[200], Duration::ZERO).await;
    // Allowed when subscribed; the sending node's setting no longer allows it (as if DNS now pointed
    // the name inside).
    let (app, bgd, sub, delegation) = subscribed(&rx.url).await;
    report(&app, &bgd, &delegation, "Port fees").await;
    let db = app.db().await;
    assert_eq!(run(&db, &queue(false, 15), Utc::now()).await, 1);
    assert!(rx.received().is_empty(), "nothing sent to a loopback address");
    let d = &log(&app, &bgd, &sub).await[0];
    assert_eq!(d["status"], "pending");
    assert!(d["last_error"].as_str().unwrap().starts_with("target refused"), "{d}");
    assert!(d["http_status"].is_null());
}

#[tokio::test]
async fn a_subscription_failing_again_and_again_is_disabled_and_its_owner_told() {
    let rx = Receiver::start(&[500], Duration::ZERO).await;
    let (app, bgd, sub, delegation) = subscribed(&rx.url).await;
    let id = sub["id"].as_str().unwrap();
    report(&app, &bgd, &delegation, "SPS inspection fees").await;
    report(&app, &bgd, &delegation, "Quota licensing").await;
    let (db, q, t0) = (app.db().await, queue(true, 3), Utc::now());
    assert_eq!(run(&db, &q, t0).await, 2);
    assert_eq!(app.get_json(&format!("/api/v1/webhooks/{id}"), &bgd).await["enabled"], true);
    assert_eq!(run(&db, &q, t0 + chrono::Duration::minutes(5)).await, 2);
    let got = app.get_json(&format!("/api/v1/webhooks/{id}"), &bgd).await;
    assert_eq!(got["enabled"], false, "{got}");
    assert!(got["disabled_reason"].as_str().unwrap().contains("3 failed deliveries"));
    let bell = app.get_json("/api/v1/me/notifications", &bgd).await;
    let told = bell["items"].as_array().unwrap().iter().filter(|n| n["kind"] == "webhook_disabled").count();
    assert_eq!(told, 1, "told once: {bell}");

    // Off: the pending deliveries end at their next turn, without a request. (The attempt that ran
    // alongside the one that switched it off may already have ended so: the two run concurrently.)
    let sent = rx.received().len();
    assert!((1..=2).contains(&run(&db, &q, t0 + chrono::Duration::hours(1)).await));
    assert_eq!(rx.received().len(), sent);
    let entries = log(&app, &bgd, &sub).await;
    assert!(entries.iter().all(|d| d["status"] == "failed"), "{entries:?}");
    assert_eq!(run(&db, &q, t0 + chrono::Duration::days(2)).await, 0);

    // Switched back on: the count starts again; a replay goes out.
    let res = app
        .request(reqwest::Method::PATCH, &format!("/api/v1/webhooks/{id}"), Some(&bgd))
        .header("if-match", format!("\"{}\"", got["version"]))
        .json(&json!({"enabled": true}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.json::<Value>().await.unwrap()["consecutive_failures"], 0);
}

async fn job(db: &DatabaseConnection, id: uuid::Uuid) -> job_rows::Model {
    job_rows::Entity::find_by_id(id).one(db).await.unwrap().unwrap()
}

async fn queued(db: &DatabaseConnection, kind: &'static str) -> uuid::Uuid {
    jobs::enqueue(db, NewJob { kind, payload: json!({}), max_attempts: 3, run_at: None, created_by: None })
        .await
        .unwrap()
}

#[tokio::test]
async fn a_job_whose_worker_died_is_taken_again_by_another_worker_after_its_lease() {
    let app = TestApp::spawn().await;
    let db = app.db().await;
    let id = queued(&db, "test.job").await;
    let t0 = Utc::now();
    let lease = chrono::Duration::seconds(60);
    let (a, b) = (Worker::new("node-a", lease), Worker::new("node-b", lease));

    let got_a = jobs::claim(&db, &a, t0, 10).await.unwrap();
    assert_eq!(got_a.len(), 1);
    assert!(jobs::claim(&db, &b, t0 + chrono::Duration::seconds(30), 10).await.unwrap().is_empty(), "held by A");
    // Node A "dies". The row is in the database, not in A: a new connection (a restarted node) sees it.
    let db2 = app.db().await;
    let got_b = jobs::claim(&db2, &b, t0 + chrono::Duration::seconds(61), 10).await.unwrap();
    assert_eq!(got_b.len(), 1, "taken again after the lease");
    assert_eq!(got_b[0].attempts, 2);
    // A comes back and tries to finish: its claim is gone, nothing is recorded.
    assert_eq!(jobs::complete(&db, &got_a[0], json!({"by": "a"})).await.unwrap(), Outcome::Lost);
    assert_eq!(jobs::progress(&db, &a, &got_a[0], 1, Some(2)).await.unwrap(), Progress::Stop);
    assert_eq!(jobs::complete(&db2, &got_b[0], json!({"by": "b"})).await.unwrap(), Outcome::Done);
    let row = job(&db, id).await;
    assert_eq!((row.status.0, row.result), (JobStatus::Done, Some(json!({"by": "b"}))));
}

#[tokio::test]
async fn concurrent_workers_never_claim_the_same_job() {
    let app = TestApp::spawn().await;
    let db = app.db().await;
    for _ in 0..20 {
        queued(&db, "test.job").await;
    }
    let lease = chrono::Duration::seconds(60);
    let now = Utc::now();
    let mut tasks = Vec::new();
    for n in 0..4 {
        let db = app.db().await;
        let w = Worker::new(&format!("node-{n}"), lease);
        tasks.push(tokio::spawn(async move {
            let mut mine = Vec::new();
            loop {
                let got = jobs::claim(&db, &w, now, 3).await.unwrap();
                if got.is_empty() {
                    break;
                }
                mine.extend(got.into_iter().map(|j| j.id));
            }
            mine
        }));
    }
    let mut all = Vec::new();
    for t in tasks {
        all.extend(t.await.unwrap());
    }
    let total = all.len();
    all.sort();
    all.dedup();
    assert_eq!((total, all.len()), (20, 20), "each job claimed exactly once");
}

#[tokio::test]
async fn a_cancelled_job_stops_at_its_next_progress_and_an_unknown_kind_fails_at_once() {
    let app = TestApp::spawn().await;
    let db = app.db().await;
    let id = queued(&db, "test.job").await;
    let w = Worker::new("node", chrono::Duration::seconds(60));
    let claimed = jobs::claim(&db, &w, Utc::now(), 1).await.unwrap();
    assert_eq!(jobs::progress(&db, &w, &claimed[0], 10, Some(100)).await.unwrap(), Progress::Continue);
    let row = job(&db, id).await;
    assert_eq!((row.progress_done, row.progress_total), (10, Some(100)));
    assert!(jobs::cancel(&db, id).await.unwrap());
    assert_eq!(jobs::progress(&db, &w, &claimed[0], 20, Some(100)).await.unwrap(), Progress::Stop);
    assert_eq!(jobs::complete(&db, &claimed[0], json!({})).await.unwrap(), Outcome::Lost);
    assert_eq!(job(&db, id).await.status.0, JobStatus::Cancelled);
    assert!(!jobs::cancel(&db, id).await.unwrap(), "already ended");

    // A queued job cancelled before it runs is never claimed.
    let later = queued(&db, "test.job").await;
    assert!(jobs::cancel(&db, later).await.unwrap());
    assert!(jobs::claim(&db, &w, Utc::now(), 5).await.unwrap().is_empty());

    // The worker's dispatch: an unknown kind fails for good, at once.
    let odd = queued(&db, "no.such.kind").await;
    assert_eq!(run(&db, &queue(true, 15), Utc::now()).await, 1);
    let row = job(&db, odd).await;
    assert_eq!(row.status.0, JobStatus::Failed);
    assert!(row.last_error.unwrap().contains("unknown job kind"));
    assert!(kinds::ALL.contains(&kinds::WEBHOOK_DELIVER));
}

#[tokio::test]
async fn the_servers_worker_sends_and_a_slow_receiver_never_slows_the_request() {
    let rx = Receiver::start(&[200], Duration::from_secs(2)).await;
    let app = TestApp::spawn_with(|s| {
        s.webhook_allow_private = true;
        s.job_poll_ms = 100;
    })
    .await;
    let bgd = app.login(BGD).await;
    let sub = subscribe(&app, &bgd, &rx.url, &["impediment.created"]).await;
    let delegation = app.delegation_id(&bgd, "BGD").await;
    let started = Instant::now();
    report(&app, &bgd, &delegation, "Slow receiver").await;
    assert!(started.elapsed() < Duration::from_millis(1500), "the request waited for the receiver");
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let entries = log(&app, &bgd, &sub).await;
        if entries.first().is_some_and(|d| d["status"] == "succeeded") {
            assert!(entries[0]["latency_ms"].as_i64().unwrap() >= 2000);
            break;
        }
        assert!(Instant::now() < deadline, "not delivered: {entries:?}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert_eq!(rx.received().len(), 1);
    // The job is done.
    let db = app.db().await;
    let all = job_rows::Entity::find().all(&db).await.unwrap();
    assert!(all.iter().all(|j| j.status.0 == JobStatus::Done), "{all:?}");
    let _ = webhook_deliveries::Entity::find().all(&db).await.unwrap();
}

/// The server's worker fills a slot again as soon as its job ends: a receiver holding one delivery for
/// 8 s occupies one of the two slots, and three deliveries to another receiver go through the other
/// meanwhile. (A worker that waited for its whole batch held them all until the slow one ended.)
#[tokio::test]
async fn a_slow_receiver_holds_one_slot_of_the_worker_not_all_of_them() {
    let slow = Receiver::start(&[200], Duration::from_secs(8)).await;
    let fast = Receiver::start(&[200], Duration::ZERO).await;
    let app = TestApp::spawn_with(|s| {
        s.webhook_allow_private = true;
        s.webhook_timeout_secs = 15;
        s.job_poll_ms = 100;
        s.job_concurrency = 2;
    })
    .await;
    let (bgd, npl) = (app.login(BGD).await, app.login(NPL).await);
    // Each delegation's impediments are its own (delegation level): Nepal's receiver gets only Nepal's.
    subscribe(&app, &npl, &slow.url, &["impediment.created"]).await;
    subscribe(&app, &bgd, &fast.url, &["impediment.created"]).await;
    let npl_delegation = app.delegation_id(&npl, "NPL").await;
    let mut body = impediment(&npl_delegation, "Held by a slow receiver");
    body["reporting_country"] = json!("NPL");
    assert_eq!(app.post_json("/api/v1/impediments", Some(&npl), body).await.status(), 201);
    let deadline = Instant::now() + Duration::from_secs(5);
    while slow.received().is_empty() {
        assert!(Instant::now() < deadline, "the slow delivery never started");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let started = Instant::now();
    let bgd_delegation = app.delegation_id(&bgd, "BGD").await;
    for n in 0..3 {
        report(&app, &bgd, &bgd_delegation, &format!("Fast {n}")).await;
    }
    while fast.received().len() < 3 {
        assert!(
            started.elapsed() < Duration::from_secs(6),
            "the other deliveries waited for the slow one: {} of 3 after {:?}",
            fast.received().len(),
            started.elapsed()
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(slow.received().len(), 1, "Bangladesh's impediments never reach Nepal's receiver");
}
