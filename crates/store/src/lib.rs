//! Application services: each one authorizes (through `gmc_domain::policy`), validates (through domain
//! types), applies the rules, writes its audit event in the same transaction, and persists through
//! sea-orm. HTTP handlers, the CLI and (later) the importer all call these same functions.

pub mod audit;
mod bulk;
pub mod catalogue;
pub mod column;
pub mod context;
pub mod cursor;
pub mod db;
pub mod demo;
pub mod entities;
pub mod error;
// issue 9: the board's read model
pub mod generations;
#[cfg(feature = "openapi")]
pub mod schemas;
pub mod services;
pub mod sessions;
// issue 10: documents
pub mod storage;
/// Test databases: for this crate's own tests and, through the `test-support` feature, for the tests of
/// the crates that depend on it. Not in the shipped binary.
#[cfg(any(test, feature = "test-support"))]
pub mod testdb;
pub mod views;

pub use error::AppError;
pub type AppResult<T> = Result<T, AppError>;
