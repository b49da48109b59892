//! Statistical disclosure control for consultation results: primary and secondary (complementary)
//! cell suppression of the one-dimension tables a non-admin can read, an audit that no withheld cell
//! is determined by what is shown, and the date blocks that date filters snap to. Pure arithmetic on
//! counts; `docs/consultations.md` ("Small-cell suppression") states the rules and the attacks each
//! one stops.

// Indexing is allowed here, and only here: the tables are rectangular by construction (`Table::new`
// sizes every row to the column count) and every index comes from enumerating those same tables, so
// an out-of-range index is a bug in this module that its property tests would catch, never input a
// client controls. Rewriting the linear algebra with `get` would bury the arithmetic the privacy
// argument depends on.
#![allow(clippy::indexing_slicing)]

// issue 11: response imports
/// The small-cell k where no setting says otherwise (the server's `GMC_SMALL_CELL_K` default; the CLI).
pub const DEFAULT_K: i64 = 5;

mod audit;
mod blocks;
mod suppression;
mod tables;

pub use audit::{determined, exposed, Equation};
pub use blocks::{monday, Blocks};
pub use suppression::{Role, Table};
pub use tables::{means_withheld, protect_columns, protect_question, run_shows, QuestionCounts, QuestionMask};
