//! An import as the API answers it: what was asked, what came of it, and every rejected value.

use chrono::{DateTime, Utc};
use gmc_domain::import::{ImportFormat, ImportKind, ImportMode, ImportStatus, OnError};
use serde::Serialize;
use uuid::Uuid;

use crate::entities::{import_problems, imports};

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = Import))]
pub struct ImportView {
    pub id: Uuid,
    pub kind: ImportKind,
    pub format: ImportFormat,
    pub mode: ImportMode,
    /// Checked only: nothing was written.
    pub dry_run: bool,
    pub on_error: OnError,
    /// `completed`: every row accepted; `partial`: `on_error=skip` wrote the good rows; `rejected`:
    /// rows were rejected, so nothing was written. A large file runs as a job: `queued`, then
    /// `running`, and it may end `cancelled` or `failed` (the reason is in `problems`), writing nothing.
    pub status: ImportStatus,
    /// Data rows read (the header not counted).
    pub rows_total: i64,
    /// A job's progress: rows read so far (the same as `rows_total` once the import has ended).
    pub rows_done: i64,
    /// A job's rows as counted from the file's lines when it was uploaded (an estimate: a quoted value
    /// may hold a line break); `null` when not known (XLSX).
    pub rows_expected: Option<i64>,
    /// Rows added (for a dry run or a rejected file: that would have been added).
    pub rows_inserted: i64,
    /// Rows that changed an existing record (`mode=upsert`).
    pub rows_updated: i64,
    pub rows_rejected: i64,
    /// The delegation the rows were written for, unless a row named another.
    pub delegation_id: Option<Uuid>,
    pub created_by: Uuid,
    pub created_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
    /// Every rejected value, in file order (the first 10,000).
    pub problems: Vec<ImportProblemView>,
}

/// One rejected value: where, and why — with the code `POST` of the same record would answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = ImportProblem))]
pub struct ImportProblemView {
    /// The row's place in the file (see `GET /imports/templates/{kind}.csv`): for CSV and XLSX the line or
    /// sheet row (the header is 1), for NDJSON the line, for a JSON array the element (from 1).
    pub row: i64,
    /// The column (the request field); `row` for the row as a whole.
    pub column: String,
    #[cfg_attr(feature = "openapi", schema(example = "required"))]
    pub code: String,
    pub message: String,
}

pub(super) fn view(m: imports::Model, problems: Vec<import_problems::Model>) -> ImportView {
    ImportView {
        id: m.id,
        kind: m.kind.0,
        format: m.format.0,
        mode: m.mode.0,
        dry_run: m.dry_run,
        on_error: m.on_error.0,
        status: m.status.0,
        rows_total: m.rows_total,
        rows_done: if m.status.0.is_open() { 0 } else { m.rows_total },
        rows_expected: if m.status.0.is_open() { None } else { Some(m.rows_total) },
        rows_inserted: m.rows_inserted,
        rows_updated: m.rows_updated,
        rows_rejected: m.rows_rejected,
        delegation_id: m.delegation_id,
        created_by: m.created_by,
        created_at: m.created_at,
        finished_at: m.finished_at,
        problems: problems
            .into_iter()
            .map(|p| ImportProblemView { row: p.row, column: p.column, code: p.code, message: p.message })
            .collect(),
    }
}
