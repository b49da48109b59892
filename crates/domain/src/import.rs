//! Bulk imports (DESIGN §4 "Bulk import"): which kinds of record a file may hold, in which format, and
//! how the rows are applied. The rows themselves pass each kind's own create checks; nothing here
//! validates a record.

use crate::string_enum;

string_enum!(
    /// The kinds of record a file may hold.
    ImportKind {
        Stakeholders => "stakeholders",
        Impediments => "impediments",
        // issue 11: import-kinds
        Topics => "topics",
        PrepItems => "prep_items",
        // issue 11: response imports — paper questionnaires of one consultation, keyed in later.
        ConsultationResponses => "consultation_responses",
        // issue 11: wto notifications
        WtoNotifications => "wto_notifications",
    }
);

string_enum!(
    /// The file's format, from `Content-Type` or `?format=`.
    ImportFormat {
        Csv => "csv",
        Json => "json",
        Ndjson => "ndjson",
        Xlsx => "xlsx",
    }
);

string_enum!(
    /// `insert` adds every row; `upsert` changes the caller's delegation's record with the row's
    /// `external_id` when there is one, and adds the row otherwise.
    ImportMode {
        Insert => "insert",
        Upsert => "upsert",
    }
);

string_enum!(
    /// `abort` (the default): one rejected row rejects the file and nothing is written. `skip`: the
    /// good rows are written and the rejected ones reported.
    OnError {
        Abort => "abort",
        Skip => "skip",
    }
);

string_enum!(
    /// `completed`: every row was written (or, for a dry run, would have been); `partial`: `skip` wrote
    /// the good rows and rejected others; `rejected`: nothing was written because rows were rejected.
    /// A file run as a job (issue 11: import jobs) is first `queued`, then `running`, and may end
    /// `cancelled` (by its owner or an admin) or `failed` (the file could not be read, or its owner may
    /// no longer import) — in both, nothing was written.
    ImportStatus {
        Completed => "completed",
        Partial => "partial",
        Rejected => "rejected",
        Queued => "queued",
        Running => "running",
        Cancelled => "cancelled",
        Failed => "failed",
    }
);

/// What an accepted row did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowOutcome {
    Inserted,
    Updated,
}

impl ImportFormat {
    /// The format a `Content-Type` names (parameters such as `charset` ignored).
    pub fn from_content_type(value: &str) -> Option<ImportFormat> {
        let essence = value.split(';').next().unwrap_or_default().trim().to_ascii_lowercase();
        match essence.as_str() {
            "text/csv" | "text/tab-separated-values" => Some(ImportFormat::Csv),
            "application/json" => Some(ImportFormat::Json),
            "application/x-ndjson" | "application/ndjson" | "application/jsonl" => Some(ImportFormat::Ndjson),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => Some(ImportFormat::Xlsx),
            _ => None,
        }
    }
}

impl ImportStatus {
    /// Not finished yet: a job will still run (or is running) it.
    pub fn is_open(self) -> bool {
        matches!(self, ImportStatus::Queued | ImportStatus::Running)
    }

    /// The outcome of a run: what was rejected, and whether the good rows were kept.
    pub fn of(rejected: u64, on_error: OnError) -> ImportStatus {
        match (rejected, on_error) {
            (0, _) => ImportStatus::Completed,
            (_, OnError::Skip) => ImportStatus::Partial,
            (_, OnError::Abort) => ImportStatus::Rejected,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_format_comes_from_the_content_type_essence() {
        assert_eq!(ImportFormat::from_content_type("text/csv; charset=utf-8"), Some(ImportFormat::Csv));
        assert_eq!(ImportFormat::from_content_type("Application/JSON"), Some(ImportFormat::Json));
        assert_eq!(ImportFormat::from_content_type("application/x-ndjson"), Some(ImportFormat::Ndjson));
        assert_eq!(ImportFormat::from_content_type("text/plain"), None);
    }

    #[test]
    fn a_run_with_rejections_is_partial_only_when_skipping() {
        assert_eq!(ImportStatus::of(0, OnError::Abort), ImportStatus::Completed);
        assert_eq!(ImportStatus::of(2, OnError::Skip), ImportStatus::Partial);
        assert_eq!(ImportStatus::of(2, OnError::Abort), ImportStatus::Rejected);
    }
}
