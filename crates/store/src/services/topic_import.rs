//! One row of a topic import (issue 11), through the same checks as `POST /topics` (`NewTopic::parse`,
//! then `topics::insert`) — or, in upsert mode, when the catalogue has a topic with the row's `code`, the
//! same checks as `PATCH /topics/{code}` over that topic. Topics are the catalogue's, not a delegation's:
//! only whoever may manage topics (admins) may import them. The import runner holds the transaction and
//! writes the one audit event.

use gmc_domain::ids::TopicId;
use gmc_domain::import::RowOutcome;
use gmc_domain::policy::{authorize, Operation};
use gmc_domain::topic::{NewTopic, TopicInput, TopicPatch, TopicPatchInput};
use gmc_domain::{Actor, ValidationErrors};
use sea_orm::ConnectionTrait;
use serde::Deserialize;
use serde_json::Value;

use super::topics;
use crate::AppResult;

/// The columns of a topic file: the fields of `POST /topics`, with the parent named by its code or id.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct TopicRow {
    #[serde(default)]
    code: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    kind: String,
    wto_body: Option<String>,
    /// The parent topic's code or id; it may be a topic of an earlier row of the same file.
    parent: Option<String>,
    description: Option<String>,
    status: Option<String>,
}

pub(crate) fn parse(body: Value) -> AppResult<TopicRow> {
    serde_json::from_value(body).map_err(|e| ValidationErrors::single("row", "invalid_format", e.to_string()).into())
}

/// Who may import topics: who may create them. Asked before the file is read.
pub(crate) fn authorize_topics(actor: &Actor) -> AppResult<()> {
    Ok(authorize(actor, Operation::ManageTopics)?)
}

fn present(v: Option<String>) -> Option<String> {
    v.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty())
}

/// The parent's id: a code or id that names no topic is the row's problem on `parent`.
async fn parent<C: ConnectionTrait>(db: &C, named: Option<String>) -> AppResult<Option<TopicId>> {
    let Some(named) = present(named) else { return Ok(None) };
    match topics::resolve(db, &named).await? {
        Some(t) => Ok(Some(TopicId::from_uuid(t.id))),
        None => Err(ValidationErrors::single("parent", "unknown", "names no topic (by code or id)").into()),
    }
}

/// Writes one row on `db` (the import's transaction). A refused row answers `AppError::Validation`
/// with the API's field names and codes (`parent_id` problems are reported on `parent`).
pub(crate) async fn write_row<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    upsert: bool,
    row: TopicRow,
) -> AppResult<RowOutcome> {
    authorize_topics(actor)?;
    let parent_id = parent(db, row.parent).await.map_err(rename_parent)?;
    let current = match upsert {
        true => topics::resolve(db, row.code.trim()).await?,
        false => None,
    };
    let Some(current) = current else {
        let input = TopicInput {
            code: row.code,
            title: row.title,
            kind: row.kind,
            wto_body: present(row.wto_body),
            parent_id,
            description: present(row.description),
            status: present(row.status),
        };
        topics::insert(db, NewTopic::parse(input)?).await.map_err(rename_parent)?;
        return Ok(RowOutcome::Inserted);
    };
    // An empty optional cell leaves the topic's value as it is; the required ones always apply.
    let patch = TopicPatchInput {
        title: Some(row.title),
        kind: Some(row.kind),
        wto_body: present(row.wto_body),
        parent_id: parent_id.map(Some),
        description: present(row.description),
        status: present(row.status),
    };
    topics::apply_patch(db, &current, TopicPatch::parse(patch)?).await.map_err(rename_parent)?;
    Ok(RowOutcome::Updated)
}

/// The create's checks name `parent_id`; the file's column is `parent`.
fn rename_parent(e: crate::AppError) -> crate::AppError {
    match e {
        crate::AppError::Validation(v) => {
            let mut out = ValidationErrors::new();
            for f in v.errors() {
                let field = if f.field == "parent_id" { "parent" } else { f.field.as_str() };
                out.add(field, &f.code, f.message.clone());
            }
            crate::AppError::Validation(out)
        }
        other => other,
    }
}
