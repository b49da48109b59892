//! Writing audit events. Every service write calls `record` inside its own transaction, so the
//! change and its audit event commit or roll back together.

use chrono::Utc;
use gmc_domain::{Actor, AuthMethod};
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};
use uuid::Uuid;

use crate::context::current_request_id;
use crate::entities::audit_events;
use crate::AppResult;

pub struct AuditEntry<'a> {
    pub actor_id: Option<Uuid>,
    /// Who acted, for people reading the log: role and method, `system`, or the e-mail tried at a
    /// failed login.
    pub label: String,
    pub action: &'a str,
    pub entity_type: &'a str,
    pub entity_id: Option<String>,
    pub delegation_id: Option<Uuid>,
    /// For updates, `{field: {from, to}}` of each changed field; for creates, the new values.
    pub changes: Option<serde_json::Value>,
}

impl<'a> AuditEntry<'a> {
    pub fn by(actor: &Actor, action: &'a str, entity_type: &'a str, entity_id: impl ToString) -> Self {
        let label = match &actor.method {
            AuthMethod::Session => format!("{} (session)", actor.role),
            AuthMethod::ApiKey { id, .. } => format!("{} (api key {id})", actor.role),
        };
        Self {
            actor_id: Some(actor.user_id.as_uuid()),
            label,
            action,
            entity_type,
            entity_id: Some(entity_id.to_string()),
            delegation_id: None,
            changes: None,
        }
    }

    /// An event with no signed-in actor.
    pub fn by_label(action: &'a str, entity_type: &'a str, label: &str) -> Self {
        Self {
            actor_id: None,
            label: label.to_owned(),
            action,
            entity_type,
            entity_id: None,
            delegation_id: None,
            changes: None,
        }
    }

    pub fn changes(mut self, changes: serde_json::Value) -> Self {
        self.changes = Some(changes);
        self
    }

    pub fn delegation(mut self, delegation_id: Uuid) -> Self {
        self.delegation_id = Some(delegation_id);
        self
    }
}

pub async fn record<C: ConnectionTrait>(conn: &C, entry: AuditEntry<'_>) -> AppResult<()> {
    audit_events::ActiveModel {
        id: Set(Uuid::now_v7()),
        at: Set(Utc::now()),
        actor_id: Set(entry.actor_id),
        actor_label: Set(entry.label.chars().take(254).collect()),
        action: Set(entry.action.to_owned()),
        entity_type: Set(entry.entity_type.to_owned()),
        entity_id: Set(entry.entity_id),
        delegation_id: Set(entry.delegation_id),
        changes: Set(entry.changes),
        request_id: Set(current_request_id()),
    }
    .insert(conn)
    .await?;
    Ok(())
}
