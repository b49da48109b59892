//! The registry of job kinds: every kind the queue may hold is named here, once, with what its payload
//! carries. The server's worker (`gmc_api::jobs`) dispatches on these names in one `match`; a job of a
//! kind it does not know fails at once (`unknown job kind`) rather than looping.
//!
//! Adding a kind (e.g. a large import): add its constant here with the payload's shape, enqueue it with
//! `jobs::enqueue` inside the audited transaction that asks for it, write its handler in the store
//! (taking the claimed `jobs::Model` and reporting through `jobs::progress`, which says when the job was
//! cancelled), and add one arm to `gmc_api::jobs::dispatch`.

/// Sends one webhook delivery. Payload: `{"delivery_id": "<uuid>"}` (`webhooks::send::deliver`).
pub const WEBHOOK_DELIVER: &str = "webhook.deliver";

// issue 11: import jobs
/// Runs a large import from its spooled file. Payload: `{"file": "<name in the spool dir>",
/// "rows_expected": <lines counted while spooling, or null>}`; the job's id is the import's
/// (`imports::job`).
pub const IMPORT_RUN: &str = "import.run";

/// Every kind the worker runs; used by tests and by the worker's "unknown kind" check.
pub const ALL: &[&str] = &[WEBHOOK_DELIVER, IMPORT_RUN];
