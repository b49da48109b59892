//! One module per capability. Each public function authorizes first, then validates, then works.

pub(crate) mod access;
pub mod alignment;
pub mod api_keys;
pub mod audit_log;
pub mod auth;
// issue 10: briefings
pub mod briefings;
pub mod coalitions;
pub mod consultations;
// issue 10: documents
pub mod documents;
pub mod idempotency;
pub mod impediments;
pub mod mfa;
pub mod ministerials;
pub mod prep;
pub mod reference;
pub(crate) mod reference_checks;
pub mod secrets;
pub mod stakeholders;
pub mod tokens;
pub mod topics;
pub mod users;
pub mod visibility;
pub mod watch;
// issue 10: notifications
pub mod home;
pub mod notifications;
// issue 10: meetings
pub mod meetings;
// issue 11: jobs and webhooks
pub mod jobs;
pub mod webhooks;
// issue 11: imports
pub mod imports;
// issue 11: key budgets and exports
pub mod api_key_usage;
pub mod exports;
// issue 11: import-kinds
pub(crate) mod topic_import;
// issue 11: wto notifications
pub mod wto_notifications;

use gmc_domain::error::FieldProblem;
use sea_orm::sea_query::{Expr, Func, SimpleExpr};
use sea_orm::ColumnTrait;

/// A case-insensitive "contains" on either engine: `lower(col) LIKE lower('%q%')`, with `%`, `_` and
/// `\` in the query taken literally.
pub(crate) fn contains_ci(col: impl ColumnTrait, q: &str) -> SimpleExpr {
    let escaped = q.to_lowercase().replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
    Expr::expr(Func::lower(Expr::col(col.as_column_ref())))
        .like(sea_orm::sea_query::LikeExpr::new(format!("%{escaped}%")).escape('\\'))
}

/// Trims a search text; an empty one means "no search"; a very long one is refused.
pub(crate) fn search_text(q: Option<&str>) -> Result<Option<String>, FieldProblem> {
    match q.map(str::trim) {
        None | Some("") => Ok(None),
        Some(q) if q.chars().count() > 200 => Err(FieldProblem::new("too_long", "must be at most 200 characters")),
        Some(q) if gmc_domain::error::has_control_chars(q) => {
            Err(FieldProblem::new("invalid_character", "must not contain control characters"))
        }
        Some(q) => Ok(Some(q.to_owned())),
    }
}
