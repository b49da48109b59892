//! Writing audit events, by construction: a service write runs in an `AuditedTxn`, whose only commit
//! takes the audit entry (`commit`), so the change and its event commit or roll back together and no
//! write can forget its event. The writes that have no event say why by name (`Unaudited`).

use chrono::Utc;
use gmc_domain::{Actor, AuthMethod};
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbBackend, DbErr, ExecResult,
    QueryResult, Set, Statement,
};
use uuid::Uuid;

use crate::context::current_request_id;
use crate::db::WriteGuard;
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

/// A write transaction (holding the write gate on SQLite, `db::begin_write`) that commits only with its
/// audit entry. Dropped without a commit, it rolls back. It is a connection itself, so the service's
/// statements and helpers run on it as on any connection.
pub struct AuditedTxn {
    txn: DatabaseTransaction,
    /// Released after the commit (or the rollback), never before.
    _gate: WriteGuard,
}

/// The writes that record no audit event, each for a stated reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unaudited {
    /// A response through the public page: anonymous, so there is nobody to name, and the response
    /// row is itself the record of what happened (`consultations::public`).
    AnonymousPublicSubmission,
    /// Demo and benchmark data written by `gmc seed --demo` (`crate::demo`): nobody's request.
    DemoData,
}

impl AuditedTxn {
    pub async fn begin(db: &DatabaseConnection) -> AppResult<Self> {
        let (gate, txn) = crate::db::begin_write(db).await?;
        Ok(Self { txn, _gate: gate })
    }

    /// An event besides the one the commit records (a write that is two events, e.g. a recovery code
    /// spent to disable a factor).
    pub async fn record(&self, entry: AuditEntry<'_>) -> AppResult<()> {
        record(&self.txn, entry).await
    }

    /// Records the write's audit event and commits both.
    pub async fn commit(self, entry: AuditEntry<'_>) -> AppResult<()> {
        record(&self.txn, entry).await?;
        self.txn.commit().await?;
        Ok(())
    }

    /// Commits a write that has no audit event, for one of the named reasons.
    pub async fn commit_unaudited(self, reason: Unaudited) -> AppResult<()> {
        tracing::trace!(?reason, "write committed without an audit event");
        self.txn.commit().await?;
        Ok(())
    }
}

#[async_trait::async_trait]
impl ConnectionTrait for AuditedTxn {
    fn get_database_backend(&self) -> DbBackend {
        self.txn.get_database_backend()
    }

    async fn execute(&self, stmt: Statement) -> Result<ExecResult, DbErr> {
        self.txn.execute(stmt).await
    }

    async fn execute_unprepared(&self, sql: &str) -> Result<ExecResult, DbErr> {
        self.txn.execute_unprepared(sql).await
    }

    async fn query_one(&self, stmt: Statement) -> Result<Option<QueryResult>, DbErr> {
        self.txn.query_one(stmt).await
    }

    async fn query_all(&self, stmt: Statement) -> Result<Vec<QueryResult>, DbErr> {
        self.txn.query_all(stmt).await
    }

    fn support_returning(&self) -> bool {
        self.txn.support_returning()
    }

    fn is_mock_connection(&self) -> bool {
        self.txn.is_mock_connection()
    }
}

/// Inserts one audit event on `conn`. Services do not call it on a transaction of their own: they
/// hand the entry to `AuditedTxn::commit` (or `AuditedTxn::record` for a second event).
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
