//! What services return: plain read models, free of sea-orm types, for the API to turn into DTOs.

use chrono::{DateTime, NaiveDate, Utc};
use gmc_domain::reference::{NtmKind, Region, TopicKind, TopicStatus, WtoStatus};
use gmc_domain::watch::Priority;
use gmc_domain::{Role, Scope, Visibility};
use uuid::Uuid;

#[derive(Debug, Clone)]
pub struct CountryView {
    pub code: String,
    pub name: String,
    pub region: Region,
    pub wto_status: WtoStatus,
    pub wto_member_since: Option<NaiveDate>,
    pub ldc: bool,
    pub ldc_graduation_date: Option<NaiveDate>,
    pub capital: String,
    pub time_zone: String,
}

#[derive(Debug, Clone)]
pub struct DelegationView {
    pub id: Uuid,
    pub country_code: String,
    pub name: String,
}

#[derive(Debug, Clone)]
pub struct MinisterialView {
    pub id: Uuid,
    pub code: String,
    pub name: String,
    pub host_city: String,
    pub host_country: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub note: String,
}

#[derive(Debug, Clone)]
pub struct TopicView {
    pub id: Uuid,
    pub code: String,
    pub title: String,
    pub kind: TopicKind,
    pub wto_body: String,
    pub parent_id: Option<Uuid>,
    pub description: String,
    pub status: TopicStatus,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone)]
pub struct NtmCategoryView {
    pub code: String,
    pub kind: NtmKind,
    pub title: String,
    pub description: String,
}

#[derive(Debug, Clone)]
pub struct SectorView {
    pub code: String,
    pub title: String,
}

#[derive(Debug, Clone)]
pub struct UserView {
    pub id: Uuid,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub delegation_id: Option<Uuid>,
    pub active: bool,
    /// The account has an active second factor.
    pub second_factor: bool,
    pub version: i32,
    pub created_at: DateTime<Utc>,
}

/// The caller's second factor, as `GET /me` reports it.
#[derive(Debug, Clone, Copy)]
pub struct SecondFactorView {
    /// A factor is active: signing in asks for a code.
    pub active: bool,
    /// An enrolment waits for its first code.
    pub pending: bool,
    /// This credential passed the second factor (and the factor is still active).
    pub verified: bool,
    /// The role needs it: admins act as admins only when `verified`.
    pub required: bool,
    pub recovery_codes_left: u64,
}

#[derive(Debug, Clone)]
pub struct MeView {
    pub id: Uuid,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub delegation: Option<DelegationView>,
    /// The key's scopes, or every scope for a session.
    pub scopes: Vec<Scope>,
    pub second_factor: SecondFactorView,
}

#[derive(Debug, Clone)]
pub struct ApiKeyView {
    pub id: Uuid,
    pub user_id: Uuid,
    pub name: String,
    pub prefix: String,
    pub scopes: Vec<Scope>,
    pub created_at: DateTime<Utc>,
    pub expires_at: Option<DateTime<Utc>>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone)]
pub struct WatchItemView {
    pub id: Uuid,
    pub delegation_id: Uuid,
    pub country_code: String,
    pub topic_id: Uuid,
    pub topic_code: String,
    pub topic_title: String,
    pub note: String,
    pub priority: Priority,
    pub visibility: Visibility,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone)]
pub struct AuditEventView {
    pub id: Uuid,
    pub at: DateTime<Utc>,
    pub actor_id: Option<Uuid>,
    pub actor_label: String,
    pub action: String,
    pub entity_type: String,
    pub entity_id: Option<String>,
    pub delegation_id: Option<Uuid>,
    pub changes: Option<serde_json::Value>,
    pub request_id: Option<String>,
}

#[derive(Clone)]
pub struct TokenPair {
    pub access_token: String,
    pub expires_in: i64,
    pub refresh_token: String,
}

impl std::fmt::Debug for TokenPair {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TokenPair").field("expires_in", &self.expires_in).finish_non_exhaustive()
    }
}

#[derive(Debug, Clone)]
pub struct ImpedimentView {
    pub id: Uuid,
    pub delegation_id: Uuid,
    pub visibility: Visibility,
    pub reporting_country: String,
    pub partner: String,
    pub hs_code: Option<String>,
    pub ntm_code: String,
    pub ntm_chapter: String,
    pub title: String,
    pub description: String,
    pub severity: i16,
    pub frequency: gmc_domain::impediment::Frequency,
    pub estimated_cost: Option<f64>,
    pub currency: Option<String>,
    pub source: gmc_domain::impediment::ImpedimentSource,
    pub status: gmc_domain::impediment::ImpedimentStatus,
    pub raised_body: Option<String>,
    pub raised_on: Option<NaiveDate>,
    pub topic_ids: Vec<Uuid>,
    pub sector: Option<String>,
    pub stakeholder_id: Option<Uuid>,
    pub response_id: Option<Uuid>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone)]
pub struct ImpedimentStepView {
    pub id: Uuid,
    pub from_status: Option<gmc_domain::impediment::ImpedimentStatus>,
    pub to_status: gmc_domain::impediment::ImpedimentStatus,
    pub note: String,
    pub actor_id: Option<Uuid>,
    pub at: DateTime<Utc>,
}

#[derive(Debug, Clone)]
pub struct ConsultationView {
    pub id: Uuid,
    pub delegation_id: Option<Uuid>,
    pub visibility: Visibility,
    pub title: String,
    pub description: String,
    pub status: gmc_domain::consultation::ConsultationStatus,
    pub state: gmc_domain::consultation::PublicState,
    pub languages: Vec<String>,
    pub topic_ids: Vec<Uuid>,
    pub questions: Vec<gmc_domain::consultation::Question>,
    pub opens_at: Option<DateTime<Utc>>,
    pub closes_at: Option<DateTime<Utc>>,
    pub token: String,
    pub response_count: i64,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A stakeholder as lists and reads show it: never the contact values themselves (those come only
/// from `stakeholders::contact`, audited), just whether there are any and the consent behind them.
#[derive(Debug, Clone)]
pub struct StakeholderView {
    pub id: Uuid,
    pub delegation_id: Uuid,
    pub external_id: Option<String>,
    pub name: String,
    pub kind: gmc_domain::stakeholder::StakeholderKind,
    pub country: String,
    pub sector: String,
    pub size_class: gmc_domain::stakeholder::SizeClass,
    pub employees: Option<i32>,
    pub women_led: bool,
    pub exporter: bool,
    pub importer: bool,
    pub has_contact: bool,
    pub consent_purpose: Option<String>,
    pub consent_at: Option<NaiveDate>,
    pub user_id: Option<Uuid>,
    pub erased: bool,
    pub erased_at: Option<DateTime<Utc>>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A stakeholder's contact details with the consent they were given under.
#[derive(Debug, Clone)]
pub struct StakeholderContactView {
    pub contact_name: Option<String>,
    pub contact_email: Option<String>,
    pub contact_phone: Option<String>,
    pub consent_purpose: Option<String>,
    pub consent_at: Option<NaiveDate>,
}
