//! The one error type of the services. The API maps each variant to an HTTP status in one place.

use gmc_domain::ValidationErrors;
use sea_orm::{DbErr, SqlErr};

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The input broke a rule; each field is named.
    #[error("validation failed: {0}")]
    Validation(ValidationErrors),
    /// No credentials, or credentials that are wrong, expired or revoked.
    #[error("not authenticated: {0}")]
    Unauthenticated(&'static str),
    /// Signed in, but the role or key scope does not allow it.
    #[error("forbidden")]
    Forbidden,
    /// An admin credential that has not passed a second factor: only enrolment is open to it.
    #[error("second factor required")]
    SecondFactorRequired,
    /// No such record, or one the caller may not see (the two are not told apart).
    #[error("{0} not found")]
    NotFound(&'static str),
    /// The request clashes with the current state (a duplicate, a record still in use).
    #[error("conflict: {0}")]
    Conflict(String),
    /// A consultation that takes no responses now (closed, archived or not yet open).
    #[error("closed: {0}")]
    Closed(String),
    /// `If-Match` named a version that is no longer current.
    #[error("stale version: current is {current}")]
    PreconditionFailed { current: i32 },
    /// An update came without `If-Match`.
    #[error("If-Match is required")]
    PreconditionRequired,
    /// The database is busy (SQLite's one writer held by another process past the busy timeout).
    #[error("database busy")]
    Busy,
    /// Anything else: logged in full, never shown to the client.
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl From<ValidationErrors> for AppError {
    fn from(e: ValidationErrors) -> Self {
        AppError::Validation(e)
    }
}

impl From<DbErr> for AppError {
    fn from(e: DbErr) -> Self {
        match e.sql_err() {
            Some(SqlErr::UniqueConstraintViolation(_)) => {
                AppError::Conflict("a record with the same unique value already exists".into())
            }
            Some(SqlErr::ForeignKeyConstraintViolation(_)) => {
                AppError::Conflict("the record refers to, or is referred to by, another record".into())
            }
            _ if is_busy(&e) => AppError::Busy,
            _ => AppError::Internal(anyhow::Error::new(e)),
        }
    }
}

/// SQLite's "database is locked" (SQLITE_BUSY, code 5, and its extended codes).
fn is_busy(e: &DbErr) -> bool {
    let text = e.to_string();
    text.contains("database is locked") || text.contains("(code: 5)") || text.contains("(code: 517)")
}

impl From<gmc_domain::policy::Denied> for AppError {
    fn from(d: gmc_domain::policy::Denied) -> Self {
        match d {
            gmc_domain::policy::Denied::Forbidden => AppError::Forbidden,
            gmc_domain::policy::Denied::SecondFactorRequired => AppError::SecondFactorRequired,
        }
    }
}

/// Compares the client's `If-Match` version with the stored one.
pub fn check_version(expected: Option<i32>, current: i32) -> Result<(), AppError> {
    match expected {
        None => Err(AppError::PreconditionRequired),
        Some(v) if v != current => Err(AppError::PreconditionFailed { current }),
        Some(_) => Ok(()),
    }
}

/// Turns a stored enum string back into its type; a bad value is a data fault, not a client error.
pub fn stored<T: std::str::FromStr<Err = String>>(value: &str) -> Result<T, AppError> {
    value.parse::<T>().map_err(|e| AppError::Internal(anyhow::anyhow!("stored value {value:?}: {e}")))
}
