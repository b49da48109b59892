//! Request and response types of the impediment registry.

use chrono::{DateTime, NaiveDate, Utc};
use gmc_domain::impediment::{Frequency, ImpedimentSource, ImpedimentStatus};
use gmc_domain::Visibility;
use gmc_store::services::impediments::{ImpedimentInput, ImpedimentPatch, ImpedimentSort};
use gmc_store::views::{ImpedimentStepView, ImpedimentView};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::routes::topics::double_option;
use crate::routes::{page_of, sort_query};
use crate::schemas::IsicSection;

#[derive(Debug, Serialize, ToSchema)]
pub struct ImpedimentDto {
    pub id: Uuid,
    /// The delegation that owns the record.
    pub delegation_id: Uuid,
    pub visibility: Visibility,
    /// ISO alpha-3 of the country whose firms face the obstacle.
    pub reporting_country: String,
    /// The market where it is faced: ISO alpha-3 or a group (`EU`, `ASEAN`, …).
    pub partner: String,
    /// HS code (2, 4 or 6 digits).
    pub hs_code: Option<String>,
    /// MAST code (`A14`) or procedural group (`PO-ADMIN`).
    pub ntm_code: String,
    /// MAST chapter letter or procedural group, for summaries.
    pub ntm_chapter: String,
    pub title: String,
    pub description: String,
    /// 1 (minor) to 5 (blocks trade).
    pub severity: i16,
    pub frequency: Frequency,
    pub estimated_cost: Option<f64>,
    /// ISO 4217.
    pub currency: Option<String>,
    pub source: ImpedimentSource,
    pub status: ImpedimentStatus,
    pub raised_body: Option<String>,
    pub raised_on: Option<NaiveDate>,
    pub topic_ids: Vec<Uuid>,
    /// ISIC Rev.4 section of the firms affected.
    pub sector: Option<String>,
    pub stakeholder_id: Option<Uuid>,
    /// The consultation response it was created from.
    pub response_id: Option<Uuid>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<ImpedimentView> for ImpedimentDto {
    fn from(v: ImpedimentView) -> Self {
        ImpedimentDto {
            id: v.id,
            delegation_id: v.delegation_id,
            visibility: v.visibility,
            reporting_country: v.reporting_country,
            partner: v.partner,
            hs_code: v.hs_code,
            ntm_code: v.ntm_code,
            ntm_chapter: v.ntm_chapter,
            title: v.title,
            description: v.description,
            severity: v.severity,
            frequency: v.frequency,
            estimated_cost: v.estimated_cost,
            currency: v.currency,
            source: v.source,
            status: v.status,
            raised_body: v.raised_body,
            raised_on: v.raised_on,
            topic_ids: v.topic_ids,
            sector: v.sector,
            stakeholder_id: v.stakeholder_id,
            response_id: v.response_id,
            version: v.version,
            created_at: v.created_at,
            updated_at: v.updated_at,
        }
    }
}

page_of!(ImpedimentPage, ImpedimentDto);
sort_query!(ImpedimentSortQuery, ImpedimentSort, "newest entered first");

#[derive(Debug, Serialize, ToSchema)]
pub struct ImpedimentStepDto {
    pub id: Uuid,
    /// `null` for the first step (reported).
    pub from_status: Option<ImpedimentStatus>,
    pub to_status: ImpedimentStatus,
    pub note: String,
    pub actor_id: Option<Uuid>,
    pub at: DateTime<Utc>,
}

impl From<ImpedimentStepView> for ImpedimentStepDto {
    fn from(s: ImpedimentStepView) -> Self {
        ImpedimentStepDto {
            id: s.id,
            from_status: s.from_status,
            to_status: s.to_status,
            note: s.note,
            actor_id: s.actor_id,
            at: s.at,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ImpedimentStepList {
    pub items: Vec<ImpedimentStepDto>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ImpedimentQuery {
    pub reporting_country: Option<String>,
    pub partner: Option<String>,
    /// MAST chapter letter (`A`) or procedural group (`PO-ADMIN`).
    pub ntm_chapter: Option<String>,
    /// HS code prefix.
    pub hs: Option<String>,
    /// Topic id or code.
    pub topic: Option<String>,
    #[param(value_type = Option<ImpedimentStatus>)]
    pub status: Option<String>,
    pub delegation: Option<Uuid>,
    pub severity_min: Option<i64>,
    pub severity_max: Option<i64>,
    /// Created on or after (YYYY-MM-DD).
    pub from: Option<NaiveDate>,
    /// Created on or before (YYYY-MM-DD).
    pub to: Option<NaiveDate>,
    /// Text search in title and description.
    pub q: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateImpedimentRequest {
    /// Admins name the delegation; members default to (and may only use) their own.
    pub delegation_id: Option<Uuid>,
    /// Default `delegation`.
    #[schema(value_type = Option<Visibility>)]
    pub visibility: Option<String>,
    #[schema(example = "BGD")]
    pub reporting_country: String,
    #[schema(example = "EU")]
    pub partner: String,
    #[schema(example = "0306")]
    pub hs_code: Option<String>,
    #[schema(example = "A14")]
    pub ntm_code: String,
    pub title: String,
    pub description: String,
    pub severity: i64,
    /// Default `occasional`.
    #[schema(value_type = Option<Frequency>)]
    pub frequency: Option<String>,
    pub estimated_cost: Option<f64>,
    pub currency: Option<String>,
    /// Default `staff`; `response` or `stakeholder` when linked.
    #[schema(value_type = Option<ImpedimentSource>)]
    pub source: Option<String>,
    #[serde(default)]
    pub topic_ids: Vec<Uuid>,
    /// ISIC Rev.4 section of the firms affected (default: the linked response's or stakeholder's).
    #[schema(value_type = Option<IsicSection>)]
    pub sector: Option<String>,
    /// The stakeholder who reported it (one the caller may read).
    pub stakeholder_id: Option<Uuid>,
    /// The consultation response it comes from (one the caller may read).
    pub response_id: Option<Uuid>,
}

impl CreateImpedimentRequest {
    /// A valid request, shown in the OpenAPI document (a test sends it).
    pub fn example() -> serde_json::Value {
        serde_json::json!({
            "reporting_country": "BGD",
            "partner": "EU",
            "hs_code": "0306",
            "ntm_code": "A14",
            "title": "Residue testing of every shrimp consignment",
            "description": "Each frozen shrimp consignment is held at the border for residue testing, 6-10 days.",
            "severity": 4,
            "frequency": "recurring",
            "estimated_cost": 1200.0,
            "currency": "USD",
            "visibility": "regional",
            "sector": "A"
        })
    }
}

impl From<CreateImpedimentRequest> for ImpedimentInput {
    fn from(r: CreateImpedimentRequest) -> Self {
        ImpedimentInput {
            delegation_id: r.delegation_id,
            visibility: r.visibility,
            reporting_country: r.reporting_country,
            partner: r.partner,
            hs_code: r.hs_code,
            ntm_code: r.ntm_code,
            title: r.title,
            description: r.description,
            severity: r.severity,
            frequency: r.frequency,
            estimated_cost: r.estimated_cost,
            currency: r.currency,
            source: r.source,
            topic_ids: r.topic_ids,
            sector: r.sector,
            stakeholder_id: r.stakeholder_id,
            response_id: r.response_id,
        }
    }
}

/// Fields to change; absent fields stay; `null` clears `hs_code`, `estimated_cost`, `currency`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateImpedimentRequest {
    #[schema(value_type = Option<Visibility>)]
    pub visibility: Option<String>,
    pub partner: Option<String>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, nullable)]
    pub hs_code: Option<Option<String>>,
    pub ntm_code: Option<String>,
    pub title: Option<String>,
    pub description: Option<String>,
    pub severity: Option<i64>,
    #[schema(value_type = Option<Frequency>)]
    pub frequency: Option<String>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<f64>, nullable)]
    pub estimated_cost: Option<Option<f64>>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, nullable)]
    pub currency: Option<Option<String>>,
    /// Replaces the topics.
    pub topic_ids: Option<Vec<Uuid>>,
}

impl UpdateImpedimentRequest {
    /// A valid request, shown in the OpenAPI document (a test sends it).
    pub fn example() -> serde_json::Value {
        serde_json::json!({"severity": 5, "frequency": "constant", "estimated_cost": null, "currency": null})
    }
}

impl From<UpdateImpedimentRequest> for ImpedimentPatch {
    fn from(r: UpdateImpedimentRequest) -> Self {
        ImpedimentPatch {
            visibility: r.visibility,
            partner: r.partner,
            hs_code: r.hs_code,
            ntm_code: r.ntm_code,
            title: r.title,
            description: r.description,
            severity: r.severity,
            frequency: r.frequency,
            estimated_cost: r.estimated_cost,
            currency: r.currency,
            topic_ids: r.topic_ids,
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StepRequest {
    /// The next status.
    #[schema(value_type = ImpedimentStatus, example = "under_review")]
    pub to: String,
    /// Why: kept in the history.
    pub note: String,
    /// Required for `raised`: the WTO body (e.g. `SPS Committee`).
    pub raised_body: Option<String>,
    /// Required for `raised`: when.
    pub raised_on: Option<NaiveDate>,
}

impl StepRequest {
    /// A valid request, shown in the OpenAPI document (a test sends it).
    pub fn example() -> serde_json::Value {
        serde_json::json!({"to": "under_review", "note": "Triage: laboratory reports attached."})
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SummaryQuery {
    /// `chapter_partner` (the heat map), `topic`, `month`, `status` or `sector` (ISIC section; `unknown` when not recorded).
    pub by: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SummaryCellDto {
    /// `[chapter, partner]`, `[topic code]`, `[YYYY-MM]` or `[status]`.
    pub key: Vec<String>,
    pub count: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ImpedimentSummary {
    pub by: String,
    /// Largest counts first.
    pub cells: Vec<SummaryCellDto>,
}
