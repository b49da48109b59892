//! E-mail delivery (issue 10): lettre's real SMTP client sends the outbox to a sink speaking SMTP in
//! the test (`smtp_sink`). What arrives, what is recorded after a refusal (retried with backoff, then
//! `failed`), that a dead or silent server costs only the timeout, that two senders over one queue
//! send each mail once, that a dead sender's claim is taken again, and the server's own job sending
//! what a notification queued.

use std::time::{Duration, Instant};

use chrono::{DateTime, SubsecRound, Utc};
use gmc_domain::notification::EmailStatus;
use gmc_store::entities::email_outbox;
use gmc_store::services::notifications::delivery::{self, Outcome, Retry};
use gmc_store::services::notifications::smtp::{deliver_due, DeliveryReport, Mailer};
use sea_orm::{ActiveModelTrait, DatabaseConnection, EntityTrait, Set};
use serde_json::json;
use uuid::Uuid;

use crate::helpers::*;
use crate::notifications::user_id;
use crate::smtp_sink::{Mode, Sink};

const FROM: &str = "Geneva-MSME Connection <noreply@gmc.test>";
const PASSWORD_IN_URL: &str = "s3cret-smtp-pass";

/// A queued mail, as `notifications::notify` writes one.
async fn queue(db: &DatabaseConnection, user: Option<Uuid>, to: &str, subject: &str) -> Uuid {
    let id = Uuid::now_v7();
    email_outbox::ActiveModel {
        id: Set(id),
        user_id: Set(user),
        to_address: Set(to.to_owned()),
        subject: Set(subject.to_owned()),
        body: Set(format!("{subject}\n\nBody of {subject}.\n\nOpen: /meetings/1\n")),
        status: Set(EmailStatus::Queued.into()),
        attempts: Set(0),
        last_error: Set(None),
        created_at: Set(Utc::now()),
        sent_at: Set(None),
        claimed_at: Set(None),
        claim_token: Set(None),
        next_attempt_at: Set(None),
    }
    .insert(db)
    .await
    .unwrap();
    id
}

async fn row(db: &DatabaseConnection, id: Uuid) -> email_outbox::Model {
    email_outbox::Entity::find_by_id(id).one(db).await.unwrap().unwrap()
}

fn mailer(sink: &Sink, timeout: Duration) -> Mailer {
    Mailer::new(&sink.url_with("gmc", PASSWORD_IN_URL), FROM, timeout).unwrap()
}

fn retry(max_attempts: i32) -> Retry {
    Retry { max_attempts, backoff_base: chrono::Duration::seconds(60), ..Retry::default() }
}

async fn run(db: &DatabaseConnection, m: &Mailer, r: &Retry, now: DateTime<Utc>) -> DeliveryReport {
    deliver_due(db, m, r, 50, now).await.unwrap()
}

#[tokio::test]
async fn a_queued_mail_is_delivered_through_smtp_and_marked_sent() {
    let app = TestApp::spawn().await;
    let sink = Sink::start(Mode::Accept { delay: Duration::ZERO }).await;
    let bgd = user_id(&app, &app.login(BGD).await).await;
    let db = app.db().await;
    let id = queue(&db, Some(bgd), BGD, "Invitation: Fisheries subsidies briefing").await;
    let m = mailer(&sink, Duration::from_secs(5));

    let report = run(&db, &m, &Retry::default(), Utc::now()).await;
    assert_eq!(report, DeliveryReport { sent: 1, ..Default::default() });
    let got = sink.received();
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].to, vec![BGD.to_owned()]);
    assert_eq!(got[0].from, "noreply@gmc.test");
    assert!(got[0].data.contains("Subject: Invitation: Fisheries subsidies briefing"), "{}", got[0].data);
    assert!(got[0].data.contains("Body of Invitation: Fisheries subsidies briefing."), "{}", got[0].data);
    assert!(got[0].data.contains("Open: /meetings/1"));
    assert_eq!(sink.auths(), vec![format!("\0gmc\0{PASSWORD_IN_URL}")], "the URL's credentials log in");
    let sent = row(&db, id).await;
    assert_eq!(sent.status.0, EmailStatus::Sent);
    assert_eq!(sent.attempts, 1);
    assert!(sent.sent_at.is_some());

    // Sent is done: another run sends nothing.
    assert_eq!(run(&db, &m, &Retry::default(), Utc::now()).await, DeliveryReport::default());
    assert_eq!(sink.received().len(), 1);
    // The admin sees it sent.
    let admin = app.login(ADMIN).await;
    let outbox = app.get_json("/api/v1/admin/email-outbox?status=sent", &admin).await;
    assert_eq!(outbox["total"], 1);
    assert_eq!(outbox["items"][0]["attempts"], 1);
    assert!(outbox["items"][0]["sent_at"].is_string());
}

#[tokio::test]
async fn a_refused_recipient_is_retried_with_backoff_then_failed() {
    let app = TestApp::spawn().await;
    let sink = Sink::start(Mode::RejectRecipients).await;
    let db = app.db().await;
    let id = queue(&db, None, "nobody@example.org", "Refused").await;
    let (m, r) = (mailer(&sink, Duration::from_secs(5)), retry(3));
    // Whole seconds: PostgreSQL keeps microseconds, so a nanosecond `now` would come back 59.999… s off.
    let t0 = Utc::now().trunc_subsecs(0);

    assert_eq!(run(&db, &m, &r, t0).await.retrying, 1);
    let first = row(&db, id).await;
    assert_eq!(first.status.0, EmailStatus::Queued);
    assert_eq!(first.attempts, 1);
    let error = first.last_error.clone().unwrap();
    assert!(error.contains("550"), "{error}");
    assert!(!error.contains(PASSWORD_IN_URL), "no secret in the stored error: {error}");
    assert_eq!(first.next_attempt_at.map(|n| (n - t0).num_seconds()), Some(60));

    // Not due before its time: nothing is tried.
    assert_eq!(run(&db, &m, &r, t0 + chrono::Duration::seconds(59)).await, DeliveryReport::default());
    assert_eq!(row(&db, id).await.attempts, 1);
    // Due: tried again, and the wait doubles.
    let t1 = t0 + chrono::Duration::seconds(61);
    assert_eq!(run(&db, &m, &r, t1).await.retrying, 1);
    let second = row(&db, id).await;
    assert_eq!(second.attempts, 2);
    assert_eq!(second.next_attempt_at.map(|n| (n - t1).num_seconds()), Some(120));
    // The third attempt is the last.
    let t2 = t1 + chrono::Duration::seconds(121);
    assert_eq!(run(&db, &m, &r, t2).await.failed, 1);
    let last = row(&db, id).await;
    assert_eq!((last.status.0, last.attempts, last.next_attempt_at), (EmailStatus::Failed, 3, None));
    assert_eq!(run(&db, &m, &r, t2 + chrono::Duration::days(1)).await, DeliveryReport::default());
    assert!(sink.received().is_empty());

    let admin = app.login(ADMIN).await;
    let outbox = app.get_json("/api/v1/admin/email-outbox?status=failed", &admin).await;
    assert_eq!(outbox["total"], 1);
    assert_eq!(outbox["items"][0]["attempts"], 3);
    assert!(outbox["items"][0]["last_error"].as_str().unwrap().contains("550"));
}

#[tokio::test]
async fn a_dead_or_silent_server_costs_the_sender_its_timeout_and_is_retried() {
    let app = TestApp::spawn().await;
    let db = app.db().await;
    // Nobody listens on a port that was just freed: the connection is refused.
    let dead_port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let dead = Mailer::new(&format!("smtp://127.0.0.1:{dead_port}"), FROM, Duration::from_secs(1)).unwrap();
    let silent_sink = Sink::start(Mode::Silent).await;
    let silent = mailer(&silent_sink, Duration::from_secs(1));
    let a = queue(&db, None, "a@example.org", "To a dead server").await;
    let b = queue(&db, None, "b@example.org", "To a silent server").await;
    let r = retry(5);

    // The dead server is tried first (oldest first); the silent mail is not due yet for that sender.
    let started = Instant::now();
    let report = deliver_due(&db, &dead, &r, 1, Utc::now()).await.unwrap();
    assert_eq!(report.retrying, 1);
    let report = deliver_due(&db, &silent, &r, 1, Utc::now()).await.unwrap();
    assert_eq!(report.retrying, 1);
    // lettre's timeout is 1 s per step; the sender's own bound is four of them.
    assert!(started.elapsed() < Duration::from_secs(10), "took {:?}", started.elapsed());
    for id in [a, b] {
        let mail = row(&db, id).await;
        assert_eq!((mail.status.0, mail.attempts), (EmailStatus::Queued, 1));
        assert!(mail.last_error.is_some_and(|e| !e.is_empty()));
        assert!(mail.next_attempt_at.is_some());
    }
}

#[tokio::test]
async fn two_senders_over_one_queue_send_each_mail_exactly_once() {
    let app = TestApp::spawn().await;
    // Each accepted message takes a while, so the two senders are busy at the same time.
    let sink = Sink::start(Mode::Accept { delay: Duration::from_millis(30) }).await;
    let db = app.db().await;
    let mut ids = Vec::new();
    for i in 0..12 {
        ids.push(queue(&db, None, &format!("person{i}@example.org"), &format!("Mail number {i}")).await);
    }
    let (db1, db2) = (app.db().await, app.db().await);
    let (m1, m2) = (mailer(&sink, Duration::from_secs(5)), mailer(&sink, Duration::from_secs(5)));
    let r = Retry::default();
    let now = Utc::now();
    // Small batches, several rounds each: the senders interleave their claims.
    let sender = |db: DatabaseConnection, m: Mailer| async move {
        let mut sent = 0;
        for _ in 0..8 {
            sent += deliver_due(&db, &m, &r, 3, now).await.unwrap().sent;
            tokio::task::yield_now().await;
        }
        sent
    };
    let (s1, s2) = tokio::join!(tokio::spawn(sender(db1, m1)), tokio::spawn(sender(db2, m2)));
    let (s1, s2) = (s1.unwrap(), s2.unwrap());
    assert_eq!(s1 + s2, 12, "both senders together sent every mail ({s1} + {s2})");
    let mut subjects: Vec<String> = sink
        .received()
        .iter()
        .filter_map(|m| m.data.lines().find_map(|l| l.strip_prefix("Subject: ").map(str::to_owned)))
        .collect();
    subjects.sort();
    let mut expected: Vec<String> = (0..12).map(|i| format!("Mail number {i}")).collect();
    expected.sort();
    assert_eq!(subjects, expected, "each mail arrived exactly once");
    for id in ids {
        assert_eq!(row(&db, id).await.status.0, EmailStatus::Sent);
    }
}

#[tokio::test]
async fn a_dead_senders_claim_is_taken_again_after_the_timeout_and_the_late_sender_records_nothing() {
    let app = TestApp::spawn().await;
    let sink = Sink::start(Mode::Accept { delay: Duration::ZERO }).await;
    let db = app.db().await;
    let id = queue(&db, None, "late@example.org", "Claimed by a node that died").await;
    let r = Retry { claim_timeout: chrono::Duration::minutes(10), ..Retry::default() };
    let t0 = Utc::now();
    // A sender claims it and never reports back.
    let claimed = delivery::claim_due(&db, t0, &r, 10).await.unwrap();
    assert_eq!(claimed.len(), 1);
    assert_eq!(row(&db, id).await.status.0, EmailStatus::Sending);
    let m = mailer(&sink, Duration::from_secs(5));
    // While the claim is fresh, nobody else takes it.
    assert_eq!(run(&db, &m, &r, t0 + chrono::Duration::minutes(9)).await, DeliveryReport::default());
    assert!(sink.received().is_empty());
    // Once stale, another sender does.
    assert_eq!(run(&db, &m, &r, t0 + chrono::Duration::minutes(11)).await.sent, 1);
    assert_eq!(sink.received().len(), 1);
    // The first sender, late, finds its claim gone: what it reports changes nothing.
    let late = delivery::mark_failed(&db, &claimed[0], t0, &r, "late", false).await.unwrap();
    assert_eq!(late, Outcome::Lost);
    let mail = row(&db, id).await;
    assert_eq!((mail.status.0, mail.attempts, mail.last_error), (EmailStatus::Sent, 1, None));
}

#[tokio::test]
async fn a_mail_to_a_disabled_account_is_not_sent() {
    let app = TestApp::spawn().await;
    let sink = Sink::start(Mode::Accept { delay: Duration::ZERO }).await;
    let db = app.db().await;
    let npl = user_id(&app, &app.login(NPL).await).await;
    let id = queue(&db, Some(npl), NPL, "Queued before the account was disabled").await;
    use gmc_store::entities::users;
    let mut account: users::ActiveModel = users::Entity::find_by_id(npl).one(&db).await.unwrap().unwrap().into();
    account.active = Set(false);
    account.update(&db).await.unwrap();

    let report = run(&db, &mailer(&sink, Duration::from_secs(5)), &Retry::default(), Utc::now()).await;
    assert_eq!(report.failed, 1);
    assert!(sink.received().is_empty());
    let mail = row(&db, id).await;
    assert_eq!(mail.status.0, EmailStatus::Failed);
    assert!(mail.last_error.unwrap().contains("disabled"));
}

#[tokio::test]
async fn the_server_sends_what_a_notification_queued_when_smtp_is_configured() {
    let sink = Sink::start(Mode::Accept { delay: Duration::ZERO }).await;
    let url = sink.url_with("gmc", PASSWORD_IN_URL);
    let app = TestApp::spawn_with(|s| {
        s.smtp_url = Some(gmc_api::settings::Secret::new(url));
        s.smtp_from = Some(FROM.to_owned());
        s.smtp_interval_secs = 1;
    })
    .await;
    let bgd = app.login(BGD).await;
    let me = user_id(&app, &bgd).await;
    let res = app
        .request(reqwest::Method::PUT, "/api/v1/me/notification-settings", Some(&bgd))
        .json(&json!({"items": [{"kind": "meeting_invitation", "in_app": true, "email": true}]}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    crate::notifications::notify(&app, me, "mailed-invitation").await.unwrap();

    let deadline = Instant::now() + Duration::from_secs(20);
    while sink.received().is_empty() && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let got = sink.received();
    assert_eq!(got.len(), 1, "the server's sender delivered the queued mail");
    assert_eq!(got[0].to, vec![BGD.to_owned()]);
    assert!(got[0].data.contains("Subject: Invitation mailed-invitation"), "{}", got[0].data);
    let admin = app.login(ADMIN).await;
    let mut status = String::new();
    while status != "sent" && Instant::now() < deadline {
        let outbox = app.get_json("/api/v1/admin/email-outbox", &admin).await;
        status = outbox["items"][0]["status"].as_str().unwrap_or_default().to_owned();
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(status, "sent");
}

#[tokio::test]
async fn a_bad_smtp_setting_stops_the_server_at_start() {
    use gmc_api::jobs::Mail;
    let mut s = gmc_api::Settings::for_tests("sqlite::memory:");
    assert!(Mail::from_settings(&s).unwrap().is_none(), "no URL: e-mail is off");
    s.smtp_url = Some(gmc_api::settings::Secret::new("smtp://mail.example.org:25".to_owned()));
    let missing_from = Mail::from_settings(&s).err().unwrap().to_string();
    assert!(missing_from.contains("GMC_SMTP_FROM"), "{missing_from}");
    s.smtp_from = Some(FROM.to_owned());
    assert!(Mail::from_settings(&s).unwrap().is_some());
    s.smtp_url = Some(gmc_api::settings::Secret::new(format!("gopher://u:{PASSWORD_IN_URL}@mail.example.org")));
    let bad = Mail::from_settings(&s).err().unwrap().to_string();
    assert!(bad.contains("GMC_SMTP_URL") && !bad.contains(PASSWORD_IN_URL), "{bad}");
}
