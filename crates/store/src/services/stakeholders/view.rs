//! A stakeholder row as read (never its contact details): what `get`, `list`, writes and erasure return.

use crate::entities::stakeholders;
use crate::views::StakeholderView;
use crate::AppResult;

pub(super) fn view(r: stakeholders::Model) -> AppResult<StakeholderView> {
    Ok(StakeholderView {
        kind: r.kind.0,
        size_class: r.size_class.0,
        has_contact: r.contact_name.is_some() || r.contact_email.is_some() || r.contact_phone.is_some(),
        erased: r.erased_at.is_some(),
        id: r.id,
        delegation_id: r.delegation_id,
        external_id: r.external_id,
        name: r.name,
        country: r.country,
        sector: r.sector,
        employees: r.employees,
        women_led: r.women_led,
        exporter: r.exporter,
        importer: r.importer,
        consent_purpose: r.consent_purpose,
        consent_at: r.consent_at,
        user_id: r.user_id,
        erased_at: r.erased_at,
        version: r.version,
        created_at: r.created_at,
        updated_at: r.updated_at,
    })
}
