//! Reading reference data: countries, delegations, ministerials, NTM categories, ISIC sectors.
//! These tables are small (tens of rows) and change rarely, so they are filtered in SQL and paged in
//! memory by their stable code.

use gmc_domain::page::Limit;
use gmc_domain::policy::{authorize, Operation};
use gmc_domain::reference::{NtmKind, Region};
use gmc_domain::{Actor, ValidationErrors};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use crate::cursor::{Cursor, Page};
use crate::entities::{countries, delegations, ministerials, ntm_categories, sectors};
use crate::views::{CountryView, DelegationView, MinisterialView, NtmCategoryView, SectorView};
use crate::{AppError, AppResult};

/// Pages rows already sorted by `key` (unique): those after the cursor, `limit` of them; the first page
/// says how many there are. The order is fixed (no `sort`): each of these lists fits in one page of the
/// largest size, where sorting on the client is honest.
fn page_sorted<T>(rows: Vec<T>, key: impl Fn(&T) -> String, limit: Limit, cursor: Option<&str>) -> AppResult<Page<T>> {
    let after = crate::cursor::parse_field(cursor)?.map(|c| c.k.unwrap_or_default());
    let total = after.is_none().then_some(rows.len() as u64);
    let rest: Vec<T> = rows.into_iter().filter(|r| after.as_ref().is_none_or(|a| key(r) > *a)).collect();
    let key = |r: &T| Cursor { k: Some(key(r)), id: Uuid::nil(), s: String::new(), b: false };
    Ok(Page::from_rows(rest, limit.get(), key, |r| r).with_total(total))
}

pub fn parse_limit(limit: Option<i64>) -> Result<Limit, ValidationErrors> {
    Limit::parse(limit).map_err(|p| ValidationErrors::single("limit", p.code, p.message))
}

fn country_view(c: countries::Model) -> AppResult<CountryView> {
    Ok(CountryView {
        region: c.region.0,
        wto_status: c.wto_status.0,
        code: c.code,
        name: c.name,
        wto_member_since: c.wto_member_since,
        ldc: c.ldc,
        ldc_graduation_date: c.ldc_graduation_date,
        capital: c.capital,
        time_zone: c.time_zone,
    })
}

pub async fn list_countries(
    db: &DatabaseConnection,
    actor: &Actor,
    region: Option<&str>,
    limit: Option<i64>,
    cursor: Option<&str>,
) -> AppResult<Page<CountryView>> {
    authorize(actor, Operation::ReadReference)?;
    let limit = parse_limit(limit)?;
    let mut q = countries::Entity::find().order_by_asc(countries::Column::Code);
    if let Some(region) = region {
        let region: Region = region.parse().map_err(|m| ValidationErrors::single("region", "invalid_choice", m))?;
        q = q.filter(countries::Column::Region.eq(region.as_str()));
    }
    let rows = q.all(db).await?.into_iter().map(country_view).collect::<AppResult<Vec<_>>>()?;
    page_sorted(rows, |c| c.code.clone(), limit, cursor)
}

pub async fn get_country(db: &DatabaseConnection, actor: &Actor, code: &str) -> AppResult<CountryView> {
    authorize(actor, Operation::ReadReference)?;
    let row = countries::Entity::find_by_id(code.to_ascii_uppercase()).one(db).await?;
    country_view(row.ok_or(AppError::NotFound("country"))?)
}

fn delegation_view(d: delegations::Model) -> DelegationView {
    DelegationView { id: d.id, country_code: d.country_code, name: d.name }
}

pub async fn list_delegations(
    db: &DatabaseConnection,
    actor: &Actor,
    limit: Option<i64>,
    cursor: Option<&str>,
) -> AppResult<Page<DelegationView>> {
    authorize(actor, Operation::ReadReference)?;
    let limit = parse_limit(limit)?;
    let rows = delegations::Entity::find().order_by_asc(delegations::Column::CountryCode).all(db).await?;
    page_sorted(rows.into_iter().map(delegation_view).collect(), |d| d.country_code.clone(), limit, cursor)
}

pub async fn get_delegation(db: &DatabaseConnection, actor: &Actor, id: Uuid) -> AppResult<DelegationView> {
    authorize(actor, Operation::ReadReference)?;
    find_delegation(db, id).await?.ok_or(AppError::NotFound("delegation"))
}

async fn find_delegation(db: &DatabaseConnection, id: Uuid) -> AppResult<Option<DelegationView>> {
    Ok(delegations::Entity::find_by_id(id).one(db).await?.map(delegation_view))
}

pub(crate) fn ministerial_view(m: ministerials::Model) -> MinisterialView {
    MinisterialView {
        id: m.id,
        code: m.code,
        name: m.name,
        host_city: m.host_city,
        host_country: m.host_country,
        starts_on: m.starts_on,
        ends_on: m.ends_on,
        note: m.note,
    }
}

pub async fn list_ministerials(
    db: &DatabaseConnection,
    actor: &Actor,
    limit: Option<i64>,
    cursor: Option<&str>,
) -> AppResult<Page<MinisterialView>> {
    authorize(actor, Operation::ReadReference)?;
    let limit = parse_limit(limit)?;
    let rows = ministerials::Entity::find().order_by_asc(ministerials::Column::StartsOn).all(db).await?;
    // Sorted by date; the key pads the date so later conferences sort after earlier ones.
    page_sorted(
        rows.into_iter().map(ministerial_view).collect(),
        |m| format!("{}|{}", m.starts_on, m.code),
        limit,
        cursor,
    )
}

pub async fn get_ministerial(db: &DatabaseConnection, actor: &Actor, code: &str) -> AppResult<MinisterialView> {
    authorize(actor, Operation::ReadReference)?;
    let row =
        ministerials::Entity::find().filter(ministerials::Column::Code.eq(code.to_ascii_uppercase())).one(db).await?;
    row.map(ministerial_view).ok_or(AppError::NotFound("ministerial"))
}

pub async fn list_ntm_categories(
    db: &DatabaseConnection,
    actor: &Actor,
    kind: Option<&str>,
    limit: Option<i64>,
    cursor: Option<&str>,
) -> AppResult<Page<NtmCategoryView>> {
    authorize(actor, Operation::ReadReference)?;
    let limit = parse_limit(limit)?;
    let mut q = ntm_categories::Entity::find().order_by_asc(ntm_categories::Column::Code);
    if let Some(kind) = kind {
        let kind: NtmKind = kind.parse().map_err(|m| ValidationErrors::single("kind", "invalid_choice", m))?;
        q = q.filter(ntm_categories::Column::Kind.eq(kind.as_str()));
    }
    let rows = q
        .all(db)
        .await?
        .into_iter()
        .map(|n| Ok(NtmCategoryView { kind: n.kind.0, code: n.code, title: n.title, description: n.description }))
        .collect::<AppResult<Vec<_>>>()?;
    page_sorted(rows, |n| n.code.clone(), limit, cursor)
}

pub async fn list_sectors(
    db: &DatabaseConnection,
    actor: &Actor,
    limit: Option<i64>,
    cursor: Option<&str>,
) -> AppResult<Page<SectorView>> {
    authorize(actor, Operation::ReadReference)?;
    let limit = parse_limit(limit)?;
    let rows = sectors::Entity::find().order_by_asc(sectors::Column::Code).all(db).await?;
    let rows = rows.into_iter().map(|s| SectorView { code: s.code, title: s.title }).collect();
    page_sorted(rows, |s| s.code.clone(), limit, cursor)
}
