//! Stakeholders: the MSMEs, associations, chambers and cooperatives a delegation hears, owned by that
//! delegation. Their contact details are personal data (DESIGN §5, docs/personal-data.md): stored only
//! with consent, never in lists, reads or the audit log, shown only through `contact` (audited), and
//! removed by `erase`. Who may do what is `gmc_domain::policy::{stakeholder_scope, can_read_contact,
//! can_write}`.

mod erasure;
mod fields;
// issue 11: imports
pub(crate) mod import;
mod list;
mod view;

pub use erasure::erase;
pub use fields::{StakeholderInput, StakeholderPatch};
pub use list::{list, StakeholderFilter, StakeholderSort};

use chrono::Utc;
use gmc_domain::ids::{DelegationId, StakeholderId, UserId};
use gmc_domain::policy::{authorize, can_read_contact, Operation};
use gmc_domain::Actor;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, IntoActiveModel,
    PaginatorTrait, QueryFilter, Set, SqlErr,
};
use serde_json::json;
use uuid::Uuid;

use self::fields::Fields;
use self::view::view;
use crate::audit::{AuditEntry, AuditedTxn};
use crate::entities::{impediments, responses, stakeholders};
use crate::error::check_version;
use crate::services::access::{find_readable, find_writable, Guard, Guarded};
use crate::views::{StakeholderContactView, StakeholderView};
use crate::{AppError, AppResult};

impl Guarded for stakeholders::Model {
    const NOUN: &'static str = "stakeholder";

    fn guard(&self) -> AppResult<Guard> {
        Ok(Guard::Stakeholder {
            owner: DelegationId::from_uuid(self.delegation_id),
            linked_user: self.user_id.map(UserId::from_uuid),
        })
    }
}

/// The profile a signed-in `stakeholder` account answers with: (stakeholder id, country, sector, size
/// class, women-led). `None` when the user is linked to no stakeholder, or to an erased one.
pub async fn profile_of_user<C: ConnectionTrait>(
    db: &C,
    user_id: Uuid,
) -> AppResult<Option<(Uuid, String, String, String, bool)>> {
    let row = stakeholders::Entity::find()
        .filter(stakeholders::Column::UserId.eq(user_id))
        .filter(stakeholders::Column::ErasedAt.is_null())
        .one(db)
        .await?;
    Ok(row.map(|s| (s.id, s.country, s.sector, s.size_class.0.as_str().to_owned(), s.women_led)))
}

pub async fn get(db: &DatabaseConnection, actor: &Actor, id: Uuid) -> AppResult<StakeholderView> {
    view(find_readable(db, actor, id).await?)
}

/// The contact details, for admins and members of the owning delegation signed in with a session.
/// Every successful read is audited (who read whose details, not the details).
pub async fn contact(db: &DatabaseConnection, actor: &Actor, id: Uuid) -> AppResult<StakeholderContactView> {
    let row: stakeholders::Model = find_readable(db, actor, id).await?;
    if !can_read_contact(actor, DelegationId::from_uuid(row.delegation_id)) {
        return Err(AppError::Forbidden);
    }
    let txn = AuditedTxn::begin(db).await?;
    let entry = AuditEntry::by(actor, "stakeholder.contact_read", "stakeholder", id).delegation(row.delegation_id);
    txn.commit(entry).await?;
    Ok(StakeholderContactView {
        contact_name: row.contact_name,
        contact_email: row.contact_email,
        contact_phone: row.contact_phone,
        consent_purpose: row.consent_purpose,
        consent_at: row.consent_at,
    })
}

/// A unique violation that slipped past the checks (a concurrent write) is still the client's field.
fn unique_to_field(e: DbErr) -> AppError {
    if let Some(SqlErr::UniqueConstraintViolation(msg)) = e.sql_err() {
        for field in ["external_id", "user_id"] {
            if msg.contains(field) {
                let text = "another stakeholder already has this value";
                return gmc_domain::ValidationErrors::single(field, "taken", text).into();
            }
        }
    }
    e.into()
}

pub async fn create(db: &DatabaseConnection, actor: &Actor, input: StakeholderInput) -> AppResult<StakeholderView> {
    authorize(actor, Operation::WriteDelegationRecords)?;
    let delegation = crate::services::visibility::owning_delegation(actor, input.delegation_id)?;
    let f = fields::checked(db, None, input.into()).await?;
    let txn = AuditedTxn::begin(db).await?;
    let row = insert(&txn, actor, delegation, &f).await?;
    let id = row.id;
    let entry = AuditEntry::by(actor, "stakeholder.create", "stakeholder", id).delegation(row.delegation_id);
    txn.commit(entry.changes(fields::changes(None, &f))).await?;
    view(row)
}

/// Inserts a checked stakeholder (a create, and each new row of an import).
async fn insert<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    delegation: DelegationId,
    f: &Fields,
) -> AppResult<stakeholders::Model> {
    new_model(actor, delegation, f).insert(db).await.map_err(unique_to_field)
}

/// The row a create writes: `insert` writes it at once, an import in batches.
fn new_model(actor: &Actor, delegation: DelegationId, f: &Fields) -> stakeholders::ActiveModel {
    let now = Utc::now();
    let mut model = stakeholders::ActiveModel {
        id: Set(StakeholderId::new().as_uuid()),
        delegation_id: Set(delegation.as_uuid()),
        erased_at: Set(None),
        created_by: Set(Some(actor.user_id.as_uuid())),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    };
    set_fields(&mut model, f);
    model
}

fn set_fields(m: &mut stakeholders::ActiveModel, f: &Fields) {
    m.external_id = Set(f.external_id.clone());
    m.name = Set(f.name.clone());
    m.kind = Set(f.kind.into());
    m.country = Set(f.country.clone());
    m.sector = Set(f.sector.clone());
    m.size_class = Set(f.size_class.into());
    m.employees = Set(f.employees);
    m.women_led = Set(f.women_led);
    m.exporter = Set(f.exporter);
    m.importer = Set(f.importer);
    m.contact_name = Set(f.contact_name.clone());
    m.contact_email = Set(f.contact_email.clone());
    m.contact_phone = Set(f.contact_phone.clone());
    m.consent_purpose = Set(f.consent_purpose.clone());
    m.consent_at = Set(f.consent_at);
    m.user_id = Set(f.user_id);
}

fn refuse_erased(row: &stakeholders::Model) -> AppResult<()> {
    match row.erased_at {
        Some(_) => Err(AppError::Conflict("the stakeholder was erased; an erased record cannot be changed".into())),
        None => Ok(()),
    }
}

pub async fn update(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    patch: StakeholderPatch,
    if_match: Option<i32>,
) -> AppResult<StakeholderView> {
    authorize(actor, Operation::ReadDelegationRecords)?;
    let current: stakeholders::Model = find_writable(db, actor, id).await?;
    refuse_erased(&current)?;
    let f = fields::checked(db, Some(&current), patch).await?;
    check_version(if_match, current.version)?;
    let before = Fields::of(&current);
    let txn = AuditedTxn::begin(db).await?;
    let mut m = current.clone().into_active_model();
    set_fields(&mut m, &f);
    m.version = Set(current.version + 1);
    m.updated_at = Set(Utc::now());
    let res = stakeholders::Entity::update_many()
        .set(m)
        .filter(stakeholders::Column::Id.eq(id))
        .filter(stakeholders::Column::Version.eq(current.version))
        .filter(stakeholders::Column::ErasedAt.is_null())
        .exec(&txn)
        .await
        .map_err(unique_to_field)?;
    if res.rows_affected != 1 {
        return Err(AppError::PreconditionFailed { current: current.version + 1 });
    }
    let entry = AuditEntry::by(actor, "stakeholder.update", "stakeholder", id).delegation(current.delegation_id);
    let audit_entry = entry.changes(fields::changes(Some(&before), &f));
    let updated = stakeholders::Entity::find_by_id(id).one(&txn).await?.ok_or(AppError::NotFound("stakeholder"))?;
    txn.commit(audit_entry).await?;
    view(updated)
}

/// Deletes a stakeholder nothing refers to. One with responses or impediments is evidence: erase it
/// instead, which removes the personal data and keeps the anonymous answers.
pub async fn delete(db: &DatabaseConnection, actor: &Actor, id: Uuid) -> AppResult<()> {
    authorize(actor, Operation::ReadDelegationRecords)?;
    let row: stakeholders::Model = find_writable(db, actor, id).await?;
    let txn = AuditedTxn::begin(db).await?;
    let linked_responses =
        responses::Entity::find().filter(responses::Column::StakeholderId.eq(id)).count(&txn).await?;
    let linked_impediments =
        impediments::Entity::find().filter(impediments::Column::StakeholderId.eq(id)).count(&txn).await?;
    // No counts: the linked records may belong to delegations the caller cannot read.
    if linked_responses + linked_impediments > 0 {
        return Err(AppError::Conflict(
            "responses or impediments refer to this stakeholder; erase it instead (removes the personal data, \
             keeps the answers)"
                .into(),
        ));
    }
    stakeholders::Entity::delete_by_id(id).exec(&txn).await?;
    erasure::blank_audit(&txn, id).await?;
    let entry = AuditEntry::by(actor, "stakeholder.delete", "stakeholder", id).delegation(row.delegation_id);
    // Neither the name nor earlier changes stay: a deleted stakeholder leaves no personal data in the log.
    txn.commit(entry.changes(json!({"external_id": row.external_id}))).await?;
    Ok(())
}
