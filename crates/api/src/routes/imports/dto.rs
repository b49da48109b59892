//! The imports' query parameters. The values arrive as text so that a bad one is a 422 naming the
//! parameter (checked in `options`), not a 400 from the query reader.

use gmc_domain::error::{parse_enum, FieldProblem};
use gmc_domain::import::{ImportFormat, ImportKind, ImportMode, OnError};
use gmc_domain::ValidationErrors;
use gmc_store::services::imports::ImportOptions;
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ImportQuery {
    /// The file's format; default: from `Content-Type` (`text/csv`, `application/json`,
    /// `application/x-ndjson`, `application/vnd.openxmlformats-officedocument.spreadsheetml.sheet`).
    #[param(value_type = Option<ImportFormat>)]
    pub format: Option<String>,
    /// `true`: check every row and write nothing (the report says what a real run would do).
    #[param(value_type = Option<bool>)]
    pub dry_run: Option<String>,
    /// `insert` (default) adds every row; `upsert` changes the record of the caller's delegation with the
    /// row's `external_id` (topics: the row's `code`) and adds the others; kinds without either take `insert` only.
    #[param(value_type = Option<ImportMode>)]
    pub mode: Option<String>,
    /// `abort` (default): one rejected row rejects the file and nothing is written. `skip`: the good rows
    /// are written and the rejected ones reported.
    #[param(value_type = Option<OnError>)]
    pub on_error: Option<String>,
    /// Admins: the delegation the rows are for. Members: their own (the default; another is refused).
    pub delegation_id: Option<Uuid>,
    // issue 11: response imports
    /// `consultation_responses` only (and required there): the consultation the answers are for.
    pub consultation_id: Option<Uuid>,
}

// issue 11: response imports
/// The template's parameter.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TemplateQuery {
    /// `consultation_responses` only (and required there): the consultation whose questions are the columns.
    pub consultation_id: Option<Uuid>,
}

fn flag(v: &str) -> Result<bool, FieldProblem> {
    match v {
        "true" => Ok(true),
        "false" => Ok(false),
        _ => Err(FieldProblem::new("invalid_choice", "must be true or false")),
    }
}

impl ImportQuery {
    /// The options, every bad parameter named at once; the format from `?format=`, else `content_type`.
    pub fn options(
        self,
        kind: ImportKind,
        content_type: Option<&str>,
        small_cell_k: i64,
    ) -> Result<ImportOptions, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let format = match (&self.format, content_type) {
            (Some(f), _) => e.check("format", parse_enum::<ImportFormat>(f)),
            (None, Some(ct)) => {
                let found = ImportFormat::from_content_type(ct);
                if found.is_none() {
                    let text = format!(
                        "the Content-Type {ct:?} names no import format; send text/csv, application/json, \
                         application/x-ndjson or the XLSX type, or say ?format= ({})",
                        ImportFormat::allowed()
                    );
                    e.add("format", "invalid_choice", text);
                }
                found
            }
            (None, None) => {
                e.add("format", "required", "send a Content-Type or ?format=");
                None
            }
        };
        let dry_run = self.dry_run.as_deref().map_or(Some(false), |v| e.check("dry_run", flag(v)));
        let mode = self.mode.as_deref().map_or(Some(ImportMode::Insert), |v| e.check("mode", parse_enum(v)));
        let on_error = self.on_error.as_deref().map_or(Some(OnError::Abort), |v| e.check("on_error", parse_enum(v)));
        match (format, dry_run, mode, on_error) {
            (Some(format), Some(dry_run), Some(mode), Some(on_error)) if e.is_empty() => Ok(ImportOptions {
                kind,
                format,
                mode,
                dry_run,
                on_error,
                delegation_id: self.delegation_id,
                consultation_id: self.consultation_id,
                small_cell_k,
            }),
            _ => Err(e),
        }
    }
}
