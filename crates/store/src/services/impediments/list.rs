//! Listing impediments: every filter of the registry, over only the rows the caller may read, newest
//! entered first or sorted by a field, with keyset pages and the total on the first.

use chrono::{NaiveDate, NaiveTime};
use gmc_domain::error::{parse_enum, FieldProblem};
use gmc_domain::impediment::ImpedimentStatus;
use gmc_domain::policy::{authorize, Operation};
use gmc_domain::{Actor, ValidationErrors};
use sea_orm::sea_query::Query;
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, DbBackend, EntityTrait, QueryFilter, Select};
use uuid::Uuid;

use super::search::{text_matches, Plan};
use super::views;
use crate::cursor::{Key, KeyValue, Page, Paging, Sort};
use crate::entities::{impediment_topics, impediments, topics};
use crate::services::{search_text, visibility::read_condition};
use crate::views::ImpedimentView;
use crate::AppResult;

#[derive(Debug, Default, Clone)]
pub struct ImpedimentFilter {
    pub reporting_country: Option<String>,
    pub partner: Option<String>,
    /// MAST chapter letter or procedural group.
    pub ntm_chapter: Option<String>,
    /// HS code prefix (`03` matches `0306` and `030617`).
    pub hs: Option<String>,
    /// Topic id or code.
    pub topic: Option<String>,
    pub status: Option<String>,
    pub delegation: Option<Uuid>,
    pub severity_min: Option<i64>,
    pub severity_max: Option<i64>,
    /// Created on or after this date.
    pub from: Option<NaiveDate>,
    /// Created on or before this date.
    pub to: Option<NaiveDate>,
    pub q: Option<String>,
    /// One of `ImpedimentSort`, `-` first for descending; default: newest entered first.
    pub sort: Option<String>,
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

crate::sort_fields!(
    /// What the registry may be sorted by. Status sorts by its stored spelling (alphabetically).
    ImpedimentSort {
        CreatedAt => "created_at",
        UpdatedAt => "updated_at",
        Severity => "severity",
        Title => "title",
        Partner => "partner",
        NtmCode => "ntm_code",
        Status => "status",
    }
);

/// Without `sort`: by id, newest first — the order the list always had (ids are time-ordered UUIDs, in
/// the order records were entered; `created_at` may be set earlier for imported or demo records).
const DEFAULT_SORT: Sort<ImpedimentSort> = Sort::by_id(true);

fn sort_key(field: ImpedimentSort) -> Key<impediments::Column> {
    use impediments::Column as C;
    match field {
        ImpedimentSort::CreatedAt => Key::time(C::CreatedAt),
        ImpedimentSort::UpdatedAt => Key::time(C::UpdatedAt),
        ImpedimentSort::Severity => Key::int(C::Severity),
        ImpedimentSort::Title => Key::text(C::Title),
        ImpedimentSort::Partner => Key::text(C::Partner),
        ImpedimentSort::NtmCode => Key::text(C::NtmCode),
        ImpedimentSort::Status => Key::text(C::Status),
    }
}

fn sort_value(field: Option<ImpedimentSort>, r: &impediments::Model) -> KeyValue {
    match field {
        None => KeyValue::Null,
        Some(ImpedimentSort::CreatedAt) => KeyValue::Time(r.created_at),
        Some(ImpedimentSort::UpdatedAt) => KeyValue::Time(r.updated_at),
        Some(ImpedimentSort::Severity) => KeyValue::Int(r.severity.into()),
        Some(ImpedimentSort::Title) => KeyValue::Text(r.title.clone()),
        Some(ImpedimentSort::Partner) => KeyValue::Text(r.partner.clone()),
        Some(ImpedimentSort::NtmCode) => KeyValue::Text(r.ntm_code.clone()),
        Some(ImpedimentSort::Status) => KeyValue::Text(r.status.0.as_str().to_owned()),
    }
}

fn code(value: &str, max: usize) -> Result<String, FieldProblem> {
    let v = value.trim().to_ascii_uppercase();
    if !v.is_empty() && v.len() <= max && v.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        Ok(v)
    } else {
        Err(FieldProblem::new("invalid_format", "is not a code"))
    }
}

fn severity(value: i64) -> Result<i16, FieldProblem> {
    gmc_domain::impediment::parse_severity(value)
}

pub async fn list(db: &DatabaseConnection, actor: &Actor, f: ImpedimentFilter) -> AppResult<Page<ImpedimentView>> {
    authorize(actor, Operation::ReadDelegationRecords)?;
    let mut e = ValidationErrors::new();
    let filters = ImpedimentFilter { sort: None, limit: None, cursor: None, ..f.clone() };
    let paging = Paging::check(&mut e, (f.limit, f.sort.as_deref(), f.cursor.as_deref()), DEFAULT_SORT, &filters);
    let found = filtered(db, actor, &f, &mut e).await?;
    let Some(paging) = paging else {
        return Err(e.into());
    };
    e.finish()?;
    let backend = db.get_database_backend();
    let total = paging.total(db, &found.clone().select(backend, Plan::FromMatches)).await?;
    let field = paging.sort.field;
    let query =
        paging.seek(found.select(backend, Plan::InSortOrder), backend, field.map(sort_key), impediments::Column::Id)?;
    let (rows, next_cursor) = paging.split(query.all(db).await?, |r| (sort_value(field, r), r.id));
    let items = views(db, actor, rows).await?;
    Ok(Page { items, next_cursor, total })
}

/// The rows the actor may read that match the filter, the text search kept apart until the query's
/// use is known: how the search index best takes part depends on it (`search::Plan`).
#[derive(Clone)]
pub(super) struct Filtered {
    query: Select<impediments::Entity>,
    text: Option<String>,
}

impl Filtered {
    pub(super) fn select(self, backend: DbBackend, plan: Plan) -> Select<impediments::Entity> {
        match &self.text {
            Some(q) => self.query.filter(text_matches(backend, q, plan)),
            None => self.query,
        }
    }
}

/// The rows the actor may read that match the filter; problems with the filter go into `e`.
pub(super) async fn filtered(
    db: &DatabaseConnection,
    actor: &Actor,
    f: &ImpedimentFilter,
    e: &mut ValidationErrors,
) -> AppResult<Filtered> {
    let q = e.check("q", search_text(f.q.as_deref())).flatten();
    let status = f.status.as_deref().and_then(|s| e.check("status", parse_enum::<ImpedimentStatus>(s)));
    let country = f.reporting_country.as_deref().and_then(|c| e.check("reporting_country", code(c, 3)));
    let partner = f.partner.as_deref().and_then(|p| e.check("partner", code(p, 12)));
    let chapter = f.ntm_chapter.as_deref().and_then(|c| e.check("ntm_chapter", code(c, 16)));
    let hs = f.hs.as_deref().and_then(|h| {
        let digits = h.trim().bytes().all(|b| b.is_ascii_digit()) && (1..=6).contains(&h.trim().len());
        e.check(
            "hs",
            if digits {
                Ok(h.trim().to_owned())
            } else {
                Err(FieldProblem::new("invalid_format", "must be 1–6 digits"))
            },
        )
    });
    let min = f.severity_min.and_then(|s| e.check("severity_min", severity(s)));
    let max = f.severity_max.and_then(|s| e.check("severity_max", severity(s)));
    if let (Some(a), Some(b)) = (min, max) {
        if a > b {
            e.add("severity_max", "out_of_range", "must not be below severity_min");
        }
    }
    if let (Some(a), Some(b)) = (f.from, f.to) {
        if a > b {
            e.add("to", "out_of_range", "must not be before from");
        }
    }
    let mut query = impediments::Entity::find().filter(read_condition(
        actor,
        impediments::Column::Visibility,
        impediments::Column::DelegationId,
    ));
    if let Some(v) = status {
        query = query.filter(impediments::Column::Status.eq(v.as_str()));
    }
    if let Some(v) = country {
        query = query.filter(impediments::Column::ReportingCountry.eq(v));
    }
    if let Some(v) = partner {
        query = query.filter(impediments::Column::Partner.eq(v));
    }
    if let Some(v) = chapter {
        query = query.filter(impediments::Column::NtmChapter.eq(v));
    }
    if let Some(v) = hs {
        query = query.filter(impediments::Column::HsCode.starts_with(v));
    }
    if let Some(v) = f.delegation {
        query = query.filter(impediments::Column::DelegationId.eq(v));
    }
    if let Some(v) = min {
        query = query.filter(impediments::Column::Severity.gte(v));
    }
    if let Some(v) = max {
        query = query.filter(impediments::Column::Severity.lte(v));
    }
    if let Some(d) = f.from {
        query = query.filter(impediments::Column::CreatedAt.gte(d.and_time(NaiveTime::MIN).and_utc()));
    }
    if let Some(d) = f.to.and_then(|d| d.succ_opt()) {
        query = query.filter(impediments::Column::CreatedAt.lt(d.and_time(NaiveTime::MIN).and_utc()));
    }
    if let Some(t) = f.topic.as_deref() {
        let topic = match Uuid::parse_str(t) {
            Ok(id) => Some(id),
            Err(_) => topics::Entity::find()
                .filter(topics::Column::Code.eq(t.trim().to_ascii_uppercase()))
                .one(db)
                .await?
                .map(|t| t.id),
        };
        // An unknown topic matches nothing.
        let topic = topic.unwrap_or(Uuid::nil());
        query = query.filter(
            impediments::Column::Id.in_subquery(
                Query::select()
                    .column(impediment_topics::Column::ImpedimentId)
                    .from(impediment_topics::Entity)
                    .and_where(impediment_topics::Column::TopicId.eq(topic))
                    .to_owned(),
            ),
        );
    }
    Ok(Filtered { query, text: q })
}
