//! Request and response types of the stakeholder directory. No response type but
//! `StakeholderContactDto` carries contact values.

use chrono::{DateTime, NaiveDate, Utc};
use gmc_domain::stakeholder::{SizeClass, StakeholderKind};
use gmc_store::services::stakeholders::{StakeholderInput, StakeholderPatch};
use gmc_store::views::{StakeholderContactView, StakeholderView};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::routes::topics::double_option;
use crate::routes::{page_of, sort_query};
use crate::schemas::IsicSection;

#[derive(Debug, Serialize, ToSchema)]
pub struct StakeholderDto {
    pub id: Uuid,
    /// The delegation that owns the record.
    pub delegation_id: Uuid,
    /// An id from the system it was imported from (`STK-BGD-0001`); removed by erasure.
    pub external_id: Option<String>,
    pub name: String,
    pub kind: StakeholderKind,
    /// ISO alpha-3.
    pub country: String,
    /// ISIC Rev.4 section code.
    pub sector: String,
    pub size_class: SizeClass,
    pub employees: Option<i32>,
    pub women_led: bool,
    pub exporter: bool,
    pub importer: bool,
    /// Whether contact details are stored (read them with `GET /stakeholders/{id}/contact`).
    pub has_contact: bool,
    /// What the stakeholder consented to be contacted for.
    pub consent_purpose: Option<String>,
    /// When consent was given.
    pub consent_at: Option<NaiveDate>,
    /// The `stakeholder` account linked to the record.
    pub user_id: Option<Uuid>,
    /// Personal data removed (see `POST /stakeholders/{id}/erasure`).
    pub erased: bool,
    pub erased_at: Option<DateTime<Utc>>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<StakeholderView> for StakeholderDto {
    fn from(v: StakeholderView) -> Self {
        StakeholderDto {
            id: v.id,
            delegation_id: v.delegation_id,
            external_id: v.external_id,
            name: v.name,
            kind: v.kind,
            country: v.country,
            sector: v.sector,
            size_class: v.size_class,
            employees: v.employees,
            women_led: v.women_led,
            exporter: v.exporter,
            importer: v.importer,
            has_contact: v.has_contact,
            consent_purpose: v.consent_purpose,
            consent_at: v.consent_at,
            user_id: v.user_id,
            erased: v.erased,
            erased_at: v.erased_at,
            version: v.version,
            created_at: v.created_at,
            updated_at: v.updated_at,
        }
    }
}

page_of!(StakeholderPage, StakeholderDto);
sort_query!(StakeholderSortQuery, gmc_store::services::stakeholders::StakeholderSort, "newest entered first");

/// Contact details (personal data); every read of them is audited.
#[derive(Debug, Serialize, ToSchema)]
pub struct StakeholderContactDto {
    pub contact_name: Option<String>,
    pub contact_email: Option<String>,
    pub contact_phone: Option<String>,
    pub consent_purpose: Option<String>,
    pub consent_at: Option<NaiveDate>,
}

impl From<StakeholderContactView> for StakeholderContactDto {
    fn from(v: StakeholderContactView) -> Self {
        StakeholderContactDto {
            contact_name: v.contact_name,
            contact_email: v.contact_email,
            contact_phone: v.contact_phone,
            consent_purpose: v.consent_purpose,
            consent_at: v.consent_at,
        }
    }
}

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

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateStakeholderRequest {
    /// Admins name the delegation; members default to (and may only use) their own.
    pub delegation_id: Option<Uuid>,
    #[schema(example = "STK-BGD-0001")]
    pub external_id: Option<String>,
    pub name: String,
    #[schema(value_type = StakeholderKind, example = "msme")]
    pub kind: String,
    /// ISO alpha-3.
    #[schema(example = "BGD")]
    pub country: String,
    #[schema(value_type = IsicSection, example = "C")]
    pub sector: String,
    #[schema(value_type = SizeClass, example = "small")]
    pub size_class: String,
    /// 0–249, within the size class (micro < 10, small 10–49, medium 50–249).
    pub employees: Option<i64>,
    #[serde(default)]
    pub women_led: bool,
    #[serde(default)]
    pub exporter: bool,
    #[serde(default)]
    pub importer: bool,
    /// Personal data: needs `consent_purpose` and `consent_at`.
    pub contact_name: Option<String>,
    pub contact_email: Option<String>,
    /// Digits, spaces and dashes with an optional leading `+`; 6–20 digits.
    pub contact_phone: Option<String>,
    pub consent_purpose: Option<String>,
    /// Not in the future.
    pub consent_at: Option<NaiveDate>,
    /// A user with the `stakeholder` role, linked to no other stakeholder.
    pub user_id: Option<Uuid>,
}

impl CreateStakeholderRequest {
    /// A valid request, shown in the OpenAPI document (a test sends it).
    pub fn example() -> serde_json::Value {
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
}

impl From<CreateStakeholderRequest> for StakeholderInput {
    fn from(r: CreateStakeholderRequest) -> Self {
        StakeholderInput {
            delegation_id: r.delegation_id,
            external_id: r.external_id,
            name: r.name,
            kind: r.kind,
            country: r.country,
            sector: r.sector,
            size_class: r.size_class,
            employees: r.employees,
            women_led: r.women_led,
            exporter: r.exporter,
            importer: r.importer,
            contact_name: r.contact_name,
            contact_email: r.contact_email,
            contact_phone: r.contact_phone,
            consent_purpose: r.consent_purpose,
            consent_at: r.consent_at,
            user_id: r.user_id,
        }
    }
}

/// Fields to change; absent fields stay; `null` clears an optional field.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateStakeholderRequest {
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, nullable)]
    pub external_id: Option<Option<String>>,
    pub name: Option<String>,
    #[schema(value_type = Option<StakeholderKind>)]
    pub kind: Option<String>,
    pub country: Option<String>,
    #[schema(value_type = Option<IsicSection>)]
    pub sector: Option<String>,
    #[schema(value_type = Option<SizeClass>)]
    pub size_class: Option<String>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<i64>, nullable)]
    pub employees: Option<Option<i64>>,
    pub women_led: Option<bool>,
    pub exporter: Option<bool>,
    pub importer: Option<bool>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, nullable)]
    pub contact_name: Option<Option<String>>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, nullable)]
    pub contact_email: Option<Option<String>>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, nullable)]
    pub contact_phone: Option<Option<String>>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, nullable)]
    pub consent_purpose: Option<Option<String>>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<NaiveDate>, nullable)]
    pub consent_at: Option<Option<NaiveDate>>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<Uuid>, nullable)]
    pub user_id: Option<Option<Uuid>>,
}

impl UpdateStakeholderRequest {
    /// A valid request, shown in the OpenAPI document (a test sends it).
    pub fn example() -> serde_json::Value {
        serde_json::json!({"employees": 45, "importer": true, "contact_phone": null})
    }
}

impl From<UpdateStakeholderRequest> for StakeholderPatch {
    fn from(r: UpdateStakeholderRequest) -> Self {
        StakeholderPatch {
            external_id: r.external_id,
            name: r.name,
            kind: r.kind,
            country: r.country,
            sector: r.sector,
            size_class: r.size_class,
            employees: r.employees,
            women_led: r.women_led,
            exporter: r.exporter,
            importer: r.importer,
            contact_name: r.contact_name,
            contact_email: r.contact_email,
            contact_phone: r.contact_phone,
            consent_purpose: r.consent_purpose,
            consent_at: r.consent_at,
            user_id: r.user_id,
        }
    }
}
