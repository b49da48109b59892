//! What services return: plain read models, free of sea-orm types. They are also what the API sends:
//! each serializes as its JSON body, and with the `openapi` feature documents itself under the schema
//! name the API has always used (`ImpedimentDto`, …), so the document and the SPA's types keep theirs.
//! Doc comments on fields are the OpenAPI descriptions.

use chrono::{DateTime, NaiveDate, Utc};
use gmc_domain::reference::{NtmKind, Region, TopicKind, TopicStatus, WtoStatus};
use gmc_domain::watch::Priority;
use gmc_domain::{Role, Scope, Visibility};
use serde::Serialize;
use uuid::Uuid;

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = CountryDto))]
pub struct CountryView {
    #[cfg_attr(feature = "openapi", schema(example = "NPL"))]
    pub code: String,
    pub name: String,
    pub region: Region,
    pub wto_status: WtoStatus,
    pub wto_member_since: Option<NaiveDate>,
    pub ldc: bool,
    pub ldc_graduation_date: Option<NaiveDate>,
    pub capital: String,
    /// IANA time zone of the capital.
    #[cfg_attr(feature = "openapi", schema(example = "Asia/Kathmandu"))]
    pub time_zone: String,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = DelegationDto))]
pub struct DelegationView {
    pub id: Uuid,
    #[cfg_attr(feature = "openapi", schema(example = "BGD"))]
    pub country_code: String,
    pub name: String,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = MinisterialDto))]
pub struct MinisterialView {
    pub id: Uuid,
    #[cfg_attr(feature = "openapi", schema(example = "MC12"))]
    pub code: String,
    pub name: String,
    pub host_city: String,
    pub host_country: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub note: String,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = TopicDto))]
pub struct TopicView {
    pub id: Uuid,
    #[cfg_attr(feature = "openapi", schema(example = "FISH"))]
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

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = NtmCategoryDto))]
pub struct NtmCategoryView {
    /// MAST chapter letter (`A`–`P`) or procedural-obstacle code (`PO-ADMIN`).
    pub code: String,
    pub kind: NtmKind,
    pub title: String,
    pub description: String,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = SectorDto))]
pub struct SectorView {
    /// ISIC Rev.4 section letter.
    pub code: String,
    pub title: String,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = UserDto))]
pub struct UserView {
    pub id: Uuid,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub delegation_id: Option<Uuid>,
    pub active: bool,
    /// The account has an active second factor (TOTP); an admin can reset it at `DELETE /users/{id}/mfa`.
    pub second_factor: bool,
    pub version: i32,
    pub created_at: DateTime<Utc>,
}

/// The caller's second factor (TOTP).
#[derive(Debug, Clone, Copy, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = SecondFactorDto))]
pub struct SecondFactorView {
    /// A factor is active: signing in asks for a code after the password.
    pub active: bool,
    /// An enrolment is waiting for its first code (`POST /api/v1/me/mfa/verification`).
    pub pending: bool,
    /// This credential passed the second factor (a session signed in or enrolled with a code, or an API
    /// key created from such a session), and the factor is still active.
    pub verified: bool,
    /// The role needs it: an admin acts as admin only when `verified`; before that only `/me` and
    /// enrolment answer (403 `second-factor-required` elsewhere).
    pub required: bool,
    /// Unused recovery codes.
    pub recovery_codes_left: u64,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = MeDto))]
pub struct MeView {
    pub id: Uuid,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub delegation: Option<DelegationView>,
    /// What this credential may do: every scope for a session, the key's scopes for an API key.
    pub scopes: Vec<Scope>,
    pub second_factor: SecondFactorView,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = ApiKeyDto))]
pub struct ApiKeyView {
    pub id: Uuid,
    pub user_id: Uuid,
    pub name: String,
    /// The first characters of the key, to recognise it.
    pub prefix: String,
    pub scopes: Vec<Scope>,
    pub created_at: DateTime<Utc>,
    pub expires_at: Option<DateTime<Utc>>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
    // issue 11: key budgets
    /// The key's budget in requests per minute; none: the server's default (`RateLimit-Policy` on each
    /// keyed response says which applies).
    pub requests_per_minute: Option<u32>,
    /// Requests today (UTC) as last flushed by the servers (a few seconds behind).
    pub requests_today: u64,
    /// Requests over the last 30 UTC days, today included.
    pub requests_last_30_days: u64,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = WatchItemDto))]
pub struct WatchItemView {
    pub id: Uuid,
    pub delegation_id: Uuid,
    /// The delegation's country (`BGD`).
    pub country_code: String,
    pub topic_id: Uuid,
    pub topic_code: String,
    pub topic_title: String,
    pub note: String,
    pub priority: Priority,
    /// `delegation`: members and admins only.
    pub visibility: Visibility,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = AuditEventDto))]
pub struct AuditEventView {
    pub id: Uuid,
    pub at: DateTime<Utc>,
    pub actor_id: Option<Uuid>,
    pub actor_label: String,
    /// `topic.update`, `auth.login`, `watch_item.create`…
    pub action: String,
    pub entity_type: String,
    pub entity_id: Option<String>,
    pub delegation_id: Option<Uuid>,
    /// The fields written (secrets never appear).
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
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

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = ImpedimentDto))]
pub struct ImpedimentView {
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
    pub frequency: gmc_domain::impediment::Frequency,
    pub estimated_cost: Option<f64>,
    /// ISO 4217.
    pub currency: Option<String>,
    pub source: gmc_domain::impediment::ImpedimentSource,
    pub status: gmc_domain::impediment::ImpedimentStatus,
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

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = ImpedimentStepDto))]
pub struct ImpedimentStepView {
    pub id: Uuid,
    /// `null` for the first step (reported).
    pub from_status: Option<gmc_domain::impediment::ImpedimentStatus>,
    pub to_status: gmc_domain::impediment::ImpedimentStatus,
    pub note: String,
    pub actor_id: Option<Uuid>,
    pub at: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = ConsultationDto))]
pub struct ConsultationView {
    pub id: Uuid,
    /// The owning delegation; `null` for a regional consultation run by the secretariat.
    pub delegation_id: Option<Uuid>,
    pub visibility: Visibility,
    /// The default (English) title; `translations` has it in the other languages.
    pub title: String,
    pub description: String,
    /// The title and description by language code (never `en`); an untranslated one falls back to the default.
    #[cfg_attr(feature = "openapi", schema(value_type = BTreeMap<String, gmc_domain::consultation::TitleText>))]
    pub translations: gmc_domain::consultation::Translations,
    /// The "you said, we did" note by language, once published (`PUT .../feedback`); `null` before.
    pub feedback: Option<gmc_domain::consultation::Texts>,
    /// When the note was last published.
    pub feedback_at: Option<DateTime<Utc>>,
    pub status: gmc_domain::consultation::ConsultationStatus,
    /// What the public link offers now, honouring `opens_at` and `closes_at`.
    pub state: gmc_domain::consultation::PublicState,
    // `state == open`, as a flag for clients (no doc comment: the schema has never described it).
    pub accepting_responses: bool,
    /// Language codes, English first.
    pub languages: Vec<String>,
    pub topic_ids: Vec<Uuid>,
    pub questions: Vec<gmc_domain::consultation::Question>,
    pub opens_at: Option<DateTime<Utc>>,
    pub closes_at: Option<DateTime<Utc>>,
    /// The public link token; the page is `/respond/{token}`.
    pub token: String,
    // `/respond/{token}`.
    pub share_path: String,
    pub response_count: i64,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

// A stakeholder as lists and reads show it: never the contact values themselves (those come only
// from `stakeholders::contact`, audited), just whether there are any and the consent behind them.
// (A plain comment: a doc comment would become the schema's description.)
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = StakeholderDto))]
pub struct StakeholderView {
    pub id: Uuid,
    /// The delegation that owns the record.
    pub delegation_id: Uuid,
    /// An id from the system it was imported from (`STK-BGD-0001`); removed by erasure.
    pub external_id: Option<String>,
    pub name: String,
    pub kind: gmc_domain::stakeholder::StakeholderKind,
    /// ISO alpha-3.
    pub country: String,
    /// ISIC Rev.4 section code.
    pub sector: String,
    pub size_class: gmc_domain::stakeholder::SizeClass,
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

/// Contact details (personal data); every read of them is audited.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = StakeholderContactDto))]
pub struct StakeholderContactView {
    pub contact_name: Option<String>,
    pub contact_email: Option<String>,
    pub contact_phone: Option<String>,
    pub consent_purpose: Option<String>,
    pub consent_at: Option<NaiveDate>,
}
