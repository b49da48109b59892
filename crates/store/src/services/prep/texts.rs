//! The Markdown text of a proposal or declaration, kept in numbered versions. A save names the version
//! it was written over (`If-Match`), so two people editing the same text cannot overwrite each other:
//! the second save is refused (412) and has to start from the newer version.

use chrono::{DateTime, Utc};
use gmc_domain::error::required_text;
use gmc_domain::policy::{authorize, Operation};
use gmc_domain::prep::TEXT_MAX;
use gmc_domain::{Actor, ValidationErrors};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Set,
};
use serde::{Deserialize, Serialize};
use serde_json::json;
use uuid::Uuid;

use crate::audit::AuditedTxn;
use crate::entities::{prep_item_texts, prep_items, users};
use crate::error::check_version;
use crate::services::access::{find_readable, find_writable};
use crate::{AppError, AppResult};

// The body of `POST /prep-items/{id}/texts`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = SavePrepTextRequest))]
pub struct PrepTextInput {
    /// The whole text, Markdown.
    pub body: String,
}

/// One saved version, without its text.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = PrepTextVersion))]
pub struct PrepTextVersionView {
    /// 1, 2, 3, … per item.
    pub number: i32,
    pub author_id: Option<Uuid>,
    pub author_name: Option<String>,
    pub created_at: DateTime<Utc>,
    /// In characters.
    pub length: u64,
}

/// One saved version, with its text.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = PrepText))]
pub struct PrepTextView {
    #[serde(flatten)]
    pub version: PrepTextVersionView,
    /// Markdown.
    pub body: String,
}

/// Texts belong to the kinds that carry one (proposals, declaration texts); any other kind has none.
fn carries_text(row: &prep_items::Model) -> AppResult<()> {
    if row.kind.0.carries_text() {
        Ok(())
    } else {
        Err(AppError::Conflict(format!(
            "a {} carries no text: only proposals and declaration texts do",
            row.kind.0.as_str().replace('_', " ")
        )))
    }
}

async fn versions<C: ConnectionTrait>(
    db: &C,
    rows: Vec<prep_item_texts::Model>,
) -> AppResult<Vec<(PrepTextVersionView, String)>> {
    let authors: Vec<Uuid> = rows.iter().filter_map(|t| t.author_id).collect();
    let people: std::collections::HashMap<Uuid, String> = users::Entity::find()
        .filter(users::Column::Id.is_in(authors))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.name))
        .collect();
    Ok(rows
        .into_iter()
        .map(|t| {
            let version = PrepTextVersionView {
                number: t.number,
                author_name: t.author_id.and_then(|a| people.get(&a).cloned()),
                author_id: t.author_id,
                created_at: t.created_at,
                length: t.body.chars().count() as u64,
            };
            (version, t.body)
        })
        .collect())
}

/// The readable item, if it carries a text.
async fn readable(db: &DatabaseConnection, actor: &Actor, id: Uuid) -> AppResult<prep_items::Model> {
    authorize(actor, Operation::ReadDelegationRecords)?;
    let row: prep_items::Model = find_readable(db, actor, id).await?;
    carries_text(&row)?;
    Ok(row)
}

/// The versions, oldest first, without their texts.
pub async fn texts(db: &DatabaseConnection, actor: &Actor, id: Uuid) -> AppResult<Vec<PrepTextVersionView>> {
    readable(db, actor, id).await?;
    let rows = prep_item_texts::Entity::find()
        .filter(prep_item_texts::Column::PrepItemId.eq(id))
        .order_by_asc(prep_item_texts::Column::Number)
        .all(db)
        .await?;
    Ok(versions(db, rows).await?.into_iter().map(|(v, _)| v).collect())
}

/// The body of one version of a readable item's text (for the diff).
pub(super) async fn body_of(db: &DatabaseConnection, id: Uuid, number: i32) -> AppResult<Option<String>> {
    Ok(prep_item_texts::Entity::find()
        .filter(prep_item_texts::Column::PrepItemId.eq(id))
        .filter(prep_item_texts::Column::Number.eq(number))
        .one(db)
        .await?
        .map(|t| t.body))
}

pub(super) async fn readable_text_item(db: &DatabaseConnection, actor: &Actor, id: Uuid) -> AppResult<()> {
    readable(db, actor, id).await.map(|_| ())
}

/// One version, with its text.
pub async fn text(db: &DatabaseConnection, actor: &Actor, id: Uuid, number: i32) -> AppResult<PrepTextView> {
    readable(db, actor, id).await?;
    let row = prep_item_texts::Entity::find()
        .filter(prep_item_texts::Column::PrepItemId.eq(id))
        .filter(prep_item_texts::Column::Number.eq(number))
        .one(db)
        .await?
        .ok_or(AppError::NotFound("text version"))?;
    let (version, body) = versions(db, vec![row]).await?.pop().ok_or(AppError::NotFound("text version"))?;
    Ok(PrepTextView { version, body })
}

/// Saves the next version over `if_match`, which must be the item's current `text_number` (0 before the
/// first save): missing, 428; another, 412.
pub async fn save_text(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    input: PrepTextInput,
    if_match: Option<i32>,
) -> AppResult<PrepTextView> {
    authorize(actor, Operation::WriteDelegationRecords)?;
    let row: prep_items::Model = find_writable(db, actor, id).await?;
    carries_text(&row)?;
    let body = required_text(&input.body, TEXT_MAX).map_err(|p| ValidationErrors::single("body", p.code, p.message))?;
    check_version(if_match, row.text_number)?;
    let number = row.text_number + 1;
    let txn = AuditedTxn::begin(db).await?;
    let now = Utc::now();
    // Guarded by the number read above, and the unique (item, number) index behind it: of two saves
    // over the same version, one wins and the other is told the text moved on.
    let res = prep_items::Entity::update_many()
        .col_expr(prep_items::Column::TextNumber, Expr::value(number))
        .col_expr(prep_items::Column::UpdatedAt, Expr::value(now))
        .filter(prep_items::Column::Id.eq(id))
        .filter(prep_items::Column::TextNumber.eq(row.text_number))
        .exec(&txn)
        .await?;
    if res.rows_affected != 1 {
        return Err(AppError::PreconditionFailed { current: number });
    }
    let saved = prep_item_texts::ActiveModel {
        id: Set(Uuid::now_v7()),
        prep_item_id: Set(id),
        number: Set(number),
        body: Set(body),
        author_id: Set(Some(actor.user_id.as_uuid())),
        created_at: Set(now),
    }
    .insert(&txn)
    .await?;
    let (version, body) = versions(&txn, vec![saved]).await?.pop().ok_or(AppError::NotFound("text version"))?;
    let changes = json!({"text_number": {"from": row.text_number, "to": number}, "length": version.length});
    txn.commit(super::audit_entry(actor, "prep_item.text_save", &row).changes(changes)).await?;
    Ok(PrepTextView { version, body })
}
