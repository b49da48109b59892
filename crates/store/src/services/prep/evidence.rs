//! Evidence links (issue 9): what supports a prep item — an impediment, or a consultation question's
//! result read under a filter — each with a note on why it matters. A link is made only to a target
//! the linker may read, and a reader sees only the links whose target they may read: a target the
//! caller may not read is refused exactly like one that does not exist, and nothing counts the hidden.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use gmc_domain::error::{parse_enum, required_text};
use gmc_domain::policy::{authorize, Operation};
use gmc_domain::prep::{EvidenceKind, NOTE_MAX};
use gmc_domain::{Actor, ValidationErrors};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};
use serde::Serialize;
use serde_json::json;
use uuid::Uuid;

use crate::audit::{AuditEntry, AuditedTxn};
use crate::entities::{evidence_links, prep_items, users};
use crate::services::access::{find_readable, find_writable};
use crate::{AppError, AppResult};

pub use super::targets::EvidenceTarget;
use super::targets::{links_of, Readable};

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EvidenceLinkView {
    pub id: Uuid,
    pub target_kind: EvidenceKind,
    /// The impediment's id, or the consultation's (with `question_code`).
    pub target_id: Uuid,
    pub question_code: Option<String>,
    /// The results filter the consultation question was read under, as the linker sent it.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub filter: Option<serde_json::Value>,
    /// Why it matters.
    pub note: String,
    pub created_at: DateTime<Utc>,
    pub created_by_name: Option<String>,
    pub target: EvidenceTarget,
}

/// The evidence of a prep item the caller may read. There is no total: the links to targets the
/// caller may not read are left out without a trace.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EvidenceList {
    pub items: Vec<EvidenceLinkView>,
}

// The body of `POST /prep-items/{id}/evidence`.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = CreateEvidenceLinkRequest))]
pub struct EvidenceInput {
    #[cfg_attr(feature = "openapi", schema(value_type = EvidenceKind))]
    pub target_kind: String,
    /// The impediment's id, or the consultation's.
    pub target_id: Uuid,
    /// Required for `consultation_question`: the question's code in that consultation.
    pub question_code: Option<String>,
    /// `consultation_question` only: the results filter the result was read under (`country`,
    /// `sector`, `size_class`, `women_led`, `from`, `to`), kept so a reader can read it the same way.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub filter: Option<serde_json::Value>,
    /// Why it matters (required).
    pub note: String,
}

const FILTER_KEYS: &[&str] = &["country", "sector", "size_class", "women_led", "from", "to"];

async fn views<C: ConnectionTrait>(
    db: &C,
    readable: &Readable,
    links: Vec<evidence_links::Model>,
) -> AppResult<Vec<EvidenceLinkView>> {
    let authors: Vec<Uuid> = links.iter().filter_map(|l| l.created_by).collect();
    let names: HashMap<Uuid, String> = if authors.is_empty() {
        HashMap::new()
    } else {
        users::Entity::find()
            .filter(users::Column::Id.is_in(authors))
            .all(db)
            .await?
            .into_iter()
            .map(|u| (u.id, u.name))
            .collect()
    };
    Ok(links
        .into_iter()
        .filter(|l| readable.shows(l))
        .map(|l| EvidenceLinkView {
            target: readable.target(&l),
            created_by_name: l.created_by.and_then(|u| names.get(&u).cloned()),
            filter: l.filter.as_deref().and_then(|f| serde_json::from_str(f).ok()),
            id: l.id,
            target_kind: l.target_kind.0,
            target_id: l.target_id,
            question_code: l.question_code,
            note: l.note,
            created_at: l.created_at,
        })
        .collect())
}

pub async fn list(db: &DatabaseConnection, actor: &Actor, prep_item: Uuid) -> AppResult<EvidenceList> {
    authorize(actor, Operation::ReadDelegationRecords)?;
    let item: prep_items::Model = find_readable(db, actor, prep_item).await?;
    let links = links_of(db, item.id).await?;
    let readable = Readable::of(db, actor, &links).await?;
    Ok(EvidenceList { items: views(db, &readable, links).await? })
}

/// The filter as stored: a JSON object of the results filters, else a problem on `filter`.
fn check_filter(
    e: &mut ValidationErrors,
    kind: Option<EvidenceKind>,
    filter: Option<&serde_json::Value>,
) -> Option<String> {
    let f = filter.filter(|f| !f.is_null())?;
    if matches!(kind, Some(EvidenceKind::Impediment | EvidenceKind::Document)) {
        e.add("filter", "not_allowed", "only a consultation question's result is read under a filter");
        return None;
    }
    let ok = f.as_object().is_some_and(|o| {
        o.iter().all(|(k, v)| FILTER_KEYS.contains(&k.as_str()) && (v.is_string() || v.is_boolean() || v.is_null()))
    });
    if !ok {
        e.add("filter", "invalid_format", format!("must be an object of results filters: {}", FILTER_KEYS.join(", ")));
        return None;
    }
    Some(f.to_string())
}

/// Checks the target: one the actor may not read gets the same words as one that does not exist.
async fn check_target<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    e: &mut ValidationErrors,
    kind: EvidenceKind,
    input: &EvidenceInput,
) -> AppResult<()> {
    let probe = evidence_links::Model {
        id: Uuid::nil(),
        prep_item_id: Uuid::nil(),
        target_kind: kind.into(),
        target_id: input.target_id,
        question_code: input.question_code.clone(),
        filter: None,
        note: String::new(),
        created_by: None,
        created_at: Utc::now(),
    };
    let readable = Readable::of(db, actor, std::slice::from_ref(&probe)).await?;
    match kind {
        EvidenceKind::Impediment => {
            if input.question_code.is_some() {
                e.add("question_code", "not_allowed", "only a consultation question has a code");
            }
            if !readable.impediments.contains_key(&input.target_id) {
                e.add("target_id", "unknown", "names no impediment you can read");
            }
        }
        EvidenceKind::ConsultationQuestion => {
            match (readable.consultations.get(&input.target_id), &input.question_code) {
                (None, _) => e.add("target_id", "unknown", "names no consultation you can read"),
                (Some(_), None) => e.add("question_code", "required", "name the question of the consultation"),
                (Some(_), Some(_)) if readable.question(&probe).is_none() => {
                    e.add("question_code", "unknown", "is not a question of this consultation");
                }
                _ => {}
            }
        }
        // issue 10: documents — an unreadable document gets the words of a missing one.
        EvidenceKind::Document => {
            if input.question_code.is_some() {
                e.add("question_code", "not_allowed", "only a consultation question has a code");
            }
            if !readable.documents.contains_key(&input.target_id) {
                e.add("target_id", "unknown", "names no document you can read");
            }
        }
    }
    Ok(())
}

pub async fn create(
    db: &DatabaseConnection,
    actor: &Actor,
    prep_item: Uuid,
    input: EvidenceInput,
) -> AppResult<EvidenceLinkView> {
    // Reading first, as every change of a record does: a prep item the caller may not read is 404 for
    // readers and writers alike; `find_writable` then refuses one it may read but not change (403).
    authorize(actor, Operation::ReadDelegationRecords)?;
    let txn = AuditedTxn::begin(db).await?;
    let item: prep_items::Model = find_writable(&txn, actor, prep_item).await?;
    let mut e = ValidationErrors::new();
    let kind = e.check("target_kind", parse_enum::<EvidenceKind>(&input.target_kind));
    let note = e.check("note", required_text(&input.note, NOTE_MAX));
    let filter = check_filter(&mut e, kind, input.filter.as_ref());
    if let Some(kind) = kind {
        check_target(&txn, actor, &mut e, kind, &input).await?;
    }
    e.finish()?;
    let (Some(kind), Some(note)) = (kind, note) else {
        return Err(AppError::Internal(anyhow::anyhow!("checked evidence input incomplete")));
    };
    let question_code = input.question_code.filter(|_| kind == EvidenceKind::ConsultationQuestion);
    let mut dup = evidence_links::Entity::find()
        .filter(evidence_links::Column::PrepItemId.eq(item.id))
        .filter(evidence_links::Column::TargetKind.eq(kind.as_str()))
        .filter(evidence_links::Column::TargetId.eq(input.target_id));
    if let Some(code) = &question_code {
        dup = dup.filter(evidence_links::Column::QuestionCode.eq(code.as_str()));
    }
    if dup.one(&txn).await?.is_some() {
        return Err(AppError::Conflict("the prep item already cites this evidence".into()));
    }
    let model = evidence_links::ActiveModel {
        id: Set(Uuid::now_v7()),
        prep_item_id: Set(item.id),
        target_kind: Set(kind.into()),
        target_id: Set(input.target_id),
        question_code: Set(question_code),
        filter: Set(filter),
        note: Set(note),
        created_by: Set(Some(actor.user_id.as_uuid())),
        created_at: Set(Utc::now()),
    }
    .insert(&txn)
    .await?;
    let changes = json!({"prep_item_id": item.id, "target_kind": kind.as_str(), "target_id": model.target_id,
        "question_code": model.question_code});
    let mut entry = AuditEntry::by(actor, "evidence_link.create", "evidence_link", model.id).changes(changes);
    if let Some(d) = item.delegation_id {
        entry = entry.delegation(d);
    }
    txn.commit(entry).await?;
    let readable = Readable::of(db, actor, std::slice::from_ref(&model)).await?;
    views(db, &readable, vec![model]).await?.pop().ok_or(AppError::NotFound("evidence link"))
}

pub async fn delete(db: &DatabaseConnection, actor: &Actor, prep_item: Uuid, link: Uuid) -> AppResult<()> {
    // Reading first, as every change of a record does: a prep item the caller may not read is 404 for
    // readers and writers alike; `find_writable` then refuses one it may read but not change (403).
    authorize(actor, Operation::ReadDelegationRecords)?;
    let txn = AuditedTxn::begin(db).await?;
    let item: prep_items::Model = find_writable(&txn, actor, prep_item).await?;
    let row = evidence_links::Entity::find_by_id(link)
        .filter(evidence_links::Column::PrepItemId.eq(item.id))
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound("evidence link"))?;
    // A link the caller cannot see does not exist for them, here as in the list.
    if !Readable::of(&txn, actor, std::slice::from_ref(&row)).await?.shows(&row) {
        return Err(AppError::NotFound("evidence link"));
    }
    evidence_links::Entity::delete_by_id(link).exec(&txn).await?;
    let changes =
        json!({"prep_item_id": item.id, "target_kind": row.target_kind.0.as_str(), "target_id": row.target_id});
    let mut entry = AuditEntry::by(actor, "evidence_link.delete", "evidence_link", link).changes(changes);
    if let Some(d) = item.delegation_id {
        entry = entry.delegation(d);
    }
    txn.commit(entry).await
}
