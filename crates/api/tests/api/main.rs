//! HTTP tests of the API: each test spawns its own app and database (SQLite by default, PostgreSQL
//! when TEST_DATABASE_URL is set) and talks to it over real HTTP.
// Test helpers index JSON bodies (`body["items"][0]["id"]`): a missing value is a failed test,
// never a 500. `clippy.toml` allows it inside `#[test]` functions; this extends it to their helpers.
#![allow(clippy::indexing_slicing)]
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod alignment;
mod api_keys;
mod attacks;
mod auth;
// issue 10: briefings
mod briefing_deliverable_files;
mod briefings;
mod coalitions;
mod consultations;
mod consultations_feedback;
mod disclosure;
// issue 10: documents
mod documents;
mod errors;
mod evidence;
mod evidence_fixtures;
mod helpers;
mod idempotency;
mod impediment_search;
mod impediments;
// issue 11: imports
mod imports;
mod matrix;
mod matrix_credentials;
mod mfa;
mod openapi;
mod prep_board;
mod prep_item_texts;
mod prep_items;
mod reference;
mod sorting;
mod spa;
mod stakeholders;
mod topics;
mod totp;
mod users;
mod watch;
// issue 10: notifications
mod home;
mod notifications;
// issue 10: notifications — SMTP delivery and action items
mod action_item_notifications;
mod mail_delivery;
mod meetings_page;
mod smtp_sink;
// issue 10: meetings
mod calendar_feed;
mod meeting_fixtures;
mod meetings;
// issue 10: forum SPA
mod meeting_participants;
// issue 11: webhooks
mod webhook_fixtures;
// issue 11: response imports
mod response_imports;
mod webhook_receiver;
mod webhooks;
mod webhooks_delivery;
// issue 11: import-ui
mod import_events;
// issue 11: key budgets and exports
mod api_key_budgets;
mod exports;
// issue 11: exports — the other collections.
mod exports_more;
// issue 11: import-kinds
mod import_kinds;
// issue 11: import jobs
mod import_jobs;
// issue 11: wto notifications
mod wto_notifications;
