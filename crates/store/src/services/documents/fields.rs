//! Checking a document's fields: the owner (a delegation, or none for a platform-wide document), shapes
//! through domain types, topics against the database, every problem named by field.

use gmc_domain::document::{DocumentKind, BODY_MAX, SUMMARY_MAX, TITLE_MAX, TOPICS_MAX};
use gmc_domain::error::{optional_text, parse_enum, required_text};
use gmc_domain::ids::DelegationId;
use gmc_domain::policy::can_write_document;
use gmc_domain::{Actor, Role, ValidationErrors, Visibility};
use sea_orm::{ActiveValue::Set, DatabaseConnection, IntoActiveModel};
use serde::Deserialize;
use serde_json::{json, Map, Value};
use uuid::Uuid;

use crate::entities::documents;
use crate::services::reference_checks as checks;
use crate::{AppError, AppResult};

// The body of `POST /documents` (plain comments here: a doc comment would become the schema's
// description). Enum-valued fields arrive as text so that a bad value is a 422 naming the field.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = CreateDocumentRequest))]
pub struct DocumentInput {
    #[cfg_attr(feature = "openapi", schema(value_type = DocumentKind))]
    pub kind: String,
    pub title: String,
    #[serde(default)]
    pub summary: String,
    #[cfg_attr(feature = "openapi", schema(value_type = Visibility))]
    pub visibility: String,
    /// The owner: delegates and focal points default to (and may only use) their own delegation; admins may name
    /// one; without one, an analyst's or admin's document is platform-wide.
    pub delegation_id: Option<Uuid>,
    #[serde(default)]
    pub topic_ids: Vec<Uuid>,
    /// A first version's Markdown body (files are uploaded as versions, `POST /documents/{id}/versions`).
    pub body_markdown: Option<String>,
}

/// Fields to change; absent fields stay. The owner does not change; the body changes through versions.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = UpdateDocumentRequest))]
pub struct DocumentPatch {
    #[cfg_attr(feature = "openapi", schema(value_type = Option<DocumentKind>))]
    pub kind: Option<String>,
    pub title: Option<String>,
    pub summary: Option<String>,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Visibility>))]
    pub visibility: Option<String>,
    /// Replaces the topics.
    pub topic_ids: Option<Vec<Uuid>>,
}

pub(crate) struct Checked {
    pub kind: DocumentKind,
    pub title: String,
    pub summary: String,
    pub visibility: Visibility,
    pub topic_ids: Vec<Uuid>,
    pub body_markdown: Option<String>,
}

/// Who owns a new document, once the caller may write there (403 otherwise).
pub(super) async fn owner(db: &DatabaseConnection, actor: &Actor, i: &DocumentInput) -> AppResult<Option<Uuid>> {
    let owner = match actor.role {
        Role::Delegate | Role::FocalPoint => i.delegation_id.or(actor.delegation_id.map(|d| d.as_uuid())),
        _ => i.delegation_id,
    };
    if !can_write_document(actor, owner.map(DelegationId::from_uuid)) {
        return Err(AppError::Forbidden);
    }
    if let Some(d) = owner {
        let mut e = ValidationErrors::new();
        checks::delegation(db, &mut e, "delegation_id", d).await?;
        e.finish()?;
    }
    Ok(owner)
}

/// A Markdown body: at most `BODY_MAX` characters, no control characters but line breaks and tabs; an
/// empty one is none.
pub(super) fn body(e: &mut ValidationErrors, field: &str, body: Option<&str>) -> Option<String> {
    let body = body.filter(|b| !b.trim().is_empty())?;
    if body.chars().count() > BODY_MAX {
        e.add(field, "too_long", format!("must be at most {BODY_MAX} characters"));
        return None;
    }
    if gmc_domain::error::has_control_chars(body) {
        e.add(field, "invalid_character", "must not contain control characters");
        return None;
    }
    Some(body.to_owned())
}

fn platform_visibility(e: &mut ValidationErrors, owner: Option<Uuid>, v: Option<Visibility>) {
    // Without an owning delegation, `delegation` would mean "admins only": say so instead of hiding it.
    if owner.is_none() && v == Some(Visibility::Delegation) {
        e.add("visibility", "not_allowed", "a platform-wide document is `regional` or `public`");
    }
}

async fn topics(db: &DatabaseConnection, e: &mut ValidationErrors, ids: &[Uuid]) -> AppResult<Vec<Uuid>> {
    if ids.len() > TOPICS_MAX {
        e.add("topic_ids", "too_many", format!("may name at most {TOPICS_MAX} topics"));
        return Ok(Vec::new());
    }
    checks::topic_ids(db, e, "topic_ids", ids).await
}

pub(crate) async fn checked(db: &DatabaseConnection, owner: Option<Uuid>, i: &DocumentInput) -> AppResult<Checked> {
    let mut e = ValidationErrors::new();
    let kind = e.check("kind", parse_enum::<DocumentKind>(&i.kind));
    let title = e.check("title", required_text(&i.title, TITLE_MAX));
    let summary = e.check("summary", optional_text(&i.summary, SUMMARY_MAX));
    let visibility = e.check("visibility", parse_enum::<Visibility>(&i.visibility));
    platform_visibility(&mut e, owner, visibility);
    let body_markdown = body(&mut e, "body_markdown", i.body_markdown.as_deref());
    let topic_ids = topics(db, &mut e, &i.topic_ids).await?;
    match (kind, title, summary, visibility) {
        (Some(kind), Some(title), Some(summary), Some(visibility)) if e.is_empty() => {
            Ok(Checked { kind, title, summary, visibility, topic_ids, body_markdown })
        }
        _ => Err(e.into()),
    }
}

/// Checks a patch against the current row; returns the active model to save, the audit changes
/// (`{field: {from, to}}`), and the topics to set when it names them.
pub(super) async fn patched(
    db: &DatabaseConnection,
    current: &documents::Model,
    p: &DocumentPatch,
) -> AppResult<(documents::ActiveModel, Value, Option<Vec<Uuid>>)> {
    let mut e = ValidationErrors::new();
    let mut m = current.clone().into_active_model();
    let mut changes = Map::new();
    let mut note = |field: &str, from: Value, to: Value| {
        changes.insert(field.to_owned(), json!({"from": from, "to": to}));
    };
    if let Some(v) = p.kind.as_deref().and_then(|k| e.check("kind", parse_enum::<DocumentKind>(k))) {
        note("kind", json!(current.kind), json!(v.as_str()));
        m.kind = Set(v.into());
    }
    if let Some(v) = p.title.as_deref().and_then(|t| e.check("title", required_text(t, TITLE_MAX))) {
        note("title", json!(current.title), json!(v));
        m.title = Set(v);
    }
    if let Some(v) = p.summary.as_deref().and_then(|t| e.check("summary", optional_text(t, SUMMARY_MAX))) {
        note("summary", json!(current.summary), json!(v));
        m.summary = Set(v);
    }
    if let Some(v) = p.visibility.as_deref().and_then(|k| e.check("visibility", parse_enum::<Visibility>(k))) {
        platform_visibility(&mut e, current.delegation_id, Some(v));
        note("visibility", json!(current.visibility), json!(v.as_str()));
        m.visibility = Set(v.into());
    }
    let topic_ids = match &p.topic_ids {
        Some(ids) => {
            let ids = topics(db, &mut e, ids).await?;
            note("topic_ids", Value::Null, json!(ids));
            Some(ids)
        }
        None => None,
    };
    if changes.is_empty() && e.is_empty() {
        e.add("body", "empty", "names no field to change");
    }
    e.finish()?;
    Ok((m, Value::Object(changes), topic_ids))
}
