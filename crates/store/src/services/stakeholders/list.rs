//! Listing stakeholders: the filters of the directory over only the rows the caller may read
//! (`policy::stakeholder_scope` as SQL), newest first, with keyset pages. Text search looks at the
//! name and external id, never at contact details.

use gmc_domain::error::{parse_enum, FieldProblem};
use gmc_domain::page::Limit;
use gmc_domain::policy::{authorize, stakeholder_scope, Operation, StakeholderScope};
use gmc_domain::stakeholder::{SizeClass, StakeholderKind};
use gmc_domain::{Actor, ValidationErrors};
use sea_orm::sea_query::Condition;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

use super::view;
use crate::cursor::{self, Cursor, Page};
use crate::entities::stakeholders;
use crate::services::{contains_ci, search_text};
use crate::views::StakeholderView;
use crate::AppResult;

#[derive(Debug, Default, Clone)]
pub struct StakeholderFilter {
    pub country: Option<String>,
    /// ISIC section code.
    pub sector: Option<String>,
    pub size_class: Option<String>,
    pub kind: Option<String>,
    pub women_led: Option<bool>,
    pub exporter: Option<bool>,
    pub importer: Option<bool>,
    pub delegation: Option<Uuid>,
    /// Case-insensitive text in the name or external id.
    pub q: Option<String>,
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

fn code(value: &str, max: usize) -> Result<String, FieldProblem> {
    let v = value.trim().to_ascii_uppercase();
    if !v.is_empty() && v.len() <= max && v.bytes().all(|b| b.is_ascii_uppercase()) {
        Ok(v)
    } else {
        Err(FieldProblem::new("invalid_format", "is not a code"))
    }
}

/// The SQL form of `stakeholder_scope`.
fn scope_condition(actor: &Actor) -> Condition {
    match stakeholder_scope(actor) {
        StakeholderScope::All => Condition::all(),
        StakeholderScope::Delegation(d) => Condition::all().add(stakeholders::Column::DelegationId.eq(d.as_uuid())),
        StakeholderScope::LinkedUser(u) => Condition::all().add(stakeholders::Column::UserId.eq(u.as_uuid())),
        // No row has a nil id: matches nothing.
        StakeholderScope::Nothing => Condition::all().add(stakeholders::Column::Id.eq(Uuid::nil())),
    }
}

pub async fn list(db: &DatabaseConnection, actor: &Actor, f: StakeholderFilter) -> AppResult<Page<StakeholderView>> {
    authorize(actor, Operation::ReadDelegationRecords)?;
    let mut e = ValidationErrors::new();
    let limit = e.check("limit", Limit::parse(f.limit));
    let cursor = e.check("cursor", cursor::parse(f.cursor.as_deref()));
    let q = e.check("q", search_text(f.q.as_deref())).flatten();
    let country = f.country.as_deref().and_then(|c| e.check("country", code(c, 3)));
    let sector = f.sector.as_deref().and_then(|c| e.check("sector", code(c, 2)));
    let size = f.size_class.as_deref().and_then(|s| e.check("size_class", parse_enum::<SizeClass>(s.trim())));
    let kind = f.kind.as_deref().and_then(|k| e.check("kind", parse_enum::<StakeholderKind>(k.trim())));
    let (Some(limit), Some(cursor)) = (limit, cursor) else {
        return Err(e.into());
    };
    e.finish()?;
    let mut query = stakeholders::Entity::find().filter(scope_condition(actor));
    if let Some(v) = country {
        query = query.filter(stakeholders::Column::Country.eq(v));
    }
    if let Some(v) = sector {
        query = query.filter(stakeholders::Column::Sector.eq(v));
    }
    if let Some(v) = size {
        query = query.filter(stakeholders::Column::SizeClass.eq(v.as_str()));
    }
    if let Some(v) = kind {
        query = query.filter(stakeholders::Column::Kind.eq(v.as_str()));
    }
    if let Some(v) = f.women_led {
        query = query.filter(stakeholders::Column::WomenLed.eq(v));
    }
    if let Some(v) = f.exporter {
        query = query.filter(stakeholders::Column::Exporter.eq(v));
    }
    if let Some(v) = f.importer {
        query = query.filter(stakeholders::Column::Importer.eq(v));
    }
    if let Some(v) = f.delegation {
        query = query.filter(stakeholders::Column::DelegationId.eq(v));
    }
    if let Some(q) = &q {
        query = query.filter(
            Condition::any()
                .add(contains_ci(stakeholders::Column::Name, q))
                .add(contains_ci(stakeholders::Column::ExternalId, q)),
        );
    }
    let mut query = query.order_by_desc(stakeholders::Column::Id);
    if let Some(c) = cursor {
        query = query.filter(stakeholders::Column::Id.lt(c.id));
    }
    let rows = query.limit(limit.get() + 1).all(db).await?;
    let more = rows.len() as u64 > limit.get();
    let mut items = rows.into_iter().map(view).collect::<AppResult<Vec<_>>>()?;
    items.truncate(limit.get() as usize);
    let next_cursor =
        if more { items.last().map(|i| Cursor { k: None, id: i.id, s: String::new() }.encode()) } else { None };
    Ok(Page { items, next_cursor, total: None })
}
