//! What changed between two versions of a text, word by word (the `similar` crate's Myers diff), as runs
//! of equal, inserted and deleted text that, read in order, give both versions.

use std::time::Duration;

use gmc_domain::{Actor, ValidationErrors};
use sea_orm::DatabaseConnection;
use serde::Serialize;
use similar::{ChangeTag, TextDiff};
use uuid::Uuid;

use super::texts::{body_of, readable_text_item};
use crate::{AppError, AppResult};

/// A diff of two 100,000-character texts stays well under this; past it `similar` settles for a coarser
/// (still correct) diff rather than holding the request.
const DIFF_DEADLINE: Duration = Duration::from_millis(500);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DiffOpKind {
    /// In both versions.
    Equal,
    /// Only in `to`.
    Insert,
    /// Only in `from`.
    Delete,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DiffOp {
    pub op: DiffOpKind,
    /// The words and the whitespace between them, as written.
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = PrepTextDiff))]
pub struct TextDiffView {
    pub from: i32,
    pub to: i32,
    /// In reading order: `equal` + `delete` runs give `from`, `equal` + `insert` runs give `to`.
    pub ops: Vec<DiffOp>,
}

/// The word-level runs turning `old` into `new`; neighbouring changes of one kind are merged.
pub fn word_diff(old: &str, new: &str) -> Vec<DiffOp> {
    let diff = TextDiff::configure().timeout(DIFF_DEADLINE).diff_words(old, new);
    let mut ops: Vec<DiffOp> = Vec::new();
    for change in diff.iter_all_changes() {
        let op = match change.tag() {
            ChangeTag::Equal => DiffOpKind::Equal,
            ChangeTag::Insert => DiffOpKind::Insert,
            ChangeTag::Delete => DiffOpKind::Delete,
        };
        match ops.last_mut() {
            Some(last) if last.op == op => last.text.push_str(change.value()),
            _ => ops.push(DiffOp { op, text: change.value().to_owned() }),
        }
    }
    ops
}

pub async fn diff(db: &DatabaseConnection, actor: &Actor, id: Uuid, from: i32, to: i32) -> AppResult<TextDiffView> {
    readable_text_item(db, actor, id).await?;
    let mut e = ValidationErrors::new();
    if from < 1 {
        e.add("from", "out_of_range", "must be a version number (1 or more)");
    }
    if to < 1 {
        e.add("to", "out_of_range", "must be a version number (1 or more)");
    }
    e.finish()?;
    let old = body_of(db, id, from).await?.ok_or(AppError::NotFound("text version"))?;
    let new = body_of(db, id, to).await?.ok_or(AppError::NotFound("text version"))?;
    Ok(TextDiffView { from, to, ops: word_diff(&old, &new) })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn side(ops: &[DiffOp], skip: DiffOpKind) -> String {
        ops.iter().filter(|o| o.op != skip).map(|o| o.text.as_str()).collect()
    }

    #[test]
    fn the_runs_rebuild_both_versions_and_name_the_changed_words() {
        let old = "LDCs shall have a transition period of five years.";
        let new = "LDCs shall have a transition period of seven years after graduation.";
        let ops = word_diff(old, new);
        assert_eq!(side(&ops, DiffOpKind::Insert), old);
        assert_eq!(side(&ops, DiffOpKind::Delete), new);
        assert!(ops.iter().any(|o| o.op == DiffOpKind::Delete && o.text.contains("five")));
        assert!(ops.iter().any(|o| o.op == DiffOpKind::Insert && o.text.contains("seven")));
        assert!(ops.windows(2).all(|w| matches!(w, [a, b] if a.op != b.op)), "neighbours of one kind merged");
    }

    #[test]
    fn the_same_text_is_one_equal_run() {
        assert_eq!(word_diff("a b", "a b"), vec![DiffOp { op: DiffOpKind::Equal, text: "a b".into() }]);
        assert!(word_diff("", "").is_empty());
    }
}
