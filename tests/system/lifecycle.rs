use std::time::Duration;

use gmc_store::testdb::TestDatabase;

use crate::binary::{command, run, serve};

#[tokio::test]
async fn production_refuses_to_start_without_a_jwt_secret() {
    let db = TestDatabase::create().await.unwrap();
    let mut cmd = command(&db, &["serve"]);
    cmd.env("GMC_ENV", "production");
    let (ok, _, err) = run(cmd).await;
    assert!(!ok);
    assert!(err.contains("GMC_JWT_SECRET"), "{err}");
}

#[tokio::test]
async fn production_refuses_demo_accounts() {
    let db = TestDatabase::create().await.unwrap();
    let mut seed = command(&db, &["seed", "--demo"]);
    seed.env("GMC_ENV", "production");
    let (ok, _, err) = run(seed).await;
    assert!(!ok && err.contains("demo"), "{err}");

    assert!(run(command(&db, &["seed", "--demo"])).await.0);
    let mut serve = command(&db, &["serve"]);
    serve.env("GMC_ENV", "production").env("GMC_JWT_SECRET", "x".repeat(40));
    let (ok, _, err) = run(serve).await;
    assert!(!ok && err.contains("demo accounts"), "{err}");
}

#[tokio::test]
async fn sigterm_stops_the_server_gracefully() {
    let db = TestDatabase::create().await.unwrap();
    let mut server = serve(command(&db, &[])).await;
    let pid = server.child.id().unwrap().to_string();
    let killed = tokio::process::Command::new("kill").args(["-TERM", &pid]).status().await.unwrap();
    assert!(killed.success());
    let status = tokio::time::timeout(Duration::from_secs(30), server.child.wait()).await.unwrap().unwrap();
    assert!(status.success(), "exit status {status}");
}
