//! Large imports as jobs (issue 11: import jobs): a file over the threshold is answered 202 and runs in
//! the job worker; its progress, cancel, the owner re-checked when it runs, a JSON array refused above
//! the threshold, and two workers claiming at once running it once. (Restarts and kill -9 are in
//! tests/system/import.rs, against the real binary.)

use std::path::{Path, PathBuf};
use std::time::Duration;

use gmc_api::jobs::{run_due, Queue};
use gmc_domain::webhook::JobStatus;
use gmc_store::entities::{audit_events, jobs as job_rows, stakeholders, users};
use gmc_store::services::jobs::Worker;
use gmc_store::services::webhooks::egress::Egress;
use gmc_store::services::webhooks::send::Sender;
use reqwest::Method;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};
use serde_json::{json, Value};

use crate::helpers::*;

/// A CSV of `n` stakeholders (about 40 bytes a row: 2,000 rows pass the tests' 64 KiB threshold).
/// Without external ids, so that a file run twice would write its rows twice (nothing refuses them).
pub(crate) fn big_csv(n: usize, prefix: &str) -> String {
    let mut s = String::from("name,kind,country,sector,size_class,employees,women_led\n");
    for i in 0..n {
        s.push_str(&format!("Firm {prefix} {i},msme,BGD,C,micro,3,false\n"));
    }
    s
}

fn spool_dir() -> PathBuf {
    std::env::temp_dir().join(format!("gmc-test-spool-{}", uuid::Uuid::new_v4()))
}

async fn post_file(app: &TestApp, token: &str, query: &str, content_type: &str, body: String) -> reqwest::Response {
    app.request(Method::POST, &format!("/api/v1/imports/stakeholders{query}"), Some(token))
        .header("content-type", content_type)
        .body(body)
        .send()
        .await
        .unwrap()
}

/// Posts a large file and expects it queued: 202, `Location`, status `queued`.
async fn queue(app: &TestApp, token: &str, body: String) -> Value {
    let res = post_file(app, token, "", "text/csv", body).await;
    assert_eq!(res.status(), 202);
    let location = res.headers().get("location").unwrap().to_str().unwrap().to_owned();
    let v: Value = res.json().await.unwrap();
    assert_eq!(location, format!("/api/v1/imports/{}", v["id"].as_str().unwrap()));
    assert_eq!(v["status"], "queued", "{v}");
    v
}

async fn stakeholder_count(app: &TestApp) -> u64 {
    stakeholders::Entity::find().count(&app.db().await).await.unwrap()
}

fn files_in(dir: &Path) -> usize {
    std::fs::read_dir(dir).map_or(0, Iterator::count)
}

/// The files left in the spool once the worker has had up to 5 s to remove them: it removes a file
/// after committing the import's end, so a reader can see the end a moment before the file goes.
async fn files_left(dir: &Path) -> usize {
    for _ in 0..50 {
        if files_in(dir) == 0 {
            return 0;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    files_in(dir)
}

fn worker_queue(spool: &Path, name: &str) -> Queue {
    Queue {
        worker: Worker::new(name, chrono::Duration::seconds(60)),
        poll: Duration::from_millis(100),
        concurrency: 4,
        webhooks: Sender::new(Egress { allow_private: false, allow: vec![] }, Duration::from_secs(5), 15),
        import_spool: spool.to_owned(),
    }
}

/// Polls `GET /imports/{id}` until the import has ended.
async fn wait_until_ended(app: &TestApp, token: &str, id: &str) -> Value {
    for _ in 0..300 {
        let v = app.get_json(&format!("/api/v1/imports/{id}"), token).await;
        if !["queued", "running"].contains(&v["status"].as_str().unwrap()) {
            return v;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the import {id} did not end");
}

#[tokio::test]
async fn a_file_over_the_threshold_is_queued_and_the_worker_runs_it_to_the_end() {
    let spool = spool_dir();
    let dir = spool.clone();
    let app = TestApp::spawn_with(move |s| {
        s.import_spool_dir = dir.to_string_lossy().into_owned();
        s.job_poll_ms = 100;
    })
    .await;
    let bgd = app.login(BGD).await;
    let queued = queue(&app, &bgd, big_csv(2_000, "J")).await;
    // The lines counted while spooling: 2,000 data rows under the header.
    assert_eq!(queued["rows_expected"], 2_000, "{queued}");
    let id = queued["id"].as_str().unwrap();
    let done = wait_until_ended(&app, &bgd, id).await;
    assert_eq!(done["status"], "completed", "{done}");
    assert_eq!([&done["rows_total"], &done["rows_done"], &done["rows_inserted"]], [2_000, 2_000, 2_000]);
    assert_eq!(stakeholder_count(&app).await, 2_000);
    assert_eq!(files_left(&spool).await, 0, "the spooled file is removed once the import has ended");
    // Audited as queued by the delegate, started by the worker, run by the delegate: one event each.
    let db = app.db().await;
    for action in ["import.queue", "import.start", "import.run"] {
        let n = audit_events::Entity::find()
            .filter(audit_events::Column::Action.eq(action))
            .filter(audit_events::Column::EntityId.eq(id))
            .count(&db)
            .await
            .unwrap();
        assert_eq!(n, 1, "{action}");
    }
    // A small file still runs in the request.
    let small = post_file(&app, &bgd, "", "text/csv", big_csv(3, "S")).await;
    assert_eq!(small.status(), 200);
}

#[tokio::test]
async fn a_queued_import_is_cancelled_by_its_owner_or_an_admin_and_never_runs() {
    let spool = spool_dir();
    let dir = spool.clone();
    let app = TestApp::spawn_with(move |s| s.import_spool_dir = dir.to_string_lossy().into_owned()).await;
    let bgd = app.login(BGD).await;
    let npl = app.login(NPL).await;
    let analyst = app.login(ANALYST).await;
    let id = queue(&app, &bgd, big_csv(2_000, "C")).await["id"].as_str().unwrap().to_owned();
    assert_eq!(files_in(&spool), 1);
    let cancel = |token: String| {
        let req = app.request(Method::POST, &format!("/api/v1/imports/{id}/cancel"), Some(&token));
        async move { req.send().await.unwrap() }
    };
    // Another delegation's delegate does not see it; an analyst may not import at all.
    assert_eq!(cancel(npl).await.status(), 404);
    assert_eq!(cancel(analyst).await.status(), 403);
    let res = cancel(bgd.clone()).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.json::<Value>().await.unwrap()["status"], "cancelled");
    assert_eq!(files_left(&spool).await, 0, "the cancelled import's file is removed");
    // Once ended, it cannot be cancelled again.
    let again = cancel(bgd.clone()).await;
    problem(again, 409).await;
    // The worker finds nothing to run, and nothing is written.
    let db = app.db().await;
    assert_eq!(run_due(&db, &worker_queue(&spool, "a"), chrono::Utc::now()).await.unwrap(), 0);
    let job = job_rows::Entity::find_by_id(uuid::Uuid::parse_str(&id).unwrap()).one(&db).await.unwrap().unwrap();
    assert_eq!(job.status.0, JobStatus::Cancelled);
    assert_eq!(stakeholder_count(&app).await, 0);
    let v = app.get_json(&format!("/api/v1/imports/{id}"), &bgd).await;
    assert_eq!((v["status"].as_str(), v["rows_total"].as_i64()), (Some("cancelled"), Some(0)));
}

#[tokio::test]
async fn an_account_disabled_before_its_job_runs_gets_nothing_written() {
    let spool = spool_dir();
    let dir = spool.clone();
    let app = TestApp::spawn_with(move |s| s.import_spool_dir = dir.to_string_lossy().into_owned()).await;
    let bgd = app.login(BGD).await;
    let admin = app.login(ADMIN).await;
    let id = queue(&app, &bgd, big_csv(2_000, "D")).await["id"].as_str().unwrap().to_owned();
    let db = app.db().await;
    let user = users::Entity::find().filter(users::Column::Email.eq(BGD)).one(&db).await.unwrap().unwrap();
    let mut off: users::ActiveModel = user.into();
    off.active = Set(false);
    off.update(&db).await.unwrap();
    assert_eq!(run_due(&db, &worker_queue(&spool, "a"), chrono::Utc::now()).await.unwrap(), 1);
    assert_eq!(stakeholder_count(&app).await, 0);
    let v = app.get_json(&format!("/api/v1/imports/{id}"), &admin).await;
    assert_eq!(v["status"], "failed", "{v}");
    assert_eq!(
        (v["problems"][0]["column"].as_str(), v["problems"][0]["code"].as_str()),
        (Some("created_by"), Some("inactive"))
    );
    assert_eq!(files_left(&spool).await, 0);
    // The job ended: a second worker run finds nothing.
    assert_eq!(run_due(&db, &worker_queue(&spool, "b"), chrono::Utc::now()).await.unwrap(), 0);
}

#[tokio::test]
async fn two_workers_claiming_at_once_run_the_file_once() {
    let spool = spool_dir();
    let dir = spool.clone();
    let app = TestApp::spawn_with(move |s| s.import_spool_dir = dir.to_string_lossy().into_owned()).await;
    let bgd = app.login(BGD).await;
    let id = queue(&app, &bgd, big_csv(2_000, "W")).await["id"].as_str().unwrap().to_owned();
    let db = app.db().await;
    let (a, b) = (worker_queue(&spool, "node-a"), worker_queue(&spool, "node-b"));
    let now = chrono::Utc::now();
    let (ra, rb) = tokio::join!(run_due(&db, &a, now), run_due(&db, &b, now));
    assert_eq!(ra.unwrap() + rb.unwrap(), 1, "exactly one worker claims the job");
    assert_eq!(stakeholder_count(&app).await, 2_000);
    let v = app.get_json(&format!("/api/v1/imports/{id}"), &bgd).await;
    assert_eq!((v["status"].as_str(), v["rows_inserted"].as_i64()), (Some("completed"), Some(2_000)));
    // A stale attempt of the same job (a node that lost its lease and comes back) writes nothing more.
    let job = job_rows::Entity::find_by_id(uuid::Uuid::parse_str(&id).unwrap()).one(&db).await.unwrap().unwrap();
    let mut again: job_rows::ActiveModel = job.into();
    again.status = Set(JobStatus::Queued.into());
    again.update(&db).await.unwrap();
    assert_eq!(run_due(&db, &a, chrono::Utc::now()).await.unwrap(), 1);
    assert_eq!(stakeholder_count(&app).await, 2_000, "a finished import is never run twice");
}

#[tokio::test]
async fn a_json_array_over_the_threshold_is_refused_and_ndjson_is_queued() {
    let spool = spool_dir();
    let dir = spool.clone();
    let app = TestApp::spawn_with(move |s| s.import_spool_dir = dir.to_string_lossy().into_owned()).await;
    let bgd = app.login(BGD).await;
    let row = json!({"name": "Firm", "kind": "msme", "country": "BGD", "sector": "C", "size_class": "micro"});
    let array = Value::Array(vec![row.clone(); 1_000]).to_string();
    assert!(array.len() > 64 * 1024);
    let p = problem(post_file(&app, &bgd, "", "application/json", array).await, 422).await;
    assert_eq!(fields(&p), vec!["file"]);
    assert!(p.to_string().contains("NDJSON"), "{p}");
    assert_eq!(files_left(&spool).await, 0);
    let ndjson: String = (0..1_000).map(|_| format!("{row}\n")).collect();
    let res = post_file(&app, &bgd, "", "application/x-ndjson", ndjson).await;
    assert_eq!(res.status(), 202);
    assert_eq!(res.json::<Value>().await.unwrap()["rows_expected"], 1_000);
    // Over the import limit: 413, and nothing spooled.
    let app2 = TestApp::spawn_with(|s| s.import_max_bytes = 100 * 1024).await;
    let bgd2 = app2.login(BGD).await;
    let res = post_file(&app2, &bgd2, "", "text/csv", big_csv(4_000, "L")).await;
    assert_eq!(res.status(), 413);
}

#[tokio::test]
async fn a_bad_line_in_a_queued_file_fails_the_import_naming_the_line() {
    let spool = spool_dir();
    let dir = spool.clone();
    let app = TestApp::spawn_with(move |s| s.import_spool_dir = dir.to_string_lossy().into_owned()).await;
    let bgd = app.login(BGD).await;
    let mut body = big_csv(2_000, "B");
    body.push_str("\"unclosed,msme,BGD,C,micro,3,false\n");
    body.push_str(&"x".repeat(10));
    let mut bad = body.into_bytes();
    bad.extend_from_slice(b"\xff\xfe\n");
    let res = app
        .request(Method::POST, "/api/v1/imports/stakeholders", Some(&bgd))
        .header("content-type", "text/csv")
        .body(bad)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 202);
    let id = res.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_owned();
    let db = app.db().await;
    assert_eq!(run_due(&db, &worker_queue(&spool, "a"), chrono::Utc::now()).await.unwrap(), 1);
    let v = app.get_json(&format!("/api/v1/imports/{id}"), &bgd).await;
    assert_eq!(v["status"], "failed", "{v}");
    assert_eq!(v["problems"][0]["column"], "file", "{v}");
    assert_eq!(stakeholder_count(&app).await, 0, "nothing of a failed file is written");
}

/// The authorization matrices' `cancel_import` call: a fresh queued import of Bangladesh's delegate.
pub(crate) async fn prepare_call(
    app: &TestApp,
    ctx: &crate::matrix::Ctx,
    template: &str,
    call: &mut crate::matrix::Call,
) {
    let v = queue(app, &ctx.bgd, big_csv(2_000, &uuid::Uuid::new_v4().simple().to_string())).await;
    call.path = template.replace("{id}", v["id"].as_str().unwrap());
}

/// Every ending of a background import is announced (`import.finished`), not only the runner's: a
/// cancelled one and one whose file fails — to the importer's subscription and never another delegation's.
#[tokio::test]
async fn a_cancelled_or_failed_background_import_is_announced_to_its_importer_only() {
    use crate::webhook_fixtures::{subscribe, PUBLIC_URL};
    use gmc_store::entities::webhook_deliveries;

    let spool = spool_dir();
    let dir = spool.clone();
    let app = TestApp::spawn_with(move |s| s.import_spool_dir = dir.to_string_lossy().into_owned()).await;
    let (bgd, npl) = (app.login(BGD).await, app.login(NPL).await);
    let mine = subscribe(&app, &bgd, PUBLIC_URL, &["import.finished"]).await["id"].as_str().unwrap().to_owned();
    let theirs = subscribe(&app, &npl, PUBLIC_URL, &["import.finished"]).await["id"].as_str().unwrap().to_owned();

    // The failing file first: the worker then has only the import to run (no delivery is queued yet).
    let mut bad = big_csv(2_000, "Y").into_bytes();
    bad.extend_from_slice(b"\xff\xfe,msme,BGD,C,micro,3,false\n");
    let res = app
        .request(Method::POST, "/api/v1/imports/stakeholders", Some(&bgd))
        .header("content-type", "text/csv")
        .body(bad)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 202);
    let failed = res.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_owned();
    let db = app.db().await;
    assert_eq!(run_due(&db, &worker_queue(&spool, "a"), chrono::Utc::now()).await.unwrap(), 1);
    let cancelled = queue(&app, &bgd, big_csv(2_000, "X")).await["id"].as_str().unwrap().to_owned();
    let res =
        app.request(Method::POST, &format!("/api/v1/imports/{cancelled}/cancel"), Some(&bgd)).send().await.unwrap();
    assert_eq!(res.status(), 200);

    let announced = |sub: String| {
        let db = db.clone();
        async move {
            let rows = webhook_deliveries::Entity::find()
                .filter(webhook_deliveries::Column::SubscriptionId.eq(uuid::Uuid::parse_str(&sub).unwrap()))
                .filter(webhook_deliveries::Column::EventType.eq("import.finished"))
                .all(&db)
                .await
                .unwrap();
            let mut seen: Vec<(String, String)> = rows
                .iter()
                .map(|d| {
                    let body: Value = serde_json::from_str(&d.body).unwrap();
                    let data = &body["data"];
                    assert!(data.get("rows").is_none() && data.get("problems").is_none(), "a summary only: {data}");
                    (data["id"].as_str().unwrap().to_owned(), data["status"].as_str().unwrap().to_owned())
                })
                .collect();
            seen.sort();
            seen
        }
    };
    let mut expected = vec![(cancelled, "cancelled".to_owned()), (failed, "failed".to_owned())];
    expected.sort();
    assert_eq!(announced(mine).await, expected);
    assert!(announced(theirs).await.is_empty(), "another delegation's subscription hears nothing");
}

/// A job runs with the credential that queued it: an API key revoked before the job runs stops the import
/// (nothing written, `failed` on `api_key`), as it stops the key's own requests. A live key's import runs.
#[tokio::test]
async fn an_import_queued_with_a_key_revoked_before_it_runs_writes_nothing() {
    let spool = spool_dir();
    let dir = spool.clone();
    let app = TestApp::spawn_with(move |s| s.import_spool_dir = dir.to_string_lossy().into_owned()).await;
    let bgd = app.login(BGD).await;
    let mut ids = Vec::new();
    for name in ["revoked", "live"] {
        let res =
            app.post_json("/api/v1/api-keys", Some(&bgd), json!({"name": name, "scopes": ["read", "write"]})).await;
        assert_eq!(res.status(), 201);
        let body: Value = res.json().await.unwrap();
        ids.push((body["key"].as_str().unwrap().to_owned(), body["api_key"]["id"].as_str().unwrap().to_owned()));
    }
    let (revoked_key, revoked_id) = ids[0].clone();
    let (live_key, _) = ids[1].clone();
    let first = queue(&app, &revoked_key, big_csv(2_000, "K")).await["id"].as_str().unwrap().to_owned();
    let res = app.request(Method::DELETE, &format!("/api/v1/api-keys/{revoked_id}"), Some(&bgd)).send().await.unwrap();
    assert!(res.status().is_success(), "{}", res.status());
    let db = app.db().await;
    assert_eq!(run_due(&db, &worker_queue(&spool, "a"), chrono::Utc::now()).await.unwrap(), 1);
    let v = app.get_json(&format!("/api/v1/imports/{first}"), &bgd).await;
    assert_eq!(v["status"], "failed", "{v}");
    assert_eq!(
        (v["problems"][0]["column"].as_str(), v["problems"][0]["code"].as_str()),
        (Some("api_key"), Some("revoked"))
    );
    assert_eq!(stakeholder_count(&app).await, 0, "nothing is written for a revoked key");

    let second = queue(&app, &live_key, big_csv(2_000, "L")).await["id"].as_str().unwrap().to_owned();
    assert_eq!(run_due(&db, &worker_queue(&spool, "b"), chrono::Utc::now()).await.unwrap(), 1);
    let v = app.get_json(&format!("/api/v1/imports/{second}"), &bgd).await;
    assert_eq!(v["status"], "completed", "{v}");
    assert_eq!(stakeholder_count(&app).await, 2_000);
}
