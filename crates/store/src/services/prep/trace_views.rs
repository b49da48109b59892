//! What the traces answer (`trace`): the wire types of an impediment's way to Geneva and of a prep
//! item's evidence chain.

use chrono::{DateTime, NaiveDate, Utc};
use gmc_domain::impediment::ImpedimentStatus;
use gmc_domain::prep::{PrepKind, PrepStatus};
use serde::Serialize;
use uuid::Uuid;

use super::strength::EvidenceStrength;
use crate::services::consultations::results::Cell;

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TraceTopic {
    pub id: Uuid,
    pub code: String,
    pub title: String,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TraceOwner {
    /// `delegation` or `coalition`.
    pub kind: String,
    pub id: Uuid,
    pub name: String,
    /// The delegation's country code, or the coalition's code.
    pub code: String,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TraceOutcome {
    pub text: Option<String>,
    pub date: Option<NaiveDate>,
    pub body: Option<String>,
}

/// A prep item as the trace shows it: what, whose, for which ministerial, and where it got to.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TracePrepItem {
    pub id: Uuid,
    pub title: String,
    pub kind: PrepKind,
    pub status: PrepStatus,
    /// The ministerial's code (`MC12`) and name.
    pub ministerial_code: String,
    pub ministerial_name: String,
    pub owner: TraceOwner,
    /// When it was tabled (its step to `tabled`), if it was.
    pub tabled_at: Option<DateTime<Utc>>,
    pub outcome: Option<TraceOutcome>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TraceStep {
    pub from: Option<ImpedimentStatus>,
    pub to: ImpedimentStatus,
    pub at: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TraceImpediment {
    pub id: Uuid,
    pub title: String,
    pub status: ImpedimentStatus,
    pub severity: i16,
    pub reporting_country: String,
    pub partner: String,
    pub reported_at: DateTime<Utc>,
    /// Its first step to `validated`.
    pub validated_at: Option<DateTime<Utc>>,
    /// The WTO body it was raised at, and when.
    pub raised_body: Option<String>,
    pub raised_on: Option<NaiveDate>,
    pub topics: Vec<TraceTopic>,
}

/// `GET /impediments/{id}/trace`.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImpedimentTrace {
    pub impediment: TraceImpediment,
    /// Its workflow, oldest first.
    pub steps: Vec<TraceStep>,
    /// The prep items citing it that the caller may read.
    pub prep_items: Vec<TracePrepItem>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TraceQuestion {
    pub consultation_id: Uuid,
    pub consultation_title: String,
    pub question_code: String,
    pub prompt: String,
    /// Respondents who answered it (fewer than k withheld, admins excepted).
    pub answered: Cell,
}

/// `GET /prep-items/{id}/trace`.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PrepItemTrace {
    pub prep_item: TracePrepItem,
    /// The cited impediments the caller may read.
    pub impediments: Vec<TraceImpediment>,
    /// The cited consultation questions the caller may read.
    pub questions: Vec<TraceQuestion>,
    /// The firms behind it all, in aggregate.
    pub strength: EvidenceStrength,
}
