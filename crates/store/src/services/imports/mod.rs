//! Bulk imports (issue 11, DESIGN §4 "Bulk import"): a file of stakeholders or impediments — CSV, JSON
//! array, NDJSON or XLSX — whose every row passes the same checks, authorization and audit as the
//! kind's own `POST`, applied in one transaction with one audit event, and a report of every rejected
//! value kept for `GET /imports/{id}`.
//!
//! `source` turns bytes into rows (`csv_rows`, `json_rows`, `xlsx_rows`), `columns` a row into the
//! kind's request body, `kinds` sends it to the kind's service, `runner` holds the transaction and the
//! counts, `record` keeps and reads the report, `templates` writes the files to start from. A large
//! file is spooled by the request and run as a job: `queue`, `job`, and `live` (progress and cancel).

mod columns;
mod csv_rows;
pub(crate) mod delegation;
mod json_rows;
mod kinds;
mod local;
mod read;
mod record;
mod report;
mod runner;
mod source;
mod templates;
mod view;
mod xlsx_rows;
// issue 11: import jobs
pub mod job;
mod live;
mod queue;

pub use local::local_actor;
pub use queue::{cancel, queue};
pub use read::{rows, rows_from_file, JSON_TOO_LARGE};
pub use report::{get, report_csv};
pub use runner::{authorize_import, run, run_as, ImportOptions, Progress, MAX_PROBLEMS};
pub use source::{FileError, Row, Rows};
pub use templates::{template_csv, template_xlsx};
pub use view::{ImportProblemView, ImportView};

use gmc_domain::Actor;
use sea_orm::DatabaseConnection;

// issue 11: response imports
/// `authorize_import`, and for consultation responses the consultation itself (404 for one the caller
/// does not own, 409 for a draft or archived one) — so a file for someone else's consultation is refused
/// before its body is read or queued.
pub async fn authorize_import_for(db: &DatabaseConnection, actor: &Actor, o: &ImportOptions) -> crate::AppResult<()> {
    let delegation = authorize_import(actor, o)?;
    if let Some(c) = o.consultation_id {
        crate::services::consultations::import::target(db, actor, c, delegation.ok_or(crate::AppError::Forbidden)?)
            .await?;
    }
    Ok(())
}

/// Imports `bytes` (a request's body, held whole up to the upload limit — see `source`): authorized
/// first, then read and run. Answers the summary and report; a file that cannot be read is a 422.
pub async fn import_bytes(
    db: &DatabaseConnection,
    actor: &Actor,
    o: &ImportOptions,
    bytes: &[u8],
) -> crate::AppResult<ImportView> {
    authorize_import(actor, o)?;
    let source = rows(o.format, bytes, o.kind)?;
    run(db, actor, o, source, &mut |_| {}).await
}
