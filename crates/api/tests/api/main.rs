//! HTTP tests of the API: each test spawns its own app and database (SQLite by default, PostgreSQL
//! when TEST_DATABASE_URL is set) and talks to it over real HTTP.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod api_keys;
mod attacks;
mod auth;
mod consultations;
mod disclosure;
mod errors;
mod helpers;
mod idempotency;
mod impediments;
mod matrix;
mod matrix_credentials;
mod mfa;
mod openapi;
mod reference;
mod sorting;
mod stakeholders;
mod topics;
mod totp;
mod users;
mod watch;
