//! The stakeholder directory's wire types beyond the store's own (`StakeholderView`, `StakeholderInput`,
//! …, which are the bodies): the list's query and page, and the request examples. No response type but
//! `StakeholderContactView` carries contact values.

use gmc_domain::stakeholder::{SizeClass, StakeholderKind};
use gmc_store::schemas::IsicSection;
use gmc_store::views::StakeholderView;
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

use crate::routes::{page_of, sort_query};

page_of!(StakeholderPage, StakeholderView);
sort_query!(StakeholderSortQuery, gmc_store::services::stakeholders::StakeholderSort, "newest entered first");

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StakeholderQuery {
    /// ISO alpha-3.
    pub country: Option<String>,
    /// ISIC section code.
    #[param(value_type = Option<IsicSection>)]
    pub sector: Option<String>,
    #[param(value_type = Option<SizeClass>)]
    pub size_class: Option<String>,
    #[param(value_type = Option<StakeholderKind>)]
    pub kind: Option<String>,
    pub women_led: Option<bool>,
    pub exporter: Option<bool>,
    pub importer: Option<bool>,
    pub delegation: Option<Uuid>,
    /// Text in the name or external id (case-insensitive).
    pub q: Option<String>,
}

/// A valid `StakeholderInput`, shown in the OpenAPI document (a test sends it).
pub fn create_example() -> serde_json::Value {
    serde_json::json!({
        "external_id": "STK-BGD-0420",
        "name": "Khulna Shrimp Exporters Ltd",
        "kind": "msme",
        "country": "BGD",
        "sector": "A",
        "size_class": "small",
        "employees": 32,
        "women_led": true,
        "exporter": true,
        "importer": false,
        "contact_name": "Farida Rahman",
        "contact_email": "farida@example.org",
        "contact_phone": "+880 1711 000000",
        "consent_purpose": "consultations",
        "consent_at": "2026-01-15"
    })
}

/// A valid `StakeholderPatch`, shown in the OpenAPI document (a test sends it).
pub fn update_example() -> serde_json::Value {
    serde_json::json!({"employees": 45, "importer": true, "contact_phone": null})
}
