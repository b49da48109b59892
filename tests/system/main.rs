//! System tests: the real `gmc` binary, started as users start it, spoken to over HTTP. Each test has
//! its own database (SQLite, or PostgreSQL when TEST_DATABASE_URL is set). The binary is
//! `target/debug/gmc` (build it first: `cargo build -p gmc-cli`) or `$GMC_BIN`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod binary;
// issue 11: imports
mod import;
// issue 11: exports
mod export;
// issue 11: import jobs
mod import_jobs;
mod lifecycle;
mod serve;
