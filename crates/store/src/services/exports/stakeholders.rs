//! The stakeholder directory as rows: the list's own query (`stakeholders::list`). Contact details
//! (personal data) only when asked for and the caller may read them (`policy::can_read_contact`: admins
//! and the owning delegation's members, with a session); each stakeholder whose contact leaves is
//! audited as `stakeholder.contact_read`, like `GET /stakeholders/{id}/contact`, in one transaction per
//! page committed before the page is handed out.

use std::collections::HashMap;

use gmc_domain::ids::DelegationId;
use gmc_domain::policy::can_read_contact;
use gmc_domain::Actor;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use uuid::Uuid;

use super::cells::Cell;
use super::names::Names;
use crate::audit::{AuditEntry, AuditedTxn};
use crate::entities::stakeholders;
use crate::services::stakeholders::{list, StakeholderFilter};
use crate::views::StakeholderView;
use crate::AppResult;

pub const HEADER: &[&str] = &[
    "id",
    "delegation_id",
    "external_id",
    "name",
    "kind",
    "country",
    "country_name",
    "sector",
    "sector_name",
    "size_class",
    "employees",
    "women_led",
    "exporter",
    "importer",
    "has_contact",
    "consent_purpose",
    "consent_at",
    "user_id",
    "erased",
    "erased_at",
    "version",
    "created_at",
    "updated_at",
];

/// The columns added with `include_contacts=true`.
pub const CONTACT_HEADER: &[&str] = &["contact_name", "contact_email", "contact_phone"];

type Contact = (Option<String>, Option<String>, Option<String>);

fn row(names: &Names, s: StakeholderView, contact: Option<&Contact>, with_contacts: bool) -> Vec<Cell> {
    let (country_name, sector_name) = (names.country(&s.country), names.sector(&s.sector));
    let mut cells = vec![
        Cell::id(s.id),
        Cell::id(s.delegation_id),
        Cell::opt_text(s.external_id),
        Cell::text(s.name),
        Cell::text(s.kind.as_str()),
        Cell::text(s.country),
        Cell::text(country_name),
        Cell::text(s.sector),
        Cell::text(sector_name),
        Cell::text(s.size_class.as_str()),
        s.employees.map_or(Cell::Empty, |n| Cell::Int(n.into())),
        Cell::Bool(s.women_led),
        Cell::Bool(s.exporter),
        Cell::Bool(s.importer),
        Cell::Bool(s.has_contact),
        Cell::opt_text(s.consent_purpose),
        Cell::date(s.consent_at),
        Cell::opt_id(s.user_id),
        Cell::Bool(s.erased),
        Cell::opt_time(s.erased_at),
        Cell::Int(s.version.into()),
        Cell::time(s.created_at),
        Cell::time(s.updated_at),
    ];
    if with_contacts {
        let (name, email, phone) = contact.cloned().unwrap_or_default();
        cells.extend([Cell::opt_text(name), Cell::opt_text(email), Cell::opt_text(phone)]);
    }
    cells
}

/// Whether the actor's role may read any contact at all (else asking for contacts is refused).
pub fn may_read_contacts(actor: &Actor) -> bool {
    match actor.delegation_id {
        Some(own) => can_read_contact(actor, own),
        None => can_read_contact(actor, DelegationId::new()),
    }
}

/// Reads the contacts of the page's readable stakeholders that the actor may read, auditing each read.
async fn contacts(
    db: &DatabaseConnection,
    actor: &Actor,
    page: &[StakeholderView],
) -> AppResult<HashMap<Uuid, Contact>> {
    let ids: Vec<Uuid> = page
        .iter()
        .filter(|s| s.has_contact && can_read_contact(actor, DelegationId::from_uuid(s.delegation_id)))
        .map(|s| s.id)
        .collect();
    let Some(last) = ids.last().copied() else {
        return Ok(HashMap::new());
    };
    let rows = stakeholders::Entity::find().filter(stakeholders::Column::Id.is_in(ids.iter().copied())).all(db).await?;
    let txn = AuditedTxn::begin(db).await?;
    let mut out = HashMap::new();
    let mut last_delegation = Uuid::nil();
    for r in rows {
        if r.id == last {
            last_delegation = r.delegation_id;
        } else {
            let entry = AuditEntry::by(actor, "stakeholder.contact_read", "stakeholder", r.id)
                .delegation(r.delegation_id)
                .changes(serde_json::json!({"via": "export"}));
            txn.record(entry).await?;
        }
        out.insert(r.id, (r.contact_name, r.contact_email, r.contact_phone));
    }
    let entry = AuditEntry::by(actor, "stakeholder.contact_read", "stakeholder", last)
        .delegation(last_delegation)
        .changes(serde_json::json!({"via": "export"}));
    txn.commit(entry).await?;
    Ok(out)
}

/// One page of the list (`limit` rows) after `cursor`: its rows and the next cursor.
pub async fn page(
    db: &DatabaseConnection,
    actor: &Actor,
    names: &Names,
    filter: &StakeholderFilter,
    with_contacts: bool,
    cursor: Option<String>,
    limit: i64,
) -> AppResult<(Vec<Vec<Cell>>, Option<String>)> {
    let f = StakeholderFilter { limit: Some(limit), cursor, ..filter.clone() };
    let page = list(db, actor, f).await?;
    let contacts = if with_contacts { contacts(db, actor, &page.items).await? } else { HashMap::new() };
    let rows = page
        .items
        .into_iter()
        .map(|s| {
            let c = contacts.get(&s.id);
            row(names, s, c, with_contacts)
        })
        .collect();
    Ok((rows, page.next_cursor))
}
