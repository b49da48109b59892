//! The events features emit, one function each, so that a feature's write adds one line and the
//! payloads stay alike. Each `data` carries the record's id, a link into the SPA and a few fields of
//! the record itself (never another record's): `emit` has checked that every owner told may read it.

use gmc_domain::consultation::Channel;
use gmc_domain::policy::reads_response_rows;
use gmc_domain::webhook::WebhookEvent;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::json;

use super::emit::{anyone_wants, emit, emit_where, Event};
use crate::entities::{briefing_requests, consultations, impediments, imports, meetings, prep_items, responses};
use crate::AppResult;

/// `impediment.created`, in the transaction that created it.
pub async fn impediment_created<C: ConnectionTrait>(txn: &C, row: &impediments::Model) -> AppResult<usize> {
    let data = json!({
        "id": row.id, "title": row.title, "status": row.status, "partner": row.partner,
        "ntm_code": row.ntm_code, "visibility": row.visibility, "link": format!("/impediments/{}", row.id),
    });
    emit::<impediments::Model, C>(txn, Event { event: WebhookEvent::ImpedimentCreated, subject_id: row.id, data }).await
}

/// `impediment.status_changed`, in the transaction of the step (`row` as it is after it).
pub async fn impediment_status_changed<C: ConnectionTrait>(
    txn: &C,
    row: &impediments::Model,
    from: &str,
) -> AppResult<usize> {
    let data = json!({
        "id": row.id, "title": row.title, "from": from, "to": row.status,
        "link": format!("/impediments/{}", row.id),
    });
    let event = Event { event: WebhookEvent::ImpedimentStatusChanged, subject_id: row.id, data };
    emit::<impediments::Model, C>(txn, event).await
}

/// `prep_item.status_changed`, in the transaction of the step (`row` as it is after it).
pub async fn prep_item_status_changed<C: ConnectionTrait>(
    txn: &C,
    row: &prep_items::Model,
    from: &str,
) -> AppResult<usize> {
    let data = json!({
        "id": row.id, "title": row.title, "kind": row.kind, "from": from, "to": row.status,
        "ministerial_id": row.ministerial_id, "link": format!("/prep-items/{}", row.id),
    });
    let event = Event { event: WebhookEvent::PrepItemStatusChanged, subject_id: row.id, data };
    emit::<prep_items::Model, C>(txn, event).await
}

/// `meeting.changed`: rescheduled, moved, retitled, cancelled (`changed` names the fields).
pub async fn meeting_changed<C: ConnectionTrait>(
    txn: &C,
    row: &meetings::Model,
    changed: &[String],
) -> AppResult<usize> {
    let data = json!({
        "id": row.id, "title": row.title, "status": row.status, "starts_at": row.starts_at,
        "ends_at": row.ends_at, "changed": changed, "link": format!("/meetings/{}", row.id),
    });
    emit::<meetings::Model, C>(txn, Event { event: WebhookEvent::MeetingChanged, subject_id: row.id, data }).await
}

/// `consultation.opened` / `consultation.closed`, in the transaction of the status change (other
/// changes of status announce nothing).
pub async fn consultation_status_changed<C: ConnectionTrait>(txn: &C, row: &consultations::Model) -> AppResult<usize> {
    let event = match row.status.0.as_str() {
        "open" => WebhookEvent::ConsultationOpened,
        "closed" => WebhookEvent::ConsultationClosed,
        _ => return Ok(0),
    };
    let data = json!({
        "id": row.id, "title": row.title, "status": row.status, "link": format!("/consultations/{}", row.id),
    });
    emit::<consultations::Model, C>(txn, Event { event, subject_id: row.id, data }).await
}

/// `briefing.delivered`, in the transaction of the step to `delivered` (`row` as it is after it). The
/// deliverables are not listed: each is a document with its own visibility, read through the API.
pub async fn briefing_delivered<C: ConnectionTrait>(txn: &C, row: &briefing_requests::Model) -> AppResult<usize> {
    let data = json!({
        "id": row.id, "title": row.title, "kind": row.kind, "status": row.status,
        "delivered_at": row.delivered_at, "link": format!("/briefings/{}", row.id),
    });
    let event = Event { event: WebhookEvent::BriefingDelivered, subject_id: row.id, data };
    emit::<briefing_requests::Model, C>(txn, event).await
}

// issue 11: import-ui
/// `import.finished`, in the transaction that saves the import's record: for every import that is not a
/// dry run, rejected ones included (the integrator learns that nothing was written). The summary only —
/// no row's data and no report: the rows were the caller's file, and the report is read through the
/// API (`GET /imports/{id}`) by whoever may.
pub async fn import_finished<C: ConnectionTrait>(txn: &C, row: &imports::Model) -> AppResult<usize> {
    let data = json!({
        "id": row.id, "kind": row.kind, "status": row.status, "mode": row.mode, "on_error": row.on_error,
        "rows_total": row.rows_total, "rows_inserted": row.rows_inserted, "rows_updated": row.rows_updated,
        "rows_rejected": row.rows_rejected, "delegation_id": row.delegation_id,
        "finished_at": row.finished_at, "link": format!("/imports/{}", row.id),
    });
    emit::<imports::Model, C>(txn, Event { event: WebhookEvent::ImportFinished, subject_id: row.id, data }).await
}

// issue 11: response imports
/// `response.received`: once per response taken through the public link (`channel` `web` or `api`), and
/// once per import of paper answers (`channel` `import`, with `imported`, the rows it added), in the
/// transaction that writes them. It carries no answer and nothing about a respondent: the consultation,
/// the channel, and the consultation's number of responses only once it reaches the small-cell `k` (a
/// count that ticks by one per event would otherwise time a single small respondent's answer). Told only
/// to owners who read the consultation's responses (`policy::reads_response_rows`: its delegation's
/// delegates and focal points, and admins) — never another delegation that may read the consultation.
pub async fn response_received<C: ConnectionTrait>(
    txn: &C,
    consultation_id: uuid::Uuid,
    channel: Channel,
    imported: Option<u64>,
    k: i64,
) -> AppResult<usize> {
    if !anyone_wants(txn, WebhookEvent::ResponseReceived).await? {
        return Ok(0);
    }
    let Some(row) = consultations::Entity::find_by_id(consultation_id).one(txn).await? else { return Ok(0) };
    let n = responses::Entity::find().filter(responses::Column::ConsultationId.eq(consultation_id)).count(txn).await?;
    let n = i64::try_from(n).unwrap_or(i64::MAX);
    let mut data = json!({
        "consultation_id": consultation_id, "channel": channel, "responses": (n >= k).then_some(n),
        "link": format!("/consultations/{consultation_id}"),
    });
    if let (Some(i), Some(map)) = (imported, data.as_object_mut()) {
        map.insert("imported".into(), i.into());
    }
    let owner = row.delegation_id.map(gmc_domain::ids::DelegationId::from_uuid);
    let event = Event { event: WebhookEvent::ResponseReceived, subject_id: consultation_id, data };
    emit_where::<consultations::Model, C>(txn, event, &|a| reads_response_rows(a, owner)).await
}
