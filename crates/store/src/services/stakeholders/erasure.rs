//! Erasure (DESIGN §5): the stakeholder's personal data goes, the record and what refers to it stay.
//! Name, contact details, consent, external id and account link are removed; earlier audit events of
//! the stakeholder lose their `changes` (which could hold its name); responses and impediments linked
//! to it are kept, so its answers count on anonymously.

use chrono::Utc;
use gmc_domain::stakeholder::ERASED_NAME;
use gmc_domain::Actor;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter};
use serde_json::json;
use uuid::Uuid;

use super::{view, writable};
use crate::audit::{self, AuditEntry};
use crate::entities::{audit_events, stakeholders};
use crate::views::StakeholderView;
use crate::{AppError, AppResult};

/// Replaces the `changes` of the stakeholder's audit events so far with a marker saying why.
pub(super) async fn blank_audit<C: ConnectionTrait>(db: &C, id: Uuid) -> AppResult<()> {
    audit_events::Entity::update_many()
        .col_expr(audit_events::Column::Changes, Expr::value(json!({"redacted": "stakeholder erased"})))
        .filter(audit_events::Column::EntityType.eq("stakeholder"))
        .filter(audit_events::Column::EntityId.eq(id.to_string()))
        .exec(db)
        .await?;
    Ok(())
}

/// Erases a stakeholder. Erasing an erased one is refused (409), so a repeat does not add an event.
pub async fn erase(db: &DatabaseConnection, actor: &Actor, id: Uuid) -> AppResult<StakeholderView> {
    let row = writable(db, actor, id).await?;
    if row.erased_at.is_some() {
        return Err(AppError::Conflict("the stakeholder is already erased".into()));
    }
    let (_write, txn) = crate::db::begin_write(db).await?;
    let now = Utc::now();
    let null_text: Option<String> = None;
    let res = stakeholders::Entity::update_many()
        .col_expr(stakeholders::Column::Name, Expr::value(ERASED_NAME))
        .col_expr(stakeholders::Column::ContactName, Expr::value(null_text.clone()))
        .col_expr(stakeholders::Column::ContactEmail, Expr::value(null_text.clone()))
        .col_expr(stakeholders::Column::ContactPhone, Expr::value(null_text.clone()))
        .col_expr(stakeholders::Column::ConsentPurpose, Expr::value(null_text.clone()))
        .col_expr(stakeholders::Column::ConsentAt, Expr::value(Option::<chrono::NaiveDate>::None))
        .col_expr(stakeholders::Column::ExternalId, Expr::value(null_text))
        .col_expr(stakeholders::Column::UserId, Expr::value(Option::<Uuid>::None))
        .col_expr(stakeholders::Column::ErasedAt, Expr::value(now))
        .col_expr(stakeholders::Column::Version, Expr::value(row.version + 1))
        .col_expr(stakeholders::Column::UpdatedAt, Expr::value(now))
        .filter(stakeholders::Column::Id.eq(id))
        .filter(stakeholders::Column::Version.eq(row.version))
        .filter(stakeholders::Column::ErasedAt.is_null())
        .exec(&txn)
        .await?;
    if res.rows_affected != 1 {
        return Err(AppError::Conflict("the stakeholder changed meanwhile; reload it".into()));
    }
    blank_audit(&txn, id).await?;
    let entry = AuditEntry::by(actor, "stakeholder.erase", "stakeholder", id).delegation(row.delegation_id);
    audit::record(&txn, entry.changes(json!({"erased": true}))).await?;
    let updated = stakeholders::Entity::find_by_id(id).one(&txn).await?.ok_or(AppError::NotFound("stakeholder"))?;
    txn.commit().await?;
    view(updated)
}
