//! The impediment registry's wire types beyond the store's own (`ImpedimentView`, `ImpedimentInput`, …,
//! which are the bodies): the list's query, the pages and the summary.

use chrono::NaiveDate;
use gmc_domain::impediment::ImpedimentStatus;
use gmc_store::services::impediments::ImpedimentSort;
use gmc_store::services::impediments::SummaryCell;
use gmc_store::views::{ImpedimentStepView, ImpedimentView};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::routes::{page_of, sort_query};

page_of!(ImpedimentPage, ImpedimentView);
sort_query!(ImpedimentSortQuery, ImpedimentSort, "newest entered first");

#[derive(Debug, Serialize, ToSchema)]
pub struct ImpedimentStepList {
    pub items: Vec<ImpedimentStepView>,
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

/// A valid `ImpedimentInput`, shown in the OpenAPI document (a test sends it).
pub fn create_example() -> serde_json::Value {
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

/// A valid `ImpedimentPatch`, shown in the OpenAPI document (a test sends it).
pub fn update_example() -> serde_json::Value {
    serde_json::json!({"severity": 5, "frequency": "constant", "estimated_cost": null, "currency": null})
}

/// A valid `StepInput`, shown in the OpenAPI document (a test sends it).
pub fn step_example() -> serde_json::Value {
    serde_json::json!({"to": "under_review", "note": "Triage: laboratory reports attached."})
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SummaryQuery {
    /// `chapter_partner` (the heat map), `topic`, `month`, `status` or `sector` (ISIC section; `unknown` when not recorded).
    pub by: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ImpedimentSummary {
    pub by: String,
    /// Largest counts first.
    pub cells: Vec<SummaryCell>,
}
