//! Reading the audit log (admins only), newest first.

use gmc_domain::page::Limit;
use gmc_domain::policy::{authorize, Operation};
use gmc_domain::{Actor, ValidationErrors};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

use crate::cursor::{self, Cursor, Page};
use crate::entities::audit_events;
use crate::views::AuditEventView;
use crate::AppResult;

#[derive(Debug, Default, Clone)]
pub struct AuditFilter {
    pub entity_type: Option<String>,
    pub entity_id: Option<String>,
    pub actor_id: Option<Uuid>,
    pub action: Option<String>,
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

pub async fn list(db: &DatabaseConnection, actor: &Actor, f: AuditFilter) -> AppResult<Page<AuditEventView>> {
    authorize(actor, Operation::ReadAudit)?;
    let mut e = ValidationErrors::new();
    let limit = e.check("limit", Limit::parse(f.limit));
    let cursor = e.check("cursor", cursor::parse(f.cursor.as_deref()));
    let (Some(limit), Some(cursor)) = (limit, cursor) else {
        return Err(e.into());
    };
    let mut q = audit_events::Entity::find().order_by_desc(audit_events::Column::Id);
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
    if let Some(c) = cursor {
        q = q.filter(audit_events::Column::Id.lt(c.id));
    }
    let rows = q.limit(limit.get() + 1).all(db).await?;
    Ok(Page::from_rows(
        rows,
        limit.get(),
        |a| Cursor { k: None, id: a.id, s: String::new() },
        |a| AuditEventView {
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
        },
    ))
}
