//! Listing stakeholders: the filters of the directory over only the rows the caller may read
//! (`policy::stakeholder_scope` as SQL), newest first or sorted by a field, with keyset pages and the
//! total on the first. Text search looks at the name and external id, never at contact details.

use gmc_domain::error::{parse_enum, FieldProblem};
use gmc_domain::policy::{authorize, stakeholder_scope, Operation, StakeholderScope};
use gmc_domain::stakeholder::{SizeClass, StakeholderKind};
use gmc_domain::{Actor, ValidationErrors};
use sea_orm::sea_query::Condition;
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter};
use uuid::Uuid;

use super::view::view;
use crate::cursor::{Key, KeyValue, Page, Paging, Sort};
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
    /// One of `StakeholderSort`, `-` first for descending; default: newest entered first.
    pub sort: Option<String>,
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

crate::sort_fields!(
    /// What the directory may be sorted by.
    StakeholderSort {
        Name => "name",
        Country => "country",
        CreatedAt => "created_at",
    }
);

/// Without `sort`: by id, newest entered first — the order the directory always had.
const DEFAULT_SORT: Sort<StakeholderSort> = Sort::by_id(true);

fn sort_key(field: StakeholderSort) -> Key<stakeholders::Column> {
    match field {
        StakeholderSort::Name => Key::text(stakeholders::Column::Name),
        StakeholderSort::Country => Key::text(stakeholders::Column::Country),
        StakeholderSort::CreatedAt => Key::time(stakeholders::Column::CreatedAt),
    }
}

fn sort_value(field: Option<StakeholderSort>, r: &stakeholders::Model) -> KeyValue {
    match field {
        None => KeyValue::Null,
        Some(StakeholderSort::Name) => KeyValue::Text(r.name.clone()),
        Some(StakeholderSort::Country) => KeyValue::Text(r.country.clone()),
        Some(StakeholderSort::CreatedAt) => KeyValue::Time(r.created_at),
    }
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
    let filters = StakeholderFilter { sort: None, limit: None, cursor: None, ..f.clone() };
    let paging = Paging::check(&mut e, (f.limit, f.sort.as_deref(), f.cursor.as_deref()), DEFAULT_SORT, &filters);
    let q = e.check("q", search_text(f.q.as_deref())).flatten();
    let country = f.country.as_deref().and_then(|c| e.check("country", code(c, 3)));
    let sector = f.sector.as_deref().and_then(|c| e.check("sector", code(c, 2)));
    let size = f.size_class.as_deref().and_then(|s| e.check("size_class", parse_enum::<SizeClass>(s.trim())));
    let kind = f.kind.as_deref().and_then(|k| e.check("kind", parse_enum::<StakeholderKind>(k.trim())));
    let Some(paging) = paging else {
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
    let total = paging.total(db, &query).await?;
    let field = paging.sort.field;
    let query = paging.seek(query, db.get_database_backend(), field.map(sort_key), stakeholders::Column::Id)?;
    let (rows, next_cursor) = paging.split(query.all(db).await?, |r| (sort_value(field, r), r.id));
    let items = rows.into_iter().map(view).collect::<AppResult<Vec<_>>>()?;
    Ok(Page { items, next_cursor, total })
}
