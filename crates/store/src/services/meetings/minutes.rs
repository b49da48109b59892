//! A meeting's minutes: one Markdown text at its own visibility, written by the organiser.
//!
//! Not versioned with `If-Match` like prep texts, on purpose: minutes are kept by the organising
//! delegation's secretary during and right after the meeting, not drafted by several people at once.
//! Each save is audited with the text it replaced, so an overwritten text can always be recovered from
//! the audit log. Who reads them: those who read the meeting, within the minutes' own visibility
//! (invitees included — `policy::can_read_invited` on the minutes' visibility).

use chrono::{DateTime, Utc};
use gmc_domain::error::{parse_enum, required_text};
use gmc_domain::ids::DelegationId;
use gmc_domain::meeting::MINUTES_MAX;
use gmc_domain::policy::{authorize, can_read_invited, Invitees, Operation, Ownership};
use gmc_domain::{Actor, ValidationErrors, Visibility};
use sea_orm::{DatabaseConnection, EntityTrait, IntoActiveModel, Set};
use serde::{Deserialize, Serialize};
use serde_json::json;
use uuid::Uuid;

use crate::audit::{AuditEntry, AuditedTxn};
use crate::entities::{meetings, users};
use crate::error::check_version;
use crate::services::access::{find_readable, find_writable, meeting_invitees_of};
use crate::{AppError, AppResult};

// The body of `PUT /meetings/{id}/minutes`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = SaveMinutesRequest))]
pub struct MinutesInput {
    /// Markdown.
    pub body: String,
    /// Who may read the minutes (of those who read the meeting); default: the meeting's visibility.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Visibility>))]
    pub visibility: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = Minutes))]
pub struct MinutesView {
    pub meeting_id: Uuid,
    /// Markdown.
    pub body: String,
    pub visibility: Visibility,
    pub updated_at: DateTime<Utc>,
    pub updated_by: Option<Uuid>,
    pub updated_by_name: Option<String>,
    /// The meeting's version (its `ETag`): send it as `If-Match` to replace the minutes. Saving the minutes
    /// raises it, so two people editing the minutes at once cannot overwrite each other unseen.
    pub meeting_version: i32,
}

async fn view_of(db: &DatabaseConnection, row: &meetings::Model) -> AppResult<Option<MinutesView>> {
    let (Some(body), Some(visibility), Some(updated_at)) =
        (row.minutes.clone(), row.minutes_visibility, row.minutes_updated_at)
    else {
        return Ok(None);
    };
    let name = match row.minutes_updated_by {
        Some(u) => users::Entity::find_by_id(u).one(db).await?.map(|u| u.name),
        None => None,
    };
    Ok(Some(MinutesView {
        meeting_id: row.id,
        body,
        visibility: visibility.0,
        updated_at,
        updated_by: row.minutes_updated_by,
        updated_by_name: name,
        meeting_version: row.version,
    }))
}

/// The minutes, if the caller may read them; 404 when there are none or they are hidden from it.
pub async fn minutes(db: &DatabaseConnection, actor: &Actor, id: Uuid) -> AppResult<MinutesView> {
    authorize(actor, Operation::ReadDelegationRecords)?;
    let row: meetings::Model = find_readable(db, actor, id).await?;
    let Some(view) = view_of(db, &row).await? else {
        return Err(AppError::NotFound("minutes"));
    };
    let (ds, us) = meeting_invitees_of(db, id).await?;
    let record = Ownership { delegation_id: DelegationId::from_uuid(row.delegation_id), visibility: view.visibility };
    if !can_read_invited(actor, record, Invitees { delegations: &ds, users: &us }) {
        return Err(AppError::NotFound("minutes"));
    }
    Ok(view)
}

pub async fn save_minutes(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    input: MinutesInput,
    if_match: Option<i32>,
) -> AppResult<MinutesView> {
    authorize(actor, Operation::ReadDelegationRecords)?;
    let current: meetings::Model = find_writable(db, actor, id).await?;
    let mut e = ValidationErrors::new();
    let body = e.check("body", required_text(&input.body, MINUTES_MAX));
    let visibility = match input.visibility.as_deref() {
        Some(v) => e.check("visibility", parse_enum::<Visibility>(v)),
        None => Some(current.minutes_visibility.map_or(current.visibility.0, |v| v.0)),
    };
    let (Some(body), Some(visibility)) = (body, visibility) else {
        return Err(e.into());
    };
    e.finish()?;
    check_version(if_match, current.version)?;
    let txn = AuditedTxn::begin(db).await?;
    let now = Utc::now();
    let mut m = current.clone().into_active_model();
    m.minutes = Set(Some(body.clone()));
    m.minutes_visibility = Set(Some(visibility.into()));
    m.minutes_updated_at = Set(Some(now));
    m.minutes_updated_by = Set(Some(actor.user_id.as_uuid()));
    let saved = super::write::save(&txn, &current, m).await?;
    let audit =
        AuditEntry::by(actor, "meeting.minutes", "meeting", id).delegation(current.delegation_id).changes(json!({
            "minutes": {"from": current.minutes, "to": body},
            "minutes_visibility": {"from": current.minutes_visibility, "to": visibility.as_str()},
        }));
    txn.commit(audit).await?;
    view_of(db, &saved).await?.ok_or(AppError::NotFound("minutes"))
}
