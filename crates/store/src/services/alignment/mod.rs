//! The alignment report (issue 9, `docs/alignment.md`): for every topic, how much the owner's firms
//! are concerned by it — validated impediments weighted by severity and decaying with age, plus
//! consultation answers — set against the owner's coverage (prep items and delivered briefings;
//! meetings when they exist). It names blind spots (concern, no coverage) and unsupported positions (prep items
//! citing no evidence). Every figure counts only what the caller may read.

mod briefings;
mod score;
mod sums;

use chrono::{DateTime, Utc};
use gmc_domain::ids::DelegationId;
use gmc_domain::policy::{reads_alignment, sees_small_cells, Owner};
use gmc_domain::{Actor, ValidationErrors};
use sea_orm::{DatabaseConnection, EntityTrait};
use serde::Serialize;
use uuid::Uuid;

pub use score::{decay, status, AlignmentStatus, Weights};

use crate::entities::{coalitions, delegations, topics};
use crate::services::access::coalition_members_of;
use crate::services::consultations::results::spreadsheet_safe;
use crate::{AppError, AppResult};
use sums::Whose;

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AlignmentOwner {
    /// `delegation` or `coalition`.
    pub kind: String,
    pub id: Uuid,
    pub name: String,
    /// The delegation's country code, or the coalition's code.
    pub code: String,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AlignmentTopic {
    pub id: Uuid,
    pub code: String,
    pub title: String,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ConcernParts {
    /// Σ severity weight × decay over the validated impediments.
    pub impediments: f64,
    /// Answer weight × respondents answering the owner's questions tagged with the topic.
    pub answers: f64,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AlignmentCoverage {
    /// The owner's prep items on the topic (not withdrawn) that the caller may read.
    pub prep_items: i64,
    /// The owner's delivered briefing requests on the topic that the caller may read (issue 10).
    pub briefings: i64,
    /// Always 0 until meetings exist (issue 10).
    pub meetings: i64,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AlignmentRow {
    pub topic: AlignmentTopic,
    pub concern: f64,
    pub concern_parts: ConcernParts,
    pub coverage: AlignmentCoverage,
    /// Evidence links, readable by the caller, on those prep items.
    pub evidence_links: i64,
    /// Those prep items citing no evidence the caller may read.
    pub unsupported_items: i64,
    pub status: AlignmentStatus,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AlignmentReport {
    pub owner: AlignmentOwner,
    /// The small-cell k: a question fewer than k answered adds nothing to a concern.
    pub k: i64,
    pub generated_at: DateTime<Utc>,
    pub weights: Weights,
    /// Every topic, the highest concern first.
    pub rows: Vec<AlignmentRow>,
}

/// Whose report: `delegation_id` or `coalition_id`, else the caller's delegation.
#[derive(Debug, Default, Clone)]
pub struct AlignmentQuery {
    pub delegation_id: Option<Uuid>,
    pub coalition_id: Option<Uuid>,
}

/// The owner, if the caller may read its report: an owner whose report the caller may not read is
/// not found, like a record it may not read.
async fn owner(db: &DatabaseConnection, actor: &Actor, q: &AlignmentQuery) -> AppResult<(AlignmentOwner, Whose)> {
    gmc_domain::policy::authorize(actor, gmc_domain::policy::Operation::ReadDelegationRecords)?;
    let delegation = match (q.delegation_id, q.coalition_id) {
        (Some(_), Some(_)) => {
            let msg = "name a delegation or a coalition, not both";
            return Err(ValidationErrors::single("coalition_id", "not_allowed", msg).into());
        }
        (None, Some(id)) => {
            let c = coalitions::Entity::find_by_id(id).one(db).await?.ok_or(AppError::NotFound("coalition"))?;
            let members = coalition_members_of(db, id).await?;
            if !reads_alignment(actor, Owner::Coalition { members: &members }) {
                return Err(AppError::NotFound("coalition"));
            }
            let owner = AlignmentOwner { kind: "coalition".into(), id, name: c.name, code: c.code };
            let members = members.iter().map(DelegationId::as_uuid).collect();
            return Ok((owner, Whose::Coalition { id, members }));
        }
        (Some(d), None) => d,
        (None, None) => actor.delegation_id.map(|d| d.as_uuid()).ok_or_else(|| {
            ValidationErrors::single("delegation_id", "required", "name a delegation: you belong to none")
        })?,
    };
    let d = delegations::Entity::find_by_id(delegation).one(db).await?.ok_or(AppError::NotFound("delegation"))?;
    if !reads_alignment(actor, Owner::Delegation(DelegationId::from_uuid(d.id))) {
        return Err(AppError::NotFound("delegation"));
    }
    Ok((
        AlignmentOwner { kind: "delegation".into(), id: d.id, name: d.name, code: d.country_code },
        Whose::Delegation(d.id),
    ))
}

pub async fn report(
    db: &DatabaseConnection,
    actor: &Actor,
    q: AlignmentQuery,
    w: &Weights,
    k: i64,
) -> AppResult<AlignmentReport> {
    let (owner, whose) = owner(db, actor, &q).await?;
    report_at(db, actor, (owner, whose), w, k, Utc::now()).await
}

async fn report_at(
    db: &DatabaseConnection,
    actor: &Actor,
    (owner, whose): (AlignmentOwner, Whose),
    w: &Weights,
    k: i64,
    now: DateTime<Utc>,
) -> AppResult<AlignmentReport> {
    let today = now.timestamp().div_euclid(86_400);
    let impediments = sums::impediment_concern(db, actor, &whose, w, today).await?;
    let answers = sums::answers(db, actor, &whose, k, sees_small_cells(actor)).await?;
    let coverage = sums::coverage(db, actor, &whose).await?;
    let briefed = briefings::delivered(db, actor, &whose).await?;
    let mut rows: Vec<AlignmentRow> = topics::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|t| {
            let parts = ConcernParts {
                impediments: impediments.get(&t.id).copied().unwrap_or(0.0),
                answers: w.answer * answers.get(&t.id).copied().unwrap_or(0) as f64,
            };
            let concern = parts.impediments + parts.answers;
            let c = coverage.get(&t.id).copied().unwrap_or_default();
            let briefings = briefed.get(&t.id).copied().unwrap_or(0);
            AlignmentRow {
                // A delivered briefing is coverage (the delegation has the analysis), and it is
                // evidence-based by construction, so it never makes a topic unsupported.
                status: status(concern, c.prep_items + briefings, c.without_evidence, w.blind_spot_threshold),
                topic: AlignmentTopic { id: t.id, code: t.code, title: t.title },
                concern,
                concern_parts: parts,
                coverage: AlignmentCoverage { prep_items: c.prep_items, briefings, meetings: 0 },
                evidence_links: c.evidence_links,
                unsupported_items: c.without_evidence,
            }
        })
        .collect();
    rows.sort_by(|a, b| b.concern.total_cmp(&a.concern).then_with(|| a.topic.code.cmp(&b.topic.code)));
    Ok(AlignmentReport { owner, k, generated_at: now, weights: w.clone(), rows })
}

/// The report as CSV, one line per topic; text cells spreadsheet-safe like every export.
pub async fn report_csv(
    db: &DatabaseConnection,
    actor: &Actor,
    q: AlignmentQuery,
    w: &Weights,
    k: i64,
) -> AppResult<String> {
    let r = report(db, actor, q, w, k).await?;
    let mut out = csv::Writer::from_writer(Vec::new());
    let header = [
        "topic_code",
        "topic_title",
        "concern",
        "concern_impediments",
        "concern_answers",
        "prep_items",
        "briefings",
        "meetings",
        "evidence_links",
        "unsupported_items",
        "status",
    ];
    let internal = |e: csv::Error| AppError::Internal(e.into());
    out.write_record(header).map_err(internal)?;
    for row in &r.rows {
        let status =
            serde_json::to_value(row.status).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default();
        let record = [
            spreadsheet_safe(&row.topic.code),
            spreadsheet_safe(&row.topic.title),
            format!("{:.6}", row.concern),
            format!("{:.6}", row.concern_parts.impediments),
            format!("{:.6}", row.concern_parts.answers),
            row.coverage.prep_items.to_string(),
            row.coverage.briefings.to_string(),
            row.coverage.meetings.to_string(),
            row.evidence_links.to_string(),
            row.unsupported_items.to_string(),
            status,
        ];
        out.write_record(record).map_err(internal)?;
    }
    let bytes = out.into_inner().map_err(|e| AppError::Internal(anyhow::anyhow!("csv: {e}")))?;
    String::from_utf8(bytes).map_err(|e| AppError::Internal(e.into()))
}
