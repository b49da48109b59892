//! Reading the audit log (admins only), newest first or sorted by a field, with the total on the first
//! page.

use gmc_domain::policy::{authorize, Operation};
use gmc_domain::{Actor, ValidationErrors};
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter};
use uuid::Uuid;

use crate::cursor::{Key, KeyValue, Page, Paging, Sort};
use crate::entities::audit_events;
use crate::views::AuditEventView;
use crate::AppResult;

#[derive(Debug, Default, Clone)]
pub struct AuditFilter {
    pub entity_type: Option<String>,
    pub entity_id: Option<String>,
    pub actor_id: Option<Uuid>,
    pub action: Option<String>,
    /// One of `AuditSort`, `-` first for descending; default: newest first.
    pub sort: Option<String>,
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

crate::sort_fields!(
    /// What the audit log may be sorted by.
    AuditSort {
        At => "at",
        Action => "action",
    }
);

fn sort_key(field: AuditSort) -> Key<audit_events::Column> {
    match field {
        AuditSort::At => Key::time(audit_events::Column::At),
        AuditSort::Action => Key::text(audit_events::Column::Action),
    }
}

fn sort_value(field: Option<AuditSort>, a: &audit_events::Model) -> KeyValue {
    match field {
        None => KeyValue::Null,
        Some(AuditSort::At) => KeyValue::Time(a.at),
        Some(AuditSort::Action) => KeyValue::Text(a.action.clone()),
    }
}

pub async fn list(db: &DatabaseConnection, actor: &Actor, f: AuditFilter) -> AppResult<Page<AuditEventView>> {
    authorize(actor, Operation::ReadAudit)?;
    let mut e = ValidationErrors::new();
    let filters = AuditFilter { sort: None, limit: None, cursor: None, ..f.clone() };
    // Without `sort`: by id, newest first — the order the log always had.
    let paging = Paging::check(&mut e, (f.limit, f.sort.as_deref(), f.cursor.as_deref()), Sort::by_id(true), &filters);
    let Some(paging) = paging else {
        return Err(e.into());
    };
    let mut q = audit_events::Entity::find();
    if let Some(v) = f.entity_type {
        q = q.filter(audit_events::Column::EntityType.eq(v));
    }
    if let Some(v) = f.entity_id {
        q = q.filter(audit_events::Column::EntityId.eq(v));
    }
    if let Some(v) = f.actor_id {
        q = q.filter(audit_events::Column::ActorId.eq(v));
    }
    if let Some(v) = f.action {
        q = q.filter(audit_events::Column::Action.eq(v));
    }
    let total = paging.total(db, &q).await?;
    let field = paging.sort.field;
    let q = paging.seek(q, db.get_database_backend(), field.map(sort_key), audit_events::Column::Id)?;
    let (rows, next_cursor) = paging.split(q.all(db).await?, |a| (sort_value(field, a), a.id));
    let items = rows
        .into_iter()
        .map(|a| AuditEventView {
            id: a.id,
            at: a.at,
            actor_id: a.actor_id,
            actor_label: a.actor_label,
            action: a.action,
            entity_type: a.entity_type,
            entity_id: a.entity_id,
            delegation_id: a.delegation_id,
            changes: a.changes,
            request_id: a.request_id,
        })
        .collect();
    Ok(Page { items, next_cursor, total })
}
