//! Running the binary: one-shot commands and a server whose port is read from its log.

use std::path::PathBuf;
use std::process::Stdio;
use std::time::Duration;

use gmc_store::testdb::TestDatabase;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};

pub fn bin() -> PathBuf {
    if let Ok(p) = std::env::var("GMC_BIN") {
        return PathBuf::from(p);
    }
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/debug/gmc");
    assert!(p.exists(), "{} is missing: run `cargo build -p gmc-cli` first", p.display());
    p
}

pub fn command(db: &TestDatabase, args: &[&str]) -> Command {
    let mut c = Command::new(bin());
    c.args(args)
        .env("DATABASE_URL", &db.url)
        .env("GMC_PORT", "0")
        .env("GMC_STATIC_DIR", "does-not-exist")
        .env_remove("GMC_ENV")
        .env_remove("GMC_JWT_SECRET")
        .env("RUST_LOG", "info")
        .kill_on_drop(true);
    c
}

/// Runs a command to completion: (success, stdout, stderr).
pub async fn run(mut cmd: Command) -> (bool, String, String) {
    let out = tokio::time::timeout(Duration::from_secs(60), cmd.output()).await.expect("timed out").expect("spawn");
    (out.status.success(), String::from_utf8_lossy(&out.stdout).into(), String::from_utf8_lossy(&out.stderr).into())
}

pub struct Server {
    pub child: Child,
    pub base: String,
}

/// Starts `gmc serve` and waits for its "listening on" line.
pub async fn serve(mut cmd: Command) -> Server {
    cmd.arg("serve").stderr(Stdio::piped()).stdout(Stdio::null());
    let mut child = cmd.spawn().expect("spawn gmc serve");
    let stderr = child.stderr.take().expect("stderr");
    let mut lines = BufReader::new(stderr).lines();
    let base = tokio::time::timeout(Duration::from_secs(60), async {
        while let Some(line) = lines.next_line().await.expect("read log") {
            if let Some(rest) = line.split("listening on ").nth(1) {
                return rest.split_whitespace().next().expect("address").to_owned();
            }
        }
        panic!("gmc serve exited before listening");
    })
    .await
    .expect("gmc serve did not start in time");
    // Keep draining the log so the server never blocks on a full pipe.
    tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
    Server { child, base }
}
