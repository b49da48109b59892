//! A test-suite instrument, not a feature: when `GMC_RECORD_STATUSES_DIR` is set, every response is
//! appended as `METHOD<TAB>route pattern<TAB>status` to `statuses-<pid>.tsv` in that directory.
//! `scripts/check-statuses.py` then compares what the test suite saw with the statuses the OpenAPI
//! document declares per operation, so the contract cannot promise less than the server does.
//!
//! The route is actix's matched pattern (`/api/v1/topics/{id}`), not the path, so recordings map onto
//! the document's operations; `-` when no resource matched. One file per process because the API
//! tests run one process per test and the system tests start the real binary: appends never share a
//! file across processes. Each line is one `write` on an unbuffered file, so a server killed mid-test
//! (the system tests SIGKILL theirs) has lost nothing already answered.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::Path;
use std::sync::{Mutex, OnceLock};

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;

pub const ENV: &str = "GMC_RECORD_STATUSES_DIR";

static SINK: OnceLock<Option<Mutex<File>>> = OnceLock::new();

fn sink() -> Option<&'static Mutex<File>> {
    SINK.get_or_init(|| {
        let dir = std::env::var_os(ENV).filter(|d| !d.is_empty())?;
        let path = Path::new(&dir).join(format!("statuses-{}.tsv", std::process::id()));
        let opened =
            std::fs::create_dir_all(&dir).and_then(|()| OpenOptions::new().create(true).append(true).open(&path));
        match opened {
            Ok(file) => Some(Mutex::new(file)),
            Err(e) => {
                // The checker fails on an empty directory, so a recording that cannot start is noticed there.
                tracing::warn!(error = %e, path = %path.display(), "cannot record response statuses");
                None
            }
        }
    })
    .as_ref()
}

/// Whether this process records statuses (decided once, from the environment).
pub fn enabled() -> bool {
    sink().is_some()
}

fn record(method: &str, pattern: Option<&str>, status: u16) {
    let Some(sink) = sink() else { return };
    let line = format!("{method}\t{}\t{status}\n", pattern.unwrap_or("-"));
    if let Ok(mut file) = sink.lock() {
        let _ = file.write_all(line.as_bytes());
    }
}

pub async fn middleware(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    // Taken before the call: `head_as_get` (startup.rs) turns some HEAD requests into GET on the way in.
    let method = req.method().as_str().to_owned();
    // Only for an error that escapes the app (answered by actix outside every middleware): the pattern
    // the path alone matches. A response carries the pattern its request was actually routed to.
    let by_path = req.match_pattern();
    match next.call(req).await {
        Ok(res) => {
            record(&method, res.request().match_pattern().as_deref(), res.status().as_u16());
            Ok(res)
        }
        Err(e) => {
            record(&method, by_path.as_deref(), e.as_response_error().status_code().as_u16());
            Err(e)
        }
    }
}
